#include "core/text.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::text {
namespace {

TEST(Text, FoldRemovesMarksAndCase) {
  const std::pair<const char*, const char*> cases[] = {
      {"Đắk Lắk", "dak lak"},
      {"Đồng Nai", "dong nai"},
      {"Cải cách hành chính", "cai cach hanh chinh"},
      {"KẾ HOẠCH", "ke hoach"},
      {"Ke hoach", "ke hoach"},
      {"  Thủ   tục\thành chính  ", "thu tuc hanh chinh"},
      {"Quý IV/2022", "quy iv/2022"},
      {"Phường Trảng Dài", "phuong trang dai"},
      {"ưu tiên, ơn, ủy", "uu tien, on, uy"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(fold(in), want);
  }
}

TEST(Text, FoldIsTheSameForComposedAndDecomposedInput) {
  // "Lắk" typed as NFD: a + combining breve + combining acute.
  std::string decomposed = "L\x61\xCC\x86\xCC\x81k";
  EXPECT_EQ(fold(decomposed), "lak");
  EXPECT_EQ(nfc(decomposed), "Lắk");
  EXPECT_EQ(nfc("Lắk"), "Lắk");
}

TEST(Text, RejectsInvalidUtf8) {
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));
  EXPECT_TRUE(is_valid_utf8("Đồng Nai"));
  EXPECT_THROW(fold("\xFF"), Error);
  EXPECT_THROW(nfc("abc\xC0"), Error);
}

TEST(Text, CutBetweenCharacters) {
  EXPECT_EQ(cut_utf8("Đồng Nai", 100), "Đồng Nai");
  EXPECT_EQ(cut_utf8("Đồng Nai", 2), "Đ");  // "Đ" is two bytes
  EXPECT_EQ(cut_utf8("Đồng Nai", 3), "Đ");  // not half of "ồ"
  EXPECT_EQ(cut_utf8("Đồng Nai", 5), "Đồ");
  EXPECT_EQ(cut_utf8("Đồng Nai", 0), "");
  EXPECT_TRUE(is_valid_utf8(cut_utf8("ệệệệệ", 7)));
}

TEST(Text, HtmlEscaping) {
  std::string out = "x";
  append_html_escaped(out, "<a href=\"#\" title='t'>Bộ & phận</a>");
  EXPECT_EQ(out, "x&lt;a href=&quot;#&quot; title=&#39;t&#39;&gt;Bộ &amp; phận&lt;/a&gt;");
}

TEST(Text, RandomHexIds) {
  auto a = random_hex(16), b = random_hex(16);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(random_hex(0), "");
}

TEST(Text, Slugs) {
  const std::pair<const char*, const char*> cases[] = {
      {"Kế hoạch số 77/KH-VP", "ke-hoach-so-77-kh-vp"},
      {"  Đắk Lắk!! ", "dak-lak"},
      {"Quý I/2024", "quy-i-2024"},
      {"---", ""},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(slug(in), want);
  }
}

TEST(Text, VietnameseNumbers) {
  EXPECT_EQ(format_int(0), "0");
  EXPECT_EQ(format_int(999), "999");
  EXPECT_EQ(format_int(1234), "1.234");
  EXPECT_EQ(format_int(1234567), "1.234.567");
  EXPECT_EQ(format_int(-1234567), "-1.234.567");
  EXPECT_EQ(format_int(9007199254740993LL), "9.007.199.254.740.993");  // past double precision
  EXPECT_EQ(format_decimal(1234.5, 1), "1.234,5");
  EXPECT_EQ(format_decimal(0.125, 2), "0,13");  // half away from zero
  EXPECT_EQ(format_decimal(2.5, 0), "3");
  EXPECT_EQ(format_decimal(-2.5, 0), "-3");
  EXPECT_EQ(format_percent(96.5), "96,5 %");
  EXPECT_EQ(format_percent(96.45), "96,5 %");
  EXPECT_EQ(format_percent(100), "100,0 %");
  EXPECT_EQ(format_percent(0, 0), "0 %");
}

TEST(Text, VietnameseAlphabeticalOrder) {
  EXPECT_TRUE(collate_less("Phường Tân Đông Hiệp", "Phường Trảng Dài"));  // â before r
  EXPECT_TRUE(collate_less("Đồng Nai", "Gia Lai"));                       // đ after d, before g
  EXPECT_TRUE(collate_less("Dầu Giây", "Đồng Nai"));
  EXPECT_TRUE(collate_less("an", "ăn"));
  EXPECT_TRUE(collate_less("ăn", "ân"));
  EXPECT_FALSE(collate_less("Biên Hòa", "Biên Hòa"));
}

}  // namespace
}  // namespace cchc::text

namespace cchc::text {
namespace {

// Texts joined into letters end with one full stop, never two: a reason
// typed with its own stop, one typed without, one ending a list item.
TEST(Text, EndSentenceOnce) {
  const std::pair<const char*, const char*> cases[] = {
      {"Đề nghị đính kèm ảnh chụp các bài đăng.", "Đề nghị đính kèm ảnh chụp các bài đăng."},
      {"Đề nghị đính kèm ảnh chụp các bài đăng", "Đề nghị đính kèm ảnh chụp các bài đăng."},
      {"Đề nghị bổ sung.  \n", "Đề nghị bổ sung."},
      {"Bổ sung minh chứng;", "Bổ sung minh chứng."},
      {"Nội dung như sau:", "Nội dung như sau."},
      {"Có thật không?", "Có thật không?"},
      {"Khẩn trương!", "Khẩn trương!"},
      {"Còn nữa…", "Còn nữa…"},
      {"Ghi “đã bổ sung.”", "Ghi “đã bổ sung.”"},
      {"Ghi “đã bổ sung”", "Ghi “đã bổ sung”."},
      {"Rà soát (hạn 01/01/2026)", "Rà soát (hạn 01/01/2026)."},
      {"   ", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(end_sentence(in), want);
  }
}

TEST(Links, LocalPathsAndLinks) {
  struct Row {
    std::string s;
    bool local;
    bool link;
  };
  const Row rows[] = {
      {"/", true, true},
      {"/ke-hoach/5?tab=1#x", true, true},
      {"/viec-cua-toi", true, true},
      {"//evil.example", false, false},
      {"/\\evil.example", false, false},
      {"/\t/evil.example", false, false},  // browsers drop the TAB: //evil.example
      {"/\n/evil.example", false, false},
      {"/\r\n/evil.example", false, false},
      {std::string("/\0/evil", 7), false, false},
      {"/ /evil.example", false, false},
      {"/a\x7f", false, false},
      {"https://evil.example", false, true},
      {"http://cong.gov.vn/van-ban/1", false, true},
      {"https://", false, false},
      {"https://a b", false, false},
      {"https://a\tb", false, false},
      {"javascript:alert(1)", false, false},
      {"ke-hoach", false, false},
      {"", false, false},
      {"/" + std::string(3000, 'a'), false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(is_local_path(r.s), r.local) << r.s;
    EXPECT_EQ(is_link(r.s), r.link) << r.s;
  }
}

// A figure (a measured value, a unit's answer) pre-filled in its field is read back as the same value.
TEST(Text, AFigurePreFilledReadsBackAsItWas) {
  const std::pair<double, const char*> cases[] = {
      {1234, "1234"}, {95.5, "95,5"}, {0.125, "0,125"}, {0, "0"}, {-0.5, "-0,5"}, {1234567.25, "1234567,25"},
      {100, "100"},
  };
  for (const auto& [v, shown] : cases) {
    SCOPED_TRACE(shown);
    EXPECT_EQ(text::decimal_input(v), shown);
    auto back = text::parse_decimal(text::decimal_input(v));
    ASSERT_TRUE(back.has_value());
    EXPECT_DOUBLE_EQ(*back, v);
  }
  EXPECT_EQ(text::format_figure(1234), "1.234");
  EXPECT_EQ(text::format_figure(1234567.25), "1.234.567,25");
  EXPECT_EQ(text::format_figure(95.5), "95,5");
}

}  // namespace
}  // namespace cchc::text
