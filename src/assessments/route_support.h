#pragma once
// What the assessments pages and API share.
#include <string>
#include <utility>
#include <vector>

#include "assessments/store.h"
#include "assessments/tables.h"
#include "db/database.h"
#include "http/message.h"

namespace cchc::assessments {

// The round of a path's {code}; not_found otherwise.
Round need_round(db::Database& db, const std::string& code);
// The round's results (totals, ranks) may be read: once published by
// anyone allowed the page, before by the province-wide roles only (the
// coordinator, the working group, leaders watching). The require_ form
// throws forbidden otherwise.
bool results_visible(const http::Request& req, const Round& r);
void require_results_visible(const http::Request& req, const Round& r);
// Unit names (every unit, any date) and level names, by code.
Names names_for(db::Connection& c);
// The unit levels (code, Vietnamese name) by rank.
std::vector<std::pair<std::string, std::string>> level_names(db::Connection& c);
// "Đang thực hiện" / "Đã công bố ngày dd/mm/yyyy".
std::string round_status_vi(const Round& r);
// The province's name (settings), for documents.
std::string province_name(db::Connection& c);

}  // namespace cchc::assessments
