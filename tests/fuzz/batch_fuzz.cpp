// libFuzzer entry for indicator batches (tests/fuzz/targets.h; scripts/fuzz.sh batch).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::batch(data, size);
}
