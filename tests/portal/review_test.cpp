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

TEST(Review, TheDraftTakesEachUnitsAccountUnderItsName) {
  ReviewAccounts accounts;
  accounts.request_title = "Báo cáo sơ kết 6 tháng";
  accounts.by_unit["X1"] = {{{"Kết quả đạt được", "Đăng 3 tin bài về thủ tục hành chính.\nCập nhật kế hoạch năm."},
                             {"Khó khăn, vướng mắc", "  "},  // left empty: no heading
                             {"Đề xuất, kiến nghị", "Tập huấn biên tập viên."}},
                            true};
  auto bytes = review_docx(sample(), {{"SNV", "Sở Nội vụ"}, {"X1", "Xã Một"}}, "từ ngày 01/01/2026 đến ngày 30/06/2026",
                           views::Issuer{"", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"}, accounts);
  auto xml = testing::zip_entry(bytes, "word/document.xml");
  ASSERT_FALSE(xml.empty());
  auto x1 = xml.find("2. Xã Một");
  ASSERT_NE(x1, std::string::npos);
  // Xã Một's account under its paragraph, each line its own, marked not yet
  // accepted; an empty section leaves no heading.
  for (const char* s :
       {"(Báo cáo của đơn vị, chưa duyệt)", "Kết quả đạt được:", "Đăng 3 tin bài về thủ tục hành chính.",
        "Cập nhật kế hoạch năm.", "Đề xuất, kiến nghị:", "Tập huấn biên tập viên."}) {
    auto at = xml.find(s);
    EXPECT_NE(at, std::string::npos) << s;
    EXPECT_GT(at, x1) << s;
  }
  EXPECT_EQ(xml.find("Khó khăn, vướng mắc:"), std::string::npos);
  // Sở Nội vụ sent none: its line to write on stays, before Xã Một; Xã Một has none.
  auto placeholder = xml.find("Đánh giá của đơn vị");
  ASSERT_NE(placeholder, std::string::npos);
  EXPECT_LT(placeholder, x1);
  EXPECT_EQ(xml.find("Đánh giá của đơn vị", placeholder + 1), std::string::npos);
  // Accepted: no mark.
  accounts.by_unit["X1"].pending = false;
  xml = testing::zip_entry(review_docx(sample(), {{"SNV", "Sở Nội vụ"}, {"X1", "Xã Một"}}, "kỳ",
                                       views::Issuer{"", "SỞ NỘI VỤ", "BC-SNV", "Đồng Nai"}, accounts),
                           "word/document.xml");
  EXPECT_EQ(xml.find("chưa duyệt"), std::string::npos);
  EXPECT_NE(xml.find("Tập huấn biên tập viên."), std::string::npos);
}

}  // namespace
}  // namespace cchc::portal
