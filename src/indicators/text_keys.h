#pragma once
// Hashing and comparing text keys by view, for abseil's flat tables: a
// table keyed by std::string or std::string_view, looked up with a
// std::string_view and never a temporary string. The hash is abseil's own
// string hash (this Debian build's absl::string_view is its own type, and
// absl::Hash<std::string_view> would fall back to std::hash, a slower
// hash for the short codes and ids an import looks up several times a
// record).
#include <cstddef>
#include <string_view>

#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

namespace cchc::indicators {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

struct TextEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

}  // namespace cchc::indicators
