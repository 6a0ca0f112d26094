#pragma once
// What the home page says about today, computed from the calendar alone.
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/period.h"

namespace cchc::home {

// Vietnamese weekday name: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".
std::string weekday_vi(Date d);

struct Today {
  Date date;
  bool working = false;
  Period quarter;
  int working_days_left_in_quarter = 0;  // working days after today, to the quarter's end
  std::vector<CalendarEntry> upcoming;   // holidays and make-up days from today, at most `limit`
};

// Throws invalid_input when `today` is outside the calendar's years.
Today today(const WorkCalendar& cal, Date date, size_t limit = 6);

// The display preferences one may choose: text size "normal" or "large",
// contrast "normal" or "high".
bool known_display_choice(std::string_view text_size, std::string_view contrast);

}  // namespace cchc::home
