#pragma once
// Text stored one item a line (codes, headings): split back into its
// trimmed, non-empty lines.
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace cchc::text {

inline std::vector<std::string> nonempty_lines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    auto line = trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) out.emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace cchc::text
