// The public side of the indicators: the headline page, open data, and the
// API (reads are public, like the national portal's published figures;
// pushes need an API token). Named handlers registered from two tables at
// the end: the public reads, served from the page cache
// (http/page_cache.h), and the pushes.
#include <fmt/format.h>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/tokens.h"
#include "indicators/dashboard.h"
#include "indicators/routes.h"
#include "indicators/rules.h"
#include "indicators/tables.h"
#include "views/periods.h"

namespace cchc::indicators {

using nlohmann::json;

namespace {

std::string required(const http::Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) throw invalid_input(fmt::format("query parameter '{}' is required", name));
  return *v;
}

Scope api_scope(const http::Request& req, Scope fallback) {
  auto s = req.query_param("scope");
  return s ? parse_scope(*s) : fallback;
}

long api_minimum(const http::Request& req) {
  auto m = req.query_param("minimum");
  if (!m) return 30;
  if (auto v = parse_int<long>(*m); v && *v >= 0 && *v <= 1000000) return *v;
  throw invalid_input("query parameter 'minimum' must be a whole number from 0 to 1000000");
}

// The public page's and open data's period: ?ky=…, else the year of the
// latest month with data (rules.h: default_year).
Period public_period(db::Database& db, const http::Request& req) {
  if (auto k = req.query_param("ky"); k && !k->empty()) return Period::parse(*k);
  auto latest = db.read([](db::Connection& c) { return latest_month(c); });
  return default_year(latest, local_date(now_seconds()));
}

// Records of one push: the body as JSON (array or NDJSON).
http::Response push(db::Database& db, http::Request& req, Kind kind) {
  auto dry = req.query_param("dry_run");
  ImportRequest r{kind, req.body, Format::json, req.principal->unit_code, dry && (*dry == "1" || *dry == "true"),
                  0,    {}};
  r.max_records = kRequestRecords;
  auto outcome = import_batch(db, r, directory::actor(req), now_seconds());
  if (!outcome.ok()) {
    json errors = json::array();
    for (const auto& e : outcome.errors) errors.push_back({{"line", e.line}, {"message", e.message}});
    return http::json(req,
                      json{{"error", "batch rejected; nothing was written"},
                           {"errors", errors},
                           {"errors_total", outcome.errors.size()}}
                          .dump(),
                      http::Status::unprocessable_entity);
  }
  json out = to_json(outcome.summary);
  out["records"] = outcome.records;
  out["dry_run"] = r.dry_run;
  return http::json(req, out.dump());
}

// Open data: every current unit's indicators for a period (subtree scope).
struct OpenRow {
  UnitInfo unit;
  Indicators values;
};

std::vector<OpenRow> open_rows(db::Connection& c, const Period& p) {
  std::vector<OpenRow> out;
  for (const auto& unit : directory::units_valid_on(c, p.last)) {
    UnitInfo u{unit.code, unit.name, unit.level};
    out.push_back({u, query(c, u.code, p, Scope::subtree)});
  }
  return out;
}

views::Table open_table(const std::vector<OpenRow>& rows, const Period& p) {
  views::Table t{"du-lieu-mo",
                 "Chỉ số phục vụ theo đơn vị — " + p.label_vi(),
                 {{"unit_code"}, {"unit_name"}, {"level"}, {"period"}, {"received"}, {"finished"}, {"overdue_open"}},
                 {}};
  for (const auto& r : rate_indicators()) {
    for (const char* part : {"value", "numerator", "denominator"})
      t.columns.push_back({std::string(r.code) + "_" + part});
  }
  for (const auto& row : rows) {
    std::vector<views::Cell> cells = {views::Cell::of(row.unit.code),
                                      views::Cell::of(row.unit.name),
                                      views::Cell::of(row.unit.level),
                                      views::Cell::of(p.code()),
                                      views::Cell::integer(row.values.received),
                                      views::Cell::integer(row.values.finished),
                                      views::Cell::integer(row.values.overdue_open)};
    for (const auto& r : rate_indicators()) {
      const Rate& rate = row.values.*(r.rate);
      auto v = rate.value();
      cells.push_back(v ? views::Cell{"", *v, views::Cell::Kind::decimal, {}, {}} : views::Cell::of(""));
      cells.push_back(views::Cell::integer(rate.numerator));
      cells.push_back(views::Cell::integer(rate.denominator));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

struct PublicContext {
  db::Database& db;
  views::Layout& layout;
};

// ---- The API ----------------------------------------------------------------------------

// GET /api/v1/indicators?unit=&period=&scope=unit|subtree (default unit)
http::Response indicators_api(PublicContext& x, http::Request& req) {
  auto unit = required(req, "unit");
  auto period = Period::parse(required(req, "period"));
  auto scope = api_scope(req, Scope::unit);
  auto values = x.db.read([&](db::Connection& c) { return query(c, unit, period, scope); });
  json out = {{"unit", unit}, {"period", period.code()}, {"scope", name(scope)}};
  out.update(to_json(values));
  return http::json(req, out.dump());
}

// GET /api/v1/rankings?level=&period=&indicator=[&formula=&scope=&minimum=]
http::Response rankings_api(PublicContext& x, http::Request& req) {
  RankingRequest r{required(req, "level"),         Period::parse(required(req, "period")),
                   required(req, "indicator"),     parse_formula(req.query_param("formula").value_or("qd766-legal")),
                   api_scope(req, Scope::subtree), api_minimum(req)};
  auto rows = x.db.read([&](db::Connection& c) { return ranking(c, r); });
  return http::json(req, to_json(r, rows).dump());
}

// GET /api/v1/index766?unit=&period=&formula=qd766-legal|qd766-observed[&scope=] (default subtree)
http::Response index766_api(PublicContext& x, http::Request& req) {
  auto unit = required(req, "unit");
  auto period = Period::parse(required(req, "period"));
  auto formula = parse_formula(req.query_param("formula").value_or("qd766-legal"));
  auto scope = api_scope(req, Scope::subtree);
  auto s = x.db.read([&](db::Connection& c) { return index766(c, unit, period, scope, formula); });
  json out = {{"unit", unit}, {"period", period.code()}, {"scope", name(scope)}};
  out.update(to_json(s));
  return http::json(req, out.dump());
}

http::Response push_dossiers(PublicContext& x, http::Request& req) { return push(x.db, req, Kind::dossiers); }
http::Response push_feedback(PublicContext& x, http::Request& req) { return push(x.db, req, Kind::feedback); }

// ---- Open data: CSV and JSON of every unit's indicators for a period --------------------

http::Response open_data_csv(PublicContext& x, http::Request& req) {
  auto p = public_period(x.db, req);
  auto rows = x.db.read([&](db::Connection& c) { return open_rows(c, p); });
  auto res = http::make_response(req, http::Status::ok, "text/csv; charset=utf-8", views::to_csv(open_table(rows, p)));
  res.set(http::field::content_disposition, "attachment; filename=\"chi-so-" + p.code() + ".csv\"");
  return res;
}

http::Response open_data_json(PublicContext& x, http::Request& req) {
  auto p = public_period(x.db, req);
  auto rows = x.db.read([&](db::Connection& c) { return open_rows(c, p); });
  json units = json::array();
  for (const auto& r : rows) {
    json u = {{"unit", r.unit.code}, {"name", r.unit.name}, {"level", r.unit.level}};
    u.update(to_json(r.values));
    units.push_back(u);
  }
  return http::json(req, json{{"period", p.code()}, {"scope", "subtree"}, {"units", units}}.dump());
}

// ---- The public headline figures of the province ------------------------------------------

json headline_of(const Indicators& in) {
  auto pct = [](const Rate& r) {
    auto v = r.value();
    return v ? text::format_percent(*v * 100, 1) : std::string("—");
  };
  return json::array({
      {{"label", "Hồ sơ tiếp nhận"}, {"value", text::format_int(in.received)}},
      {{"label", "Tỷ lệ hồ sơ trực tuyến"}, {"value", pct(in.online_rate)}},
      {{"label", "Tỷ lệ giải quyết đúng hạn"}, {"value", pct(in.on_time_rate)}},
      {{"label", "Tỷ lệ số hóa hồ sơ"}, {"value", pct(in.digitized_rate)}},
      {{"label", "Tỷ lệ thanh toán trực tuyến"}, {"value", pct(in.online_payment_rate)}},
      {{"label", "Tỷ lệ hài lòng"}, {"value", pct(in.satisfaction_rate)}},
      {{"label", "Phản ánh, kiến nghị xử lý đúng hạn"}, {"value", pct(in.feedback_on_time_rate)}},
  });
}

http::Response public_page(PublicContext& x, http::Request& req) {
  auto p = public_period(x.db, req);
  std::string code;
  Indicators in;
  std::vector<MonthFigures> months;
  std::vector<Target> ts;
  x.db.read([&](db::Connection& c) {
    auto root = province_unit(c);
    if (!root) throw not_found("no province unit in the directory", "Chưa có đơn vị cấp tỉnh.");
    code = *root;
    in = query(c, code, p, Scope::subtree);
    months = monthly(c, code, p, Scope::subtree, now_seconds());
    ts = targets(c, int(p.last.year()));
  });
  auto trend_t = trend_table(months);
  auto figures = indicators_table(in, "province", int(p.last.year()), ts);
  json data = {{"period_label", p.label_vi()},
               {"ky", p.code()},
               {"period_groups", views::period_choices(p, local_date(now_seconds()))},
               {"headline", headline_of(in)},
               {"charts", true},
               {"trend_chart",
                {{"_template", "common/chart.tpl"},
                 {"config", trend_chart(months).dump()},
                 {"caption", "Biểu đồ tỷ lệ theo tháng"},
                 {"table_caption", trend_t.caption}}},
               {"trend", views::to_view(trend_t)},
               {"figures", views::to_view(figures)}};
  return http::html(req, x.layout.page(req, "Số liệu công khai về phục vụ người dân", "indicators/public.tpl", data));
}

}  // namespace

void add_public_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& pages) {
  layout.add_nav({"Số liệu công khai", "/cong-khai/chi-so", http::kPublic});
  auto x = std::make_shared<PublicContext>(PublicContext{db, layout});
  // The figures of the units valid in a period. The page and open data
  // choose their period by today's date when none is asked (and the page
  // lists the periods up to today).
  const http::PageRule figures{.kinds = {"indicators", "units"}};
  const http::PageRule figures_today{.kinds = {"indicators", "units"}, .daily = true};
  const http::CachedTo<PublicContext> reads[] = {
      {"/api/v1/indicators", indicators_api, figures},
      {"/api/v1/rankings", rankings_api, figures},
      {"/api/v1/index766", index766_api, figures},
      {"/du-lieu-mo/chi-so.csv", open_data_csv, figures_today},
      {"/du-lieu-mo/chi-so.json", open_data_json, figures_today},
      {"/cong-khai/chi-so", public_page, figures_today},
  };
  http::add_cached_routes(router, pages, x, reads);
  const auto batch = http::document_body(10 * http::kMiB);
  const http::RouteTo<PublicContext> pushes[] = {
      {http::Verb::post, "/api/v1/dossiers", "indicators.push", push_dossiers, batch},
      {http::Verb::post, "/api/v1/feedback", "indicators.push", push_feedback, batch},
  };
  http::add_routes(router, x, pushes);
}

}  // namespace cchc::indicators
