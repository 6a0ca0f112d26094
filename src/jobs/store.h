#pragma once
// Background jobs: their SQL (jobs/model.h, migration 0027). Every function
// takes the caller's connection; claim, settle and release must run in a
// write transaction (db::Database::write), the reads anywhere.
//
// A job runs once: claim takes a job atomically (PostgreSQL: the candidate
// row locked FOR UPDATE SKIP LOCKED, so two workers never take the same
// one; SQLite: the writer lock serialises claims), and every later write of
// a worker (heartbeat, settle, release) names its lease owner and changes
// the job only while that worker still holds it. A finished job is never
// claimed again; a job whose worker died (its lease ran out) is claimed
// again, attempts + 1, and fails instead once it has had kMaxAttempts.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "core/dates.h"
#include "db/database.h"
#include "jobs/model.h"

namespace cchc::jobs {

// Stores a new queued job and returns its id; with a dedupe_key that an
// unfinished job already has, that job's id (nothing stored).
std::string enqueue(db::Connection& c, const NewJob& job, Instant now);

struct ClaimRequest {
  std::string owner;               // the worker's lease owner, unique to it
  std::vector<std::string> kinds;  // the kinds it has handlers for
  std::chrono::seconds lease{60};
  int max_attempts = kMaxAttempts;
};

// Takes the oldest job of one of `kinds` that is queued, or running with
// its lease run out: running under `owner` until now + lease, attempts + 1,
// its progress reset. First settles the jobs whose lease ran out for good:
// a job cancelled meanwhile is cancelled, one that had max_attempts fails.
// nullopt when there is none.
std::optional<Job> claim(db::Connection& c, const ClaimRequest& r, Instant now);

// Whether claim may find anything at `now` (a job of one of `kinds`
// queued, or running with its lease run out): a read, so that idle workers
// poll without taking the writer lock.
bool claimable(db::Connection& c, const std::vector<std::string>& kinds, Instant now);

// Renews `owner`'s lease until `lease_until` and stores its progress; false
// when the job is no longer `owner`'s to run (taken by another after the
// lease ran out, or settled).
bool heartbeat(db::Connection& c, std::string_view id, std::string_view owner, const Progress& p, Instant lease_until);

// How a run ended.
struct Outcome {
  State state = State::done;  // done, failed or cancelled
  Progress progress;          // the last progress (its message says what was done)
  std::string error;          // Vietnamese, when failed
  std::optional<Result> result;
};
// Settles `owner`'s running job; false (nothing written) when it is no
// longer theirs. invalid_input for a result over kMaxResultBytes.
bool settle(db::Connection& c, std::string_view id, std::string_view owner, const Outcome& o, Instant now);

// Puts `owner`'s running job back in the queue for another worker at once
// (its runner is stopping): the start does not count as an attempt. False
// when it is no longer theirs.
bool release(db::Connection& c, std::string_view id, std::string_view owner);

// Asks a job to stop, for `who` (audited): a queued job is cancelled at
// once, a running one is marked (its handler stops when it next checks,
// JobContext::cancelled). The job's state afterwards; nullopt for an
// unknown id. A finished job is left as it is.
std::optional<State> request_cancel(db::Connection& c, std::string_view id, const audit::Entry& who, Instant now);
// Whether a cancel was asked for (the handler's check).
bool cancel_requested(db::Connection& c, std::string_view id);

// A job without its params (they may be megabytes: a PDF job's document);
// claim gives them to the worker, params_of to anyone else.
std::optional<Job> find_job(db::Connection& c, std::string_view id);
std::string params_of(db::Connection& c, std::string_view id);
// `username`'s jobs, newest first, at most `limit` (without their params).
std::vector<Job> jobs_of(db::Connection& c, const std::string& username, int limit = 50);
// The unfinished (queued or running) job under `dedupe_key`; nullopt when
// none (enqueue gives it instead of a second).
std::optional<std::string> unfinished_with_key(db::Connection& c, std::string_view dedupe_key);
// How many unfinished (queued or running) jobs of `kind` `username` has:
// what a page bounds before it enqueues one more in the same transaction.
// Counted under a lock held until that transaction ends (PostgreSQL: an
// advisory lock on the kind and user; SQLite: its writer lock), so two
// requests at once cannot both count under the bound.
std::int64_t unfinished_of(db::Connection& c, std::string_view kind, const std::string& username);
// The newest job under `dedupe_key`, whatever its state; nullopt when none.
std::optional<Job> newest_with_key(db::Connection& c, std::string_view dedupe_key);
// The newest job done under `dedupe_key` that left a result, for reuse
// while it is kept (a PDF made before: app/pdf_jobs.h); nullopt when none.
std::optional<std::string> done_with_result(db::Connection& c, std::string_view dedupe_key);
// A finished job's result file; nullopt when it left none.
std::optional<Result> result_of(db::Connection& c, std::string_view id);

// Removes the jobs finished more than kFinishedLife before `now`, results
// and all; how many.
std::int64_t purge_finished(db::Connection& c, Instant now);

}  // namespace cchc::jobs
