#pragma once
// The national service index (Decision 766/QĐ-TTg, 23/6/2022): the six
// groups, 100 points, scored from a unit's indicators for a period plus the
// indicators only a person can report (entered by hand per unit and
// period). Two formula sets, named and versioned:
//
//   qd766-legal     the metric sheet as written: points = max × rate; a unit
//                   with no feedback handled has PETITION_HANDLING_SATISFACTION's
//                   6 points split 3/3 onto PETITION_PROCESSING_ON_TIME and
//                   DOSSIER_RECEIVING_SATISFACTION; when PETITION_PROCESSING_ON_TIME
//                   has no data either, its points go to DOSSIER_RECEIVING_SATISFACTION.
//   qd766-observed  the portal's observed behaviour: feedback indicators with
//                   no data score their full 6; dossier satisfaction is
//                   min(6, 6 × rate / 0.9) and 0 with no dossiers; data reuse
//                   is full at 80 %; the online group is
//                   min(2, 2A/0.8) + 4B + min(6, 6C/0.5).
//
// Every formula, its source and each edge case: docs/indicators.md.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "indicators/formulas.h"

namespace cchc::indicators {

enum class Formula { legal, observed };
Formula parse_formula(std::string_view s);  // "qd766-legal" | "qd766-observed"; invalid_input otherwise
const char* name(Formula f);

// What a person reports for an indicator the records cannot feed.
struct ManualValue {
  std::int64_t numerator = 0, denominator = 0;
  friend bool operator==(const ManualValue&, const ManualValue&) = default;
};
using ManualValues = std::map<std::string, ManualValue>;  // by indicator code

// The indicators entered by hand, with their Vietnamese names, in the order
// of the metric sheet (plus ONLINE_PROCEDURES_OFFERED, term A of the
// observed online group).
struct ManualIndicator {
  const char* code;
  const char* name_vi;
};
const std::vector<ManualIndicator>& manual_indicators();
bool is_manual_indicator(std::string_view code);

enum class ScoreStatus { scored, no_data, manual_missing };
const char* name(ScoreStatus s);

struct IndicatorScore {
  std::string code;
  std::string name_vi;
  Rate rate;                     // what the points were computed from
  double max = 0;                // after any redistribution of points
  std::optional<double> points;  // none: no data, or a manual value not entered
  ScoreStatus status = ScoreStatus::scored;
  double lost() const { return max - points.value_or(0.0); }
};

struct GroupScore {
  std::string code;
  std::string name_vi;
  double max = 0;
  double points = 0;
  std::vector<IndicatorScore> indicators;
};

struct Index766 {
  Formula formula = Formula::legal;
  std::vector<GroupScore> groups;
  double total = 0;      // indicators with no points count 0
  bool complete = true;  // every manual indicator entered
};

Index766 score766(const Indicators& in, const ManualValues& manual, Formula formula);

nlohmann::json to_json(const Index766& s);

}  // namespace cchc::indicators
