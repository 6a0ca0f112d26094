// The restored title: words without their marks (or with an OCR's wrong
// ones) back in the form the project's own texts write them, capitals
// kept, unknown words and words already right left alone.
#include "documents/lexicon.h"

#include <gtest/gtest.h>

namespace cchc::documents {
namespace {

TEST(Lexicon, RestoresFromWhatItLearned) {
  Lexicon l;
  l.learn("Kế hoạch cải cách hành chính năm 2024. Cải cách thủ tục hành chính. Đồng Nai, năm 2023.");
  l.learn("Hoạt động của Sở Nội vụ; vận động người dân.");
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"cai cach hanh chinh nam 2024", "cải cách hành chính năm 2024"},
      {"Cai cach hanh chinh", "Cải cách hành chính"},  // the first capital kept
      {"KE HOACH CAI CACH", "KẾ HOẠCH CẢI CÁCH"},      // all capitals kept
      {"So Noi vu", "Sở Nội vụ"},
      {"Dong Nai", "Đồng Nai"},  // the pair decides: not "động"
      {"hoat dong", "hoạt động"},
      {"cải cách hành chính", "cải cách hành chính"},  // already right: unchanged
      {"xyz cai cach", "xyz cải cách"},                // unknown words stay
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(l.restore(c.in), c.out) << c.in;
  double known = 0;
  l.restore("cai cach abc def", &known);
  EXPECT_DOUBLE_EQ(known, 0.5);
}

TEST(Lexicon, TheBuiltinLexiconKnowsAdministrativeVietnamese) {
  const auto& l = Lexicon::builtin();
  EXPECT_GT(l.words(), 500u);
  EXPECT_EQ(l.restore("Ke hoach cai cach hanh chinh nam 2023"), "Kế hoạch cải cách hành chính năm 2023");
  EXPECT_EQ(l.restore("Thong tin, tuyen truyen ve chuyen doi so"), "Thông tin, tuyên truyền về chuyển đổi số");
  EXPECT_TRUE(lacks_diacritics("Cai cach hanh chinh nam 2023"));
  EXPECT_FALSE(lacks_diacritics("Cải cách hành chính năm 2023"));
}

}  // namespace
}  // namespace cchc::documents
