#include "jobs/runner.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/text.h"
#include "jobs/rules.h"

namespace cchc::jobs {

using std::chrono::steady_clock;

// What the worker running a job and the heartbeat share of it.
struct JobContext::Slot {
  explicit Slot(std::string job_id) : id(std::move(job_id)) {}
  const std::string id;
  std::mutex mutex;
  Progress progress;  // guarded by mutex, like the two below
  bool dirty = false;
  steady_clock::time_point renewed = steady_clock::now();
  std::atomic<bool> lost{false};  // the heartbeat found the job no longer ours
};

namespace {

// The Runners of this process, for submit's wake and the pages' live progress.
std::mutex runner_registry_mutex;
std::set<Runner*>& runner_registry() {
  static std::set<Runner*> runners;
  return runners;
}

// "host:pid:random": unique to one Runner, readable in the table.
std::string lease_owner_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}:{}", host, getpid(), text::random_hex(4));
}

constexpr const char* kFailedVi = "Công việc gặp lỗi nên không hoàn thành. Xin vui lòng thử lại sau.";

}  // namespace

// ---- JobContext ------------------------------------------------------------------

JobContext::JobContext(Runner& runner, Job job, std::shared_ptr<Slot> slot)
    : runner_(runner), job_(std::move(job)), slot_(std::move(slot)) {
  params_ = nlohmann::json::parse(job_.params.empty() ? std::string("{}") : job_.params);
}

void JobContext::progress(std::int64_t done, std::int64_t total, std::string message) {
  std::lock_guard lock(slot_->mutex);
  slot_->progress = Progress{done, total, std::move(message)};
  slot_->dirty = true;
}

void JobContext::message(std::string text) {
  std::lock_guard lock(slot_->mutex);
  slot_->progress.message = std::move(text);
  slot_->dirty = true;
}

bool JobContext::cancelled() {
  if (runner_.stopping_ || slot_->lost) return true;
  if (cancel_seen_) return true;
  auto now = steady_clock::now();
  if (checked_ != steady_clock::time_point{} && now - checked_ < std::chrono::seconds(1)) return false;
  checked_ = now;
  // A read: on SQLite it needs no writer lock, so it is safe inside the
  // handler's own write transaction.
  cancel_seen_ = runner_.db_.read([&](db::Connection& c) { return cancel_requested(c, job_.id); });
  return cancel_seen_;
}

void JobContext::stop_if_cancelled() {
  if (cancelled()) throw Cancelled();
}

void JobContext::result(std::string name, std::string content_type, std::string bytes) {
  if (bytes.size() > kMaxResultBytes) {
    throw invalid_input(fmt::format("a job's result of {} bytes is over {}", bytes.size(), kMaxResultBytes),
                        "Kết quả của công việc quá lớn để lưu lại.");
  }
  result_ = Result{std::move(name), std::move(content_type), std::move(bytes)};
}

// ---- Runner ----------------------------------------------------------------------

Runner::Runner(db::Database& db, Handlers handlers, RunnerOptions options)
    : db_(db), handlers_(std::move(handlers)), options_(options) {
  options_.workers = std::clamp(options_.workers, 1, kMaxWorkers);
  claim_.owner = lease_owner_name();
  claim_.lease = std::max(options_.lease, std::chrono::seconds(1));
  for (const auto& [kind, handler] : handlers_) claim_.kinds.push_back(kind);
  {
    std::lock_guard lock(runner_registry_mutex);
    runner_registry().insert(this);
  }
  heartbeat_ = std::thread([this] { beat(); });
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { work(); });
}

Runner::~Runner() {
  {
    std::lock_guard lock(runner_registry_mutex);
    runner_registry().erase(this);
  }
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
  heartbeat_.join();
}

void Runner::wake() {
  {
    std::lock_guard lock(mutex_);
    ++wakes_;
  }
  wake_.notify_all();
}

std::optional<Progress> Runner::live(std::string_view id) const {
  std::shared_ptr<JobContext::Slot> slot;
  {
    std::lock_guard lock(mutex_);
    auto it = running_.find(id);
    if (it == running_.end()) return std::nullopt;
    slot = it->second;
  }
  std::lock_guard lock(slot->mutex);
  return slot->progress;
}

void Runner::work() {
  while (!stopping_) {
    // A wake from here on (a submit while this worker looks) ends its wait.
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex_);
      seen = wakes_;
    }
    std::optional<Job> job;
    try {
      // A read first: an idle worker takes no writer lock.
      if (db_.read([&](db::Connection& c) { return claimable(c, claim_.kinds, now_seconds()); })) {
        job = db_.write([&](db::Connection& c) { return claim(c, claim_, now_seconds()); });
      }
    } catch (const std::exception& e) {
      spdlog::warn("jobs: no job claimed (tried again in {} ms): {}", options_.poll.count(), e.what());
    }
    if (job && stopping_) {
      // Claimed as the runner began to stop: straight back to the queue.
      Outcome back;  // named, not a temporary: GCC 12 warns maybe-uninitialized on the braced form
      back.state = State::cancelled;
      settle_run(*job, back);
      break;
    }
    if (job) {
      run(*job);
      continue;
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, options_.poll, [&] { return stopping_ || wakes_ != seen; });
  }
}

void Runner::run(const Job& job) {
  auto slot = std::make_shared<JobContext::Slot>(job.id);
  {
    std::lock_guard lock(mutex_);
    running_[job.id] = slot;
  }
  spdlog::info("job {} ({}) started, attempt {}", job.id, job.kind, job.attempts);
  Outcome outcome;
  std::optional<Result> result;
  try {
    JobContext context(*this, job, slot);
    handlers_.at(job.kind)(context);
    outcome.state = State::done;
    result = std::move(context.result_);
  } catch (const Cancelled&) {
    outcome.state = State::cancelled;
  } catch (const Error& e) {
    outcome.state = State::failed;
    outcome.error = e.message_vi().empty() ? kFailedVi : e.message_vi();
    spdlog::warn("job {} ({}) failed: {}", job.id, job.kind, e.what());
  } catch (const std::exception& e) {
    outcome.state = State::failed;
    outcome.error = kFailedVi;
    spdlog::error("job {} ({}) failed: {}", job.id, job.kind, e.what());
  }
  {
    std::lock_guard lock(slot->mutex);
    outcome.progress = slot->progress;
  }
  outcome.result = std::move(result);
  {
    std::lock_guard lock(mutex_);
    running_.erase(job.id);
  }
  settle_run(job, std::move(outcome));
}

void Runner::settle_run(const Job& job, Outcome outcome) {
  try {
    db_.write([&](db::Connection& c) {
      // Stopped because this runner is stopping, not on a request: another
      // worker takes it from the start.
      if (outcome.state == State::cancelled && stopping_ && !cancel_requested(c, job.id)) {
        if (release(c, job.id, claim_.owner)) spdlog::info("job {} ({}) handed back to the queue", job.id, job.kind);
        return;
      }
      if (settle(c, job.id, claim_.owner, outcome, now_seconds())) {
        spdlog::info("job {} ({}) {}", job.id, job.kind, code_of(outcome.state));
      } else {
        spdlog::warn("job {} ({}) was taken over by another worker; this run's outcome is dropped", job.id, job.kind);
      }
    });
  } catch (const std::exception& e) {
    // The lease runs out and another worker takes the job again.
    spdlog::error("job {} ({}) could not be settled: {}", job.id, job.kind, e.what());
  }
}

void Runner::beat() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.heartbeat, [&] { return stopping_.load(); });
    if (stopping_) break;
    std::vector<std::shared_ptr<JobContext::Slot>> slots;
    for (const auto& [id, slot] : running_) slots.push_back(slot);
    lock.unlock();
    for (const auto& slot : slots) {
      Progress p;
      {
        std::lock_guard guard(slot->mutex);
        bool renew = steady_clock::now() - slot->renewed >= std::chrono::milliseconds(claim_.lease) / 4;
        if (!slot->dirty && !renew) continue;
        p = slot->progress;
        slot->dirty = false;
      }
      try {
        // On SQLite this waits while the job's own transaction holds the writer lock.
        bool ours = db_.write(
            [&](db::Connection& c) { return heartbeat(c, slot->id, claim_.owner, p, now_seconds() + claim_.lease); });
        if (!ours) slot->lost = true;
        std::lock_guard guard(slot->mutex);
        slot->renewed = steady_clock::now();
      } catch (const std::exception& e) {
        std::lock_guard guard(slot->mutex);
        slot->dirty = true;  // stored at the next beat
        spdlog::warn("job {}: heartbeat not stored: {}", slot->id, e.what());
      }
    }
    lock.lock();
  }
}

// ---- This process's runners --------------------------------------------------------

std::string submit(db::Database& db, const NewJob& job, Instant now) {
  auto id = db.write([&](db::Connection& c) { return enqueue(c, job, now); });
  wake_runners();
  return id;
}

void wake_runners() {
  std::lock_guard lock(runner_registry_mutex);
  for (auto* r : runner_registry()) r->wake();
}

std::optional<Progress> live_progress(std::string_view id) {
  std::lock_guard lock(runner_registry_mutex);
  for (const auto* r : runner_registry()) {
    if (auto p = r->live(id)) return p;
  }
  return std::nullopt;
}

}  // namespace cchc::jobs
