#include "core/calendar.h"

#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <memory>

#include "core/errors.h"

namespace cchc {
namespace {

using namespace std::chrono;

Date d(const char* iso) { return parse_iso_date(iso); }
Instant at(const char* iso, int hour, int minute = 0) { return start_of_day(d(iso)) + hours(hour) + minutes(minute); }
const WorkCalendar& cal() { return WorkCalendar::vietnam(); }

TEST(Calendar, CoversTheShippedYears) {
  EXPECT_EQ(cal().first_year(), 2019);
  EXPECT_EQ(cal().last_year(), 2027);
}

TEST(Calendar, WorkingDaysAroundHolidays) {
  const std::pair<const char*, bool> cases[] = {
      // Tết Giáp Thìn 2024: 08/02 (29 tháng Chạp) to 14/02 (mùng 5).
      {"2024-02-07", true},
      {"2024-02-08", false},
      {"2024-02-10", false},
      {"2024-02-12", false},
      {"2024-02-14", false},
      {"2024-02-15", true},
      // Tết Ất Tỵ 2025: 25/01 to 02/02; 27/01 replaces Saturday 01/02.
      {"2025-01-24", true},
      {"2025-01-27", false},
      {"2025-01-29", false},
      {"2025-01-31", false},
      {"2025-02-03", true},
      // 30/4–1/5/2024: Monday 29/04 off, made up on Saturday 04/05.
      {"2024-04-26", true},
      {"2024-04-29", false},
      {"2024-05-01", false},
      {"2024-05-02", true},
      {"2024-05-04", true},
      {"2024-05-05", false},
      // 30/4–1/5/2025: Friday 02/05 off, made up on Saturday 26/04.
      {"2025-04-26", true},
      {"2025-05-02", false},
      // Quốc khánh: two days from 2021, one before.
      {"2020-09-02", false},
      {"2020-09-03", true},
      {"2024-09-02", false},
      {"2024-09-03", false},
      {"2024-09-04", true},
      // Hùng Kings on a Sunday (2022): Monday 11/04 off instead.
      {"2022-04-11", false},
      {"2022-04-12", true},
      // Plain weekend and weekday.
      {"2024-03-09", false},
      {"2024-03-10", false},
      {"2024-03-11", true},
  };
  for (const auto& [iso, working] : cases) {
    SCOPED_TRACE(iso);
    EXPECT_EQ(cal().is_working_day(d(iso)), working);
  }
}

TEST(Calendar, AddWorkingDaysToADate) {
  struct Case {
    const char* from;
    int n;
    const char* want;
  } cases[] = {
      {"2024-02-07", 0, "2024-02-07"}, {"2024-02-07", 1, "2024-02-15"},
      {"2024-02-07", 2, "2024-02-16"}, {"2024-02-05", 3, "2024-02-15"},
      {"2025-01-24", 1, "2025-02-03"}, {"2024-04-26", 1, "2024-05-02"},
      {"2024-05-03", 1, "2024-05-04"},  // the make-up Saturday counts
      {"2024-08-30", 1, "2024-09-04"}, {"2024-03-08", 5, "2024-03-15"},
      {"2024-03-09", 1, "2024-03-11"},  // from a Saturday
      {"2023-12-29", 1, "2024-01-02"},  // across New Year
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.from) + " + " + std::to_string(c.n));
    EXPECT_EQ(format_iso_date(cal().add_working_days(d(c.from), c.n)), c.want);
  }
}

TEST(Calendar, WorkingDaysBetweenDates) {
  EXPECT_EQ(cal().working_days_between(d("2024-02-07"), d("2024-02-16")), 2);
  EXPECT_EQ(cal().working_days_between(d("2024-02-16"), d("2024-02-07")), -2);
  EXPECT_EQ(cal().working_days_between(d("2024-03-11"), d("2024-03-11")), 0);
  EXPECT_EQ(cal().working_days_between(d("2024-03-10"), d("2024-03-17")), 5);
  // 29/04–01/05 off; 02/05, 03/05 and the make-up Saturday 04/05 count.
  EXPECT_EQ(cal().working_days_between(d("2024-04-28"), d("2024-05-05")), 3);
  // 2024: 366 days, 104 weekend days, 1 make-up Saturday, 12 holidays on
  // weekdays (01/01, 08–09/02, 12–14/02, 18/04, 29/04, 30/04, 01/05, 02–03/09):
  // 366 − 104 + 1 − 12 = 251.
  EXPECT_EQ(cal().working_days_between(d("2023-12-31"), d("2024-12-31")), 251);
}

// One count of working days for everything people read (the work list,
// the urging letters): the calendar inside its years, Monday to Friday
// beyond them, never calendar days.
TEST(Calendar, WorkingDaysCountedOneWayInsideAndBeyondTheData) {
  struct Case {
    const char* from;
    const char* to;
    int want;
  } cases[] = {
      {"2024-02-07", "2024-02-16", 2},                                    // Tết 2024: the data's holidays
      {"2024-02-16", "2024-02-07", -2},                                   // backwards
      {"2024-03-11", "2024-03-11", 0},  {"2030-01-04", "2030-01-11", 5},  // beyond the data: Friday to Friday
      {"2030-01-11", "2030-01-04", -5}, {"2030-01-04", "2030-01-06", 0},  // a weekend
      {"2027-12-30", "2028-01-03", 2},   // across the data's end: Friday 31/12, Monday 03/01
      {"2024-09-25", "2024-12-03", 49},  // 69 calendar days are 49 working days
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.from) + " → " + c.to);
    EXPECT_EQ(count_working_days(cal(), d(c.from), d(c.to)), c.want);
  }
  struct Late {
    const char* due;
    const char* today;
    int want;
  } late[] = {
      {"2024-11-28", "2024-12-02", 2},  // Thursday to Monday: Friday, Monday
      {"2024-11-29", "2024-12-01", 1},  // due Friday, on the Sunday: at least one once past
      {"2024-12-02", "2024-12-02", 0},  // due today: not overdue
      {"2024-12-03", "2024-12-02", 0},  // not yet due
      {"2024-09-25", "2024-12-03", 49},
  };
  for (const auto& c : late) {
    SCOPED_TRACE(std::string(c.due) + " on " + c.today);
    EXPECT_EQ(working_days_overdue(cal(), d(c.due), d(c.today)), c.want);
  }
}

TEST(Calendar, AddWorkingDaysToAnInstant) {
  struct Case {
    Instant from;
    int n;
    Instant want;
  } cases[] = {
      {at("2024-02-02", 15), 3, at("2024-02-07", 15)}, {at("2024-02-02", 15), 4, at("2024-02-15", 15)},
      {at("2024-05-04", 10), 1, at("2024-05-06", 10)},  // from a make-up Saturday
      {at("2024-05-05", 10), 1, at("2024-05-07", 0)},   // from a Sunday: ends with Monday
      {at("2024-02-10", 9), 1, at("2024-02-16", 0)},    // from Tết: ends with 15/02
      {at("2024-05-05", 10), 0, at("2024-05-05", 10)}, {at("2024-03-11", 0), 1, at("2024-03-12", 0)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(format_rfc3339_vn(c.from) + " + " + std::to_string(c.n));
    EXPECT_EQ(format_rfc3339_vn(cal().add_working_days(c.from, c.n)), format_rfc3339_vn(c.want));
  }
}

TEST(Calendar, WorkingTimeBetweenInstants) {
  EXPECT_EQ(cal().working_time(at("2024-02-07", 12), at("2024-02-15", 12)), hours(24));
  EXPECT_EQ(cal().working_time(at("2024-02-15", 12), at("2024-02-07", 12)), -hours(24));
  EXPECT_EQ(cal().working_time(at("2024-03-11", 8), at("2024-03-11", 17, 30)), minutes(570));
  EXPECT_EQ(cal().working_time(at("2024-03-09", 8), at("2024-03-10", 17)), seconds(0));
  EXPECT_EQ(cal().working_time(at("2024-03-08", 23), at("2024-03-11", 1)), hours(2));
  // Consistency: adding n working days runs the clock exactly n days.
  for (int n = 0; n < 30; ++n) {
    Instant from = at("2025-01-20", 14, 45);
    EXPECT_EQ(cal().working_time(from, cal().add_working_days(from, n)), days(n)) << n;
  }
}

TEST(Calendar, RefusesDatesOutsideItsData) {
  EXPECT_THROW(cal().is_working_day(d("2018-12-31")), Error);
  EXPECT_THROW(cal().is_working_day(d("2028-01-03")), Error);
  EXPECT_THROW(cal().add_working_days(d("2027-12-30"), 5), Error);
  EXPECT_NO_THROW(cal().add_working_days(d("2027-12-30"), 1));
}

TEST(Calendar, CsvErrorsNameTheLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"date,kind,name,status\n2024-13-01,holiday,x,official\n", "line 2"},
      {"2024-01-01,holiday,x,official\n2024-01-01,holiday,y,official\n", "line 2"},
      {"2024-01-01,holiday,x,official\n2024-01-01,workday,y,official\n", "line 2"},
      {"# c\n\n2024-01-01,feast,x,official\n", "line 3"},
      {"2024-01-01,holiday,x\n", "line 1"},
      {"2024-01-01,holiday,x,maybe\n", "line 1"},
  };
  for (const auto& [csv, where] : cases) {
    SCOPED_TRACE(csv);
    try {
      WorkCalendar::from_csv(csv);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    }
  }
  auto ok = WorkCalendar::from_csv("2030-05-02,holiday,x,official\r\n2030-05-04,workday,y,provisional\n");
  EXPECT_FALSE(ok.is_working_day(d("2030-05-02")));
  EXPECT_TRUE(ok.is_working_day(d("2030-05-04")));
  EXPECT_TRUE(ok.entries()[1].provisional);
}

// The lunar dates in the data (Tết's first day, Hùng Kings on 10/3) agree
// with ICU's Chinese calendar evaluated in Asia/Ho_Chi_Minh, for every row
// checked against the Government's notices.
TEST(Calendar, OfficialLunarDatesMatchIcu) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone("Asia/Ho_Chi_Minh"));
  std::unique_ptr<icu::Calendar> lunar(
      icu::Calendar::createInstance(tz->clone(), icu::Locale("vi_VN@calendar=chinese"), status));
  ASSERT_TRUE(U_SUCCESS(status));
  int checked = 0;
  for (const auto& e : cal().entries()) {
    bool tet = e.name.ends_with("(mùng 1)");
    bool hung = e.name == "Giỗ Tổ Hùng Vương";
    if (e.provisional || !(tet || hung)) continue;
    UDate noon = double((start_of_day(e.date) + hours(12)).time_since_epoch().count()) * 1000.0;
    lunar->setTime(noon, status);
    int lunar_day = lunar->get(UCAL_DATE, status);
    int lunar_month = lunar->get(UCAL_MONTH, status) + 1;
    ASSERT_TRUE(U_SUCCESS(status));
    SCOPED_TRACE(format_iso_date(e.date) + " " + e.name);
    EXPECT_EQ(lunar_day, tet ? 1 : 10);
    EXPECT_EQ(lunar_month, tet ? 1 : 3);
    ++checked;
  }
  EXPECT_EQ(checked, 14);  // 2019–2025, two dates a year
}

}  // namespace
}  // namespace cchc
