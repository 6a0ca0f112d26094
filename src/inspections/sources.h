#pragma once
// What inspections ask of other capabilities (app/sources.cpp wires them):
// the facts the selection rules draw on, and telling a unit.
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "db/database.h"
#include "views/work.h"

namespace cchc::inspections {

struct Sources {
  // Each unit's rank in the latest published assessment of its level: (rank, of).
  std::function<std::map<std::string, std::pair<int, int>>(db::Connection&)> ranks;
  // Each unit's overdue tasks and overdue feedback cases on a day.
  std::function<std::map<std::string, int>(db::Connection&, Date)> overdue_tasks;
  std::function<std::map<std::string, int>(db::Connection&, Date)> overdue_feedback;
  // A visit announced, a recommendation recorded or returned: the unit is told.
  views::NotifyUnit notify;
};

}  // namespace cchc::inspections
