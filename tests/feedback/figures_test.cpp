// The property the figures rest on (docs/feedback.md, "Figures"), on both
// backends: after a random sequence of cases taken through random steps,
// mixed with imports of records of the same ids and of others, the
// indicators read from the rollups equal the reference computation over
// the records as they finally stand, and the statistics page's tally of
// the cases equals the indicators of the cases alone.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "app/sources.h"
#include "db/migrate.h"
#include "directory/read.h"
#include "directory/store.h"
#include "feedback/store.h"
#include "indicators/formulas.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "support/test_db.h"

namespace cchc::feedback {
namespace {

using namespace std::chrono;

class FeedbackFiguresProperty : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, FeedbackFiguresProperty, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"test", "test", "", "", "", {}, {}};

void expect_same(const indicators::Indicators& a, const indicators::Indicators& b, const std::string& what) {
  EXPECT_EQ(a.feedback_received, b.feedback_received) << what;
  EXPECT_EQ(a.feedback_answered, b.feedback_answered) << what;
  EXPECT_EQ(a.feedback_on_time_rate.numerator, b.feedback_on_time_rate.numerator) << what;
  EXPECT_EQ(a.feedback_satisfaction_rate.numerator, b.feedback_satisfaction_rate.numerator) << what;
  EXPECT_EQ(a.feedback_satisfaction_rate.denominator, b.feedback_satisfaction_rate.denominator) << what;
  EXPECT_EQ(a.feedback_pending_at_end, b.feedback_pending_at_end) << what;
  EXPECT_EQ(a.feedback_overdue_open, b.feedback_overdue_open) << what;
}

TEST_P(FeedbackFiguresProperty, RollupsEqualTheReferenceAfterRandomCasesAndImports) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  ASSERT_TRUE(directory::import_units(db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh,province,,2020-01-01,,\n"
                                      "VP,Văn phòng,department,P,2020-01-01,,\n"
                                      "XA,Xã A,commune,P,2020-01-01,,\n"
                                      "XB,Xã B,commune,P,2020-01-01,,\n",
                                      kWho, Instant{})
                  .ok());
  Category cat;
  cat.code = "chung";
  cat.name = "Chung";
  cat.deadline_days = 5;
  cat.extension_days = 5;
  cat.legal_source = "Nghị định 20/2008/NĐ-CP";
  cat.route_by_place = true;
  cat.unit_code = "VP";
  db.write([&](db::Connection& c) { save_category(c, cat, kWho, Instant{}); });
  auto units = directory::load_units(db);
  auto sinks = app::feedback_sinks();
  const auto& cal = WorkCalendar::vietnam();
  std::mt19937 rng(GetParam() == "sqlite" ? 20 : 8);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };

  std::map<std::string, indicators::Feedback> final_records;  // what the indicators should hold, by id
  std::vector<std::int64_t> ids;
  int taken = 0, answered = 0;
  Instant clock = parse_rfc3339("2024-01-02T08:00:00+07:00");
  for (int i = 0; i < 150; ++i) {
    clock += hours{1 + pick(30)};
    int what = pick(10);
    if (what < 4 || ids.empty()) {  // a new case
      Intake in;
      in.channel = pick(3) == 0 ? Channel::national_portal : Channel::web;
      if (in.channel == Channel::national_portal) in.external_id = "QG-" + std::to_string(i);
      in.submission = {"chung",      pick(3) == 0 ? "" : pick(2) ? "XA" : "XB",
                       "",           "Nội dung phản ánh đủ dài để nhận.",
                       "Người dân",  "",
                       "0912345678", true,
                       true};
      auto k = receive(db, in, units, cal, sinks, kWho, clock).kase;
      ids.push_back(k.id);
      final_records[figure(k).id] = app::feedback_record(figure(k));
    } else if (what < 9) {  // a step on a random case, refused ones included
      const Action actions[] = {Action::assign, Action::draft,  Action::approve, Action::ask_clarification,
                                Action::resume, Action::refuse, Action::rate,    Action::reopen,
                                Action::merge,  Action::extend};
      Step s;
      s.action = actions[pick(10)];
      s.actor = s.action == Action::rate || s.action == Action::reopen ? Actor::citizen : Actor::leader;
      s.note = "Lý do";
      s.answer = "Trả lời";
      s.assignee = "canbo";
      s.extension_days = 3;
      s.rating = Rating(pick(3));
      s.merge_into = ids[pick(int(ids.size()))];
      try {
        auto k = act(db, ids[pick(int(ids.size()))], s, units, cal, sinks, kWho, clock);
        final_records[figure(k).id] = app::feedback_record(figure(k));
        ++taken;
        answered += s.action == Action::approve || s.action == Action::refuse ? 1 : 0;
      } catch (const Error&) {
        // refused: nothing changed
      }
    } else {  // an import: a record replacing a case's, or one of its own
      indicators::Feedback r;
      bool same = pick(2) == 0 && !final_records.empty();
      if (same) {
        auto it = final_records.begin();
        std::advance(it, pick(int(final_records.size())));
        r = it->second;
        r.answered_at = clock;
        r.status = indicators::FeedbackStatus::answered;
        r.rating = indicators::Rating::satisfied;
      } else {
        r.id = "IMPORT-" + std::to_string(i);
        r.unit_code = pick(2) ? "XA" : "XB";
        r.channel = indicators::FeedbackChannel::hotline_1022;
        r.received_at = clock - hours{48};
        r.due_at = clock + hours{pick(2) ? 48 : -24};
        r.status = indicators::FeedbackStatus::open;
      }
      indicators::ImportRequest req;
      req.kind = indicators::Kind::feedback;
      auto csv = indicators::to_csv(std::vector<indicators::Feedback>{r});
      req.text = csv;
      auto out = indicators::import_batch(db, req, kWho, clock);
      ASSERT_TRUE(out.ok()) << out.errors.front().message;
      final_records[r.id] = r;
    }
  }
  EXPECT_GE(taken, 15);  // the sequence does exercise the workflow
  EXPECT_GE(answered, 3);
  std::vector<indicators::Feedback> records;
  for (const auto& [id, r] : final_records) records.push_back(r);
  for (const char* code : {"2024-01", "2024-02", "2024-Q1", "2024"}) {
    auto period = Period::parse(code);
    auto stored =
        db.read([&](db::Connection& c) { return indicators::query(c, "P", period, indicators::Scope::subtree); });
    expect_same(stored, indicators::compute({}, records, period), std::string("rollups vs reference, ") + code);
  }

  // The statistics' tally of the cases equals the indicators of the cases'
  // own records (the imports aside).
  std::vector<indicators::Feedback> of_cases;
  for (const auto& f : db.read([](db::Connection& c) { return figures(c); }))
    of_cases.push_back(app::feedback_record(f));
  for (const char* code : {"2024-01", "2024-Q1"}) {
    auto period = Period::parse(code);
    Tally tally;
    for (const auto& k : db.read([&](db::Connection& c) {
           return cases_of_period(c, {"P", "VP", "XA", "XB"}, period.begin(), period.end());
         })) {
      count(tally, k, period.begin(), period.end());
    }
    auto reference = indicators::compute({}, of_cases, period);
    EXPECT_EQ(tally.received, reference.feedback_received) << code;
    EXPECT_EQ(tally.answered, reference.feedback_answered) << code;
    EXPECT_EQ(tally.on_time, reference.feedback_on_time_rate.numerator) << code;
    EXPECT_EQ(tally.pending, reference.feedback_pending_at_end) << code;
    EXPECT_EQ(tally.overdue, reference.feedback_overdue_open) << code;
    EXPECT_EQ(tally.rated, reference.feedback_satisfaction_rate.denominator) << code;
    EXPECT_EQ(tally.satisfied, reference.feedback_satisfaction_rate.numerator) << code;
  }
}

}  // namespace
}  // namespace cchc::feedback
