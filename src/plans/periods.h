#pragma once
// Reporting periods: a year's periods and their due days, a period's key,
// label and order, the current period and the periods in play.
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "plans/model.h"

namespace cchc::plans {

// The configured periods of `year`, in order. A due day that is not a
// working day moves to the next working day (Civil Code 2015, art. 148(5)),
// when the calendar covers that year.
std::vector<PeriodOfYear> periods_of_year(const std::vector<ReportPeriod>& config, int year,
                                          const WorkCalendar& calendar);
// "2024-q1" → that period; throws invalid_input for an unknown key.
PeriodOfYear period_of_key(const std::vector<ReportPeriod>& config, std::string_view key, const WorkCalendar& calendar);
// A period's label inside a sentence ("… cho kỳ năm 2026", "… kỳ Quý III
// năm 2026"): the label, with the year period's leading "Năm" in lower
// case. Every notice, letter and list item names a period by its label,
// never by its key ("2026-year").
std::string period_in_sentence(std::string_view label);
// The order of a period key: by the period's last day, then its configured
// order (so an ad-hoc period falls between the regular ones it sits
// between); -1 for a key that is not of the configured form.
int period_rank(const std::vector<ReportPeriod>& config, std::string_view key);
// The regular period whose report is the next one due on or after `day`
// (the current reporting period), within `day`'s year or the next; ad-hoc
// periods are not a cadence and never the current one.
PeriodOfYear current_period(const std::vector<ReportPeriod>& config, Date day, const WorkCalendar& calendar);
// The periods whose reports are owed on `day`, by due day: the current
// regular period, the regular period just past (its missing reports stay
// owed, and are urged, until the next one is due), and every ad-hoc period
// that has begun and whose due day is at most kAdhocOwedDays behind.
inline constexpr int kAdhocOwedDays = 30;
inline constexpr int kAdhocOrder = 5;  // after the regular periods' 1-4, for the ties of a same last day
std::vector<PeriodOfYear> periods_in_play(const std::vector<ReportPeriod>& config, Date day,
                                          const WorkCalendar& calendar);
// An ad-hoc period's own fields: a name of 1-200 characters, first ≤ last,
// due from last to 90 days after it, all three in one year of 2000-2100.
// Errors, Vietnamese and English; empty when it may be added.
std::vector<LineError> check_adhoc_period(const std::string& name, Date first, Date last, Date due);

}  // namespace cchc::plans
