#pragma once
// Reminders and escalation (docs/plans.md, "Reminders"): which notices a
// day raises, as a pure function of the tasks' states and the reports owed.
//
//   before_deadline  N days before a task's due day (N in `days_before`,
//                    default 7 and 1), to the lead unit; a notice day that
//                    is not a working day moves back to the working day
//                    before it, so it reaches people at work
//   overdue          on the first working day after the due day, to the
//                    lead unit
//   escalate_leader  when the task has been overdue `leader_after` working
//                    days (default 5), to the unit's leader
//   escalate_coordinator  after `coordinator_after` working days (default
//                    10), to the coordinator (Sở Nội vụ: the admins)
//   report_due       N days before a period's report due day, to a unit
//                    that owes the report and has not made it
//   report_missing   on the first working day after the report due day,
//                    the same
// Nothing is raised on a day that is not a working day. Tasks done,
// cancelled, continuous or with no due day raise no deadline notices.
#include <string>
#include <vector>

#include "coordination/model.h"
#include "core/calendar.h"

namespace cchc::coordination {

struct ReminderConfig {
  std::vector<int> days_before = {7, 1};
  int leader_after = 5;
  int coordinator_after = 10;
};

// A report a unit owes for the current period, and whether it was made.
struct OwedReport {
  std::string unit;
  std::int64_t task_id = 0;
  std::string period;  // "2026-q3"
  Date due;            // the period's report due day (already moved off days off)
  bool made = false;
  std::string period_label;  // "Năm 2026": what the notice says, never the key
};

struct Reminder {
  enum class Kind { before_deadline, overdue, escalate_leader, escalate_coordinator, report_due, report_missing };
  Kind kind;
  std::int64_t task_id = 0;
  std::string unit;
  std::string period;        // report reminders
  Date due;                  // the task's or the report's due day
  int days = 0;              // days before (before_*, report_due) or working days overdue (escalate_*)
  std::string period_label;  // the report period's label (report reminders), as the notice says it
  // What makes it unique on its day: "before_deadline:7:2026-03-24".
  std::string event(Date day) const;
};

std::string kind_code(Reminder::Kind k);
// The notice in Vietnamese for the unit's people: "Nhiệm vụ “…” đến hạn sau 7 ngày (31/03/2026).";
// a report's period by its label ("… cho kỳ năm 2026 …", period_in_sentence).
std::string message_vi(const Reminder& r, const std::string& task_description, const std::string& unit_name);

// Whether notices go out on a day: a working day by the calendar; outside
// the years it covers, Monday to Friday (holidays unknown).
bool reminder_day(Date d, const WorkCalendar& cal);

// The day a notice planned for `target` is sent: `target`, or the working
// day before it when it is a day off (when the calendar covers it).
Date notice_day(Date target, const WorkCalendar& cal);

std::vector<Reminder> reminders_on(Date day, const std::vector<TaskState>& states, const std::vector<OwedReport>& owed,
                                   const ReminderConfig& config, const WorkCalendar& cal);

}  // namespace cchc::coordination
