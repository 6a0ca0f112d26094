#include "portal/page_support.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/middleware.h"
#include "portal/rules.h"
#include "portal/store.h"

namespace cchc::portal {

using nlohmann::json;

Names names_for(db::Connection& c) {
  Names n;
  n.units = directory::unit_names(c);
  for (auto& cat : categories(c, false)) {
    if (cat.active) n.categories.push_back(cat);
    n.by_id.emplace(cat.id, std::move(cat));
  }
  return n;
}

std::string item_href(const Item& i) { return "/cong-thong-tin/bai-viet/" + i.slug; }
std::string category_href(const Category& c) { return "/cong-thong-tin/chuyen-muc/" + c.slug; }
std::string editor_href(std::int64_t id) { return "/bien-tap/" + std::to_string(id); }

json item_card(const Item& i, const Names& names) {
  auto cat = names.by_id.find(i.category_id);
  auto unit = names.units.find(i.unit_code);
  return json{{"title", i.title},
              {"href", item_href(i)},
              {"summary", excerpt(i, 300)},
              {"date", i.publish_at ? format_date_vi(local_date(*i.publish_at)) : ""},
              {"unit", unit == names.units.end() ? i.unit_code : unit->second},
              {"category", cat == names.by_id.end() ? "" : cat->second.name},
              {"category_href", cat == names.by_id.end() ? "" : category_href(cat->second)}};
}

const std::vector<std::pair<std::string, std::string>>& document_types() {
  static const std::vector<std::pair<std::string, std::string>> types = {
      {"KH", "Kế hoạch"},   {"QĐ", "Quyết định"}, {"BC", "Báo cáo"},   {"TB", "Thông báo"},     {"CV", "Công văn"},
      {"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"},    {"HD", "Hướng dẫn"}, {"CTr", "Chương trình"}, {"QC", "Quy chế"}};
  return types;
}

json document_card(const Document& d) {
  std::string type_name = d.type_code;
  for (const auto& [code, name] : document_types()) {
    if (code == d.type_code) type_name = name;
  }
  auto href = "/cong-thong-tin/van-ban/" + d.slug;
  return json{{"label", d.number_symbol.empty() ? type_name : type_name + " " + d.number_symbol},
              {"href", href},
              {"number", d.number_symbol},
              {"type", type_name},
              {"date", d.issued_on ? format_date_vi(*d.issued_on) : ""},
              {"issuer", d.issuer},
              {"subject", d.subject},
              {"has_file", !d.file_name.empty()},
              {"file_href", href + "/tep"},
              {"file_size", text::format_decimal(double(d.file_size) / 1024.0, 0) + " KB"}};
}

json cards(json items, int heading_level) {
  for (auto& i : items) i["h"] = heading_level;
  return json{{"_template", "portal/cards.tpl"}, {"items", std::move(items)}};
}

json og(const std::string& base_url, const std::string& path, const std::string& title, const std::string& description,
        bool article) {
  return json{{"title", title},
              {"description", text::cut_utf8(description, 600)},
              {"url", base_url + path},
              {"type", article ? "article" : "website"}};
}

int page_param(const http::Request& req) {
  auto v = req.query_param("trang");
  if (!v || v->empty()) return 1;
  auto page = parse_int<int>(*v);
  if (!page || *page < 1 || *page > 999999) {
    throw invalid_input("page must be a number from 1", "Số trang không hợp lệ.");
  }
  return *page;
}

json pagination(const std::string& path, const std::string& query, int page, int total, int per_page) {
  int pages = std::max(1, (total + per_page - 1) / per_page);
  auto link = [&](int n) { return path + "?" + (query.empty() ? "" : query + "&") + "trang=" + std::to_string(n); };
  return json{{"_template", "portal/pagination.tpl"},
              {"show", pages > 1},
              {"label", fmt::format("Trang {} / {}", page, pages)},
              {"prev", page > 1 ? link(page - 1) : ""},
              {"has_prev", page > 1},
              {"next", page < pages ? link(page + 1) : ""},
              {"has_next", page < pages}};
}

bool is_author(db::Database& db, const http::Request& req, const Item& item) {
  if (!req.principal || !directory::holds(*req.principal, "portal.write")) return false;
  return db.read(
      [&](db::Connection& c) { return directory::unit_within(c, item.unit_code, req.principal->unit_code); });
}

bool may_see_unpublished(db::Database& db, const http::Request& req, const Item& item) {
  if (!req.principal) return false;
  if (item.state != State::draft && directory::holds(*req.principal, "portal.review")) return true;
  return is_author(db, req, item);
}

IssuingScope issuing_scope(db::Database& db, const std::string& unit_code) {
  IssuingScope scope;
  auto tree = directory::load_tree(db);
  for (const auto& u : tree.all()) {
    if (u.level == "province" && u.parent_code.empty()) {
      scope.province_names.push_back(u.name);
      if (!u.short_name.empty()) scope.province_names.push_back(u.short_name);
    }
    if (!tree.is_within(u.code, unit_code)) continue;
    scope.units.push_back({u.name, u.level});
    if (u.code == unit_code) scope.own = IssuingUnit{u.name, u.level};
  }
  return scope;
}

std::optional<std::string> issuer_refusal(db::Database& db, const std::string& poster_unit, bool board,
                                          const std::string& issuer) {
  if (board) return std::nullopt;
  if (text::trim(issuer).empty()) return std::string("Vui lòng ghi cơ quan ban hành văn bản.");
  auto scope = issuing_scope(db, poster_unit);
  if (issuer_names_one_of(issuer, scope.units, scope.province_names)) return std::nullopt;
  std::string own = scope.own ? issuer_label(*scope.own) : std::string("đơn vị mình");
  return "Đơn vị chỉ đăng được văn bản do " + own +
         " hoặc đơn vị trực thuộc ban hành. Văn bản của cơ quan khác do Ban Biên tập đăng.";
}

Actor actor_for(db::Database& db, const http::Request& req, const Item& item, Action action) {
  bool author = is_author(db, req, item);
  bool board = req.principal && directory::holds(*req.principal, "portal.review");
  if (author && (transition(item.state, action, Actor::author) || !board)) return Actor::author;
  if (board && (item.state != State::draft || author)) return Actor::board;
  throw forbidden("not an editor of this item's unit nor on the board",
                  "Bạn không có quyền thực hiện thao tác này với tin bài của đơn vị khác.");
}

}  // namespace cchc::portal
