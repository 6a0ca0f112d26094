#pragma once
// What plans ask of a person now, for the work list (views/work.h): an
// officer or leader (plans.report) the reports their unit still owes for
// each period in play (due the period's due day). What the coordinator's
// loop asks (returned reports, requests, plans owed, reviews) is
// coordination's (coordination/work.h).
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::plans {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

}  // namespace cchc::plans
