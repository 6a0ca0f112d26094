// libFuzzer entry for Word documents (documents::word_text) (tests/fuzz/targets.h; scripts/fuzz.sh docx).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::docx(data, size);
}
