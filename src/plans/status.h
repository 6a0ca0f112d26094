#pragma once
// A task's status as of a date, derived from its deadline and what was
// reported — never stored, so it cannot go stale.
//
//   cancelled          the task was cancelled (with a reason)
//   done               finished on or before the due day (continuous and
//                      undated schedule tasks: finished at all)
//   done_late          finished after the due day
//   overdue            not finished, and the as-of day is after the due day
//                      (continuous tasks are never overdue as a whole)
//   in_progress        not finished, not overdue, some progress reported
//   not_started        none of the above
// Days are local (+07:00) calendar days; a task due on 31/03 and finished
// on 31/03 at 23:59 is on time.
#include <optional>
#include <string>

#include "core/dates.h"
#include "core/deadline.h"

namespace cchc::plans {

enum class TaskStatus { not_started, in_progress, done, done_late, overdue, cancelled };

struct TaskProgress {
  Deadline deadline;
  std::optional<Date> done_on;  // the day it was finished
  int percent = 0;              // 0-100, as last reported
  bool cancelled = false;
};

TaskStatus status_as_of(const TaskProgress& t, Date as_of);
std::string status_code(TaskStatus s);      // not_started, in_progress, …
std::string status_label_vi(TaskStatus s);  // Chưa thực hiện, Đang thực hiện, …

}  // namespace cchc::plans
