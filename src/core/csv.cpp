#include "core/csv.h"

#include <csv.h>
#include <fmt/format.h>

#include <exception>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::csv {

namespace {

// The record being read: fields assigned in place, so their buffers are
// reused from record to record.
struct State {
  Record record;
  std::size_t fields = 0;  // of record.fields, the ones this record has so far
  std::size_t count = 0;   // records handed over
  const std::vector<int>* starts = nullptr;
  const std::function<void(const Record&)>* fn = nullptr;
  // What `fn` threw: kept, never thrown through the C parser; the rest of
  // the text is read and ignored, then it is thrown.
  std::exception_ptr failed;
};

void on_field(void* data, size_t len, void* vstate) {
  auto* s = static_cast<State*>(vstate);
  if (s->failed) return;
  auto& fields = s->record.fields;
  std::string_view value(data ? static_cast<const char*>(data) : "", data ? len : 0);
  if (s->fields < fields.size()) {
    fields[s->fields].assign(value);
  } else {
    fields.emplace_back(value);
  }
  ++s->fields;
}

void on_row(int, void* vstate) {
  auto* s = static_cast<State*>(vstate);
  if (s->failed) return;
  s->record.fields.resize(s->fields);
  const auto& starts = *s->starts;
  s->record.line = s->count < starts.size() ? starts[s->count] : starts.empty() ? 1 : starts.back();
  ++s->count;
  s->fields = 0;
  try {
    (*s->fn)(s->record);
  } catch (...) {
    s->failed = std::current_exception();
  }
}

// The line each record starts on: the first non-blank line after a line
// break outside quotes (doubled quotes toggle twice and change nothing).
std::vector<int> record_starts(std::string_view text) {
  std::vector<int> starts;
  int line = 1;
  bool at_start = true, in_quotes = false;
  for (char c : text) {
    if (at_start && c != '\r' && c != '\n') {
      starts.push_back(line);
      at_start = false;
    }
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (c == '\n') {
      ++line;
      if (!in_quotes) at_start = true;
    }
  }
  return starts;
}

}  // namespace

void each(std::string_view text, const std::function<void(const Record&)>& fn) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text::is_valid_utf8(text)) {
    throw invalid_input("file is not valid UTF-8", "Tệp không đúng mã UTF-8.");
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    throw Error(ErrorKind::internal, "csv_init failed");
  }
  const auto starts = record_starts(text);
  State state;
  state.starts = &starts;
  state.fn = &fn;
  size_t used = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &state);
  bool ok = used == text.size() && csv_fini(&parser, on_field, on_row, &state) == 0;
  csv_free(&parser);
  if (state.failed) std::rethrow_exception(state.failed);
  if (!ok) {
    // The record in progress when the parser stopped.
    size_t line = starts.empty() ? 1 : size_t(starts[std::min(state.count, starts.size() - 1)]);
    throw invalid_input(fmt::format("line {}: malformed CSV (check the quotes)", line),
                        fmt::format("Dòng {}: sai định dạng CSV (kiểm tra dấu ngoặc kép).", line));
  }
}

std::vector<Record> parse(std::string_view text) {
  std::vector<Record> records;
  each(text, [&](const Record& r) { records.push_back(r); });
  return records;
}

std::string format_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    const auto& f = fields[i];
    bool quote =
        f.find_first_of(",\"\r\n") != std::string::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
      out += f;
      continue;
    }
    std::string buf(f.size() * 2 + 2, '\0');
    buf.resize(csv_write(buf.data(), buf.size(), f.data(), f.size()));
    out += buf;
  }
  out += "\r\n";
  return out;
}

}  // namespace cchc::csv
