// The register of plans owed (register.h): /ke-hoach/{id}/so-theo-doi shows
// it; whoever manages the plan sets which units must issue theirs and by when.
#include <fmt/format.h>

#include <memory>
#include <set>

#include "coordination/register.h"
#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/errors.h"
#include "core/text.h"
#include "http/refusal.h"

namespace cchc::coordination {

using nlohmann::json;

namespace register_pages {
namespace {

json register_rows(const std::vector<RegisterRow>& rows, std::map<std::string, std::string>& names,
                   std::map<std::string, int>& counts) {
  json out = json::array();
  for (const auto& r : rows) {
    ++counts[r.state];
    out.push_back(
        {{"unit", names[r.unit_code]},
         {"state", register_state_label_vi(r.state)},
         {"state_code", r.state},
         {"issued_plan", r.plan ? json{{"href", fmt::format("/ke-hoach/{}", r.plan->id)},
                                       {"number", r.plan->number},
                                       {"issued", r.plan->issued_on ? format_date_vi(*r.plan->issued_on) : "—"}}
                                : json(false)}});
  }
  return out;
}

// The requirement's form: every level and open unit, those it names chosen.
json requirement_choices(const std::optional<Requirement>& requirement,
                         const std::vector<std::pair<std::string, std::string>>& levels,
                         const std::vector<UnitRow>& units) {
  std::set<std::string> chosen_levels, chosen_units;
  if (requirement) {
    chosen_levels.insert(requirement->levels.begin(), requirement->levels.end());
    chosen_units.insert(requirement->units.begin(), requirement->units.end());
  }
  json level_options = json::array(), unit_choices = json::array();
  for (const auto& [code, name] : levels) {
    level_options.push_back({{"code", code}, {"name", name}, {"checked", chosen_levels.count(code) > 0}});
  }
  for (const auto& u : units) {
    if (u.open)
      unit_choices.push_back({{"code", u.code}, {"name", u.name}, {"selected", chosen_units.count(u.code) > 0}});
  }
  return {{"levels", level_options}, {"units", unit_choices}};
}

// The register page; `error` is a refusal's.
http::Response register_page(Pages& x, http::Request& req, const json& error) {
  auto plan = need_plan(x.db, req.int_param());
  Date today = local_date(now_seconds());
  std::vector<RegisterRow> rows;
  std::optional<Requirement> requirement;
  std::vector<UnitRow> units;
  std::vector<std::pair<std::string, std::string>> levels;
  x.db.read([&](db::Connection& c) {
    rows = plan_register(c, plan, today);
    requirement = find_requirement(c, plan.id);
    units = plans::unit_rows(c);
    levels = plans::unit_levels(c);
  });
  auto names = names_of(units);
  std::map<std::string, int> counts;
  json listed = register_rows(rows, names, counts);
  auto choices = requirement_choices(requirement, levels, units);
  json data = {{"csrf", csrf_token(req)},
               {"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}, {"title", plan.title}}},
               {"has_requirement", requirement.has_value()},
               {"due", requirement ? format_date_vi(requirement->due) : ""},
               {"rows", listed},
               {"none", listed.empty()},
               {"on_time", text::format_int(counts["on_time"])},
               {"late", text::format_int(counts["late"])},
               {"missing", text::format_int(counts["missing"])},
               {"pending", text::format_int(counts["pending"])},
               {"can_manage", may(x.db, req, "plans.manage", plan.unit_code)},
               {"levels", choices["levels"]},
               {"units", choices["units"]}};
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, "Sổ theo dõi kế hoạch của các đơn vị", "plans/register.tpl", data));
}

http::Response show(Pages& x, http::Request& req) { return register_page(x, req, nullptr); }

// Which levels ("cap") and units ("don_vi") must issue their plans, by when ("han").
http::Response set_required(Pages& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  require(x.db, req, "plans.manage", plan.unit_code);
  Requirement r;
  r.plan_id = plan.id;
  auto [a, b] = req.form().equal_range("cap");
  for (auto it = a; it != b && r.levels.size() < 50; ++it) r.levels.push_back(it->second);
  auto [c, d] = req.form().equal_range("don_vi");
  for (auto it = c; it != d && r.units.size() < 2000; ++it) r.units.push_back(it->second);
  return http::refusing(
      [&] {
        if (auto due = requirement_due(!r.levels.empty() || !r.units.empty(), req.form_param("han").value_or(""))) {
          r.due = *due;
        }
        set_requirement(x.db, r, directory::actor(req), now_seconds());
        return http::redirect(req, fmt::format("/ke-hoach/{}/so-theo-doi", plan.id));
      },
      [&](const http::Refusal& refused) { return register_page(x, req, refused.json()); });
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/ke-hoach/{id}/so-theo-doi", "plans.read", show},
      {http::Verb::post, "/ke-hoach/{id}/so-theo-doi", "plans.manage", set_required},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace register_pages

void add_register_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  register_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
