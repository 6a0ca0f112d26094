#pragma once
// What the portal's pages share: names, links, cards, pagination, Open
// Graph data, and who may see or change an item.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "http/message.h"
#include "portal/model.h"

namespace cchc::portal {

struct Names {
  std::map<std::string, std::string> units;  // code → name
  std::vector<Category> categories;          // active, in order
  std::map<std::int64_t, Category> by_id;    // every category
};
Names names_for(db::Connection& c);

std::string item_href(const Item& i);          // /cong-thong-tin/bai-viet/{slug}
std::string category_href(const Category& c);  // /cong-thong-tin/chuyen-muc/{slug}
std::string editor_href(std::int64_t id);      // /bien-tap/{id}

// title, href, summary, date (dd/mm/yyyy of publication), unit, category,
// category_href, featured.
nlohmann::json item_card(const Item& i, const Names& names);
// label ("Kế hoạch 77/KH-UBND"), href, number, type, date, issuer, subject,
// has_file, file_href, file_size.
nlohmann::json document_card(const Document& d);

// The cards include (portal/cards.tpl) of item cards, titles at heading
// level `heading_level`.
nlohmann::json cards(nlohmann::json items, int heading_level);

// The document types of the library: code → Vietnamese name.
const std::vector<std::pair<std::string, std::string>>& document_types();

// Open Graph data for the layout: og:title, og:description, og:url, og:type.
nlohmann::json og(const std::string& base_url, const std::string& path, const std::string& title,
                  const std::string& description, bool article = false);

// ?trang=N (1 when absent; invalid_input when not a number 1-100000).
int page_param(const http::Request& req);
// Links to the previous and next page and "Trang N / M" for the template:
// {show, label, prev, next}. `query` is the rest of the query string.
nlohmann::json pagination(const std::string& path, const std::string& query, int page, int total, int per_page);

// The user writes for the item's unit: holds portal.write and belongs to
// the item's unit or a unit above it. (Province-wide roles are not authors
// of other units' items: the board works on them as the board.)
bool is_author(db::Database& db, const http::Request& req, const Item& item);
// The user may see the item before it is public: its authors, and the
// board once it has been submitted (a draft is the unit's own).
bool may_see_unpublished(db::Database& db, const http::Request& req, const Item& item);
// Who the user acts as for `action` on the item: the author when they are
// one and the step is theirs, else the board when they hold portal.review;
// forbidden when neither.
Actor actor_for(db::Database& db, const http::Request& req, const Item& item, Action action);

}  // namespace cchc::portal
