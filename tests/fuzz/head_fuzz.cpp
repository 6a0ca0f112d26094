// libFuzzer entry for request heads and targets (Beast, http::parse_target) (tests/fuzz/targets.h; scripts/fuzz.sh
// head).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::head(data, size);
}
