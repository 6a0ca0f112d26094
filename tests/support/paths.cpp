#include "support/paths.h"

namespace cchc::testing {

const std::string& source_dir() {
  static const std::string dir = CCHC_SOURCE_DIR;
  return dir;
}

const std::string& cchc_binary() {
  static const std::string binary = CCHC_BINARY;
  return binary;
}

}  // namespace cchc::testing
