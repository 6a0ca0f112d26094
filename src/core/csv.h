#pragma once
// CSV per RFC 4180 (libcsv in strict mode): reading with the physical line
// number each record starts on, and writing with quoting where needed.
// Unquoted fields have surrounding spaces and tabs trimmed; blank lines
// (nothing or only spaces and tabs) are skipped. A line ends at LF, CRLF or
// a lone CR, outside quotes.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::csv {

struct Record {
  int line;  // 1-based line the record starts on
  std::vector<std::string> fields;
};

// One record as `each` hands it over: the fields are views, valid only
// during the call. A record without quotes is viewed in the text itself, so
// its fields can be kept as long as the text is (`in_text`); a record with
// quotes is read by libcsv into a buffer the next record reuses.
struct RecordView {
  int line = 1;
  std::vector<std::string_view> fields;
};

// Throws invalid_input naming the line of malformed quoting or bad UTF-8.
// A UTF-8 byte-order mark at the start is ignored.
std::vector<Record> parse(std::string_view text);

// The same records handed to `fn` one at a time, in order, without holding
// them: reading a file of any size allocates nothing per record once warm,
// and copies no field of a record without quotes. Each record's bytes are
// checked as UTF-8 as it is read: the records before malformed quoting or
// bad UTF-8 have reached `fn` when it throws (a caller that must not act on
// a refused text, an import, keeps what it does undoable until the end).
void each(std::string_view text, const std::function<void(const RecordView&)>& fn);

// Whether `field` lies in `text`'s bytes, and so lives as long as they do.
bool in_text(std::string_view field, std::string_view text);

// One record, quoted where a field needs it, ending in CRLF.
std::string format_row(const std::vector<std::string>& fields);

}  // namespace cchc::csv
