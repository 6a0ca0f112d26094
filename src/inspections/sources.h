#pragma once
// What inspections ask of other capabilities (app/sources.cpp wires them):
// the reform areas, the facts the selection rules draw on, and telling a
// unit.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "plans/model.h"
#include "views/work.h"

namespace cchc::inspections {

struct Sources {
  // The reform areas (plans'), in their order: what a plan covers and a
  // finding is filed under.
  std::function<std::vector<plans::Area>(db::Connection&)> areas;
  // Each unit's rank in the latest published assessment of its level: (rank, of).
  std::function<std::map<std::string, std::pair<int, int>>(db::Connection&)> ranks;
  // Each unit's overdue tasks and overdue feedback cases on a day.
  std::function<std::map<std::string, int>(db::Connection&, Date)> overdue_tasks;
  std::function<std::map<std::string, int>(db::Connection&, Date)> overdue_feedback;
  // A visit announced, a recommendation recorded or returned: the unit is told.
  views::NotifyUnit notify;

  // The reform areas' codes, as the store checks a plan's and a finding's
  // against them (none when `areas` is not wired).
  std::set<std::string> area_codes(db::Connection& c) const {
    std::set<std::string> out;
    if (areas) {
      for (const auto& a : areas(c)) out.insert(a.code);
    }
    return out;
  }
};

}  // namespace cchc::inspections
