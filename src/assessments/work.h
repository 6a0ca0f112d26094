#pragma once
// What assessments ask of a person now, for the work list (views/work.h),
// over the open rounds: for a unit's officers and leaders, a
// self-assessment still in draft (due its level's deadline, or the
// coordinator's extension) and an appraisal waiting for the unit's answer
// (due its answer day); for an appraiser, the submitted units assigned to
// them and not yet appraised to the end.
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "views/work.h"

namespace cchc::assessments {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today);

}  // namespace cchc::assessments
