#include "coordination/reminders.h"
#include "plans/periods.h"

#include <fmt/format.h>

namespace cchc::coordination {

using namespace std::chrono;

namespace {

Date add(Date d, int n) { return Date{sys_days{d} + days{n}}; }

bool covered_working_day(Date d, const WorkCalendar& cal) { return reminder_day(d, cal); }

// The first working day after `d`.
Date next_working_day(Date d, const WorkCalendar& cal) {
  Date n = add(d, 1);
  for (int guard = 0; guard < 30 && !covered_working_day(n, cal); ++guard) n = add(n, 1);
  return n;
}

}  // namespace

bool reminder_day(Date d, const WorkCalendar& cal) {
  if (cal.covers(d)) return cal.is_working_day(d);
  weekday w{sys_days{d}};
  return w != Saturday && w != Sunday;
}

std::string kind_code(Reminder::Kind k) {
  switch (k) {
    case Reminder::Kind::before_deadline: return "before_deadline";
    case Reminder::Kind::overdue: return "overdue";
    case Reminder::Kind::escalate_leader: return "escalate_leader";
    case Reminder::Kind::escalate_coordinator: return "escalate_coordinator";
    case Reminder::Kind::report_due: return "report_due";
    case Reminder::Kind::report_missing: return "report_missing";
  }
  return {};
}

std::string Reminder::event(Date day) const {
  return fmt::format("{}:{}:{}:{}", kind_code(kind), days, period, format_iso_date(day));
}

std::string message_vi(const Reminder& r, const std::string& task, const std::string& unit) {
  auto due = format_date_vi(r.due);
  switch (r.kind) {
    case Reminder::Kind::before_deadline:
      return fmt::format("Nhiệm vụ “{}” của {} đến hạn sau {} ngày ({}).", task, unit, r.days, due);
    case Reminder::Kind::overdue: return fmt::format("Nhiệm vụ “{}” của {} đã quá hạn (hạn {}).", task, unit, due);
    case Reminder::Kind::escalate_leader:
    case Reminder::Kind::escalate_coordinator:
      return fmt::format("Nhiệm vụ “{}” của {} đã quá hạn {} ngày làm việc (hạn {}), đề nghị chỉ đạo hoàn thành.", task,
                         unit, r.days, due);
    case Reminder::Kind::report_due:
      return fmt::format("{} chưa báo cáo nhiệm vụ “{}” cho kỳ {}; hạn gửi báo cáo {} (còn {} ngày).", unit, task,
                         plans::period_in_sentence(r.period_label), due, r.days);
    case Reminder::Kind::report_missing:
      return fmt::format("{} chưa gửi báo cáo nhiệm vụ “{}” cho kỳ {}; đã quá hạn gửi báo cáo ({}).", unit, task,
                         plans::period_in_sentence(r.period_label), due);
  }
  return {};
}

Date notice_day(Date target, const WorkCalendar& cal) {
  Date d = target;
  for (int guard = 0; guard < 30 && !covered_working_day(d, cal); ++guard) d = add(d, -1);
  return d;
}

std::vector<Reminder> reminders_on(Date day, const std::vector<TaskState>& states, const std::vector<OwedReport>& owed,
                                   const ReminderConfig& config, const WorkCalendar& cal) {
  std::vector<Reminder> out;
  if (!covered_working_day(day, cal)) return out;
  for (const auto& s : states) {
    const auto& t = s.task;
    if (t.cancelled_reason || !t.deadline.due || t.deadline.kind == Deadline::Kind::continuous) continue;
    Date due = *t.deadline.due;
    for (const auto& a : s.leads) {
      if (a.status == TaskStatus::done || a.status == TaskStatus::done_late || a.status == TaskStatus::cancelled)
        continue;
      for (int n : config.days_before) {
        if (n > 0 && notice_day(add(due, -n), cal) == day && sys_days{day} <= sys_days{due}) {
          out.push_back({Reminder::Kind::before_deadline, t.id, a.unit_code, "", due, n});
        }
      }
      if (sys_days{day} <= sys_days{due}) continue;
      if (next_working_day(due, cal) == day) out.push_back({Reminder::Kind::overdue, t.id, a.unit_code, "", due, 0});
      int late = cal.covers(due) && cal.covers(day) ? cal.working_days_between(due, day) : 0;
      if (late == config.leader_after) {
        out.push_back({Reminder::Kind::escalate_leader, t.id, a.unit_code, "", due, late});
      }
      if (late == config.coordinator_after) {
        out.push_back({Reminder::Kind::escalate_coordinator, t.id, a.unit_code, "", due, late});
      }
    }
  }
  for (const auto& o : owed) {
    if (o.made) continue;
    for (int n : config.days_before) {
      if (n > 0 && notice_day(add(o.due, -n), cal) == day && sys_days{day} <= sys_days{o.due}) {
        out.push_back({Reminder::Kind::report_due, o.task_id, o.unit, o.period, o.due, n, o.period_label});
      }
    }
    if (next_working_day(o.due, cal) == day) {
      out.push_back({Reminder::Kind::report_missing, o.task_id, o.unit, o.period, o.due, 0, o.period_label});
    }
  }
  return out;
}

}  // namespace cchc::coordination
