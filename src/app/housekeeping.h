#pragma once
// What `cchc serve` clears on a schedule, so that no table grows with
// traffic alone: sessions past their expiry (http::SessionStore), sign-in
// failures past the throttle's window (directory/signin.h), imports
// checked but never confirmed (directory/staged.h) and background jobs
// finished a week ago, their results with them (jobs/store.h). Every
// server process runs it; the deletes are idempotent, so several at once
// are harmless.
#include <chrono>
#include <cstdint>
#include <stop_token>
#include <thread>

#include "core/dates.h"
#include "db/database.h"
#include "http/session.h"

namespace cchc::app {

struct Purged {
  std::int64_t sessions = 0;
  std::int64_t sign_in_failures = 0;
  std::int64_t staged_uploads = 0;
  std::int64_t jobs = 0;
};

Purged purge_expired_state(db::Database& db, http::SessionStore& sessions, Instant now);

// Runs purge_expired_state now and every `interval` on a thread of its own
// (never the I/O threads) until destroyed.
class Housekeeper {
 public:
  Housekeeper(db::Database& db, http::SessionStore& sessions, std::chrono::seconds interval);

 private:
  std::jthread thread_;
};

}  // namespace cchc::app
