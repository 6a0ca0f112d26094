// The indicator pages (routes.h): the overview, a unit, the 766 scorecard
// with its manual values, rankings. Named handlers over the database and the
// layout, registered from one table at the end; the upload, targets and
// token pages are admin_routes.cpp's.
#include "indicators/routes.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/tokens.h"
#include "http/refusal.h"
#include "http/session.h"
#include "indicators/dashboard.h"
#include "indicators/rules.h"
#include "indicators/tables.h"
#include "views/periods.h"

namespace cchc::indicators {

using nlohmann::json;

namespace {

// The page's period: ?ky=…, else the quarter of the latest month with
// data, else the last whole quarter (rules.h: default_quarter).
Period page_period(db::Database& db, const http::Request& req) {
  if (auto k = req.query_param("ky"); k && !k->empty()) return Period::parse(*k);
  auto latest = db.read([](db::Connection& c) { return latest_month(c); });
  return default_quarter(latest, local_date(now_seconds()));
}

int year_of(const Period& p) { return int(p.last.year()); }

Scope page_scope(const http::Request& req) {
  auto s = req.query_param("pham-vi");
  return s && *s == "unit" ? Scope::unit : Scope::subtree;
}

std::string page_level(const http::Request& req) { return req.query_param("cap").value_or("department"); }

json level_options(db::Database& db, const std::string& selected) {
  json out = json::array();
  for (const auto& l : directory::load_levels(db)) {
    if (l.code == "province" || !l.ranked) continue;  // divisions are not ranked
    out.push_back({{"code", l.code}, {"name", l.name}, {"selected", l.code == selected}});
  }
  return out;
}

// The request's own URL with one query parameter set (or added).
std::string with_param(const http::Request& req, const std::string& key, const std::string& value) {
  std::string out = req.path;
  char sep = '?';
  for (const auto& [k, v] : req.query) {
    if (k == key) continue;
    out += sep + http::url_encode(k) + "=" + http::url_encode(v);
    sep = '&';
  }
  return out + sep + http::url_encode(key) + "=" + http::url_encode(value);
}

// A level's name ("Xã, phường, đặc khu"), its code when unknown.
std::string level_label(db::Database& db, const std::string& code) {
  for (const auto& l : directory::load_levels(db)) {
    if (l.code == code) return l.name;
  }
  return code;
}

// The subtitle lines of a page's workbook (views::Table::subtitle): what the
// page's filters said, since a sheet leaves them behind.
std::string period_line(const Period& p) { return "Kỳ báo cáo: " + p.label_vi(); }
std::string scope_line(const http::Request& req) {
  return page_scope(req) == Scope::subtree ? "Phạm vi: gồm cả các đơn vị trực thuộc" : "Phạm vi: riêng đơn vị";
}

// Renders the page, or with ?dinh-dang=xlsx returns its tables as a
// workbook, each sheet under the lines of `about` (the unit or scope, the
// period, the level). Puts each table in data under its key and the export
// link.
http::Response page_or_xlsx(const http::Request& req, const views::Layout& layout, const std::string& title,
                            const std::string& tpl, json data,
                            const std::vector<std::pair<std::string, views::Table>>& tables,
                            const std::string& filename, const std::vector<std::string>& about) {
  if (req.query_param("dinh-dang") == "xlsx") {
    std::vector<views::Table> all;
    for (const auto& [key, t] : tables) {
      all.push_back(t);
      all.back().subtitle = about;
    }
    return http::attachment(req, http::kXlsxType, views::to_xlsx(all), filename + ".xlsx");
  }
  for (const auto& [key, t] : tables) data[key] = views::to_view(t);
  data["xlsx_href"] = with_param(req, "dinh-dang", "xlsx");
  return http::html(req, layout.page(req, title, tpl, std::move(data)));
}

// The period and scope fields every indicator page's filter form has
// (templates/indicators/filters.tpl, included as {{>filters}}).
json filters(const http::Request& req, const Period& p) {
  bool subtree = page_scope(req) == Scope::subtree;
  return {{"ky", p.code()},
          {"period_label", p.label_vi()},
          {"filters",
           {{"_template", "indicators/filters.tpl"},
            {"ky", p.code()},
            {"period_label", p.label_vi()},
            {"period_groups", views::period_choices(p, local_date(now_seconds()))},
            {"subtree", subtree},
            {"unit_only", !subtree}}}};
}

struct PageContext {
  db::Database& db;
  views::Layout& layout;
};

// ---- The province overview: every unit of a level against its targets -----------

http::Response overview_page(PageContext& x, http::Request& req) {
  auto period = page_period(x.db, req);
  auto level = page_level(req);
  auto scope = page_scope(req);
  auto sort = req.query_param("sap-xep").value_or("");
  if (!sort.empty() && sort != "received") rate_indicator(sort);
  std::vector<UnitFigures> units;
  std::vector<Target> ts;
  Indicators province;
  std::string province_code, province_name;
  x.db.read([&](db::Connection& c) {
    for (const auto& u : units_of_level(c, level, period)) units.push_back({u, query(c, u.code, period, scope)});
    ts = targets(c, year_of(period));
    if (auto root = province_unit(c)) {
      province_code = *root;
      province_name = unit_info(c, province_code).name;
      province = query(c, province_code, period, Scope::subtree);
    }
  });
  auto table = overview_table(units, year_of(period), ts, sort,
                              [&](const std::string& code) { return with_param(req, "sap-xep", code); });
  auto summary = indicators_table(province, "province", year_of(period), ts);
  summary.id = "toan-tinh";
  summary.caption = "Toàn tỉnh";
  json data = filters(req, period);
  data["levels"] = level_options(x.db, level);
  data["province_code"] = province_code;
  std::vector<std::string> about = {
      "Chỉ số phục vụ người dân, doanh nghiệp" + (province_name.empty() ? "" : " — " + province_name),
      period_line(period), "Cấp đơn vị: " + level_label(x.db, level),
      scope == Scope::subtree ? "Phạm vi: số liệu mỗi đơn vị gồm cả các đơn vị trực thuộc"
                              : "Phạm vi: số liệu riêng từng đơn vị"};
  return page_or_xlsx(req, x.layout, "Chỉ số phục vụ người dân, doanh nghiệp", "indicators/overview.tpl", data,
                      {{"summary", summary}, {"table", table}}, "chi-so-" + level + "-" + period.code(), about);
}

// ---- A unit: its indicators, monthly trend, channels, procedures, overdue dossiers --

http::Response unit_page(PageContext& x, http::Request& req) {
  const auto& unit = req.params.at("unit");
  auto period = page_period(x.db, req);
  auto scope = page_scope(req);
  auto now = now_seconds();
  UnitInfo info;
  Indicators in;
  std::vector<Target> ts;
  std::vector<MonthFigures> months;
  std::vector<BreakdownRow> channels, procedures;
  std::vector<Dossier> overdue;
  x.db.read([&](db::Connection& c) {
    info = unit_info(c, unit);
    in = query(c, unit, period, scope);
    ts = targets(c, year_of(period));
    months = monthly(c, unit, period, scope, now);
    channels = breakdown(c, unit, period, scope, By::channel);
    procedures = breakdown(c, unit, period, scope, By::procedure);
    overdue = overdue_dossiers(c, unit, scope, now, 100);
  });
  auto trend_t = trend_table(months);
  json data = filters(req, period);
  data["unit"] = {{"code", unit}, {"name", info.name}};
  data["charts"] = true;
  data["trend_chart"] = views::chart_view(trend_chart(months), "Biểu đồ tỷ lệ theo tháng", trend_t.caption);
  if (procedures.size() > 50) procedures.resize(50);
  return page_or_xlsx(req, x.layout, info.name, "indicators/unit.tpl", data,
                      {{"indicators", indicators_table(in, info.level, year_of(period), ts)},
                       {"trend", trend_t},
                       {"channels", breakdown_table(channels, By::channel)},
                       {"procedures", breakdown_table(procedures, By::procedure)},
                       {"overdue", overdue_table(overdue, now)}},
                      "chi-so-" + unit + "-" + period.code(),
                      {"Đơn vị: " + info.name, period_line(period), "Cấp đơn vị: " + level_label(x.db, info.level),
                       scope_line(req), "Hồ sơ quá hạn đang xử lý: tính đến " + format_datetime_vi(now)});
}

// ---- The 766 scorecard, and the form for the values entered by hand --------------

// The manual values' form, for those who may enter them for the unit.
json manual_form(const http::Request& req, const std::string& unit, const Period& period, const ManualValues& manual) {
  json fields = json::array();
  for (const auto& m : manual_indicators()) {
    auto v = manual.find(m.code);
    fields.push_back({{"code", m.code},
                      {"name", m.name_vi},
                      {"numerator", v == manual.end() ? "" : std::to_string(v->second.numerator)},
                      {"denominator", v == manual.end() ? "" : std::to_string(v->second.denominator)}});
  }
  return {{"fields", fields},
          {"csrf", req.session ? req.session->csrf_token : ""},
          {"action", "/chi-so/766/" + unit + "?ky=" + period.code()}};
}

// The scorecard, with `extra` in its data (the form's refusals).
http::Response scorecard(PageContext& x, http::Request& req, const json& extra) {
  const auto& unit = req.params.at("unit");
  auto period = page_period(x.db, req);
  auto scope = page_scope(req);
  auto formula = parse_formula(req.query_param("cong-thuc").value_or("qd766-legal"));
  std::string name, level;
  Index766 s;
  ManualValues manual;
  x.db.read([&](db::Connection& c) {
    auto info = unit_info(c, unit);
    name = info.name;
    level = info.level;
    s = index766(c, unit, period, scope, formula);
    manual = manual_values(c, unit, period);
  });
  json data = filters(req, period);
  data.update(extra);
  data["unit"] = {{"code", unit}, {"name", name}};
  data["total"] = text::format_decimal(s.total, 2);
  data["formula_legal"] = formula == Formula::legal;
  data["formula_observed"] = formula == Formula::observed;
  if (!s.complete) data["incomplete"] = true;
  if (req.principal && directory::may_act_on(x.db, *req.principal, "indicators.import", unit)) {
    data["manual_form"] = manual_form(req, unit, period, manual);
  }
  return page_or_xlsx(
      req, x.layout, "Chỉ số 766 — " + name, "indicators/scorecard.tpl", data,
      {{"groups", index766_groups_table(s)}, {"indicators", index766_indicators_table(s)}},
      "chi-so-766-" + unit + "-" + period.code(),
      {"Chỉ số 766 — " + name, period_line(period), "Cấp đơn vị: " + level_label(x.db, level), scope_line(req),
       formula == Formula::legal ? "Cách tính: theo văn bản" : "Cách tính: theo cách Cổng DVCQG chấm"});
}

http::Response scorecard_page(PageContext& x, http::Request& req) { return scorecard(x, req, json::object()); }

// The values entered by hand: every indicator typed wrong is named; else the
// store checks their ranges.
http::Response save_manual_values(PageContext& x, http::Request& req) {
  const auto& unit = req.params.at("unit");
  auto period = page_period(x.db, req);
  std::vector<TypedManualValue> typed;
  for (const auto& m : manual_indicators()) {
    typed.push_back({m.code, m.name_vi, req.form_param(std::string("tu_") + m.code).value_or(""),
                     req.form_param(std::string("mau_") + m.code).value_or("")});
  }
  auto entry = read_manual_values(typed);
  return http::refusing(
      [&] {
        if (!entry.problems.empty()) {
          throw invalid_input("manual values must be whole numbers", entry.problems.front());
        }
        x.db.write([&](db::Connection& c) {
          set_manual_values(c, unit, period, entry.values, directory::actor(req), now_seconds());
        });
        return http::redirect(req, "/chi-so/766/" + unit + "?ky=" + period.code() + "&da-luu=1");
      },
      [&](const http::Refusal& r) {
        json list = json::array();
        for (const auto& p : entry.problems) list.push_back({{"message", p}});
        if (list.empty()) list.push_back(r.json());
        return scorecard(x, req, {{"errors", list}});
      });
}

// ---- Rankings of a level's units by an indicator or the 766 total ------------------

http::Response ranking_page(PageContext& x, http::Request& req) {
  RankingRequest r{page_level(req),
                   page_period(x.db, req),
                   req.query_param("chi-so").value_or("on_time_rate"),
                   parse_formula(req.query_param("cong-thuc").value_or("qd766-legal")),
                   page_scope(req),
                   30};
  r.minimum = ranking_minimum(req.query_param("toi-thieu").value_or(""), r.minimum);
  auto rows = x.db.read([&](db::Connection& c) { return ranking(c, r); });
  bool percent = r.indicator != "index766";
  json indicators = json::array();
  for (const auto& i : rate_indicators()) {
    indicators.push_back({{"code", i.code}, {"name", i.name_vi}, {"selected", r.indicator == i.code}});
  }
  indicators.push_back({{"code", "index766"}, {"name", "Tổng điểm Chỉ số 766"}, {"selected", !percent}});
  json data = filters(req, r.period);
  data["levels"] = level_options(x.db, r.level);
  data["indicators"] = indicators;
  data["minimum"] = std::to_string(r.minimum);
  data["formula_legal"] = r.formula == Formula::legal;
  data["formula_observed"] = r.formula == Formula::observed;
  std::string indicator_name = percent ? rate_indicator(r.indicator).name_vi : "Tổng điểm Chỉ số 766";
  return page_or_xlsx(
      req, x.layout, "Xếp hạng đơn vị", "indicators/ranking.tpl", data,
      {{"ranked", ranking_table(rows, true, percent)}, {"apart", ranking_table(rows, false, percent)}},
      "xep-hang-" + r.level + "-" + r.indicator + "-" + r.period.code(),
      {"Xếp hạng theo: " + indicator_name, period_line(r.period), "Cấp đơn vị: " + level_label(x.db, r.level),
       scope_line(req), "Số hồ sơ tối thiểu để xếp hạng: " + text::format_int(r.minimum)});
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in) {
  layout.add_nav({"Chỉ số phục vụ", "/chi-so", "indicators.read"});
  layout.add_nav({"Nhập hồ sơ", "/chi-so/nhap", "indicators.import"});
  add_admin_routes(router, layout, db);
  auto context = std::make_shared<PageContext>(PageContext{db, layout});
  // The rollups, targets and values entered by hand for a period that
  // defaults to one following today.
  const http::PageRule figures{.kinds = {"indicators", "units"}, .daily = true};
  const http::CachedForSession<PageContext> pages[] = {
      {"/chi-so", "indicators.read", overview_page, figures},
      {"/chi-so/766/{unit}", "indicators.read", scorecard_page, figures},
      {"/chi-so/xep-hang", "indicators.read", ranking_page, figures},
  };
  http::add_session_cached_routes(router, signed_in, context, pages);
  // A unit's page shows its overdue dossiers as of the minute: never kept.
  const http::RouteTo<PageContext> routes[] = {
      {http::Verb::get, "/chi-so/don-vi/{unit}", "indicators.read", unit_page},
      {http::Verb::post, "/chi-so/766/{unit}", "indicators.import", save_manual_values},
  };
  http::add_routes(router, context, routes);
}

}  // namespace cchc::indicators
