#pragma once
// Targets per indicator, level and year, and how a unit's value stands
// against its level's target: met (value ≥ target), close (within 5
// percentage points below), missed, or no data (an empty denominator).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/formulas.h"

namespace cchc::indicators {

// The rates a province sets targets for and rankings order by, in page
// order, with their Vietnamese names.
struct RateIndicator {
  const char* code;  // the contract's field name, e.g. "on_time_rate"
  const char* name_vi;
  Rate Indicators::*rate;
};
const std::vector<RateIndicator>& rate_indicators();
// Throws invalid_input naming the accepted codes.
const RateIndicator& rate_indicator(std::string_view code);

inline constexpr double kCloseMargin = 0.05;  // "close": within 5 points

enum class Verdict { met, close, missed, no_data };
Verdict judge(std::optional<double> value, double target);
const char* name(Verdict v);
const char* label_vi(Verdict v);  // "Đạt", "Gần đạt", "Chưa đạt", "Chưa có dữ liệu"

}  // namespace cchc::indicators
