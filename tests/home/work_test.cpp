// The work list's order and its "time left" in working days, as a table.
#include "home/work.h"

#include <gtest/gtest.h>

namespace cchc::home {
namespace {

Date day(const char* iso) { return parse_iso_date(iso); }

TEST(WorkList, OverdueFirstThenByDueThenUndated) {
  // Monday 02/12/2024 … ; 07-08/12 a weekend.
  std::vector<views::WorkItem> items = {
      {"g", "undated A", "/a", std::nullopt, ""},
      {"g", "due Friday", "/b", day("2024-12-06"), ""},
      {"g", "two working days late", "/c", day("2024-11-28"), ""},
      {"g", "due today", "/d", day("2024-12-02"), ""},
      {"g", "undated B", "/e", std::nullopt, ""},
      {"g", "late over the weekend", "/f", day("2024-11-29"), ""},
      {"g", "due next Monday", "/h", day("2024-12-09"), ""},
  };
  auto rows = order_work(items, day("2024-12-02"), WorkCalendar::vietnam());
  struct Expect {
    const char* what;
    const char* left;
    bool overdue;
  } expect[] = {
      {"two working days late", "Quá hạn 2 ngày làm việc", true},
      {"late over the weekend", "Quá hạn 1 ngày làm việc", true},
      {"due today", "Hạn hôm nay", false},
      {"due Friday", "Còn 4 ngày làm việc", false},
      {"due next Monday", "Còn 5 ngày làm việc", false},
      {"undated A", "Không có hạn", false},
      {"undated B", "Không có hạn", false},
  };
  ASSERT_EQ(rows.size(), std::size(expect));
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(expect[i].what);
    EXPECT_EQ(rows[i].item.what, expect[i].what);
    EXPECT_EQ(days_left_vi(rows[i]), expect[i].left);
    EXPECT_EQ(rows[i].overdue, expect[i].overdue);
  }
  // Overdue on a weekend day still shows at least one day late; a holiday
  // (Quốc khánh 02/09/2024) is not a working day.
  auto weekend =
      order_work({{"g", "due Saturday", "/s", day("2024-11-30"), ""}}, day("2024-12-01"), WorkCalendar::vietnam());
  EXPECT_EQ(days_left_vi(weekend[0]), "Quá hạn 1 ngày làm việc");
  auto holiday =
      order_work({{"g", "after the holiday", "/q", day("2024-09-04"), ""}}, day("2024-08-30"), WorkCalendar::vietnam());
  EXPECT_EQ(days_left_vi(holiday[0]), "Còn 1 ngày làm việc");  // Friday to Wednesday: only the Wednesday works
  EXPECT_TRUE(order_work({}, day("2024-12-02"), WorkCalendar::vietnam()).empty());
}

}  // namespace
}  // namespace cchc::home
