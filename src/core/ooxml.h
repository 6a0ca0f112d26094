#pragma once
// Office Open XML packages from users' files (XLSX, DOCX): libzip opens
// the package from its bytes, expat reads its parts. Parts over 20 MiB
// uncompressed, damaged packages and malformed XML throw the caller's own
// error (`broken(why)`), so each format names itself in its messages.
#include <zip.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"

namespace cchc::ooxml {

using Broken = std::function<Error(const std::string& why)>;

// Whether the bytes start like a ZIP package rather than text.
bool looks_like_zip(std::string_view bytes);

class Package {
 public:
  Package(std::string_view bytes, Broken broken);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;
  // A part by name; nullopt when the package has none.
  std::optional<std::string> part(const std::string& name) const;
  const Broken& broken() const { return broken_; }

 private:
  zip_t* zip_ = nullptr;
  Broken broken_;
};

// expat over one part, calling start (local name, attributes), end and text.
struct Parser {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
  void run(const std::string& xml, const std::string& part, const Broken& broken);
  // "w:t" → "t".
  static std::string_view local(const char* name);
};

// An attribute's value by local name, or nullptr.
const char* attr(const char** attrs, std::string_view name);

}  // namespace cchc::ooxml
