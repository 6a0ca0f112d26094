// libFuzzer entry for portal Markdown (portal::render_markdown) (tests/fuzz/targets.h; scripts/fuzz.sh markdown).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return cchc::fuzz::markdown(data, size);
}
