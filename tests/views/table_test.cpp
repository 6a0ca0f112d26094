#include "views/table.h"

#include <gtest/gtest.h>

#include "core/csv.h"

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
