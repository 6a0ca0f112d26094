#pragma once
// Task deadlines as plans write them, and back.
//
//   kind        Vietnamese form                        due (last day the task may be done)
//   date        "Trước ngày 21/06/2024"                 that day
//   month       "Tháng 11/2022"                         the month's last day
//   quarter     "Quý IV/2022"                           the quarter's last day
//   half        "6 tháng đầu năm 2024" / "… cuối …"     30/06 or 31/12
//   year        "Trong năm 2023"                        31/12
//   continuous  "Thường xuyên"                          none: reported every period, never overdue as a whole
//   schedule    "Theo tiến độ phê duyệt" [", trước ngày …"]   that day when given, else none
//
// "Trước ngày X" is read as the administrative "by X": X is the due date.
// Parsing works on folded text (no diacritics, any case) and tolerates the
// usual scan confusions: roman numerals read as digits ("Quy 11/2022" =
// Quý II, "quy 111" = Quý III, "1V" = IV), "O" for 0 and "l" or "|" for 1
// inside numbers, "ndm" for "năm". Text it cannot read is refused, never
// guessed.
#include <optional>
#include <string>
#include <string_view>

#include "core/dates.h"

namespace cchc {

struct Deadline {
  enum class Kind { date, month, quarter, half, year, continuous, schedule };
  Kind kind;
  std::optional<Date> due;
  int year = 0;   // month, quarter, half, year: the period's year
  int index = 0;  // month 1-12, quarter 1-4, half 1-2

  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// Throws invalid_input (English and Vietnamese messages) for unreadable text.
Deadline parse_deadline(std::string_view text);
// The Vietnamese form, as in the table above.
std::string format_deadline(const Deadline& d);
// "date", "month", "quarter", "half", "year", "continuous", "schedule".
std::string kind_code(Deadline::Kind k);
// The deadline a kind code and due day stand for (as stored): the inverse
// of (kind_code(d.kind), d.due) for every parsed deadline. Throws
// invalid_input for an unknown kind or a due day the kind cannot have.
Deadline deadline_from(std::string_view kind, std::optional<Date> due);

}  // namespace cchc
