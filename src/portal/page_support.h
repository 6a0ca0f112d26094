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
#include "portal/rules.h"

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

// title, href, summary (rules.h: excerpt — the summary, or the start of
// the body's text when there is none; never markdown), date (dd/mm/yyyy of
// publication), unit, category, category_href.
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
// The issuing bodies whose documents a unit posts: the unit and every unit
// below it (any date), with the province's names that may follow a unit's
// name on a document ("Tỉnh Đồng Nai", "Đồng Nai"); `own` is the unit
// itself (none when it is not in the tree).
struct IssuingScope {
  std::vector<IssuingUnit> units;
  std::vector<std::string> province_names;
  std::optional<IssuingUnit> own;
};
IssuingScope issuing_scope(db::Database& db, const std::string& unit_code);
// Why the poster may not post a document of this issuer (Vietnamese, for
// the issuer's field), or nullopt when they may: the board posts any
// document; anyone else only one whose issuing body is their unit or a
// unit below it (rules.h: issuer_names_one_of), the issuer written.
std::optional<std::string> issuer_refusal(db::Database& db, const std::string& poster_unit, bool board,
                                          const std::string& issuer);

// Who the user acts as for `action` on the item: the author when they are
// one and the step is theirs, else the board when they hold portal.review;
// forbidden when neither.
Actor actor_for(db::Database& db, const http::Request& req, const Item& item, Action action);

}  // namespace cchc::portal
