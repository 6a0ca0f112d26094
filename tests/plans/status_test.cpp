#include "plans/status.h"

#include <gtest/gtest.h>

namespace cchc::plans {
namespace {

TEST(TaskStatus, DerivedAsOfADate) {
  struct Case {
    const char* deadline;
    const char* done_on;  // nullptr: not finished
    int percent;
    bool cancelled;
    const char* as_of;
    const char* status;
  } cases[] = {
      // Quý I/2024 is due 31/03/2024.
      {"Quý I/2024", nullptr, 0, false, "2024-03-31", "not_started"},
      {"Quý I/2024", nullptr, 30, false, "2024-03-31", "in_progress"},
      {"Quý I/2024", nullptr, 30, false, "2024-04-01", "overdue"},  // the day after the quarter ends
      {"Quý I/2024", nullptr, 0, false, "2024-04-01", "overdue"},
      {"Quý I/2024", "2024-03-31", 100, false, "2024-04-10", "done"},  // on the last day
      {"Quý I/2024", "2024-04-01", 100, false, "2024-04-10", "done_late"},
      {"Quý I/2024", "2024-04-01", 100, false, "2024-03-31", "in_progress"},  // as of before it was done
      {"Quý I/2024", "2024-04-05", 100, false, "2024-04-02", "overdue"},
      // exact dates and months
      {"trước ngày 21/6/2024", nullptr, 0, false, "2024-06-21", "not_started"},
      {"trước ngày 21/6/2024", nullptr, 0, false, "2024-06-22", "overdue"},
      {"Tháng 2/2024", "2024-02-29", 100, false, "2024-03-01", "done"},  // leap day
      {"Trong năm 2023", nullptr, 90, false, "2023-12-31", "in_progress"},
      {"Trong năm 2023", nullptr, 90, false, "2024-01-01", "overdue"},
      // continuous tasks are never overdue as a whole
      {"Thường xuyên", nullptr, 0, false, "2030-01-01", "not_started"},
      {"Thường xuyên", nullptr, 50, false, "2030-01-01", "in_progress"},
      {"Thường xuyên", "2024-05-01", 100, false, "2030-01-01", "done"},
      // per schedule, with and without a date
      {"Theo tiến độ phê duyệt", nullptr, 0, false, "2030-01-01", "not_started"},
      {"Theo tiến độ phê duyệt, trước ngày 30/6/2024", nullptr, 0, false, "2024-07-01", "overdue"},
      // cancelled wins
      {"Quý I/2024", nullptr, 0, true, "2024-05-01", "cancelled"},
      {"Quý I/2024", "2024-03-01", 100, true, "2024-05-01", "cancelled"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.deadline) + " as of " + c.as_of);
    TaskProgress t{parse_deadline(c.deadline), c.done_on ? std::optional(parse_iso_date(c.done_on)) : std::nullopt,
                   c.percent, c.cancelled};
    EXPECT_EQ(status_code(status_as_of(t, parse_iso_date(c.as_of))), c.status);
  }
  EXPECT_EQ(status_label_vi(TaskStatus::done_late), "Hoàn thành trễ hạn");
  EXPECT_EQ(status_label_vi(TaskStatus::overdue), "Quá hạn");
}

}  // namespace
}  // namespace cchc::plans
