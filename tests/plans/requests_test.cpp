// Report requests: the answer workflow, the checks, the due day, the
// recipients (rules, as tables), and the store on both backends: a request
// to every commune, one answers, one is returned and fixes it, the
// compiled draft lists the one that never answered.
#include "plans/requests.h"

#include <gtest/gtest.h>

#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "plans/notify.h"
#include "support/test_db.h"
#include "support/zip_entry.h"

namespace cchc::plans {
namespace {

using namespace std::chrono;

TEST(RequestRules, TheAnswerWorkflowTable) {
  struct Case {
    const char* state;
    const char* action;
    const char* reason;
    const char* after;  // nullptr: refused
    ErrorKind refusal;
  } cases[] = {
      {"none", "submit", "", "submitted", {}},
      {"submitted", "submit", "", "submitted", {}},  // corrected before review
      {"returned", "submit", "", "submitted", {}},
      {"accepted", "submit", "", nullptr, ErrorKind::conflict},
      {"submitted", "accept", "", "accepted", {}},
      {"none", "accept", "", nullptr, ErrorKind::conflict},
      {"returned", "accept", "", nullptr, ErrorKind::conflict},
      {"submitted", "return", "Thiếu số liệu.", "returned", {}},
      {"submitted", "return", "  ", nullptr, ErrorKind::invalid_input},
      {"accepted", "return", "Sai.", nullptr, ErrorKind::conflict},
      {"submitted", "publish", "", nullptr, ErrorKind::invalid_input},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.state) + " " + c.action);
    if (c.after) {
      EXPECT_EQ(answer_after(c.state, c.action, c.reason), c.after);
    } else {
      try {
        answer_after(c.state, c.action, c.reason);
        ADD_FAILURE() << "not refused";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), c.refusal);
      }
    }
  }
}

TEST(RequestRules, DueDayFromADateOrWorkingDays) {
  const auto& cal = WorkCalendar::vietnam();
  Date friday = parse_iso_date("2024-08-30");  // 02-03/09/2024 are Quốc khánh
  EXPECT_EQ(format_iso_date(request_due("21/06/2025", "", friday, cal)), "2025-06-21");
  EXPECT_EQ(format_iso_date(request_due("", "1", friday, cal)), "2024-09-04");
  EXPECT_EQ(format_iso_date(request_due("", "3", friday, cal)), "2024-09-06");
  for (auto [date, days] : std::vector<std::pair<const char*, const char*>>{
           {"", ""}, {"21/06/2025", "3"}, {"", "0"}, {"", "x"}, {"", "999"}, {"31/02/2025", ""}}) {
    SCOPED_TRACE(std::string(date) + "|" + days);
    EXPECT_THROW(request_due(date, days, friday, cal), Error);
  }
}

TEST(RequestRules, RemindersBeforeAndAfterTheDueDay) {
  const auto& cal = WorkCalendar::vietnam();
  Date due = parse_iso_date("2024-09-06");  // a Friday; 02-03/09 are holidays
  struct Case {
    const char* day;
    const char* reminder;  // "" none
  } cases[] = {
      {"2024-08-27", ""},                              // 6 working days left
      {"2024-08-28", ""},                              // 5 left: not in {7, 1}
      {"2024-09-05", "before:1"}, {"2024-09-06", ""},  // the due day itself: 0 left
      {"2024-09-07", ""},                              // Saturday
      {"2024-09-09", "after:1"},  {"2024-09-10", ""}, {"2024-09-16", "after:6"}, {"2024-09-23", "after:11"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.day);
    auto r = request_reminder(due, parse_iso_date(c.day), {7, 1}, cal);
    EXPECT_EQ(r.value_or(""), c.reminder);
  }
  EXPECT_EQ(request_reminder(due, parse_iso_date("2024-08-26"), {7, 1}, cal).value_or(""), "before:7");
}

TEST(RequestRules, RecipientsByLevelSubtreeAndName) {
  std::vector<UnitRow> units = {
      {"P", "Tỉnh", "", "province", true},
      {"SNV", "Sở Nội vụ", "P", "department", true},
      {"STP", "Sở Tư pháp", "P", "department", true},
      {"H", "Huyện A", "P", "district", true},
      {"X1", "Xã 1", "H", "commune", true},
      {"X2", "Xã 2", "H", "commune", true},
      {"X3", "Xã 3 (đã nhập)", "H", "commune", false},
      {"Y", "Xã Y", "P", "commune", true},
  };
  struct Case {
    std::vector<std::string> named, levels;
    std::string subtree;
    std::vector<std::string> expect;
  } cases[] = {
      {{}, {"commune"}, "", {"X1", "X2", "Y"}},            // closed units never
      {{}, {}, "H", {"H", "X1", "X2"}},                    // a subtree, its root included
      {{"STP", "SNV"}, {}, "", {"STP"}},                   // never the asking unit
      {{"X1"}, {"commune"}, "H", {"H", "X1", "X2", "Y"}},  // each once
      {{}, {}, "", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(resolve_recipients(units, c.named, c.levels, c.subtree, "SNV"), c.expect);
  }
}

TEST(RequestRules, ChecksOfARequestAndAnAnswer) {
  Date today = parse_iso_date("2024-06-03");
  ReportRequest r;
  r.title = "Báo cáo sơ kết";
  r.due = parse_iso_date("2024-06-21");
  r.recipients = {"X1"};
  EXPECT_TRUE(check_request(r, today).empty());
  auto bad = r;
  bad.kind = "other";
  bad.title = "";
  bad.due = parse_iso_date("2024-06-01");
  bad.recipients.clear();
  EXPECT_EQ(check_request(bad, today).size(), 4u);
  auto figure = r;
  figure.kind = "figure";
  EXPECT_EQ(check_request(figure, today).size(), 1u);  // its unit is missing
  figure.figure_unit = "%";
  EXPECT_TRUE(check_request(figure, today).empty());

  r.outline = {"Kết quả", "Khó khăn"};
  RequestAnswer a;
  a.sections = {"Đã làm.", ""};
  EXPECT_TRUE(check_answer(r, a).empty());
  a.sections = {"Đã làm."};
  EXPECT_EQ(check_answer(r, a).size(), 1u);  // one text per heading
  a.sections = {" ", ""};
  EXPECT_EQ(check_answer(r, a).size(), 1u);  // nothing written
  RequestAnswer number;
  number.sections = {""};
  EXPECT_EQ(check_answer(figure, number).size(), 1u);
  number.figure = 95.5;
  EXPECT_TRUE(check_answer(figure, number).empty());
}

class RequestStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, RequestStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

TEST_P(RequestStore, AskAnswerReturnFixAndCompile) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Instant now = now_seconds();
  ASSERT_TRUE(directory::import_units(*t->db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
                                      "X1,Xã Một,commune,P,2004-01-01,,\n"
                                      "X2,Xã Hai,commune,P,2004-01-01,,\n"
                                      "X3,Xã Ba,commune,P,2004-01-01,,\n",
                                      kWho, now)
                  .ok());
  auto officer =
      directory::add_user(*t->db, {"xa2.canbo", "Cán bộ xã Hai", "X2", {"unit_officer"}, "Mat-khau-dai-9"}, kWho, now);
  auto units = t->db->read([](db::Connection& c) { return unit_rows(c); });
  ReportRequest r;
  r.kind = "review";
  r.title = "Báo cáo sơ kết 6 tháng";
  r.outline = {"Kết quả đạt được", "Khó khăn, vướng mắc"};
  r.due = Date{sys_days{local_date(now)} + days{10}};
  r.issuer_unit = "SNV";
  r.recipients = resolve_recipients(units, {}, {"commune"}, "", "SNV");
  auto stored = create_request(*t->db, r, kWho, now);
  EXPECT_EQ(stored.recipients, (std::vector<std::string>{"X3", "X2", "X1"}));  // by name: Ba, Hai, Một
  // Every recipient's officers are told.
  auto notes = t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); });
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].message.find("Báo cáo sơ kết 6 tháng"), std::string::npos);

  auto answer = [&](const char* unit, std::vector<std::string> parts) {
    RequestAnswer a;
    a.unit_code = unit;
    a.sections = std::move(parts);
    return submit_answer(*t->db, stored.id, a, kWho, now);
  };
  EXPECT_EQ(answer("X1", {"Hoàn thành 12 nhiệm vụ.", "Thiếu nhân lực."}).state, "submitted");
  answer("X2", {"Hoàn thành 3 nhiệm vụ.", ""});
  EXPECT_THROW(answer("SNV", {"a", "b"}), Error);  // not asked
  EXPECT_EQ(review_answer(*t->db, stored.id, "X1", "accept", "", kWho, now).state, "accepted");
  EXPECT_EQ(review_answer(*t->db, stored.id, "X2", "return", "Chưa có số liệu cụ thể.", kWho, now).state, "returned");
  try {
    answer("X1", {"Sửa lại.", ""});
    ADD_FAILURE() << "an accepted answer cannot change";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  // The returned unit owes it again; the unit that never answered owes it.
  auto owed = t->db->read([&](db::Connection& c) { return requests_owed_by(c, "X2"); });
  ASSERT_EQ(owed.size(), 1u);
  EXPECT_EQ(owed[0].second.review_note, "Chưa có số liệu cụ thể.");
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return requests_owed_by(c, "X3"); }).size(), 1u);
  EXPECT_TRUE(t->db->read([&](db::Connection& c) { return requests_owed_by(c, "X1"); }).empty());
  answer("X2", {"Hoàn thành 3/4 nhiệm vụ (75 %).", ""});
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return answers_waiting(c); }), 1);

  // The Word draft: every answer under its heading, and the one that never answered.
  auto answers = t->db->read([&](db::Connection& c) { return request_answers(c, stored.id); });
  std::map<std::string, std::string> names = {{"X1", "Xã Một"}, {"X2", "Xã Hai"}, {"X3", "Xã Ba"}};
  auto docx =
      request_docx(stored, answers, names, views::issuer_for("SNV", "Sở Nội vụ", "department", "Tỉnh Đồng Nai", "BC"));
  auto text = testing::zip_entry(docx, "word/document.xml");
  EXPECT_NE(text.find("I. KẾT QUẢ ĐẠT ĐƯỢC"), std::string::npos) << text;
  EXPECT_NE(text.find("- Xã Một: Hoàn thành 12 nhiệm vụ."), std::string::npos) << text;
  EXPECT_NE(text.find("- Xã Hai (chưa duyệt): Hoàn thành 3/4 nhiệm vụ (75 %)."), std::string::npos) << text;
  EXPECT_NE(text.find("- Xã Một: Thiếu nhân lực."), std::string::npos) << text;
  auto missing = text.find("CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO");
  ASSERT_NE(missing, std::string::npos);
  EXPECT_NE(text.find("- Xã Ba", missing), std::string::npos) << text;
  EXPECT_EQ(text.find("- Xã Hai", missing), std::string::npos) << text;
  // A report has no "Kính gửi:", so its recipients are not "Như trên".
  EXPECT_EQ(text.find("Như trên"), std::string::npos);

  // Closed, it takes no more answers.
  set_request_status(*t->db, stored.id, "closed", kWho, now);
  EXPECT_THROW(answer("X3", {"Muộn.", ""}), Error);
  EXPECT_TRUE(t->db->read([&](db::Connection& c) { return requests_owed_by(c, "X3"); }).empty());
}

}  // namespace
}  // namespace cchc::plans
