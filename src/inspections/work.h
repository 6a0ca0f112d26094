#pragma once
// What inspections put on the work list (views::WorkSource) and in the
// urging letter (plans::ShortfallSource).
#include <string>
#include <vector>

#include "db/database.h"
#include "http/message.h"
#include "plans/urging.h"
#include "views/work.h"

namespace cchc::inspections {

// For a unit's officers and leaders: its recommendations open or returned,
// due their day; for the coordinator: fixes reported and waiting.
std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

// The unit's recommendations overdue on `today` (kind recommendation_overdue).
std::vector<plans::Shortfall> shortfalls(db::Connection& c, const std::string& unit, Date today);

}  // namespace cchc::inspections
