#pragma once
// The province view of plan implementation (docs/plans.md, "Province
// view"): pure summaries of task states. Each lead unit's share of a task
// (an assignment) is what units are judged on; a task's own status is what
// the plan's counts show.
//
//   on-time completion rate of a unit = assignments it finished on or
//     before their due day / its assignments due by the as-of day
//     (due day ≤ as-of day, not cancelled; continuous tasks and schedules
//     with no date are never due). A unit with none due has no rate and is
//     listed apart. Ranks are competition ranks (1, 2, 2, 4) on the rate
//     rounded to 0.1 percentage point; ties in rank are listed by name.
//   overdue list: every assignment overdue on the as-of day, most days
//     overdue first (days = as-of day − due day).
//   heat map: overdue assignments per lead unit and area.
//   trend: the plans' task counts by status as of each reporting period's
//     last day up to the as-of day, and the as-of day itself.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "plans/model.h"

namespace cchc::plans {

struct Filters {
  std::optional<std::int64_t> plan_id;
  std::string area;                     // "" = every area
  std::vector<std::string> lead_units;  // empty = every unit; else tasks led by one of these
};

// Whether a task passes the filters.
bool passes(const Task& t, const Filters& f);
// The states whose tasks pass the filters (the others removed).
std::vector<TaskState> filtered(std::vector<TaskState> states, const Filters& f);

using StatusCounts = std::map<TaskStatus, int>;

struct UnitCompletion {
  std::string unit;
  int assigned = 0, due = 0, on_time = 0, late = 0, overdue = 0, in_progress = 0, not_started = 0;
  std::optional<double> rate;  // on_time / due
  int rank = 0;                // 0 = not ranked (nothing due, or a division)
};

struct OverdueItem {
  const TaskState* task;
  std::string unit;
  int days = 0;
  int percent = 0;
};

struct ProvinceSummary {
  StatusCounts by_status;
  std::map<std::string, StatusCounts> by_area;  // area code → counts
  std::vector<UnitCompletion> units;            // ranked first (by rank), then unranked
  std::vector<OverdueItem> overdue;
  std::map<std::string, std::map<std::string, int>> heat;  // unit → area → overdue assignments
};

// `names` orders ties and unranked units (Vietnamese order of the names).
// A unit in `not_ranked` (a division: its level is not ranked) is listed
// with the unranked units, whatever its rate. The overdue items point into
// `states`, which must outlive the summary.
ProvinceSummary summarize(const std::vector<TaskState>& states, Date as_of,
                          const std::map<std::string, std::string>& names,
                          const std::set<std::string>& not_ranked = {});

struct TrendPoint {
  std::string label;  // "Quý I năm 2026", or "Ngày 25/11/2026"
  Date as_of;
  StatusCounts counts;
};

}  // namespace cchc::plans
