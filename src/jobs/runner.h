#pragma once
// The workers that run background jobs (jobs/model.h), apart from the
// server's I/O and work threads. A Runner holds a handler per kind and a
// bounded pool of worker threads; each claims the oldest job it has a
// handler for (jobs/store.h: claim), runs it and settles it, polling the
// table every `poll` and woken at once by a submit in this process. A
// heartbeat thread renews the leases of the jobs it runs and stores their
// progress (at most once a `heartbeat`), so that a page of any process
// shows it; a job whose worker died is taken again once its lease runs out.
//
//   jobs::Handlers handlers;
//   handlers["indicators.import"] = [&db](jobs::JobContext& job) { … job.progress(n, total, "…"); … };
//   jobs::Runner runner(db, std::move(handlers), {.workers = 2});
//
// Destroying a Runner stops it: no more claims; a handler that checks
// cancelled() sees true and stops (its job goes back to the queue for
// another process, the start not counted as an attempt); one that has
// finished is settled. From then on leases are no longer renewed, so a
// handler that does not return within its lease may see its job taken by
// another process, whose outcome counts (a late settle is ignored).
//
// On SQLite a handler's own write transaction holds the writer lock, and
// the heartbeat waits for it: a handler's transaction must be shorter than
// the lease. Progress it reports meanwhile shows at once on the pages of
// this process (live_progress), and in the table when it commits.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "jobs/model.h"
#include "jobs/store.h"

namespace cchc::jobs {

class Runner;

// Thrown by JobContext::stop_if_cancelled: the handler stops where it is
// (any transaction it has open rolls back) and the job is cancelled, or
// handed back to the queue when its runner is stopping.
class Cancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "the job was cancelled"; }
};

// What a handler sees of its job. Its methods are called from the
// handler's thread only.
class JobContext {
 public:
  const Job& job() const { return job_; }
  // The job's params (JSON), parsed.
  const nlohmann::json& params() const { return params_; }
  // How far the job got: `done` of `total` steps (0: not known yet) and
  // what it is doing, in Vietnamese. Kept in memory (cheap enough for
  // every step; it may be called inside the handler's own transaction);
  // the heartbeat stores it.
  void progress(std::int64_t done, std::int64_t total, std::string message);
  // The message alone, the counts kept. The last message given is what the
  // page shows once the job is done ("Đã nhập 1.000 bản ghi …").
  void message(std::string text);
  // Whether the job should stop: a cancel was asked for (read from the
  // table at most once a second), the runner is stopping, or the job is no
  // longer this worker's. Safe inside the handler's own transaction.
  bool cancelled();
  // Throws Cancelled when cancelled().
  void stop_if_cancelled();
  // The file the job leaves for download (one; a later call replaces it);
  // kept only when the job ends done. invalid_input over kMaxResultBytes.
  void result(std::string name, std::string content_type, std::string bytes);

 private:
  friend class Runner;
  struct Slot;
  JobContext(Runner& runner, Job job, std::shared_ptr<Slot> slot);

  Runner& runner_;
  Job job_;
  nlohmann::json params_;
  std::shared_ptr<Slot> slot_;
  std::optional<Result> result_;
  bool cancel_seen_ = false;
  std::chrono::steady_clock::time_point checked_{};
};

using Handler = std::function<void(JobContext&)>;
using Handlers = std::map<std::string, Handler>;

inline constexpr int kMaxWorkers = 16;

struct RunnerOptions {
  int workers = 1;                            // 1 to kMaxWorkers
  std::chrono::milliseconds poll{500};        // how often an idle worker looks for a job
  std::chrono::seconds lease{60};             // how long a claim holds without a heartbeat
  std::chrono::milliseconds heartbeat{1000};  // how often progress is stored (leases: every lease / 4)
};

class Runner {
 public:
  // Starts the workers at once. `db` must outlive the Runner.
  Runner(db::Database& db, Handlers handlers, RunnerOptions options = {});
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Makes the idle workers claim now instead of at their next poll.
  void wake();
  // The progress of a job one of this runner's workers is running now;
  // nullopt otherwise.
  std::optional<Progress> live(std::string_view id) const;
  // This runner's lease owner ("host:pid:random").
  const std::string& owner() const { return claim_.owner; }

 private:
  friend class JobContext;
  void work();
  void run(const Job& job);
  void settle_run(const Job& job, Outcome outcome);
  void beat();

  db::Database& db_;
  Handlers handlers_;
  RunnerOptions options_;
  ClaimRequest claim_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t wakes_ = 0;
  std::map<std::string, std::shared_ptr<JobContext::Slot>, std::less<>> running_;
  std::vector<std::thread> workers_;
  std::thread heartbeat_;
};

// Enqueues `job` in a transaction of its own and wakes this process's
// runners: the id to follow on /cong-viec/{id}.
std::string submit(db::Database& db, const NewJob& job, Instant now);
// Wakes every Runner of this process (after committing an enqueue made on
// the caller's own transaction).
void wake_runners();
// The live progress of a job a Runner of this process is running now
// (Runner::live); nullopt otherwise.
std::optional<Progress> live_progress(std::string_view id);

}  // namespace cchc::jobs
