#pragma once
// One entry of a person's work list (/viec-cua-toi, docs/ARCHITECTURE.md,
// "The work list"): what a capability asks the signed-in person to do now.
// Each capability says what it has for a person (plans::work_items, …); the
// home page orders them all (home::order_work).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::db {
class Connection;
}
namespace cchc::http {
struct Principal;
}

namespace cchc::views {

struct WorkItem {
  std::string group;        // Vietnamese, by what is to be done: "Báo cáo bị trả lại cần sửa"
  std::string what;         // the item as people read it (never a code)
  std::string href;         // where to do it
  std::optional<Date> due;  // the last day, when there is one
  std::string note;         // "Lý do: …", or ""
};

// Tells a unit's officers and leaders of a hand-over (an appraisal sent for
// the unit's answer, an item the board sent back): one notification each,
// in the app and in the e-mail digest; `event` keys it so it is stored
// once. Returns how many were stored. coordination::notify_unit, wired by
// app/sources.cpp.
using NotifyUnit =
    std::function<int(db::Connection&, const std::string& unit, const std::string& kind, const std::string& event,
                      const std::string& message, const std::string& href, Instant at)>;

// What one capability has for a person on a day.
using WorkSource = std::function<std::vector<WorkItem>(db::Connection&, const http::Principal&, Date today)>;

}  // namespace cchc::views
