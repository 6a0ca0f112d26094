#include "plans/route_support.h"

#include <fmt/format.h>

#include <set>

#include "core/calendar.h"
#include "core/errors.h"
#include "directory/permissions.h"
#include "http/session.h"
#include "plans/periods.h"

namespace cchc::plans {

using nlohmann::json;

std::string csrf_token(const http::Request& req) { return req.session ? req.session->csrf_token : ""; }

Plan need_plan(db::Database& db, std::int64_t id) {
  auto p = db.read([&](db::Connection& c) { return find_plan(c, id); });
  if (!p) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  return *p;
}

Plan managed_plan(db::Database& db, const http::Request& req) {
  auto p = need_plan(db, req.int_param());
  require(db, req, "plans.manage", p.unit_code);
  return p;
}

std::optional<EvidenceFile> evidence_file(const http::Request& req, const char* field) {
  auto f = req.files().find(field);
  if (f == req.files().end() || f->second.filename.empty()) return std::nullopt;
  return EvidenceFile{f->second.filename, f->second.content};
}

std::map<std::string, std::string> names_of(const std::vector<UnitRow>& units) {
  std::map<std::string, std::string> out;
  for (const auto& u : units) out[u.code] = u.name;
  return out;
}

std::vector<std::string> subtree_codes(const std::vector<UnitRow>& all, const std::string& unit) {
  std::set<std::string> mine = {unit};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& u : all) {
      if (!mine.count(u.code) && mine.count(u.parent_code)) grew = mine.insert(u.code).second;
    }
  }
  return {mine.begin(), mine.end()};
}

std::vector<UnitRow> units_of_user(const std::vector<UnitRow>& all, const http::Principal& p,
                                   std::string_view permission) {
  auto reach = directory::reach(p, permission);
  if (reach.everywhere) return all;
  std::set<std::string> mine;
  for (const auto& root : reach.roots) {
    for (auto& code : subtree_codes(all, root)) mine.insert(std::move(code));
  }
  std::vector<UnitRow> out;
  for (const auto& u : all) {
    if (mine.count(u.code)) out.push_back(u);
  }
  return out;
}

json period_options(const std::vector<ReportPeriod>& config, int year, Date today, const std::string& selected) {
  json out = json::array();
  for (int y : {year - 1, year}) {
    for (const auto& p : periods_of_year(config, y, WorkCalendar::vietnam())) {
      if (std::chrono::sys_days{p.first} > std::chrono::sys_days{today}) continue;
      out.push_back({{"key", p.key}, {"label", p.label}, {"selected", p.key == selected}});
    }
  }
  return out;
}

// The issuing body of a unit's drafts (views::issuer_for), from the units.
views::Issuer issuer_of(const std::string& unit_code, const std::vector<UnitRow>& units) {
  const UnitRow* unit = nullptr;
  std::string province;
  for (const auto& u : units) {
    if (u.code == unit_code) unit = &u;
    if (u.parent_code.empty() && u.level == "province") province = u.name;
  }
  if (!unit) return views::issuer_for("", "", "", province, "BC");
  return views::issuer_for(unit->code, unit->name, unit->level, province, "BC");
}

views::Addressee addressee_of(const std::string& unit_code, const std::vector<UnitRow>& units) {
  for (const auto& u : units) {
    if (u.code == unit_code) return views::addressee_for(u.name, u.level);
  }
  return {};
}

json text_section(const std::string& text) { return text.empty() ? json(false) : json{{"text", text}}; }

json unit_options(const std::vector<UnitRow>& units, const std::string& selected) {
  json out = json::array();
  for (const auto& u : units) {
    if (u.open || u.code == selected)
      out.push_back({{"code", u.code}, {"name", u.name}, {"selected", u.code == selected}});
  }
  return out;
}

std::string progress_label(const std::string& p) {
  if (p == "done") return "Đã hoàn thành";
  if (p == "in_progress") return "Đang thực hiện";
  return "Chưa thực hiện";
}

std::string report_summary(const Report& r) { return fmt::format("{}, {} %", progress_label(r.progress), r.percent); }

std::string names_text(const std::vector<std::string>& codes, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const auto& c : codes) {
    auto it = names.find(c);
    out += (out.empty() ? "" : "; ") + (it == names.end() ? c : it->second);
  }
  return out;
}

}  // namespace cchc::plans
