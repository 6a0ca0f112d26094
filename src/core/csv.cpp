#include "core/csv.h"

#include <csv.h>
#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::csv {

namespace {

struct State {
  std::vector<Record> records;
  std::vector<std::string> current;
};

void on_field(void* data, size_t len, void* vstate) {
  auto* s = static_cast<State*>(vstate);
  s->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void on_row(int, void* vstate) {
  auto* s = static_cast<State*>(vstate);
  const size_t width = s->current.size();
  s->records.push_back({0, std::move(s->current)});
  s->current.clear();
  s->current.reserve(width);  // the next record is most likely as wide
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

std::vector<Record> parse(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text::is_valid_utf8(text)) {
    throw invalid_input("file is not valid UTF-8", "Tệp không đúng mã UTF-8.");
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    throw Error(ErrorKind::internal, "csv_init failed");
  }
  State state;
  size_t used = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &state);
  bool ok = used == text.size() && csv_fini(&parser, on_field, on_row, &state) == 0;
  csv_free(&parser);
  auto starts = record_starts(text);
  if (!ok) {
    // The record in progress when the parser stopped.
    size_t line = starts.empty() ? 1 : size_t(starts[std::min(state.records.size(), starts.size() - 1)]);
    throw invalid_input(fmt::format("line {}: malformed CSV (check the quotes)", line),
                        fmt::format("Dòng {}: sai định dạng CSV (kiểm tra dấu ngoặc kép).", line));
  }
  for (size_t i = 0; i < state.records.size(); ++i) {
    state.records[i].line = i < starts.size() ? starts[i] : starts.empty() ? 1 : starts.back();
  }
  return std::move(state.records);
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
