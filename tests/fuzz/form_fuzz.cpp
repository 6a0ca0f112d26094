// libFuzzer entry for form bodies (tests/fuzz/targets.h; scripts/fuzz.sh form).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::form(data, size);
}
