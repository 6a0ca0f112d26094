// Urging for every shortfall on a fixed dataset, both backends: an overdue
// task, a report returned, a request unanswered past its day, an
// implementing plan missing, and what another capability adds; the letter
// lists each under its kind (golden text), never to the issuer itself, and
// its record notifies the unit.
#include "coordination/urging.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "coordination/notify.h"
#include "coordination/register.h"
#include "coordination/requests.h"
#include "coordination/review.h"
#include "coordination/work.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "plans/store.h"
#include "plans/work.h"
#include "support/test_db.h"
#include "support/zip_entry.h"

namespace cchc::coordination {
namespace {

using namespace std::chrono;

class Urging : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, Urging, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

TEST_P(Urging, EveryShortfallInOneLetter) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  // Days relative to the real today: the stores judge "now".
  Instant now = now_seconds();
  Date today = local_date(now);
  int y = int(today.year());
  auto day = [&](int offset) { return Date{sys_days{today} + days{offset}}; };
  ASSERT_TRUE(directory::import_units(*t->db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
                                      "X1,Xã Một,commune,P,2004-01-01,,\n",
                                      kWho, now)
                  .ok());
  auto officer =
      directory::add_user(*t->db, {"xa1.canbo", "Cán bộ xã Một", "X1", {"unit_officer"}, "Mat-khau-dai-9"}, kWho, now);
  Plan p;
  p.number = "12/KH-UBND";
  p.unit_code = "P";
  p.title = "Kế hoạch cải cách hành chính";
  p.year = y;
  p.issued_on = Date{year{y} / January / 1};
  p.status = "issued";
  p = create_plan(*t->db, p, kWho, now);
  // A task X1 leads, due long ago (this year's 1 January): overdue.
  plans::TaskInput in{"procedures", "1", "", "Niêm yết thủ tục hành chính", "", fmt::format("trước ngày 01/01/{}", y),
                      "Xã Một",     ""};
  auto task = plans::add_task(*t->db, p.id, in, kWho, now);
  // Implementing plans due yesterday: none issued.
  set_requirement(*t->db, {p.id, {"commune"}, {}, day(-1)}, kWho, now);
  // A request due... it must be due today or later to be made; make it, then let its day pass.
  ReportRequest rq;
  rq.title = "Báo cáo đột xuất về số hóa";
  rq.due = today;
  rq.issuer_unit = "SNV";
  rq.recipients = {"X1"};
  auto request = create_request(*t->db, rq, kWho, now);
  t->db->write([&](db::Connection& c) {
    c.query("UPDATE report_requests SET due_on = ? WHERE id = ?", {format_iso_date(day(-3)), request.id});
  });
  ShortfallSource other = [](db::Connection&, const std::string& unit, Date) {
    return std::vector<Shortfall>{
        {"target_missed", "Tỷ lệ hồ sơ đúng hạn của " + unit + ": đạt 80,0 %, chỉ tiêu 95,0 %", std::nullopt}};
  };
  // As of the year's last day, whatever today is: the year's report (due
  // 15/12, the period just past) is missing too.
  Date as_of = Date{year{y} / December / 31};
  auto items = t->db->read([&](db::Connection& c) { return shortfalls_of(c, "X1", as_of, {other}); });
  std::vector<std::string> kinds;
  for (const auto& s : items) kinds.push_back(s.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"task_overdue", "report_missing", "request_unanswered", "plan_missing",
                                             "target_missed"}));
  ASSERT_EQ(items.size(), 5u);
  EXPECT_NE(items[0].what.find("Niêm yết thủ tục hành chính (Kế hoạch số 12/KH-UBND"), std::string::npos)
      << items[0].what;
  EXPECT_NE(items[1].what.find(fmt::format("Báo cáo 1 nhiệm vụ kỳ năm {} (hạn ", y)), std::string::npos)
      << items[1].what;
  EXPECT_NE(items[2].what.find("Báo cáo đột xuất về số hóa"), std::string::npos);
  EXPECT_NE(items[3].what.find("Kế hoạch thực hiện Kế hoạch số 12/KH-UBND"), std::string::npos);
  EXPECT_TRUE(t->db->read([&](db::Connection& c) { return shortfalls_of(c, "SNV", as_of, {}); }).empty());
  // Reported, the period's report is no longer a shortfall.
  Report year_report;
  year_report.task_id = task.id;
  year_report.unit_code = "X1";
  year_report.period = fmt::format("{}-year", y);
  year_report.percent = 50;
  submit_report(*t->db, year_report, kWho, now);
  auto reported = t->db->read([&](db::Connection& c) { return shortfalls_of(c, "X1", as_of, {other}); });
  EXPECT_EQ(reported.size(), 4u);
  EXPECT_TRUE(std::none_of(reported.begin(), reported.end(), [](const auto& s) { return s.kind == "report_missing"; }));

  // Never to the issuer itself; never empty.
  UrgingLetter l{0, "X1", "SNV", "125/SNV-CCHC", today, day(14), items, 0, ""};
  auto self = l;
  self.unit_code = "SNV";
  EXPECT_THROW(record_urging(*t->db, self, kWho, now), Error);
  auto empty = l;
  empty.items.clear();
  EXPECT_THROW(record_urging(*t->db, empty, kWho, now), Error);
  auto stored = record_urging(*t->db, l, kWho, now);
  EXPECT_EQ(stored.notified, 1);
  auto notes = t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); });
  EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const auto& n) {
    return n.message.find("Văn bản đôn đốc số 125/SNV-CCHC") != std::string::npos;
  }));
  auto letters = t->db->read([&](db::Connection& c) { return letters_to(c, "X1"); });
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].items.size(), 5u);
  EXPECT_EQ(letters[0].items[4].what, items[4].what);

  // The letter, golden text.
  auto xml = testing::zip_entry(
      urging_docx(views::addressee_for("Xã Một", "commune"), letters[0].items, letters[0].number, letters[0].sent_on,
                  letters[0].reply_by, {"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"}),
      "word/document.xml");
  for (const std::string& part :
       {std::string("Số: 125/SNV-CCHC"), std::string("V/v đôn đốc khắc phục những nội dung còn chậm, thiếu"),
        std::string("Kính gửi: Ủy ban nhân dân xã Một."), std::string("còn 5 nội dung chậm, thiếu"),
        std::string("1. Nhiệm vụ đã quá hạn chưa hoàn thành"), std::string("2. Báo cáo tiến độ nhiệm vụ chưa gửi"),
        std::string("3. Yêu cầu báo cáo chưa trả lời"), std::string("4. Kế hoạch chưa ban hành"),
        std::string("5. Chỉ tiêu phục vụ người dân, doanh nghiệp chưa đạt"), "- " + items[4].what + ".",
        "báo cáo kết quả trước ngày " + format_date_vi(day(14)),
        std::string("Đề nghị Chủ tịch Ủy ban nhân dân xã Một chỉ đạo khẩn trương khắc phục")}) {
    EXPECT_NE(xml.find(part), std::string::npos) << part;
  }
  (void)task;
}

// Only what is due is urged: a shortfall whose day has not passed is not
// one yet.
TEST(UrgingRules, OnlyWhatIsAlreadyDue) {
  Date today = parse_iso_date("2026-12-07");
  struct Case {
    const char* name;
    std::optional<Date> due;
    bool urged;
  } cases[] = {
      {"a self-assessment due 21/12", parse_iso_date("2026-12-21"), false},
      {"due today", today, false},
      {"due yesterday", parse_iso_date("2026-12-06"), true},
      {"a target missed so far (no day)", std::nullopt, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(shortfall_due({"self_assessment", c.name, c.due}, today), c.urged);
  }
}

// A period's reports counted one way: the tasks the unit leads are owed;
// on the tasks it co-operates on, its report is a contribution.
TEST(UrgingRules, TheReportsOwedAreTheTasksItLeads) {
  auto owed = [](const char* role, bool made) {
    plans::Owed o;
    o.role = role;
    if (made) o.current = Report{};
    return o;
  };
  struct Case {
    const char* name;
    std::vector<plans::Owed> owed;
    int owes, made, missing, contributions;
  } cases[] = {
      {"nothing", {}, 0, 0, 0, 0},
      {"one led, not made", {owed("lead", false)}, 1, 0, 1, 0},
      {"one led made, one not", {owed("lead", true), owed("lead", false)}, 2, 1, 1, 0},
      {"co-operating only", {owed("cooperate", false), owed("cooperate", true)}, 0, 0, 0, 2},
      {"one led and nine co-operating, none made",
       {owed("lead", false), owed("cooperate", false), owed("cooperate", false), owed("cooperate", false),
        owed("cooperate", false), owed("cooperate", false), owed("cooperate", false), owed("cooperate", false),
        owed("cooperate", false), owed("cooperate", false)},
       1,
       0,
       1,
       9},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto n = plans::count_owed(c.owed);
    EXPECT_EQ(n.owed, c.owes);
    EXPECT_EQ(n.made, c.made);
    EXPECT_EQ(n.missing(), c.missing);
    EXPECT_EQ(n.contributions, c.contributions);
  }
}

// The work list and the letter count a period's missing reports one way
// (the tasks the unit leads; a co-operating unit's report is a
// contribution), name periods by their labels, end each item once, count
// overdue in working days, and leave out what is not yet due.
TEST_P(Urging, OneCountOneLabelOnlyWhatIsDue) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Instant now = now_seconds();
  int y = int(local_date(now).year());
  ASSERT_TRUE(directory::import_units(*t->db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
                                      "X1,Xã Một,commune,P,2004-01-01,,\n",
                                      kWho, now)
                  .ok());
  Plan p;
  p.number = "15/KH-UBND";
  p.unit_code = "P";
  p.title = "Kế hoạch cải cách hành chính";
  p.year = y;
  p.issued_on = Date{year{y} / January / 1};
  p.status = "issued";
  p = create_plan(*t->db, p, kWho, now);
  // X1 leads two tasks and co-operates on a third.
  auto led = plans::add_task(
      *t->db, p.id, {"procedures", "1", "", "Tuyên truyền cải cách hành chính", "", "Thường xuyên", "Xã Một", ""}, kWho,
      now);
  plans::add_task(
      *t->db, p.id,
      {"procedures", "2", "", "Rà soát thủ tục hành chính", "", fmt::format("trước ngày 25/9/{}", y), "Xã Một", ""},
      kWho, now);
  plans::add_task(*t->db, p.id, {"procedures", "3", "", "Tổng hợp báo cáo", "", "Thường xuyên", "Sở Nội vụ", "Xã Một"},
                  kWho, now);
  // Its first-quarter report on the first, returned on 20/03 with a reason
  // that ends with its own full stop.
  Report q1;
  q1.task_id = led.id;
  q1.unit_code = "X1";
  q1.period = fmt::format("{}-q1", y);
  q1.percent = 40;
  submit_report(*t->db, q1, kWho, now);
  review_report(*t->db, led.id, "X1", q1.period, {"return", "Đề nghị đính kèm ảnh chụp các bài đăng.", "", ""}, kWho,
                start_of_day(Date{year{y} / March / 20}) + std::chrono::hours{9});

  Date as_of = Date{year{y} / December / 31};  // the year's report is missing
  http::Principal officer{1, "xa1.canbo", "Cán bộ xã Một", "X1", {"unit_officer"}};
  // The reports owed are plans' item on the work list (the unit's side).
  auto work = t->db->read([&](db::Connection& c) { return plans::work_items(c, officer, as_of); });
  const std::string line = fmt::format("Báo cáo 2 nhiệm vụ kỳ năm {}", y);
  EXPECT_TRUE(std::any_of(work.begin(), work.end(), [&](const auto& w) { return w.what == line; })) << line;

  auto items = t->db->read([&](db::Connection& c) { return shortfalls_of(c, "X1", as_of, {}); });
  std::map<std::string, std::string> by_kind;
  for (const auto& s : items) by_kind[s.kind] = s.what;
  EXPECT_EQ(by_kind["report_missing"].rfind(line + " (hạn ", 0), 0u) << by_kind["report_missing"];
  EXPECT_EQ(
      by_kind["report_returned"],
      fmt::format("Tuyên truyền cải cách hành chính — kỳ Quý I năm {}: Đề nghị đính kèm ảnh chụp các bài đăng.", y));
  const auto late = working_days_overdue(WorkCalendar::vietnam(), Date{year{y} / September / 25}, as_of);
  EXPECT_NE(by_kind["task_overdue"].find(fmt::format("; quá hạn {} ngày làm việc;", late)), std::string::npos)
      << by_kind["task_overdue"];

  auto xml = testing::zip_entry(
      urging_docx(views::addressee_for("Xã Một", "commune"), items, "", as_of, Date{year{y + 1} / January / 14},
                  {"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"}),
      "word/document.xml");
  EXPECT_NE(xml.find("Kính gửi: Ủy ban nhân dân xã Một."), std::string::npos);
  EXPECT_NE(xml.find("- Tuyên truyền cải cách hành chính — kỳ Quý I năm"), std::string::npos);
  for (const std::string& never : {std::string(".."), fmt::format("{}-q1", y), fmt::format("{}-year", y),
                                   std::string("Thủ trưởng"), std::string("Kính gửi: Xã")}) {
    EXPECT_EQ(xml.find(never), std::string::npos) << never;
  }

  // A self-assessment due on 21/12 is not a shortfall before that day has passed.
  ShortfallSource assessment = [&](db::Connection&, const std::string&, Date) {
    return std::vector<Shortfall>{
        {"self_assessment", fmt::format("Tự đánh giá Chỉ số cải cách hành chính năm {} (hạn nộp 21/12/{})", y, y),
         Date{year{y} / December / 21}}};
  };
  auto kinds_on = [&](Date d) {
    std::vector<std::string> out;
    for (const auto& s : t->db->read([&](db::Connection& c) { return shortfalls_of(c, "X1", d, {assessment}); }))
      out.push_back(s.kind);
    return out;
  };
  auto on_7 = kinds_on(Date{year{y} / December / 7});
  EXPECT_EQ(std::count(on_7.begin(), on_7.end(), "self_assessment"), 0);
  auto on_21 = kinds_on(Date{year{y} / December / 21});
  EXPECT_EQ(std::count(on_21.begin(), on_21.end(), "self_assessment"), 0);
  auto on_22 = kinds_on(Date{year{y} / December / 22});
  EXPECT_EQ(std::count(on_22.begin(), on_22.end(), "self_assessment"), 1);
}

// A letter's number (when the office gave one) is unique per issuing unit
// and year of the letter's day, never across the province. Each case runs
// after those above it.
TEST_P(Urging, ANumberIsUniquePerIssuingUnitAndYear) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Instant now = now_seconds();
  ASSERT_TRUE(directory::import_units(*t->db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
                                      "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
                                      "X1,Xã Một,commune,P,2004-01-01,,\n"
                                      "X2,Xã Hai,commune,P,2004-01-01,,\n",
                                      kWho, now)
                  .ok());
  std::vector<Shortfall> items{{"target_missed", "Tỷ lệ hồ sơ đúng hạn: đạt 80,0 %, chỉ tiêu 95,0 %", std::nullopt}};
  auto letter = [&](const char* to, const char* issuer, const char* number, const char* day) {
    Date d = parse_iso_date(day);
    return UrgingLetter{0, to, issuer, number, d, Date{sys_days{d} + days{14}}, items, 0, ""};
  };
  auto count = [&] {
    return t->db->read(
        [](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM urging_letters").one().i64("n"); });
  };
  record_urging(*t->db, letter("X1", "SNV", "125/CCHC", "2025-03-02"), kWho, now);
  struct Case {
    const char* what;
    const char* to;
    const char* issuer;
    const char* number;
    const char* day;
    bool stored;
  } cases[] = {
      {"another unit, the same year", "X1", "STP", "125/CCHC", "2025-05-01", true},
      {"the same unit, another year", "X1", "SNV", "125/CCHC", "2026-03-02", true},
      {"the same unit and year, to another unit", "X2", "SNV", "125/CCHC", "2025-11-20", false},
      {"the same unit and year, to the same unit", "X1", "SNV", "125/CCHC", "2025-03-02", false},
      {"no number", "X2", "SNV", "", "2025-03-02", true},
      {"no number again", "X2", "SNV", "", "2025-03-02", true},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.what);
    auto before = count();
    try {
      record_urging(*t->db, letter(k.to, k.issuer, k.number, k.day), kWho, now);
      EXPECT_TRUE(k.stored) << "stored, though the unit gave this number in the year";
    } catch (const Error& e) {
      EXPECT_FALSE(k.stored) << e.what();
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
      EXPECT_EQ(e.message_vi(), "Đã có văn bản đôn đốc số 125/CCHC của đơn vị này trong năm 2025.");
    }
    EXPECT_EQ(count(), before + (k.stored ? 1 : 0));
  }
  // The database holds the rule too (migration 0034), for a writer that
  // checked before another committed: a row past the check is refused, one
  // without a number is not.
  auto insert = [&](const char* number, const char* day) {
    t->db->write([&](db::Connection& c) {
      c.query(
          "INSERT INTO urging_letters (unit_code, issuer_unit, number, sent_on, reply_by, items, sent_by, sent_at) "
          "VALUES ('X2', 'SNV', ?, ?, ?, '[]', 'can.bo', 0)",
          {number, day, day});
    });
  };
  try {
    insert("125/CCHC", "2025-12-01");
    ADD_FAILURE() << "a second letter numbered 125/CCHC in 2025 was stored";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict) << e.what();
  }
  const auto before = count();
  EXPECT_NO_THROW(insert("", "2025-12-01"));
  EXPECT_NO_THROW(insert("126/CCHC", "2025-12-01"));
  EXPECT_NO_THROW(insert("125/CCHC", "2027-01-05"));
  EXPECT_EQ(count(), before + 3);
}

}  // namespace
}  // namespace cchc::coordination
