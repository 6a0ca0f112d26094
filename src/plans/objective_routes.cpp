// Objectives of a plan: add one (optionally quantitative, optionally linked
// to an indicator), report a value by hand, delete one. Shown on the plan
// page (routes.cpp). A refusal is an error page: the objective's form sits
// on the plan page, which does not show it again.
#include <fmt/format.h>

#include <memory>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "plans/page_rules.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

namespace objective_pages {
namespace {

// The objectives' context: which indicators an objective may follow.
struct ObjectivePages {
  db::Database& db;
  IndicatorSource source;
};

// The objective `id` and its plan.
std::pair<Objective, Plan> need_objective(db::Database& db, std::int64_t id) {
  auto found = db.read([&](db::Connection& c) -> std::optional<Objective> {
    auto rows = c.query("SELECT plan_id FROM plan_objectives WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    for (auto& o : plan_objectives(c, rows.rows[0].i64("plan_id"))) {
      if (o.id == id) return o;
    }
    return std::nullopt;
  });
  if (!found) throw not_found("no such objective", "Không tìm thấy mục tiêu.");
  return {*found, need_plan(db, found->plan_id)};
}

// The objective of the path and its plan, when the user manages the plan's unit.
std::pair<Objective, Plan> managed_objective(ObjectivePages& x, const http::Request& req) {
  auto found = need_objective(x.db, req.int_param());
  require(x.db, req, "plans.manage", found.second.unit_code);
  return found;
}

std::string objectives_href(const Plan& plan) { return fmt::format("/ke-hoach/{}#muc-tieu", plan.id); }

http::Response create(ObjectivePages& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  require(x.db, req, "plans.manage", plan.unit_code);
  Objective o;
  o.plan_id = plan.id;
  o.area_code = req.form_param("linh_vuc").value_or("");
  o.text = req.form_param("noi_dung").value_or("");
  o.target_unit = req.form_param("don_vi_tinh").value_or("%");
  o.level = req.form_param("cap").value_or("");
  o.indicator = req.form_param("chi_so").value_or("");
  if (!o.indicator.empty() && std::none_of(x.source.indicators.begin(), x.source.indicators.end(),
                                           [&](const auto& i) { return i.first == o.indicator; })) {
    throw invalid_input("unknown indicator", "Chỉ số không hợp lệ.");
  }
  o.target = objective_amount(req.form_param("chi_tieu").value_or(""), "Chỉ tiêu");
  add_objective(x.db, o, directory::actor(req), now_seconds());
  return http::redirect(req, objectives_href(plan));
}

http::Response set_value(ObjectivePages& x, http::Request& req) {
  auto [o, plan] = managed_objective(x, req);
  set_objective_value(x.db, o.id, objective_amount(req.form_param("ket_qua").value_or(""), "Kết quả"),
                      directory::actor(req), now_seconds());
  return http::redirect(req, objectives_href(plan));
}

http::Response remove_objective(ObjectivePages& x, http::Request& req) {
  auto [o, plan] = managed_objective(x, req);
  delete_objective(x.db, o.id, directory::actor(req), now_seconds());
  return http::redirect(req, objectives_href(plan));
}

void add(http::Router& router, std::shared_ptr<ObjectivePages> pages) {
  const http::RouteTo<ObjectivePages> routes[] = {
      {http::Verb::post, "/ke-hoach/{id}/muc-tieu", "plans.manage", create},
      {http::Verb::post, "/muc-tieu/{id}/ket-qua", "plans.manage", set_value},
      {http::Verb::post, "/muc-tieu/{id}/xoa", "plans.manage", remove_objective},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace objective_pages

void add_objective_routes(http::Router& router, db::Database& db, const IndicatorSource& source) {
  using objective_pages::ObjectivePages;
  objective_pages::add(router, std::make_shared<ObjectivePages>(ObjectivePages{db, source}));
}

}  // namespace cchc::plans
