// Plans owed: the register's rules and its SQL (register.h).
#include "coordination/register.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "db/columns.h"

namespace cchc::coordination {

using namespace std::chrono;

std::vector<std::string> required_units(const Requirement& r, const std::vector<UnitRow>& units,
                                        const std::string& plan_unit) {
  std::set<std::string> levels(r.levels.begin(), r.levels.end()), named(r.units.begin(), r.units.end());
  std::vector<std::string> out;
  for (const auto& u : units) {
    if (u.code == plan_unit) continue;
    if ((u.open && levels.count(u.level)) || named.count(u.code)) out.push_back(u.code);
  }
  return out;
}

std::vector<RegisterRow> register_rows(const Requirement& r, const std::vector<std::string>& required,
                                       const std::vector<Plan>& children, Date today) {
  std::vector<RegisterRow> out;
  Date late_day{sys_days{r.due} + days{1}};
  auto issued_day = [&](const Plan& p) { return p.issued_on.value_or(late_day); };
  for (const auto& unit : required) {
    RegisterRow row{unit, std::nullopt, ""};
    for (const auto& p : children) {
      if (p.unit_code != unit || p.status == "draft") continue;
      if (!row.plan || sys_days{issued_day(p)} < sys_days{issued_day(*row.plan)}) row.plan = p;
    }
    if (row.plan) {
      row.state = sys_days{issued_day(*row.plan)} <= sys_days{r.due} ? "on_time" : "late";
    } else {
      row.state = sys_days{today} > sys_days{r.due} ? "missing" : "pending";
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string register_state_label_vi(std::string_view state) {
  if (state == "on_time") return "Đã ban hành đúng hạn";
  if (state == "late") return "Ban hành trễ hạn";
  if (state == "missing") return "Chưa ban hành (quá hạn)";
  return "Chưa ban hành (chưa đến hạn)";
}

std::optional<Date> requirement_due(bool any_chosen, std::string_view text) {
  if (!any_chosen) return std::nullopt;
  auto due = text::trim(text);
  if (due.empty()) throw invalid_input("the due day is missing", "Cần ghi hạn ban hành kế hoạch.").at("han");
  return parse_date_input(due);
}

namespace {

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    auto piece =
        text::trim(std::string_view(s).substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!piece.empty()) out.emplace_back(piece);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

}  // namespace

std::optional<Requirement> find_requirement(db::Connection& c, std::int64_t plan_id) {
  static const db::Columns<Requirement> row{
      {"plan_id", &Requirement::plan_id},
      {"levels", &Requirement::levels, lines},
      {"units", &Requirement::units, lines},
      {"due_on", &Requirement::due},
  };
  auto rows = c.query(fmt::format("SELECT {} FROM plan_requirements WHERE plan_id = ?", row.list()), {plan_id});
  if (rows.empty()) return std::nullopt;
  return row.read(rows.rows[0]);
}

void set_requirement(db::Connection& c, const Requirement& r, const audit::Entry& who, Instant now) {
  auto plan = plans::find_plan(c, r.plan_id);
  if (!plan) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto before = find_requirement(c, r.plan_id);
  auto json_of = [](const Requirement& q) {
    return nlohmann::json{{"levels", q.levels}, {"units", q.units}, {"due", format_iso_date(q.due)}}.dump();
  };
  c.query("DELETE FROM plan_requirements WHERE plan_id = ?", {r.plan_id});
  if (r.levels.empty() && r.units.empty()) {
    audit::record(c, who, "delete", "plan_requirements", std::to_string(r.plan_id),
                  before ? std::optional(json_of(*before)) : std::nullopt, std::nullopt, now);
    return;
  }
  std::set<std::string> known_levels, known_units;
  for (const auto& [code, name] : plans::unit_levels(c)) known_levels.insert(code);
  for (const auto& u : plans::unit_rows(c)) known_units.insert(u.code);
  for (const auto& l : r.levels) {
    if (!known_levels.count(l)) throw invalid_input("unknown level " + l, "Cấp đơn vị không hợp lệ.");
  }
  for (const auto& u : r.units) {
    if (!known_units.count(u)) throw invalid_input("unknown unit " + u, "Đơn vị không hợp lệ.");
  }
  if (plan->issued_on && sys_days{r.due} < sys_days{*plan->issued_on}) {
    throw invalid_input("the due day is before the plan was issued",
                        "Hạn ban hành không được trước ngày ban hành kế hoạch.");
  }
  c.query("INSERT INTO plan_requirements (plan_id, levels, units, due_on, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)",
          {r.plan_id, joined(r.levels), joined(r.units), format_iso_date(r.due), who.actor,
           std::int64_t(now.time_since_epoch().count())});
  audit::record(c, who, before ? "update" : "create", "plan_requirements", std::to_string(r.plan_id),
                before ? std::optional(json_of(*before)) : std::nullopt, json_of(r), now);
}

void set_requirement(db::Database& db, const Requirement& r, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { set_requirement(c, r, who, now); });
}

std::vector<Plan> implementing_plans(db::Connection& c, std::int64_t plan_id) {
  std::vector<Plan> out;
  for (const auto& p : plans::list_plans(c)) {
    if (p.parent_id && *p.parent_id == plan_id) out.push_back(p);
  }
  return out;
}

std::vector<RegisterRow> plan_register(db::Connection& c, const Plan& plan, Date today) {
  auto requirement = find_requirement(c, plan.id);
  if (!requirement) return {};
  return register_rows(*requirement, required_units(*requirement, plans::unit_rows(c), plan.unit_code),
                       implementing_plans(c, plan.id), today);
}

std::vector<std::pair<Plan, Requirement>> plans_owed_by(db::Connection& c, const std::string& unit, Date today) {
  std::vector<std::pair<Plan, Requirement>> out;
  auto units = plans::unit_rows(c);
  for (const auto& r : c.query("SELECT plan_id FROM plan_requirements ORDER BY due_on, plan_id").rows) {
    auto plan = plans::find_plan(c, r.i64("plan_id"));
    auto requirement = find_requirement(c, r.i64("plan_id"));
    if (!plan || !requirement || plan->status != "issued") continue;
    auto required = required_units(*requirement, units, plan->unit_code);
    if (std::find(required.begin(), required.end(), unit) == required.end()) continue;
    auto rows = register_rows(*requirement, {unit}, implementing_plans(c, plan->id), today);
    if (rows[0].state == "missing" || rows[0].state == "pending") out.emplace_back(*plan, *requirement);
  }
  return out;
}

}  // namespace cchc::coordination
