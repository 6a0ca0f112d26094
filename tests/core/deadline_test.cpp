#include "core/deadline.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc {
namespace {

struct Case {
  const char* text;
  const char* kind;
  const char* due;  // nullptr: none
  const char* vietnamese;
};

TEST(Deadline, ReadsEveryKindWithAndWithoutDiacritics) {
  const Case cases[] = {
      // exact dates ("by that day")
      {"trước ngày 21/6/2024", "date", "2024-06-21", "Trước ngày 21/06/2024"},
      {"Truoc ngay 21/06/2024", "date", "2024-06-21", "Trước ngày 21/06/2024"},
      {"Hoàn thành trước ngày 21 tháng 6 năm 2024", "date", "2024-06-21", "Trước ngày 21/06/2024"},
      {"15.12.2023", "date", "2023-12-15", "Trước ngày 15/12/2023"},
      {"ngày 29/02/2024", "date", "2024-02-29", "Trước ngày 29/02/2024"},
      {"truoc ngay 3O/9/2O24", "date", "2024-09-30", "Trước ngày 30/09/2024"},  // O for 0
      {"trước ngày 2l/6/2024", "date", "2024-06-21", "Trước ngày 21/06/2024"},  // l for 1
      // months
      {"Tháng 11/2022", "month", "2022-11-30", "Tháng 11/2022"},
      {"thang 11 nam 2022", "month", "2022-11-30", "Tháng 11/2022"},
      {"chậm nhất trong tháng 02/2024", "month", "2024-02-29", "Tháng 2/2024"},
      {"hoan thanh chdm nhat trong thang 02/2024", "month", "2024-02-29", "Tháng 2/2024"},  // corpus scan
      {"Tháng 2 ndm 2023", "month", "2023-02-28", "Tháng 2/2023"},
      // quarters
      {"Quý IV/2022", "quarter", "2022-12-31", "Quý IV/2022"},
      {"quy iv/2022", "quarter", "2022-12-31", "Quý IV/2022"},
      {"Quý I/2023", "quarter", "2023-03-31", "Quý I/2023"},
      {"Quy 11/2022", "quarter", "2022-06-30", "Quý II/2022"},  // corpus scan: II read as 11
      {"quy 1/2023", "quarter", "2023-03-31", "Quý I/2023"},
      {"Quý 111 năm 2023", "quarter", "2023-09-30", "Quý III/2023"},
      {"Quý 1V/2023", "quarter", "2023-12-31", "Quý IV/2023"},
      {"Quý 3/2024", "quarter", "2024-09-30", "Quý III/2024"},
      // halves
      {"6 tháng đầu năm 2024", "half", "2024-06-30", "6 tháng đầu năm 2024"},
      {"6 thang cuoi nam 2024", "half", "2024-12-31", "6 tháng cuối năm 2024"},
      {"Nửa đầu năm 2025", "half", "2025-06-30", "6 tháng đầu năm 2025"},
      // years
      {"Trong năm 2023", "year", "2023-12-31", "Trong năm 2023"},
      {"trong nam 2022", "year", "2022-12-31", "Trong năm 2022"},
      {"Năm 2024", "year", "2024-12-31", "Trong năm 2024"},
      {"2024", "year", "2024-12-31", "Trong năm 2024"},
      // continuous and per schedule
      {"Thường xuyên", "continuous", nullptr, "Thường xuyên"},
      {"THUONG XUYEN", "continuous", nullptr, "Thường xuyên"},
      {"Thường xuyên, báo cáo trước ngày 15/12/2024", "continuous", nullptr, "Thường xuyên"},
      {"Theo tiến độ phê duyệt", "schedule", nullptr, "Theo tiến độ phê duyệt"},
      {"Theo tien do duoc phe duyet", "schedule", nullptr, "Theo tiến độ phê duyệt"},
      {"Theo tiến độ phê duyệt, trước ngày 30/6/2024", "schedule", "2024-06-30",
       "Theo tiến độ phê duyệt, trước ngày 30/06/2024"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    Deadline d = parse_deadline(c.text);
    EXPECT_EQ(kind_code(d.kind), c.kind);
    EXPECT_EQ(d.due ? format_iso_date(*d.due) : std::string("null"), c.due ? c.due : "null");
    EXPECT_EQ(format_deadline(d), c.vietnamese);
    // And back: the Vietnamese form reads as the same deadline, and so
    // does the stored form (kind code and due day).
    EXPECT_EQ(parse_deadline(format_deadline(d)), d);
    EXPECT_EQ(deadline_from(kind_code(d.kind), d.due), d);
  }
  EXPECT_THROW(deadline_from("quarter", std::nullopt), Error);
  EXPECT_THROW(deadline_from("week", std::nullopt), Error);
}

TEST(Deadline, RefusesWhatItCannotRead) {
  const char* bad[] = {
      "",          "sớm",          "Quý V/2022",     "Quý I", "tháng 5",   "Tháng 13/2022", "31/02/2024",
      "32/1/2024", "Quý IV/20222", "trong năm 1890", "Năm",   "2024-2025", "Quý IIII/2023", "\xFF\xFE"};
  for (const char* text : bad) {
    SCOPED_TRACE(text);
    try {
      parse_deadline(text);
      ADD_FAILURE() << "read as " << format_deadline(parse_deadline(text));
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    }
  }
  EXPECT_THROW(parse_deadline(std::string(400, 'a')), Error);
}

}  // namespace
}  // namespace cchc
