#include "indicators/targets.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace cchc::indicators {

namespace {
// Ratios such as 24/25 and a target typed as 0.96 may differ in the last
// bit; a value that equals its target to 1e-9 meets it.
constexpr double kEpsilon = 1e-9;

const std::vector<RateIndicator> kRates = {
    {"online_rate", "Tỷ lệ hồ sơ trực tuyến", &Indicators::online_rate},
    {"online_full_rate", "Tỷ lệ hồ sơ trực tuyến toàn trình", &Indicators::online_full_rate},
    {"on_time_rate", "Tỷ lệ hồ sơ giải quyết đúng hạn", &Indicators::on_time_rate},
    {"digitized_rate", "Tỷ lệ số hóa hồ sơ", &Indicators::digitized_rate},
    {"result_digitized_rate", "Tỷ lệ số hóa kết quả", &Indicators::result_digitized_rate},
    {"online_payment_rate", "Tỷ lệ thanh toán trực tuyến", &Indicators::online_payment_rate},
    {"satisfaction_rate", "Tỷ lệ hài lòng", &Indicators::satisfaction_rate},
    {"apology_rate", "Tỷ lệ xin lỗi khi trễ hạn", &Indicators::apology_rate},
    {"feedback_on_time_rate", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", &Indicators::feedback_on_time_rate},
    {"feedback_satisfaction_rate", "Tỷ lệ hài lòng với xử lý phản ánh, kiến nghị",
     &Indicators::feedback_satisfaction_rate},
};
}  // namespace

const std::vector<RateIndicator>& rate_indicators() { return kRates; }

const RateIndicator& rate_indicator(std::string_view code) {
  for (const auto& r : kRates)
    if (code == r.code) return r;
  std::string names;
  for (const auto& r : kRates) names += (names.empty() ? "" : ", ") + std::string(r.code);
  throw invalid_input(fmt::format("unknown indicator '{}'; expected one of {}", code, names), "Chỉ số không hợp lệ.");
}

Verdict judge(std::optional<double> value, double target) {
  if (!value) return Verdict::no_data;
  if (*value >= target - kEpsilon) return Verdict::met;
  if (*value >= target - kCloseMargin - kEpsilon) return Verdict::close;
  return Verdict::missed;
}

const char* name(Verdict v) {
  switch (v) {
    case Verdict::met: return "met";
    case Verdict::close: return "close";
    case Verdict::missed: return "missed";
    case Verdict::no_data: return "no_data";
  }
  return "no_data";
}

const char* label_vi(Verdict v) {
  switch (v) {
    case Verdict::met: return "Đạt";
    case Verdict::close: return "Gần đạt";
    case Verdict::missed: return "Chưa đạt";
    case Verdict::no_data: return "Chưa có dữ liệu";
  }
  return "Chưa có dữ liệu";
}

}  // namespace cchc::indicators
