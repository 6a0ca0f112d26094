#pragma once
// What inspections put on the work list (views::WorkSource) and in the
// urging letter (coordination::ShortfallSource).
#include <string>
#include <vector>

#include "coordination/urging.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::inspections {

// For a unit's officers and leaders: its recommendations open or returned,
// due their day; for the coordinator: fixes reported and waiting.
std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

// The day's reminders of recommendations not yet fixed (open or returned),
// as report requests are reminded (coordination::request_reminder): N working days
// before the due day (N in plans.reminder_days), on the first working day
// after it and every fifth working day after that; each a notification to
// the responsible unit's officers and leaders, keyed so it is stored once.
// Returns the notifications stored.
int raise_reminders(db::Database& db, Date day, const views::NotifyUnit& notify, Instant now);

// The unit's recommendations overdue on `today` (kind recommendation_overdue).
std::vector<coordination::Shortfall> shortfalls(db::Connection& c, const std::string& unit, Date today);

}  // namespace cchc::inspections
