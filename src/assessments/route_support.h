#pragma once
// What the assessments pages and API share.
#include <string>
#include <utility>
#include <vector>

#include "assessments/store.h"
#include "assessments/tables.h"
#include "db/database.h"

namespace cchc::assessments {

// The round of a path's {code}; not_found otherwise.
Round need_round(db::Database& db, const std::string& code);
// Unit names (every unit, any date) and level names, by code.
Names names_for(db::Connection& c);
// The unit levels (code, Vietnamese name) by rank.
std::vector<std::pair<std::string, std::string>> level_names(db::Connection& c);
// "Đang thực hiện" / "Đã công bố ngày dd/mm/yyyy".
std::string round_status_vi(const Round& r);
// The province's name (settings), for documents.
std::string province_name(db::Connection& c);

}  // namespace cchc::assessments
