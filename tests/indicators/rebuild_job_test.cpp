// The rebuild as a background job (indicators/upload.h: kRebuildJob) on a
// real database, both backends: run by a Runner, it leaves exactly the
// rollups rebuild_in_sql writes, says how many records it read and is
// audited; asked for twice while it waits it is one job; cancelled before
// it runs it never runs. Waits are bounded loops on the job's state.
#include <gtest/gtest.h>

#include <thread>

#include "audit/audit.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/synthetic.h"
#include "indicators/upload.h"
#include "jobs/rules.h"
#include "jobs/runner.h"
#include "jobs/store.h"
#include "support/rollups.h"
#include "support/test_db.h"

namespace cchc::indicators {
namespace {

using namespace std::chrono_literals;

class RebuildJob : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, RebuildJob, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kRebuildWho{"cli:test", "cli", "", "", "", {}, {}};
const Instant kRebuildNow{std::chrono::seconds{1'750'000'000}};

const char* kRebuildUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh,province,,2004-01-01,,\n"
    "S,Sở,department,P,2004-01-01,,\n"
    "D,Huyện,district,P,2004-01-01,,\n"
    "A,Xã A,commune,D,2004-01-01,,\n";

// The units above with a year of synthetic dossiers and feedback imported;
// how many records.
std::int64_t seed_records(db::Database& db) {
  db::migrate(db);
  auto units = directory::import_units(db, kRebuildUnits, kRebuildWho, kRebuildNow);
  EXPECT_TRUE(units.ok());
  const Date first{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
  std::vector<SyntheticUnit> su;
  for (const auto& [code, level] :
       {std::pair{"S", "department"}, std::pair{"D", "district"}, std::pair{"A", "commune"}}) {
    su.push_back({code, level, first, std::nullopt});
  }
  SyntheticOptions o;
  o.first_month = first;
  o.months = 12;
  o.horizon = kRebuildNow;
  o.dossiers_per_unit_month = 6;
  o.feedback_per_unit_month = 2;
  std::vector<Dossier> dossiers;
  std::vector<Feedback> feedback;
  generate_dossiers(su, o, [&](const Dossier& d) { dossiers.push_back(d); });
  generate_feedback(su, o, [&](const Feedback& f) { feedback.push_back(f); });
  for (const auto& [kind, text] :
       {std::pair{Kind::dossiers, to_csv(dossiers)}, std::pair{Kind::feedback, to_csv(feedback)}}) {
    ImportRequest r;
    r.kind = kind;
    r.text = text;
    auto out = import_batch(db, r, kRebuildWho, kRebuildNow);
    EXPECT_TRUE(out.ok()) << (out.errors.size() ? out.errors[0].message : "");
  }
  return std::int64_t(dossiers.size() + feedback.size());
}

using testing::rollup_rows;

// Rollups no longer matching the records: one table emptied, another's
// counters changed.
void spoil_rollups(db::Database& db) {
  db.write([](db::Connection& c) {
    c.query(std::string("DELETE FROM ") + spec(Table::dossier_months).name);
    const auto& last = spec(kTables.back());
    c.query(std::string("UPDATE ") + last.name + " SET " + std::string(last.counters.front()) + " = 999");
  });
}

std::int64_t rebuild_audits(db::Database& db) {
  return db.read([](db::Connection& c) {
    return c.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'rebuild' AND entity = 'indicator_rollups'")
        .one()
        .i64("n");
  });
}

jobs::Job rebuild_job_of(db::Database& db, const std::string& id) {
  auto j = db.read([&](db::Connection& c) { return jobs::find_job(c, id); });
  if (!j) throw std::runtime_error("job " + id + " is gone");
  return *j;
}

// Whether the job reached a finished state within a minute.
bool settles(db::Database& db, const std::string& id) {
  for (int i = 0; i < 6000; ++i) {
    if (jobs::finished(rebuild_job_of(db, id).state)) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

jobs::Runner indicator_runner(db::Database& db) {
  jobs::Handlers handlers;
  add_jobs(handlers, db);
  return jobs::Runner(db, std::move(handlers), jobs::RunnerOptions{1, 20ms, 60s, 50ms});
}

TEST_P(RebuildJob, LeavesTheRollupsTheSqlRebuildWritesAndIsAudited) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  const auto records = seed_records(db);
  ASSERT_GT(records, 100);
  db.write([](db::Connection& c) { rebuild_in_sql(c); });
  const auto reference = rollup_rows(db);
  ASSERT_FALSE(reference.empty());
  spoil_rollups(db);
  ASSERT_NE(rollup_rows(db), reference);

  auto runner = indicator_runner(db);
  auto id = jobs::submit(db, rebuild_job("demo.admin", "P", "192.0.2.7"), kRebuildNow);
  ASSERT_TRUE(settles(db, id));
  auto j = rebuild_job_of(db, id);
  ASSERT_EQ(j.state, jobs::State::done) << j.error;
  EXPECT_EQ(rollup_rows(db), reference);
  EXPECT_EQ(j.progress, (jobs::Progress{records, records, rebuild_done_vi(records)}));
  EXPECT_EQ(j.return_to, "/chi-so");

  auto entries = audit::list(db, audit::Filter{std::nullopt, "indicator_rollups", "rebuild", {}, {}, 10});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor, "demo.admin");
  EXPECT_EQ(entries[0].address, "192.0.2.7");
  EXPECT_EQ(nlohmann::json::parse(*entries[0].after_json), (nlohmann::json{{"records", records}, {"job", id}}));
  EXPECT_TRUE(audit::verify(db).ok);
}

TEST_P(RebuildJob, AskedTwiceWhileWaitingIsOneJobAndACancelledOneNeverRuns) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  seed_records(db);

  // No runner yet: the job waits.
  auto first = jobs::submit(db, rebuild_job("demo.admin", "P", "192.0.2.7"), kRebuildNow);
  auto again = jobs::submit(db, rebuild_job("other.admin", "P", "192.0.2.8"), kRebuildNow);
  EXPECT_EQ(again, first);
  const audit::Entry who{"demo.admin", "192.0.2.7", "", "", "", {}, {}};
  auto state = db.write([&](db::Connection& c) { return jobs::request_cancel(c, first, who, kRebuildNow); });
  EXPECT_EQ(state, jobs::State::cancelled);

  // A runner takes the oldest claimable job first: once the next one is
  // done, the cancelled one has been passed over for good.
  {
    auto runner = indicator_runner(db);
    auto next = jobs::submit(db, rebuild_job("demo.admin", "P", "192.0.2.7"), kRebuildNow);
    EXPECT_NE(next, first);  // the cancelled one no longer dedupes
    ASSERT_TRUE(settles(db, next));
    EXPECT_EQ(rebuild_job_of(db, next).state, jobs::State::done);
  }
  EXPECT_EQ(rebuild_job_of(db, first).state, jobs::State::cancelled);
  EXPECT_EQ(rebuild_audits(db), 1);  // the second job's only
}

}  // namespace
}  // namespace cchc::indicators
