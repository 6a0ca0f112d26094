#include "core/deadline.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/text.h"

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
      // continuous in other words: read as continuous, written as issued
      {"Hằng tháng", "continuous", nullptr, "Hằng tháng"},
      {"Định kỳ hằng quý", "continuous", nullptr, "Định kỳ hằng quý"},
      {"  Hàng năm ", "continuous", nullptr, "Hàng năm"},
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
    // does the stored form (kind code, due day and text).
    EXPECT_EQ(parse_deadline(format_deadline(d)), d);
    EXPECT_EQ(deadline_from(kind_code(d.kind), d.due, format_deadline(d)), d);
    if (d.wording.empty()) {
      EXPECT_EQ(deadline_from(kind_code(d.kind), d.due), d);
    }
    EXPECT_TRUE(d.milestones.empty());
  }
  EXPECT_THROW(deadline_from("quarter", std::nullopt), Error);
  EXPECT_THROW(deadline_from("week", std::nullopt), Error);
}

// Phrasings of real task matrices: instructions, schedules, lists of
// periods, composites. `milestones` is "due text|due text".
struct Phrase {
  const char* text;
  const char* kind;
  const char* due;  // nullptr: none
  const char* milestones;
};

std::string milestones_of(const Deadline& d) {
  std::string out;
  for (const auto& m : d.milestones) {
    if (!out.empty()) out += '|';
    out += format_iso_date(m.due) + ' ' + m.text;
  }
  return out;
}

TEST(Deadline, ReadsTheMatricesPhrasings) {
  const Phrase cases[] = {
      {"Theo hướng dẫn của Trung ương", "instruction", nullptr, ""},
      {"theo huong dan cua Bo Noi vu", "instruction", nullptr, ""},
      {"Theo hướng dẫn của Bộ Tư pháp tại Công văn số 12/BTP ngày 15/3/2023", "instruction", nullptr, ""},
      {"Theo yêu cầu của UBND tỉnh", "instruction", nullptr, ""},
      {"THEO YEU CAU CUA CHU TICH UBND TINH", "instruction", nullptr, ""},
      {"Đột xuất khi có yêu cầu", "instruction", nullptr, ""},
      {"Theo yêu cầu của Sở Nội vụ, trước ngày 30/6/2024", "instruction", "2024-06-30", ""},
      {"Theo lộ trình của Chính phủ", "schedule", nullptr, ""},
      {"theo lo trinh", "schedule", nullptr, ""},
      {"Theo Kế hoạch số 12/KH-UBND ngày 15/3/2023", "schedule", nullptr, ""},
      {"Theo Kế hoạch của Bộ Nội vụ", "schedule", nullptr, ""},
      {"Tháng 1, 2/2022", "month", "2022-02-28", "2022-01-31 Tháng 1/2022"},
      {"thang 1, 2/2022", "month", "2022-02-28", "2022-01-31 Tháng 1/2022"},
      {"Tháng 6 và tháng 12 năm 2024", "month", "2024-12-31", "2024-06-30 Tháng 6/2024"},
      {"Tháng 1-3/2024", "month", "2024-03-31", "2024-01-31 Tháng 1/2024|2024-02-29 Tháng 2/2024"},
      {"Quý I và Quý III/2024", "quarter", "2024-09-30", "2024-03-31 Quý I/2024"},
      {"Quy I va Quy III/2024", "quarter", "2024-09-30", "2024-03-31 Quý I/2024"},
      {"Quý II, III năm 2024", "quarter", "2024-09-30", "2024-06-30 Quý II/2024"},
      {"Quý IV/2023 và Quý I/2024", "quarter", "2024-03-31", "2023-12-31 Quý IV/2023"},
      {"Quý I – Quý III/2024", "quarter", "2024-09-30", "2024-03-31 Quý I/2024|2024-06-30 Quý II/2024"},
      {"Giai đoạn 2021-2025", "year", "2025-12-31", ""},
      {"2021 – 2025", "year", "2025-12-31", ""},
      {"Thường xuyên; riêng năm 2023 hoàn thành trước 15/3/2023", "continuous", nullptr,
       "2023-03-15 riêng năm 2023 hoàn thành trước 15/3/2023"},
      {"Thuong xuyen; rieng nam 2023 truoc 15/3/2023", "continuous", nullptr,
       "2023-03-15 rieng nam 2023 truoc 15/3/2023"},
      {"Thường xuyên, riêng Quý I/2024 báo cáo sơ kết", "continuous", nullptr,
       "2024-03-31 riêng Quý I/2024 báo cáo sơ kết"},
      {"Thường xuyên, báo cáo trước ngày 15/12/2024", "continuous", nullptr,
       "2024-12-15 báo cáo trước ngày 15/12/2024"},
      {"Hằng năm; báo cáo kết quả về Sở Nội vụ", "continuous", nullptr, ""},
      {"Quý IV/2024; riêng bước 1 trước ngày 30/6/2024", "quarter", "2024-12-31",
       "2024-06-30 riêng bước 1 trước ngày 30/6/2024"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    Deadline d = parse_deadline(c.text);
    EXPECT_EQ(kind_code(d.kind), c.kind);
    EXPECT_EQ(d.due ? format_iso_date(*d.due) : std::string("null"), c.due ? c.due : "null");
    EXPECT_EQ(milestones_of(d), c.milestones);
    // What was written is what the page shows, and the stored form
    // (kind, due, text, milestones) reads back as the same deadline.
    EXPECT_EQ(format_deadline(d), c.text);
    EXPECT_EQ(parse_deadline(format_deadline(d)), d);
    auto stored =
        deadline_from(kind_code(d.kind), d.due, format_deadline(d), decode_milestones(encode_milestones(d.milestones)));
    EXPECT_EQ(stored, d);
  }
}

TEST(Deadline, AMatrixKeepsWhatItCannotRead) {
  for (const char* text :
       {"Sau khi có kết quả", "  Quý V/2022 ", "31/02/2024", "Thường xuyên; riêng trước 31/02/2024"}) {
    SCOPED_TRACE(text);
    EXPECT_THROW(parse_deadline(text), Error);
    Deadline d = read_deadline(text);
    EXPECT_EQ(kind_code(d.kind), "unparsed");
    EXPECT_FALSE(d.due);
    EXPECT_EQ(format_deadline(d), std::string(text::trim(text)));
    EXPECT_EQ(deadline_from("unparsed", std::nullopt, format_deadline(d)), d);
  }
  EXPECT_EQ(kind_code(read_deadline("Quý I/2024").kind), "quarter");
}

TEST(Deadline, RefusesWhatItCannotRead) {
  const char* bad[] = {
      "",          "sớm",          "Quý V/2022",     "Quý I", "tháng 5",   "Tháng 13/2022", "31/02/2024",
      "32/1/2024", "Quý IV/20222", "trong năm 1890", "Năm",   "2025-2024", "Quý IIII/2023", "\xFF\xFE"};
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
