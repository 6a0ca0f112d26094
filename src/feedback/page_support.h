#pragma once
// Pieces the feedback pages share: a case as the public may see it (never
// its contact data), labels, dates, pagination, refused forms.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "db/database.h"
#include "directory/model.h"
#include "feedback/model.h"
#include "http/message.h"
#include "http/refusal.h"

namespace cchc::feedback {

struct Names {
  std::map<std::string, std::string> units;         // code → name
  std::map<std::int64_t, std::string> categories;   // id → name
  std::string unit(const std::string& code) const;  // "" for none
  std::string category(std::int64_t id) const;
};
Names names_for(db::Connection& c);

// The fields any page may show: code, category, unit, state, dates and the
// deadline, never the content, the answer, the name or the contacts.
nlohmann::json public_status(const Case& k, const Names& names, Instant now);

// The current communes and wards, by name, for the place select; `selected`
// marks one.
nlohmann::json place_options(const std::vector<directory::Unit>& units, Date day, const std::string& selected);

// "?trang=N" of a page (1 when absent or bad); the pages' links, keeping `query`.
int page_number(const http::Request& req);
nlohmann::json pages(const std::string& base, const std::string& query, int page, std::int64_t total, int per_page);

// http::refusing for the forms that drive the workflow (store.h: receive,
// act, save_category), which refuses a step the case's state does not allow
// as forbidden and a category or unit that does not exist as not_found: on
// these forms both are refusals of what was typed, shown with the form at
// 422 like any other. The page's own permission is checked before `act`.
template <class Act, class Show>
http::Response refusing_workflow(Act&& act, Show&& show) {
  return http::refusing(
      [&]() -> http::Response {
        try {
          return std::forward<Act>(act)();
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::forbidden && e.kind() != ErrorKind::not_found) throw;
          auto kind = e.kind() == ErrorKind::forbidden ? ErrorKind::conflict : ErrorKind::invalid_input;
          throw Error(kind, e.what(), e.message_vi()).at(e.field());
        }
      },
      std::forward<Show>(show));
}

}  // namespace cchc::feedback
