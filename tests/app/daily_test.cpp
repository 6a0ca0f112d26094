// The server's daily work (app/daily.h): the time it runs at, when it is
// due, what a run records, and one claim a day across processes on a real
// database, both backends; the job runs it and records what it did.
#include "app/daily.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/errors.h"
#include "db/migrate.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "support/test_db.h"

namespace cchc::app {
namespace {

using namespace std::chrono_literals;

TEST(Daily, TheTimeIsHoursAndMinutes) {
  struct Case {
    const char* text;
    std::optional<int> minutes;
  } cases[] = {
      {"06:30", 390}, {"00:00", 0},  {"23:59", 1439}, {" 07:05 ", 425}, {"24:00", {}}, {"12:60", {}},
      {"7:30", {}},   {"07.30", {}}, {"", {}},        {"0630", {}},     {"07:3a", {}}, {"07:300", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_daily_at(c.text), c.minutes);
    if (c.minutes) {
      EXPECT_EQ(parse_daily_at(format_daily_at(*c.minutes)), c.minutes);
    }
  }
  EXPECT_EQ(format_daily_at(390), "06:30");
  EXPECT_EQ(format_daily_at(0), "00:00");
}

TEST(Daily, DueOnceItsTimeHasPassedThatDay) {
  // Local (+07:00) times of 12/03/2024.
  const Date day{std::chrono::year{2024} / 3 / 12};
  auto at = [&](int h, int m) { return start_of_day(day) + std::chrono::hours{h} + std::chrono::minutes{m}; };
  struct Case {
    Instant now;
    int daily_at;
    bool due;
  } cases[] = {
      {at(6, 29), 390, false}, {at(6, 30), 390, true},    {at(23, 59), 390, true},  {at(0, 0), 0, true},
      {at(0, 0), 1, false},    {at(23, 58), 1439, false}, {at(23, 59), 1439, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(format_datetime_vi(c.now) + " vs " + format_daily_at(c.daily_at));
    EXPECT_EQ(daily_due(c.now, c.daily_at), c.due);
  }
}

TEST(Daily, ASummaryIsKeptAndShown) {
  DailySummary s;
  s.day = Date{std::chrono::year{2024} / 3 / 12};
  s.working_day = true;
  s.reminders = 12;
  s.notifications = 1234;
  s.feedback = 3;
  s.inspections = 0;
  EXPECT_EQ(s.text_vi(),
            "12 nhắc việc, 1.234 thông báo mới; phản ánh: 3; kiểm tra: 0. Chưa cấu hình máy chủ thư: "
            "không gửi thư.");
  s.mailed = true;
  s.digests = 5;
  s.digest_notifications = 40;
  s.acknowledged = 2;
  s.failures = {"demo.canbo: connection refused"};
  EXPECT_EQ(s.text_vi(),
            "12 nhắc việc, 1.234 thông báo mới; phản ánh: 3; kiểm tra: 0. Đã gửi 5 thư tổng hợp (40 "
            "thông báo), 2 thư xác nhận phản ánh; 1 thư chưa gửi được.");
  auto back = DailySummary::from_json(s.to_json());
  EXPECT_EQ(back.to_json(), s.to_json());
  EXPECT_EQ(back.day, s.day);
  DailySummary off;
  off.day = Date{std::chrono::year{2024} / 3 / 10};  // a Sunday
  EXPECT_EQ(off.text_vi(), "Ngày nghỉ: không nhắc việc. Chưa cấu hình máy chủ thư: không gửi thư.");
}

class DailyStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, DailyStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

TEST_P(DailyStore, OneClaimADayAndTheJobRecordsWhatItDid) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  const Instant now = start_of_day(Date{std::chrono::year{2024} / 3 / 12}) + 7h;
  // The time: 06:30 until set; a bad one is refused and changes nothing.
  EXPECT_EQ(db.read([](db::Connection& c) { return daily_at(c); }), 390);
  db.write([&](db::Connection& c) { set_daily_at(c, "07:15", kWho, now); });
  EXPECT_EQ(db.read([](db::Connection& c) { return daily_at(c); }), 435);
  for (const char* bad : {"7:15", "24:00", "", "bảy giờ"}) {
    SCOPED_TRACE(bad);
    try {
      db.write([&](db::Connection& c) { set_daily_at(c, bad, kWho, now); });
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    }
  }
  EXPECT_EQ(db.read([](db::Connection& c) { return daily_at(c); }), 435);
  EXPECT_EQ(db.read([](db::Connection& c) {
    return c.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'settings'").one().i64("n");
  }),
            1);

  // Two processes claim the same day: one wins, one job is queued.
  const Date day = local_date(now);
  EXPECT_TRUE(db.write([&](db::Connection& c) { return claim_daily(c, day, "host-a:1", now); }));
  EXPECT_FALSE(db.write([&](db::Connection& c) { return claim_daily(c, day, "host-b:2", now + 1s); }));
  auto runs = db.read([](db::Connection& c) { return recent_daily_runs(c, 30); });
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].day, day);
  EXPECT_EQ(runs[0].claimed_by, "host-a:1");
  EXPECT_FALSE(runs[0].finished_at);
  ASSERT_FALSE(runs[0].job_id.empty());
  auto job = db.read([&](db::Connection& c) { return jobs::find_job(c, runs[0].job_id); });
  ASSERT_TRUE(job);
  EXPECT_EQ(job->kind, kDailyJob);
  EXPECT_EQ(db.read([&](db::Connection& c) { return jobs::params_of(c, runs[0].job_id); }), R"({"day":"2024-03-12"})");

  // A worker runs it: the row says when it finished and what it did (a
  // working day, nothing owed in an empty province, no mail server).
  {
    jobs::Handlers handlers;
    add_daily_job(handlers, db, [] { return MailSettings{}; });
    jobs::Runner runner(db, std::move(handlers), jobs::RunnerOptions{1, 20ms, 60s, 50ms});
    for (int i = 0; i < 3000 && !db.read([&](db::Connection& c) {
           return jobs::finished(jobs::find_job(c, runs[0].job_id)->state);
         });
         ++i) {
      std::this_thread::sleep_for(10ms);
    }
  }
  EXPECT_EQ(db.read([&](db::Connection& c) { return jobs::find_job(c, runs[0].job_id)->state; }), jobs::State::done);
  runs = db.read([](db::Connection& c) { return recent_daily_runs(c, 30); });
  ASSERT_EQ(runs.size(), 1u);
  ASSERT_TRUE(runs[0].finished_at);
  ASSERT_TRUE(runs[0].summary);
  EXPECT_TRUE(runs[0].summary->working_day);
  EXPECT_EQ(runs[0].summary->reminders, 0);
  EXPECT_FALSE(runs[0].summary->mailed);
  EXPECT_TRUE(runs[0].error.empty());

  // A finished run is not claimed again.
  EXPECT_FALSE(db.read([&](db::Connection& c) { return daily_claimable(c, day); }));
  EXPECT_FALSE(db.write([&](db::Connection& c) { return claim_daily(c, day, "host-c:3", now + 2h); }));

  // The next day is claimed afresh; newest first.
  const Date next{std::chrono::sys_days{day} + std::chrono::days{1}};
  EXPECT_TRUE(db.write([&](db::Connection& c) { return claim_daily(c, next, "host-b:2", now + 24h); }));
  runs = db.read([](db::Connection& c) { return recent_daily_runs(c, 30); });
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].day, next);
  EXPECT_EQ(runs[1].day, day);
  // Its job waits: not claimable. Failed or cancelled, it is claimed again
  // with a new job, up to three attempts in all.
  EXPECT_FALSE(db.read([&](db::Connection& c) { return daily_claimable(c, next); }));
  std::set<std::string> job_ids = {runs[0].job_id};
  for (const char* end : {"failed", "cancelled"}) {
    SCOPED_TRACE(end);
    db.write([&](db::Connection& c) {
      c.query("UPDATE jobs SET state = ? WHERE kind = 'daily' AND state = 'queued'", {std::string(end)});
    });
    EXPECT_TRUE(db.read([&](db::Connection& c) { return daily_claimable(c, next); }));
    EXPECT_TRUE(db.write([&](db::Connection& c) { return claim_daily(c, next, "host-c:3", now + 25h); }));
    EXPECT_FALSE(db.write([&](db::Connection& c) { return claim_daily(c, next, "host-d:4", now + 25h); }));
    auto run = db.read([](db::Connection& c) { return recent_daily_runs(c, 1); }).at(0);
    EXPECT_EQ(run.claimed_by, "host-c:3");
    EXPECT_TRUE(job_ids.insert(run.job_id).second) << "a new job each attempt";
  }
  EXPECT_EQ(db.read([](db::Connection& c) { return recent_daily_runs(c, 1); }).at(0).attempts, 3);
  db.write([&](db::Connection& c) {
    c.query("UPDATE jobs SET state = 'failed' WHERE kind = 'daily' AND state = 'queued'");
  });
  EXPECT_FALSE(db.read([&](db::Connection& c) { return daily_claimable(c, next); }));  // three attempts had
}

}  // namespace
}  // namespace cchc::app
