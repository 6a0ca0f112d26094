// Document files to text: Word paragraphs and tables, PDF pages through
// poppler, plain text as it is; anything else refused by content.
#include "documents/extract.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "documents/reader.h"
#include "support/sample_files.h"
#include "views/docx.h"

namespace cchc::documents {
namespace {

// A one-page PDF with one line of text (Helvetica, ASCII), its cross
// reference table computed, as a scanner's text layer would carry it.
std::string tiny_pdf(const std::string& line) {
  std::string stream = "BT /F1 12 Tf 72 720 Td (" + line + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      fmt::format("<< /Length {} >>\nstream\n{}\nendstream", stream.size(), stream),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  auto xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (auto o : offsets) pdf += fmt::format("{:010} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

TEST(Extract, WordParagraphsAndTables) {
  views::docx::Document d;
  d.add(views::docx::para("Số: 12/KH-UBND"));
  d.add(views::docx::para("Đồng Nai, ngày 05 tháng 02 năm 2024"));
  views::docx::Table t;
  t.rows.push_back({{50, {views::docx::para("Nhiệm vụ")}}, {50, {views::docx::para("Thời gian")}}});
  t.rows.push_back({{50, {views::docx::para("Rà soát thủ tục")}}, {50, {views::docx::para("Quý I/2024")}}});
  d.add(t);
  auto text = text_of(views::docx::write(d));
  EXPECT_NE(text.find("Số: 12/KH-UBND\nĐồng Nai, ngày 05 tháng 02 năm 2024\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Nhiệm vụ | Thời gian\nRà soát thủ tục | Quý I/2024\n"), std::string::npos) << text;
  auto r = read(text);
  EXPECT_EQ(r.number_symbol.value, "12/KH-UBND");
  EXPECT_EQ(format_iso_date(*r.date.value), "2024-02-05");
}

TEST(Extract, PdfTextThroughPoppler) {
  auto text = text_of(tiny_pdf("So: 77/KH-VP Dong Nai, ngay 11 thang 01 nam 2023"));
  EXPECT_NE(text.find("So: 77/KH-VP"), std::string::npos) << text;
  EXPECT_EQ(read(text).number_symbol.value, "77/KH-VP");
}

TEST(Extract, TextAsItIsAndTheRestRefused) {
  EXPECT_EQ(text_of("Kế hoạch số 1/KH-UBND\n"), "Kế hoạch số 1/KH-UBND\n");
  EXPECT_EQ(text_of("Ke\xcc\x82\xcc\x81 hoa\xcc\xa3\x63h"), "Kế hoạch");  // NFC
  EXPECT_THROW(text_of(testing::sample_png()), Error);
  EXPECT_THROW(text_of("\xff\xfe\x00\x01 not text"), Error);
  EXPECT_THROW(text_of("%PDF-1.4\ngarbage"), Error);
  EXPECT_THROW(text_of(std::string("PK\x03\x04", 4) + "not a zip"), Error);
}

}  // namespace
}  // namespace cchc::documents
