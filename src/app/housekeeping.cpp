#include "app/housekeeping.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>

#include "directory/signin.h"
#include "directory/staged.h"
#include "jobs/store.h"

namespace cchc::app {

Purged purge_expired_state(db::Database& db, http::SessionStore& sessions, Instant now) {
  Purged out;
  out.sessions = sessions.purge_expired(now);
  out.sign_in_failures = db.write([&](db::Connection& c) { return directory::purge_sign_in_failures(c, now); });
  out.staged_uploads = db.write([&](db::Connection& c) { return directory::purge_staged(c, now); });
  out.jobs = db.write([&](db::Connection& c) { return jobs::purge_finished(c, now); });
  return out;
}

Housekeeper::Housekeeper(db::Database& db, http::SessionStore& sessions, std::chrono::seconds interval)
    : thread_([&db, &sessions, interval](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
          try {
            auto purged = purge_expired_state(db, sessions, now_seconds());
            if (purged.sessions || purged.sign_in_failures || purged.staged_uploads || purged.jobs) {
              spdlog::info(
                  "housekeeping: {} expired session(s), {} old sign-in failure(s), {} expired staged upload(s), "
                  "{} old finished job(s) removed",
                  purged.sessions, purged.sign_in_failures, purged.staged_uploads, purged.jobs);
            }
          } catch (const std::exception& e) {
            spdlog::warn("housekeeping failed (tried again in {} s): {}", interval.count(), e.what());
          }
          std::unique_lock lock(mutex);
          wake.wait_for(lock, stop, interval, [] { return false; });
        }
      }) {}

}  // namespace cchc::app
