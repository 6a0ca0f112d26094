#pragma once
// Whole numbers as URLs, forms and files write them: an optional '-' and
// ASCII digits, nothing else (no spaces, no '+', no "5x"), within the
// type's range. std::stoi("5x") is 5; parse_int<int>("5x") is nullopt.
//
//   parse_int("2024")          → 2024
//   parse_int<int>("99999999999") → nullopt (out of range)
//   parse_int("", "1 ", "+1", "1.0", "0x1") → nullopt
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cchc {

template <class T = std::int64_t>
std::optional<T> parse_int(std::string_view s) {
  T v{};
  const char* end = s.data() + s.size();
  auto [stop, error] = std::from_chars(s.data(), end, v);
  if (s.empty() || error != std::errc{} || stop != end) return std::nullopt;
  return v;
}

}  // namespace cchc
