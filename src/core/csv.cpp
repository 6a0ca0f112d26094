#include "core/csv.h"

#include <csv.h>
#include <fmt/format.h>

#include <cstring>
#include <functional>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::csv {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_end(char c) { return c == '\n' || c == '\r'; }

// A record with quotes, as libcsv reads it: the fields' bytes in one
// buffer, reused from record to record.
struct Quoted {
  std::string bytes;
  std::vector<std::size_t> ends;  // of each field in `bytes`
  int rows = 0;
};

void on_field(void* data, size_t len, void* vstate) {
  auto* q = static_cast<Quoted*>(vstate);
  if (data) q->bytes.append(static_cast<const char*>(data), len);
  q->ends.push_back(q->bytes.size());
}

void on_row(int, void* vstate) { ++static_cast<Quoted*>(vstate)->rows; }

// Reads the text record by record. Most records hold no quote: those are
// split where they lie (a line, then its commas, then the spaces around
// each field), as libcsv would read them. A record with a quote runs to
// the first line end outside quotes and is handed to libcsv alone, which
// reads what quoting means and refuses what strict RFC 4180 does.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      throw Error(ErrorKind::internal, "csv_init failed");
    }
  }
  ~Reader() { csv_free(&parser_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The next record into `out`; false at the end of the text.
  bool next(RecordView& out) {
    const char* p = text_.data();
    const std::size_t n = text_.size();
    while (pos_ < n) {
      // [pos_, end): this line up to its first line end, or to a quote. The
      // next LF is searched for again only once passed: lines ended by a
      // lone CR would otherwise search the rest of the text each.
      if (!lf_known_ || lf_ < pos_) {
        const void* lf = std::memchr(p + pos_, '\n', n - pos_);
        lf_ = lf ? std::size_t(static_cast<const char*>(lf) - p) : n;
        lf_known_ = true;
      }
      const std::size_t line_end = lf_;
      std::size_t end = line_end;
      if (const void* cr = std::memchr(p + pos_, '\r', line_end - pos_)) {
        end = std::size_t(static_cast<const char*>(cr) - p);
      }
      if (std::memchr(p + pos_, '"', end - pos_)) return quoted(out);
      std::size_t k = pos_;
      while (k < end && is_space(p[k])) ++k;
      if (k == end) {  // blank
        pos_ = end;
        pass_line_end();
        continue;
      }
      out.line = line_;
      check_utf8(pos_, end, line_);
      split(pos_, end, out);
      pos_ = end;
      pass_line_end();
      return true;
    }
    return false;
  }

 private:
  // Each record's bytes are checked as it is read, not the whole text
  // first: the first record is not kept waiting for a pass over the rest.
  // (Blank lines and line ends are ASCII, and no character spans a line end.)
  void check_utf8(std::size_t from, std::size_t to, int line) const {
    if (!text::is_valid_utf8(text_.substr(from, to - from))) {
      throw invalid_input(fmt::format("line {}: the text is not valid UTF-8", line),
                          fmt::format("Dòng {}: tệp không đúng mã UTF-8.", line));
    }
  }

  // Past the line end at pos_ (CRLF as one), counting the line.
  void pass_line_end() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  // The fields of [from, to), which holds no quote and no line end.
  void split(std::size_t from, std::size_t to, RecordView& out) const {
    const char* p = text_.data();
    out.fields.clear();
    while (true) {
      const void* comma = std::memchr(p + from, ',', to - from);
      const std::size_t stop = comma ? std::size_t(static_cast<const char*>(comma) - p) : to;
      std::size_t a = from, b = stop;
      while (a < b && is_space(p[a])) ++a;
      while (b > a && is_space(p[b - 1])) --b;
      out.fields.emplace_back(p + a, b - a);
      if (!comma) return;
      from = stop + 1;
    }
  }

  // The record with a quote at pos_, read by libcsv.
  bool quoted(RecordView& out) {
    const char* p = text_.data();
    const std::size_t n = text_.size();
    const int first_line = line_;
    std::size_t end = pos_;
    bool inside = false;
    for (; end < n; ++end) {
      const char c = p[end];
      if (c == '"') {
        inside = !inside;
      } else if (is_end(c)) {
        if (!inside) break;
        if (c == '\n' || end + 1 == n || p[end + 1] != '\n') ++line_;  // CRLF counts once, at its LF
      }
    }
    q_.bytes.clear();
    q_.ends.clear();
    q_.rows = 0;
    const std::size_t used = csv_parse(&parser_, p + pos_, end - pos_, on_field, on_row, &q_);
    const bool ok = used == end - pos_ && csv_fini(&parser_, on_field, on_row, &q_) == 0 && q_.rows == 1;
    if (!ok) {
      throw invalid_input(fmt::format("line {}: malformed CSV (check the quotes)", first_line),
                          fmt::format("Dòng {}: sai định dạng CSV (kiểm tra dấu ngoặc kép).", first_line));
    }
    check_utf8(pos_, end, first_line);  // after the quoting: an unclosed quote runs to the end
    out.line = first_line;
    out.fields.clear();
    std::size_t start = 0;
    for (const auto e : q_.ends) {
      out.fields.emplace_back(q_.bytes.data() + start, e - start);
      start = e;
    }
    pos_ = end;
    pass_line_end();
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t lf_ = 0;  // the first LF at or after pos_ (or the end), once known
  bool lf_known_ = false;
  int line_ = 1;
  csv_parser parser_{};
  Quoted q_;
};

}  // namespace

bool in_text(std::string_view field, std::string_view text) {
  const std::less<const char*> before;
  return !field.empty() && !before(field.data(), text.data()) &&
         !before(text.data() + text.size(), field.data() + field.size());
}

void each(std::string_view text, const std::function<void(const RecordView&)>& fn) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Reader reader(text);
  RecordView record;
  while (reader.next(record)) fn(record);
}

std::vector<Record> parse(std::string_view text) {
  std::vector<Record> records;
  each(text, [&](const RecordView& r) {
    records.push_back({r.line, std::vector<std::string>(r.fields.begin(), r.fields.end())});
  });
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
