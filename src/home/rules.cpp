#include "home/rules.h"

namespace cchc::home {

using namespace std::chrono;

std::string weekday_vi(Date d) {
  static const char* names[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};
  return names[weekday{sys_days{d}}.c_encoding()];
}

Today today(const WorkCalendar& cal, Date date, size_t limit) {
  Today t{date,
          cal.is_working_day(date),
          Period::of_quarter(int(date.year()), int((unsigned(date.month()) + 2) / 3)),
          0,
          {}};
  Date last = t.quarter.last;
  if (!cal.covers(last)) last = Date{year{cal.last_year()} / December / 31};
  t.working_days_left_in_quarter = cal.working_days_between(date, last);
  for (const auto& e : cal.entries()) {
    if (sys_days{e.date} >= sys_days{date} && t.upcoming.size() < limit) t.upcoming.push_back(e);
  }
  return t;
}

bool known_display_choice(std::string_view text_size, std::string_view contrast) {
  return (text_size == "normal" || text_size == "large") && (contrast == "normal" || contrast == "high");
}

}  // namespace cchc::home
