// The plans pages: plans by year, a plan's form, a plan with its matrix
// and objectives. add_routes also registers the other plans pages and the
// API; the table at the end names this file's routes with their
// permissions.
#include "plans/routes.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <set>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/refusal.h"
#include "plans/page_rules.h"
#include "plans/route_support.h"
#include "plans/rules.h"
#include "plans/store.h"
#include "plans/tables.h"

namespace cchc::plans {

using nlohmann::json;

namespace plan_pages {
namespace {

// The plan pages' context: the objectives' indicators come with it.
struct PlanPages {
  db::Database& db;
  views::Layout& layout;
  IndicatorSource source;
};

Date today() { return local_date(now_seconds()); }

json plan_view(const Plan& p, const std::map<std::string, std::string>& names) {
  auto unit = names.find(p.unit_code);
  return {{"id", std::to_string(p.id)},
          {"number", p.number},
          {"title", p.title},
          {"year", std::to_string(p.year)},
          {"unit", unit == names.end() ? p.unit_code : unit->second},
          {"issued_on", p.issued_on ? format_date_vi(*p.issued_on) : "—"},
          {"status", plan_status_label_vi(p.status)},
          {"kind", plan_kind_label_vi(p.kind)}};
}

json status_options(const std::string& selected) {
  json out = json::array();
  for (const char* s : {"draft", "issued", "closed"}) {
    out.push_back({{"code", s}, {"name", plan_status_label_vi(s)}, {"selected", selected == s}});
  }
  return out;
}

json summary_rows(const std::vector<TaskState>& states) {
  json rows = json::array();
  for (auto s : {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::done, TaskStatus::done_late,
                 TaskStatus::overdue, TaskStatus::cancelled}) {
    auto n = std::count_if(states.begin(), states.end(), [&](const auto& x) { return x.status == s; });
    rows.push_back({{"label", status_label_vi(s)}, {"code", status_code(s)}, {"count", text::format_int(n)}});
  }
  return rows;
}

std::string amount_text(double v) { return text::format_decimal(v, v == std::floor(v) ? 0 : 1); }

// The objectives as the plan page lists them: target, value (from the
// linked indicator, or reported by hand) and verdict.
json objectives_view(const std::vector<Objective>& objectives, const Plan& plan, const std::vector<Area>& areas,
                     const std::vector<std::pair<std::string, std::string>>& levels, const IndicatorSource& source) {
  json rows = json::array();
  for (const auto& o : objectives) {
    std::string area, level = "toàn địa bàn";
    for (const auto& a : areas) {
      if (a.code == o.area_code) area = a.name;
    }
    for (const auto& [code, name] : levels) {
      if (code == o.level) level = name;
    }
    std::optional<double> value = o.manual_value;
    std::string from = "Báo cáo";
    if (!o.indicator.empty()) {
      for (const auto& [code, name] : source.indicators) {
        if (code == o.indicator) from = "Tự động: " + name + " năm " + std::to_string(plan.year);
      }
      value.reset();
      if (source.value) {
        if (auto v = source.value(plan.unit_code, o.level, plan.year, o.indicator)) value = *v * 100.0;
      }
    }
    auto verdict = judge_objective(value, o.target);
    rows.push_back(
        {{"id", std::to_string(o.id)},
         {"area", area},
         {"text", o.text},
         {"target", o.target ? "≥ " + amount_text(*o.target) + " " + o.target_unit + " (" + level + ")" : "—"},
         {"value", value ? amount_text(*value) + " " + o.target_unit : "—"},
         {"from", from},
         {"manual", o.indicator.empty() && o.target.has_value()},
         {"manual_value", o.manual_value ? text::decimal_input(*o.manual_value) : ""},
         {"verdict", verdict_label_vi(verdict)},
         {"verdict_class", verdict == ObjectiveVerdict::met      ? "met"
                           : verdict == ObjectiveVerdict::missed ? "missed"
                                                                 : "nodata"}});
  }
  return rows;
}

json objective_form(const std::vector<Area>& areas, const std::vector<std::pair<std::string, std::string>>& levels,
                    const IndicatorSource& source) {
  json area_options = json::array(), level_options = json::array(), indicator_options = json::array();
  for (const auto& a : areas) area_options.push_back({{"code", a.code}, {"name", a.name}});
  for (const auto& [code, name] : levels) {
    if (code != "province") level_options.push_back({{"code", code}, {"name", name}});
  }
  for (const auto& [code, name] : source.indicators) indicator_options.push_back({{"code", code}, {"name", name}});
  return {{"areas", area_options}, {"levels", level_options}, {"indicators", indicator_options}};
}

// The plan form's fields, read and checked.
Plan plan_from_form(const http::Request& req, Plan p) {
  p.title = req.form_param("trich_yeu").value_or("");
  p.unit_code = req.form_param("don_vi").value_or("");
  p.status = req.form_param("trang_thai").value_or("draft");
  p.kind = req.form_param("loai").value_or("reform");
  p.legal_bases = req.form_param("can_cu").value_or("");
  auto parent = req.form_param("thuc_hien").value_or("");
  if (parent.empty()) {
    p.parent_id.reset();
  } else if (auto id = id_of_text(parent)) {
    p.parent_id = *id;
  } else {
    throw invalid_input("bad parent plan", "Kế hoạch cấp trên không hợp lệ.").at("thuc_hien");
  }
  p.objectives = req.form_param("muc_tieu").value_or("");
  auto year = year_of_text(req.form_param("nam").value_or(""));
  if (!year) throw invalid_input("the year must be four digits", "Năm kế hoạch cần 4 chữ số.").at("nam");
  p.year = *year;
  auto issued = req.form_param("ngay_ban_hanh").value_or("");
  p.issued_on = issued.empty() ? std::nullopt : std::optional(parse_date_input(issued));
  return p;
}

// ---- Plans by year -----------------------------------------------------------------------------

// Tasks by plan and status: one read of each year's tasks (drafts have no
// reports; their tasks are counted as they stand).
std::map<std::int64_t, std::map<TaskStatus, std::int64_t>> task_counts(db::Connection& c,
                                                                       const std::vector<Plan>& plans, Date day) {
  std::map<std::int64_t, std::map<TaskStatus, std::int64_t>> counts;
  std::set<int> years;
  for (const auto& p : plans) {
    if (p.status == "draft") {
      counts[p.id][TaskStatus::not_started] = std::int64_t(plan_tasks(c, p.id).size());
    } else {
      years.insert(p.year);
    }
  }
  for (int y : years) {
    for (const auto& s : states_as_of(year_tasks(c, y), day)) ++counts[s.task.plan_id][s.status];
  }
  return counts;
}

http::Response list(PlanPages& x, http::Request& req) {
  std::vector<Plan> plans;
  std::vector<UnitRow> units;
  std::map<std::int64_t, std::map<TaskStatus, std::int64_t>> counts;
  Date day = today();
  x.db.read([&](db::Connection& c) {
    plans = list_plans(c);
    units = unit_rows(c);
    counts = task_counts(c, plans, day);
  });
  auto names = names_of(units);
  json rows = json::array();
  for (const auto& p : plans) {
    auto v = plan_view(p, names);
    auto& c = counts[p.id];
    std::int64_t total = 0;
    for (const auto& [status, n] : c) total += n;
    v["tasks"] = text::format_int(total);
    v["done"] = text::format_int(c[TaskStatus::done] + c[TaskStatus::done_late]);
    v["overdue"] = text::format_int(c[TaskStatus::overdue]);
    rows.push_back(v);
  }
  bool can_create = req.principal && directory::holds(*req.principal, "plans.manage");
  return http::html(
      req,
      x.layout.page(
          req, "Kế hoạch cải cách hành chính", "plans/list.tpl",
          {{"plans", rows}, {"no_plans", rows.empty()}, {"can_create", can_create}, {"today", format_date_vi(day)}}));
}

// ---- Create and edit a plan --------------------------------------------------------------------

// The plan form: a new plan (`fresh`) or plan `p`'s fields; `extra` is what
// a refusal adds ({"error": …}).
http::Response form_page(PlanPages& x, http::Request& req, const Plan& p, bool fresh, const json& extra) {
  std::vector<UnitRow> units;
  std::vector<Plan> plans;
  x.db.read([&](db::Connection& c) {
    units = unit_rows(c);
    plans = list_plans(c);
  });
  json parents = json::array();
  for (const auto& other : plans) {
    if (other.id == p.id) continue;
    parents.push_back({{"id", std::to_string(other.id)},
                       {"label", other.number + " — " + other.title},
                       {"selected", p.parent_id && *p.parent_id == other.id}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"parents", parents},
               {"fresh", fresh},
               {"editing", !fresh},
               {"action", fresh ? "/ke-hoach/moi" : fmt::format("/ke-hoach/{}/sua", p.id)},
               {"number", p.number},
               {"title", p.title},
               {"year", p.year ? std::to_string(p.year) : ""},
               {"issued_on", p.issued_on ? format_date_vi(*p.issued_on) : ""},
               {"legal_bases", p.legal_bases},
               {"objectives", p.objectives},
               {"units", unit_options(units_of_user(units, *req.principal, "plans.manage"), p.unit_code)},
               {"statuses", status_options(p.status)},
               {"reform", p.kind == "reform"},
               {"communication", p.kind == "communication"}};
  data.update(extra);
  return http::html(req,
                    x.layout.page(req, fresh ? "Tạo kế hoạch" : "Sửa kế hoạch " + p.number, "plans/form.tpl", data));
}

http::Response new_plan(PlanPages& x, http::Request& req) {
  Plan p;
  p.year = int(today().year());
  p.unit_code = req.principal->unit_code;
  return form_page(x, req, p, true, json::object());
}

http::Response create(PlanPages& x, http::Request& req) {
  Plan p;
  p.number = req.form_param("so_ky_hieu").value_or("");
  return http::refusing(
      [&] {
        p = plan_from_form(req, p);
        require(x.db, req, "plans.manage", p.unit_code);
        p = create_plan(x.db, p, directory::actor(req), now_seconds());
        return http::redirect(req, fmt::format("/ke-hoach/{}", p.id));
      },
      [&](const http::Refusal& r) {
        return form_page(x, req, p, true, {{"error", r.json()}});
      });
}

http::Response edit(PlanPages& x, http::Request& req) {
  return form_page(x, req, managed_plan(x.db, req), false, json::object());
}

http::Response save(PlanPages& x, http::Request& req) {
  auto p = managed_plan(x.db, req);
  return http::refusing(
      [&] {
        p = plan_from_form(req, p);
        require(x.db, req, "plans.manage", p.unit_code);
        update_plan(x.db, p, directory::actor(req), now_seconds());
        return http::redirect(req, fmt::format("/ke-hoach/{}", p.id));
      },
      [&](const http::Refusal& r) {
        return form_page(x, req, p, false, {{"error", r.json()}});
      });
}

// ---- A plan and its matrix, with each task's status as of today -------------------------------------

struct PlanFacts {
  std::vector<Task> tasks;
  std::vector<TaskState> states;
  std::vector<Area> areas;
  std::vector<UnitRow> units;
  std::vector<Objective> objectives;
  std::vector<std::pair<std::string, std::string>> levels;
};

PlanFacts plan_facts(db::Database& db, const Plan& plan, Date day) {
  PlanFacts f;
  db.read([&](db::Connection& c) {
    f.tasks = plan_tasks(c, plan.id);
    f.states = plan_states(c, plan.id, day);
    f.areas = load_areas(c);
    f.units = unit_rows(c);
    f.objectives = plan_objectives(c, plan.id);
    f.levels = unit_levels(c);
  });
  return f;
}

// On the page, each task's description links to the task.
void link_tasks(views::Table& table, const std::vector<Task>& tasks) {
  size_t next = 0;
  for (auto& row : table.rows) {
    if (row.size() > 7 && !row[7].text.empty() && next < tasks.size()) {
      row[2].href = fmt::format("/nhiem-vu/{}", tasks[next++].id);
    }
  }
}

http::Response show(PlanPages& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  Date day = today();
  auto f = plan_facts(x.db, plan, day);
  auto names = names_of(f.units);
  auto table = matrix_table(plan, f.tasks, f.areas, names, &f.states);
  if (req.query_param("dinh-dang") == "xlsx") {
    return http::attachment(req, http::kXlsxType, views::to_xlsx({table}),
                            "ke-hoach-" + text::slug(plan.number) + ".xlsx");
  }
  link_tasks(table, f.tasks);
  bool can_manage = may(x.db, req, "plans.manage", plan.unit_code);
  json objective_rows = objectives_view(f.objectives, plan, f.areas, f.levels, x.source);
  for (auto& row : objective_rows) row["manage"] = can_manage;
  std::optional<Plan> parent;
  if (plan.parent_id) parent = x.db.read([&](db::Connection& c) { return find_plan(c, *plan.parent_id); });
  json data = {{"plan", plan_view(plan, names)},
               {"parent", parent ? json{{"id", std::to_string(parent->id)}, {"number", parent->number}} : json()},
               {"objectives", objective_rows},
               {"no_objectives", objective_rows.empty()},
               {"objective_form", can_manage ? objective_form(f.areas, f.levels, x.source) : json()},
               {"csrf", csrf_token(req)},
               {"legal_bases", plan.legal_bases},
               {"objectives", plan.objectives},
               {"has_legal_bases", !plan.legal_bases.empty()},
               {"has_objectives", !plan.objectives.empty()},
               {"summary", summary_rows(f.states)},
               {"today", format_date_vi(day)},
               {"table", views::to_view(table)},
               {"xlsx_href", fmt::format("/ke-hoach/{}?dinh-dang=xlsx", plan.id)},
               {"can_manage", can_manage},
               {"empty", f.tasks.empty()}};
  if (auto n = req.query_param("da-nhap");
      n && !n->empty() && n->size() < 6 && n->find_first_not_of("0123456789") == std::string::npos) {
    data["imported"] = {{"count", *n}};
  }
  return http::html(req, x.layout.page(req, "Kế hoạch " + plan.number, "plans/plan.tpl", data));
}

void add(http::Router& router, http::PageCache& signed_in, std::shared_ptr<PlanPages> pages) {
  const http::RouteTo<PlanPages> routes[] = {
      {http::Verb::get, "/ke-hoach/moi", "plans.manage", new_plan},
      {http::Verb::post, "/ke-hoach/moi", "plans.manage", create},
      {http::Verb::get, "/ke-hoach/{id}/sua", "plans.manage", edit},
      {http::Verb::post, "/ke-hoach/{id}/sua", "plans.manage", save},
  };
  http::add_routes(router, pages, routes);
  // Task states as of today; a plan's objectives show indicators too. After
  // /ke-hoach/moi, which {id} would match.
  const http::CachedForSession<PlanPages> kept[] = {
      {"/ke-hoach", "plans.read", list, {.kinds = {"units"}, .daily = true}},
      {"/ke-hoach/{id}", "plans.read", show, {.kinds = {"indicators", "units"}, .daily = true}},
  };
  http::add_session_cached_routes(router, signed_in, std::move(pages), kept);
}

}  // namespace
}  // namespace plan_pages

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in,
                IndicatorSource indicator_source) {
  auto pages = std::make_shared<plan_pages::PlanPages>(plan_pages::PlanPages{db, layout, std::move(indicator_source)});
  layout.add_nav({"Kế hoạch CCHC", "/ke-hoach", "plans.read"});
  layout.add_nav({"Việc cần báo cáo", "/viec-can-bao-cao", "plans.report"});
  layout.add_nav({"Duyệt báo cáo", "/duyet-bao-cao", "plans.review"});
  layout.add_nav({"Kỳ báo cáo", "/ky-bao-cao", "plans.review"});
  layout.add_nav({"Tổng hợp thực hiện kế hoạch", "/ke-hoach/tong-hop", "plans.read"});
  layout.add_nav({"Thông báo", "/thong-bao", "signed_in"});
  add_api_routes(router, db);
  add_province_routes(router, layout, db, signed_in);
  add_editor_routes(router, layout, db);
  add_objective_routes(router, db, pages->source);
  plan_pages::add(router, signed_in, pages);
  add_import_routes(router, layout, db);
  add_report_routes(router, layout, db);
}

}  // namespace cchc::plans
