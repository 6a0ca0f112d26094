#pragma once
// A task's state from its leads' reports, which reports count, and what a
// unit owes for a period.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "plans/model.h"

namespace cchc::plans {

// A task's state as of `as_of` from the reports made on or before that day
// (each lead's latest report counts). The task is done when every lead has
// reported it done (done_on: the last of their days); its percent is the
// leads' mean; a task with no leads is judged on its deadline alone.
TaskState state_as_of(const Task& task, const std::vector<Report>& reports, Date as_of);
// A task's state as a period's report tells it: from the reports of that
// period and earlier ones (whenever they were made; each lead's report of
// the latest period counts), as of the period's last day (its figures'
// cut-off). The compiled period report uses it.
TaskState state_for_period(const Task& task, const std::vector<Report>& reports,
                           const std::vector<ReportPeriod>& config, const PeriodOfYear& period);
// Only the status of state_as_of (no copy of the task): for counts.
TaskStatus task_status_as_of(const Task& task, const std::vector<Report>& reports, Date as_of);

// Which reports count as of `today`: accepted ones do; pending ones do once
// `count_after_days` (> 0, the setting report_count_after_days) working days
// have passed since the day each was made, that is when made on or before
// `pending_until`; returned ones never. A day the calendar does not cover
// counts as a working day when it is Monday to Friday.
struct CountPolicy {
  std::optional<Date> pending_until;  // none: pending reports never count
  friend bool operator==(const CountPolicy&, const CountPolicy&) = default;
};
CountPolicy count_policy(Date today, int count_after_days, const WorkCalendar& calendar);
bool report_counts(std::string_view review, Date reported_on, const CountPolicy& policy);

// Whether a unit still owes a report on a task for a period: continuous
// tasks always; others until the unit has reported them done in an
// earlier period; cancelled tasks never.
bool owes_report(const Task& task, const std::optional<Report>& last_before_period);
// One unit's reports in one role on one task, as every count of what is
// owed reads them for a period (the work list, the reminders, the urging
// letter and the compiled report alike, docs/plans.md "What a unit owes"):
// `previous`, the report of the latest earlier period that was not returned
// (a later report of the same period wins), which owes_report reads;
// `current`, this period's report in any review state (a pending or
// returned one is made, and listed apart).
struct ReportsForPeriod {
  std::optional<Report> previous, current;
};
ReportsForPeriod reports_for_period(const std::vector<Report>& own, const std::vector<ReportPeriod>& config,
                                    const std::string& period_key);

}  // namespace cchc::plans
