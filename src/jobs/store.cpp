#include "jobs/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text.h"
#include "db/columns.h"
#include "jobs/rules.h"

namespace cchc::jobs {

namespace {

const db::Columns<Job> kJobRow{
    {"id", &Job::id},
    {"kind", &Job::kind},
    {"title", &Job::title},
    {"state", &Job::state, [](const std::string& s) { return state_of(s); }},
    {"unit_code", &Job::unit_code},
    {"created_by", &Job::created_by},
    {"created_at", &Job::created_at},
    {"started_at", &Job::started_at},
    {"finished_at", &Job::finished_at},
    {"attempts", &Job::attempts},
    {"lease_owner", &Job::lease_owner},
    {"lease_until", &Job::lease_until},
    {"cancel_requested", &Job::cancel_requested},
    {"progress_done", [](const db::Row& r, Job& j) { j.progress.done = r.i64("progress_done"); }},
    {"progress_total", [](const db::Row& r, Job& j) { j.progress.total = r.i64("progress_total"); }},
    {"message", [](const db::Row& r, Job& j) { j.progress.message = r.str("message"); }},
    {"error", &Job::error},
    {"result_name", &Job::result_name},
    {"result_type", &Job::result_type},
    {"return_to", &Job::return_to},
    {"return_label", &Job::return_label},
};

// "?, ?, ?" for n parameters (n >= 1).
std::string marks_for(std::size_t n) {
  std::string marks = "?";
  for (std::size_t i = 1; i < n; ++i) marks += ", ?";
  return marks;
}

// What a job says when its workers kept dying under it.
std::string interrupted_vi(int attempts) {
  return fmt::format(
      "Công việc bị gián đoạn {} lần (máy chủ dừng khi đang chạy) nên đã dừng hẳn. Xin vui lòng thực hiện lại.",
      attempts);
}

// The running jobs whose lease ran out for good: cancelled when a cancel
// was asked for, failed when they had every attempt.
void settle_abandoned(db::Connection& c, int max_attempts, Instant now) {
  c.query(
      "UPDATE jobs SET state = 'cancelled', finished_at = ?, lease_until = NULL "
      "WHERE state = 'running' AND lease_until < ? AND cancel_requested = 1",
      {now, now});
  c.query(
      "UPDATE jobs SET state = 'failed', finished_at = ?, lease_until = NULL, error = ? "
      "WHERE state = 'running' AND lease_until < ? AND attempts >= ?",
      {now, interrupted_vi(max_attempts), now, max_attempts});
}

}  // namespace

std::string enqueue(db::Connection& c, const NewJob& job, Instant now) {
  if (job.kind.empty() || !nlohmann::json::accept(job.params)) {
    throw Error(ErrorKind::internal, fmt::format("a job of kind '{}' needs a kind and JSON params", job.kind));
  }
  if (!job.dedupe_key.empty()) {
    if (auto same = unfinished_with_key(c, job.dedupe_key)) return *same;
  }
  auto id = text::random_hex(16);
  c.query(
      "INSERT INTO jobs (id, kind, title, state, params, dedupe_key, unit_code, created_by, created_at, return_to, "
      "return_label) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
      {id, job.kind, job.title, job.params, job.dedupe_key.empty() ? db::Param(nullptr) : db::Param(job.dedupe_key),
       job.unit_code, job.created_by, now, job.return_to, job.return_label});
  return id;
}

std::optional<Job> claim(db::Connection& c, const ClaimRequest& r, Instant now) {
  settle_abandoned(c, r.max_attempts, now);
  if (r.kinds.empty()) return std::nullopt;
  std::vector<db::Param> params(r.kinds.begin(), r.kinds.end());
  params.emplace_back(now);
  // PostgreSQL: the candidate stays locked until this transaction ends, and
  // a concurrent claim skips it for the next. SQLite: the writer lock
  // already keeps any other claim out.
  auto found = c.query(
      fmt::format("SELECT id FROM jobs WHERE kind IN ({}) AND (state = 'queued' OR "
                  "(state = 'running' AND lease_until < ?)) ORDER BY created_at, id LIMIT 1{}",
                  marks_for(r.kinds.size()), c.backend() == db::Backend::postgres ? " FOR UPDATE SKIP LOCKED" : ""),
      params);
  if (found.empty()) return std::nullopt;
  auto id = found.one().str("id");
  auto taken = c.query(
      "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, "
      "started_at = COALESCE(started_at, ?), progress_done = 0, progress_total = 0, message = '' "
      "WHERE id = ? AND (state = 'queued' OR (state = 'running' AND lease_until < ?))",
      {r.owner, Instant(now + r.lease), now, id, now});
  if (taken.affected != 1) return std::nullopt;
  auto job = find_job(c, id);
  if (job) job->params = params_of(c, id);
  return job;
}

bool claimable(db::Connection& c, const std::vector<std::string>& kinds, Instant now) {
  if (kinds.empty()) return false;
  std::vector<db::Param> params(kinds.begin(), kinds.end());
  params.emplace_back(now);
  return !c.query(fmt::format("SELECT 1 AS one FROM jobs WHERE kind IN ({}) AND (state = 'queued' OR "
                              "(state = 'running' AND lease_until < ?)) LIMIT 1",
                              marks_for(kinds.size())),
                  params)
              .empty();
}

bool heartbeat(db::Connection& c, std::string_view id, std::string_view owner, const Progress& p, Instant lease_until) {
  return c.query(
              "UPDATE jobs SET lease_until = ?, progress_done = ?, progress_total = ?, message = ? "
              "WHERE id = ? AND lease_owner = ? AND state = 'running'",
              {lease_until, p.done, p.total, p.message, id, owner})
             .affected == 1;
}

bool settle(db::Connection& c, std::string_view id, std::string_view owner, const Outcome& o, Instant now) {
  if (!finished(o.state)) throw Error(ErrorKind::internal, "a job settles as done, failed or cancelled");
  if (o.result && o.result->bytes.size() > kMaxResultBytes) {
    throw invalid_input(fmt::format("a job's result of {} bytes is over {}", o.result->bytes.size(), kMaxResultBytes),
                        "Kết quả của công việc quá lớn để lưu lại.");
  }
  db::Param name = o.result ? db::Param(o.result->name) : db::Param(nullptr);
  db::Param type = o.result ? db::Param(o.result->content_type) : db::Param(nullptr);
  db::Param bytes = o.result ? db::Param(text::base64(o.result->bytes)) : db::Param(nullptr);
  return c.query(
              "UPDATE jobs SET state = ?, finished_at = ?, lease_until = NULL, progress_done = ?, "
              "progress_total = ?, message = ?, error = ?, result_name = ?, result_type = ?, result = ? "
              "WHERE id = ? AND lease_owner = ? AND state = 'running'",
              {code_of(o.state), now, o.progress.done, o.progress.total, o.progress.message, o.error, name, type, bytes,
               id, owner})
             .affected == 1;
}

bool release(db::Connection& c, std::string_view id, std::string_view owner) {
  return c.query(
              "UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1 "
              "WHERE id = ? AND lease_owner = ? AND state = 'running'",
              {id, owner})
             .affected == 1;
}

std::optional<State> request_cancel(db::Connection& c, std::string_view id, const audit::Entry& who, Instant now) {
  auto record = [&](const char* state) {
    audit::record(c, who, "cancel", "jobs", std::string(id), std::nullopt, nlohmann::json{{"state", state}}.dump(),
                  now);
  };
  if (c.query("UPDATE jobs SET state = 'cancelled', cancel_requested = 1, finished_at = ? "
              "WHERE id = ? AND state = 'queued'",
              {now, id})
          .affected == 1) {
    record("cancelled");
    return State::cancelled;
  }
  if (c.query("UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND state = 'running' AND cancel_requested = 0", {id})
          .affected == 1) {
    record("running");
    return State::running;
  }
  auto rows = c.query("SELECT state FROM jobs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return state_of(rows.one().str("state"));
}

bool cancel_requested(db::Connection& c, std::string_view id) {
  auto rows = c.query("SELECT cancel_requested FROM jobs WHERE id = ?", {id});
  return !rows.empty() && rows.one().i64("cancel_requested") != 0;
}

std::optional<Job> find_job(db::Connection& c, std::string_view id) {
  auto rows = c.query(fmt::format("SELECT {} FROM jobs WHERE id = ?", kJobRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kJobRow.read(rows.one());
}

std::string params_of(db::Connection& c, std::string_view id) {
  auto rows = c.query("SELECT params FROM jobs WHERE id = ?", {id});
  return rows.empty() ? std::string() : rows.one().str("params");
}

std::vector<Job> jobs_of(db::Connection& c, const std::string& username, int limit) {
  std::vector<Job> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM jobs WHERE created_by = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                           kJobRow.list()),
               {username, limit})
           .rows) {
    out.push_back(kJobRow.read(r));
  }
  return out;
}

std::optional<std::string> unfinished_with_key(db::Connection& c, std::string_view dedupe_key) {
  auto same = c.query(
      "SELECT id FROM jobs WHERE dedupe_key = ? AND state IN ('queued', 'running') ORDER BY created_at, id LIMIT 1",
      {std::string(dedupe_key)});
  if (same.empty()) return std::nullopt;
  return same.one().str("id");
}

std::int64_t unfinished_of(db::Connection& c, std::string_view kind, const std::string& username) {
  if (c.backend() == db::Backend::postgres) {
    c.query("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(?))) AS held",
            {std::string(kind) + ":" + username});
  }
  return c
      .query("SELECT COUNT(*) AS n FROM jobs WHERE kind = ? AND created_by = ? AND state IN ('queued', 'running')",
             {std::string(kind), username})
      .one()
      .i64("n");
}

std::optional<Job> newest_with_key(db::Connection& c, std::string_view dedupe_key) {
  auto found = c.query("SELECT id FROM jobs WHERE dedupe_key = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                       {std::string(dedupe_key)});
  if (found.empty()) return std::nullopt;
  return find_job(c, found.one().str("id"));
}

std::optional<std::string> done_with_result(db::Connection& c, std::string_view dedupe_key) {
  auto found = c.query(
      "SELECT id FROM jobs WHERE dedupe_key = ? AND state = 'done' AND result_name IS NOT NULL "
      "ORDER BY finished_at DESC, id LIMIT 1",
      {std::string(dedupe_key)});
  if (found.empty()) return std::nullopt;
  return found.one().str("id");
}

std::optional<Result> result_of(db::Connection& c, std::string_view id) {
  auto rows = c.query("SELECT result_name, result_type, result FROM jobs WHERE id = ? AND result IS NOT NULL", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  auto bytes = text::unbase64(r.str("result"));
  if (!bytes) throw Error(ErrorKind::internal, "a job's result is not base64");
  return Result{r.str("result_name"), r.str("result_type"), std::move(*bytes)};
}

std::int64_t purge_finished(db::Connection& c, Instant now) {
  return c
      .query("DELETE FROM jobs WHERE state IN ('done', 'failed', 'cancelled') AND finished_at < ?",
             {Instant(now - kFinishedLife)})
      .affected;
}

}  // namespace cchc::jobs
