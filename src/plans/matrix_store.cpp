// The matrix import: a sheet read, its unit names resolved, its tasks
// written (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "directory/read.h"
#include "plans/matrix.h"
#include "plans/rows.h"

namespace cchc::plans {

using nlohmann::json;
using namespace std::chrono;

namespace {

// CSV text or XLSX bytes as rows of cells.
Grid grid_of(std::string_view file) {
  if (xlsx::looks_like_zip(file)) return xlsx::read_first_sheet(file);
  Grid g;
  for (auto& r : csv::parse(file)) g.emplace_back(r.line, std::move(r.fields));
  return g;
}

}  // namespace

UnitMatcher plan_matcher(db::Connection& c, const Plan& plan) {
  std::vector<Alias> aliases;
  for (const auto& r : c.query("SELECT alias, unit_code, level_code FROM unit_aliases").rows) {
    aliases.push_back({r.str("alias"), r.opt_str("unit_code").value_or(""), r.opt_str("level_code").value_or("")});
  }
  auto province = c.query("SELECT value FROM settings WHERE key = 'province_name'");
  return UnitMatcher(directory::units_valid_on(c, plan.issued_on.value_or(Date{year{plan.year} / January / 1})),
                     aliases, province.empty() ? "" : province.rows[0].str("value"), plan.unit_code);
}

MatrixImport import_matrix(db::Database& db, std::int64_t plan_id, std::string_view file,
                           const Resolutions& resolutions, bool write, bool replace, const audit::Entry& who,
                           Instant now, const std::function<void(db::Connection&)>& in_transaction) {
  MatrixImport out;
  auto grid = grid_of(file);
  std::optional<Plan> plan;
  std::optional<UnitMatcher> matcher;
  std::vector<Area> areas;
  db.read([&](db::Connection& c) {
    plan = find_plan(c, plan_id);
    if (!plan) return;
    areas = load_areas(c);
    matcher = plan_matcher(c, *plan);
  });
  if (!plan) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto read = read_matrix(grid, areas);
  out.errors = std::move(read.errors);
  out.rows = std::move(read.rows);
  out.unresolved = resolve_units(out.rows, *matcher, resolutions);
  for (const auto& row : out.rows) {
    if (row.leads.empty() && !row.lead_cell.empty() &&
        std::none_of(out.unresolved.begin(), out.unresolved.end(), [&](const auto& u) {
          return std::find(u.lines.begin(), u.lines.end(), row.line) != u.lines.end();
        })) {
      out.errors.push_back({row.line, fmt::format("line {}: no lead unit", row.line),
                            fmt::format("Dòng {}: chưa có cơ quan chủ trì.", row.line)});
    }
  }
  if (!out.ok() || !write) return out;
  db.write([&](db::Connection& c) {
    write_matrix(c, *plan, out, resolutions, replace, who, now);
    if (in_transaction) in_transaction(c);
  });
  return out;
}

void write_matrix(db::Connection& c, const Plan& plan, MatrixImport& checked, const Resolutions& resolutions,
                  bool replace, const audit::Entry& who, Instant now) {
  auto existing = c.query("SELECT COUNT(*) AS n FROM plan_tasks WHERE plan_id = ?", {plan.id}).one().i64("n");
  if (existing > 0) {
    if (!replace) {
      throw Error(ErrorKind::conflict, fmt::format("plan {} already has {} tasks", plan.number, existing),
                  fmt::format("Kế hoạch đã có {} nhiệm vụ; chọn thay thế để nhập lại.", existing));
    }
    auto reported = c.query(
                         "SELECT COUNT(*) AS n FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                         "WHERE t.plan_id = ?",
                         {plan.id})
                        .one()
                        .i64("n");
    if (reported > 0) {
      throw Error(ErrorKind::conflict, "the plan's tasks have reports; edit the matrix instead of replacing it",
                  "Nhiệm vụ của kế hoạch đã có báo cáo; hãy sửa từng dòng thay vì nhập lại.");
    }
    c.query("DELETE FROM task_units WHERE task_id IN (SELECT id FROM plan_tasks WHERE plan_id = ?)", {plan.id});
    c.query("DELETE FROM plan_tasks WHERE plan_id = ?", {plan.id});
  }
  std::int64_t t = now.time_since_epoch().count();
  int ord = 0;
  for (const auto& row : checked.rows) {
    auto id = c.query(
                   "INSERT INTO plan_tasks (plan_id, ord, ref, area_code, objective_text, description, output, "
                   "deadline_text, deadline_kind, due_on, deadline_milestones, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {plan.id, ++ord, row.ref, row.area_code, text::nfc(row.objective), text::nfc(row.description),
                    text::nfc(row.output), format_deadline(*row.deadline), kind_code(row.deadline->kind),
                    opt_iso(row.deadline->due), encode_milestones(row.deadline->milestones), t, t})
                  .one()
                  .i64("id");
    for (const auto& u : row.leads) c.query("INSERT INTO task_units VALUES (?, ?, 'lead')", {id, u});
    for (const auto& u : row.cooperates) c.query("INSERT INTO task_units VALUES (?, ?, 'cooperate')", {id, u});
  }
  for (const auto& [key, target] : resolutions) {
    bool level = target.rfind("level:", 0) == 0;
    c.query("DELETE FROM unit_aliases WHERE alias = ?", {key});
    c.query("INSERT INTO unit_aliases (alias, unit_code, level_code, created_at) VALUES (?, ?, ?, ?)",
            {key, level ? db::Param(nullptr) : db::Param(target),
             level ? db::Param(target.substr(6)) : db::Param(nullptr), t});
    audit::record(c, who, "create", "unit_aliases", key, std::nullopt, json{{"target", target}}.dump(), now);
  }
  audit::record(c, who, "import", "plan_tasks", std::to_string(plan.id), std::nullopt,
                json{{"tasks", checked.rows.size()}, {"replaced", existing}}.dump(), now);
  touch(c, Changed::plan, plan.id);
  checked.written = int(checked.rows.size());
}

}  // namespace cchc::plans
