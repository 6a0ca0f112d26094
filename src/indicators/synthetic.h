#pragma once
// A deterministic generator of plausible dossiers and feedback for a set of
// units: the demo province's records and the benchmarks' provinces of
// 100 k to 10 M dossiers. The same options always give the same records.
//
// Each unit gets its own profile from a hash of its code (how much goes
// online, how often it is late, how much it digitises), leaning by level
// the way provinces do (departments most online, communes least) and
// improving year on year; records fall only in months the unit existed.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "indicators/model.h"

namespace cchc::indicators {

struct SyntheticUnit {
  std::string code;
  std::string level;  // department | district | commune | province
  Date valid_from;
  std::optional<Date> valid_to;
};

struct SyntheticOptions {
  std::uint64_t seed = 766;
  Date first_month;  // the 1st of the first month
  int months = 12;
  Instant horizon;                      // "now": nothing finishes or is answered after it
  double dossiers_per_unit_month = 40;  // at level department; others scale down
  double feedback_per_unit_month = 2;
};

// Calls `emit` for each record in received order per unit and month.
void generate_dossiers(const std::vector<SyntheticUnit>& units, const SyntheticOptions& o,
                       const std::function<void(const Dossier&)>& emit);
void generate_feedback(const std::vector<SyntheticUnit>& units, const SyntheticOptions& o,
                       const std::function<void(const Feedback&)>& emit);

}  // namespace cchc::indicators
