#include "plans/task_state.h"

#include "plans/periods.h"

namespace cchc::plans {

using namespace std::chrono;

namespace {

// Everything of a task's state but the task itself, from the reports made
// before `cutoff`, as of the day `as_of`.
void derive(const Task& task, const std::vector<Report>& reports, Date as_of, Instant cutoff, TaskState& s) {
  bool cancelled = task.cancelled_reason.has_value();
  s.leads.clear();
  s.leads.reserve(task.leads.size());
  for (const auto& unit : task.leads) {
    const Report* latest = nullptr;
    for (const auto& r : reports) {
      if (!r.counted || r.task_id != task.id || r.reported_at >= cutoff || r.unit_code != unit || r.role != "lead") {
        continue;
      }
      if (!latest || r.reported_at > latest->reported_at ||
          (r.reported_at == latest->reported_at && r.period > latest->period)) {
        latest = &r;
      }
    }
    Assignment a;
    a.unit_code = unit;
    if (latest) {
      a.percent = latest->progress == "done" ? 100 : latest->percent;
      if (latest->progress == "done") a.done_on = latest->done_on.value_or(local_date(latest->reported_at));
      a.last_period = latest->period;
    }
    a.status = status_as_of({task.deadline, a.done_on, a.percent, cancelled}, as_of);
    s.leads.push_back(std::move(a));
  }
  std::optional<Date> done_on;
  bool all_done = !s.leads.empty();
  int sum = 0;
  for (const auto& a : s.leads) {
    sum += a.percent;
    if (!a.done_on)
      all_done = false;
    else if (!done_on || sys_days{*a.done_on} > sys_days{*done_on})
      done_on = a.done_on;
  }
  s.percent = s.leads.empty() ? 0 : (sum + int(s.leads.size()) / 2) / int(s.leads.size());
  s.done_on = all_done ? done_on : std::nullopt;
  s.status = status_as_of({task.deadline, s.done_on, s.percent, cancelled}, as_of);
}

// Reports made by the end of a day.
Instant end_of(Date d) { return start_of_day(Date{sys_days{d} + days{1}}); }

}  // namespace

TaskState state_as_of(const Task& task, const std::vector<Report>& reports, Date as_of) {
  TaskState s;
  derive(task, reports, as_of, end_of(as_of), s);
  s.task = task;
  return s;
}

TaskStatus task_status_as_of(const Task& task, const std::vector<Report>& reports, Date as_of) {
  thread_local TaskState scratch;
  derive(task, reports, as_of, end_of(as_of), scratch);
  return scratch.status;
}

TaskState state_for_period(const Task& task, const std::vector<Report>& reports,
                           const std::vector<ReportPeriod>& config, const PeriodOfYear& period) {
  int rank = period_rank(config, period.key);
  std::vector<Report> upto;
  for (const auto& r : reports) {
    int k = period_rank(config, r.period);
    if (k >= 0 && k <= rank) upto.push_back(r);
  }
  TaskState s;
  derive(task, upto, period.last, Instant::max(), s);
  s.task = task;
  return s;
}

bool owes_report(const Task& task, const std::optional<Report>& last) {
  if (task.cancelled_reason) return false;
  if (task.deadline.kind == Deadline::Kind::continuous) return true;
  return !(last && last->progress == "done");
}

ReportsForPeriod reports_for_period(const std::vector<Report>& own, const std::vector<ReportPeriod>& config,
                                    const std::string& period_key) {
  ReportsForPeriod out;
  int rank = period_rank(config, period_key);
  int previous_rank = -1;
  for (const auto& r : own) {
    if (r.period == period_key) {
      if (!out.current || r.reported_at >= out.current->reported_at) out.current = r;
      continue;
    }
    int k = period_rank(config, r.period);
    if (k >= rank || r.review == "returned") continue;
    if (k > previous_rank || (k == previous_rank && r.reported_at >= out.previous->reported_at)) {
      out.previous = r;
      previous_rank = k;
    }
  }
  return out;
}

CountPolicy count_policy(Date today, int count_after_days, const WorkCalendar& calendar) {
  if (count_after_days <= 0) return {};
  // Walk back from today to the n-th working day: a report made before it
  // has had n working days.
  Date d = today;
  for (int seen = 0;; d = Date{sys_days{d} - std::chrono::days{1}}) {
    bool working = calendar.covers(d) ? calendar.is_working_day(d)
                                      : weekday{sys_days{d}}.c_encoding() % 6 != 0;  // Monday to Friday
    if (working && ++seen == count_after_days) break;
  }
  return {Date{sys_days{d} - std::chrono::days{1}}};
}

bool report_counts(std::string_view review, Date reported_on, const CountPolicy& policy) {
  if (review == "accepted") return true;
  return review == "pending" && policy.pending_until && sys_days{reported_on} <= sys_days{*policy.pending_until};
}

}  // namespace cchc::plans
