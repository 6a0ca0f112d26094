// libFuzzer entry for XLSX workbooks (tests/fuzz/targets.h; scripts/fuzz.sh xlsx).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::xlsx(data, size);
}
