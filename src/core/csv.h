#pragma once
// CSV per RFC 4180 (libcsv in strict mode): reading with the physical line
// number each record starts on, and writing with quoting where needed.
// Unquoted fields have surrounding spaces trimmed; blank lines are skipped.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::csv {

struct Record {
  int line;  // 1-based line the record starts on
  std::vector<std::string> fields;
};

// Throws invalid_input naming the line of malformed quoting or bad UTF-8.
// A UTF-8 byte-order mark at the start is ignored.
std::vector<Record> parse(std::string_view text);

// The same records handed to `fn` one at a time, in order, without holding
// them: the Record is reused (its fields keep their buffers), so reading a
// file of any size allocates nothing per record once warm. The records
// before malformed quoting have reached `fn` when it throws.
void each(std::string_view text, const std::function<void(const Record&)>& fn);

// One record, quoted where a field needs it, ending in CRLF.
std::string format_row(const std::vector<std::string>& fields);

}  // namespace cchc::csv
