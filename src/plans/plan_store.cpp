// Plans, the reform areas and the units plans name (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "directory/read.h"
#include "plans/json.h"
#include "plans/rows.h"
#include "plans/rules.h"

namespace cchc::plans {

using namespace std::chrono;

std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return format_iso_date(*d);
}

const db::Columns<Plan> kPlanRow{
    {"id", &Plan::id},
    {"number", &Plan::number},
    {"kind", &Plan::kind},
    {"unit_code", &Plan::unit_code},
    {"issued_on", &Plan::issued_on},
    {"title", &Plan::title},
    {"year", &Plan::year},
    {"parent_id", &Plan::parent_id},
    {"legal_bases", &Plan::legal_bases},
    {"objectives", &Plan::objectives},
    {"status", &Plan::status},
};

namespace {

void check_plan_refs(db::Connection& c, const Plan& p) {
  if (!directory::unit_exists(c, p.unit_code)) {
    throw invalid_input(fmt::format("no unit '{}'", p.unit_code), "Không có đơn vị ban hành này.");
  }
  if (p.parent_id && c.query("SELECT 1 FROM plans WHERE id = ?", {*p.parent_id}).empty()) {
    throw invalid_input("the plan it implements does not exist", "Không có kế hoạch cấp trên này.");
  }
}

// A number is unique per issuing unit and year (number_year), not across
// the province. The plan itself (p.id; 0 when new) is left out.
void check_plan_number_free(db::Connection& c, const Plan& p) {
  int year = number_year(p);
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM plans WHERE unit_code = ? AND number = ? AND id <> ?", kPlanRow.list()),
               {p.unit_code, p.number, p.id})
           .rows) {
    if (number_year(kPlanRow.read(r)) != year) continue;
    throw invalid_input(fmt::format("unit {} already has a plan numbered '{}' in {}", p.unit_code, p.number, year),
                        fmt::format("Đã có kế hoạch số {} của đơn vị này trong năm {}.", p.number, year));
  }
}

}  // namespace

std::vector<Area> load_areas(db::Connection& c) {
  static const db::Columns<Area> row{{"code", &Area::code}, {"name", &Area::name}, {"ord", &Area::ord}};
  return row.read_all(c.query(fmt::format("SELECT {} FROM reform_areas WHERE active = 1 ORDER BY ord", row.list())));
}

std::int64_t data_version(db::Connection& c) {
  return c.query("SELECT version FROM plan_data_version WHERE id = 1").one().i64("version");
}

std::vector<std::pair<std::string, std::string>> unit_levels(db::Connection& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : directory::load_levels(c)) out.emplace_back(l.code, l.name);
  return out;
}

std::vector<UnitRow> unit_rows(db::Connection& c) {
  std::map<std::string, int> rank;
  std::set<std::string> unranked;
  for (const auto& l : directory::load_levels(c)) {
    rank[l.code] = l.rank;
    if (!l.ranked) unranked.insert(l.code);
  }
  std::vector<UnitRow> out;
  std::vector<int> ranks;
  Date today = local_date(now_seconds());
  for (const auto& u : directory::load_units(c)) {
    auto level = rank.find(u.level);
    if (level == rank.end()) continue;
    out.push_back(
        {u.code, u.name, u.parent_code, u.level, !u.valid_to || *u.valid_to >= today, !unranked.count(u.level)});
    ranks.push_back(level->second);
  }
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (ranks[a] != ranks[b]) return ranks[a] < ranks[b];
    return text::collate_less(out[a].name, out[b].name);
  });
  std::vector<UnitRow> sorted;
  for (size_t i : order) sorted.push_back(out[i]);
  return sorted;
}

Plan create_plan(db::Connection& c, Plan p, const audit::Entry& who, Instant now) {
  p.number = std::string(text::trim(text::nfc(p.number)));
  p.title = std::string(text::trim(text::nfc(p.title)));
  p.legal_bases = text::nfc(p.legal_bases);
  p.objectives = text::nfc(p.objectives);
  if (auto errors = check_plan(p); !errors.empty()) throw rejected(errors);
  check_plan_refs(c, p);
  check_plan_number_free(c, p);
  std::int64_t t = now.time_since_epoch().count();
  p.id = c.query(
              "INSERT INTO plans (number, kind, unit_code, issued_on, title, year, parent_id, legal_bases, "
              "objectives, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "RETURNING id",
              {p.number, p.kind, p.unit_code, opt_iso(p.issued_on), p.title, p.year, p.parent_id, p.legal_bases,
               p.objectives, p.status, t, t})
             .one()
             .i64("id");
  audit::record(c, who, "create", "plans", std::to_string(p.id), std::nullopt, to_json(p).dump(), now);
  touch(c, Changed::plan, p.id);
  return p;
}

Plan create_plan(db::Database& db, Plan plan, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return create_plan(c, std::move(plan), who, now); });
}

Plan update_plan(db::Connection& c, const Plan& changed, const audit::Entry& who, Instant now) {
  Plan p = changed;
  p.title = std::string(text::trim(text::nfc(p.title)));
  p.legal_bases = text::nfc(p.legal_bases);
  p.objectives = text::nfc(p.objectives);
  auto before = find_plan(c, p.id);
  if (!before) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  p.number = before->number;
  if (auto errors = check_plan(p); !errors.empty()) throw rejected(errors);
  check_plan_refs(c, p);
  check_plan_number_free(c, p);
  if (p.parent_id && *p.parent_id == p.id)
    throw invalid_input("a plan cannot implement itself", "Kế hoạch không thể thực hiện chính nó.");
  c.query(
      "UPDATE plans SET kind = ?, unit_code = ?, issued_on = ?, title = ?, year = ?, parent_id = ?, "
      "legal_bases = ?, objectives = ?, status = ?, updated_at = ? WHERE id = ?",
      {p.kind, p.unit_code, opt_iso(p.issued_on), p.title, p.year, p.parent_id, p.legal_bases, p.objectives, p.status,
       std::int64_t(now.time_since_epoch().count()), p.id});
  audit::record(c, who, "update", "plans", std::to_string(p.id), to_json(*before).dump(), to_json(p).dump(), now);
  touch(c, Changed::plan, p.id);
  return p;
}

Plan update_plan(db::Database& db, const Plan& plan, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return update_plan(c, plan, who, now); });
}

std::optional<Plan> find_plan(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM plans WHERE id = ?", kPlanRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kPlanRow.read(rows.rows[0]);
}

std::vector<Plan> plans_numbered(db::Connection& c, const std::string& number, const std::string& unit, int year) {
  std::vector<Plan> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM plans WHERE number = ? ORDER BY id", kPlanRow.list()),
                               {std::string(text::trim(text::nfc(number)))})
                           .rows) {
    auto p = kPlanRow.read(r);
    if ((unit.empty() || p.unit_code == unit) && (year == 0 || number_year(p) == year)) out.push_back(std::move(p));
  }
  return out;
}

std::vector<Plan> list_plans(db::Connection& c, int year) {
  return kPlanRow.read_all(
      year ? c.query(fmt::format("SELECT {} FROM plans WHERE year = ? ORDER BY year DESC, id", kPlanRow.list()), {year})
           : c.query(fmt::format("SELECT {} FROM plans ORDER BY year DESC, id", kPlanRow.list())));
}

}  // namespace cchc::plans
