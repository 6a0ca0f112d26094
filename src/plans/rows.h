#pragma once
// What plans' store files share (internal to src/plans/*_store.cpp): the
// rows of plans, tasks and reports as they read them, which reports count,
// the matcher of a plan's unit names, and what every write does.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/columns.h"
#include "db/database.h"
#include "plans/model.h"
#include "plans/names.h"
#include "plans/task_state.h"

namespace cchc::plans {

// A day as stored ("YYYY-MM-DD"), or NULL.
std::optional<std::string> opt_iso(const std::optional<Date>& d);

// A plan as `plans` holds it (plan_store.cpp).
extern const db::Columns<Plan> kPlanRow;

// A task as `plan_tasks` holds it, without its units (kTaskRow.list("t")),
// and the tasks of rows of it with their units, read by `units_sql`
// (task_id, unit_code, role) with `params`; the task or not_found
// (task_store.cpp).
extern const db::Columns<Task> kTaskRow;
std::vector<Task> tasks_of(db::Connection& c, const db::Result& rows, const std::string& units_sql,
                           const std::vector<db::Param>& params);
Task need_task(db::Connection& c, std::int64_t task_id);

// A report as `task_reports` holds it (kReportRow.list("r")); which reports
// count today (report_count_after_days), marked on each (report_store.cpp).
extern const db::Columns<Report> kReportRow;
CountPolicy load_count_policy(db::Connection& c);
void mark_counted(std::vector<Report>& reports, const CountPolicy& policy);

// The unit names of a plan's matrix matched against the units valid on its
// date (its year's 1 January when it has none), the stored aliases and the
// province's name (matrix_store.cpp).
UnitMatcher plan_matcher(db::Connection& c, const Plan& plan);

// What a plan write changed, as refreshed (state_store.cpp) applies it:
// a task's reports (`id` the task), a task (`id` the task), a plan and its
// tasks (`id` the plan), or nothing a year's tasks hold (objectives,
// reporting periods; `id` 0).
enum class Changed { report, task, plan, other };
// Every write to plans, tasks, reports, objectives or reporting periods
// calls this once per change, in its transaction: it sets the next
// data_version and logs the change under it (plan_changes), keeping the
// last kKeptChanges versions' rows.
constexpr std::int64_t kKeptChanges = 1000;
void touch(db::Connection& c, Changed what, std::int64_t id = 0);

}  // namespace cchc::plans
