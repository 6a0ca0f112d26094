#pragma once
// Task deadlines as plans write them, and back.
//
//   kind         Vietnamese form                          due (last day the task may be done)
//   date         "Trước ngày 21/06/2024"                   that day
//   month        "Tháng 11/2022", "Tháng 1, 2/2022"        the (last) month's last day
//   quarter      "Quý IV/2022", "Quý I và Quý III/2024"    the (last) quarter's last day
//   half         "6 tháng đầu năm 2024" / "… cuối …"       30/06 or 31/12
//   year         "Trong năm 2023", "Giai đoạn 2021-2025"   31/12 (of the last year)
//   continuous   "Thường xuyên"; "Hằng tháng", "Hằng năm"  none: reported every period, never overdue as a whole
//                as written
//   schedule     "Theo tiến độ phê duyệt" [", trước ngày …"], "Theo lộ trình …", "Theo Kế hoạch …"
//                                                          the day after "trước" when given, else none
//   instruction  "Theo hướng dẫn của Bộ …", "Theo yêu cầu của …", "Khi có yêu cầu"
//                                                          the day after "trước" when given, else none
//   unparsed     anything else, kept as written (a matrix import never refuses a row for its deadline;
//                parse_deadline itself throws, and the caller decides)
//
// Several periods ("Quý I và Quý III/2024", "Tháng 1, 2/2022") are due on the
// last; the others are `milestones`. A composite ("Thường xuyên; riêng … trước
// 15/3/2023") is read from its first part; every later part that names a day
// or a period is a milestone, with its text as written. A deadline whose
// Vietnamese form would lose what was written keeps the wording
// (`wording`), and format_deadline gives it back.
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
#include <vector>

#include "core/dates.h"

namespace cchc {

// A dated part of a deadline before (or besides) its due day.
struct Milestone {
  Date due;
  std::string text;  // "Quý I/2024", "riêng năm 2023 trước 15/3/2023"

  friend bool operator==(const Milestone&, const Milestone&) = default;
};

struct Deadline {
  enum class Kind { date, month, quarter, half, year, continuous, schedule, instruction, unparsed };
  Kind kind;
  std::optional<Date> due;
  int year = 0;                       // month, quarter, half, year: the (last) period's year
  int index = 0;                      // month 1-12, quarter 1-4, half 1-2
  std::vector<Milestone> milestones;  // by day
  std::string wording;                // as written, when the Vietnamese form would lose it; else ""

  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// Throws invalid_input (English and Vietnamese messages) for unreadable text
// and for impossible days and periods ("31/02/2024", "Quý V/2022").
Deadline parse_deadline(std::string_view text);
// What a task matrix keeps: parse_deadline's reading, or, for text it
// cannot read, kind unparsed with the text as written (trimmed, NFC).
Deadline read_deadline(std::string_view text);
// The Vietnamese form, as in the table above.
std::string format_deadline(const Deadline& d);
// "date", "month", "quarter", "half", "year", "continuous", "schedule",
// "instruction", "unparsed".
std::string kind_code(Deadline::Kind k);
// The deadline its stored form stands for (kind code, due day, Vietnamese
// form, milestones): the inverse of (kind_code(d.kind), d.due,
// format_deadline(d), d.milestones) for every deadline read_deadline gives.
// Throws invalid_input for an unknown kind or a due day the kind cannot have.
Deadline deadline_from(std::string_view kind, std::optional<Date> due, std::string_view text = {},
                       std::vector<Milestone> milestones = {});
// Milestones stored as text, one per line: "2023-03-15<TAB>text".
std::string encode_milestones(const std::vector<Milestone>& ms);
std::vector<Milestone> decode_milestones(std::string_view stored);

}  // namespace cchc
