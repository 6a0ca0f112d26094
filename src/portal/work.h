#pragma once
// What the portal asks of a person now, for the work list (views/work.h):
// for the editorial board, the items waiting for its review; for an
// editor, the unit's items the board sent back. No legal deadline: undated.
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::portal {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

}  // namespace cchc::portal
