#include "home/rules.h"

#include <gtest/gtest.h>

namespace cchc::home {
namespace {

TEST(DisplayChoice, OnlyTheOffersOnThePage) {
  struct Case {
    const char* text_size;
    const char* contrast;
    bool known;
  };
  const Case cases[] = {
      {"normal", "normal", true}, {"large", "normal", true}, {"normal", "high", true}, {"large", "high", true},
      {"huge", "high", false},    {"large", "low", false},   {"", "normal", false},    {"normal", "", false},
      {"Large", "high", false},   {"large ", "high", false}, {"high", "large", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(known_display_choice(c.text_size, c.contrast), c.known) << c.text_size << " / " << c.contrast;
  }
}

}  // namespace
}  // namespace cchc::home
