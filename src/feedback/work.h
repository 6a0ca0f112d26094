#pragma once
// What citizen feedback asks of a person now, for the work list
// (views/work.h): the open cases assigned to them (due the case's legal
// deadline); for a unit leader, the draft answers waiting for approval and
// the cases of the unit nobody has taken yet.
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::feedback {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

}  // namespace cchc::feedback
