#include "core/calendar.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/embedded.h"
#include "core/errors.h"

namespace cchc {

using namespace std::chrono;

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? s.size() - start : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

}  // namespace

WorkCalendar WorkCalendar::from_csv(std::string_view csv) {
  WorkCalendar cal;
  int line_no = 0;
  for (std::string_view line : split(csv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("date,")) continue;
    auto bad = [&](std::string_view why) { return invalid_input(fmt::format("calendar line {}: {}", line_no, why)); };
    auto f = split(line, ',');
    if (f.size() != 4) throw bad("expected 4 fields: date,kind,name,status");
    CalendarEntry e;
    try {
      e.date = parse_iso_date(f[0]);
    } catch (const Error&) {
      throw bad("bad date");
    }
    if (f[1] == "holiday")
      e.kind = CalendarEntry::Kind::holiday;
    else if (f[1] == "workday")
      e.kind = CalendarEntry::Kind::workday;
    else
      throw bad("kind must be holiday or workday");
    e.name = std::string(f[2]);
    if (f[3] == "provisional")
      e.provisional = true;
    else if (f[3] != "official")
      throw bad("status must be official or provisional");
    auto& target = e.kind == CalendarEntry::Kind::holiday ? cal.holidays_ : cal.workdays_;
    auto& other = e.kind == CalendarEntry::Kind::holiday ? cal.workdays_ : cal.holidays_;
    if (other.count(sys_days{e.date}) || !target.insert(sys_days{e.date}).second) {
      throw bad("date listed twice");
    }
    int y = int(e.date.year());
    if (cal.entries_.empty()) cal.first_year_ = cal.last_year_ = y;
    cal.first_year_ = std::min(cal.first_year_, y);
    cal.last_year_ = std::max(cal.last_year_, y);
    cal.entries_.push_back(std::move(e));
  }
  std::sort(cal.entries_.begin(), cal.entries_.end(),
            [](const auto& a, const auto& b) { return sys_days{a.date} < sys_days{b.date}; });
  return cal;
}

const WorkCalendar& WorkCalendar::vietnam() {
  static const WorkCalendar cal = [] {
    for (const auto& f : embedded::files()) {
      if (f.name == "data/calendar/vn-holidays.csv") return from_csv(f.contents);
    }
    throw Error(ErrorKind::internal, "holiday calendar missing from the binary");
  }();
  return cal;
}

bool WorkCalendar::covers(Date d) const {
  int y = int(d.year());
  return y >= first_year_ && y <= last_year_;
}

void WorkCalendar::require_covered(Date d) const {
  if (!covers(d)) {
    throw invalid_input(
        fmt::format("date {} is outside the working-day calendar ({}-{})", format_iso_date(d), first_year_, last_year_),
        fmt::format("Ngày {} nằm ngoài lịch ngày làm việc đã có ({}–{}).", format_date_vi(d), first_year_, last_year_));
  }
}

bool WorkCalendar::is_working_day(Date d) const {
  require_covered(d);
  sys_days sd{d};
  if (workdays_.count(sd)) return true;
  if (holidays_.count(sd)) return false;
  weekday wd{sd};
  return wd != Saturday && wd != Sunday;
}

Date WorkCalendar::add_working_days(Date d, int n) const {
  if (n < 0) throw invalid_input("add_working_days: n must be >= 0");
  sys_days cur{d};
  require_covered(d);
  while (n > 0) {
    cur += days{1};
    if (is_working_day(Date{cur})) --n;
  }
  return Date{cur};
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  sys_days a{from}, b{to};
  int sign = 1;
  if (b < a) {
    std::swap(a, b);
    sign = -1;
  }
  require_covered(Date{a});
  int count = 0;
  for (sys_days cur = a + days{1}; cur <= b; cur += days{1}) {
    if (is_working_day(Date{cur})) ++count;
  }
  return sign * count;
}

Instant WorkCalendar::add_working_days(Instant t, int n) const {
  if (n < 0) throw invalid_input("add_working_days: n must be >= 0");
  Date d = local_date(t);
  seconds into_day = t - start_of_day(d);
  if (!is_working_day(d)) {
    // The clock starts at 00:00 of the next working day.
    if (n == 0) return t;
    Date start = add_working_days(d, 1);
    return start_of_day(add_working_days(start, n - 1)) + days{1};
  }
  return start_of_day(add_working_days(d, n)) + into_day;
}

seconds WorkCalendar::working_time_forward(Instant a, Instant b) const {
  seconds total{0};
  Date da = local_date(a), db = local_date(b);
  if (sys_days{da} == sys_days{db}) return is_working_day(da) ? b - a : seconds{0};
  if (is_working_day(da)) total += start_of_day(Date{sys_days{da} + days{1}}) - a;
  for (sys_days cur = sys_days{da} + days{1}; cur < sys_days{db}; cur += days{1}) {
    if (is_working_day(Date{cur})) total += days{1};
  }
  if (is_working_day(db)) total += b - start_of_day(db);
  return total;
}

seconds WorkCalendar::working_time(Instant a, Instant b) const {
  return b < a ? -working_time_forward(b, a) : working_time_forward(a, b);
}

int count_working_days(const WorkCalendar& calendar, Date from, Date to) {
  if (calendar.covers(from) && calendar.covers(to)) return calendar.working_days_between(from, to);
  bool back = sys_days{to} < sys_days{from};
  sys_days a{back ? to : from}, b{back ? from : to};
  int n = 0;
  for (sys_days d = a + days{1}; d <= b; d += days{1}) {
    Date day{d};
    n += calendar.covers(day) ? calendar.is_working_day(day) : weekday{d}.c_encoding() % 6 != 0;
  }
  return back ? -n : n;
}

int working_days_overdue(const WorkCalendar& calendar, Date due, Date today) {
  if (sys_days{today} <= sys_days{due}) return 0;
  return std::max(1, count_working_days(calendar, due, today));
}

}  // namespace cchc
