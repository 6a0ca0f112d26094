#pragma once
// What plans' store files share (internal to src/plans/*_store.cpp): the
// rows of plans, tasks and reports as they read them, which reports count,
// the matcher of a plan's unit names, and what every write does.
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

// Every write transaction to plans, tasks or reports calls this once
// (data_version).
void touch(db::Connection& c);

}  // namespace cchc::plans
