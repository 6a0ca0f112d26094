#pragma once
// Assessments and rankings: plain types (docs/assessments.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/errors.h"

namespace cchc::assessments {

// How a leaf criterion turns what a unit claims into points.
//   manual     any score in [min, max], on the step when one is set;
//   yes_no     max (yes) or min (no);
//   tiers      the unit enters a measured value (a ratio in %, a count);
//              the first tier whose `from` it reaches gives the points,
//              below every tier the minimum;
//   indicator  like tiers, on the value of an indicator of the indicators
//              capability (its rate in %) over the round's evidence window.
enum class Rule { manual, yes_no, tiers, indicator };

struct Tier {
  double from = 0;   // value ≥ from …
  double score = 0;  // … gives these points
  friend bool operator==(const Tier&, const Tier&) = default;
};

// A node of a criteria set: an area (no parent), a criterion or a
// sub-criterion. Only leaves (nodes without children) are scored; a node's
// maximum is the sum of its leaves'.
struct Criterion {
  std::string code;    // "2.3.1"
  std::string parent;  // "" for an area
  std::string name;
  std::string guidance;
  double max = 0;
  double min = 0;  // negative for a penalty criterion
  Rule rule = Rule::manual;
  std::optional<double> step;  // manual: scores on min + k·step
  std::vector<Tier> tiers;     // tiers, indicator: by `from`, highest first
  std::string indicator;       // indicator: a rate indicator code
  bool evidence_required = false;
  friend bool operator==(const Criterion&, const Criterion&) = default;
};

// A criteria set as versioned data: a code ("CQDT-SO"), the level it is
// for, and its tree in order (parents before children).
struct CriteriaSet {
  std::int64_t id = 0;  // stored version's id
  std::string code;
  int version = 0;
  std::string name;
  std::string level;  // unit level code: department, district, commune
  std::vector<Criterion> criteria;
};

// A band of the ranking by the share of the maximum reached:
// percent ≥ min_percent (the first band reached, highest first).
struct Band {
  std::string name;  // "Tốt"
  double min_percent = 0;
  friend bool operator==(const Band&, const Band&) = default;
};

// An extra component scored outside the criteria (a satisfaction survey):
// each unit's value (0 … max_value) counts weight × value points.
struct Component {
  std::string code, name;
  double weight = 1;
  double max_value = 100;
};

struct RoundLevel {
  std::string level;
  std::int64_t set_id = 0;
  Instant deadline{};  // the last second a submission is on time
};

struct Round {
  std::int64_t id = 0;
  std::string code;  // "CQDT-2024"
  std::string name;
  int year = 0;
  Date evidence_from, evidence_to;
  std::string previous;  // code of the round to compare with, or ""
  int answer_days = 5;   // working days a unit has to answer an appraisal
  std::vector<Band> bands;
  std::vector<Component> components;
  std::vector<RoundLevel> levels;
  std::string status = "open";  // open | published
  std::optional<Instant> published_at;
  std::string published_by;
  std::string decision;  // the approving decision's number, when known
};

// A participating unit's standing in a round.
struct Participant {
  std::string unit;
  std::string level;
  std::optional<Instant> extended_until;  // a coordinator's extension
  std::string extension_reason;
  std::string state = "draft";  // draft | submitted
  std::optional<Instant> submitted_at;
  std::string submitted_by;
  // none | appraising | awaiting_answer | answered | final
  std::string appraisal = "none";
  std::optional<Instant> answer_due;
};

// One criterion of one unit: what it claimed and what the appraisal found.
struct Score {
  std::string criterion;
  std::optional<double> self;
  std::optional<double> value;  // tiers / indicator: the measured value
  std::string explanation;
  std::optional<double> appraised;
  std::string comment;
  std::string answer;  // the unit's giải trình
};

// A unit's final standing, for a ranking.
struct Standing {
  std::string unit;
  bool late = false;
  std::optional<double> criteria_total;  // null when late
  std::optional<double> total;           // criteria + weighted components
  double max_total = 0;
  std::optional<double> percent;
  std::string band;
  int rank = 0;
  std::map<std::string, double> areas;       // area code → points
  std::map<std::string, double> components;  // component code → weighted points
};

}  // namespace cchc::assessments
