#include "views/table.h"

#include <gtest/gtest.h>

#include "core/csv.h"
#include "core/xlsx.h"

namespace cchc::views {
namespace {

Table sample() {
  Table t{"mau", "Bảng mẫu", {{"Đơn vị"}, {"Tỷ lệ", "", true}, {"Số hồ sơ", "?sap-xep=n", true}}, {}};
  t.rows.push_back({Cell::of("=HYPERLINK(\"http://x\")"), Cell::percent(0.9655), Cell::integer(1234567)});
  t.rows.push_back({Cell::of("+84 xã"), Cell::percent(std::nullopt), Cell::integer(-3)});
  t.rows.push_back({Cell::of("@SUM(A1)"), Cell::decimal(12.345, 2), Cell::of("-1")});
  return t;
}

TEST(Table, CellsShowVietnameseNumberForms) {
  EXPECT_EQ(Cell::percent(0.9655).text, "96,6 %");
  EXPECT_EQ(Cell::percent(std::nullopt).text, "—");
  EXPECT_EQ(Cell::integer(1234567).text, "1.234.567");
  EXPECT_EQ(Cell::decimal(12.345, 2).text, "12,35");
  EXPECT_DOUBLE_EQ(*Cell::percent(0.9655).number, 0.9655);
}

TEST(Table, CsvNeutralisesFormulasButKeepsNumbers) {
  auto records = csv::parse(to_csv(sample()));
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"Đơn vị", "Tỷ lệ", "Số hồ sơ"}));
  EXPECT_EQ(records[1].fields[0], "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(records[1].fields[1], "0.9655");
  EXPECT_EQ(records[1].fields[2], "1234567");
  EXPECT_EQ(records[2].fields[0], "'+84 xã");
  EXPECT_EQ(records[2].fields[1], "");    // no value: empty, not 0
  EXPECT_EQ(records[2].fields[2], "-3");  // a number stays a number
  EXPECT_EQ(records[3].fields[0], "'@SUM(A1)");
  EXPECT_EQ(records[3].fields[2], "'-1");  // text that looks like a formula
}

TEST(Table, XlsxIsAZipWorkbookWithOneSheetPerTable) {
  auto a = sample(), b = sample();
  b.id = "khac";
  auto bytes = to_xlsx({a, b});
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  // The workbook part names both sheets (stored uncompressed names in the zip directory).
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos);
}

TEST(Table, XlsxSaysWhatItCoversAndItsNumberColumnsHoldOnlyNumbers) {
  Table t{"chi-so", "Toàn tỉnh", {{"Chỉ số"}, {"Giá trị", "", true}, {"Hạng", "", true}, {"Ghi chú"}}, {}};
  t.subtitle = {"Kỳ báo cáo: Quý III/2025", "Cấp đơn vị: Xã, phường, đặc khu"};
  Cell judged = Cell::percent(std::nullopt);
  judged.text += " · Chưa có dữ liệu";  // as the overview shows a rate without data against its target
  t.rows.push_back({Cell::of("Tỷ lệ đúng hạn"), judged, Cell::of("Chưa đủ dữ liệu"), Cell::of("Không có hồ sơ")});
  t.rows.push_back({Cell::of("Tỷ lệ trực tuyến"), Cell::percent(0.5), Cell::integer(2), Cell::of("")});
  auto rows = xlsx::read_first_sheet(to_xlsx({t}));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0].second[0], "Toàn tỉnh");
  EXPECT_EQ(rows[1].second[0], "Kỳ báo cáo: Quý III/2025");
  EXPECT_EQ(rows[2].second[0], "Cấp đơn vị: Xã, phường, đặc khu");
  EXPECT_EQ(rows[3].second[0], kBlankFigures);  // a figure is left empty: the legend says why
  EXPECT_EQ(rows[4].second, (std::vector<std::string>{"Chỉ số", "Giá trị", "Hạng", "Ghi chú"}));
  EXPECT_EQ(rows[4].first + 1, rows[5].first);
  ASSERT_EQ(rows[5].second.size(), 4u);
  EXPECT_EQ(rows[5].second[1], "");                // never "— · Chưa có dữ liệu"
  EXPECT_EQ(rows[5].second[2], "");                // never "Chưa đủ dữ liệu"
  EXPECT_EQ(rows[5].second[3], "Không có hồ sơ");  // a text column keeps its text
  EXPECT_EQ(rows[6].second[1], "0.5");
  EXPECT_EQ(rows[6].second[2], "2");

  // A table's own note replaces the default; with no figure left empty there is none.
  t.blank_note = "Ô để trống ở cột Hạng: chưa đủ dữ liệu để xếp hạng.";
  EXPECT_EQ(xlsx::read_first_sheet(to_xlsx({t}))[3].second[0], t.blank_note);
  t.rows.erase(t.rows.begin());
  t.subtitle.clear();
  auto plain = xlsx::read_first_sheet(to_xlsx({t}));
  ASSERT_EQ(plain.size(), 3u);
  EXPECT_EQ(plain[1].second[0], "Chỉ số");
}

TEST(Table, ViewHasRowHeadersLinksAndAnEmptyRow) {
  auto t = sample();
  t.rows[0][0].href = "/chi-so/don-vi/X";
  auto v = to_view(t);
  EXPECT_EQ(v["_template"], "common/table.tpl");
  EXPECT_EQ(v["rows"][0]["head"]["link"]["href"], "/chi-so/don-vi/X");
  EXPECT_EQ(v["rows"][0]["cells"][0]["styled"]["class"], "num");
  EXPECT_EQ(v["columns"][2]["sort"]["href"], "?sap-xep=n");
  EXPECT_FALSE(v.contains("empty"));
  t.rows.clear();
  EXPECT_EQ(to_view(t)["empty"]["colspan"], "3");
}

}  // namespace
}  // namespace cchc::views
