#pragma once
// The day's scheduled work (issue 36): the reminders of plans, report
// requests, feedback and inspections, then, with an SMTP server, the
// citizens' acknowledgements and each user's digest.
//
// `cchc plans remind` runs it at once (from cron, for a deployment without
// a server). `cchc serve` runs it itself once a day at the time set on
// /quan-tri/lich-chay (setting schedule.daily_at, 06:30 by default), once
// across every process on the database: a process's DailyScheduler claims
// the day in daily_runs (migration 0038; the row's key is the day, so one
// claim wins) and, in the same transaction, enqueues the job "daily",
// which a job worker of any process runs (jobs/runner.h: a worker that
// dies is replaced once its lease runs out). A server started after the
// time runs the day's work at once.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/dates.h"
#include "db/database.h"
#include "http/router.h"
#include "jobs/runner.h"
#include "views/layout.h"

namespace cchc::app {

struct MailSettings {
  std::string smtp_url;  // empty: nothing is mailed
  std::string from;
  std::string base_url;  // for the links in the mails
};

// What a day's run did.
struct DailySummary {
  Date day;
  bool working_day = false;              // reminders are raised on working days only
  int reminders = 0, notifications = 0;  // plans, report requests (coordination::raise_reminders)
  int feedback = 0, inspections = 0;     // their new notifications
  bool mailed = false;                   // an SMTP server was configured
  int acknowledged = 0, digests = 0, digest_notifications = 0;
  std::vector<std::string> failures;  // digests not mailed
  nlohmann::json to_json() const;
  static DailySummary from_json(const nlohmann::json& j);
  // In Vietnamese, for the admin page: "12 nhắc việc, 30 thông báo mới; …".
  std::string text_vi() const;
};

// Runs the day's work for `day`: the plans' and requests' reminders stamped
// now, feedback's and inspections' `at` (cchc plans remind --as-of: 08:00
// of that day).
DailySummary run_daily(db::Database& db, Date day, Instant at, const audit::Entry& who, const MailSettings& mail);

// "HH:MM" (00:00 to 23:59) as minutes after local midnight; nullopt for
// anything else.
std::optional<int> parse_daily_at(std::string_view text);
std::string format_daily_at(int minutes);
// Whether the day's run is due at `now`: `daily_at` minutes after local
// midnight have passed on the local day of `now`.
bool daily_due(Instant now, int daily_at);

// The time set (minutes after midnight); 06:30 when none is.
int daily_at(db::Connection& c);
// Sets it from "HH:MM" (invalid_input otherwise), audited.
void set_daily_at(db::Connection& c, std::string_view text, const audit::Entry& who, Instant now);

// Whether `day`'s run is there to claim: no process has claimed it, or its
// job failed or was cancelled before it finished and it has had fewer than
// kDailyAttempts (a read).
inline constexpr int kDailyAttempts = 3;
bool daily_claimable(db::Connection& c, Date day);
// Claims `day`'s run for `owner` (a process: host and pid) and enqueues its
// job, in the caller's transaction, when daily_claimable; false, with
// nothing written, otherwise (another process claimed it first).
bool claim_daily(db::Connection& c, Date day, std::string_view owner, Instant now);

struct DailyRun {
  Date day;
  std::string claimed_by;
  Instant claimed_at;
  std::string job_id;
  int attempts = 1;
  std::optional<Instant> finished_at;
  std::optional<DailySummary> summary;
  std::string error;  // why it failed, when it did
};
// The latest runs, newest first.
std::vector<DailyRun> recent_daily_runs(db::Connection& c, int limit);

inline constexpr const char* kDailyJob = "daily";
// The job's handler; `mail` is read when a run starts (the base URL is
// known once the server listens).
void add_daily_job(jobs::Handlers& handlers, db::Database& db, std::function<MailSettings()> mail);

// Claims the day's run whenever it is due: now, then every `interval`, on a
// thread of its own (never the I/O threads), until destroyed.
class DailyScheduler {
 public:
  DailyScheduler(db::Database& db, std::string owner, std::chrono::seconds interval = std::chrono::seconds(60));

 private:
  std::jthread thread_;
};

// /quan-tri/lich-chay: the time (editable) and the latest runs.
void add_daily_routes(http::Router& router, views::Layout& layout, db::Database& db);

}  // namespace cchc::app
