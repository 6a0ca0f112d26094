// The compiled period report: each task as the reports of that period and
// earlier ones tell it (later periods ignored), who still owes the period's
// report, who reported late, and the Word draft's Decree 30 parts.
#include "coordination/compiled.h"

#include <gtest/gtest.h>

#include <zip.h>
#include "support/zip_entry.h"

#include "core/calendar.h"
#include "plans/periods.h"
#include "support/report_periods.h"

namespace cchc::coordination {
namespace {

using namespace std::chrono;

std::vector<ReportPeriod> config() { return testing::quarterly_periods(); }

Task task(std::int64_t id, const char* area, const char* deadline, std::vector<std::string> leads) {
  Task t;
  t.id = id;
  t.plan_id = 1;
  t.area_code = area;
  t.description = "Nhiệm vụ " + std::to_string(id);
  t.deadline = parse_deadline(deadline);
  t.leads = std::move(leads);
  return t;
}

Report report(std::int64_t task, const char* unit, const char* period, const char* progress, int percent,
              const char* done_on, const char* reported_on, const char* role = "lead") {
  Report r;
  r.task_id = task;
  r.unit_code = unit;
  r.period = period;
  r.role = role;
  r.progress = progress;
  r.percent = percent;
  if (done_on) r.done_on = parse_iso_date(done_on);
  r.narrative = std::string("Báo cáo của ") + unit;
  r.reported_at = start_of_day(parse_iso_date(reported_on)) + hours{9};
  return r;
}

TEST(CompiledReport, ThePeriodsReportsAndWhoOwesThem) {
  std::vector<Task> tasks = {task(1, "institutions", "Quý I/2024", {"A"}),
                             task(2, "institutions", "Quý III/2024", {"A", "B"}),
                             task(3, "procedures", "Thường xuyên", {"B"}), task(4, "procedures", "Quý IV/2024", {"C"})};
  std::vector<Report> reports = {
      report(1, "A", "2024-q1", "done", 100, "2024-03-10", "2024-03-14"),  // done in q1: owes nothing in h1
      report(2, "A", "2024-h1", "in_progress", 60, nullptr, "2024-06-14"),
      report(2, "B", "2024-h1", "in_progress", 40, nullptr, "2024-06-20"),  // after the due day (17/06): late
      report(2, "C", "2024-h1", "in_progress", 10, nullptr, "2024-06-10", "cooperate"),
      report(2, "A", "2024-q3", "done", 100, "2024-07-01", "2024-09-10"),   // a later period: not in h1's report
      report(3, "B", "2024-q1", "in_progress", 50, nullptr, "2024-03-12"),  // continuous: owes h1 too
  };
  const auto& cal = WorkCalendar::vietnam();
  Plan plan;
  plan.number = "12/KH-UBND";
  plan.year = 2024;
  auto h1 = period_of_key(config(), "2024-h1", cal);
  auto r = compile(plan, tasks, reports, config(), h1);
  ASSERT_EQ(r.tasks.size(), 4u);
  // Owed in h1: task 2 (A, B), task 3 (B, continuous), task 4 (C); reported: task 2's two.
  EXPECT_EQ(r.owed, 4);
  EXPECT_EQ(r.reported, 2);
  EXPECT_EQ(status_code(r.tasks[0].state.status), "done");
  EXPECT_TRUE(r.tasks[0].missing.empty());
  EXPECT_EQ(status_code(r.tasks[1].state.status), "in_progress");  // q3's "done" is not counted
  EXPECT_EQ(r.tasks[1].state.percent, 50);
  ASSERT_EQ(r.tasks[1].reports.size(), 3u);
  EXPECT_EQ(r.tasks[1].reports.back().role, "cooperate");  // leads first
  EXPECT_EQ(r.tasks[1].late, (std::vector<std::string>{"B"}));
  EXPECT_EQ(r.tasks[2].missing, (std::vector<std::string>{"B"}));
  EXPECT_EQ(r.tasks[3].missing, (std::vector<std::string>{"C"}));
  EXPECT_EQ(r.counts[TaskStatus::done], 1);

  // As of q3, task 2 is done late? No: both leads must be done; B is not.
  auto q3 = compile(plan, tasks, reports, config(), period_of_key(config(), "2024-q3", cal));
  EXPECT_EQ(status_code(q3.tasks[1].state.status), "in_progress");
  EXPECT_EQ(q3.tasks[1].state.percent, 70);  // A 100, B 40 (its h1 report)

  std::map<std::string, std::string> names = {{"A", "Sở A"}, {"B", "Sở B"}, {"C", "Sở C"}};
  std::vector<Area> areas = {{"institutions", "Cải cách thể chế", 1}, {"procedures", "Cải cách thủ tục hành chính", 2}};
  auto table = compiled_table(r, areas, names);
  ASSERT_EQ(table.rows.size(), 6u);  // two area rows, four tasks
  EXPECT_EQ(table.rows[0][0].text, "I");
  EXPECT_EQ(table.rows[2][8].text, "Báo cáo trễ hạn: Sở B");
  EXPECT_EQ(table.rows[4][8].text, "Chưa báo cáo: Sở B");
  EXPECT_NE(table.rows[2][7].text.find("Sở C (phối hợp): Báo cáo của C"), std::string::npos);

  auto docx = compiled_docx(r, areas, names, {"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"});
  auto xml = testing::zip_entry(docx, "word/document.xml");
  for (const char* part : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ NỘI VỤ",
                           "Số:        /BC-SNV", "Đồng Nai, ngày     tháng     năm 2024", "BÁO CÁO",
                           "Kết quả thực hiện Kế hoạch số 12/KH-UBND", "I. KẾT QUẢ THỰC HIỆN", "1. Cải cách thể chế",
                           "II. TỒN TẠI, HẠN CHẾ", "Chưa báo cáo kết quả thực hiện: Nhiệm vụ 4 (Sở C)",
                           "Nơi nhận:", "Các đơn vị chủ trì đã gửi 2/4 báo cáo của kỳ."}) {
    EXPECT_NE(xml.find(part), std::string::npos) << part;
  }
  // A report has no "Kính gửi:", so its recipients are not "Như trên".
  EXPECT_EQ(xml.find("Kính gửi"), std::string::npos);
  EXPECT_EQ(xml.find("Như trên"), std::string::npos);

  // A report not yet accepted counts nowhere and is shown as such; the
  // units' difficulties and proposals come with the coordinator's answers.
  auto pending = report(4, "C", "2024-h1", "done", 100, "2024-06-01", "2024-06-10");
  pending.review = "pending";
  pending.counted = false;
  pending.proposals = "Đề nghị bổ sung kinh phí.";
  auto with_answer = report(2, "A", "2024-h1", "in_progress", 60, nullptr, "2024-06-11");
  with_answer.difficulties = "Thiếu nhân lực.";
  with_answer.difficulties_answer = "Sở Nội vụ sẽ hướng dẫn.";
  auto more = reports;
  more.push_back(pending);
  more.push_back(with_answer);
  auto r2 = compile(plan, tasks, more, config(), h1);
  EXPECT_EQ(r2.reported, 2);  // C's report is not counted
  EXPECT_EQ(r2.unreviewed, 1);
  // Sent, so not missing (the work list and the urging letter count it made
  // too): listed apart as waiting for review.
  EXPECT_TRUE(r2.tasks[3].missing.empty());
  EXPECT_EQ(status_code(r2.tasks[3].state.status), status_code(r.tasks[3].state.status));
  auto table2 = compiled_table(r2, areas, names);
  EXPECT_NE(table2.rows[5][8].text.find("Báo cáo chờ duyệt (chưa tính): Sở C"), std::string::npos);
  EXPECT_EQ(table2.rows[5][7].text.find("Báo cáo của C"), std::string::npos);  // no narrative of it
  auto xml2 =
      testing::zip_entry(compiled_docx(r2, areas, names, {"", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "BC-UBND", "Đồng Nai"}),
                         "word/document.xml");
  for (const char* part :
       {"Có 1 báo cáo của kỳ chưa được chấp nhận", "III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
        "- Sở A (Nhiệm vụ 2) — khó khăn, vướng mắc: Thiếu nhân lực.", "Trả lời: Sở Nội vụ sẽ hướng dẫn.",
        "- Sở C (Nhiệm vụ 4) — đề xuất, kiến nghị: Đề nghị bổ sung kinh phí.", "Trả lời: (chưa có ý kiến trả lời)",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"}) {
    EXPECT_NE(xml2.find(part), std::string::npos) << part;
  }
}

// The urging letter of the province view: to the ward's People's
// Committee, its chair named, each overdue task with the working days it is
// overdue (as the work list counts them), never calendar days.
TEST(UrgingLetter, AddressedToTheCommitteeOverdueInWorkingDays) {
  TaskState s;
  s.task = task(1, "procedures", "trước ngày 25/9/2024", {"P"});
  s.status = TaskStatus::overdue;
  s.percent = 30;
  Date as_of = parse_iso_date("2024-12-03");  // 69 calendar days, 49 working days after 25/09
  auto xml = testing::zip_entry(
      urging_letter_docx(views::addressee_for("Phường Trảng Dài", "commune"), {s}, {{1, "12/KH-UBND"}}, 2024, as_of,
                         parse_iso_date("2024-12-17"),
                         {"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"}, WorkCalendar::vietnam()),
      "word/document.xml");
  for (const char* part :
       {"Kính gửi: Ủy ban nhân dân phường Trảng Dài.",
        "đến ngày 03/12/2024, Ủy ban nhân dân phường Trảng Dài còn 1 nhiệm vụ quá hạn",
        "1. Nhiệm vụ 1 (Kế hoạch số 12/KH-UBND; thời hạn: ", "; đã quá hạn 49 ngày làm việc; tỷ lệ hoàn thành 30 %).",
        "Đề nghị Chủ tịch Ủy ban nhân dân phường Trảng Dài quan tâm chỉ đạo", "trước ngày 17/12/2024", "- Như trên;"}) {
    EXPECT_NE(xml.find(part), std::string::npos) << part;
  }
  for (const char* never : {"Thủ trưởng", "Kính gửi: Phường", "69 ngày", ".."}) {
    EXPECT_EQ(xml.find(never), std::string::npos) << never;
  }
}

}  // namespace
}  // namespace cchc::coordination
