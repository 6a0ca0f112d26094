#pragma once
// What the assessments pages and API share: their context, the other
// files' route tables, and the look-ups and checks they have in common.
#include <string>
#include <utility>
#include <vector>

#include <memory>

#include "assessments/sources.h"
#include "assessments/store.h"
#include "assessments/tables.h"
#include "db/database.h"
#include "http/message.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::assessments {

// What every handler of the assessments pages works with; the router
// shares it (http::add_routes), so the sources live as long as the routes.
struct RouteContext {
  db::Database& db;
  views::Layout& layout;
  Sources sources;
};

// Each file's table of named handlers, registered by add_routes (routes.h)
// in this order: criteria sets (set_routes.cpp), the rounds' list and new
// round (routes.cpp), the self-assessment pages (unit_routes.cpp), the
// public rankings and the JSON API (public_routes.cpp), then a round and
// its coordinator's actions (routes.cpp), whose /danh-gia/{code} must come
// after every fixed /danh-gia/… path.
void add_set_routes(http::Router& router, const std::shared_ptr<RouteContext>& x);
void add_unit_routes(http::Router& router, const std::shared_ptr<RouteContext>& x);
void add_public_routes(http::Router& router, const std::shared_ptr<RouteContext>& x, http::PageCache& pages);

// The round of a path's {code}; not_found otherwise.
Round need_round(db::Database& db, const std::string& code);
// Whether the user runs the province's rounds and criteria sets: holds
// assessments.manage over the province's root (a coordinator of the
// province). The require_ form throws forbidden otherwise.
bool runs_rounds(db::Database& db, const http::Request& req);
void require_runs_rounds(db::Database& db, const http::Request& req);
// The round's results (totals, ranks) may be read: once published by
// anyone allowed the page, before by those who run the rounds and the
// province-wide roles (the working group, leaders watching). The require_
// form throws forbidden otherwise.
bool results_visible(db::Database& db, const http::Request& req, const Round& r);
void require_results_visible(db::Database& db, const http::Request& req, const Round& r);
// Unit names (every unit, any date) and level names, by code.
Names names_for(db::Connection& c);
// The unit levels (code, Vietnamese name) by rank.
std::vector<std::pair<std::string, std::string>> level_names(db::Connection& c);
// "Đang thực hiện" / "Đã công bố ngày dd/mm/yyyy".
std::string round_status_vi(const Round& r);
// The province's name (settings), for documents.
std::string province_name(db::Connection& c);

}  // namespace cchc::assessments
