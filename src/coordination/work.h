#pragma once
// What the coordinator's loop asks of a person now, for the work list
// (views/work.h):
//   - an officer or leader (plans.report): every task report the
//     coordinator returned (due the later of the period's due day and
//     kReturnedFixDays working days after the return); the open report
//     requests the unit has not answered (due the request's day) or whose
//     answer was returned (due as a returned report);
//   - whoever makes the unit's plans (plans.manage): the implementing plans
//     the unit must issue and has not (due the requirement's day);
//   - the coordinator (plans.review): the task reports waiting for review
//     (due, when report_count_after_days is set, the day the oldest would
//     count unreviewed) and the requests' answers waiting (undated).
// The reports a unit owes for the periods in play are plans' (plans/work.h).
#include <optional>
#include <vector>

#include "core/calendar.h"
#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::coordination {

inline constexpr int kReturnedFixDays = 5;
// When a returned report (or a returned answer to a request) is due again:
// the later of its own due day and kReturnedFixDays working days after the
// day it was returned (Monday to Friday beyond the calendar's years). The
// work list dates it so, and the urging letter lists it only once that day
// has passed.
Date returned_due(Date due, std::optional<Instant> returned_at, const WorkCalendar& calendar);

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

}  // namespace cchc::coordination
