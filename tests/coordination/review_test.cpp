// The coordinator's review of task reports on both backends: the workflow
// table, the notices to the unit, the answers to its difficulties and
// proposals, the history, the queue, and when a pending report counts.
#include "coordination/review.h"

#include <gtest/gtest.h>

#include <functional>

#include "coordination/notify.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "plans/store.h"
#include "support/test_db.h"

namespace cchc::coordination {
namespace {

using namespace std::chrono;

class ReviewStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, ReviewStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

Instant at(const char* day, int hour = 10) { return start_of_day(parse_iso_date(day)) + hours{hour}; }

// An issued plan of 2024 with one task, due 30/06/2024, that STP leads.
Plan seeded(db::Database& db) {
  db::migrate(db);
  EXPECT_TRUE(directory::import_units(db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
                                      "VP,Văn phòng Ủy ban nhân dân tỉnh,department,P,2004-01-01,,\n",
                                      kWho, at("2024-01-01"))
                  .ok());
  Plan p;
  p.number = "12/KH-UBND";
  p.unit_code = "P";
  p.title = "Kế hoạch cải cách hành chính năm 2024";
  p.year = 2024;
  p.issued_on = Date{year{2024} / 1 / 10};
  p.status = "issued";
  p = plans::create_plan(db, p, kWho, at("2024-01-10"));
  plans::TaskInput task;
  task.area_code = "institutions";
  task.description = "Rà soát văn bản";
  task.output = "Báo cáo";
  task.deadline_text = "Quý II/2024";
  task.leads = "Sở Tư pháp";
  plans::add_task(db, p.id, task, kWho, at("2024-01-11"));
  return p;
}

TEST_P(ReviewStore, TheCoordinatorReviewsReports) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  auto officer = directory::add_user(
      *t->db, {"stp.canbo", "Cán bộ Sở Tư pháp", "STP", {"unit_officer"}, "Mat-khau-dai-9"}, kWho, at("2024-01-12"));
  auto review = t->db->read([&](db::Connection& c) { return plans::plan_tasks(c, plan.id); })[0];  // STP leads
  Report r;
  r.task_id = review.id;
  r.unit_code = "STP";
  r.period = "2024-q1";
  r.progress = "in_progress";
  r.percent = 60;
  r.difficulties = "Thiếu nhân lực.";
  r.proposals = "Đề nghị tập huấn.";
  EXPECT_EQ(submit_report(*t->db, r, kWho, at("2024-03-10")).review, "pending");
  auto one = [&](const char* period = "2024-q1") {
    for (const auto& x : t->db->read([&](db::Connection& c) { return plans::task_reports(c, review.id); })) {
      if (x.period == period) return x;
    }
    throw std::runtime_error("no report");
  };
  auto step = [&](const char* action, const char* reason = "") {
    return review_report(*t->db, review.id, "STP", "2024-q1", {action, reason, "", ""}, kWho, at("2024-03-12"));
  };
  auto kind_of = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.kind();
    }
    return ErrorKind::internal;  // nothing thrown
  };
  // The workflow table, as a table: from each state, what each action does.
  EXPECT_EQ(kind_of([&] { step("return"); }), ErrorKind::invalid_input);  // no reason
  EXPECT_EQ(kind_of([&] { step("publish"); }), ErrorKind::invalid_input);
  EXPECT_EQ(one().counted, false);
  EXPECT_EQ(step("return", "Thiếu minh chứng.").review, "returned");
  EXPECT_EQ(kind_of([&] { step("accept"); }), ErrorKind::conflict);  // the unit fixes it first
  EXPECT_EQ(kind_of([&] { step("return", "Lại."); }), ErrorKind::conflict);
  EXPECT_EQ(one().review_note, "Thiếu minh chứng.");
  EXPECT_FALSE(one().counted);
  // The unit is told, with a link to the report form.
  auto notes = t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); });
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].message.find("bị trả lại: Thiếu minh chứng."), std::string::npos);
  EXPECT_NE(notes[0].href.find("/nhiem-vu/"), std::string::npos);
  // Fixed and resubmitted: pending again, the reason cleared.
  r.evidence = "https://vanban.example.vn/bc.pdf";
  EXPECT_EQ(submit_report(*t->db, r, kWho, at("2024-03-13")).review, "pending");
  EXPECT_EQ(one().review_note, "");
  EXPECT_EQ(step("accept").review, "accepted");
  EXPECT_TRUE(one().counted);
  EXPECT_EQ(kind_of([&] { step("accept"); }), ErrorKind::conflict);
  // Answers to the difficulties and proposals, with no change of state.
  auto answered = review_report(*t->db, review.id, "STP", "2024-q1", {"answer", "", "Sở sẽ hỗ trợ.", "Đồng ý."}, kWho,
                                at("2024-03-14"));
  EXPECT_EQ(answered.review, "accepted");
  EXPECT_EQ(one().difficulties_answer, "Sở sẽ hỗ trợ.");
  EXPECT_EQ(one().proposals_answer, "Đồng ý.");
  // The unit is told of the answers, with a link to the task's reports.
  notes = t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); });
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].kind, "report_answered");
  EXPECT_NE(notes[0].message.find("khó khăn, vướng mắc và đề xuất, kiến nghị"), std::string::npos) << notes[0].message;
  EXPECT_NE(notes[0].message.find("Sở sẽ hỗ trợ."), std::string::npos) << notes[0].message;
  EXPECT_EQ(notes[0].href, "/nhiem-vu/" + std::to_string(review.id) + "?don-vi=STP&ky=2024-q1#cac-bao-cao");
  // The same answers again change nothing and tell nobody again.
  review_report(*t->db, review.id, "STP", "2024-q1", {"answer", "", "Sở sẽ hỗ trợ.", ""}, kWho, at("2024-03-15"));
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); }).size(), 2u);
  // Only the proposals answered: the notice says which, and quotes it.
  review_report(*t->db, review.id, "STP", "2024-q1", {"answer", "", "", "Đồng ý, tổ chức trong quý II."}, kWho,
                at("2024-03-16"));
  notes = t->db->read([&](db::Connection& c) { return user_notifications(c, officer.id); });
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_NE(notes[0].message.find("Ý kiến trả lời đề xuất, kiến nghị"), std::string::npos) << notes[0].message;
  EXPECT_NE(notes[0].message.find("Đồng ý, tổ chức trong quý II."), std::string::npos) << notes[0].message;
  // An accepted report can still be returned (a mistake found later).
  EXPECT_EQ(step("return", "Số liệu chưa khớp.").review, "returned");
  EXPECT_EQ(kind_of([&] {
              review_report(*t->db, review.id, "VP", "2024-q1", {"accept", "", "", ""}, kWho, at("2024-03-14"));
            }),
            ErrorKind::not_found);
  // The history, oldest first.
  std::vector<std::string> events;
  for (const auto& e : t->db->read([&](db::Connection& c) { return plans::task_report_events(c, review.id); })) {
    events.push_back(e.event + (e.note.empty() ? "" : ":" + e.note));
  }
  EXPECT_EQ(events, (std::vector<std::string>{"submitted", "returned:Thiếu minh chứng.", "resubmitted", "accepted",
                                              "answered", "answered", "returned:Số liệu chưa khớp."}));
  // The queue holds pending reports only.
  r.period = "2024-q3";
  submit_report(*t->db, r, kWho, at("2024-09-10"));
  auto queue = t->db->read([&](db::Connection& c) { return review_queue(c, std::nullopt); });
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].report.period, "2024-q3");
  EXPECT_EQ(queue[0].plan_number, "12/KH-UBND");
  // A coordinator's queue: the reports whose unit and plan's issuing unit
  // (P) both lie in its subtree.
  const struct {
    UnitSet within;
    int size;
  } reaches[] = {
      {std::nullopt, 1},
      {std::set<std::string>{"P", "STP"}, 1},
      {std::set<std::string>{"P", "STP", "SNV"}, 1},
      {std::set<std::string>{"STP"}, 0},  // a province plan, not the unit's coordinator's
      {std::set<std::string>{"P"}, 0},    // another unit's report
      {std::set<std::string>{}, 0},
  };
  for (const auto& r : reaches) {
    EXPECT_EQ(t->db->read([&](db::Connection& c) { return review_queue_size(c, r.within); }), r.size);
    EXPECT_EQ(t->db->read([&](db::Connection& c) { return review_queue(c, r.within); }).size(), std::size_t(r.size));
  }
  // With report_count_after_days set, a pending report counts once that
  // many working days have passed (this one was made in 2024); a returned one never does.
  EXPECT_FALSE(one("2024-q3").counted);
  t->db->write(
      [](db::Connection& c) { c.query("UPDATE settings SET value = '5' WHERE key = 'report_count_after_days'"); });
  EXPECT_TRUE(one("2024-q3").counted);
  EXPECT_FALSE(one("2024-q1").counted);
  auto s = t->db->read([&](db::Connection& c) { return plans::plan_states(c, plan.id, parse_iso_date("2024-09-30")); });
  EXPECT_EQ(s[0].percent, 60);
}

}  // namespace
}  // namespace cchc::coordination
