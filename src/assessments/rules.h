#pragma once
// Pure rules of assessments: a criteria set's shape, what a score may be,
// deadlines, totals, ranks and bands, points at risk (docs/assessments.md
// gives each with its source).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/model.h"
#include "directory/model.h"

namespace cchc::assessments {

// Evidence files one unit keeps in one round (a set of 40 criteria with
// several files each fits); one more is 413.
inline constexpr std::size_t kMaxEvidenceFiles = 300;

std::string rule_code(Rule r);  // manual | yes_no | tiers | indicator
// Throws invalid_input naming the accepted codes.
Rule parse_rule(std::string_view code);

// ---- Criteria sets -------------------------------------------------------

// A set is well formed when: its code is 1-40 characters of letters,
// digits, "-", "_" and "."; its name 1-300 characters; it has at least one
// criterion; every criterion code (1-20 characters of letters, digits and
// ".") is unique and its parent, when named, is another criterion of the
// set (in any order, without cycles); names are
// 1-1,000 characters and guidance at most 10,000; on leaves max > min
// (max ≥ 0; a penalty criterion has max 0 and a negative min) and both
// within ±1,000; a step > 0 with (max − min) a whole number of steps;
// tiers non-empty, `from` strictly decreasing, each score within [min, max];
// an indicator rule names one of `indicators` and has tiers. Returns every
// problem (line = the criterion's position, 1-based; 0 for the set).
std::vector<LineError> check_set(const CriteriaSet& set, const std::set<std::string>& indicators);

// The leaves in set order.
std::vector<const Criterion*> leaves(const CriteriaSet& set);
// The sum of the leaves' maxima (the most a unit can score).
double max_total(const CriteriaSet& set);
// The maximum of a node: its own for a leaf, its leaves' sum otherwise.
double node_max(const CriteriaSet& set, std::string_view code);
// The area (top-level ancestor) of a criterion; the code itself for an area.
std::string area_of(const CriteriaSet& set, std::string_view code);

// ---- Scores --------------------------------------------------------------

// The points a measured value gives under a tiers or indicator rule: the
// score of the first tier (highest `from` first) with value ≥ from; below
// every tier the criterion's minimum.
double tier_score(const Criterion& c, double value);

// Whether `score` is a score the criterion allows: within [min, max]; on a
// step from min when one is set (to 1e-9); max or min under yes_no; a
// tier's score or min under tiers and indicator rules. Returns the problem
// (English, Vietnamese) or nullopt.
std::optional<LineError> check_score(const Criterion& c, double score);

// A self-assessment as a unit submits it: every leaf scored, every score
// allowed, an explanation (1-5,000 characters, not blank) wherever the score
// is below the maximum, no code that is not a leaf of the set. Returns
// every problem.
std::vector<LineError> check_submission(const CriteriaSet& set, const std::map<std::string, double>& scores,
                                        const std::map<std::string, std::string>& explanations);
// The same checks on a draft: only the scores it has, explanations not yet
// required.
std::vector<LineError> check_draft(const CriteriaSet& set, const std::map<std::string, double>& scores);
// An appraisal: any subset of the leaves, every score allowed, comments at
// most 5,000 characters and only on leaves.
std::vector<LineError> check_appraisal(const CriteriaSet& set, const std::map<std::string, double>& scores,
                                       const std::map<std::string, std::string>& comments);

// ---- Deadlines -----------------------------------------------------------

// A submission is on time when it is made no later than the level's
// deadline (the deadline's own second included) or, when the coordinator
// extended it, than the extension.
bool on_time(Instant submitted_at, Instant deadline, std::optional<Instant> extended_until);
// Whether a unit may still submit at `now` (same rule).
inline bool may_submit(Instant now, Instant deadline, std::optional<Instant> extended_until) {
  return on_time(now, deadline, extended_until);
}

// The last second of day `d` in +07:00: the deadline a day typed on a
// form gives (a level's deadline, an extension).
Instant last_second_of(Date d);

// ---- Rounds and the self-assessment page ---------------------------------

// The units that take part in a round: every unit of one of its levels
// valid on `as_of` (the evidence window's last day), in `units` order.
std::vector<std::string> round_participants(const std::vector<directory::Unit>& units,
                                            const std::vector<RoundLevel>& levels, Date as_of);

// What was typed for one leaf on the self-assessment form: `score` from
// the score field (a number under manual; "co" gives the maximum and
// "khong" the minimum under yes_no), `value` from the measured value's
// field (under tiers, and under indicator when the indicator gave no value
// for the unit: `computed` false). A blank field gives nothing; a number
// that cannot be read gives the problem, naming the criterion, instead.
struct Claim {
  std::optional<double> score, value;
  std::optional<LineError> problem;
};
Claim claim_of(const Criterion& c, bool computed, std::string_view score_field, std::string_view value_field);
// An appraiser's score for one leaf as typed: `score`, nothing when blank,
// or the problem naming the criterion.
Claim appraised_of(const Criterion& c, std::string_view score_field);

// Who looks at a unit's self-assessment page, as far as its rights go.
struct UnitViewer {
  bool self = false;           // acts for the unit (assessments.self on it)
  bool submits = false;        // submits for it (assessments.submit on it)
  bool appraiser = false;      // is assigned to appraise it
  bool province_wide = false;  // the coordinator, the working group, leaders watching
};
// What the page lets them do, the round open (docs/assessments.md):
struct UnitRights {
  bool edit = false;            // the unit's draft, until its deadline (`deadline`, extensions included)
  bool submit = false;          // edit, and the viewer submits for the unit
  bool appraise = false;        // the appraiser, once submitted, until sent for the answer or final
  bool answer = false;          // the unit, while its answer to the appraisal is due
  bool show_appraisal = false;  // the appraisal's columns: to its appraisers and the province, to
                                // the unit once sent to it, to all once the round is closed
  bool send = false;            // the appraiser sends the appraisal for the unit's answer
  bool finalise = false;        // the appraiser, after submission, unless the answer is still due
  bool late_closed = false;     // the unit's own draft, its deadline past
};
UnitRights unit_rights(const Participant& p, bool round_open, Instant deadline, const UnitViewer& who, Instant now);

// ---- Totals, ranks, bands ------------------------------------------------

// Totals are kept to 4 decimal places (rounded half away from zero), so that
// sums of scores like 0.1 + 0.2 compare equal to 0.3 in ties.
double round_total(double x);

// A unit's standing from its scores (the appraised score where set, else
// the self score) and its extra components' values. A late unit gets no
// total. The percent is the total over the most it could score.
Standing standing(const CriteriaSet& set, const std::string& unit, bool late, const std::vector<Score>& scores,
                  const std::vector<Component>& components, const std::map<std::string, double>& component_values,
                  const std::vector<Band>& bands);

// What a standing needs of its set, worked out once for a whole level
// rather than once per unit: the leaves in order, each with its area, and
// the set's maximum. It points into the set, which must outlive it.
struct SetShape {
  std::vector<std::pair<const Criterion*, std::string>> leaves;
  double max_total = 0;
};
SetShape shape_of(const CriteriaSet& set);
Standing standing(const SetShape& shape, const std::string& unit, bool late, const std::vector<Score>& scores,
                  const std::vector<Component>& components, const std::map<std::string, double>& component_values,
                  const std::vector<Band>& bands);

// Ranks one level: units with a total by total, highest first, equal totals
// sharing a rank with the next rank skipped (1, 2, 2, 4), ties listed by
// unit code; then late units (no total) by unit code, all at rank
// (number ranked + 1).
std::vector<Standing> rank_level(std::vector<Standing> standings);

// The first band (highest min_percent first) the percent reaches; "" when
// none or no percent.
std::string band_of(const std::vector<Band>& bands, std::optional<double> percent);
// ≥ 90 % Tốt, ≥ 80 % Khá, ≥ 65 % Trung bình, below Yếu.
std::vector<Band> default_bands();
// Bands as the round form writes them, "Tốt: 90; Khá: 80; Yếu: 0": a name,
// a colon, the minimum percent (comma or point decimals), ';' between.
// Blank gives no bands (the store then keeps the defaults). A part without
// a readable number throws invalid_input; ranges are checked by the store.
std::vector<Band> parse_bands(std::string_view text);
// The inverse: what the form shows for the bands.
std::string bands_text(const std::vector<Band>& bands);

// ---- Points at risk ------------------------------------------------------

struct AtRisk {
  std::string criterion, area;
  double max = 0;
  std::optional<double> self, appraised;
  double lost = 0;                   // max − final score
  std::optional<double> over_claim;  // self − appraised, when appraised lower
  std::optional<double> value;       // tiers / indicator: the measured value
  std::optional<double> next_from;   // the value that reaches the next tier
  std::optional<double> full_from;   // the value that gives full points
};

// Every leaf where points were lost or the appraisal found less than the
// unit claimed, in set order.
std::vector<AtRisk> points_at_risk(const CriteriaSet& set, const std::vector<Score>& scores);
// What wins a leaf's points back, as the unit's page says it: "Đạt 90,00 để
// được thêm điểm; đạt 95,00 để được điểm tối đa" (either part alone, the
// second only when it differs from the first); "" when no value would.
std::string win_back_vi(const AtRisk& r);

}  // namespace cchc::assessments
