// The housekeeper's purge, on both backends: what expired goes, what is
// live stays, and a second run finds nothing more. Staged uploads expire
// too (directory/staged.h), and finished background jobs a week after they
// finish (jobs/store.h).
#include "app/housekeeping.h"

#include <gtest/gtest.h>

#include "db/migrate.h"
#include "support/test_db.h"

namespace cchc::app {
namespace {

class Housekeeping : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Backends, Housekeeping, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

TEST_P(Housekeeping, PurgesSessionsAndFailuresPastTheirTime) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  http::SessionStore sessions(*t->db, http::SessionPolicy{});
  Instant start{std::chrono::seconds{1'700'000'000}};
  using std::chrono::minutes;
  // Three anonymous visits at the start, two twenty minutes later.
  for (int i = 0; i < 3; ++i) {
    http::Request req;
    sessions.ensure(req, start);
  }
  for (int i = 0; i < 2; ++i) {
    http::Request req;
    sessions.ensure(req, start + minutes(20));
  }
  auto at = [](Instant t) { return t.time_since_epoch().count(); };
  t->db->write([&](db::Connection& c) {
    c.query("INSERT INTO sign_in_failures (username, address, at) VALUES ('a', '1.2.3.4', ?)", {at(start)});
    c.query("INSERT INTO sign_in_failures (username, address, at) VALUES ('a', '1.2.3.4', ?)",
            {at(start + minutes(25))});
    c.query(
        "INSERT INTO staged_uploads (id, purpose, filename, size, content, unit_code, uploaded_by, uploaded_at, "
        "expires_at) VALUES ('0123456789abcdef0123456789abcdef', 'units', 'don-vi.csv', 1, 'eA==', 'TD', 'a', ?, ?)",
        {at(start), at(start + minutes(40))});
    c.query(
        "INSERT INTO jobs (id, kind, title, state, params, created_by, created_at, finished_at) "
        "VALUES ('0123456789abcdef0123456789abcdef', 'test.work', 'Việc thử', 'done', '{}', 'a', ?, ?)",
        {at(start), at(start)});
    c.query(
        "INSERT INTO jobs (id, kind, title, state, params, created_by, created_at) "
        "VALUES ('fedcba9876543210fedcba9876543210', 'test.work', 'Việc thử', 'queued', '{}', 'a', ?)",
        {at(start)});
  });
  struct Row {
    int after_minutes;
    std::int64_t sessions, failures, staged, jobs;
  };
  const Row rows[] = {
      {10, 0, 0, 0, 0},               // nothing has expired yet
      {31, 3, 1, 0, 0},               // the first three idle for 30 minutes; the first failure is 15 minutes old
      {31, 0, 0, 0, 0},               // a second run finds nothing more
      {51, 2, 1, 1, 0},               // the staged upload expired at 40 minutes
      {7 * 24 * 60 + 1, 0, 0, 0, 1},  // the done job finished a week ago; the queued one stays
  };
  for (const auto& r : rows) {
    auto purged = purge_expired_state(*t->db, sessions, start + minutes(r.after_minutes));
    EXPECT_EQ(purged.sessions, r.sessions) << r.after_minutes;
    EXPECT_EQ(purged.sign_in_failures, r.failures) << r.after_minutes;
    EXPECT_EQ(purged.staged_uploads, r.staged) << r.after_minutes;
    EXPECT_EQ(purged.jobs, r.jobs) << r.after_minutes;
  }
  auto left =
      t->db->read([](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM sessions").one().i64("n"); });
  EXPECT_EQ(left, 0);
}

}  // namespace
}  // namespace cchc::app
