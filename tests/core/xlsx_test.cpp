// Reading XLSX: what libxlsxwriter writes reads back; a hand-made package
// with inline strings, shared rich text, booleans and a cell far to the
// right; and the refusals (not a ZIP, no workbook, a missing shared string).
#include "core/xlsx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "core/errors.h"
#include "views/table.h"

namespace cchc::xlsx {
namespace {

// A ZIP package of the given parts, written with libzip.
std::string package(const std::map<std::string, std::string>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : parts) {
    zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0), ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  zip_stat_t st;
  zip_source_stat(src, &st);
  zip_source_open(src);
  std::string out(st.size, '\0');
  zip_source_read(src, out.data(), st.size);
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

const char* kWorkbook =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
const char* kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId7\" Type=\"x\" Target=\"worksheets/data.xml\"/></Relationships>";

TEST(Xlsx, WhatTheWriterWritesReadsBack) {
  views::Table t{"t", "Bảng thử", {{"Đơn vị", "", false}, {"Số", "", true}}, {}};
  t.rows.push_back({views::Cell::of("Sở Nội vụ"), views::Cell::integer(1234)});
  t.rows.push_back({views::Cell::of("=1+1"), views::Cell::percent(0.5)});
  auto rows = read_first_sheet(views::to_xlsx({t}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].second[0], "Bảng thử");
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"Đơn vị", "Số"}));
  EXPECT_EQ(rows[2].second, (std::vector<std::string>{"Sở Nội vụ", "1234"}));
  EXPECT_EQ(rows[3].second[0], "=1+1");  // text, never a formula
  EXPECT_EQ(rows[3].second[1], "0.5");
}

TEST(Xlsx, AHandMadePackage) {
  std::string sheet =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Quý IV/2022</t></is></c><c r=\"C2\" t=\"s\"><v>0</v></c>"
      "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"XFD2\" t=\"inlineStr\"><is><t>xa</t></is></c></row>"
      "<row r=\"5\"><c r=\"B5\"><v>45464</v></c></row></sheetData></worksheet>";
  std::string strings =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><r><t>Sở </t></r><r><t>Nội vụ</t>"
      "</r><rPh><t>phonetic</t></rPh></si></sst>";
  auto rows = read_first_sheet(package({{"xl/workbook.xml", kWorkbook},
                                        {"xl/_rels/workbook.xml.rels", kRels},
                                        {"xl/sharedStrings.xml", strings},
                                        {"xl/worksheets/data.xml", sheet}}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first, 2);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"Quý IV/2022", "", "Sở Nội vụ", "TRUE"}));  // XFD left out
  EXPECT_EQ(rows[1].first, 5);
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"", "45464"}));
}

TEST(Xlsx, Refusals) {
  EXPECT_FALSE(looks_like_zip("STT,Nhiệm vụ\n"));
  EXPECT_THROW(read_first_sheet("STT,Nhiệm vụ\n"), Error);
  EXPECT_THROW(read_first_sheet(std::string("PK\x03\x04 broken", 11)), Error);
  EXPECT_THROW(read_first_sheet(package({{"word/document.xml", "<w/>"}})), Error);  // a .docx, not a workbook
  std::string sheet =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row></sheetData></worksheet>";
  try {
    read_first_sheet(package(
        {{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels}, {"xl/worksheets/data.xml", sheet}}));
    ADD_FAILURE() << "a missing shared string was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_NE(std::string(e.what()).find("missing shared string"), std::string::npos);
  }
  EXPECT_THROW(read_first_sheet(package({{"xl/workbook.xml", kWorkbook},
                                         {"xl/_rels/workbook.xml.rels", kRels},
                                         {"xl/worksheets/data.xml", "<worksheet><sheetData><row>"}})),
               Error);  // XML cut short
}

// The budgets a hostile workbook meets: a shared string named in many cells
// is copied into each, so the copies are bounded; a reference past XFD is
// malformed, however many letters it has.
TEST(Xlsx, Budgets) {
  auto workbook = [](const std::string& cells, const std::string& shared) {
    std::string sheet =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">" +
        cells + "</row></sheetData></worksheet>";
    std::string strings =
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + shared + "</t></si></sst>";
    return package({{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRels},
                    {"xl/sharedStrings.xml", strings},
                    {"xl/worksheets/data.xml", sheet}});
  };
  auto refusal = [](const std::string& bytes) -> std::string {
    try {
      read_first_sheet(bytes);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      return e.what();
    }
    return "accepted";
  };
  std::string many;
  for (int i = 0; i < 90; ++i) many += "<c t=\"s\"><v>0</v></c>";
  // 90 cells of one 64 KiB string: 5,6 MiB of copies, within the budget.
  EXPECT_EQ(read_first_sheet(workbook(many, std::string(64 * 1024, 'x')))[0].second.size(), 90u);
  // 90 cells of one 300 KiB string: each cell over Excel's own limit.
  EXPECT_NE(refusal(workbook(many, std::string(300 * 1024, 'x'))).find("more than 98301 bytes"), std::string::npos);
  // 300 cells (over three rows of 100) of one 90 KiB string: 26 MiB of copies.
  std::string rows3;
  for (int r = 1; r <= 3; ++r) {
    rows3 += "</row><row r=\"" + std::to_string(r + 1) + "\">";
    for (int i = 0; i < 100; ++i) rows3 += "<c t=\"s\"><v>0</v></c>";
  }
  EXPECT_NE(refusal(workbook(rows3, std::string(90 * 1024, 'x'))).find("MiB of text"), std::string::npos);
  for (const char* ref : {"ZZZZZZZZZZ1", "XFE1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", "1"}) {
    EXPECT_NE(refusal(workbook(std::string("<c r=\"") + ref + "\"><v>1</v></c>", "x")).find("bad cell reference"),
              std::string::npos)
        << ref;
  }
}

}  // namespace
}  // namespace cchc::xlsx
