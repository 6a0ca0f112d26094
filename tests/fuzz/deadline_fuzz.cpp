// libFuzzer entry for deadline phrases (core/deadline.h) (tests/fuzz/targets.h; scripts/fuzz.sh deadline).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::deadline(data, size);
}
