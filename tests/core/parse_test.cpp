#include "core/parse.h"

#include <gtest/gtest.h>

namespace cchc {
namespace {

// What std::stoi would take and parse_int refuses: anything that is not
// the whole text a number.
TEST(ParseInt, TheWholeTextAWholeNumberOrNothing) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> as_int64;
    std::optional<int> as_int;
  } cases[] = {
      {"2024", 2024, 2024},
      {"0", 0, 0},
      {"-7", -7, -7},
      {"007", 7, 7},
      {"5x", std::nullopt, std::nullopt},
      {"x5", std::nullopt, std::nullopt},
      {"", std::nullopt, std::nullopt},
      {" 5", std::nullopt, std::nullopt},
      {"5 ", std::nullopt, std::nullopt},
      {"+5", std::nullopt, std::nullopt},
      {"1.0", std::nullopt, std::nullopt},
      {"0x1", std::nullopt, std::nullopt},
      {"-", std::nullopt, std::nullopt},
      {"2147483647", 2147483647, 2147483647},
      {"2147483648", 2147483648, std::nullopt},
      {"9223372036854775807", INT64_MAX, std::nullopt},
      {"9223372036854775808", std::nullopt, std::nullopt},
      {"99999999999999999999", std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(parse_int(c.text), c.as_int64) << '"' << c.text << '"';
    EXPECT_EQ(parse_int<int>(c.text), c.as_int) << '"' << c.text << '"';
  }
}

}  // namespace
}  // namespace cchc
