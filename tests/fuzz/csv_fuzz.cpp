// libFuzzer entry for CSV (tests/fuzz/targets.h; scripts/fuzz.sh csv).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::csv(data, size);
}
