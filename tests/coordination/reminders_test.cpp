// Which notices a day raises: before deadlines (moved back off weekends and
// holidays), at overdue (the first working day after), escalation after
// working days overdue, and for reports owed.
#include "coordination/reminders.h"

#include <gtest/gtest.h>

namespace cchc::coordination {
namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

TaskState lead_state(std::int64_t id, const char* deadline, TaskStatus status) {
  TaskState s;
  s.task.id = id;
  s.task.description = "NV" + std::to_string(id);
  s.task.deadline = parse_deadline(deadline);
  s.task.leads = {"A"};
  s.leads.push_back({"A", status, 0, std::nullopt, {}});
  s.status = status;
  return s;
}

std::vector<std::string> on(const char* day, const std::vector<TaskState>& states,
                            const std::vector<OwedReport>& owed = {}) {
  std::vector<std::string> out;
  for (const auto& r : reminders_on(d(day), states, owed, ReminderConfig{}, WorkCalendar::vietnam())) {
    out.push_back(kind_code(r.kind) + "/" + std::to_string(r.task_id) + "/" + std::to_string(r.days));
  }
  return out;
}

TEST(Reminders, NoticeDaysMoveBackOffDaysOff) {
  const auto& cal = WorkCalendar::vietnam();
  struct Case {
    const char* target;
    const char* sent;
  } cases[] = {
      {"2024-06-12", "2024-06-12"},  // a Wednesday
      {"2024-06-15", "2024-06-14"},  // Saturday → Friday
      {"2024-06-16", "2024-06-14"},  // Sunday → Friday
      {"2025-05-01", "2025-04-29"},  // 30/04 and 01/05 holidays → Tuesday 29/04
      {"2025-02-01", "2025-01-24"},  // Tết 2025 (27/01–02/02 off) → Friday 24/01
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    EXPECT_EQ(format_iso_date(notice_day(d(c.target), cal)), c.sent);
  }
}

TEST(Reminders, BeforeDeadlineAtOverdueAndEscalation) {
  // Due 21/06/2024 (a Friday): 7 days before is Friday 14/06, 1 day before Thursday 20/06.
  std::vector<TaskState> states = {lead_state(1, "trước ngày 21/6/2024", TaskStatus::in_progress)};
  EXPECT_EQ(on("2024-06-14", states), (std::vector<std::string>{"before_deadline/1/7"}));
  EXPECT_EQ(on("2024-06-20", states), (std::vector<std::string>{"before_deadline/1/1"}));
  EXPECT_TRUE(on("2024-06-21", states).empty());
  // Overdue: Saturday 22/06 is off; the first working day after is Monday 24/06.
  EXPECT_TRUE(on("2024-06-22", states).empty());
  EXPECT_EQ(on("2024-06-24", states), (std::vector<std::string>{"overdue/1/0"}));
  // Five working days overdue: 24, 25, 26, 27, 28/06 → Friday 28/06; ten → Friday 05/07.
  EXPECT_EQ(on("2024-06-28", states), (std::vector<std::string>{"escalate_leader/1/5"}));
  EXPECT_EQ(on("2024-07-05", states), (std::vector<std::string>{"escalate_coordinator/1/10"}));
  EXPECT_TRUE(on("2024-07-08", states).empty());

  // A 7-day notice falling on a Sunday moves to the Friday before: due Sunday 30/06 → 23/06 is a Sunday → 21/06.
  std::vector<TaskState> quarter = {lead_state(2, "Quý II/2024", TaskStatus::not_started)};
  EXPECT_EQ(on("2024-06-21", quarter), (std::vector<std::string>{"before_deadline/2/7"}));
  // 1 day before (Saturday 29/06) → Friday 28/06.
  EXPECT_EQ(on("2024-06-28", quarter), (std::vector<std::string>{"before_deadline/2/1"}));
  // Overdue from Monday 01/07.
  EXPECT_EQ(on("2024-07-01", quarter), (std::vector<std::string>{"overdue/2/0"}));

  // Across the 02/09 holidays: due Friday 30/08/2024; 31/08–03/09 off → overdue notice Wednesday 04/09.
  std::vector<TaskState> national_day = {lead_state(3, "trước ngày 30/8/2024", TaskStatus::in_progress)};
  EXPECT_TRUE(on("2024-09-03", national_day).empty());
  EXPECT_EQ(on("2024-09-04", national_day), (std::vector<std::string>{"overdue/3/0"}));

  // Done, cancelled, continuous: nothing.
  EXPECT_TRUE(on("2024-06-14", {lead_state(4, "trước ngày 21/6/2024", TaskStatus::done)}).empty());
  EXPECT_TRUE(on("2024-06-24", {lead_state(5, "trước ngày 21/6/2024", TaskStatus::done_late)}).empty());
  EXPECT_TRUE(on("2024-06-14", {lead_state(6, "Thường xuyên", TaskStatus::in_progress)}).empty());
  auto cancelled = lead_state(7, "trước ngày 21/6/2024", TaskStatus::cancelled);
  cancelled.task.cancelled_reason = "Không còn phù hợp";
  EXPECT_TRUE(on("2024-06-14", {cancelled}).empty());
}

TEST(Reminders, ReportsOwed) {
  // The h1 report due Monday 17/06/2024 (15/06 moved off the weekend).
  std::vector<OwedReport> owed = {{"A", 1, "2024-h1", d("2024-06-17"), false},
                                  {"B", 1, "2024-h1", d("2024-06-17"), true}};
  EXPECT_EQ(on("2024-06-10", {}, owed), (std::vector<std::string>{"report_due/1/7"}));
  EXPECT_EQ(on("2024-06-14", {}, owed), (std::vector<std::string>{"report_due/1/1"}));  // Sunday 16 → Friday 14
  EXPECT_EQ(on("2024-06-18", {}, owed), (std::vector<std::string>{"report_missing/1/0"}));
  EXPECT_TRUE(on("2024-06-19", {}, owed).empty());
}

TEST(Reminders, NothingOnADayOff) {
  std::vector<TaskState> states = {lead_state(1, "trước ngày 21/6/2024", TaskStatus::in_progress)};
  EXPECT_TRUE(on("2024-06-15", states).empty());
  Reminder r{Reminder::Kind::before_deadline, 1, "A", "", d("2024-06-21"), 7};
  EXPECT_EQ(r.event(d("2024-06-14")), "before_deadline:7::2024-06-14");
  EXPECT_EQ(message_vi(r, "Rà soát", "Sở Nội vụ"), "Nhiệm vụ “Rà soát” của Sở Nội vụ đến hạn sau 7 ngày (21/06/2024).");
}

// A report notice names the period by its label, never by its key, and
// the year period in lower case inside the sentence.
TEST(Reminders, ReportNoticesNameThePeriodByItsLabel) {
  std::vector<OwedReport> owed = {{"A", 1, "2024-year", d("2024-12-16"), false, "Năm 2024"},
                                  {"A", 2, "2024-q3", d("2024-12-16"), false, "Quý III năm 2024"}};
  auto reminders = reminders_on(d("2024-12-17"), {}, owed, ReminderConfig{}, WorkCalendar::vietnam());
  ASSERT_EQ(reminders.size(), 2u);
  struct Case {
    const char* want;
    const char* never;
  } cases[] = {{"cho kỳ năm 2024;", "2024-year"}, {"cho kỳ Quý III năm 2024;", "2024-q3"}};
  for (std::size_t i = 0; i < reminders.size(); ++i) {
    auto m = message_vi(reminders[i], "Rà soát", "Sở Nội vụ");
    SCOPED_TRACE(m);
    EXPECT_EQ(reminders[i].kind, Reminder::Kind::report_missing);
    EXPECT_NE(m.find(cases[i].want), std::string::npos);
    EXPECT_EQ(m.find(cases[i].never), std::string::npos);
  }
  Reminder due{Reminder::Kind::report_due, 1, "A", "2026-year", d("2026-12-15"), 7, "Năm 2026"};
  EXPECT_EQ(message_vi(due, "Rà soát", "Sở Nội vụ"),
            "Sở Nội vụ chưa báo cáo nhiệm vụ “Rà soát” cho kỳ năm 2026; hạn gửi báo cáo 15/12/2026 (còn 7 ngày).");
}

}  // namespace
}  // namespace cchc::coordination
