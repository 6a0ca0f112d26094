// Scans and photos read by OCR (documents/ocr.h): a photo of a page, a
// scanned PDF page by page with its progress, and what is past the limits
// refused. The pages are drawn and rendered by real tools (pdftoppm), the
// text read by Tesseract with its Vietnamese model, as the server does.
#include "documents/ocr.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "core/errors.h"
#include "documents/reader.h"
#include "support/scans.h"

namespace cchc::documents {
namespace {

std::string plan_pdf() {
  return testing::pdf({testing::text_page(testing::scanned_plan_first_page()),
                       testing::text_page(testing::scanned_plan_second_page())});
}

TEST(Ocr, ThePhotoOfAPageIsReadLikeTheDocument) {
  ASSERT_TRUE(ocr_available()) << "scripts/setup.sh installs tesseract-ocr, tesseract-ocr-vie and poppler-utils";
  for (const char* format : {"png", "jpeg"}) {
    SCOPED_TRACE(format);
    const auto photo = testing::render_page(plan_pdf(), 1, format);
    EXPECT_TRUE(read_in_background(photo));
    const auto text = text_with_ocr(photo);
    auto r = read(text);
    EXPECT_EQ(r.number_symbol.value, "77/KH-VP") << text;
    EXPECT_EQ(r.type_code.value, "KH") << text;
    ASSERT_TRUE(r.date.value) << text;
    EXPECT_EQ(format_iso_date(*r.date.value), "2023-01-11");
  }
}

TEST(Ocr, AScannedPdfIsReadPageByPageInOrder) {
  const auto pdf = plan_pdf();
  const auto scan = testing::image_pdf({testing::render_page(pdf, 1, "jpeg"), testing::render_page(pdf, 2, "jpeg")});
  std::vector<std::pair<int, int>> steps;
  const auto text = text_with_ocr(scan, {}, [&](int done, int total) { steps.emplace_back(done, total); });
  EXPECT_EQ(steps, (std::vector<std::pair<int, int>>{{0, 2}, {1, 2}, {2, 2}}));
  const auto first = text.find("77/KH-VP"), second = text.find("98%");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_LT(first, second) << "the pages in their order";
  EXPECT_EQ(read(text).number_symbol.value, "77/KH-VP") << text;
  // A PDF with a text layer is read through it, not by OCR.
  std::vector<std::pair<int, int>> none;
  EXPECT_NE(text_with_ocr(pdf, {}, [&](int d, int t) { none.emplace_back(d, t); }).find("So: 77/KH-VP"),
            std::string::npos);
  EXPECT_TRUE(none.empty());
}

TEST(Ocr, ScansPastTheirLimitsAreRefused) {
  const auto pdf = plan_pdf();
  const auto scan = testing::image_pdf({testing::render_page(pdf, 1, "jpeg"), testing::render_page(pdf, 2, "jpeg")});
  OcrLimits one_page;
  one_page.max_pages = 1;
  OcrLimits tiny_output;
  tiny_output.page.output_bytes = 10;
  OcrLimits no_time;
  no_time.total = std::chrono::seconds(-1);
  struct Case {
    const char* what;
    std::string bytes;
    OcrLimits limits;
    ErrorKind kind;
  };
  const Case cases[] = {
      {"more pages than allowed", scan, one_page, ErrorKind::too_large},
      {"more text than allowed", testing::render_page(pdf, 1, "png"), tiny_output, ErrorKind::too_large},
      {"longer than the whole document may take", scan, no_time, ErrorKind::too_large},
      {"a PNG that is only a header",
       std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29),
       {},
       ErrorKind::invalid_input},
      {"a damaged PDF without text", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", {}, ErrorKind::invalid_input},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    try {
      text_with_ocr(c.bytes, c.limits);
      ADD_FAILURE() << "read";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), c.kind) << e.what();
      EXPECT_FALSE(e.message_vi().empty());
    }
  }
}

}  // namespace
}  // namespace cchc::documents
