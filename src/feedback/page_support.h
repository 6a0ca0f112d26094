#pragma once
// Pieces the feedback pages share: a case as the public may see it (never
// its contact data), labels, dates, pagination.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "directory/model.h"
#include "feedback/model.h"
#include "http/message.h"

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

}  // namespace cchc::feedback
