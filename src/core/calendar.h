#pragma once
// The working-day calendar of state bodies: Monday to Friday are working days,
// except public holidays; Saturdays and Sundays are days off, except make-up
// working days (ngày làm bù). Holidays and make-up days are data per year
// (data/calendar/vn-holidays.csv, compiled in), because Tết follows the lunar
// calendar and the Government swaps days each year.
//
// Deadlines count on a "working clock" that runs only during working days
// (each a full 24 h, 00:00-24:00 +07:00) and stands still on days off:
//   add_working_days(t, n)   the instant at which n working days have run
//                            from t: the same time of day on the n-th working
//                            day after t's date when t is in a working day;
//                            from a day off the clock starts at 00:00 of the
//                            next working day, so the result is 24:00 (= 00:00
//                            of the day after) of the n-th working day.
//   working_time(a, b)       how long the working clock ran from a to b
//                            (negative when b < a).
// The calendar refuses (throws invalid_input) to answer for a date outside
// the years its data covers, rather than guess at holidays.
#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"

namespace cchc {

struct CalendarEntry {
  enum class Kind { holiday, workday };
  Date date;
  Kind kind;
  std::string name;
  bool provisional = false;
};

class WorkCalendar {
 public:
  // Parses the CSV form `date,kind,name,status` (lines starting with '#'
  // and the header are skipped); throws invalid_input naming the bad line.
  // Covered years are those from the first to the last entry's year.
  static WorkCalendar from_csv(std::string_view csv);
  // The calendar compiled into the binary.
  static const WorkCalendar& vietnam();

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(Date d) const;
  const std::vector<CalendarEntry>& entries() const { return entries_; }

  bool is_working_day(Date d) const;
  // The n-th working day after d (d itself not counted); n >= 0, n = 0 gives d.
  Date add_working_days(Date d, int n) const;
  // Working days in (from, to]; negative when to < from.
  int working_days_between(Date from, Date to) const;

  Instant add_working_days(Instant t, int n) const;
  std::chrono::seconds working_time(Instant a, Instant b) const;

 private:
  void require_covered(Date d) const;
  std::chrono::seconds working_time_forward(Instant a, Instant b) const;

  std::vector<CalendarEntry> entries_;
  std::set<std::chrono::sys_days> holidays_;
  std::set<std::chrono::sys_days> workdays_;
  int first_year_ = 0;
  int last_year_ = -1;
};

// Working days in (from, to] on `calendar`, negative when to < from; a day
// of a year the calendar does not cover counts when it is Monday to Friday
// (its holidays unknown). Days left and days overdue are counted with it
// everywhere people read them: the work list ("Quá hạn 2 ngày làm việc")
// and the urging letters.
int count_working_days(const WorkCalendar& calendar, Date from, Date to);
// How many working days a thing due on `due` is overdue on `today`
// (count_working_days, at least 1 once the due day has passed, so a
// deadline on a Friday is one day overdue on the Saturday); 0 when
// `today` is not after `due`.
int working_days_overdue(const WorkCalendar& calendar, Date due, Date today);

}  // namespace cchc
