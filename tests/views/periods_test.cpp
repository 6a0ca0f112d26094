// The period picker: periods begun by today, by year, newest first, with
// Vietnamese labels; the shown period always among them.
#include "views/periods.h"

#include <gtest/gtest.h>

namespace cchc::views {
namespace {

TEST(PeriodPicker, PeriodsBegunByTodayWithTheirLabels) {
  Date today = parse_iso_date("2026-11-20");
  auto groups = period_choices(Period::parse("2026-Q3"), today, 2);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["group"], "Năm 2026");
  EXPECT_EQ(groups[1]["group"], "Năm 2025");
  std::vector<std::string> labels, selected;
  for (const auto& o : groups[0]["options"]) {
    labels.push_back(o["label"]);
    if (o["selected"].get<bool>()) selected.push_back(o["value"]);
  }
  EXPECT_EQ(labels.front(), "Năm 2026");
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Quý IV/2026"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Tháng 11/2026"), labels.end());
  EXPECT_EQ(std::find(labels.begin(), labels.end(), "Tháng 12/2026"), labels.end());  // not begun
  EXPECT_EQ(selected, (std::vector<std::string>{"2026-Q3"}));
  EXPECT_EQ(groups[1]["options"].size(), 20u);  // a whole year: year, two halves, nine months, 4 quarters, 12 months

  // A range, or a year out of reach, comes first on its own.
  auto range = period_choices(Period::parse("2026-01-01..2026-02-15"), today, 2);
  ASSERT_EQ(range.size(), 3u);
  EXPECT_EQ(range[0]["group"], "Kỳ đang xem");
  EXPECT_EQ(range[0]["options"][0]["value"], "2026-01-01..2026-02-15");
  EXPECT_TRUE(range[0]["options"][0]["selected"].get<bool>());
}

}  // namespace
}  // namespace cchc::views
