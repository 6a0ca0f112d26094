// Criteria sets: the list of versions, a version's tree with its exports,
// and importing a set (JSON, or XLSX laid out as assessments/sheet.h says).
#include <fmt/format.h>

#include <algorithm>

#include "assessments/json.h"
#include "assessments/route_support.h"
#include "assessments/routes.h"
#include "assessments/sheet.h"
#include "core/parse.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "http/session.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

std::string set_href(std::int64_t id) { return fmt::format("/danh-gia/bo-tieu-chi/{}", id); }

// The list of set versions and the import form; `error` (a refusal's) above
// it.
http::Response sets_page(RouteContext& x, http::Request& req, json error) {
  json data = x.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    json rows = json::array();
    for (const auto& s : list_sets(c)) {
      rows.push_back({{"href", set_href(s.id)},
                      {"code", s.code},
                      {"version", std::to_string(s.version)},
                      {"name", s.name},
                      {"level", names.levels[s.level]}});
    }
    json levels = json::array();
    for (const auto& [code, name] : level_names(c)) levels.push_back({{"code", code}, {"name", name}});
    return json{{"sets", rows},
                {"none", rows.empty()},
                {"levels", levels},
                {"csrf", req.session ? req.session->csrf_token : ""},
                {"can_manage", runs_rounds(x.db, req)}};
  });
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, x.layout.page(req, "Bộ tiêu chí đánh giá", "assessments/sets.tpl", data));
}

http::Response show_sets(RouteContext& x, http::Request& req) { return sets_page(x, req, nullptr); }

// The set in the uploaded file ("tep"): a workbook with its code ("ma"),
// name ("ten") and level ("cap") from the form, or the JSON file. Throws
// invalid_input when there is none or it reads as neither.
CriteriaSet uploaded_set(const http::Request& req) {
  auto f = req.files().find("tep");
  if (f == req.files().end() || f->second.content.empty()) {
    throw invalid_input("choose a file", "Cần chọn tệp bộ tiêu chí (.json hoặc .xlsx).").at("tep");
  }
  if (xlsx::looks_like_zip(f->second.content)) {
    return set_from_rows(
        xlsx::read_first_sheet(f->second.content), std::string(text::trim(req.form_param("ma").value_or(""))),
        std::string(text::trim(req.form_param("ten").value_or(""))), req.form_param("cap").value_or(""));
  }
  try {
    return set_from_json(json::parse(f->second.content));
  } catch (const json::parse_error&) {
    throw invalid_input("not JSON", "Tệp không phải JSON hợp lệ hay bảng tính .xlsx.").at("tep");
  }
}

http::Response import_set_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  return http::refusing(
      [&] {
        auto stored =
            import_set(x.db, uploaded_set(req), x.sources.indicator_codes(), directory::actor(req), now_seconds());
        return http::redirect(req, set_href(stored.id));
      },
      [&](const http::Refusal& r) { return sets_page(x, req, r.json()); });
}

// A set version's tree, or the set as JSON or XLSX (?dinh-dang=).
http::Response set_page(RouteContext& x, http::Request& req) {
  auto id = parse_int(req.params.at("id"));
  auto set = id ? x.db.read([&](db::Connection& c) { return load_set(c, *id); }) : std::nullopt;
  if (!set) throw not_found("no such criteria set", "Không tìm thấy bộ tiêu chí.");
  auto format = req.query_param("dinh-dang").value_or("");
  auto file = text::slug(set->code + "-v" + std::to_string(set->version));
  if (format == "json") {
    return http::attachment(req, "application/json", set_to_json(*set).dump(2) + "\n", file + ".json");
  }
  if (format == "xlsx")
    return http::attachment(req, http::kXlsxType, views::to_xlsx({set_table(*set)}), file + ".xlsx");
  auto lf = leaves(*set);
  json rows = json::array();
  for (const auto& c : set->criteria) {
    bool is_leaf = std::find(lf.begin(), lf.end(), &c) != lf.end();
    rows.push_back({{"code", c.code},
                    {"name", c.name},
                    {"area", c.parent.empty()},
                    {"max", score_vi(node_max(*set, c.code))},
                    {"rule", is_leaf ? rule_label_vi(c, x.sources.indicators) : ""},
                    {"evidence", c.evidence_required},
                    {"guidance", c.guidance}});
  }
  auto level = x.db.read([&](db::Connection& c) { return names_for(c).levels[set->level]; });
  json data{{"set",
             {{"name", set->name},
              {"code", set->code},
              {"version", std::to_string(set->version)},
              {"level", level},
              {"max", score_vi(max_total(*set))},
              {"id", std::to_string(set->id)}}},
            {"rows", rows}};
  return http::html(req, x.layout.page(req, set->name, "assessments/set.tpl", data));
}

}  // namespace

void add_set_routes(http::Router& router, const std::shared_ptr<RouteContext>& x) {
  const http::RouteTo<RouteContext> routes[] = {
      {http::Verb::get, "/danh-gia/bo-tieu-chi", "assessments.read", show_sets},
      {http::Verb::post, "/danh-gia/bo-tieu-chi", "assessments.manage", import_set_post, http::upload(1)},
      {http::Verb::get, "/danh-gia/bo-tieu-chi/{id}", "assessments.read", set_page},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::assessments
