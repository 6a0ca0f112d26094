// Criteria sets: the list of versions, a version's tree with its exports,
// and importing a set (JSON, or XLSX laid out as assessments/sheet.h says).
#include <fmt/format.h>

#include "assessments/json.h"
#include "assessments/route_support.h"
#include "assessments/routes.h"
#include "assessments/sheet.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/session.h"

namespace cchc::assessments {

using nlohmann::json;

void add_set_routes(http::Router& router, views::Layout& layout, db::Database& db, const Sources& sources) {
  auto list_page = [&db, &layout](http::Request& req, json extra, http::Status status) {
    json data = db.read([&](db::Connection& c) {
      auto names = names_for(c);
      json rows = json::array();
      for (const auto& s : list_sets(c)) {
        rows.push_back({{"href", fmt::format("/danh-gia/bo-tieu-chi/{}", s.id)},
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
                  {"can_manage", directory::holds(*req.principal, "assessments.manage")}};
    });
    data.update(extra);
    return http::html(req, layout.page(req, "Bộ tiêu chí đánh giá", "assessments/sets.tpl", data), status);
  };
  router.add(http::Verb::get, "/danh-gia/bo-tieu-chi", "assessments.read",
             [list_page](http::Request& req) { return list_page(req, json::object(), http::Status::ok); });
  router.add(http::Verb::post, "/danh-gia/bo-tieu-chi", "assessments.manage", http::upload(1),
             [&db, &sources, list_page](http::Request& req) {
               try {
                 auto f = req.files().find("tep");
                 if (f == req.files().end() || f->second.content.empty()) {
                   throw invalid_input("choose a file", "Cần chọn tệp bộ tiêu chí (.json hoặc .xlsx).");
                 }
                 CriteriaSet set;
                 if (xlsx::looks_like_zip(f->second.content)) {
                   set = set_from_rows(xlsx::read_first_sheet(f->second.content),
                                       std::string(text::trim(req.form_param("ma").value_or(""))),
                                       std::string(text::trim(req.form_param("ten").value_or(""))),
                                       req.form_param("cap").value_or(""));
                 } else {
                   try {
                     set = set_from_json(json::parse(f->second.content));
                   } catch (const json::parse_error&) {
                     throw invalid_input("not JSON", "Tệp không phải JSON hợp lệ hay bảng tính .xlsx.");
                   }
                 }
                 auto stored = import_set(db, set, sources.indicator_codes(), directory::actor(req), now_seconds());
                 return http::redirect(req, fmt::format("/danh-gia/bo-tieu-chi/{}", stored.id));
               } catch (const Error& e) {
                 if (e.kind() != ErrorKind::invalid_input) throw;
                 return list_page(req, {{"error", {{"message", e.message_vi().empty() ? e.what() : e.message_vi()}}}},
                                  http::Status::unprocessable_entity);
               }
             });

  router.add(http::Verb::get, "/danh-gia/bo-tieu-chi/{id}", "assessments.read",
             [&db, &layout, &sources](http::Request& req) {
               auto id = text::parse_decimal(req.params.at("id"));
               auto set = db.read([&](db::Connection& c) { return load_set(c, std::int64_t(id.value_or(0))); });
               if (!set || !id || *id != double(set->id))
                 throw not_found("no such criteria set", "Không tìm thấy bộ tiêu chí.");
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
                                 {"rule", is_leaf ? rule_label_vi(c, sources.indicators) : ""},
                                 {"evidence", c.evidence_required},
                                 {"guidance", c.guidance}});
               }
               auto level = db.read([&](db::Connection& c) { return names_for(c).levels[set->level]; });
               json data{{"set",
                          {{"name", set->name},
                           {"code", set->code},
                           {"version", std::to_string(set->version)},
                           {"level", level},
                           {"max", score_vi(max_total(*set))},
                           {"id", std::to_string(set->id)}}},
                         {"rows", rows}};
               return http::html(req, layout.page(req, set->name, "assessments/set.tpl", data));
             });
}

}  // namespace cchc::assessments
