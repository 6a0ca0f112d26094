#pragma once
// Reporting periods. Codes (the API and file form) and their Vietnamese labels:
//   2024                    year         "Năm 2024"
//   2024-Q1 … 2024-Q4       quarter      "Quý I/2024" … "Quý IV/2024"
//   2024-H1, 2024-H2        half year    "6 tháng đầu năm 2024", "6 tháng cuối năm 2024"
//   2024-9M                 nine months  "9 tháng năm 2024"
//   2024-03                 month        "Tháng 3/2024"
//   2024-01-01..2024-03-31  date range   "Từ 01/01/2024 đến 31/03/2024"
// A period covers whole days, first and last inclusive, in +07:00: it begins
// at 00:00 +07:00 of `first` and ends (exclusive) at 00:00 +07:00 the day
// after `last`.
#include <string>
#include <string_view>

#include "core/dates.h"

namespace cchc {

struct Period {
  enum class Kind { year, quarter, half, nine_months, month, range };

  Kind kind;
  Date first;
  Date last;

  // Throws invalid_input naming the accepted forms.
  static Period parse(std::string_view code);
  static Period of_year(int y);
  static Period of_quarter(int y, int q);  // q in 1..4

  std::string code() const;
  std::string label_vi() const;
  Instant begin() const { return start_of_day(first); }
  Instant end() const;  // exclusive
  bool contains(Instant t) const { return t >= begin() && t < end(); }
  bool contains(Date d) const;

  friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace cchc
