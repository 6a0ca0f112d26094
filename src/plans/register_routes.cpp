// The register of plans owed (register.h): /ke-hoach/{id}/so-theo-doi shows
// it; whoever manages the plan sets which units must issue theirs and by when.
#include <fmt/format.h>

#include <set>

#include "core/errors.h"
#include "core/text.h"
#include "http/session.h"
#include "plans/register.h"
#include "plans/route_support.h"
#include "plans/routes.h"

namespace cchc::plans {

using nlohmann::json;

void add_register_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  auto page = [&db, &layout](http::Request& req, json error, http::Status status) {
    auto plan = need_plan(db, req.int_param());
    Date today = local_date(now_seconds());
    std::vector<RegisterRow> rows;
    std::optional<Requirement> requirement;
    std::vector<UnitRow> units;
    std::vector<std::pair<std::string, std::string>> levels;
    db.read([&](db::Connection& c) {
      rows = plan_register(c, plan, today);
      requirement = find_requirement(c, plan.id);
      units = unit_rows(c);
      levels = unit_levels(c);
    });
    auto names = names_of(units);
    json register_rows = json::array();
    std::map<std::string, int> counts;
    for (const auto& r : rows) {
      ++counts[r.state];
      register_rows.push_back(
          {{"unit", names[r.unit_code]},
           {"state", register_state_label_vi(r.state)},
           {"state_code", r.state},
           {"issued_plan", r.plan ? json{{"href", fmt::format("/ke-hoach/{}", r.plan->id)},
                                         {"number", r.plan->number},
                                         {"issued", r.plan->issued_on ? format_date_vi(*r.plan->issued_on) : "—"}}
                                  : json(false)}});
    }
    bool can_manage = may(db, req, "plans.manage", plan.unit_code);
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
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}, {"title", plan.title}}},
                 {"has_requirement", requirement.has_value()},
                 {"due", requirement ? format_date_vi(requirement->due) : ""},
                 {"rows", register_rows},
                 {"none", register_rows.empty()},
                 {"on_time", text::format_int(counts["on_time"])},
                 {"late", text::format_int(counts["late"])},
                 {"missing", text::format_int(counts["missing"])},
                 {"pending", text::format_int(counts["pending"])},
                 {"can_manage", can_manage},
                 {"levels", level_options},
                 {"units", unit_choices}};
    if (!error.is_null()) data["error"] = error;
    return http::html(req, layout.page(req, "Sổ theo dõi kế hoạch của các đơn vị", "plans/register.tpl", data), status);
  };
  router.add(http::Verb::get, "/ke-hoach/{id}/so-theo-doi", "plans.read",
             [page](http::Request& req) { return page(req, nullptr, http::Status::ok); });
  router.add(http::Verb::post, "/ke-hoach/{id}/so-theo-doi", "plans.manage", [&db, page](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    Requirement r;
    r.plan_id = plan.id;
    auto [a, b] = req.form().equal_range("cap");
    for (auto it = a; it != b && r.levels.size() < 50; ++it) r.levels.push_back(it->second);
    auto [c, d] = req.form().equal_range("don_vi");
    for (auto it = c; it != d && r.units.size() < 2000; ++it) r.units.push_back(it->second);
    try {
      auto due = std::string(text::trim(req.form_param("han").value_or("")));
      if (!r.levels.empty() || !r.units.empty()) {
        if (due.empty()) throw invalid_input("the due day is missing", "Cần ghi hạn ban hành kế hoạch.");
        r.due = parse_date_input(due);
      }
      set_requirement(db, r, directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return page(req, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
    }
    return http::redirect(req, fmt::format("/ke-hoach/{}/so-theo-doi", plan.id));
  });
}

}  // namespace cchc::plans
