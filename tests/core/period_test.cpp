#include "core/period.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc {
namespace {

struct PeriodCase {
  const char* code;
  const char* first;
  const char* last;
  const char* label;
};

TEST(Period, ParsesFormatsAndLabels) {
  const PeriodCase cases[] = {
      {"2024", "2024-01-01", "2024-12-31", "Năm 2024"},
      {"2024-Q1", "2024-01-01", "2024-03-31", "Quý I/2024"},
      {"2024-Q2", "2024-04-01", "2024-06-30", "Quý II/2024"},
      {"2024-Q3", "2024-07-01", "2024-09-30", "Quý III/2024"},
      {"2024-Q4", "2024-10-01", "2024-12-31", "Quý IV/2024"},
      {"2024-H1", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024"},
      {"2024-H2", "2024-07-01", "2024-12-31", "6 tháng cuối năm 2024"},
      {"2024-9M", "2024-01-01", "2024-09-30", "9 tháng năm 2024"},
      {"2024-02", "2024-02-01", "2024-02-29", "Tháng 2/2024"},  // leap year
      {"2023-02", "2023-02-01", "2023-02-28", "Tháng 2/2023"},
      {"2024-12", "2024-12-01", "2024-12-31", "Tháng 12/2024"},
      {"2024-01-01..2024-03-31", "2024-01-01", "2024-03-31", "Từ 01/01/2024 đến 31/03/2024"},
      {"2024-05-07..2024-05-07", "2024-05-07", "2024-05-07", "Từ 07/05/2024 đến 07/05/2024"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto p = Period::parse(c.code);
    EXPECT_EQ(format_iso_date(p.first), c.first);
    EXPECT_EQ(format_iso_date(p.last), c.last);
    EXPECT_EQ(p.label_vi(), c.label);
    EXPECT_EQ(p.code(), c.code);  // round trip
  }
}

TEST(Period, RejectsMalformedCodes) {
  const char* bad[] = {"",
                       "24",
                       "2024-Q0",
                       "2024-Q5",
                       "2024-H3",
                       "2024-13",
                       "2024-00",
                       "2024-1",
                       "2024-q1",
                       "2024-9m",
                       "20x4",
                       "2024-03-31..2024-01-01",
                       "2024-02-30..2024-03-01",
                       "2024-01-01..",
                       "2024 ",
                       "2024-Q1x"};
  for (const char* code : bad) {
    SCOPED_TRACE(code);
    EXPECT_THROW(Period::parse(code), Error);
  }
}

TEST(Period, BoundariesAreMidnightInVietnam) {
  auto q1 = Period::parse("2024-Q1");
  // 00:00 +07:00 on 1 January 2024 is 17:00 UTC on 31 December 2023.
  EXPECT_EQ(format_rfc3339_vn(q1.begin()), "2024-01-01T00:00:00+07:00");
  EXPECT_EQ(q1.begin().time_since_epoch().count(), 1704042000);
  EXPECT_EQ(format_rfc3339_vn(q1.end()), "2024-04-01T00:00:00+07:00");

  Instant last_second_of_q1 = q1.end() - std::chrono::seconds(1);
  EXPECT_TRUE(q1.contains(last_second_of_q1));
  EXPECT_FALSE(q1.contains(q1.end()));
  EXPECT_TRUE(q1.contains(q1.begin()));
  EXPECT_FALSE(q1.contains(q1.begin() - std::chrono::seconds(1)));
  // 23:30 UTC on 31 March is already 06:30 on 1 April in Vietnam: Q2, not Q1.
  Instant utc_evening = Instant{std::chrono::sys_days{parse_iso_date("2024-03-31")}.time_since_epoch()} +
                        std::chrono::hours(23) + std::chrono::minutes(30);
  EXPECT_EQ(format_rfc3339_vn(utc_evening), "2024-04-01T06:30:00+07:00");
  EXPECT_FALSE(q1.contains(utc_evening));
  EXPECT_TRUE(Period::parse("2024-Q2").contains(utc_evening));
}

TEST(Dates, ParseAndFormat) {
  EXPECT_EQ(format_date_vi(parse_iso_date("2025-04-08")), "08/04/2025");
  EXPECT_EQ(format_datetime_vi(start_of_day(parse_iso_date("2025-04-08")) + std::chrono::minutes(510)),
            "08:30 08/04/2025");
  EXPECT_THROW(parse_iso_date("2023-02-29"), Error);
  EXPECT_THROW(parse_iso_date("2023-2-28"), Error);
  EXPECT_THROW(parse_iso_date("28/02/2023"), Error);
  EXPECT_EQ(format_iso_date(local_date(Instant{std::chrono::seconds{1704042000}})), "2024-01-01");
  EXPECT_EQ(format_iso_date(local_date(Instant{std::chrono::seconds{1704041999}})), "2023-12-31");
}

TEST(Dates, Rfc3339WithOffsetOnly) {
  const std::pair<const char*, const char*> ok[] = {
      {"2024-03-05T08:30:00+07:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T01:30:00Z", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T08:30+07:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T08:30:00.123+07:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-04T20:30:00-05:00", "2024-03-05T08:30:00+07:00"},
      {"2024-12-31T17:00:00Z", "2025-01-01T00:00:00+07:00"},
      // the spelling one-stop systems export, read by its own short path
      {"2024-02-29T23:59:59+07:00", "2024-02-29T23:59:59+07:00"},
      {"2000-02-29T00:00:00+07:00", "2000-02-29T00:00:00+07:00"},
      {"2024-03-05t08:30:00+07:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05 08:30:00+07:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T01:30:00+00:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T09:00:00+07:30", "2024-03-05T08:30:00+07:00"},
      {"2024-03-04T20:30:00-05:00", "2024-03-05T08:30:00+07:00"},
      {"2024-03-05T22:30:00+14:00", "2024-03-05T15:30:00+07:00"},
      {"1970-01-01T07:00:00+07:00", "1970-01-01T07:00:00+07:00"},
  };
  for (const auto& [in, want] : ok) {
    SCOPED_TRACE(in);
    EXPECT_EQ(format_rfc3339_vn(parse_rfc3339(in)), want);
  }
  const char* bad[] = {"2024-03-05T08:30:00", "2024-03-05 08:30", "2024-03-05", "2024-02-30T08:30:00+07:00",
                       "2024-03-05T24:00:00+07:00", "2024-03-05T08:60:00+07:00", "2024-03-05T08:30:00+0700",
                       "2024-03-05T08:30:00+07:00x", "05/03/2024 08:30",
                       // 25 characters, as exported, but not a time
                       "2023-02-29T08:30:00+07:00", "2100-02-29T08:30:00+07:00", "2024-04-31T08:30:00+07:00",
                       "2024-13-05T08:30:00+07:00", "2024-00-05T08:30:00+07:00", "2024-03-00T08:30:00+07:00",
                       "2024-03-05T08:30:60+07:00", "2024-03-05T08:30:00+15:00", "2024-03-05T08:30:00+07:60",
                       "2024-03-05X08:30:00+07:00", "2024-03-05T08:30:00*07:00", "2024-03-05T08:3a:00+07:00",
                       "202a-03-05T08:30:00+07:00", "2024-03-05T08:30:00+07:0/", "2024-03-05T08:30:00+07-00"};
  for (const char* in : bad) {
    SCOPED_TRACE(in);
    EXPECT_THROW(parse_rfc3339(in), Error);
  }
}

}  // namespace
}  // namespace cchc

namespace cchc {
namespace {

TEST(DateInput, AsPeopleTypeIt) {
  struct Case {
    const char* input;
    const char* iso;  // nullptr: refused
  } cases[] = {
      {"05/03/2024", "2024-03-05"},
      {"5/3/2024", "2024-03-05"},
      {" 29/02/2024 ", "2024-02-29"},
      {"05-03-2024", "2024-03-05"},
      {"05.03.2024", "2024-03-05"},
      {"2024-03-05", "2024-03-05"},
      {"29/02/2023", nullptr},
      {"32/01/2024", nullptr},
      {"05/13/2024", nullptr},
      {"05/03/24", nullptr},
      {"5/3", nullptr},
      {"", nullptr},
      {"05//03/2024", nullptr},
      {"a5/03/2024", nullptr},
      {"005/03/2024", nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    if (c.iso) {
      EXPECT_EQ(format_iso_date(parse_date_input(c.input)), c.iso);
    } else {
      EXPECT_THROW(parse_date_input(c.input), Error);
    }
  }
}

}  // namespace
}  // namespace cchc
