#pragma once
// What plans' store files share (internal to src/plans/*_store.cpp): the
// rows of plans, tasks and reports as they read them, which reports count,
// the matcher of a plan's unit names, and what every write does.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "plans/model.h"
#include "plans/names.h"
#include "plans/task_state.h"

namespace cchc::plans {

// A stored day ("YYYY-MM-DD"), or none for NULL; and a day as stored.
std::optional<Date> opt_date(const db::Row& r, std::string_view column);
std::optional<std::string> opt_iso(const std::optional<Date>& d);

// The columns of `plans` and a plan from a row of them (plan_store.cpp).
extern const char* const kPlanColumns;
Plan plan_of(const db::Row& r);

// The columns of `plan_tasks t` and the tasks of rows of them, their units
// filled by `units_sql` (task_id, unit_code, role) with `params`; the task
// or not_found (task_store.cpp).
extern const char* const kTaskColumns;
std::vector<Task> tasks_of(db::Connection& c, const db::Result& rows, const std::string& units_sql,
                           const std::vector<db::Param>& params);
Task need_task(db::Connection& c, std::int64_t task_id);

// The columns of `task_reports r` and a report from a row of them; which
// reports count today (report_count_after_days), marked on each
// (report_store.cpp).
extern const char* const kReportColumns;
Report report_of(const db::Row& r);
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
