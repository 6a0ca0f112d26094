// Objectives of a plan: add one (optionally quantitative, optionally linked
// to an indicator), report a value by hand, delete one. Shown on the plan
// page (routes.cpp).
#include <fmt/format.h>

#include <cmath>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

namespace {

// "70", "70,5", "70.5" → 70.5; "" → nullopt; else invalid_input naming the field.
std::optional<double> amount(const std::string& field, const std::string& what_vi) {
  try {
    return text::parse_decimal(field);
  } catch (const Error&) {
    throw invalid_input(fmt::format("'{}' is not a number", field), what_vi + " phải là một số (ví dụ 70 hoặc 70,5).");
  }
}

Objective need_objective(db::Database& db, std::int64_t id, Plan& plan) {
  auto found = db.read([&](db::Connection& c) -> std::optional<Objective> {
    auto rows = c.query("SELECT plan_id FROM plan_objectives WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    for (auto& o : plan_objectives(c, rows.rows[0].i64("plan_id"))) {
      if (o.id == id) return o;
    }
    return std::nullopt;
  });
  if (!found) throw not_found("no such objective", "Không tìm thấy mục tiêu.");
  plan = need_plan(db, found->plan_id);
  return *found;
}

}  // namespace

void add_objective_routes(http::Router& router, db::Database& db, const IndicatorSource& source) {
  router.add(http::Verb::post, "/ke-hoach/{id}/muc-tieu", "plans.manage", [&db, source](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    Objective o;
    o.plan_id = plan.id;
    o.area_code = req.form_param("linh_vuc").value_or("");
    o.text = req.form_param("noi_dung").value_or("");
    o.target_unit = req.form_param("don_vi_tinh").value_or("%");
    o.level = req.form_param("cap").value_or("");
    o.indicator = req.form_param("chi_so").value_or("");
    if (!o.indicator.empty() && std::none_of(source.indicators.begin(), source.indicators.end(),
                                             [&](const auto& i) { return i.first == o.indicator; })) {
      throw invalid_input("unknown indicator", "Chỉ số không hợp lệ.");
    }
    o.target = amount(req.form_param("chi_tieu").value_or(""), "Chỉ tiêu");
    add_objective(db, o, directory::actor(req), now_seconds());
    return http::redirect(req, fmt::format("/ke-hoach/{}#muc-tieu", plan.id));
  });
  router.add(http::Verb::post, "/muc-tieu/{id}/ket-qua", "plans.manage", [&db](http::Request& req) {
    Plan plan;
    auto o = need_objective(db, req.int_param(), plan);
    require(db, req, "plans.manage", plan.unit_code);
    set_objective_value(db, o.id, amount(req.form_param("ket_qua").value_or(""), "Kết quả"), directory::actor(req),
                        now_seconds());
    return http::redirect(req, fmt::format("/ke-hoach/{}#muc-tieu", plan.id));
  });
  router.add(http::Verb::post, "/muc-tieu/{id}/xoa", "plans.manage", [&db](http::Request& req) {
    Plan plan;
    auto o = need_objective(db, req.int_param(), plan);
    require(db, req, "plans.manage", plan.unit_code);
    delete_objective(db, o.id, directory::actor(req), now_seconds());
    return http::redirect(req, fmt::format("/ke-hoach/{}#muc-tieu", plan.id));
  });
}

}  // namespace cchc::plans
