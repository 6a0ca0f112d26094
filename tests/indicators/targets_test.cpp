#include "indicators/targets.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::indicators {
namespace {

TEST(Targets, MetCloseMissedNoData) {
  struct Case {
    std::optional<double> value;
    double target;
    Verdict expect;
  } cases[] = {
      {0.96, 0.96, Verdict::met},         // exactly the target
      {24.0 / 25.0, 0.96, Verdict::met},  // the same ratio computed
      {1.0, 0.96, Verdict::met},         {0.95, 0.96, Verdict::close},
      {0.91, 0.96, Verdict::close},                                    // exactly 5 points below
      {0.9099, 0.96, Verdict::missed},   {0.0, 0.05, Verdict::close},  // 0 is exactly 5 points below a 5 % target
      {0.0, 0.0501, Verdict::missed},    {std::nullopt, 0.96, Verdict::no_data},  // empty denominator
      {0.0, 0.0, Verdict::met},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << (c.value ? *c.value : -1) << " vs " << c.target);
    EXPECT_EQ(judge(c.value, c.target), c.expect);
  }
}

TEST(Targets, RateIndicatorsByName) {
  Indicators in;
  in.on_time_rate = {3, 4};
  const auto& r = rate_indicator("on_time_rate");
  EXPECT_EQ((in.*r.rate).numerator, 3);
  EXPECT_THROW(rate_indicator("received"), Error);
  EXPECT_EQ(std::string(label_vi(Verdict::close)), "Gần đạt");
}

}  // namespace
}  // namespace cchc::indicators
