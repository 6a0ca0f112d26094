#pragma once
// What the plans pages read and decide: ids, years and report fields as
// typed, the day a year's figures are as of, who a task names.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plans/model.h"

namespace cchc::plans {

// A record id as a form or a query writes it: 1 to 12 ASCII digits ("0"
// included); nullopt for anything else ("", "-1", "1x", 13 digits).
std::optional<std::int64_t> id_of_text(std::string_view s);
// A year written YYYY: four ASCII digits making 1000 or later; nullopt for
// anything else.
std::optional<int> year_of_text(std::string_view s);
// The year a page of periods shows: `this_year` when none is given or it is
// not a whole number; invalid_input outside 2000-2100.
int page_year(std::string_view s, int this_year);
// The day a year's figures are as of: `today`, or 31 December of a past year.
Date view_day(int year, Date today);

// A report's percent as the form writes it (spaces around ignored): blank is
// 0, else one to three ASCII digits (check_report bounds it to 0-100);
// invalid_input at "ty_le" otherwise.
int report_percent(std::string_view text);
// The day a report says its task was done: for progress "done", the day
// typed (parse_date_input, spaces around ignored) or `today` when blank;
// none for other progress.
std::optional<Date> report_done_on(std::string_view progress, std::string_view text, Date today);
// Whether `task` names `unit`, leading or co-operating.
bool task_names(const Task& task, std::string_view unit);
// A unit's role in a task: "lead" when it leads it, else "cooperate".
std::string report_role(const Task& task, std::string_view unit);
// Whether a report was made after its period's due day.
bool reported_late(const Report& r, const PeriodOfYear& p);
// What the report form shows for `unit` and `period` before anything is
// typed: the unit's report of that period, else its latest (the last of
// `reports` in their order), else a blank report in progress.
Report report_prefill(const std::vector<Report>& reports, std::string_view unit, std::string_view period);
// The reason a task is cancelled with: "" when it is reopened, else
// `reason` as typed, which must not be blank (invalid_input at "ly_do").
std::string cancel_reason(bool reopen, const std::string& reason);
// An objective's target or value as typed ("70", "70,5", "70.5"); nullopt
// when blank; invalid_input saying `what_vi` must be a number otherwise.
std::optional<double> objective_amount(std::string_view text, std::string_view what_vi);

}  // namespace cchc::plans
