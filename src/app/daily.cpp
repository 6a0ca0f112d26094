#include "app/daily.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>

#include "app/sources.h"
#include "coordination/notify.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "feedback/store.h"
#include "http/refusal.h"
#include "inspections/work.h"
#include "jobs/store.h"

namespace cchc::app {

using nlohmann::json;

namespace {

constexpr int kDefaultDailyAt = 6 * 60 + 30;  // 06:30

}  // namespace

// ---- What a run does -----------------------------------------------------------------------

json DailySummary::to_json() const {
  return {{"day", format_iso_date(day)},
          {"working_day", working_day},
          {"reminders", reminders},
          {"notifications", notifications},
          {"feedback", feedback},
          {"inspections", inspections},
          {"mailed", mailed},
          {"acknowledged", acknowledged},
          {"digests", digests},
          {"digest_notifications", digest_notifications},
          {"failures", failures}};
}

DailySummary DailySummary::from_json(const json& j) {
  DailySummary s;
  s.day = parse_iso_date(j.at("day").get<std::string>());
  s.working_day = j.value("working_day", false);
  s.reminders = j.value("reminders", 0);
  s.notifications = j.value("notifications", 0);
  s.feedback = j.value("feedback", 0);
  s.inspections = j.value("inspections", 0);
  s.mailed = j.value("mailed", false);
  s.acknowledged = j.value("acknowledged", 0);
  s.digests = j.value("digests", 0);
  s.digest_notifications = j.value("digest_notifications", 0);
  s.failures = j.value("failures", std::vector<std::string>{});
  return s;
}

std::string DailySummary::text_vi() const {
  std::string out = working_day ? fmt::format("{} nhắc việc, {} thông báo mới; phản ánh: {}; kiểm tra: {}",
                                              text::format_int(reminders), text::format_int(notifications),
                                              text::format_int(feedback), text::format_int(inspections))
                                : "Ngày nghỉ: không nhắc việc";
  if (!mailed) return out + ". Chưa cấu hình máy chủ thư: không gửi thư.";
  out += fmt::format(". Đã gửi {} thư tổng hợp ({} thông báo), {} thư xác nhận phản ánh", text::format_int(digests),
                     text::format_int(digest_notifications), text::format_int(acknowledged));
  if (!failures.empty()) out += fmt::format("; {} thư chưa gửi được", text::format_int(std::int64_t(failures.size())));
  return out + ".";
}

DailySummary run_daily(db::Database& db, Date day, Instant at, const audit::Entry& who, const MailSettings& mail) {
  DailySummary s;
  s.day = day;
  auto raised = coordination::raise_reminders(db, day, who, now_seconds());
  s.working_day = raised.working_day;
  if (raised.working_day) {
    s.reminders = raised.reminders;
    s.notifications = raised.notifications;
    s.feedback = db.write([&](db::Connection& c) {
      return feedback::raise_reminders(c, WorkCalendar::vietnam(), feedback_sinks(), who, at);
    });
    s.inspections = inspections::raise_reminders(db, day, inspection_sources().notify, at);
  }
  if (mail.smtp_url.empty()) return s;
  s.mailed = true;
  s.acknowledged = feedback::send_acknowledgements(db, mail.smtp_url, mail.from, mail.base_url, now_seconds(), 1000);
  auto digests = coordination::send_digests(db, mail.smtp_url, mail.from, mail.base_url, now_seconds());
  s.digests = digests.sent;
  s.digest_notifications = digests.notifications;
  s.failures = digests.failures;
  return s;
}

// ---- When --------------------------------------------------------------------------------------

std::optional<int> parse_daily_at(std::string_view text) {
  text = text::trim(text);
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
  int h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return std::nullopt;
  int hours = h1 * 10 + h2, minutes = m1 * 10 + m2;
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

std::string format_daily_at(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

bool daily_due(Instant now, int daily_at) {
  return now >= start_of_day(local_date(now)) + std::chrono::minutes(daily_at);
}

int daily_at(db::Connection& c) {
  auto rows = c.query("SELECT value FROM settings WHERE key = 'schedule.daily_at'");
  if (rows.empty()) return kDefaultDailyAt;
  return parse_daily_at(rows.one().str("value")).value_or(kDefaultDailyAt);
}

void set_daily_at(db::Connection& c, std::string_view text, const audit::Entry& who, Instant now) {
  auto minutes = parse_daily_at(text);
  if (!minutes) {
    throw invalid_input("the daily time must be HH:MM, 00:00 to 23:59",
                        "Giờ chạy phải theo dạng giờ:phút, từ 00:00 đến 23:59.")
        .at("gio");
  }
  auto before = format_daily_at(daily_at(c));
  auto after = format_daily_at(*minutes);
  c.query(
      "INSERT INTO settings (key, value, updated_at) VALUES ('schedule.daily_at', ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {after, std::int64_t(now.time_since_epoch().count())});
  audit::record(c, who, "update", "settings", "schedule.daily_at", json(before).dump(), json(after).dump(), now);
}

// ---- Once a day, once across processes ---------------------------------------------------------

namespace {

// The day's job: a new one for each attempt (a finished job is never run again).
std::string enqueue_daily(db::Connection& c, Date day, Instant now) {
  jobs::NewJob job;
  job.kind = kDailyJob;
  job.title = "Việc hằng ngày " + format_date_vi(day) + ": nhắc việc và thư tổng hợp";
  job.params = json{{"day", format_iso_date(day)}}.dump();
  job.created_by = "system";
  job.return_to = "/quan-tri/lich-chay";
  job.return_label = "Lịch chạy hằng ngày";
  job.dedupe_key = "daily:" + format_iso_date(day);
  return jobs::enqueue(c, job, now);
}

// The day's row when it is to be claimed again: unfinished, its job failed
// or cancelled, attempts left. Its job id, else nullopt.
std::optional<std::string> failed_run(db::Connection& c, Date day) {
  auto rows =
      c.query("SELECT job_id, attempts FROM daily_runs WHERE day = ? AND finished_at IS NULL", {format_iso_date(day)});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  if (r.i64("attempts") >= kDailyAttempts) return std::nullopt;
  auto job = jobs::find_job(c, r.str("job_id"));
  if (job && job->state != jobs::State::failed && job->state != jobs::State::cancelled) return std::nullopt;
  return r.str("job_id");
}

}  // namespace

bool daily_claimable(db::Connection& c, Date day) {
  return c.query("SELECT 1 FROM daily_runs WHERE day = ?", {format_iso_date(day)}).empty() ||
         failed_run(c, day).has_value();
}

bool claim_daily(db::Connection& c, Date day, std::string_view owner, Instant now) {
  const auto key = format_iso_date(day);
  const std::int64_t t = now.time_since_epoch().count();
  auto claimed = c.query(
      "INSERT INTO daily_runs (day, claimed_by, claimed_at) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING "
      "RETURNING day",
      {key, std::string(owner), t});
  if (claimed.empty()) {
    // Claimed before: again only when that attempt failed, and only by the
    // process whose update still finds the failed job's id (one of several
    // retrying at once).
    auto failed = failed_run(c, day);
    if (!failed) return false;
    claimed = c.query(
        "UPDATE daily_runs SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE day = ? AND job_id = ? "
        "AND finished_at IS NULL RETURNING day",
        {std::string(owner), t, key, *failed});
    if (claimed.empty()) return false;
  }
  c.query("UPDATE daily_runs SET job_id = ? WHERE day = ?", {enqueue_daily(c, day, now), key});
  return true;
}

std::vector<DailyRun> recent_daily_runs(db::Connection& c, int limit) {
  std::vector<DailyRun> out;
  for (const auto& r :
       c.query("SELECT day, claimed_by, claimed_at, job_id, attempts, finished_at, summary, error FROM daily_runs "
               "ORDER BY day DESC LIMIT ?",
               {limit})
           .rows) {
    DailyRun run;
    run.day = parse_iso_date(r.str("day"));
    run.claimed_by = r.str("claimed_by");
    run.claimed_at = Instant{std::chrono::seconds{r.i64("claimed_at")}};
    run.job_id = r.str("job_id");
    run.attempts = int(r.i64("attempts"));
    if (auto f = r.opt_i64("finished_at")) run.finished_at = Instant{std::chrono::seconds{*f}};
    if (auto text = r.str("summary"); !text.empty()) run.summary = DailySummary::from_json(json::parse(text));
    run.error = r.str("error");
    out.push_back(std::move(run));
  }
  return out;
}

void add_daily_job(jobs::Handlers& handlers, db::Database& db, std::function<MailSettings()> mail) {
  handlers[kDailyJob] = [&db, mail = std::move(mail)](jobs::JobContext& job) {
    auto day = parse_iso_date(job.params().at("day").get<std::string>());
    const audit::Entry who{"system", "daily", "", "", "", {}, {}};
    job.message("Đang nhắc việc và gửi thư tổng hợp");
    try {
      auto s = run_daily(db, day, now_seconds(), who, mail());
      db.write([&](db::Connection& c) {
        c.query("UPDATE daily_runs SET finished_at = ?, summary = ?, error = '' WHERE day = ?",
                {std::int64_t(now_seconds().time_since_epoch().count()), s.to_json().dump(), format_iso_date(day)});
      });
      job.message(s.text_vi());
    } catch (const std::exception& e) {
      db.write([&](db::Connection& c) {
        c.query("UPDATE daily_runs SET error = ? WHERE day = ?",
                {text::cut_utf8(e.what(), 2000), format_iso_date(day)});
      });
      throw;
    }
  };
}

DailyScheduler::DailyScheduler(db::Database& db, std::string owner, std::chrono::seconds interval)
    : thread_([&db, owner = std::move(owner), interval](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
          try {
            auto now = now_seconds();
            auto day = local_date(now);
            // A read first: most minutes nothing is due, and no writer lock is taken.
            bool due =
                db.read([&](db::Connection& c) { return daily_due(now, daily_at(c)) && daily_claimable(c, day); });
            bool claimed = due && db.write([&](db::Connection& c) { return claim_daily(c, day, owner, now); });
            if (claimed) spdlog::info("daily work of {} claimed by {}", format_iso_date(day), owner);
          } catch (const std::exception& e) {
            spdlog::warn("daily schedule not checked (tried again in {} s): {}", interval.count(), e.what());
          }
          std::unique_lock lock(mutex);
          wake.wait_for(lock, stop, interval, [] { return false; });
        }
      }) {}

}  // namespace cchc::app
