#pragma once
// Bodies a hostile client sends, built for the tests that refuse them.
#include <cstddef>
#include <string>
#include <string_view>

namespace cchc::testing {

// `s` `n` times over.
inline std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Multipart parts nested `depth` deep under the boundary "B0": each level
// opens a part of type multipart/mixed with a boundary of its own.
inline std::string nested_multipart(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i) {
    out += "--B" + std::to_string(i) + "\r\nContent-Disposition: form-data; name=\"x\"\r\n" +
           "Content-Type: multipart/mixed; boundary=B" + std::to_string(i + 1) + "\r\n\r\n";
  }
  return out;
}

}  // namespace cchc::testing
