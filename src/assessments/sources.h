#pragma once
// What assessments read of other capabilities, wired in by the app
// (app/sources.cpp) so that assessments never read their tables.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assessments/model.h"
#include "assessments/store.h"
#include "views/work.h"

namespace cchc::assessments {

struct Sources {
  // The rate indicators a criterion may be computed from: code → name.
  std::map<std::string, std::string> indicators;
  // A rate indicator's value in percent for a unit (its subtree) over the
  // days [from, to]; none when there are no records.
  std::function<std::optional<double>(const std::string& unit, const std::string& indicator, Date from, Date to)>
      indicator_value;
  // The documents already in cchc a unit may cite as evidence (plans).
  std::function<std::vector<KnownDocument>()> documents;
  // An appraisal sent for the unit's answer reaches the unit.
  views::NotifyUnit notify;

  std::set<std::string> indicator_codes() const {
    std::set<std::string> out;
    for (const auto& [code, name] : indicators) out.insert(code);
    return out;
  }
};

// The values of a set's indicator-fed leaves for a unit over the round's
// evidence window (only those with data).
inline std::map<std::string, double> computed_values(const Sources& sources, const CriteriaSet& set, const Round& round,
                                                     const std::string& unit) {
  std::map<std::string, double> out;
  if (!sources.indicator_value) return out;
  for (const auto* c : leaves(set)) {
    if (c->rule != Rule::indicator) continue;
    if (auto v = sources.indicator_value(unit, c->indicator, round.evidence_from, round.evidence_to)) out[c->code] = *v;
  }
  return out;
}

}  // namespace cchc::assessments
