// The review's table and draft report from fixed figures: what each column
// holds, the province row, an empty denominator, the report's text.
#include "portal/review.h"

#include <gtest/gtest.h>

#include "support/zip_entry.h"

namespace cchc::portal {
namespace {

Review sample() {
  Review r;
  r.units = {{"SNV", 0, 0, 0, std::nullopt, 2, 0}, {"X1", 4, 3, 1, 2.5, 0, 1234}};
  r.total = {"", 4, 3, 1, 2.5, 2, 1234};
  return r;
}

TEST(Review, TheTableAsShownAndExported) {
  auto t = review_table(sample(), {{"SNV", "Sở Nội vụ"}, {"X1", "Xã Một"}}, "từ ngày 01/01/2026 đến ngày 30/06/2026");
  ASSERT_EQ(t.columns.size(), 8u);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0].text, "Sở Nội vụ");
  EXPECT_EQ(t.rows[0][4].text, "—");  // nothing sent: no share, not 0 %
  EXPECT_EQ(t.rows[0][5].text, "—");
  EXPECT_EQ(t.rows[0][6].text, "2");
  EXPECT_EQ(t.rows[1][0].text, "Xã Một");
  EXPECT_EQ(t.rows[1][4].text, "75,0 %");
  EXPECT_EQ(t.rows[1][5].text, "2,5");
  EXPECT_EQ(t.rows[1][7].text, "1.234");
  EXPECT_EQ(t.rows[2][0].text, "Toàn tỉnh");
  EXPECT_EQ(t.rows[2][1].text, "4");
  EXPECT_NE(t.caption.find("30/06/2026"), std::string::npos);
}

TEST(Review, TheDraftReportNamesEveryUnitWithItsFigures) {
  auto bytes = review_docx(sample(), {{"SNV", "Sở Nội vụ"}, {"X1", "Xã Một"}}, "từ ngày 01/01/2026 đến ngày 30/06/2026",
                           views::Issuer{"", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"});
  auto xml = testing::zip_entry(bytes, "word/document.xml");
  ASSERT_FALSE(xml.empty());
  for (const char* s : {"SỞ NỘI VỤ", "BÁO CÁO", "Xã Một", "Sở Nội vụ", "75,0 %",
                        "Gửi 4 tin bài, được đăng 3, bị trả lại 1", "1.234 lượt xem", "IV. ĐỀ XUẤT, KIẾN NGHỊ"}) {
    EXPECT_NE(xml.find(s), std::string::npos) << s;
  }
  // A report has no "Kính gửi:", so its recipients are not "Như trên".
  EXPECT_EQ(xml.find("Như trên"), std::string::npos);
  EXPECT_NE(xml.find("- Lưu: VT."), std::string::npos);
}

}  // namespace
}  // namespace cchc::portal
