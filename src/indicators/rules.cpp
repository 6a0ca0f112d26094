#include "indicators/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <deque>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/parse.h"
#include "core/text.h"
#include "indicators/text_keys.h"

namespace cchc::indicators {

std::string month_key(Instant t) {
  auto d = local_date(t);
  const int y = int(d.year());
  const unsigned m = unsigned(d.month());
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}", y, m);
  // Spelled by hand: an import computes three keys a record.
  const char key[7] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                       char('0' + m / 10),   char('0' + m % 10)};
  return std::string(key, sizeof key);
}

namespace {

const std::vector<std::string> kDossierColumns = {
    "id",           "unit_code",   "procedure_code", "channel",     "online_service", "received_at",
    "due_at",       "finished_at", "returned_at",    "status",      "digitized",      "result_digitized",
    "fee_required", "paid_online", "rating",         "apology_sent"};
const std::vector<std::string> kFeedbackColumns = {"id",     "unit_code",   "channel", "received_at",
                                                   "due_at", "answered_at", "status",  "rating"};

template <class E>
using Names = std::vector<std::pair<const char*, E>>;

const Names<Channel> kChannels = {
    {"online", Channel::online}, {"direct", Channel::direct}, {"postal", Channel::postal}};
const Names<OnlineService> kServices = {
    {"full", OnlineService::full}, {"partial", OnlineService::partial}, {"none", OnlineService::none}};
const Names<DossierStatus> kStatuses = {{"processing", DossierStatus::processing},
                                        {"paused", DossierStatus::paused},
                                        {"finished", DossierStatus::finished},
                                        {"returned", DossierStatus::returned},
                                        {"withdrawn", DossierStatus::withdrawn}};
const Names<Rating> kRatings = {
    {"very_satisfied", Rating::very_satisfied}, {"satisfied", Rating::satisfied}, {"unsatisfied", Rating::unsatisfied}};
const Names<FeedbackChannel> kFeedbackChannels = {{"hotline_1022", FeedbackChannel::hotline_1022},
                                                  {"national_portal", FeedbackChannel::national_portal},
                                                  {"provincial_portal", FeedbackChannel::provincial_portal},
                                                  {"direct", FeedbackChannel::direct},
                                                  {"other", FeedbackChannel::other}};
const Names<FeedbackStatus> kFeedbackStatuses = {
    {"open", FeedbackStatus::open}, {"answered", FeedbackStatus::answered}, {"withdrawn", FeedbackStatus::withdrawn}};

// A batch's columns, found by name. The readers name each column with a
// literal: one found before is known again by its address, so a record's
// fields are found without comparing text.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& names) : names_(names), known_(names.size(), nullptr) {}

  std::size_t index(const char* column) {
    // Fields are read in about column order: the one after the last is
    // looked at first.
    if (hint_ < known_.size() && known_[hint_] == column) {
      assert(names_[hint_] == column);  // an address names one column: the readers pass literals
      return hint_++;
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (known_[i] == column || (known_[i] == nullptr && names_[i] == column)) {
        known_[i] = column;
        hint_ = i + 1;
        return i;
      }
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {  // the same name at another address
      if (names_[i] == column) return i;
    }
    throw Error(ErrorKind::internal, std::string("no column ") + column);
  }

 private:
  const std::vector<std::string>& names_;
  std::vector<const char*> known_;  // the literal last found at each index
  std::size_t hint_ = 0;
};

// Reads one record's fields by column name, collecting every problem.
class Row {
 public:
  Row(const csv::RecordView& rec, Columns& columns, LineErrors& errors)
      : rec_(rec), columns_(columns), errors_(errors) {}

  void fail(const std::string& en, const std::string& vi) {
    errors_.push_back(
        {rec_.line, fmt::format("line {}: {}", rec_.line, en), fmt::format("Dòng {}: {}", rec_.line, vi)});
    ok_ = false;
  }
  bool ok() const { return ok_; }

  std::string_view text(const char* column) { return rec_.fields[index(column)]; }

  std::string_view required(const char* column) {
    const auto v = text(column);
    if (v.empty()) fail(fmt::format("{} is required", column), fmt::format("thiếu {}", column));
    return v;
  }

  std::optional<Instant> time(const char* column, bool required_value) {
    const auto v = text(column);
    if (v.empty()) {
      if (required_value) fail(fmt::format("{} is required", column), fmt::format("thiếu {}", column));
      return std::nullopt;
    }
    try {
      return parse_rfc3339(v);
    } catch (const Error&) {
      fail(fmt::format("{} '{}' is not a time with an offset (2024-03-05T08:30:00+07:00)", column, v),
           fmt::format("{} '{}' không đúng dạng thời gian 2024-03-05T08:30:00+07:00", column, v));
      return std::nullopt;
    }
  }

  bool flag(const char* column) {
    const auto v = text(column);
    if (v == "0") return false;
    if (v == "1") return true;
    fail(fmt::format("{} must be 0 or 1, not '{}'", column, v),
         fmt::format("{} phải là 0 hoặc 1, không phải '{}'", column, v));
    return false;
  }

  template <class E>
  std::optional<E> one_of(const char* column, const Names<E>& names, bool allow_empty = false) {
    const auto v = text(column);
    if (v.empty() && allow_empty) return std::nullopt;
    for (const auto& [name, value] : names) {
      if (v == name) return value;
    }
    std::string allowed;
    for (const auto& [name, value] : names) allowed += (allowed.empty() ? "" : " | ") + std::string(name);
    fail(fmt::format("{} '{}' is not one of {}", column, v, allowed),
         fmt::format("{} '{}' không thuộc {}", column, v, allowed));
    return std::nullopt;
  }

 private:
  std::size_t index(const char* column) { return columns_.index(column); }

  const csv::RecordView& rec_;
  Columns& columns_;
  LineErrors& errors_;
  bool ok_ = true;
};

// Hands each record of a CSV with exactly these columns to `one`, as it is
// read; or leaves `reading` with the file-level error alone (bad UTF-8,
// malformed quoting, a wrong header).
template <class One>
void each_csv_record(std::string_view text, const std::vector<std::string>& columns, Reading& reading, One&& one) {
  bool at_header = true, header_ok = false;
  try {
    csv::each(text, [&](const csv::RecordView& r) {
      if (at_header) {
        at_header = false;
        header_ok = std::equal(r.fields.begin(), r.fields.end(), columns.begin(), columns.end());
      } else if (header_ok) {
        one(r);
      }
    });
  } catch (const Error& e) {
    reading.refuse({0, e.what(), e.message_vi()});
    return;
  }
  if (!header_ok) {
    std::string header = fmt::format("{}", fmt::join(columns, ","));
    reading.refuse({1, "line 1: the header must be " + header, "Dòng 1: dòng tiêu đề phải là " + header});
  }
}

// One JSON object as the fields of a CSV record: strings as they are, 0/1
// and true/false as "0"/"1", null or absent as "". Anything else, and
// unknown keys, are errors of that record.
bool object_fields(const nlohmann::json& o, const std::vector<std::string>& columns, int line,
                   std::vector<std::string>& fields, LineErrors& errors) {
  auto fail = [&](const std::string& en, const std::string& vi) {
    errors.push_back({line, fmt::format("record {}: {}", line, en), fmt::format("Bản ghi {}: {}", line, vi)});
    return false;
  };
  if (!o.is_object()) return fail("not a JSON object", "không phải đối tượng JSON");
  bool ok = true;
  for (const auto& [key, value] : o.items()) {
    if (std::find(columns.begin(), columns.end(), key) == columns.end()) {
      ok = fail(fmt::format("unknown field '{}'", key), fmt::format("trường không hợp lệ '{}'", key));
    }
  }
  fields.assign(columns.size(), "");
  for (size_t i = 0; i < columns.size(); ++i) {
    auto it = o.find(columns[i]);
    if (it == o.end() || it->is_null()) continue;
    if (it->is_string()) {
      fields[i] = it->get<std::string>();
    } else if (it->is_boolean()) {
      fields[i] = it->get<bool>() ? "1" : "0";
    } else if (it->is_number_integer() && (it->get<int64_t>() == 0 || it->get<int64_t>() == 1)) {
      fields[i] = it->dump();
    } else {
      ok = fail(fmt::format("{} must be a string", columns[i]), fmt::format("{} phải là chuỗi", columns[i]));
    }
  }
  return ok;
}

// The records of a JSON array, or of NDJSON (one object per line). Record
// numbers are 1-based positions in the array, or line numbers in NDJSON.
std::vector<csv::Record> records_of_json(std::string_view text, const std::vector<std::string>& columns,
                                         Reading& reading) {
  std::vector<csv::Record> records;
  auto add = [&](const nlohmann::json& o, int line) {
    csv::Record r{line, {}};
    if (object_fields(o, columns, line, r.fields, reading.errors)) records.push_back(std::move(r));
  };
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
      reading.refuse({0, "the body is not valid JSON", "nội dung không phải JSON hợp lệ"});
      return {};
    }
    int n = 0;
    for (const auto& o : doc) add(o, ++n);
    return records;
  }
  int line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    auto piece = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line;
    if (piece.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto o = nlohmann::json::parse(piece, nullptr, false);
    if (o.is_discarded()) {
      reading.errors.push_back(
          {line, fmt::format("line {}: not valid JSON", line), fmt::format("Dòng {}: không phải JSON hợp lệ", line)});
      continue;
    }
    add(o, line);
  }
  return records;
}

// The ids met so far in a batch, with the line of each, in a flat table
// (abseil's: one probe into one array, where a node map would allocate an
// entry and miss the cache twice for each of a million ids). An id is kept
// as a view: into the text when its record had no quotes (csv::in_text),
// else into a copy kept here; no id of a plain CSV is copied.
class SeenIds {
 public:
  explicit SeenIds(std::string_view text) : text_(text) {}
  // The line `id` first appeared on; or, met for the first time, nothing,
  // and it is kept with `line`.
  std::optional<int> first_line(std::string_view id, int line) {
    if (csv::in_text(id, text_)) {
      auto [it, fresh] = lines_.try_emplace(id, line);
      return fresh ? std::nullopt : std::optional<int>(it->second);
    }
    if (auto it = lines_.find(id); it != lines_.end()) return it->second;
    lines_.emplace(copies_.emplace_back(id), line);
    return std::nullopt;
  }

 private:
  std::string_view text_;
  absl::flat_hash_map<std::string_view, int, TextHash, TextEq> lines_;
  std::deque<std::string> copies_;
};

// The directory's unit codes, looked up by view.
using UnitCodes = absl::flat_hash_set<std::string_view, TextHash, TextEq>;

void common_checks(Row& row, std::string_view id, std::string_view unit, const UnitCodes& units, SeenIds& seen,
                   int line) {
  if (id.size() > 100) row.fail("id longer than 100 characters", "mã hồ sơ dài quá 100 ký tự");
  if (!id.empty()) {
    if (auto first = seen.first_line(id, line)) {
      row.fail(fmt::format("id '{}' already appears on line {}", id, *first),
               fmt::format("mã '{}' đã có ở dòng {}", id, *first));
    }
  }
  if (!unit.empty() && !units.count(unit)) {
    row.fail(fmt::format("unit_code '{}' is not in the directory", unit),
             fmt::format("đơn vị '{}' không có trong danh mục", unit));
  }
}

void not_before(Row& row, const char* column, const std::optional<Instant>& t, const std::optional<Instant>& received) {
  if (t && received && *t < *received) {
    row.fail(fmt::format("{} is before received_at", column), fmt::format("{} trước thời điểm tiếp nhận", column));
  }
}

void sort_by_line(LineErrors& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
}

}  // namespace

namespace {

// The loop every batch shares: the header, the common fields (id, unit),
// then `read` for the record's own fields and rules; each record that
// passes goes to `take`.
template <class T, class Read>
Reading read_batch(std::string_view text, Format format, const std::vector<std::string>& columns,
                   const std::set<std::string>& units, Read read, const Take<T>& take) {
  Reading reading;
  SeenIds seen(text);
  const UnitCodes codes(units.begin(), units.end());
  Columns named(columns);
  T t;
  auto one = [&](const csv::RecordView& rec) {
    if (rec.fields.size() != columns.size()) {
      reading.errors.push_back(
          {rec.line, fmt::format("line {}: expected {} fields, found {}", rec.line, columns.size(), rec.fields.size()),
           fmt::format("Dòng {}: cần {} trường, có {}", rec.line, columns.size(), rec.fields.size())});
      return;
    }
    Row row(rec, named, reading.errors);
    t = T{};
    const auto id = row.required("id"), unit = row.required("unit_code");
    t.id = id;
    t.unit_code = unit;
    common_checks(row, id, unit, codes, seen, rec.line);
    read(row, t);
    if (!row.ok()) return;
    take(t, rec.line, reading.errors.size());
  };
  if (format == Format::csv) {
    // `seen` grows as ids come (counting the records first would delay the
    // first one by a pass over the text).
    each_csv_record(text, columns, reading, one);
  } else {
    csv::RecordView view;
    for (const auto& rec : records_of_json(text, columns, reading)) {
      view.line = rec.line;
      view.fields.assign(rec.fields.begin(), rec.fields.end());
      one(view);
    }
  }
  sort_by_line(reading.errors);
  return reading;
}

// A whole batch in memory, from read_batch.
template <class T>
Batch<T> batch_of(std::string_view text, Format format, const std::function<Reading(const Take<T>&)>& read) {
  Batch<T> batch;
  if (format == Format::csv) {
    const auto expected = count_records(text, format);
    batch.records.reserve(expected);
    batch.lines.reserve(expected);
  }
  auto reading = read([&](T& t, int line, std::size_t) {
    batch.records.push_back(std::move(t));
    batch.lines.push_back(line);
  });
  if (reading.refused) batch = Batch<T>{};
  batch.errors = std::move(reading.errors);
  return batch;
}

}  // namespace

std::size_t count_records(std::string_view text, Format format) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return 0;
  if (format == Format::json && text[first] == '[') {
    std::size_t n = 0;
    int depth = 0;
    bool in_string = false, escaped = false, expecting = false;
    for (char ch : text.substr(first)) {
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (ch == '\\') {
          escaped = true;
        } else if (ch == '"') {
          in_string = false;
        }
        continue;
      }
      bool blank = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
      if (depth == 1 && expecting && !blank && ch != ']' && ch != ',') {
        ++n;  // an element of the array begins
        expecting = false;
      }
      if (ch == '"') {
        in_string = true;
      } else if (ch == '[' || ch == '{') {
        if (++depth == 1) expecting = true;
      } else if (ch == ']' || ch == '}') {
        --depth;
      } else if (ch == ',' && depth == 1) {
        expecting = true;
      }
    }
    return n;
  }
  // Lines with text: CSV ends them with LF, CRLF or a lone CR (as libcsv
  // reads it), NDJSON with LF. Line ends are found with memchr: a batch
  // of a million records is counted in a few milliseconds.
  const char* p = text.data();
  const std::size_t n = text.size();
  auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; };
  std::size_t lines = 0, i = 0, lf = 0;
  bool lf_known = false;
  while (i < n) {
    if (!lf_known || lf < i) {  // the next LF, searched for again only once passed
      const void* at = std::memchr(p + i, '\n', n - i);
      lf = at ? std::size_t(static_cast<const char*>(at) - p) : n;
      lf_known = true;
    }
    std::size_t end = lf;  // the line is [i, end); what ends it is skipped
    if (format == Format::csv) {
      if (const void* at = std::memchr(p + i, '\r', lf - i)) {
        const auto cr = std::size_t(static_cast<const char*>(at) - p);
        if (cr + 1 != lf) end = cr;  // a lone CR; CRLF ends the line at its LF
      }
    }
    for (std::size_t k = i; k < end; ++k) {
      if (!blank(p[k])) {
        ++lines;
        break;
      }
    }
    i = end + 1;
  }
  return format == Format::csv && lines > 0 ? lines - 1 : lines;
}

Reading read_dossiers(std::string_view text, Format format, const std::set<std::string>& units,
                      const Take<Dossier>& take) {
  return read_batch<Dossier>(
      text, format, kDossierColumns, units,
      [](Row& row, Dossier& d) {
        d.procedure_code = row.required("procedure_code");
        auto channel = row.one_of("channel", kChannels);
        auto service = row.one_of("online_service", kServices);
        auto received = row.time("received_at", true);
        auto due = row.time("due_at", true);
        d.finished_at = row.time("finished_at", false);
        d.returned_at = row.time("returned_at", false);
        auto status = row.one_of("status", kStatuses);
        d.digitized = row.flag("digitized");
        d.result_digitized = row.flag("result_digitized");
        d.fee_required = row.flag("fee_required");
        d.paid_online = row.flag("paid_online");
        d.rating = row.one_of("rating", kRatings, true);
        d.apology_sent = row.flag("apology_sent");
        not_before(row, "due_at", due, received);
        not_before(row, "finished_at", d.finished_at, received);
        not_before(row, "returned_at", d.returned_at, received);
        if (status) {
          bool done = *status == DossierStatus::finished || *status == DossierStatus::returned;
          bool open = *status == DossierStatus::processing || *status == DossierStatus::paused;
          // Checked on the text: a malformed time is reported once, above.
          if (done && row.text("finished_at").empty()) {
            row.fail("status finished/returned needs finished_at", "hồ sơ đã giải quyết phải có finished_at");
          }
          if (*status == DossierStatus::returned && row.text("returned_at").empty()) {
            row.fail("status returned needs returned_at", "hồ sơ đã trả kết quả phải có returned_at");
          }
          if (open && !(row.text("finished_at").empty() && row.text("returned_at").empty())) {
            row.fail("status processing/paused must have neither finished_at nor returned_at",
                     "hồ sơ đang xử lý hoặc tạm dừng không được có finished_at hay returned_at");
          }
        }
        if (!row.ok()) return;
        d.channel = *channel;
        d.online_service = *service;
        d.received_at = *received;
        d.due_at = *due;
        d.status = *status;
      },
      take);
}

Reading read_feedback(std::string_view text, Format format, const std::set<std::string>& units,
                      const Take<Feedback>& take) {
  return read_batch<Feedback>(
      text, format, kFeedbackColumns, units,
      [](Row& row, Feedback& f) {
        auto channel = row.one_of("channel", kFeedbackChannels);
        auto received = row.time("received_at", true);
        auto due = row.time("due_at", true);
        f.answered_at = row.time("answered_at", false);
        auto status = row.one_of("status", kFeedbackStatuses);
        f.rating = row.one_of("rating", kRatings, true);
        not_before(row, "due_at", due, received);
        not_before(row, "answered_at", f.answered_at, received);
        if (status == FeedbackStatus::answered && row.text("answered_at").empty()) {
          row.fail("status answered needs answered_at", "phản ánh đã trả lời phải có answered_at");
        }
        if (status == FeedbackStatus::open && !row.text("answered_at").empty()) {
          row.fail("status open must not have answered_at", "phản ánh đang mở không được có answered_at");
        }
        if (!row.ok()) return;
        f.channel = *channel;
        f.received_at = *received;
        f.due_at = *due;
        f.status = *status;
      },
      take);
}

Batch<Dossier> parse_dossiers(std::string_view text, Format format, const std::set<std::string>& units) {
  return batch_of<Dossier>(text, format, [&](const auto& take) { return read_dossiers(text, format, units, take); });
}

Batch<Feedback> parse_feedback(std::string_view text, Format format, const std::set<std::string>& units) {
  return batch_of<Feedback>(text, format, [&](const auto& take) { return read_feedback(text, format, units, take); });
}

namespace {

template <class E>
const char* name_in(const Names<E>& names, E value) {
  for (const auto& [n, v] : names) {
    if (v == value) return n;
  }
  throw Error(ErrorKind::internal, "unnamed enum value");
}

template <class E>
E value_in(const Names<E>& names, std::string_view name) {
  for (const auto& [n, v] : names) {
    if (name == n) return v;
  }
  throw Error(ErrorKind::internal, fmt::format("stored value '{}' is unknown", name));
}

}  // namespace

const char* name(Channel v) { return name_in(kChannels, v); }
const char* name(OnlineService v) { return name_in(kServices, v); }
const char* name(DossierStatus v) { return name_in(kStatuses, v); }
const char* name(Rating v) { return name_in(kRatings, v); }
const char* name(FeedbackChannel v) { return name_in(kFeedbackChannels, v); }
const char* name(FeedbackStatus v) { return name_in(kFeedbackStatuses, v); }

template <>
Channel from_name<Channel>(std::string_view s) {
  return value_in(kChannels, s);
}
template <>
OnlineService from_name<OnlineService>(std::string_view s) {
  return value_in(kServices, s);
}
template <>
DossierStatus from_name<DossierStatus>(std::string_view s) {
  return value_in(kStatuses, s);
}
template <>
Rating from_name<Rating>(std::string_view s) {
  return value_in(kRatings, s);
}
template <>
FeedbackChannel from_name<FeedbackChannel>(std::string_view s) {
  return value_in(kFeedbackChannels, s);
}
template <>
FeedbackStatus from_name<FeedbackStatus>(std::string_view s) {
  return value_in(kFeedbackStatuses, s);
}

const std::vector<std::string>& dossier_columns() { return kDossierColumns; }
const std::vector<std::string>& feedback_columns() { return kFeedbackColumns; }

namespace {

std::string time_field(const std::optional<Instant>& t) { return t ? format_rfc3339_vn(*t) : ""; }
std::string rating_field(const std::optional<Rating>& r) { return r ? name(*r) : ""; }
std::string flag_field(bool b) { return b ? "1" : "0"; }

}  // namespace

std::string to_csv(const std::vector<Dossier>& records) {
  std::string out = csv::format_row(kDossierColumns);
  for (const auto& d : records) {
    out += csv::format_row({d.id, d.unit_code, d.procedure_code, name(d.channel), name(d.online_service),
                            format_rfc3339_vn(d.received_at), format_rfc3339_vn(d.due_at), time_field(d.finished_at),
                            time_field(d.returned_at), name(d.status), flag_field(d.digitized),
                            flag_field(d.result_digitized), flag_field(d.fee_required), flag_field(d.paid_online),
                            rating_field(d.rating), flag_field(d.apology_sent)});
  }
  return out;
}

std::string to_csv(const std::vector<Feedback>& records) {
  std::string out = csv::format_row(kFeedbackColumns);
  for (const auto& f : records) {
    out += csv::format_row({f.id, f.unit_code, name(f.channel), format_rfc3339_vn(f.received_at),
                            format_rfc3339_vn(f.due_at), time_field(f.answered_at), name(f.status),
                            rating_field(f.rating)});
  }
  return out;
}

// ---- What the pages read ----------------------------------------------------------

Period default_quarter(const std::optional<std::string>& latest_month, Date today) {
  if (latest_month) {
    auto m = Period::parse(*latest_month).first;
    return Period::of_quarter(int(m.year()), (int(unsigned(m.month())) - 1) / 3 + 1);
  }
  int q = (int(unsigned(today.month())) - 1) / 3 + 1;
  int y = int(today.year());
  if (--q == 0) q = 4, --y;
  return Period::of_quarter(y, q);
}

Period default_year(const std::optional<std::string>& latest_month, Date today) {
  return Period::of_year(latest_month ? int(Period::parse(*latest_month).first.year()) : int(today.year()));
}

ManualEntry read_manual_values(const std::vector<TypedManualValue>& typed) {
  ManualEntry out;
  for (const auto& t : typed) {
    auto n = text::trim(t.numerator), d = text::trim(t.denominator);
    if (n.empty() && d.empty()) continue;
    auto nv = parse_int(n), dv = parse_int(d);
    if (nv && dv) {
      out.values[t.code] = {*nv, *dv};
    } else {
      out.problems.push_back(t.name_vi + ": tử số và mẫu số phải là số nguyên.");
    }
  }
  return out;
}

TypedTarget read_target(std::string_view year, std::string_view percent) {
  auto refused = [] {
    return invalid_input("the year must be a whole number and the target a percentage",
                         "Năm phải là số nguyên, chỉ tiêu là số phần trăm (VD: 96 hoặc 96,5).");
  };
  auto y = parse_int<int>(text::trim(year));
  std::optional<double> share;
  try {
    if (auto p = text::parse_decimal(percent)) share = *p / 100.0;
  } catch (const Error&) {
    throw refused();
  }
  if (!y || !share) throw refused();
  return {*y, *share};
}

long ranking_minimum(std::string_view typed, long fallback) {
  if (typed.empty()) return fallback;
  auto m = parse_int<long>(typed);
  if (!m) throw invalid_input("'toi-thieu' must be a whole number", "Số hồ sơ tối thiểu phải là số nguyên.");
  if (*m < 0 || *m > 1000000) throw invalid_input("'toi-thieu' out of range", "Số hồ sơ tối thiểu không hợp lệ.");
  return *m;
}

}  // namespace cchc::indicators
