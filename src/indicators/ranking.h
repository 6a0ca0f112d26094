#pragma once
// Ranking units by a value. Higher is better unless `lower_is_better`.
// Equal values share a rank and the next rank skips ("competition
// ranking": 1, 2, 2, 4). Units whose sample is below `minimum` (too few
// dossiers), and units with no value (an empty denominator), are listed
// apart as "not enough data" rather than ranked. Ties among ranked units
// are listed by code, so the order is stable.
#include <optional>
#include <string>
#include <vector>

namespace cchc::indicators {

struct Candidate {
  std::string unit_code;
  std::optional<double> value;  // null: no data
  long sample = 0;              // e.g. dossiers behind the value
};

struct Ranked {
  std::string unit_code;
  std::optional<double> value;
  long sample = 0;
  std::optional<int> rank;  // none: not enough data
};

std::vector<Ranked> rank_units(std::vector<Candidate> candidates, long minimum = 30, bool lower_is_better = false);

}  // namespace cchc::indicators
