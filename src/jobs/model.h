#pragma once
// Background jobs: plain types (docs/ARCHITECTURE.md, "Background jobs").
// A job is work too long for a request (an import, an export, a rebuild):
// a page or command enqueues it, a worker of any `cchc serve` on the
// database claims it, runs its kind's handler and settles it; its progress
// page shows how far it got and, when done, offers its result.
//
//   queued     waiting for a worker
//   running    a worker holds it (lease_owner, until lease_until, renewed
//              while it runs); taken again once the lease runs out
//   done       the handler finished; message (and result) say what it did
//   failed     the handler threw, or the job ran out of attempts
//   cancelled  cancelled while queued, or its handler stopped on a request
// done, failed and cancelled are final: such a job is never claimed again.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/dates.h"

namespace cchc::jobs {

enum class State { queued, running, done, failed, cancelled };

// A job taken again after its lease ran out (its worker died) fails once it
// has been started this many times.
inline constexpr int kMaxAttempts = 3;
// The largest result a job keeps for download (jobs::Result::bytes).
inline constexpr std::size_t kMaxResultBytes = 16 * 1024 * 1024;
// How long a finished job (and its result) is kept (app/housekeeping.h).
inline constexpr std::chrono::seconds kFinishedLife{7 * 24 * 3600};

struct Progress {
  std::int64_t done = 0;
  std::int64_t total = 0;  // 0: not known yet
  std::string message;     // Vietnamese, for the progress page
  friend bool operator==(const Progress&, const Progress&) = default;
};

// A file a job leaves for download.
struct Result {
  std::string name;          // the file name offered (ASCII: a slug)
  std::string content_type;  // "text/csv; charset=utf-8"
  std::string bytes;
};

struct Job {
  std::string id;  // 32 lower-case hex characters
  std::string kind;
  std::string title;
  State state = State::queued;
  std::string params;  // JSON; only as claimed (store.h: find_job leaves it empty)
  std::string unit_code;
  std::string created_by;
  Instant created_at{};
  std::optional<Instant> started_at, finished_at;
  int attempts = 0;
  std::string lease_owner;  // "" when none
  std::optional<Instant> lease_until;
  bool cancel_requested = false;
  Progress progress;
  std::string error;  // Vietnamese, when failed
  // The result's name and type ("" when there is none); its bytes are read
  // apart (result_of).
  std::string result_name, result_type;
  std::string return_to, return_label;  // the page it came from, and its link's text
};

// What a page or command enqueues.
struct NewJob {
  std::string kind;
  std::string title;
  std::string params = "{}";  // JSON
  std::string unit_code;
  std::string created_by;
  std::string return_to, return_label;
  // When set, enqueueing while an unfinished job has the same key gives
  // that job instead of a second one (a confirmation sent twice).
  std::string dedupe_key;
};

}  // namespace cchc::jobs
