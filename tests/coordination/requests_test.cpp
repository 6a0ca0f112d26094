// Report requests: the answer workflow, the checks, the due day, the
// recipients (rules, as tables), and the store on both backends: a request
// to every commune, one answers, one is returned and fixes it, the
// compiled draft lists the one that never answered.
#include "coordination/requests.h"

#include <gtest/gtest.h>

#include "coordination/notify.h"
#include "core/text.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "support/test_db.h"
#include "support/zip_entry.h"

namespace cchc::coordination {
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

// Counts and amounts add up to a total; rates never do (a sum of
// percentages means nothing).
TEST(RequestRules, OnlyCountsAndAmountsAddUp) {
  const std::pair<const char*, bool> cases[] = {
      {"hồ sơ", true},  {"triệu đồng", true}, {"", true},         {"%", false},    {" % ", false},  {"Tỷ lệ %", false},
      {"tỉ lệ", false}, {"điểm", false},      {"lần/năm", false}, {"Hồ sơ", true}, {"người", true},
  };
  for (const auto& [unit, adds] : cases) {
    SCOPED_TRACE(unit);
    EXPECT_EQ(figures_add_up(unit), adds);
  }
}

TEST(RequestRules, FiguresShowTheDecimalsTheyHave) {
  struct Case {
    double value;
    const char* shown;
  } cases[] = {
      {12, "12"},       {1234, "1.234"},  {1234567, "1.234.567"}, {0, "0"},           {95.5, "95,5"},
      {12.75, "12,75"}, {0.125, "0,125"}, {1234.5, "1.234,5"},    {0.1 + 0.2, "0,3"},  // the binary sum's tail is not a
                                                                                       // decimal anyone typed
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.shown);
    EXPECT_EQ(text::format_figure(c.value), c.shown);
  }
  // In a form field: ungrouped, every decimal, read back the same.
  for (auto [value, typed] : std::vector<std::pair<double, const char*>>{
           {1234, "1234"}, {12, "12"}, {95.5, "95,5"}, {55.55, "55,55"}, {1234.125, "1234,125"}}) {
    SCOPED_TRACE(typed);
    EXPECT_EQ(text::decimal_input(value), typed);
    EXPECT_EQ(text::parse_decimal(text::decimal_input(value)).value_or(-1), value);
  }
}

std::vector<std::string> entries_of(const std::vector<CompiledRequest::Entry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.unit + "=" + e.text + (e.pending ? " (chưa duyệt)" : ""));
  return out;
}

// The compiled page and the Word draft both render compile_request: one
// table of cases over the answers' states, figures and texts.
TEST(RequestRules, OneCompilationForThePageAndTheDraft) {
  auto answer = [](const char* unit, const char* state, std::optional<double> figure, std::string text) {
    RequestAnswer a;
    a.unit_code = unit;
    a.state = state;
    a.figure = figure;
    a.sections = {std::move(text)};
    return a;
  };
  std::map<std::string, std::string> names = {{"X1", "Xã Một"}, {"X2", "Xã Hai"}, {"X3", "Xã Ba"}};
  struct Case {
    const char* name;
    const char* kind;
    std::vector<RequestAnswer> answers;
    std::vector<std::string> figures;
    std::string total;  // "" none
    bool total_pending;
    std::vector<std::string> parts;  // heading: entries
    std::vector<std::string> missing;
    std::size_t sent;
  } cases[] = {
      {"a figure and no text: the figure is the answer, no empty heading",
       "figure",
       {answer("X1", "accepted", 12, "")},
       {"Xã Một=12"},
       "12",
       false,
       {},
       {},
       1},
      {"counts add up without decimals; pending, returned and silent units",
       "figure",
       {answer("X1", "accepted", 12, ""), answer("X2", "submitted", 1230, " Đến 30/6. "),
        answer("X3", "returned", 7, ""), answer("X4", "none", std::nullopt, "")},
       {"Xã Một=12", "Xã Hai=1.230 (chưa duyệt)"},
       "1.242",
       true,
       {"Nội dung báo cáo: Xã Hai=Đến 30/6. (chưa duyệt)"},
       {"Xã Ba (trả lại)", "X4"},
       2},
      {"the total has the decimals of the most precise figure",
       "figure",
       {answer("X1", "accepted", 95.5, ""), answer("X2", "accepted", 0.25, ""), answer("X3", "accepted", 4, "")},
       {"Xã Một=95,5", "Xã Hai=0,25", "Xã Ba=4"},
       "99,75",
       false,
       {},
       {},
       3},
      {"no figure sent yet: no total",
       "figure",
       {answer("X1", "none", std::nullopt, "")},
       {},
       "",
       false,
       {},
       {"Xã Một"},
       0},
      {"a text request keeps its empty heading; white space is not an answer",
       "adhoc",
       {answer("X1", "accepted", std::nullopt, "  \n")},
       {},
       "",
       false,
       {"Nội dung báo cáo: "},
       {},
       1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ReportRequest r;
    r.kind = c.kind;
    r.figure_unit = r.kind == "figure" ? "hồ sơ" : "";
    auto compiled = compile_request(r, c.answers, names);
    EXPECT_EQ(compiled.is_figure, r.kind == "figure");
    EXPECT_EQ(entries_of(compiled.figures), c.figures);
    EXPECT_EQ(compiled.figure_total, c.total);
    EXPECT_EQ(compiled.total_pending, c.total_pending);
    std::vector<std::string> parts, missing;
    for (const auto& p : compiled.parts) {
      std::string line = p.heading + ": ";
      for (const auto& e : entries_of(p.entries)) line += e;
      parts.push_back(line);
    }
    for (const auto& m : compiled.missing) missing.push_back(m.unit + (m.returned ? " (trả lại)" : ""));
    EXPECT_EQ(parts, c.parts);
    EXPECT_EQ(missing, c.missing);
    EXPECT_EQ(compiled.sent, c.sent);
    EXPECT_EQ(compiled.total, c.answers.size());
  }

  // The draft says what the compilation says: each unit's figure as given, and the total.
  ReportRequest r;
  r.kind = "figure";
  r.title = "Số hồ sơ tiếp nhận quý III";
  r.figure_unit = "hồ sơ";
  r.due = parse_iso_date("2024-10-05");
  std::vector<RequestAnswer> answers = {answer("X1", "accepted", 12, ""), answer("X2", "submitted", 1230, "")};
  auto text = testing::zip_entry(
      request_docx(r, answers, names, views::issuer_for("SNV", "Sở Nội vụ", "department", "Tỉnh Đồng Nai", "BC")),
      "word/document.xml");
  EXPECT_NE(text.find("I. SỐ LIỆU CỦA CÁC ĐƠN VỊ (hồ sơ)"), std::string::npos) << text;
  EXPECT_NE(text.find("- Xã Một: 12<"), std::string::npos) << text;
  EXPECT_NE(text.find("- Xã Hai: 1.230 (chưa duyệt)"), std::string::npos) << text;
  EXPECT_NE(text.find("Tổng cộng: 1.242 (gồm số liệu chưa duyệt)"), std::string::npos) << text;
  EXPECT_EQ(text.find("12,00"), std::string::npos) << text;
  EXPECT_EQ(text.find("Chưa có đơn vị báo cáo nội dung này"), std::string::npos) << text;
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
  auto units = t->db->read([](db::Connection& c) { return plans::unit_rows(c); });
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
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return answers_waiting(c, std::nullopt); }), 1);
  // A coordinator counts the answers to the requests its subtree sent.
  using Units = std::set<std::string>;
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return answers_waiting(c, Units{"SNV", "X2"}); }), 1);
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return answers_waiting(c, Units{"X1", "X2", "X3"}); }), 0);
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return answers_waiting(c, Units{}); }), 0);

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
}  // namespace cchc::coordination
