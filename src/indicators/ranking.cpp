#include "indicators/ranking.h"

#include <algorithm>

namespace cchc::indicators {

std::vector<Ranked> rank_units(std::vector<Candidate> candidates, long minimum, bool lower_is_better) {
  auto eligible = [minimum](const Candidate& c) { return c.value.has_value() && c.sample >= minimum; };
  auto mid = std::stable_partition(candidates.begin(), candidates.end(), eligible);
  std::sort(candidates.begin(), mid, [lower_is_better](const Candidate& a, const Candidate& b) {
    if (*a.value != *b.value) return lower_is_better ? *a.value < *b.value : *a.value > *b.value;
    return a.unit_code < b.unit_code;
  });
  std::sort(mid, candidates.end(), [](const Candidate& a, const Candidate& b) { return a.unit_code < b.unit_code; });
  std::vector<Ranked> out;
  int rank = 0;
  for (auto it = candidates.begin(); it != candidates.end(); ++it) {
    Ranked r{it->unit_code, it->value, it->sample, std::nullopt};
    if (it < mid) {
      size_t position = size_t(it - candidates.begin()) + 1;
      if (it == candidates.begin() || *it->value != *(it - 1)->value) rank = int(position);
      r.rank = rank;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cchc::indicators
