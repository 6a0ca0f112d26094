#pragma once
// The pure rules of inspections (docs/inspections.md): drawing units onto a
// plan, the follow-up of a recommendation, its due day, and the year's
// figures. No I/O: tested as tables.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/errors.h"
#include "inspections/model.h"

namespace cchc::inspections {

// "scheduled" / "done", and back (invalid_input for another text).
std::string code_of(VisitState s);
VisitState visit_state_of(std::string_view code);
std::string code_of(FixState s);
FixState fix_state_of(std::string_view code);
std::string label_vi(FixState s);  // "Đang khắc phục", …
// "not_inspected" | "lowest_ranked" | "most_overdue" → the rule.
Rule rule_of(std::string_view code);

// The units a rule draws from `candidates` for a plan of `year`, each with
// why, in the order the rule ranks them (ties by unit code, so the same data
// always draws the same units), never one already in `taken`:
//   not_inspected n  every unit whose latest inspection is before year - n + 1
//                    (or that never was), never inspected first, then the
//                    longest ago: "Chưa được kiểm tra" / "Chưa được kiểm tra từ
//                    năm 2022"; n from 1 to 10
//   lowest_ranked n  the n with the highest rank number among those ranked,
//                    "Xếp hạng 45/50 trong lần đánh giá gần nhất"; n from 1 to 500
//   most_overdue n   the n with most overdue tasks and feedback cases together
//                    (none with zero), "12 nhiệm vụ quá hạn, 3 phản ánh quá hạn"
// invalid_input for n out of range.
std::vector<Selected> select_units(const std::vector<Candidate>& candidates, Rule rule, int n, int year,
                                   const std::set<std::string>& taken = {});

// The follow-up of a recommendation, as a table of (state, action, actor)
// → next state; nullopt when the action is not allowed:
//   open, returned  --report (unit)-->    reported
//   reported        --accept (team)-->    fixed
//   reported        --send_back (team)--> returned
std::optional<FixState> follow_up(FixState from, FixAction action, FixActor actor);

// Whether a recommendation is overdue on `day`: not fixed and its due day
// passed (a fix reported on time but not yet accepted is not overdue until
// it is returned). A good point is never overdue.
bool overdue(const Finding& f, Date day);
// Whether a fixed recommendation was fixed on time: reported (the day of the
// report the team accepted) on or before its due day.
bool fixed_on_time(const Finding& f);

// A recommendation's due day from the record's day: `days` working days
// after it (1-250), or the date given (not before the record's day). Exactly
// one of the two; invalid_input otherwise.
Date due_of(Date held_on, std::optional<int> days, std::optional<Date> date, const WorkCalendar& calendar);

// The visits an announcement would tell of a day already gone by: still
// scheduled, not yet announced, their day before `today`. An official never
// announces an inspection on a past day (a notice sent on 07/12 saying the
// unit "sẽ được kiểm tra … ngày 03/12"), so announce refuses while there is
// one: its day must be moved (the visit removed and added again) or, if it
// took place, its record entered. A visit on `today` may still be announced.
std::vector<Inspection> past_unannounced(const std::vector<Inspection>& visits, Date today);

// A plan's own fields: number "45/KH-SNV" form, title 1-500 characters,
// year 2000-2100, a head among at most 30 members. Errors (English,
// Vietnamese), empty when fine.
std::vector<LineError> check_plan(const Plan& p);
// The year a plan's number belongs to (numbers are unique per issuing unit
// and year, Decree 30/2020/NĐ-CP): the issue date's, or the plan's year
// while it has none (the unique index of migration 0023 computes the same).
int number_year(const Plan& p);
// A finding: an area, a text of 1-4000 characters; a shortcoming needs a
// recommendation (1-4000), a responsible unit and a due day; a good point
// has neither a recommendation nor a due day (a contradiction is refused,
// never dropped).
std::vector<LineError> check_finding(const Finding& f);

// One visit as the figures see it.
struct VisitFacts {
  std::string unit_code;
  bool done = false;
  std::vector<Finding> findings;
};
// Where units stand on a day: each open unit's level, and for units closed
// since (merged, split) the units that took them over.
struct UnitFacts {
  std::map<std::string, std::string> level_of;                 // open units: code → level
  std::map<std::string, std::vector<std::string>> successors;  // closed units: code → successors
  std::vector<std::pair<std::string, std::string>> levels;     // level code, name, by rank
};
// The year's figures as of `day`: per level, the open units and how many of
// them were inspected (a done visit; a visit to a unit since merged counts
// for each of its successors, followed through several mergers); the
// recommendations of done visits: fixed, fixed on time, open (not fixed)
// and overdue on `day`. With `within` (unit codes, a subtree), only those
// units count, and only the recommendations they must fix.
Figures figures_of(int year, const std::vector<VisitFacts>& visits, const UnitFacts& units, Date day,
                   const std::set<std::string>& within = {});

// A share as a percentage with one decimal, or nullopt for an empty
// denominator (shown "—", never 0 %).
std::optional<double> share(int part, int whole);

// The figures other capabilities read as indicators (plan objectives,
// assessment criteria), code and Vietnamese name:
//   inspection_coverage            units inspected / units
//   recommendations_fixed          recommendations fixed / recommendations
//   recommendations_fixed_on_time  fixed on time / recommendations
const std::vector<std::pair<std::string, std::string>>& figure_indicators();
bool is_figure_indicator(std::string_view code);
// The ratio 0..1 of a figure indicator, nullopt for an empty denominator.
std::optional<double> figure_ratio(const Figures& f, std::string_view code);

}  // namespace cchc::inspections
