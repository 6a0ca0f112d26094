// The job Runner on a real database, both backends: it runs a submitted job
// and keeps its result; an error fails it with its Vietnamese message; a
// cancel stops it; a job survives its runner (a stopped one hands it back,
// a dead one loses it when its lease runs out) and is finished by another
// runner on the same database; with several runners every job runs once.
// Waits are bounded loops on the job's state, never timed assertions.
#include "jobs/runner.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "core/errors.h"
#include "db/migrate.h"
#include "jobs/store.h"
#include "support/test_db.h"

namespace cchc::jobs {
namespace {

using namespace std::chrono_literals;

class JobRunner : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, JobRunner, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

// A door a handler waits at until the test opens it.
class Gate {
 public:
  void open() {
    {
      std::lock_guard lock(m_);
      open_ = true;
    }
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Whether `done` became true within a minute (checked every 10 ms): long
// enough for any slow machine, so only a job that never gets there fails.
template <class F>
bool eventually(F done) {
  for (int i = 0; i < 6000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

Job job_of(db::Database& db, const std::string& id) {
  auto j = db.read([&](db::Connection& c) { return find_job(c, id); });
  if (!j) throw std::runtime_error("job " + id + " is gone");
  return *j;
}

bool in_state(db::Database& db, const std::string& id, State s) { return job_of(db, id).state == s; }

NewJob test_job(const std::string& kind = "test.work") {
  return NewJob{kind, "Việc thử", R"({"records": 3})", "TD", "can.bo", "", "", ""};
}

// Quick polls and heartbeats, so that the tests wait little.
RunnerOptions quick(int workers = 1, std::chrono::seconds lease = 60s) {
  return RunnerOptions{workers, 20ms, lease, 50ms};
}

TEST_P(JobRunner, RunsASubmittedJobAndKeepsItsResult) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  std::atomic<int> runs{0};
  Handlers handlers;
  handlers["test.work"] = [&](JobContext& job) {
    ++runs;
    EXPECT_EQ(job.job().created_by, "can.bo");
    const int n = job.params().at("records").get<int>();
    for (int i = 1; i <= n; ++i) job.progress(i, n, "Đang làm " + std::to_string(i));
    EXPECT_FALSE(job.cancelled());
    job.message("Đã làm xong 3 việc.");
    job.result("ket-qua.csv", "text/csv; charset=utf-8", "a,b\r\n1,2\r\n");
  };
  Runner runner(db, std::move(handlers), quick());
  auto id = submit(db, test_job(), now_seconds());
  ASSERT_TRUE(eventually([&] { return in_state(db, id, State::done); }));
  auto j = job_of(db, id);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(j.attempts, 1);
  EXPECT_EQ(j.progress, (Progress{3, 3, "Đã làm xong 3 việc."}));
  EXPECT_EQ(j.lease_owner, runner.owner());
  EXPECT_TRUE(j.finished_at);
  EXPECT_EQ(j.result_name, "ket-qua.csv");
  auto r = db.read([&](db::Connection& c) { return result_of(c, id); });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bytes, "a,b\r\n1,2\r\n");
  EXPECT_EQ(r->content_type, "text/csv; charset=utf-8");
  EXPECT_FALSE(runner.live(id));  // no longer running here
}

TEST_P(JobRunner, AnErrorFailsTheJobWithItsVietnameseMessage) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  Handlers handlers;
  handlers["test.refused"] = [](JobContext& job) {
    job.result("bo-qua.csv", "text/csv", "x");  // not kept: the job does not end done
    throw invalid_input("bad file", "Tệp có 2 lỗi, chưa nhập gì.");
  };
  handlers["test.crash"] = [](JobContext&) { throw std::runtime_error("a bug"); };
  Runner runner(db, std::move(handlers), quick());
  auto refused = submit(db, test_job("test.refused"), now_seconds());
  auto crashed = submit(db, test_job("test.crash"), now_seconds());
  ASSERT_TRUE(eventually([&] { return in_state(db, refused, State::failed) && in_state(db, crashed, State::failed); }));
  EXPECT_EQ(job_of(db, refused).error, "Tệp có 2 lỗi, chưa nhập gì.");
  EXPECT_EQ(job_of(db, refused).result_name, "");
  EXPECT_FALSE(job_of(db, crashed).error.empty());                        // a generic message for the page
  EXPECT_EQ(job_of(db, crashed).error.find("a bug"), std::string::npos);  // never the internal detail
  EXPECT_EQ(job_of(db, crashed).attempts, 1);                             // failed once, not run again
}

TEST_P(JobRunner, ACancelStopsARunningJob) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  Gate started;
  Handlers handlers;
  handlers["test.work"] = [&](JobContext& job) {
    job.progress(1, 100, "Bước 1");
    started.open();
    for (;;) {  // until it is told to stop
      job.stop_if_cancelled();
      std::this_thread::sleep_for(5ms);
    }
  };
  Runner runner(db, std::move(handlers), quick());
  auto id = submit(db, test_job(), now_seconds());
  started.wait();
  EXPECT_EQ(runner.live(id), (Progress{1, 100, "Bước 1"}));
  EXPECT_EQ(live_progress(id), (Progress{1, 100, "Bước 1"}));
  const audit::Entry who{"can.bo", "127.0.0.1", "", "", "", {}, {}};
  EXPECT_EQ(db.write([&](db::Connection& c) { return request_cancel(c, id, who, now_seconds()); }), State::running);
  ASSERT_TRUE(eventually([&] { return in_state(db, id, State::cancelled); }));
  EXPECT_EQ(job_of(db, id).attempts, 1);
}

// A runner stopped mid-job (the server shutting down) whose handler checks
// cancelled(): the job goes back to the queue, the start not counted, and
// the next runner on the database finishes it.
TEST_P(JobRunner, AStoppedRunnerHandsItsJobToTheNext) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Gate started;
  Handlers first;
  first["test.work"] = [&](JobContext& job) {
    started.open();
    for (;;) {
      job.stop_if_cancelled();
      std::this_thread::sleep_for(5ms);
    }
  };
  auto runner = std::make_unique<Runner>(*t->db, std::move(first), quick());
  auto id = submit(*t->db, test_job(), now_seconds());
  started.wait();
  runner.reset();
  auto back = job_of(*t->db, id);
  EXPECT_EQ(back.state, State::queued);
  EXPECT_EQ(back.attempts, 0);
  EXPECT_EQ(back.lease_owner, "");

  auto restarted = db::open(t->spec);
  Handlers second;
  second["test.work"] = [](JobContext& job) { job.message("Xong ở lần chạy sau."); };
  Runner next(*restarted, std::move(second), quick());
  ASSERT_TRUE(eventually([&] { return in_state(*restarted, id, State::done); }));
  EXPECT_EQ(job_of(*restarted, id).attempts, 1);
  EXPECT_EQ(job_of(*restarted, id).progress.message, "Xong ở lần chạy sau.");
}

// A runner destroyed while its handler is stuck (a process that dies
// mid-job): its lease is no longer renewed, so once it runs out a second
// Runner on the same database takes the job and finishes it; the first
// handler, when it finally returns, changes nothing.
TEST_P(JobRunner, AJobSurvivesARestartAfterItsLeaseRunsOut) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Gate entered, told;
  std::atomic<int> first_runs{0}, second_runs{0};
  Handlers first;
  first["test.work"] = [&](JobContext& job) {
    ++first_runs;
    job.progress(1, 2, "Lần đầu");
    entered.open();
    told.wait();  // never checks cancelled()
    job.message("Lần đầu, quá muộn.");
    job.result("muon.csv", "text/csv", "muộn");
  };
  auto dying = std::make_unique<Runner>(*t->db, std::move(first), quick(1, 1s));
  auto id = submit(*t->db, test_job(), now_seconds());
  entered.wait();
  std::thread stop([&] { dying.reset(); });  // waits for the stuck handler

  auto restarted = db::open(t->spec);
  Handlers second;
  second["test.work"] = [&](JobContext& job) {
    ++second_runs;
    job.message("Lần sau.");
    job.result("ket-qua.csv", "text/csv", "đúng");
  };
  Runner next(*restarted, std::move(second), quick());
  ASSERT_TRUE(eventually([&] { return in_state(*restarted, id, State::done); }));
  told.open();
  stop.join();

  auto j = job_of(*restarted, id);
  EXPECT_EQ(first_runs, 1);
  EXPECT_EQ(second_runs, 1);
  EXPECT_EQ(j.state, State::done);
  EXPECT_EQ(j.attempts, 2);
  EXPECT_EQ(j.lease_owner, next.owner());
  EXPECT_EQ(j.progress.message, "Lần sau.");  // the late first run's outcome is dropped
  auto r = restarted->read([&](db::Connection& c) { return result_of(c, id); });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bytes, "đúng");
}

// Two runners of three workers each, on two connections to one database:
// every job runs exactly once.
TEST_P(JobRunner, WithSeveralRunnersEveryJobRunsOnce) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  auto other = db::open(t->spec);
  std::mutex m;
  std::map<std::string, int> runs;
  auto count = [&](JobContext& job) {
    {
      std::lock_guard lock(m);
      ++runs[job.job().id];
    }
    std::this_thread::sleep_for(2ms);
  };
  constexpr int kJobs = 30;
  std::vector<std::string> ids;
  {
    Runner a(*t->db, Handlers{{"test.work", count}}, quick(3));
    Runner b(*other, Handlers{{"test.work", count}}, quick(3));
    for (int i = 0; i < kJobs; ++i) ids.push_back(submit(i % 2 ? *other : *t->db, test_job(), now_seconds()));
    ASSERT_TRUE(eventually([&] {
      for (const auto& id : ids) {
        if (!in_state(*t->db, id, State::done)) return false;
      }
      return true;
    }));
  }
  ASSERT_EQ(runs.size(), std::size_t(kJobs));
  for (const auto& id : ids) {
    EXPECT_EQ(runs[id], 1) << id;
    EXPECT_EQ(job_of(*t->db, id).attempts, 1) << id;
  }
}

}  // namespace
}  // namespace cchc::jobs
