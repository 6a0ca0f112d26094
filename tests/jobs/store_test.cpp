// The job table's store on both backends: a claim is exclusive, a settled
// job is never claimed again, an expired lease is claimed again with one
// more attempt until the attempts run out, a stale worker's writes are
// ignored, cancelling stops a queued job at once and marks a running one.
#include "jobs/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "core/errors.h"
#include "db/migrate.h"
#include "jobs/rules.h"
#include "support/test_db.h"

namespace cchc::jobs {
namespace {

class JobStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, JobStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

using std::chrono::seconds;
const Instant kT0{seconds{1'750'000'000}};
const audit::Entry kWho{"can.bo", "127.0.0.1", "", "", "", {}, {}};

NewJob new_job(const std::string& kind = "test.work", const std::string& by = "can.bo") {
  return NewJob{kind, "Việc thử", R"({"n": 1})", "TD", by, "/chi-so/nhap", "Nhập tệp khác", ""};
}

ClaimRequest as(const std::string& owner, std::vector<std::string> kinds = {"test.work"}) {
  return ClaimRequest{owner, std::move(kinds), seconds(60), kMaxAttempts};
}

std::string put(db::Database& db, const NewJob& j, Instant at) {
  return db.write([&](db::Connection& c) { return enqueue(c, j, at); });
}
std::optional<Job> take(db::Database& db, const ClaimRequest& r, Instant at) {
  return db.write([&](db::Connection& c) { return claim(c, r, at); });
}
Job get(db::Database& db, const std::string& id) {
  auto j = db.read([&](db::Connection& c) { return find_job(c, id); });
  if (!j) throw std::runtime_error("job " + id + " is gone");
  return *j;
}
bool done_by(db::Database& db, const std::string& id, const std::string& owner, Instant at,
             std::optional<Result> result = std::nullopt) {
  return db.write([&](db::Connection& c) {
    return settle(c, id, owner, Outcome{State::done, {3, 3, "Xong."}, "", std::move(result)}, at);
  });
}

TEST_P(JobStore, AClaimIsExclusive) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto id = put(db, new_job(), kT0);
  ASSERT_TRUE(valid_id(id));
  auto queued = get(db, id);
  EXPECT_EQ(queued.state, State::queued);
  EXPECT_EQ(queued.attempts, 0);
  EXPECT_EQ(queued.params, "") << "pages read no params";
  EXPECT_EQ(db.read([&](db::Connection& c) { return params_of(c, id); }), R"({"n": 1})");
  EXPECT_EQ(queued.created_by, "can.bo");
  EXPECT_EQ(queued.return_to, "/chi-so/nhap");

  auto first = take(db, as("a"), kT0 + seconds(1));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->params, R"({"n": 1})") << "the worker gets its params";
  EXPECT_EQ(first->id, id);
  EXPECT_EQ(first->state, State::running);
  EXPECT_EQ(first->attempts, 1);
  EXPECT_EQ(first->lease_owner, "a");
  EXPECT_EQ(first->lease_until, kT0 + seconds(61));
  EXPECT_EQ(first->started_at, kT0 + seconds(1));
  // A second claim, at once or just before the lease ends, finds nothing.
  EXPECT_FALSE(take(db, as("b"), kT0 + seconds(1)));
  EXPECT_FALSE(take(db, as("b"), kT0 + seconds(61)));
  EXPECT_EQ(get(db, id).lease_owner, "a");
}

// Many workers on two connections claim at once: every job is taken by
// exactly one (PostgreSQL's SKIP LOCKED; SQLite's writer lock).
TEST_P(JobStore, ConcurrentClaimsTakeEveryJobOnce) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  auto other = db::open(t->spec);
  constexpr int kJobs = 40;
  for (int i = 0; i < kJobs; ++i) put(*t->db, new_job(), kT0 + seconds(i));
  std::mutex m;
  std::map<std::string, int> taken;
  std::vector<std::thread> workers;
  for (int w = 0; w < 6; ++w) {
    workers.emplace_back([&, w] {
      auto& db = w % 2 ? *other : *t->db;
      while (auto j = take(db, as("worker-" + std::to_string(w)), kT0 + seconds(100))) {
        std::lock_guard lock(m);
        ++taken[j->id];
      }
    });
  }
  for (auto& w : workers) w.join();
  ASSERT_EQ(taken.size(), std::size_t(kJobs));
  for (const auto& [id, n] : taken) EXPECT_EQ(n, 1) << id;
}

TEST_P(JobStore, TheOldestJobOfAKindItHandlesFirst) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto other = put(db, new_job("test.other"), kT0);
  auto a = put(db, new_job(), kT0 + seconds(1));
  auto b = put(db, new_job(), kT0 + seconds(2));
  const auto at = kT0 + seconds(10);
  EXPECT_TRUE(db.read([&](db::Connection& c) { return claimable(c, {"test.work"}, at); }));
  EXPECT_EQ(take(db, as("w"), at)->id, a);
  EXPECT_EQ(take(db, as("w"), at)->id, b);
  EXPECT_FALSE(take(db, as("w"), at));
  EXPECT_FALSE(db.read([&](db::Connection& c) { return claimable(c, {"test.work"}, at); }));
  EXPECT_FALSE(take(db, as("w", {}), at));  // no handlers, no job
  EXPECT_EQ(get(db, other).state, State::queued);
  EXPECT_TRUE(db.read([&](db::Connection& c) { return claimable(c, {"test.other"}, at); }));
  EXPECT_EQ(take(db, as("w", {"test.other", "test.work"}), at)->id, other);
}

// A worker that died: its lease runs out, another takes the job with one
// more attempt and the dead one's writes change nothing; after the last
// attempt's lease runs out the job fails for good.
TEST_P(JobStore, AnExpiredLeaseIsClaimedAgainUntilTheAttemptsRunOut) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto id = put(db, new_job(), kT0);
  ASSERT_TRUE(take(db, as("a"), kT0));
  EXPECT_TRUE(db.write([&](db::Connection& c) {
    return heartbeat(c, id, "a", {1, 4, "Một phần tư"}, kT0 + seconds(60));
  }));

  auto second = take(db, as("b"), kT0 + seconds(61));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_EQ(second->lease_owner, "b");
  EXPECT_EQ(second->started_at, kT0);                 // the first start
  EXPECT_EQ(second->progress, (Progress{0, 0, ""}));  // started over
  // The first worker, back from the dead: nothing it writes counts.
  EXPECT_FALSE(db.write([&](db::Connection& c) { return heartbeat(c, id, "a", {4, 4, "?"}, kT0 + seconds(200)); }));
  EXPECT_FALSE(done_by(db, id, "a", kT0 + seconds(62)));
  EXPECT_FALSE(db.write([&](db::Connection& c) { return release(c, id, "a"); }));
  EXPECT_EQ(get(db, id).state, State::running);
  EXPECT_EQ(get(db, id).lease_owner, "b");

  auto third = take(db, as("c"), kT0 + seconds(122));
  ASSERT_TRUE(third);
  EXPECT_EQ(third->attempts, kMaxAttempts);
  // The third worker dies too: the job fails instead of a fourth start.
  EXPECT_FALSE(take(db, as("d"), kT0 + seconds(183)));
  auto failed = get(db, id);
  EXPECT_EQ(failed.state, State::failed);
  EXPECT_EQ(failed.attempts, kMaxAttempts);
  EXPECT_EQ(failed.finished_at, kT0 + seconds(183));
  EXPECT_NE(failed.error.find("gián đoạn 3 lần"), std::string::npos) << failed.error;
  EXPECT_FALSE(take(db, as("d"), kT0 + seconds(10000)));
}

TEST_P(JobStore, ASettledJobIsNeverClaimedAgain) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  std::map<State, std::string> ids;
  for (auto s : {State::done, State::failed, State::cancelled}) {
    auto id = put(db, new_job(), kT0);
    ASSERT_EQ(take(db, as("a"), kT0)->id, id);
    ASSERT_TRUE(db.write([&](db::Connection& c) {
      return settle(c, id, "a", Outcome{s, {1, 1, "Hết."}, s == State::failed ? "Lỗi." : "", std::nullopt}, kT0);
    }));
    ids[s] = id;
  }
  // Long after any lease would have run out.
  const auto later = kT0 + std::chrono::days(3);
  EXPECT_FALSE(db.read([&](db::Connection& c) { return claimable(c, {"test.work"}, later); }));
  EXPECT_FALSE(take(db, as("b"), later));
  for (const auto& [s, id] : ids) {
    auto j = get(db, id);
    EXPECT_EQ(j.state, s);
    EXPECT_EQ(j.attempts, 1);
    EXPECT_EQ(j.finished_at, kT0);
    EXPECT_FALSE(j.lease_until);
    // Settled once: a second settle, even by its own worker, changes nothing.
    EXPECT_FALSE(done_by(db, id, "a", later));
    EXPECT_EQ(get(db, id).state, s);
  }
  EXPECT_EQ(get(db, ids[State::failed]).error, "Lỗi.");
  EXPECT_EQ(get(db, ids[State::done]).progress, (Progress{1, 1, "Hết."}));
}

TEST_P(JobStore, AHeartbeatKeepsTheLeaseAndStoresProgress) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto id = put(db, new_job(), kT0);
  ASSERT_TRUE(take(db, as("a"), kT0));
  ASSERT_TRUE(db.write([&](db::Connection& c) {
    return heartbeat(c, id, "a", {250, 1000, "Đang ghi 250/1.000"}, kT0 + seconds(110));
  }));
  EXPECT_FALSE(take(db, as("b"), kT0 + seconds(61)));  // renewed past the first lease
  auto j = get(db, id);
  EXPECT_EQ(j.progress, (Progress{250, 1000, "Đang ghi 250/1.000"}));
  EXPECT_EQ(j.lease_until, kT0 + seconds(110));
  EXPECT_TRUE(take(db, as("b"), kT0 + seconds(111)));
}

TEST_P(JobStore, CancelStopsAQueuedJobAtOnceAndMarksARunningOne) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto cancel = [&](const std::string& id, Instant at) {
    return db.write([&](db::Connection& c) { return request_cancel(c, id, kWho, at); });
  };
  auto queued = put(db, new_job(), kT0);
  auto running = put(db, new_job(), kT0 + seconds(1));
  EXPECT_EQ(cancel(queued, kT0 + seconds(2)), State::cancelled);
  EXPECT_EQ(get(db, queued).finished_at, kT0 + seconds(2));

  auto j = take(db, as("a"), kT0 + seconds(3));
  ASSERT_TRUE(j);
  EXPECT_EQ(j->id, running);  // the cancelled one is never claimed
  EXPECT_FALSE(db.read([&](db::Connection& c) { return cancel_requested(c, running); }));
  EXPECT_EQ(cancel(running, kT0 + seconds(4)), State::running);
  EXPECT_TRUE(db.read([&](db::Connection& c) { return cancel_requested(c, running); }));
  EXPECT_TRUE(get(db, running).cancel_requested);
  EXPECT_EQ(cancel(running, kT0 + seconds(5)), State::running);  // asked once; not audited again
  ASSERT_TRUE(db.write([&](db::Connection& c) {
    return settle(c, running, "a", Outcome{State::cancelled, {}, "", std::nullopt}, kT0 + seconds(6));
  }));
  EXPECT_EQ(cancel(running, kT0 + seconds(7)), State::cancelled);  // finished: left as it is
  EXPECT_EQ(cancel("0123456789abcdef0123456789abcdef", kT0), std::nullopt);

  auto audited = db.read([](db::Connection& c) {
    return c.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'cancel' AND entity = 'jobs'").one().i64("n");
  });
  EXPECT_EQ(audited, 2);

  // A running job asked to stop whose worker died is cancelled, not run again.
  auto orphan = put(db, new_job(), kT0 + seconds(10));
  ASSERT_EQ(take(db, as("a"), kT0 + seconds(10))->id, orphan);
  EXPECT_EQ(cancel(orphan, kT0 + seconds(11)), State::running);
  EXPECT_FALSE(take(db, as("b"), kT0 + seconds(100)));
  EXPECT_EQ(get(db, orphan).state, State::cancelled);
}

TEST_P(JobStore, AReleasedJobGoesBackWithoutCountingTheStart) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto id = put(db, new_job(), kT0);
  ASSERT_TRUE(take(db, as("a"), kT0));
  EXPECT_TRUE(db.write([&](db::Connection& c) { return release(c, id, "a"); }));
  auto j = get(db, id);
  EXPECT_EQ(j.state, State::queued);
  EXPECT_EQ(j.attempts, 0);
  EXPECT_EQ(j.lease_owner, "");
  auto again = take(db, as("b"), kT0 + seconds(1));  // at once: no lease to wait for
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 1);
}

TEST_P(JobStore, AResultIsKeptByteForByteAndBounded) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto id = put(db, new_job(), kT0);
  ASSERT_TRUE(take(db, as("a"), kT0));
  Outcome big{
      State::done, {}, "", Result{"lon.bin", "application/octet-stream", std::string(kMaxResultBytes + 1, 'x')}};
  EXPECT_THROW(db.write([&](db::Connection& c) { return settle(c, id, "a", big, kT0); }), Error);
  EXPECT_EQ(get(db, id).state, State::running);  // nothing written

  const std::string bytes = std::string("tep,ban_ghi\r\n") + '\0' + "\xff\xfe";
  ASSERT_TRUE(done_by(db, id, "a", kT0, Result{"bien-nhan.csv", "text/csv; charset=utf-8", bytes}));
  auto j = get(db, id);
  EXPECT_EQ(j.result_name, "bien-nhan.csv");
  EXPECT_EQ(j.result_type, "text/csv; charset=utf-8");
  auto r = db.read([&](db::Connection& c) { return result_of(c, id); });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bytes, bytes);

  auto plain = put(db, new_job(), kT0);
  ASSERT_TRUE(take(db, as("a"), kT0));
  ASSERT_TRUE(done_by(db, plain, "a", kT0));
  EXPECT_FALSE(db.read([&](db::Connection& c) { return result_of(c, plain); }));
  EXPECT_EQ(get(db, plain).result_name, "");
}

TEST_P(JobStore, ADedupeKeyGivesTheUnfinishedJob) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto keyed = new_job();
  keyed.dedupe_key = "indicators.import:abc";
  auto first = put(db, keyed, kT0);
  EXPECT_EQ(put(db, keyed, kT0 + seconds(1)), first);
  ASSERT_TRUE(take(db, as("a"), kT0 + seconds(2)));
  EXPECT_EQ(put(db, keyed, kT0 + seconds(3)), first);  // running: still the same
  ASSERT_TRUE(done_by(db, first, "a", kT0 + seconds(4)));
  auto second = put(db, keyed, kT0 + seconds(5));
  EXPECT_NE(second, first);                                                               // finished: a new one
  EXPECT_NE(put(db, new_job(), kT0 + seconds(6)), put(db, new_job(), kT0 + seconds(6)));  // no key: each its own
}

// What a page finds under a key before enqueueing (app/pdf_jobs.h): the
// unfinished job, and the newest one done that left a result; a job done
// without a result, failed or cancelled is neither.
TEST_P(JobStore, AKeyFindsTheUnfinishedJobAndTheNewestResult) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto keyed = new_job();
  keyed.dedupe_key = "exports.pdf:can.bo:abc";
  auto unfinished = [&] {
    return db.read([&](db::Connection& c) { return unfinished_with_key(c, keyed.dedupe_key); });
  };
  auto made = [&] { return db.read([&](db::Connection& c) { return done_with_result(c, keyed.dedupe_key); }); };
  EXPECT_FALSE(unfinished());
  EXPECT_FALSE(made());

  auto first = put(db, keyed, kT0);
  EXPECT_EQ(unfinished(), first);  // queued
  ASSERT_TRUE(take(db, as("a"), kT0));
  EXPECT_EQ(unfinished(), first);  // running
  EXPECT_FALSE(made());
  ASSERT_TRUE(done_by(db, first, "a", kT0 + seconds(1)));  // done, no result
  EXPECT_FALSE(unfinished());
  EXPECT_FALSE(made());

  auto failed = put(db, keyed, kT0 + seconds(2));
  ASSERT_TRUE(take(db, as("a"), kT0 + seconds(2)));
  ASSERT_TRUE(db.write([&](db::Connection& c) {
    return settle(c, failed, "a", Outcome{State::failed, {}, "Hỏng.", Result{"a.pdf", "application/pdf", "%PDF-"}},
                  kT0 + seconds(3));
  }));
  EXPECT_FALSE(made());

  auto with_result = [&](Instant at) {
    auto id = put(db, keyed, at);
    EXPECT_TRUE(take(db, as("a"), at));
    EXPECT_TRUE(done_by(db, id, "a", at, Result{"a.pdf", "application/pdf", "%PDF-1"}));
    return id;
  };
  auto older = with_result(kT0 + seconds(4));
  EXPECT_EQ(made(), older);
  auto newer = with_result(kT0 + seconds(5));
  EXPECT_EQ(made(), newer);
  EXPECT_FALSE(unfinished());
  auto other = keyed;
  other.dedupe_key = "exports.pdf:lanh.dao:abc";
  EXPECT_FALSE(db.read([&](db::Connection& c) { return done_with_result(c, other.dedupe_key); }));
}

TEST_P(JobStore, AUsersJobsNewestFirstPurgedAWeekAfterTheyFinish) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  auto old = put(db, new_job(), kT0);
  auto recent = put(db, new_job(), kT0 + seconds(5));
  auto others = put(db, new_job("test.work", "lanh.dao"), kT0 + seconds(6));
  auto list = db.read([](db::Connection& c) { return jobs_of(c, "can.bo"); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, recent);
  EXPECT_EQ(list[1].id, old);
  EXPECT_EQ(db.read([](db::Connection& c) { return jobs_of(c, "can.bo", 1); }).size(), 1u);

  ASSERT_EQ(take(db, as("a"), kT0 + seconds(10))->id, old);
  ASSERT_TRUE(done_by(db, old, "a", kT0 + seconds(10)));
  auto purge = [&](Instant at) { return db.write([&](db::Connection& c) { return purge_finished(c, at); }); };
  EXPECT_EQ(purge(kT0 + seconds(10) + kFinishedLife), 0);  // a week to the second: kept
  EXPECT_EQ(purge(kT0 + seconds(11) + kFinishedLife), 1);
  EXPECT_FALSE(db.read([&](db::Connection& c) { return find_job(c, old); }));
  // Unfinished jobs stay, however old.
  EXPECT_EQ(purge(kT0 + std::chrono::days(365)), 0);
  EXPECT_EQ(get(db, recent).state, State::queued);
  EXPECT_EQ(get(db, others).created_by, "lanh.dao");
}

}  // namespace
}  // namespace cchc::jobs
