#include "plans/store.h"

#include <fmt/format.h>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/parse.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "directory/read.h"
#include "directory/storage.h"
#include "plans/json.h"

namespace cchc::plans {

using nlohmann::json;
using namespace std::chrono;

namespace {

std::optional<Date> opt_date(const db::Row& r, std::string_view column) {
  auto s = r.opt_str(column);
  if (!s) return std::nullopt;
  return parse_iso_date(*s);
}

std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return format_iso_date(*d);
}

const char* kPlanColumns =
    "id, number, kind, unit_code, issued_on, title, year, parent_id, legal_bases, objectives, status";

Plan plan_of(const db::Row& r) {
  Plan p;
  p.id = r.i64("id");
  p.number = r.str("number");
  p.kind = r.str("kind");
  p.unit_code = r.str("unit_code");
  p.issued_on = opt_date(r, "issued_on");
  p.title = r.str("title");
  p.year = int(r.i64("year"));
  p.parent_id = r.opt_i64("parent_id");
  p.legal_bases = r.str("legal_bases");
  p.objectives = r.str("objectives");
  p.status = r.str("status");
  return p;
}

Report report_of(const db::Row& r) {
  Report o;
  o.task_id = r.i64("task_id");
  o.unit_code = r.str("unit_code");
  o.period = r.str("period");
  o.role = r.str("role");
  o.progress = r.str("progress");
  o.percent = int(r.i64("percent"));
  o.done_on = opt_date(r, "done_on");
  o.narrative = r.str("narrative");
  o.evidence = r.str("evidence");
  o.unchanged = r.i64("unchanged") != 0;
  o.reported_by = r.str("reported_by");
  o.reported_at = Instant{seconds{r.i64("reported_at")}};
  o.difficulties = r.str("difficulties");
  o.proposals = r.str("proposals");
  o.difficulties_answer = r.str("difficulties_answer");
  o.proposals_answer = r.str("proposals_answer");
  o.review = r.str("review");
  o.review_note = r.str("review_note");
  o.reviewed_by = r.opt_str("reviewed_by");
  if (auto at = r.opt_i64("reviewed_at")) o.reviewed_at = Instant{seconds{*at}};
  return o;
}

// Marks which reports count as of today (report_count_after_days).
void mark_counted(std::vector<Report>& reports, const CountPolicy& policy) {
  for (auto& r : reports) r.counted = report_counts(r.review, local_date(r.reported_at), policy);
}

const char* kReportColumns =
    "r.task_id, r.unit_code, r.period, r.role, r.progress, r.percent, r.done_on, r.narrative, r.evidence, "
    "r.unchanged, r.reported_by, r.reported_at, r.difficulties, r.proposals, r.difficulties_answer, "
    "r.proposals_answer, r.review, r.review_note, r.reviewed_by, r.reviewed_at";

const char* kTaskColumns =
    "t.id, t.plan_id, t.ord, t.ref, t.area_code, t.objective_text, t.description, t.output, t.deadline_text, "
    "t.deadline_kind, t.due_on, t.deadline_milestones, t.cancelled_reason";

// Tasks from rows of kTaskColumns, their units filled from task_units.
std::vector<Task> tasks_of(db::Connection& c, const db::Result& rows, const std::string& units_sql,
                           const std::vector<db::Param>& params) {
  std::vector<Task> out;
  std::map<std::int64_t, size_t> index;
  for (const auto& r : rows.rows) {
    Task t;
    t.id = r.i64("id");
    t.plan_id = r.i64("plan_id");
    t.ord = int(r.i64("ord"));
    t.ref = r.str("ref");
    t.area_code = r.str("area_code");
    t.objective = r.str("objective_text");
    t.description = r.str("description");
    t.output = r.str("output");
    t.deadline_text = r.str("deadline_text");
    t.deadline = deadline_from(r.str("deadline_kind"), opt_date(r, "due_on"), t.deadline_text,
                               decode_milestones(r.str("deadline_milestones")));
    t.cancelled_reason = r.opt_str("cancelled_reason");
    index[t.id] = out.size();
    out.push_back(std::move(t));
  }
  if (out.empty()) return out;
  for (const auto& r : c.query(units_sql, params).rows) {
    auto it = index.find(r.i64("task_id"));
    if (it == index.end()) continue;
    auto& t = out[it->second];
    (r.str("role") == "lead" ? t.leads : t.cooperates).push_back(r.str("unit_code"));
  }
  return out;
}

// Every write transaction calls this once.
void touch(db::Connection& c) { c.query("UPDATE plan_data_version SET version = version + 1 WHERE id = 1"); }

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
       c.query(fmt::format("SELECT {} FROM plans WHERE unit_code = ? AND number = ? AND id <> ?", kPlanColumns),
               {p.unit_code, p.number, p.id})
           .rows) {
    if (number_year(plan_of(r)) != year) continue;
    throw invalid_input(fmt::format("unit {} already has a plan numbered '{}' in {}", p.unit_code, p.number, year),
                        fmt::format("Đã có kế hoạch số {} của đơn vị này trong năm {}.", p.number, year));
  }
}

// CSV text or XLSX bytes as rows of cells.
Grid grid_of(std::string_view file) {
  if (xlsx::looks_like_zip(file)) return xlsx::read_first_sheet(file);
  Grid g;
  for (auto& r : csv::parse(file)) g.emplace_back(r.line, std::move(r.fields));
  return g;
}

}  // namespace

std::vector<Area> load_areas(db::Connection& c) {
  std::vector<Area> out;
  for (const auto& r : c.query("SELECT code, name, ord FROM reform_areas WHERE active = 1 ORDER BY ord").rows) {
    out.push_back({r.str("code"), r.str("name"), int(r.i64("ord"))});
  }
  return out;
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
  for (const auto& l : directory::load_levels(c)) rank[l.code] = l.rank;
  std::vector<UnitRow> out;
  std::vector<int> ranks;
  Date today = local_date(now_seconds());
  for (const auto& u : directory::load_units(c)) {
    auto level = rank.find(u.level);
    if (level == rank.end()) continue;
    out.push_back({u.code, u.name, u.parent_code, u.level, !u.valid_to || *u.valid_to >= today});
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

std::vector<ReportPeriod> load_report_periods(db::Connection& c) {
  std::vector<ReportPeriod> out;
  for (const auto& r : c.query("SELECT code, name, ord, first_mmdd, first_prev_year, last_mmdd, due_mmdd, year "
                               "FROM report_periods WHERE removed_at IS NULL ORDER BY ord, code")
                           .rows) {
    out.push_back({r.str("code"),
                   r.str("name"),
                   int(r.i64("ord")),
                   r.str("first_mmdd"),
                   r.str("last_mmdd"),
                   r.str("due_mmdd"),
                   r.i64("first_prev_year") != 0,
                   {},
                   r.is_null("year") ? std::nullopt : std::optional(int(r.i64("year")))});
  }
  for (const auto& r : c.query("SELECT year, code, due_on FROM report_period_days").rows) {
    for (auto& p : out) {
      if (p.code == r.str("code")) p.due_in[int(r.i64("year"))] = parse_iso_date(r.str("due_on"));
    }
  }
  return out;
}

void set_period_days(db::Database& db, int year, const std::map<std::string, std::optional<Date>>& due,
                     const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto config = load_report_periods(c);
    std::vector<LineError> errors;
    for (const auto& [code, day] : due) {
      auto p = std::ranges::find(config, code, &ReportPeriod::code);
      if (p == config.end()) {
        errors.push_back({0, "unknown period " + code, "Kỳ báo cáo không hợp lệ."});
        continue;
      }
      if (!day) continue;
      if (p->only_year && *p->only_year != year) {
        errors.push_back({0, fmt::format("{}: a period of {} only", code, *p->only_year), "Kỳ báo cáo không hợp lệ."});
        continue;
      }
      auto plain = *p;
      plain.due_in.clear();
      auto period = periods_of_year({plain}, year, WorkCalendar::vietnam()).front();
      if (sys_days{*day} < sys_days{period.last} || sys_days{*day} > sys_days{period.last} + days{90}) {
        errors.push_back({0, fmt::format("{}: the due day must be from the period's last day to 90 days after", code),
                          fmt::format("{}: hạn gửi báo cáo phải từ {} đến 90 ngày sau đó.", period.label,
                                      format_date_vi(period.last))});
      }
    }
    if (!errors.empty()) throw rejected(errors);
    nlohmann::json after = nlohmann::json::object();
    for (const auto& [code, day] : due) {
      c.query("DELETE FROM report_period_days WHERE year = ? AND code = ?", {year, code});
      if (!day) continue;
      c.query("INSERT INTO report_period_days (year, code, due_on, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
              {year, code, format_iso_date(*day), who.actor, std::int64_t(now.time_since_epoch().count())});
      after[code] = format_iso_date(*day);
    }
    audit::record(c, who, "update", "report_period_days", std::to_string(year), std::nullopt, after.dump(), now);
    touch(c);
  });
}

std::string add_adhoc_period(db::Database& db, const std::string& name, Date first, Date last, Date due,
                             const audit::Entry& who, Instant now) {
  if (auto errors = check_adhoc_period(name, first, last, due); !errors.empty()) throw rejected(errors);
  return db.write([&](db::Connection& c) {
    int n = 0;
    for (const auto& r : c.query("SELECT code FROM report_periods WHERE year IS NOT NULL").rows) {
      auto code = r.str("code");
      if (code.size() > 2 && code.starts_with("dx")) n = std::max(n, std::stoi(code.substr(2)));
    }
    auto code = "dx" + std::to_string(n + 1);
    auto mmdd = [](Date d) { return format_iso_date(d).substr(5); };
    c.query(
        "INSERT INTO report_periods (code, name, ord, first_mmdd, first_prev_year, last_mmdd, due_mmdd, year) "
        "VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
        {code, std::string(text::trim(name)), std::int64_t(kAdhocOrder), mmdd(first), mmdd(last), mmdd(due),
         std::int64_t(int(first.year()))});
    nlohmann::json after = {{"name", text::trim(name)},
                            {"first", format_iso_date(first)},
                            {"last", format_iso_date(last)},
                            {"due", format_iso_date(due)}};
    audit::record(c, who, "create", "report_periods", code, std::nullopt, after.dump(), now);
    touch(c);
    return code;
  });
}

void remove_adhoc_period(db::Database& db, const std::string& code, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto row = c.query("SELECT year FROM report_periods WHERE code = ? AND removed_at IS NULL", {code});
    if (row.empty()) throw not_found("no reporting period " + code, "Không có kỳ báo cáo này.");
    if (row.rows[0].is_null("year")) {
      throw invalid_input("a regular period cannot be removed", "Không thể xóa kỳ báo cáo định kỳ.");
    }
    auto key = std::to_string(row.rows[0].i64("year")) + "-" + code;
    if (!c.query("SELECT 1 FROM task_reports WHERE period = ? LIMIT 1", {key}).empty()) {
      throw invalid_input("reports were made for this period", "Đã có báo cáo của kỳ này, không thể xóa.");
    }
    c.query("DELETE FROM report_period_days WHERE code = ?", {code});
    c.query("UPDATE report_periods SET removed_at = ? WHERE code = ?",
            {std::int64_t(now.time_since_epoch().count()), code});
    audit::record(c, who, "delete", "report_periods", code, std::nullopt, std::nullopt, now);
    touch(c);
  });
}

// ---- Plans -------------------------------------------------------------------

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
  touch(c);
  return p;
}

Plan create_plan(db::Database& db, Plan plan, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return create_plan(c, std::move(plan), who, now); });
}

Plan update_plan(db::Database& db, const Plan& changed, const audit::Entry& who, Instant now) {
  Plan p = changed;
  p.title = std::string(text::trim(text::nfc(p.title)));
  p.legal_bases = text::nfc(p.legal_bases);
  p.objectives = text::nfc(p.objectives);
  return db.write([&](db::Connection& c) {
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
    touch(c);
    return p;
  });
}

std::optional<Plan> find_plan(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM plans WHERE id = ?", kPlanColumns), {id});
  if (rows.empty()) return std::nullopt;
  return plan_of(rows.rows[0]);
}

std::vector<Plan> plans_numbered(db::Connection& c, const std::string& number, const std::string& unit, int year) {
  std::vector<Plan> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM plans WHERE number = ? ORDER BY id", kPlanColumns),
                               {std::string(text::trim(text::nfc(number)))})
                           .rows) {
    auto p = plan_of(r);
    if ((unit.empty() || p.unit_code == unit) && (year == 0 || number_year(p) == year)) out.push_back(std::move(p));
  }
  return out;
}

std::vector<Plan> list_plans(db::Connection& c, int year) {
  std::vector<Plan> out;
  auto rows =
      year ? c.query(fmt::format("SELECT {} FROM plans WHERE year = ? ORDER BY year DESC, id", kPlanColumns), {year})
           : c.query(fmt::format("SELECT {} FROM plans ORDER BY year DESC, id", kPlanColumns));
  for (const auto& r : rows.rows) out.push_back(plan_of(r));
  return out;
}

// ---- The matrix import ---------------------------------------------------------

MatrixImport import_matrix(db::Database& db, std::int64_t plan_id, std::string_view file,
                           const Resolutions& resolutions, bool write, bool replace, const audit::Entry& who,
                           Instant now, const std::function<void(db::Connection&)>& in_transaction) {
  MatrixImport out;
  auto grid = grid_of(file);
  std::optional<Plan> plan;
  std::vector<directory::Unit> units;
  std::vector<Alias> aliases;
  std::string province;
  std::vector<Area> areas;
  db.read([&](db::Connection& c) {
    plan = find_plan(c, plan_id);
    if (!plan) return;
    areas = load_areas(c);
    units = directory::units_valid_on(c, plan->issued_on.value_or(Date{year{plan->year} / January / 1}));
    for (const auto& r : c.query("SELECT alias, unit_code, level_code FROM unit_aliases").rows) {
      aliases.push_back({r.str("alias"), r.opt_str("unit_code").value_or(""), r.opt_str("level_code").value_or("")});
    }
    auto p = c.query("SELECT value FROM settings WHERE key = 'province_name'");
    if (!p.empty()) province = p.rows[0].str("value");
  });
  if (!plan) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto read = read_matrix(grid, areas);
  out.errors = std::move(read.errors);
  out.rows = std::move(read.rows);
  UnitMatcher matcher(units, aliases, province);
  out.unresolved = resolve_units(out.rows, matcher, resolutions);
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
    auto existing = c.query("SELECT COUNT(*) AS n FROM plan_tasks WHERE plan_id = ?", {plan_id}).one().i64("n");
    if (existing > 0) {
      if (!replace) {
        throw Error(ErrorKind::conflict, fmt::format("plan {} already has {} tasks", plan->number, existing),
                    fmt::format("Kế hoạch đã có {} nhiệm vụ; chọn thay thế để nhập lại.", existing));
      }
      auto reported = c.query(
                           "SELECT COUNT(*) AS n FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                           "WHERE t.plan_id = ?",
                           {plan_id})
                          .one()
                          .i64("n");
      if (reported > 0) {
        throw Error(ErrorKind::conflict, "the plan's tasks have reports; edit the matrix instead of replacing it",
                    "Nhiệm vụ của kế hoạch đã có báo cáo; hãy sửa từng dòng thay vì nhập lại.");
      }
      c.query("DELETE FROM task_units WHERE task_id IN (SELECT id FROM plan_tasks WHERE plan_id = ?)", {plan_id});
      c.query("DELETE FROM plan_tasks WHERE plan_id = ?", {plan_id});
    }
    std::int64_t t = now.time_since_epoch().count();
    int ord = 0;
    for (const auto& row : out.rows) {
      auto id = c.query(
                     "INSERT INTO plan_tasks (plan_id, ord, ref, area_code, objective_text, description, output, "
                     "deadline_text, deadline_kind, due_on, deadline_milestones, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {plan_id, ++ord, row.ref, row.area_code, text::nfc(row.objective), text::nfc(row.description),
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
    audit::record(c, who, "import", "plan_tasks", std::to_string(plan->id), std::nullopt,
                  json{{"tasks", out.rows.size()}, {"replaced", existing}}.dump(), now);
    touch(c);
    if (in_transaction) in_transaction(c);
  });
  out.written = int(out.rows.size());
  return out;
}

// ---- Objectives ------------------------------------------------------------------

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
  touch(c);
  return o;
}

Objective add_objective(db::Database& db, Objective o, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_objective(c, std::move(o), who, now); });
}

void set_objective_value(db::Database& db, std::int64_t id, std::optional<double> value, const audit::Entry& who,
                         Instant now) {
  db.write([&](db::Connection& c) {
    auto rows = c.query("SELECT target_unit, manual_value FROM plan_objectives WHERE id = ?", {id});
    if (rows.empty()) throw not_found("no such objective", "Không tìm thấy mục tiêu.");
    check_amount(value, rows.rows[0].str("target_unit"), "value", "Kết quả");
    c.query("UPDATE plan_objectives SET manual_value = ? WHERE id = ?", {value, id});
    audit::record(c, who, "update", "plan_objectives", std::to_string(id), std::nullopt,
                  json{{"manual_value", value ? json(*value) : json()}}.dump(), now);
    touch(c);
  });
}

void delete_objective(db::Database& db, std::int64_t id, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    if (c.query("SELECT 1 FROM plan_objectives WHERE id = ?", {id}).empty()) {
      throw not_found("no such objective", "Không tìm thấy mục tiêu.");
    }
    c.query("UPDATE plan_tasks SET objective_id = NULL WHERE objective_id = ?", {id});
    c.query("DELETE FROM objective_targets WHERE objective_id = ?", {id});
    c.query("DELETE FROM plan_objectives WHERE id = ?", {id});
    audit::record(c, who, "delete", "plan_objectives", std::to_string(id), std::nullopt, std::nullopt, now);
    touch(c);
  });
}

// ---- The matrix editor -----------------------------------------------------------

namespace {

// The input checked and its unit names resolved, against the units valid on
// the plan's date; throws invalid_input listing every problem. When
// `current` (the row being changed) kept a deadline an import could not
// read, that same text may stay.
MatrixRow resolve_input(db::Connection& c, const Plan& plan, const TaskInput& in, const Task* current = nullptr) {
  std::vector<std::string> problems_en, problems_vi;
  auto problem = [&](std::string en, std::string vi) {
    problems_en.push_back(std::move(en));
    problems_vi.push_back(std::move(vi));
  };
  MatrixRow row;
  row.ref = std::string(text::trim(in.ref));
  row.area_code = in.area_code;
  row.objective = text::nfc(text::trim(in.objective));
  row.description = text::nfc(text::trim(in.description));
  row.output = text::nfc(text::trim(in.output));
  row.lead_cell = in.leads;
  row.cooperate_cell = in.cooperates;
  auto areas = load_areas(c);
  if (std::none_of(areas.begin(), areas.end(), [&](const auto& a) { return a.code == in.area_code; })) {
    problem("unknown area", "Lĩnh vực không hợp lệ.");
  }
  if (row.description.empty()) problem("the task is empty", "Chưa có nội dung nhiệm vụ.");
  if (text::code_points(row.description) > 4000 || text::code_points(row.output) > 1000 ||
      text::code_points(row.objective) > 2000 || text::code_points(row.ref) > 20) {
    problem("a field is too long", "Có trường quá dài (nhiệm vụ 4.000, kết quả 1.000, mục tiêu 2.000, STT 20 ký tự).");
  }
  try {
    row.deadline = parse_deadline(in.deadline_text);
  } catch (const Error& e) {
    // A deadline an import kept unread may stay as it is; a new one must read.
    if (current && current->deadline.kind == Deadline::Kind::unparsed &&
        text::nfc(text::trim(in.deadline_text)) == format_deadline(current->deadline)) {
      row.deadline = current->deadline;
    } else {
      problem(e.what(), e.message_vi());
    }
  }
  std::vector<Alias> aliases;
  for (const auto& r : c.query("SELECT alias, unit_code, level_code FROM unit_aliases").rows) {
    aliases.push_back({r.str("alias"), r.opt_str("unit_code").value_or(""), r.opt_str("level_code").value_or("")});
  }
  auto province = c.query("SELECT value FROM settings WHERE key = 'province_name'");
  UnitMatcher matcher(directory::units_valid_on(c, plan.issued_on.value_or(Date{year{plan.year} / January / 1})),
                      aliases, province.empty() ? "" : province.rows[0].str("value"));
  std::vector<MatrixRow> rows = {row};
  for (const auto& u : resolve_units(rows, matcher, {})) {
    problem(
        fmt::format("unit '{}' {}", u.name, u.ambiguous ? "is ambiguous" : "matches no unit"),
        fmt::format("Không xác định được đơn vị \"{}\"{}.", u.name, u.ambiguous ? " (có nhiều đơn vị gần giống)" : ""));
  }
  row = rows[0];
  if (row.leads.empty() && std::string(text::trim(in.leads)).empty()) {
    problem("no lead unit", "Chưa có cơ quan chủ trì.");
  }
  if (!problems_en.empty()) {
    std::string en, vi;
    for (size_t i = 0; i < problems_en.size(); ++i) {
      en += (i ? "; " : "") + problems_en[i];
      vi += (i ? " " : "") + problems_vi[i];
    }
    throw invalid_input(en, vi);
  }
  return row;
}

void write_units(db::Connection& c, std::int64_t task_id, const MatrixRow& row) {
  c.query("DELETE FROM task_units WHERE task_id = ?", {task_id});
  for (const auto& u : row.leads) c.query("INSERT INTO task_units VALUES (?, ?, 'lead')", {task_id, u});
  for (const auto& u : row.cooperates) c.query("INSERT INTO task_units VALUES (?, ?, 'cooperate')", {task_id, u});
}

Task need_task(db::Connection& c, std::int64_t task_id) {
  auto t = find_task(c, task_id);
  if (!t) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
  return *t;
}

}  // namespace

Task add_task(db::Connection& c, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  auto plan = find_plan(c, plan_id);
  if (!plan) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto row = resolve_input(c, *plan, in);
  std::int64_t t = now.time_since_epoch().count();
  auto ord =
      c.query("SELECT COALESCE(MAX(ord), 0) + 1 AS n FROM plan_tasks WHERE plan_id = ?", {plan_id}).one().i64("n");
  auto id = c.query(
                 "INSERT INTO plan_tasks (plan_id, ord, ref, area_code, objective_text, description, output, "
                 "deadline_text, deadline_kind, due_on, deadline_milestones, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {plan_id, ord, row.ref, row.area_code, row.objective, row.description, row.output,
                  format_deadline(*row.deadline), kind_code(row.deadline->kind), opt_iso(row.deadline->due),
                  encode_milestones(row.deadline->milestones), t, t})
                .one()
                .i64("id");
  write_units(c, id, row);
  auto task = need_task(c, id);
  audit::record(c, who, "create", "plan_tasks", std::to_string(id), std::nullopt, to_json(task).dump(), now);
  touch(c);
  return task;
}

Task add_task(db::Database& db, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_task(c, plan_id, in, who, now); });
}

Task update_task(db::Database& db, std::int64_t task_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) {
    auto before = need_task(c, task_id);
    auto plan = find_plan(c, before.plan_id);
    auto row = resolve_input(c, *plan, in, &before);
    c.query(
        "UPDATE plan_tasks SET ref = ?, area_code = ?, objective_text = ?, description = ?, output = ?, "
        "deadline_text = ?, deadline_kind = ?, due_on = ?, deadline_milestones = ?, updated_at = ? WHERE id = ?",
        {row.ref, row.area_code, row.objective, row.description, row.output, format_deadline(*row.deadline),
         kind_code(row.deadline->kind), opt_iso(row.deadline->due), encode_milestones(row.deadline->milestones),
         std::int64_t(now.time_since_epoch().count()), task_id});
    write_units(c, task_id, row);
    auto after = need_task(c, task_id);
    audit::record(c, who, "update", "plan_tasks", std::to_string(task_id), to_json(before).dump(),
                  to_json(after).dump(), now);
    touch(c);
    return after;
  });
}

void move_task(db::Database& db, std::int64_t task_id, int direction, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto task = need_task(c, task_id);
    auto rows = c.query("SELECT id, ord FROM plan_tasks WHERE plan_id = ? ORDER BY ord, id", {task.plan_id});
    std::vector<std::int64_t> ids;
    for (const auto& r : rows.rows) ids.push_back(r.i64("id"));
    auto at = size_t(std::find(ids.begin(), ids.end(), task_id) - ids.begin());
    long to = long(at) + (direction < 0 ? -1 : 1);
    if (to < 0 || to >= long(ids.size())) return;  // already first or last
    std::swap(ids[at], ids[size_t(to)]);
    for (size_t i = 0; i < ids.size(); ++i) c.query("UPDATE plan_tasks SET ord = ? WHERE id = ?", {int(i) + 1, ids[i]});
    audit::record(c, who, "move", "plan_tasks", std::to_string(task_id), std::nullopt,
                  json{{"position", to + 1}}.dump(), now);
    touch(c);
  });
}

void delete_task(db::Database& db, std::int64_t task_id, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto task = need_task(c, task_id);
    if (!c.query("SELECT 1 FROM task_reports WHERE task_id = ?", {task_id}).empty()) {
      throw Error(ErrorKind::conflict, "the task has reports; cancel it instead",
                  "Nhiệm vụ đã có báo cáo nên không xóa được; hãy hủy nhiệm vụ và ghi lý do.");
    }
    c.query("DELETE FROM notifications WHERE task_id = ?", {task_id});
    c.query("DELETE FROM task_units WHERE task_id = ?", {task_id});
    c.query("DELETE FROM plan_tasks WHERE id = ?", {task_id});
    audit::record(c, who, "delete", "plan_tasks", std::to_string(task_id), to_json(task).dump(), std::nullopt, now);
    touch(c);
  });
}

void cancel_task(db::Database& db, std::int64_t task_id, const std::string& reason, const audit::Entry& who,
                 Instant now) {
  auto why = text::nfc(text::trim(reason));
  if (text::code_points(why) > 1000)
    throw invalid_input("the reason is over 1000 characters", "Lý do quá 1.000 ký tự.");
  db.write([&](db::Connection& c) {
    auto before = need_task(c, task_id);
    c.query("UPDATE plan_tasks SET cancelled_reason = ?, updated_at = ? WHERE id = ?",
            {why.empty() ? db::Param(nullptr) : db::Param(why), std::int64_t(now.time_since_epoch().count()), task_id});
    audit::record(c, who, why.empty() ? "reopen" : "cancel", "plan_tasks", std::to_string(task_id),
                  to_json(before).dump(), json{{"cancelled_reason", why}}.dump(), now);
    touch(c);
  });
}

// ---- Tasks and reports ---------------------------------------------------------

std::vector<Task> plan_tasks(db::Connection& c, std::int64_t plan_id) {
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t WHERE t.plan_id = ? ORDER BY t.ord, t.id", kTaskColumns),
                      {plan_id});
  return tasks_of(c, rows,
                  "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                  "WHERE t.plan_id = ? ORDER BY u.task_id, u.role, u.unit_code",
                  {plan_id});
}

std::optional<Task> find_task(db::Connection& c, std::int64_t task_id) {
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t WHERE t.id = ?", kTaskColumns), {task_id});
  auto tasks = tasks_of(
      c, rows, "SELECT task_id, unit_code, role FROM task_units WHERE task_id = ? ORDER BY role, unit_code", {task_id});
  if (tasks.empty()) return std::nullopt;
  return tasks.front();
}

int report_count_after_days(db::Connection& c) {
  auto rows = c.query("SELECT value FROM settings WHERE key = 'report_count_after_days'");
  return rows.empty() ? 0 : std::clamp(parse_int<int>(rows.rows[0].str("value")).value_or(0), 0, 250);
}

CountPolicy load_count_policy(db::Connection& c) {
  return count_policy(local_date(now_seconds()), report_count_after_days(c), WorkCalendar::vietnam());
}

std::vector<Report> plan_reports(db::Connection& c, std::int64_t plan_id) {
  std::vector<Report> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                                           "WHERE t.plan_id = ? ORDER BY r.reported_at",
                                           kReportColumns),
                               {plan_id})
                           .rows) {
    out.push_back(report_of(r));
  }
  mark_counted(out, load_count_policy(c));
  return out;
}

std::vector<Report> task_reports(db::Connection& c, std::int64_t task_id) {
  std::vector<Report> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? ORDER BY r.reported_at", kReportColumns),
               {task_id})
           .rows) {
    out.push_back(report_of(r));
  }
  mark_counted(out, load_count_policy(c));
  return out;
}

std::vector<TaskState> plan_states(db::Connection& c, std::int64_t plan_id, Date as_of) {
  auto tasks = plan_tasks(c, plan_id);
  auto reports = plan_reports(c, plan_id);
  std::map<std::int64_t, std::vector<Report>> by_task;
  for (auto& r : reports) by_task[r.task_id].push_back(std::move(r));
  std::vector<TaskState> out;
  out.reserve(tasks.size());
  for (const auto& t : tasks) out.push_back(state_as_of(t, by_task[t.id], as_of));
  return out;
}

YearTasks year_tasks(db::Connection& c, int year) {
  YearTasks y;
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t JOIN plans p ON p.id = t.plan_id "
                                  "WHERE p.year = ? AND p.status <> 'draft' ORDER BY p.id, t.ord, t.id",
                                  kTaskColumns),
                      {year});
  y.tasks = tasks_of(c, rows,
                     "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                     "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status <> 'draft'",
                     {year});
  // The reports' order does not matter: a state takes each lead's latest.
  // Columns by position: this is the view's largest read.
  auto reports = c.query(
      "SELECT r.task_id, r.unit_code, r.period, r.progress, r.percent, r.done_on, "
      "r.reported_at, r.review FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
      "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status <> 'draft' AND r.role = 'lead'",
      {year});
  auto policy = load_count_policy(c);
  auto text = [](const db::Value& v) -> const std::string& { return std::get<std::string>(v); };
  auto integer = [](const db::Value& v) {
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : std::stoll(std::get<std::string>(v));
  };
  for (const auto& r : reports.rows) {
    Report o;
    o.task_id = integer(r[0]);
    o.unit_code = text(r[1]);
    o.period = text(r[2]);
    o.progress = text(r[3]);
    o.percent = int(integer(r[4]));
    if (!std::holds_alternative<std::monostate>(r[5])) o.done_on = parse_iso_date(text(r[5]));
    o.reported_at = Instant{seconds{integer(r[6])}};
    o.review = text(r[7]);
    o.counted = report_counts(o.review, local_date(o.reported_at), policy);
    y.reports[o.task_id].push_back(std::move(o));
  }
  return y;
}

std::vector<TaskState> states_as_of(const YearTasks& y, Date as_of) {
  static const std::vector<Report> none;
  std::vector<TaskState> out;
  out.reserve(y.tasks.size());
  for (const auto& t : y.tasks) {
    auto it = y.reports.find(t.id);
    out.push_back(state_as_of(t, it == y.reports.end() ? none : it->second, as_of));
  }
  return out;
}

std::map<TaskStatus, int> count_as_of(const YearTasks& y, Date as_of, const std::function<bool(const Task&)>& keep) {
  static const std::vector<Report> none;
  std::map<TaskStatus, int> out;
  for (const auto& t : y.tasks) {
    if (!keep(t)) continue;
    auto it = y.reports.find(t.id);
    ++out[task_status_as_of(t, it == y.reports.end() ? none : it->second, as_of)];
  }
  return out;
}

Report submit_report(db::Database& db, Report r, const audit::Entry& who, Instant now, const EvidenceFile* file) {
  Date today = local_date(now);
  std::optional<CheckedFile> checked;
  if (file) checked = check_evidence_file(*file);
  r.narrative = text::nfc(text::trim(r.narrative));
  r.evidence = text::nfc(text::trim(r.evidence));
  r.difficulties = text::nfc(text::trim(r.difficulties));
  r.proposals = text::nfc(text::trim(r.proposals));
  // New or changed, it waits for the coordinator's review again.
  r.review = "pending";
  r.review_note.clear();
  r.reviewed_by.reset();
  r.reviewed_at.reset();
  r.difficulties_answer.clear();
  r.proposals_answer.clear();
  r.counted = false;
  return db.write([&](db::Connection& c) {
    auto task = find_task(c, r.task_id);
    if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
    auto plan = find_plan(c, task->plan_id);
    const auto& list = r.role == "lead" ? task->leads : task->cooperates;
    if ((r.role != "lead" && r.role != "cooperate") || std::find(list.begin(), list.end(), r.unit_code) == list.end()) {
      throw forbidden(fmt::format("unit {} is not a {} unit of task {}", r.unit_code, r.role, r.task_id),
                      "Đơn vị không được giao nhiệm vụ này.");
    }
    if (task->cancelled_reason) throw invalid_input("the task is cancelled", "Nhiệm vụ đã hủy, không cần báo cáo.");
    auto period = period_of_key(load_report_periods(c), r.period, WorkCalendar::vietnam());
    if (sys_days{period.first} > sys_days{today}) {
      throw invalid_input(fmt::format("period {} has not begun", r.period), "Kỳ báo cáo này chưa bắt đầu.");
    }
    int py = int(period.last.year());
    if (py != plan->year && py != plan->year + 1) {
      throw invalid_input(fmt::format("period {} is outside the plan's year {}", r.period, plan->year),
                          "Kỳ báo cáo không thuộc năm của kế hoạch.");
    }
    if (r.unchanged) {
      auto config = load_report_periods(c);
      std::optional<Report> prev;
      for (const auto& row : c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? AND "
                                                 "r.unit_code = ? AND r.role = ? ORDER BY r.reported_at",
                                                 kReportColumns),
                                     {r.task_id, r.unit_code, r.role})
                                 .rows) {
        auto earlier = report_of(row);
        if (period_rank(config, earlier.period) < period_rank(config, r.period)) prev = earlier;
      }
      if (!prev) {
        throw invalid_input("there is no earlier report to repeat", "Chưa có báo cáo kỳ trước để giữ nguyên.");
      }
      const auto& p = *prev;
      r.progress = p.progress;
      r.percent = p.percent;
      r.done_on = p.done_on;
      r.narrative = p.narrative;
      r.evidence = p.evidence;
      r.difficulties = p.difficulties;
      r.proposals = p.proposals;
    }
    if (r.progress == "done") r.percent = 100;
    if (checked) {
      unsigned char digest[crypto_hash_sha256_BYTES];
      crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(file->content.data()), file->content.size());
      char hex[crypto_hash_sha256_BYTES * 2 + 1];
      sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
      directory::within_files(c.query("SELECT COUNT(*) AS n FROM evidence_files WHERE task_id = ? AND unit_code = ? "
                                      "AND period = ?",
                                      {r.task_id, r.unit_code, r.period})
                                  .one()
                                  .i64("n"),
                              kMaxEvidenceFiles, "mỗi báo cáo nhiệm vụ trong một kỳ");
      directory::make_room(c, who.actor, file->content.size());
      auto id = c.query(
                     "INSERT INTO evidence_files (task_id, unit_code, period, filename, content_type, size, sha256, "
                     "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.task_id, r.unit_code, r.period, checked->name, checked->content_type,
                      std::int64_t(file->content.size()), std::string(hex), text::base64(file->content), who.actor,
                      std::int64_t(now.time_since_epoch().count())})
                    .one()
                    .i64("id");
      r.evidence += (r.evidence.empty() ? "" : "\n") + fmt::format("/minh-chung/{}", id);
      audit::record(c, who, "create", "evidence_files", std::to_string(id), std::nullopt,
                    json{{"task_id", r.task_id},
                         {"unit", r.unit_code},
                         {"file", checked->name},
                         {"size", file->content.size()},
                         {"sha256", hex}}
                        .dump(),
                    now);
    }
    if (auto errors = check_report(r, today); !errors.empty()) throw rejected(errors);
    r.reported_by = who.actor;
    r.reported_at = now;
    auto before =
        c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? AND r.unit_code = ? AND r.period = ?",
                            kReportColumns),
                {r.task_id, r.unit_code, r.period});
    std::optional<std::string> before_json;
    bool was_returned = false;
    if (!before.empty()) {
      auto old = report_of(before.rows[0]);
      before_json = to_json(old).dump();
      was_returned = old.review == "returned";
    }
    c.query("DELETE FROM task_reports WHERE task_id = ? AND unit_code = ? AND period = ?",
            {r.task_id, r.unit_code, r.period});
    c.query(
        "INSERT INTO task_reports (task_id, unit_code, period, role, progress, percent, done_on, narrative, "
        "evidence, unchanged, reported_by, reported_at, difficulties, proposals, review) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
        {r.task_id, r.unit_code, r.period, r.role, r.progress, r.percent, opt_iso(r.done_on), r.narrative, r.evidence,
         r.unchanged, r.reported_by, std::int64_t(now.time_since_epoch().count()), r.difficulties, r.proposals});
    add_report_event(c, r, was_returned ? "resubmitted" : "submitted", "", to_json(r).dump(), who, now);
    audit::record(c, who, before_json ? "update" : "create", "task_reports",
                  fmt::format("{}/{}/{}", r.task_id, r.unit_code, r.period), before_json, to_json(r).dump(), now);
    touch(c);
    return r;
  });
}

std::optional<Report> find_report(db::Connection& c, std::int64_t task_id, const std::string& unit,
                                  const std::string& period) {
  auto rows =
      c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? AND r.unit_code = ? AND r.period = ?",
                          kReportColumns),
              {task_id, unit, period});
  if (rows.empty()) return std::nullopt;
  return report_of(rows.rows[0]);
}

void write_review(db::Connection& c, const Report& r) {
  c.query(
      "UPDATE task_reports SET review = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?, "
      "difficulties_answer = ?, proposals_answer = ? WHERE task_id = ? AND unit_code = ? AND period = ?",
      {r.review, r.review_note, r.reviewed_by ? db::Param(*r.reviewed_by) : db::Param(nullptr),
       r.reviewed_at ? db::Param(std::int64_t(r.reviewed_at->time_since_epoch().count())) : db::Param(nullptr),
       r.difficulties_answer, r.proposals_answer, r.task_id, r.unit_code, r.period});
  touch(c);
}

void add_report_event(db::Connection& c, const Report& r, const std::string& event, const std::string& note,
                      const std::optional<std::string>& snapshot, const audit::Entry& who, Instant now) {
  c.query(
      "INSERT INTO report_events (task_id, unit_code, period, event, note, snapshot, actor, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {r.task_id, r.unit_code, r.period, event, note, snapshot ? db::Param(*snapshot) : db::Param(nullptr), who.actor,
       std::int64_t(now.time_since_epoch().count())});
}

std::vector<ReportOnTask> reports_in_review(db::Connection& c, const std::string& review, const std::string& period,
                                            const std::string& unit, int limit) {
  std::vector<ReportOnTask> out;
  auto rows = c.query(fmt::format("SELECT {}, p.number AS plan_number FROM task_reports r "
                                  "JOIN plan_tasks t ON t.id = r.task_id JOIN plans p ON p.id = t.plan_id "
                                  "WHERE p.status = 'issued' AND r.review = ? AND (? = '' OR r.period = ?) "
                                  "AND (? = '' OR r.unit_code = ?) "
                                  "ORDER BY r.reported_at, r.task_id, r.unit_code LIMIT ?",
                                  kReportColumns),
                      {review, period, period, unit, unit, limit});
  std::map<std::int64_t, Task> tasks;
  for (const auto& r : rows.rows) {
    ReportOnTask item{report_of(r), {}, r.str("plan_number")};
    auto it = tasks.find(item.report.task_id);
    if (it == tasks.end()) it = tasks.emplace(item.report.task_id, need_task(c, item.report.task_id)).first;
    item.task = it->second;
    out.push_back(std::move(item));
  }
  return out;
}

int count_in_review(db::Connection& c, const std::string& review) {
  return int(c.query("SELECT COUNT(*) AS n FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                     "JOIN plans p ON p.id = t.plan_id WHERE r.review = ? AND p.status = 'issued'",
                     {review})
                 .one()
                 .i64("n"));
}

std::vector<ReportEvent> task_report_events(db::Connection& c, std::int64_t task_id) {
  std::vector<ReportEvent> out;
  for (const auto& r : c.query("SELECT unit_code, period, event, note, actor, at FROM report_events "
                               "WHERE task_id = ? ORDER BY id",
                               {task_id})
                           .rows) {
    out.push_back({r.str("unit_code"), r.str("period"), r.str("event"), r.str("note"), r.str("actor"),
                   Instant{seconds{r.i64("at")}}});
  }
  return out;
}

std::optional<StoredFile> find_evidence_file(db::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT task_id, filename, content_type, content FROM evidence_files WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "a stored evidence file is damaged");
  return StoredFile{r.i64("task_id"), r.str("filename"), r.str("content_type"), std::move(*bytes)};
}

std::vector<Owed> owed_by(db::Connection& c, const std::string& unit, const PeriodOfYear& period, Date today) {
  int y = int(period.last.year());
  auto rows = c.query(fmt::format("SELECT {}, p.number, u.role AS unit_role FROM plan_tasks t "
                                  "JOIN plans p ON p.id = t.plan_id JOIN task_units u ON u.task_id = t.id "
                                  "WHERE u.unit_code = ? AND p.year = ? AND p.status = 'issued' "
                                  "ORDER BY p.id, t.ord, t.id",
                                  kTaskColumns),
                      {unit, y});
  std::vector<std::pair<std::string, std::string>> meta;  // number, role per row
  for (const auto& r : rows.rows) meta.emplace_back(r.str("number"), r.str("unit_role"));
  auto tasks = tasks_of(c, rows,
                        "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                        "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status = 'issued' AND u.task_id IN "
                        "(SELECT task_id FROM task_units WHERE unit_code = ?)",
                        {y, unit});
  std::map<std::int64_t, std::vector<Report>> reports;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                                           "JOIN plans p ON p.id = t.plan_id WHERE r.unit_code = ? AND p.year = ? "
                                           "ORDER BY r.reported_at",
                                           kReportColumns),
                               {unit, y})
                           .rows) {
    auto rep = report_of(r);
    reports[rep.task_id].push_back(std::move(rep));
  }
  auto config = load_report_periods(c);
  std::vector<Owed> out;
  for (size_t i = 0; i < tasks.size(); ++i) {
    Owed o{tasks[i], meta[i].first, meta[i].second, TaskStatus::not_started, std::nullopt, std::nullopt};
    std::vector<Report> in_role;
    for (const auto& r : reports[o.task.id]) {
      if (r.role == o.role) in_role.push_back(r);
    }
    auto seen = reports_for_period(in_role, config, period.key);
    o.previous = seen.previous;
    o.current = seen.current;
    if (!owes_report(o.task, o.previous)) continue;
    Task mine = o.task;
    mine.leads = {unit};
    std::vector<Report> own;
    for (const auto& r : reports[o.task.id]) {
      if (r.role == "lead") own.push_back(r);
    }
    o.status = o.role == "lead" ? state_as_of(mine, own, today).status : state_as_of(o.task, {}, today).status;
    out.push_back(std::move(o));
  }
  return out;
}

OwedCount count_owed(const std::vector<Owed>& owed) {
  OwedCount n;
  for (const auto& o : owed) {
    if (!report_owed(o)) {
      ++n.contributions;
      continue;
    }
    ++n.owed;
    n.made += o.current.has_value();
  }
  return n;
}

}  // namespace cchc::plans
