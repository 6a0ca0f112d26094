#include "plans/status.h"

namespace cchc::plans {

using namespace std::chrono;

TaskStatus status_as_of(const TaskProgress& t, Date as_of) {
  if (t.cancelled) return TaskStatus::cancelled;
  const auto& due = t.deadline.due;
  bool continuous = t.deadline.kind == Deadline::Kind::continuous;
  if (t.done_on && sys_days{*t.done_on} <= sys_days{as_of}) {
    if (continuous || !due) return TaskStatus::done;
    return sys_days{*t.done_on} <= sys_days{*due} ? TaskStatus::done : TaskStatus::done_late;
  }
  if (!continuous && due && sys_days{as_of} > sys_days{*due}) return TaskStatus::overdue;
  return t.percent > 0 ? TaskStatus::in_progress : TaskStatus::not_started;
}

std::string status_code(TaskStatus s) {
  switch (s) {
    case TaskStatus::not_started: return "not_started";
    case TaskStatus::in_progress: return "in_progress";
    case TaskStatus::done: return "done";
    case TaskStatus::done_late: return "done_late";
    case TaskStatus::overdue: return "overdue";
    case TaskStatus::cancelled: return "cancelled";
  }
  return {};
}

std::string status_label_vi(TaskStatus s) {
  switch (s) {
    case TaskStatus::not_started: return "Chưa thực hiện";
    case TaskStatus::in_progress: return "Đang thực hiện";
    case TaskStatus::done: return "Đã hoàn thành";
    case TaskStatus::done_late: return "Hoàn thành trễ hạn";
    case TaskStatus::overdue: return "Quá hạn";
    case TaskStatus::cancelled: return "Đã hủy";
  }
  return {};
}

}  // namespace cchc::plans
