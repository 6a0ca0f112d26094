// A plan's objectives and their targets (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "directory/read.h"
#include "plans/rows.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

json objective_json(const Objective& o) {
  return {{"plan_id", o.plan_id},
          {"area", o.area_code},
          {"text", o.text},
          {"target_unit", o.target_unit},
          {"indicator", o.indicator},
          {"level", o.level},
          {"target", o.target ? json(*o.target) : json()},
          {"manual_value", o.manual_value ? json(*o.manual_value) : json()}};
}

void check_amount(std::optional<double> v, const std::string& unit, const char* what_en, const char* what_vi) {
  if (!v) return;
  if (!std::isfinite(*v) || *v < 0 || (unit == "%" && *v > 100)) {
    throw invalid_input(fmt::format("the {} must be 0 or more (at most 100 for %)", what_en),
                        fmt::format("{} phải từ 0 trở lên (tối đa 100 với %).", what_vi));
  }
}

}  // namespace

std::vector<Objective> plan_objectives(db::Connection& c, std::int64_t plan_id) {
  std::vector<Objective> out;
  for (const auto& r :
       c.query("SELECT o.id, o.plan_id, o.area_code, o.text, o.target_unit, o.indicator, o.manual_value, "
               "t.level_code, t.value FROM plan_objectives o LEFT JOIN objective_targets t "
               "ON t.objective_id = o.id WHERE o.plan_id = ? ORDER BY o.ord, o.id",
               {plan_id})
           .rows) {
    Objective o;
    o.id = r.i64("id");
    o.plan_id = r.i64("plan_id");
    o.area_code = r.str("area_code");
    o.text = r.str("text");
    o.target_unit = r.str("target_unit");
    o.indicator = r.str("indicator");
    if (!r.is_null("manual_value")) o.manual_value = r.f64("manual_value");
    if (!r.is_null("value")) {
      o.target = r.f64("value");
      o.level = r.str("level_code");
    }
    out.push_back(std::move(o));
  }
  return out;
}

Objective add_objective(db::Connection& c, Objective o, const audit::Entry& who, Instant now) {
  o.text = text::nfc(text::trim(o.text));
  o.target_unit = text::nfc(text::trim(o.target_unit));
  if (o.text.empty() || text::code_points(o.text) > 2000) {
    throw invalid_input("the objective must be 1-2000 characters", "Mục tiêu phải có từ 1 đến 2.000 ký tự.");
  }
  if (text::code_points(o.target_unit) > 30)
    throw invalid_input("the unit is over 30 characters", "Đơn vị tính quá dài.");
  // An indicator's objective is a rate: "%" before the bounds are checked.
  if (!o.indicator.empty()) o.target_unit = "%";
  check_amount(o.target, o.target_unit, "target", "Chỉ tiêu");
  check_amount(o.manual_value, o.target_unit, "value", "Kết quả");
  if (!find_plan(c, o.plan_id)) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto areas = load_areas(c);
  if (std::none_of(areas.begin(), areas.end(), [&](const auto& a) { return a.code == o.area_code; })) {
    throw invalid_input("unknown area", "Lĩnh vực không hợp lệ.");
  }
  if (!o.level.empty() && !directory::is_level(c, o.level)) {
    throw invalid_input("unknown level", "Cấp đơn vị không hợp lệ.");
  }
  auto ord = c.query("SELECT COALESCE(MAX(ord), 0) + 1 AS n FROM plan_objectives WHERE plan_id = ?", {o.plan_id})
                 .one()
                 .i64("n");
  o.id = c.query(
              "INSERT INTO plan_objectives (plan_id, area_code, ord, text, target_unit, indicator, manual_value) "
              "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {o.plan_id, o.area_code, ord, o.text, o.target_unit, o.indicator, o.manual_value})
             .one()
             .i64("id");
  if (o.target) {
    c.query("INSERT INTO objective_targets (objective_id, level_code, value) VALUES (?, ?, ?)",
            {o.id, o.level, *o.target});
  }
  audit::record(c, who, "create", "plan_objectives", std::to_string(o.id), std::nullopt, objective_json(o).dump(), now);
  touch(c, Changed::other);
  return o;
}

Objective add_objective(db::Database& db, Objective o, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_objective(c, std::move(o), who, now); });
}

void set_objective_value(db::Connection& c, std::int64_t id, std::optional<double> value, const audit::Entry& who,
                         Instant now) {
  auto rows = c.query("SELECT target_unit, manual_value FROM plan_objectives WHERE id = ?", {id});
  if (rows.empty()) throw not_found("no such objective", "Không tìm thấy mục tiêu.");
  check_amount(value, rows.rows[0].str("target_unit"), "value", "Kết quả");
  db::Param stored = value ? db::Param(*value) : db::Param(nullptr);  // spelled out: GCC 12 warns on the optional
  c.query("UPDATE plan_objectives SET manual_value = ? WHERE id = ?", {stored, id});
  audit::record(c, who, "update", "plan_objectives", std::to_string(id), std::nullopt,
                json{{"manual_value", value ? json(*value) : json()}}.dump(), now);
  touch(c, Changed::other);
}

void set_objective_value(db::Database& db, std::int64_t id, std::optional<double> value, const audit::Entry& who,
                         Instant now) {
  db.write([&](db::Connection& c) { set_objective_value(c, id, value, who, now); });
}

void delete_objective(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now) {
  if (c.query("SELECT 1 FROM plan_objectives WHERE id = ?", {id}).empty()) {
    throw not_found("no such objective", "Không tìm thấy mục tiêu.");
  }
  c.query("UPDATE plan_tasks SET objective_id = NULL WHERE objective_id = ?", {id});
  c.query("DELETE FROM objective_targets WHERE objective_id = ?", {id});
  c.query("DELETE FROM plan_objectives WHERE id = ?", {id});
  audit::record(c, who, "delete", "plan_objectives", std::to_string(id), std::nullopt, std::nullopt, now);
  touch(c, Changed::other);
}

void delete_objective(db::Database& db, std::int64_t id, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { delete_objective(c, id, who, now); });
}

}  // namespace cchc::plans
