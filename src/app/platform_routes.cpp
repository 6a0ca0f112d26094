#include "app/platform_routes.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/dates.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/period.h"
#include "core/secrets.h"
#include "http/proxies.h"
#include "http/static_files.h"

namespace cchc::app {

using nlohmann::json;

namespace {

int int_query(const std::string& s, const char* name) {
  if (auto v = parse_int<int>(s)) return *v;
  throw invalid_input(std::string("query parameter '") + name + "' must be an integer");
}

std::string required(const http::Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) throw invalid_input(std::string("query parameter '") + name + "' is required");
  return *v;
}

// What the platform's handlers share.
struct Platform {
  Platform(db::Database& d, http::Metrics& m, std::string token, const std::filesystem::path& static_dir)
      : db(d), metrics(m), metrics_token(std::move(token)), files(static_dir) {}
  db::Database& db;
  http::Metrics& metrics;
  std::string metrics_token;
  http::StaticFiles files;
  http::TrustedProxies this_machine{{"127.0.0.0/8", "::1"}};
  std::mutex probe_mutex;
  std::chrono::steady_clock::time_point probed_at{};
  bool takes_writes = true;
};

// One upsert of a settings row, tried at most every 5 s; between tries the
// last answer stands.
bool takes_writes(Platform& p) {
  std::lock_guard lock(p.probe_mutex);
  auto now = std::chrono::steady_clock::now();
  if (now - p.probed_at < std::chrono::seconds(5)) return p.takes_writes;
  p.probed_at = now;
  try {
    p.db.write([](db::Connection& c) {
      c.query(
          "INSERT INTO settings (key, value, updated_at) VALUES ('health_write_probe', '', ?) "
          "ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at",
          {std::int64_t(now_seconds().time_since_epoch().count())});
    });
    p.takes_writes = true;
  } catch (const std::exception& e) {
    if (p.takes_writes) spdlog::warn("health: the database takes no writes: {}", e.what());
    p.takes_writes = false;
  }
  return p.takes_writes;
}

// GET /healthz: whether the database answers reads, and whether it takes
// writes:
//   200 {"status":"ok","db":"ok"}
//   503 {"status":"degraded","db":"read-only"}   reads go on, writes fail
//                                                 (disk full, read-only)
//   503 {"status":"unavailable","db":"down"}     not even reads
// "database" repeats "db" for monitors written against the old answer.
http::Response health(Platform& p, http::Request& req) {
  auto answer = [&](const char* status, const char* state, http::Status code) {
    return http::json(req, json{{"status", status}, {"db", state}, {"database", state}}.dump(), code);
  };
  try {
    p.db.read([](db::Connection& c) { c.ping(); });
  } catch (const std::exception& e) {
    spdlog::warn("health: the database does not answer: {}", e.what());
    return answer("unavailable", "down", http::Status::service_unavailable);
  }
  return takes_writes(p) ? answer("ok", "ok", http::Status::ok)
                         : answer("degraded", "read-only", http::Status::service_unavailable);
}

// GET /metrics: for a client on this machine, or one with the metrics token.
http::Response metrics_text(Platform& p, http::Request& req) {
  auto sent = req.header(http::field::authorization);
  bool with_token =
      !p.metrics_token.empty() && sent.starts_with("Bearer ") && secrets_equal(sent.substr(7), p.metrics_token);
  if (!with_token && !p.this_machine.contains(req.client_address)) throw not_found("no such resource: /metrics");
  auto res = http::make_response(req, http::Status::ok, "text/plain; version=0.0.4; charset=utf-8", p.metrics.render());
  res.set(http::field::cache_control, "no-store");
  return res;
}

// GET /static/{path...}: cchc's CSS, scripts and the vendored packages.
http::Response static_file(Platform& p, http::Request& req) { return p.files.serve(req, req.params.at("path")); }

// GET /api/v1/periods/{code}: a period's bounds and Vietnamese label.
http::Response period_bounds(Platform&, http::Request& req) {
  auto p = Period::parse(req.params.at("code"));
  return http::json(req, json{{"code", p.code()},
                              {"first_day", format_iso_date(p.first)},
                              {"last_day", format_iso_date(p.last)},
                              {"begins_at", format_rfc3339_vn(p.begin())},
                              {"ends_at", format_rfc3339_vn(p.end())},
                              {"label_vi", p.label_vi()}}
                             .dump());
}

// GET /api/v1/calendar/working-days?from=YYYY-MM-DD&to=YYYY-MM-DD
//   → {"from","to","working_days"}: working days in (from, to]
// GET /api/v1/calendar/working-days?from=YYYY-MM-DD&add=N
//   → {"from","add","date"}: the N-th working day after from
http::Response working_days_api(Platform&, http::Request& req) {
  const auto& cal = WorkCalendar::vietnam();
  Date from = parse_iso_date(required(req, "from"));
  if (auto add = req.query_param("add")) {
    int n = int_query(*add, "add");
    if (n < 0 || n > 3660) throw invalid_input("'add' must be between 0 and 3660");
    return http::json(
        req, json{{"from", format_iso_date(from)}, {"add", n}, {"date", format_iso_date(cal.add_working_days(from, n))}}
                 .dump());
  }
  Date to = parse_iso_date(required(req, "to"));
  return http::json(req, json{{"from", format_iso_date(from)},
                              {"to", format_iso_date(to)},
                              {"working_days", cal.working_days_between(from, to)}}
                             .dump());
}

}  // namespace

void add_platform_routes(http::Router& router, db::Database& db, http::Metrics& metrics,
                         const std::filesystem::path& static_dir, std::string metrics_token) {
  const http::RouteTo<Platform> routes[] = {
      {http::Verb::get, "/healthz", http::kPublic, health},
      {http::Verb::get, "/metrics", http::kPublic, metrics_text},
      {http::Verb::get, "/static/{path...}", http::kPublic, static_file},
      {http::Verb::get, "/api/v1/periods/{code}", http::kPublic, period_bounds},
      {http::Verb::get, "/api/v1/calendar/working-days", http::kPublic, working_days_api},
  };
  http::add_routes(router, std::make_shared<Platform>(db, metrics, std::move(metrics_token), static_dir), routes);
}

}  // namespace cchc::app
