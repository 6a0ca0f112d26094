// The reporting periods of a year and their due days (the coordinator):
// a year's own due day per period, and ad-hoc periods (kỳ đột xuất) added
// and removed while nothing is reported for them. The periods are plans'
// (plans/store.h: load_report_periods, set_period_days, add_adhoc_period).
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/refusal.h"
#include "plans/page_rules.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::coordination {

using nlohmann::json;

namespace period_pages {
namespace {

Date today() { return local_date(now_seconds()); }

std::string periods_href(int year) { return fmt::format("/ky-bao-cao?nam={}&da-luu=1", year); }

std::string trimmed(const http::Request& req, const std::string& name) {
  return std::string(text::trim(req.form_param(name).value_or("")));
}

json period_rows(const std::vector<ReportPeriod>& config, int year) {
  json rows = json::array();
  for (const auto& p : plans::periods_of_year(config, year, calendar())) {
    auto own = std::find_if(config.begin(), config.end(),
                            [&](const auto& x) { return p.key == fmt::format("{}-{}", year, x.code); });
    bool set = own != config.end() && own->due_in.count(year);
    auto plain = *own;
    plain.due_in.clear();
    rows.push_back({{"code", own->code},
                    {"label", p.label},
                    {"first", format_date_vi(p.first)},
                    {"last", format_date_vi(p.last)},
                    {"due", set ? format_date_vi(own->due_in.at(year)) : ""},
                    {"default_due", format_date_vi(plans::periods_of_year({plain}, year, calendar()).front().due)},
                    {"effective", format_date_vi(p.due)},
                    {"adhoc", p.adhoc}});
  }
  return rows;
}

// The periods page; `error` is a refusal's ({"message": …}), with the
// ad-hoc period's form as typed when it has "name".
http::Response periods_page(Pages& x, http::Request& req, int year, const json& error) {
  auto config = x.db.read([&](db::Connection& c) { return plans::load_report_periods(c); });
  json rows = period_rows(config, year);
  Date day = today();
  json years = json::array();
  for (int y = int(day.year()) + 1; y >= int(day.year()) - 2; --y) {
    years.push_back({{"value", std::to_string(y)}, {"label", fmt::format("Năm {}", y)}, {"selected", y == year}});
  }
  // The periods hold for the whole province: its coordinator sets them,
  // the others read them.
  bool can_edit = directory::may_act_on_province(x.db, *req.principal, "plans.review");
  json data = {{"csrf", csrf_token(req)},
               {"year", std::to_string(year)},
               {"years", years},
               {"rows", rows},
               {"can_edit", can_edit},
               {"read_only", !can_edit},
               {"notice", req.query_param("da-luu").has_value()}};
  if (!error.is_null()) {
    data["error"] = error;
    if (error.contains("name")) data["typed"] = error;  // the ad-hoc period's form, as typed
  }
  data["any_adhoc"] = std::any_of(rows.begin(), rows.end(), [](const json& r) { return r["adhoc"].get<bool>(); });
  return http::html(req, x.layout.page(req, "Kỳ báo cáo và hạn gửi báo cáo", "plans/periods.tpl", data));
}

http::Response periods(Pages& x, http::Request& req) {
  return periods_page(x, req, plans::page_year(req.query_param("nam").value_or(""), int(today().year())), nullptr);
}

// An ad-hoc period (đột xuất) of a year.
// The periods and their due days hold for the whole province: set by its
// coordinator.
http::Response add_adhoc(Pages& x, http::Request& req) {
  directory::require_province(x.db, req, "plans.review");
  int year = int(today().year());
  return http::refusing(
      [&] {
        auto first = parse_date_input(trimmed(req, "tu_ngay"));
        auto last = parse_date_input(trimmed(req, "den_ngay"));
        auto due = parse_date_input(trimmed(req, "han"));
        year = int(first.year());
        plans::add_adhoc_period(x.db, trimmed(req, "ten"), first, last, due, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) {
        json typed = refused.json();
        typed["name"] = trimmed(req, "ten");
        typed["first"] = trimmed(req, "tu_ngay");
        typed["last"] = trimmed(req, "den_ngay");
        typed["due"] = trimmed(req, "han");
        return periods_page(x, req, year, typed);
      });
}

// An ad-hoc period's removal, while nothing is reported for it.
http::Response remove_adhoc(Pages& x, http::Request& req) {
  directory::require_province(x.db, req, "plans.review");
  auto code = req.params.at("code");
  int year = int(today().year());
  for (const auto& p : x.db.read([&](db::Connection& c) { return plans::load_report_periods(c); })) {
    if (p.code == code && p.only_year) year = *p.only_year;
  }
  return http::refusing(
      [&] {
        plans::remove_adhoc_period(x.db, code, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) { return periods_page(x, req, year, refused.json()); });
}

// The due days of a year's periods ("han_<code>"; blank: the default).
http::Response set_due_days(Pages& x, http::Request& req) {
  directory::require_province(x.db, req, "plans.review");
  int year = plans::page_year(req.form_param("nam").value_or(""), int(today().year()));
  return http::refusing(
      [&] {
        std::map<std::string, std::optional<Date>> due;
        for (const auto& p : x.db.read([&](db::Connection& c) { return plans::load_report_periods(c); })) {
          if (p.only_year && *p.only_year != year) continue;
          auto text = trimmed(req, "han_" + p.code);
          due[p.code] = text.empty() ? std::nullopt : std::optional(parse_date_input(text));
        }
        plans::set_period_days(x.db, year, due, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) { return periods_page(x, req, year, refused.json()); });
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/ky-bao-cao", "plans.review", periods},
      {http::Verb::post, "/ky-bao-cao/dot-xuat", "plans.review", add_adhoc},
      {http::Verb::post, "/ky-bao-cao/dot-xuat/{code}/xoa", "plans.review", remove_adhoc},
      {http::Verb::post, "/ky-bao-cao", "plans.review", set_due_days},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace period_pages

void add_period_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  period_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
