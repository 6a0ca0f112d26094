// Document files to text: Word paragraphs and tables, PDF pages through
// poppler, plain text as it is; anything else refused by content.
#include "documents/extract.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "documents/reader.h"
#include "support/hostile.h"
#include "support/sample_files.h"
#include "views/docx.h"

namespace cchc::documents {
namespace {

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
  auto text = text_of(testing::pdf({testing::pdf_line("So: 77/KH-VP Dong Nai, ngay 11 thang 01 nam 2023")}));
  EXPECT_NE(text.find("So: 77/KH-VP"), std::string::npos) << text;
  EXPECT_EQ(read(text).number_symbol.value, "77/KH-VP");
  auto two = text_of(testing::pdf({testing::pdf_line("Trang mot"), testing::pdf_line("Trang hai")}, true));
  EXPECT_NE(two.find("Trang mot"), std::string::npos) << two;
  EXPECT_LT(two.find("Trang mot"), two.find("Trang hai")) << two;
}

// A PDF past a budget is too_large, whatever poppler would have made of it:
// the helper runs in a child held to its limits, so the test process (the
// server) spends nothing on it.
TEST(Extract, PdfsPastTheirBudgetAreRefused) {
  struct Case {
    const char* what;
    std::string pdf;
    subprocess::Limits limits;
    ErrorKind kind;
  };
  subprocess::Limits one_second = kPdfReading, small_memory = kPdfReading, little_text = kPdfReading;
  one_second.cpu_seconds = 1;
  small_memory.memory_bytes = std::size_t(96) << 20;
  little_text.output_bytes = 1000;
  std::vector<Case> cases = {
      {"a flate bomb, one CPU second", testing::pdf_bomb(200000), one_second, ErrorKind::too_large},
      {"a flate bomb, 96 MB", testing::pdf_bomb(200000), small_memory, ErrorKind::too_large},
      {"more text than allowed",
       testing::pdf({"BT /F1 12 Tf 72 720 Td 14 TL " + testing::repeat("(Hello world, hello world) ' ", 50) + "ET"}),
       little_text, ErrorKind::too_large},
      {"more pages than allowed", testing::pdf(std::vector<std::string>(kMaxPdfPages + 1, "BT ET")), kPdfReading,
       ErrorKind::too_large},
      {"a damaged one", "%PDF-1.4\ngarbage", kPdfReading, ErrorKind::invalid_input},
      {"a PDF without text (a scan)", testing::pdf({"q Q"}), kPdfReading, ErrorKind::invalid_input},
  };
  for (const auto& c : cases) {
    try {
      text_of(c.pdf, c.limits);
      ADD_FAILURE() << c.what << ": read";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), c.kind) << c.what << ": " << e.what();
      EXPECT_FALSE(e.message_vi().empty()) << c.what;
      EXPECT_EQ(e.message_vi().find("PDF without"), std::string::npos) << c.what << ": English on a page";
      // Only a scan is the refusal OCR takes up (documents/ocr.h).
      EXPECT_EQ(dynamic_cast<const ScanNeedsOcr*>(&e) != nullptr, std::string(c.what).ends_with("(a scan)")) << c.what;
    }
  }
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
