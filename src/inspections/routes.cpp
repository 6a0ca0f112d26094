// The inspection pages (routes.h): each handler parses, calls the store in
// one transaction and renders; the table at the end names every route with
// its permission. Units act only on their own recommendations (checked
// against the unit tree); the coordinator plans, records and decides.
#include "inspections/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/refusal.h"
#include "http/session.h"
#include "inspections/store.h"
#include "inspections/summary.h"

namespace cchc::inspections {

using nlohmann::json;
using namespace std::chrono;

namespace {

struct Context {
  db::Database& db;
  views::Layout& layout;
  Sources sources;
};

// The reform areas, through the sources (none when they are not wired).
std::vector<plans::Area> reform_areas(Context& x, db::Connection& c) {
  return x.sources.areas ? x.sources.areas(c) : std::vector<plans::Area>{};
}

const WorkCalendar& calendar() { return WorkCalendar::vietnam(); }
Date today() { return local_date(now_seconds()); }
std::string csrf(const http::Request& req) { return req.session ? req.session->csrf_token : ""; }
std::string field(const http::Request& req, const char* name) {
  return std::string(text::trim(req.form_param(name).value_or("")));
}
std::optional<Date> date_field(const http::Request& req, const char* name) {
  auto s = field(req, name);
  if (s.empty()) return std::nullopt;
  return parse_date_input(s);
}

int year_of(const http::Request& req) {
  // "nam" on pages, "year" in the API.
  auto given = req.query_param(req.is_api() ? "year" : "nam").value_or("");
  if (given.empty()) return int(today().year());
  auto y = parse_int<int>(given).value_or(0);
  if (y < 2000 || y > 2100) throw invalid_input("year 2000-2100", "Năm không hợp lệ.");
  return y;
}

std::string plan_href(std::int64_t id) { return fmt::format("/kiem-tra/ke-hoach/{}", id); }
std::string visit_href(std::int64_t id) { return fmt::format("/kiem-tra/{}", id); }

// The units open today, by name, for the pickers.
std::vector<directory::Unit> open_units(db::Database& db) {
  auto all = directory::load_units(db);
  Date d = today();
  std::erase_if(all, [&](const auto& u) { return !u.valid_on(d); });
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return all;
}

// The open units the user runs inspections for (inspections.manage's
// reach): those a visit or a recommendation may name.
std::vector<directory::Unit> managed_units(db::Database& db, const http::Request& req) {
  auto units = open_units(db);
  auto within = db.read([&](db::Connection& c) {
    return directory::codes_within(c, directory::reach(*req.principal, "inspections.manage"));
  });
  if (within) std::erase_if(units, [&](const auto& u) { return !within->count(u.code); });
  return units;
}

json unit_options(const std::vector<directory::Unit>& units, const std::string& selected) {
  json out = json::array();
  for (const auto& u : units) out.push_back({{"code", u.code}, {"name", u.name}, {"selected", u.code == selected}});
  return out;
}

std::string role_vi(const std::string& role) {
  if (role == "head") return "Trưởng đoàn";
  if (role == "secretary") return "Thư ký";
  return "Thành viên";
}

// An optional text for a template section: false when empty (the renderer
// shows no section for a plain string).
json section(const std::string& text) { return text.empty() ? json(false) : json{{"text", text}}; }

// ---- The year: its plans and figures ----------------------------------------------------

http::Response index(Context& x, http::Request& req) {
  int year = year_of(req);
  std::vector<Plan> plans;
  std::map<std::string, std::string> names;
  x.db.read([&](db::Connection& c) {
    plans = list_plans(c, year);
    names = directory::unit_names(c);
  });
  auto figures = year_figures(x.db, year, today());
  json rows = json::array();
  for (const auto& p : plans) {
    int visits = 0, done = 0;
    x.db.read([&](db::Connection& c) {
      for (const auto& v : visits_of(c, p.id)) {
        ++visits;
        done += v.state == VisitState::done;
      }
    });
    rows.push_back({{"href", plan_href(p.id)},
                    {"number", p.number},
                    {"title", p.title},
                    {"issuer", names[p.issuer_unit]},
                    {"status", p.status == "announced" ? "Đã thông báo" : "Dự thảo"},
                    {"visits", text::format_int(visits)},
                    {"done", text::format_int(done)}});
  }
  json years = json::array();
  for (int y = int(today().year()) + 1; y >= int(today().year()) - 4; --y) {
    years.push_back({{"value", std::to_string(y)}, {"label", fmt::format("Năm {}", y)}, {"selected", y == year}});
  }
  json data = {{"year", std::to_string(year)},
               {"years", years},
               {"plans", rows},
               {"none", rows.empty()},
               {"can_manage", directory::holds(*req.principal, "inspections.manage")},
               {"figures", views::to_view(figures_table(figures, x.db))},
               {"recommendations", views::to_view(recommendations_table(figures))}};
  return http::html(req, x.layout.page(req, "Kiểm tra công tác cải cách hành chính", "inspections/index.tpl", data));
}

// ---- A new plan ----------------------------------------------------------------------------

Plan plan_from_form(const http::Request& req) {
  Plan p;
  p.number = field(req, "so");
  p.title = field(req, "trich_yeu");
  p.year = parse_int<int>(field(req, "nam")).value_or(0);
  p.issuer_unit = field(req, "don_vi_ban_hanh");
  p.issued_on = date_field(req, "ngay_ban_hanh");
  p.content = field(req, "noi_dung");
  for (const auto& [key, value] : req.form()) {
    if (key == "linh_vuc") p.areas.push_back(value);
  }
  for (int i = 0; i < 8; ++i) {
    auto name = field(req, fmt::format("ten_{}", i).c_str());
    if (name.empty()) continue;
    p.team.push_back(
        {name, field(req, fmt::format("don_vi_{}", i).c_str()), field(req, fmt::format("vai_tro_{}", i).c_str())});
  }
  return p;
}

// The plan's form: a new one (editing 0) or plan `editing`'s fields.
http::Response plan_form(Context& x, http::Request& req, const Plan* typed, json error, std::int64_t editing = 0) {
  auto units = open_units(x.db);
  auto areas = x.db.read([&](db::Connection& c) { return reform_areas(x, c); });
  Plan p;
  if (typed) p = *typed;
  if (!typed) {
    p.year = int(today().year());
    p.issuer_unit = req.principal->unit_code;
  }
  json area_rows = json::array();
  for (const auto& a : areas) {
    bool on = std::count(p.areas.begin(), p.areas.end(), a.code) > 0;
    area_rows.push_back({{"code", a.code}, {"name", a.name}, {"checked", on}});
  }
  json team = json::array();
  for (int i = 0; i < 8; ++i) {
    Member m = i < int(p.team.size()) ? p.team[i] : Member{"", "", i == 0 ? "head" : "member"};
    json roles = json::array();
    for (const char* r : {"head", "member", "secretary"}) {
      roles.push_back({{"code", r}, {"name", role_vi(r)}, {"selected", m.role == r}});
    }
    team.push_back({{"i", std::to_string(i)},
                    {"n", std::to_string(i + 1)},
                    {"name", m.name},
                    {"units", unit_options(units, m.unit_code)},
                    {"roles", roles}});
  }
  json data = {{"csrf", csrf(req)},
               {"number", p.number},
               {"title", p.title},
               {"year", p.year ? std::to_string(p.year) : ""},
               {"issued_on", p.issued_on ? format_date_vi(*p.issued_on) : ""},
               {"content", p.content},
               {"issuers", unit_options(units, p.issuer_unit)},
               {"areas", area_rows},
               {"team", team},
               {"action", editing ? plan_href(editing) + "/sua" : std::string("/kiem-tra/ke-hoach/moi")},
               {"heading", editing ? "Sửa kế hoạch kiểm tra" : "Lập kế hoạch kiểm tra"}};
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, data["heading"].get<std::string>(), "inspections/plan_form.tpl", data));
}

http::Response new_plan(Context& x, http::Request& req) { return plan_form(x, req, nullptr, nullptr); }

http::Response create(Context& x, http::Request& req) {
  Plan p;
  return http::refusing(
      [&] {
        p = plan_from_form(req);
        directory::require(x.db, req, "inspections.manage", p.issuer_unit);
        auto stored = x.db.write([&](db::Connection& c) {
          return create_plan(c, p, x.sources.area_codes(c), directory::actor(req), now_seconds());
        });
        return http::redirect(req, plan_href(stored.id) + "?da-luu=1");
      },
      [&](const http::Refusal& r) { return plan_form(x, req, &p, r.json()); });
}

// ---- A plan: its units, the team, drawing units, announcing ----------------------------------

Plan need_plan(db::Database& db, std::int64_t id) {
  auto p = db.read([&](db::Connection& c) { return find_plan(c, id); });
  if (!p) throw not_found("no such inspection plan", "Không có kế hoạch kiểm tra này.");
  return *p;
}

// Whether the user runs the inspections `issuer` issues: a coordinator whose
// subtree holds the issuing unit.
bool manages(Context& x, const http::Request& req, const std::string& issuer) {
  return directory::may(x.db, req, "inspections.manage", issuer);
}

// The plan of the path ({id}), when the user runs its inspections.
Plan managed_plan(Context& x, const http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  directory::require(x.db, req, "inspections.manage", plan.issuer_unit);
  return plan;
}

// Refuses (forbidden) a user who does not run the visit's plan.
void require_manages_visit(Context& x, const http::Request& req, std::int64_t visit_id) {
  auto issuer = x.db.read([&](db::Connection& c) {
    auto v = find_visit(c, visit_id);
    auto plan = v ? find_plan(c, v->plan_id) : std::nullopt;
    return plan ? plan->issuer_unit : std::string();
  });
  if (issuer.empty()) throw not_found("no such visit", "Không có cuộc kiểm tra này.");
  directory::require(x.db, req, "inspections.manage", issuer);
}

http::Response plan_page(Context& x, http::Request& req, json error = nullptr) {
  auto plan = need_plan(x.db, req.int_param());
  std::vector<Inspection> visits;
  std::map<std::string, std::string> names;
  std::vector<plans::Area> areas;
  x.db.read([&](db::Connection& c) {
    visits = visits_of(c, plan.id);
    names = directory::unit_names(c);
    areas = reform_areas(x, c);
  });
  std::set<std::int64_t> past;
  for (const auto& v : past_unannounced(visits, today())) past.insert(v.id);
  json visit_rows = json::array();
  for (const auto& v : visits) {
    visit_rows.push_back({{"href", visit_href(v.id)},
                          {"id", std::to_string(v.id)},
                          {"unit", names[v.unit_code]},
                          {"day", format_date_vi(v.scheduled_on)},
                          {"reason", v.reason.empty() ? "—" : v.reason},
                          {"state", v.state == VisitState::done ? "Đã kiểm tra" : "Chưa kiểm tra"},
                          {"announced", v.announced_at ? format_date_vi(local_date(*v.announced_at)) : "Chưa"},
                          {"letter", v.announced_at.has_value()},
                          {"removable", v.state == VisitState::scheduled},
                          {"past", past.count(v.id) > 0}});
  }
  json team = json::array();
  for (const auto& m : plan.team)
    team.push_back({{"name", m.name}, {"unit", names[m.unit_code]}, {"role", role_vi(m.role)}});
  std::string area_names;
  for (const auto& a : areas) {
    if (std::count(plan.areas.begin(), plan.areas.end(), a.code))
      area_names += (area_names.empty() ? "" : "; ") + a.name;
  }
  bool manage = manages(x, req, plan.issuer_unit);
  json data = {
      {"csrf", csrf(req)},
      {"id", std::to_string(plan.id)},
      {"number", plan.number},
      {"title", plan.title},
      {"year", std::to_string(plan.year)},
      {"issuer", names[plan.issuer_unit]},
      {"issued_on", plan.issued_on ? format_date_vi(*plan.issued_on) : "—"},
      {"announced", plan.status == "announced"},
      {"draft", plan.status != "announced"},
      {"areas", area_names.empty() ? "—" : area_names},
      {"content", section(plan.content)},
      {"team", team},
      {"no_team", team.empty()},
      {"visits", visit_rows},
      {"no_visits", visit_rows.empty()},
      {"count", text::format_int(std::int64_t(visit_rows.size()))},
      {"can_manage", manage},
      {"unannounced", std::any_of(visits.begin(), visits.end(), [](const auto& v) { return !v.announced_at; })},
      {"units", unit_options(managed_units(x.db, req), "")},
      {"saved", req.query_param("da-luu").has_value()},
      {"added", section(req.query_param("da-them").value_or(""))},
      {"told", section(req.query_param("da-thong-bao").value_or(""))}};
  // A refused announcement shows at its button, the others at the top.
  if (!error.is_null()) data[error.contains("announce") ? "announce_error" : "error"] = error;
  return http::html(req, x.layout.page(req, "Kế hoạch kiểm tra " + plan.number, "inspections/plan.tpl", data));
}

http::Response show_plan(Context& x, http::Request& req) { return plan_page(x, req); }

http::Response edit_plan(Context& x, http::Request& req) {
  auto plan = managed_plan(x, req);
  return plan_form(x, req, &plan, nullptr, plan.id);
}

http::Response save_plan(Context& x, http::Request& req) {
  auto id = managed_plan(x, req).id;
  Plan p;
  return http::refusing(
      [&] {
        p = plan_from_form(req);
        p.id = id;
        directory::require(x.db, req, "inspections.manage", p.issuer_unit);
        x.db.write([&](db::Connection& c) {
          update_plan(c, p, x.sources.area_codes(c), directory::actor(req), now_seconds());
        });
        return http::redirect(req, plan_href(id) + "?da-luu=1");
      },
      [&](const http::Refusal& r) { return plan_form(x, req, &p, r.json(), id); });
}

http::Response add_unit(Context& x, http::Request& req) {
  auto plan = managed_plan(x, req);
  // The unit visited is one the user coordinates too.
  if (auto unit = field(req, "don_vi"); !unit.empty()) directory::require(x.db, req, "inspections.manage", unit);
  return http::refusing(
      [&] {
        auto day = date_field(req, "ngay");
        if (!day) throw invalid_input("the day is missing", "Chưa nhập ngày kiểm tra.").at("ngay");
        x.db.write([&](db::Connection& c) {
          schedule_visit(c, plan.id, field(req, "don_vi"), *day, field(req, "ly_do"), directory::actor(req),
                         now_seconds());
        });
        return http::redirect(req, plan_href(plan.id) + "?da-them=1#don-vi");
      },
      [&](const http::Refusal& r) { return plan_page(x, req, r.json()); });
}

// The candidates of the selection rules: every open unit in `within` (the
// units the user coordinates; nullopt: all) except the plan's issuer, with
// the facts the rules weigh.
std::vector<Candidate> candidates(Context& x, db::Connection& c, const Plan& plan,
                                  const std::vector<directory::Unit>& open,
                                  const std::optional<std::set<std::string>>& within) {
  auto last = last_inspected(c);
  auto ranks = x.sources.ranks ? x.sources.ranks(c) : std::map<std::string, std::pair<int, int>>{};
  auto tasks = x.sources.overdue_tasks ? x.sources.overdue_tasks(c, today()) : std::map<std::string, int>{};
  auto feedback = x.sources.overdue_feedback ? x.sources.overdue_feedback(c, today()) : std::map<std::string, int>{};
  std::vector<Candidate> out;
  for (const auto& u : open) {
    if (u.code == plan.issuer_unit || u.level == "province") continue;
    if (within && !within->count(u.code)) continue;
    Candidate k{u.code, u.name, u.level};
    if (auto l = last.find(u.code); l != last.end()) k.last_inspected = l->second;
    if (auto r = ranks.find(u.code); r != ranks.end()) {
      k.rank = r->second.first;
      k.ranked_of = r->second.second;
    }
    k.overdue_tasks = tasks.count(u.code) ? tasks[u.code] : 0;
    k.overdue_feedback = feedback.count(u.code) ? feedback[u.code] : 0;
    out.push_back(k);
  }
  return out;
}

http::Response draw(Context& x, http::Request& req) {
  auto plan = managed_plan(x, req);
  return http::refusing(
      [&] {
        auto rule = rule_of(field(req, "tieu_chi"));
        auto n = parse_int<int>(field(req, "so")).value_or(0);
        auto day = date_field(req, "ngay");
        if (!day) throw invalid_input("the day is missing", "Chưa nhập ngày kiểm tra.").at("ngay");
        auto level = field(req, "cap");
        auto open = open_units(x.db);  // read before the write's transaction
        std::size_t added = 0;
        x.db.write([&](db::Connection& c) {
          auto pool = candidates(x, c, plan, open,
                                 directory::codes_within(c, directory::reach(*req.principal, "inspections.manage")));
          if (!level.empty()) std::erase_if(pool, [&](const auto& k) { return k.level != level; });
          std::set<std::string> taken;
          for (const auto& v : visits_of(c, plan.id)) taken.insert(v.unit_code);
          auto chosen = select_units(pool, rule, n, plan.year, taken);
          for (const auto& s : chosen) {
            schedule_visit(c, plan.id, s.unit_code, *day, s.reason, directory::actor(req), now_seconds());
          }
          added = chosen.size();
        });
        return http::redirect(req, fmt::format("{}?da-them={}#don-vi", plan_href(plan.id), added));
      },
      [&](const http::Refusal& r) { return plan_page(x, req, r.json()); });
}

http::Response remove(Context& x, http::Request& req) {
  auto id = req.int_param();
  auto v = x.db.read([&](db::Connection& c) { return find_visit(c, id); });
  if (!v) throw not_found("no such visit", "Không có cuộc kiểm tra này.");
  require_manages_visit(x, req, id);
  return http::refusing(
      [&] {
        x.db.write([&](db::Connection& c) { remove_visit(c, id, directory::actor(req), now_seconds()); });
        return http::redirect(req, plan_href(v->plan_id) + "#don-vi");
      },
      [&](const http::Refusal& r) {
        req.params["id"] = std::to_string(v->plan_id);
        return plan_page(x, req, r.json());
      });
}

// A refused announcement shows at its button.
http::Response announce_plan(Context& x, http::Request& req) {
  auto plan = managed_plan(x, req);
  auto now = now_seconds();
  return http::refusing(
      [&] {
        std::size_t told = 0;
        x.db.write([&](db::Connection& c) {
          auto visits = announce(c, plan.id, directory::actor(req), now);
          told = visits.size();
          if (!x.sources.notify) return;
          for (const auto& v : visits) {
            x.sources.notify(
                c, v.unit_code, "inspection",
                fmt::format("inspection-announced:{}:{}", v.id, format_iso_date(v.scheduled_on)),
                fmt::format("Đơn vị sẽ được kiểm tra công tác cải cách hành chính ngày {} (Kế hoạch kiểm tra số {})",
                            format_date_vi(v.scheduled_on), plan.number),
                visit_href(v.id), now);
          }
        });
        return http::redirect(req, fmt::format("{}?da-thong-bao={}#don-vi", plan_href(plan.id), told));
      },
      [&](const http::Refusal& r) {
        auto error = r.json();
        error["announce"] = true;
        return plan_page(x, req, error);
      });
}

http::Response letter(Context& x, http::Request& req) {
  std::optional<Inspection> v;
  std::optional<Plan> plan;
  std::map<std::string, std::string> names;
  views::Issuer issuer;
  views::Addressee to;
  x.db.read([&](db::Connection& c) {
    v = find_visit(c, req.int_param());
    if (!v) return;
    plan = find_plan(c, v->plan_id);
    names = directory::unit_names(c);
    issuer = directory::issuer(c, plan->issuer_unit, "KH");
    to = directory::addressee(c, v->unit_code);
  });
  if (!v || !plan) throw not_found("no such visit", "Không có cuộc kiểm tra này.");
  // A notice is dated the day it went out (today while not yet sent), never
  // after the day it announces (past_unannounced).
  Date sent_on = v->announced_at ? local_date(*v->announced_at) : today();
  if (std::chrono::sys_days{v->scheduled_on} < std::chrono::sys_days{sent_on}) {
    throw invalid_input("the visit's day has passed; the notice was never sent",
                        fmt::format("Ngày kiểm tra {} đã qua, không lập thông báo kiểm tra cho ngày này.",
                                    format_date_vi(v->scheduled_on)));
  }
  std::vector<std::string> areas;
  auto all = x.db.read([&](db::Connection& c) { return reform_areas(x, c); });
  for (const auto& a : all) {
    if (std::count(plan->areas.begin(), plan->areas.end(), a.code)) areas.push_back(a.name);
  }
  std::vector<std::pair<std::string, std::string>> team;
  for (const auto& m : plan->team) team.emplace_back(m.name + " (" + names[m.unit_code] + ")", role_vi(m.role));
  return http::attachment(req, http::kDocxType,
                          announcement_docx(issuer, to, *plan, v->scheduled_on, sent_on, areas, team),
                          fmt::format("thong-bao-kiem-tra-{}-{}.docx", text::slug(v->unit_code), v->id));
}

// ---- A visit: the record, its findings and their follow-up ----------------------------------

// What a visit's page reads, in one transaction.
struct VisitRecord {
  std::optional<Inspection> visit;
  std::optional<Plan> plan;
  std::vector<Finding> findings;
  std::vector<FileRef> files;
  std::map<std::string, std::string> names;
  std::vector<plans::Area> areas;
  std::map<std::int64_t, std::vector<FindingEvent>> events;
};

VisitRecord read_visit(Context& x, std::int64_t id) {
  VisitRecord r;
  x.db.read([&](db::Connection& c) {
    r.visit = find_visit(c, id);
    if (!r.visit) return;
    r.plan = find_plan(c, r.visit->plan_id);
    r.findings = findings_of(c, id);
    r.files = files_of(c, id);
    r.names = directory::unit_names(c);
    r.areas = reform_areas(x, c);
    for (const auto& f : r.findings) r.events[f.id] = finding_events(c, f.id);
  });
  if (!r.visit) throw not_found("no such visit", "Không có cuộc kiểm tra này.");
  return r;
}

// A shortcoming with its follow-up: history, evidence, and the steps the
// reader may take (report a fix for their unit, review it as the team).
json shortfall_row(Context& x, const http::Request& req, const VisitRecord& r, const Finding& f, bool manage, Date d) {
  bool own = directory::may(x.db, req, "inspections.fix", f.responsible_unit);
  json history = json::array();
  for (const auto& e : r.events.at(f.id)) {
    std::string what = e.action == "report"   ? "Đơn vị báo cáo khắc phục"
                       : e.action == "accept" ? "Đoàn kiểm tra công nhận đã khắc phục"
                                              : "Đoàn kiểm tra trả lại";
    history.push_back({{"what", what}, {"at", format_datetime_vi(e.at)}, {"note", section(e.note)}});
  }
  json evidence = json::array();
  for (const auto& file : r.files) {
    if (file.finding_id == f.id) {
      evidence.push_back({{"href", fmt::format("/kiem-tra/tep/{}", file.id)}, {"name", file.filename}});
    }
  }
  return {{"id", std::to_string(f.id)},
          {"text", f.text},
          {"recommendation", f.recommendation},
          {"unit", r.names.count(f.responsible_unit) ? r.names.at(f.responsible_unit) : ""},
          {"due", f.due ? format_date_vi(*f.due) : "—"},
          {"state", label_vi(f.state)},
          {"overdue", overdue(f, d)},
          {"fix_report", section(f.fix_report)},
          {"review_note", section(f.review_note)},
          {"history", history},
          {"evidence", evidence},
          {"may_report", own && (f.state == FixState::open || f.state == FixState::returned)},
          {"may_review", manage && f.state == FixState::reported},
          {"removable", manage && f.state == FixState::open && !f.reported_at}};
}

// The findings by reform area, areas without any left out.
json findings_by_area(Context& x, const http::Request& req, const VisitRecord& r, bool manage) {
  Date d = today();
  json by_area = json::array();
  for (const auto& a : r.areas) {
    json good = json::array(), shortfalls = json::array();
    for (const auto& f : r.findings) {
      if (f.area_code != a.code) continue;
      if (f.shortcoming) {
        shortfalls.push_back(shortfall_row(x, req, r, f, manage, d));
      } else {
        good.push_back({{"id", std::to_string(f.id)}, {"text", f.text}, {"removable", manage}});
      }
    }
    if (good.empty() && shortfalls.empty()) continue;
    by_area.push_back({{"name", a.name},
                       {"good", good},
                       {"shortfalls", shortfalls},
                       {"any_good", !good.empty()},
                       {"any_shortfalls", !shortfalls.empty()}});
  }
  return by_area;
}

// The page of a visit; `error` a refusal, at "#ket-qua" one of the finding
// form, which then keeps what was typed.
http::Response visit_page(Context& x, http::Request& req, json error = nullptr) {
  auto r = read_visit(x, req.int_param());
  const auto& v = *r.visit;
  bool manage = r.plan && manages(x, req, r.plan->issuer_unit);
  json minutes = json::array();
  for (const auto& file : r.files) {
    if (file.kind == "minutes")
      minutes.push_back({{"href", fmt::format("/kiem-tra/tep/{}", file.id)}, {"name", file.filename}});
  }
  bool finding_refused = !error.is_null() && error.value("at", "") == "#ket-qua";
  auto typed = [&](const char* name) { return finding_refused ? field(req, name) : std::string(); };
  json area_options = json::array();
  for (const auto& a : r.areas)
    area_options.push_back({{"code", a.code}, {"name", a.name}, {"selected", a.code == typed("linh_vuc")}});
  json finding_form = {{"good", typed("loai") == "tot"}, {"shortcoming", typed("loai") == "han-che"},
                       {"text", typed("noi_dung")},      {"recommendation", typed("kien_nghi")},
                       {"days", typed("so_ngay")},       {"date", typed("han")}};
  json data = {{"csrf", csrf(req)},
               {"id", std::to_string(v.id)},
               {"unit", r.names[v.unit_code]},
               {"plan_href", plan_href(r.plan->id)},
               {"plan_number", r.plan->number},
               {"scheduled", format_date_vi(v.scheduled_on)},
               {"done", v.state == VisitState::done},
               {"pending", v.state != VisitState::done},
               {"held_on", v.held_on ? format_date_vi(*v.held_on) : ""},
               {"summary", v.summary},
               {"summary_text", section(v.summary)},
               {"reason", section(v.reason)},
               {"by_area", findings_by_area(x, req, r, manage)},
               {"minutes", minutes},
               {"no_minutes", minutes.empty()},
               {"can_manage", manage},
               {"areas", area_options},
               {"units", unit_options(managed_units(x.db, req), finding_refused ? typed("don_vi") : v.unit_code)},
               {"finding_form", finding_form},
               {"saved", req.query_param("da-luu").has_value()}};
  data["no_findings"] = data["by_area"].empty();
  if (!error.is_null()) data[finding_refused ? "finding_error" : "error"] = error;
  return http::html(req, x.layout.page(req, "Kiểm tra " + r.names[v.unit_code], "inspections/visit.tpl", data));
}

http::Response show_visit(Context& x, http::Request& req) { return visit_page(x, req); }

// Runs `write` in one transaction; a refusal shows the visit page with why
// at `anchor`.
template <class F>
http::Response on_visit(Context& x, http::Request& req, std::int64_t visit_id, const std::string& anchor, F write) {
  return http::refusing(
      [&] {
        x.db.write([&](db::Connection& c) { write(c); });
        return http::redirect(req, visit_href(visit_id) + "?da-luu=1" + anchor);
      },
      [&](const http::Refusal& r) {
        req.params["id"] = std::to_string(visit_id);
        auto error = r.json();
        error["at"] = anchor;
        return visit_page(x, req, error);
      });
}

http::Response record(Context& x, http::Request& req) {
  auto id = req.int_param();
  require_manages_visit(x, req, id);
  return on_visit(x, req, id, "#bien-ban", [&](db::Connection& c) {
    auto day = date_field(req, "ngay");
    if (!day) throw invalid_input("the inspection day is missing", "Chưa nhập ngày kiểm tra.");
    record_visit(c, id, *day, field(req, "ket_luan"), directory::actor(req), now_seconds());
  });
}

http::Response add_finding_h(Context& x, http::Request& req) {
  auto id = req.int_param();
  require_manages_visit(x, req, id);
  // The unit made responsible is one the user coordinates too.
  if (auto unit = field(req, "don_vi"); !unit.empty()) directory::require(x.db, req, "inspections.manage", unit);
  return on_visit(x, req, id, "#ket-qua", [&](db::Connection& c) {
    auto v = find_visit(c, id);
    if (!v) throw not_found("no such visit", "Không có cuộc kiểm tra này.");
    Finding f;
    f.area_code = field(req, "linh_vuc");
    f.text = field(req, "noi_dung");
    f.recommendation = field(req, "kien_nghi");
    f.responsible_unit = field(req, "don_vi");
    // The kind as chosen; none chosen, a recommendation makes a shortcoming.
    auto kind = field(req, "loai");
    if (kind.empty() && f.recommendation.empty()) {
      throw invalid_input("choose whether the finding is a good point or a shortcoming",
                          "Chọn loại kết quả: ưu điểm hay hạn chế.");
    }
    if (!kind.empty() && kind != "tot" && kind != "han-che") {
      throw invalid_input("unknown finding kind " + kind, "Loại kết quả không hợp lệ.");
    }
    f.shortcoming = kind == "han-che" || (kind.empty() && !f.recommendation.empty());
    auto days_text = field(req, "so_ngay");
    std::optional<int> days;
    if (!days_text.empty()) {
      days = parse_int<int>(days_text);
      if (!days) throw invalid_input("working days must be a number", "Số ngày làm việc không hợp lệ.");
    }
    auto date = date_field(req, "han");
    // A good point's deadline is checked only to be refused (check_finding).
    if (f.shortcoming || days || date) f.due = due_of(v->held_on.value_or(today()), days, date, calendar());
    auto stored = add_finding(c, id, f, x.sources.area_codes(c), directory::actor(req), now_seconds());
    if (f.shortcoming && x.sources.notify) {
      x.sources.notify(c, f.responsible_unit, "inspection", fmt::format("inspection-finding:{}", stored.id),
                       fmt::format("Kiến nghị sau kiểm tra cần khắc phục trước ngày {}: {}", format_date_vi(*f.due),
                                   text::cut_utf8(f.recommendation, 200)),
                       visit_href(id) + fmt::format("#kn-{}", stored.id), now_seconds());
    }
  });
}

http::Response remove_finding(Context& x, http::Request& req) {
  auto f = x.db.read([&](db::Connection& c) { return find_finding(c, req.int_param()); });
  if (!f) throw not_found("no such finding", "Không có kết quả kiểm tra này.");
  require_manages_visit(x, req, f->inspection_id);
  return on_visit(x, req, f->inspection_id, "#ket-qua",
                  [&](db::Connection& c) { delete_finding(c, f->id, directory::actor(req), now_seconds()); });
}

std::optional<plans::EvidenceFile> uploaded(const http::Request& req, const char* name) {
  if (auto f = req.files().find(name); f != req.files().end() && !f->second.filename.empty()) {
    return plans::EvidenceFile{f->second.filename, f->second.content};
  }
  return std::nullopt;
}

http::Response upload_minutes(Context& x, http::Request& req) {
  auto id = req.int_param();
  require_manages_visit(x, req, id);
  return on_visit(x, req, id, "#bien-ban", [&](db::Connection& c) {
    auto file = uploaded(req, "tep");
    if (!file) throw invalid_input("choose the file", "Chưa chọn tệp biên bản.");
    attach_file(c, id, std::nullopt, "minutes", *file, directory::actor(req), now_seconds());
  });
}

// A visit's files (minutes, evidence of fixes) are read by those the visit
// concerns: coordinators (inspections.manage), the inspected unit and the
// units above it, the units of the team's members and the plan's issuer.
// Anyone else is told there is no such file, as for an id that names none.
http::Response file(Context& x, http::Request& req) {
  std::optional<StoredFile> f;
  std::optional<Inspection> visit;
  std::optional<Plan> plan;
  x.db.read([&](db::Connection& c) {
    f = find_file(c, req.int_param());
    if (f) visit = find_visit(c, f->visit_id);
    if (visit) plan = find_plan(c, visit->plan_id);
  });
  if (!f || !visit || !plan) throw not_found("no such file", "Không tìm thấy tệp.");
  const auto& p = *req.principal;
  bool concerned =
      manages(x, req, plan->issuer_unit) || p.unit_code == plan->issuer_unit ||
      std::any_of(plan->team.begin(), plan->team.end(), [&](const Member& m) { return m.unit_code == p.unit_code; }) ||
      directory::may_act_on(x.db, p, "inspections.read", visit->unit_code);
  if (!concerned) throw not_found("no such file", "Không tìm thấy tệp.");
  return http::attachment(req, f->content_type, std::move(f->content), f->filename);
}

http::Response report_fix(Context& x, http::Request& req) {
  auto f = x.db.read([&](db::Connection& c) { return find_finding(c, req.int_param()); });
  if (!f || !f->shortcoming) throw not_found("no such recommendation", "Không có kiến nghị này.");
  directory::require(x.db, req, "inspections.fix", f->responsible_unit);
  return on_visit(x, req, f->inspection_id, fmt::format("#kn-{}", f->id), [&](db::Connection& c) {
    auto file = uploaded(req, "tep");
    act(c, f->id, FixAction::report, FixActor::unit, field(req, "noi_dung"), file ? &*file : nullptr,
        directory::actor(req), now_seconds());
  });
}

http::Response review_fix(Context& x, http::Request& req) {
  auto f = x.db.read([&](db::Connection& c) { return find_finding(c, req.int_param()); });
  if (!f || !f->shortcoming) throw not_found("no such recommendation", "Không có kiến nghị này.");
  require_manages_visit(x, req, f->inspection_id);
  auto action = field(req, "thao_tac") == "accept" ? FixAction::accept : FixAction::send_back;
  return on_visit(x, req, f->inspection_id, fmt::format("#kn-{}", f->id), [&](db::Connection& c) {
    auto now = now_seconds();
    act(c, f->id, action, FixActor::team, field(req, "ly_do"), nullptr, directory::actor(req), now);
    if (action == FixAction::send_back && x.sources.notify) {
      x.sources.notify(
          c, f->responsible_unit, "inspection",
          fmt::format("inspection-returned:{}:{}", f->id, now.time_since_epoch().count()),
          "Kết quả khắc phục kiến nghị sau kiểm tra bị trả lại: " + text::cut_utf8(field(req, "ly_do"), 300),
          visit_href(f->inspection_id) + fmt::format("#kn-{}", f->id), now);
    }
  });
}

// ---- The follow-up board and the year's summary -----------------------------------------------

http::Response board(Context& x, http::Request& req) {
  auto year = req.query_param("nam").value_or("").empty() ? std::optional<int>{} : std::optional(year_of(req));
  auto state = req.query_param("trang-thai").value_or("");
  if (!state.empty() && state != "overdue") fix_state_of(state);  // refuses an unknown state
  std::vector<Recommendation> recs;
  std::map<std::string, std::string> names;
  std::optional<std::set<std::string>> seen;  // the units whose recommendations the user reads; nullopt: all
  x.db.read([&](db::Connection& c) {
    recs = recommendations(c, year);
    names = directory::unit_names(c);
    seen = directory::codes_within(c, directory::reach(*req.principal, "inspections.read"));
  });
  Date d = today();
  views::Table t{"kien-nghi",
                 "Kiến nghị sau kiểm tra và kết quả khắc phục",
                 {{"Kiến nghị"}, {"Đơn vị khắc phục"}, {"Cuộc kiểm tra"}, {"Hạn"}, {"Trạng thái"}},
                 {}};
  for (const auto& r : recs) {
    const auto& f = r.finding;
    if (seen && !seen->count(f.responsible_unit)) continue;
    bool late = overdue(f, d);
    if (state == "overdue" ? !late : (!state.empty() && code_of(f.state) != state)) continue;
    auto cell = views::Cell::of(text::cut_utf8(f.recommendation, 300));
    cell.href = visit_href(r.visit.id) + fmt::format("#kn-{}", f.id);
    auto status = views::Cell::of(late ? label_vi(f.state) + " — quá hạn" : label_vi(f.state));
    if (late) status.css = "missed";
    t.rows.push_back({cell, views::Cell::of(names[f.responsible_unit]),
                      views::Cell::of(fmt::format("{}, {}", names[r.visit.unit_code],
                                                  r.visit.held_on ? format_date_vi(*r.visit.held_on) : "—")),
                      views::Cell::of(f.due ? format_date_vi(*f.due) : "—"), status});
  }
  json states = json::array();
  for (auto [code, label] : std::vector<std::pair<std::string, std::string>>{{"", "Tất cả"},
                                                                             {"open", "Đang khắc phục"},
                                                                             {"reported", "Chờ đoàn kiểm tra xem xét"},
                                                                             {"returned", "Bị trả lại"},
                                                                             {"fixed", "Đã khắc phục"},
                                                                             {"overdue", "Quá hạn"}}) {
    states.push_back({{"code", code}, {"label", label}, {"selected", code == state}});
  }
  json data = {{"table", views::to_view(t)},
               {"states", states},
               {"year", year ? std::to_string(*year) : ""},
               {"count", text::format_int(std::int64_t(t.rows.size()))}};
  return http::html(req,
                    x.layout.page(req, "Theo dõi khắc phục kiến nghị sau kiểm tra", "inspections/board.tpl", data));
}

http::Response summary(Context& x, http::Request& req) {
  int year = year_of(req);
  auto figures = year_figures(x.db, year, today());
  auto open = open_recommendations_table(x.db, year, today());
  json data = {{"year", std::to_string(year)},
               {"figures", views::to_view(figures_table(figures, x.db))},
               {"recommendations", views::to_view(recommendations_table(figures))},
               {"open", views::to_view(open)},
               {"xlsx", fmt::format("/kiem-tra/tong-hop.xlsx?nam={}", year)},
               {"docx", fmt::format("/kiem-tra/tong-hop.docx?nam={}", year)}};
  return http::html(
      req, x.layout.page(req, fmt::format("Tổng hợp kết quả kiểm tra năm {}", year), "inspections/summary.tpl", data));
}

http::Response summary_xlsx(Context& x, http::Request& req) {
  int year = year_of(req);
  auto figures = year_figures(x.db, year, today());
  return http::attachment(req, http::kXlsxType,
                          views::to_xlsx({figures_table(figures, x.db), recommendations_table(figures),
                                          open_recommendations_table(x.db, year, today())}),
                          fmt::format("kiem-tra-cchc-{}.xlsx", year));
}

http::Response summary_docx(Context& x, http::Request& req) {
  int year = year_of(req);
  // From the unit that issued the year's plans (the coordinator), else the reader's own.
  auto issuer = x.db.read([&](db::Connection& c) {
    auto plans = list_plans(c, year);
    return directory::issuer(c, plans.empty() ? req.principal->unit_code : plans.back().issuer_unit, "BC");
  });
  return http::attachment(req, http::kDocxType, summary_report_docx(x.db, year, today(), issuer),
                          fmt::format("bao-cao-kiem-tra-cchc-{}.docx", year));
}

// ---- The API ------------------------------------------------------------------------------------

json figures_json(const Figures& f) {
  auto pct = [](int a, int b) { return share(a, b) ? json(*share(a, b)) : json(nullptr); };
  json levels = json::array();
  for (const auto& l : f.levels) {
    levels.push_back({{"level", l.level},
                      {"units", l.units},
                      {"inspected", l.inspected},
                      {"inspected_percent", pct(l.inspected, l.units)}});
  }
  return {{"year", f.year},
          {"levels", levels},
          {"units", f.units},
          {"inspected", f.inspected},
          {"inspected_percent", pct(f.inspected, f.units)},
          {"recommendations", f.recommendations},
          {"fixed", f.fixed},
          {"fixed_percent", pct(f.fixed, f.recommendations)},
          {"fixed_on_time", f.fixed_on_time},
          {"fixed_on_time_percent", pct(f.fixed_on_time, f.recommendations)},
          {"open", f.open},
          {"overdue", f.overdue}};
}

http::Response api_list(Context& x, http::Request& req) {
  int year = year_of(req);
  json out = json::array();
  x.db.read([&](db::Connection& c) {
    for (const auto& p : list_plans(c, year)) {
      json visits = json::array();
      for (const auto& v : visits_of(c, p.id)) {
        json findings = json::array();
        for (const auto& f : findings_of(c, v.id)) {
          findings.push_back({{"id", f.id},
                              {"area", f.area_code},
                              {"shortcoming", f.shortcoming},
                              {"text", f.text},
                              {"recommendation", f.shortcoming ? json(f.recommendation) : json(nullptr)},
                              {"responsible_unit", f.shortcoming ? json(f.responsible_unit) : json(nullptr)},
                              {"due", f.due ? json(format_iso_date(*f.due)) : json(nullptr)},
                              {"state", f.shortcoming ? json(code_of(f.state)) : json(nullptr)},
                              {"fixed_on", f.fixed_on ? json(format_iso_date(*f.fixed_on)) : json(nullptr)},
                              {"overdue", overdue(f, today())}});
        }
        visits.push_back({{"id", v.id},
                          {"unit", v.unit_code},
                          {"scheduled_on", format_iso_date(v.scheduled_on)},
                          {"reason", v.reason},
                          {"state", code_of(v.state)},
                          {"held_on", v.held_on ? json(format_iso_date(*v.held_on)) : json(nullptr)},
                          {"findings", findings}});
      }
      json team = json::array();
      for (const auto& m : p.team) team.push_back({{"name", m.name}, {"unit", m.unit_code}, {"role", m.role}});
      out.push_back({{"id", p.id},
                     {"year", p.year},
                     {"number", p.number},
                     {"title", p.title},
                     {"issuer", p.issuer_unit},
                     {"status", p.status},
                     {"areas", p.areas},
                     {"team", team},
                     {"inspections", visits}});
    }
  });
  return http::json(req, json{{"year", year}, {"plans", out}}.dump());
}

http::Response api_figures(Context& x, http::Request& req) {
  return http::json(req, figures_json(year_figures(x.db, year_of(req), today())).dump());
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sources sources) {
  layout.add_nav({"Kiểm tra CCHC", "/kiem-tra", "inspections.read"});
  auto x = std::make_shared<Context>(Context{db, layout, std::move(sources)});
  const http::RouteTo<Context> routes[] = {
      {http::Verb::get, "/kiem-tra", "inspections.read", index},
      {http::Verb::get, "/kiem-tra/ke-hoach/moi", "inspections.manage", new_plan},
      {http::Verb::post, "/kiem-tra/ke-hoach/moi", "inspections.manage", create},
      {http::Verb::get, "/kiem-tra/ke-hoach/{id}", "inspections.read", show_plan},
      {http::Verb::get, "/kiem-tra/ke-hoach/{id}/sua", "inspections.manage", edit_plan},
      {http::Verb::post, "/kiem-tra/ke-hoach/{id}/sua", "inspections.manage", save_plan},
      {http::Verb::post, "/kiem-tra/ke-hoach/{id}/don-vi", "inspections.manage", add_unit},
      {http::Verb::post, "/kiem-tra/ke-hoach/{id}/chon", "inspections.manage", draw},

      {http::Verb::post, "/kiem-tra/ke-hoach/{id}/thong-bao", "inspections.manage", announce_plan},
      {http::Verb::get, "/kiem-tra/theo-doi", "inspections.read", board},
      {http::Verb::get, "/kiem-tra/tong-hop", "inspections.read", summary},
      {http::Verb::get, "/kiem-tra/tong-hop.xlsx", "inspections.read", summary_xlsx},
      {http::Verb::get, "/kiem-tra/tong-hop.docx", "inspections.read", summary_docx},
      {http::Verb::get, "/kiem-tra/tep/{id}", "inspections.read", file},
      {http::Verb::post, "/kiem-tra/ket-qua/{id}/xoa", "inspections.manage", remove_finding},
      {http::Verb::post, "/kiem-tra/kien-nghi/{id}/khac-phuc", "inspections.fix", report_fix, http::upload(1)},
      {http::Verb::post, "/kiem-tra/kien-nghi/{id}/duyet", "inspections.manage", review_fix},
      {http::Verb::get, "/kiem-tra/{id}", "inspections.read", show_visit},
      {http::Verb::get, "/kiem-tra/{id}/thong-bao.docx", "inspections.read", letter},
      {http::Verb::post, "/kiem-tra/{id}/bien-ban", "inspections.manage", record},
      {http::Verb::post, "/kiem-tra/{id}/xoa", "inspections.manage", remove},
      {http::Verb::post, "/kiem-tra/{id}/ket-qua", "inspections.manage", add_finding_h},
      {http::Verb::post, "/kiem-tra/{id}/bien-ban-ky", "inspections.manage", upload_minutes, http::upload(1)},
      {http::Verb::get, "/api/v1/inspections", "inspections.read", api_list},
      {http::Verb::get, "/api/v1/inspections/figures", "inspections.read", api_figures},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::inspections
