// libFuzzer entry for the document reader (scripts/fuzz.sh builds it with
// clang and runs it for a bounded time; a crash is saved under
// tests/documents/fuzz-cases/, where Reader.FuzzCasesReadWithoutCrashing
// replays every case in the normal test run). The reader's contract is
// UTF-8 text in, a reading out: any exception or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "documents/json.h"
#include "documents/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!cchc::text::is_valid_utf8(text)) return 0;
  auto reading = cchc::documents::read(text, {{"SNV", "Sở Nội vụ"}, {"X1", "UBND xã Một"}});
  auto json = cchc::documents::to_json(reading).dump();
  // Every span lies inside the input.
  for (const auto& r : reading.references) {
    if (r.span.end > size || r.span.begin > r.span.end) __builtin_trap();
  }
  if (reading.title.span.end > size || reading.date.span.end > size) __builtin_trap();
  return json.empty() ? 1 : 0;
}
