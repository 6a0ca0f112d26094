#include "app/platform_routes.h"

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/period.h"
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

}  // namespace

void add_platform_routes(http::Router& router, db::Database& db, http::Metrics& metrics,
                         const std::filesystem::path& static_dir) {
  // GET /healthz: 200 when the database answers, 503 when it does not.
  router.add(http::Verb::get, "/healthz", http::kPublic, [&db](http::Request& req) {
    try {
      db.read([](db::Connection& c) { c.ping(); });
      return http::json(req, json{{"status", "ok"}, {"database", "ok"}}.dump());
    } catch (const std::exception& e) {
      return http::json(req, json{{"status", "unavailable"}, {"database", e.what()}}.dump(),
                        http::Status::service_unavailable);
    }
  });

  router.add(http::Verb::get, "/metrics", http::kPublic, [&metrics](http::Request& req) {
    auto res = http::make_response(req, http::Status::ok, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
    res.set(http::beast_http::field::cache_control, "no-store");
    return res;
  });

  auto files = std::make_shared<http::StaticFiles>(static_dir);
  router.add(http::Verb::get, "/static/{path...}", http::kPublic,
             [files](http::Request& req) { return files->serve(req, req.params.at("path")); });

  // GET /api/v1/periods/{code}: a period's bounds and Vietnamese label.
  router.add(http::Verb::get, "/api/v1/periods/{code}", http::kPublic, [](http::Request& req) {
    auto p = Period::parse(req.params.at("code"));
    return http::json(req, json{{"code", p.code()},
                                {"first_day", format_iso_date(p.first)},
                                {"last_day", format_iso_date(p.last)},
                                {"begins_at", format_rfc3339_vn(p.begin())},
                                {"ends_at", format_rfc3339_vn(p.end())},
                                {"label_vi", p.label_vi()}}
                               .dump());
  });

  // GET /api/v1/calendar/working-days?from=YYYY-MM-DD&to=YYYY-MM-DD
  //   → {"from","to","working_days"}: working days in (from, to]
  // GET /api/v1/calendar/working-days?from=YYYY-MM-DD&add=N
  //   → {"from","add","date"}: the N-th working day after from
  router.add(http::Verb::get, "/api/v1/calendar/working-days", http::kPublic, [](http::Request& req) {
    const auto& cal = WorkCalendar::vietnam();
    Date from = parse_iso_date(required(req, "from"));
    if (auto add = req.query_param("add")) {
      int n = int_query(*add, "add");
      if (n < 0 || n > 3660) throw invalid_input("'add' must be between 0 and 3660");
      return http::json(
          req,
          json{{"from", format_iso_date(from)}, {"add", n}, {"date", format_iso_date(cal.add_working_days(from, n))}}
              .dump());
    }
    Date to = parse_iso_date(required(req, "to"));
    return http::json(req, json{{"from", format_iso_date(from)},
                                {"to", format_iso_date(to)},
                                {"working_days", cal.working_days_between(from, to)}}
                               .dump());
  });
}

}  // namespace cchc::app
