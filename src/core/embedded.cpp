#include "core/embedded.h"

#include <string>

#include "core/errors.h"

namespace cchc::embedded {

std::string_view file(std::string_view name) {
  for (const auto& f : files()) {
    if (f.name == name) return f.contents;
  }
  throw Error(ErrorKind::internal, std::string(name) + " missing from the binary");
}

}  // namespace cchc::embedded
