#pragma once
// The period picker every period field uses (never a code to type): the
// periods of the last `years` years that have begun by `today`, by year,
// with their Vietnamese labels (core/period.h), newest year first:
//   [{"group": "Năm 2026", "options": [{"value": "2026", "label": "Năm 2026", "selected"}, …]}]
// Each year lists the year, its halves, nine months, quarters and months.
// A selected period not among them (a date range, an older year) comes
// first in a group of its own, so the page can always show what it shows.
#include <nlohmann/json.hpp>

#include "core/period.h"

namespace cchc::views {

nlohmann::json period_choices(const Period& selected, Date today, int years = 3);

}  // namespace cchc::views
