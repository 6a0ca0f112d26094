#include "indicators/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/csv.h"

namespace cchc::indicators {

std::string month_key(Instant t) {
  auto d = local_date(t);
  return fmt::format("{:04}-{:02}", int(d.year()), unsigned(d.month()));
}

namespace {

const std::vector<std::string> kDossierColumns = {
    "id",          "unit_code", "procedure_code", "channel",          "online_service", "received_at",
    "due_at",      "finished_at", "returned_at",  "status",           "digitized",      "result_digitized",
    "fee_required", "paid_online", "rating",      "apology_sent"};
const std::vector<std::string> kFeedbackColumns = {"id",          "unit_code", "channel", "received_at",
                                                   "due_at",      "answered_at", "status", "rating"};

template <class E>
using Names = std::vector<std::pair<const char*, E>>;

const Names<Channel> kChannels = {{"online", Channel::online}, {"direct", Channel::direct}, {"postal", Channel::postal}};
const Names<OnlineService> kServices = {
    {"full", OnlineService::full}, {"partial", OnlineService::partial}, {"none", OnlineService::none}};
const Names<DossierStatus> kStatuses = {{"processing", DossierStatus::processing}, {"paused", DossierStatus::paused},
                                        {"finished", DossierStatus::finished},     {"returned", DossierStatus::returned},
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

// Reads one record's fields by column name, collecting every problem.
class Row {
 public:
  Row(const csv::Record& rec, const std::vector<std::string>& columns, std::vector<LineError>& errors)
      : rec_(rec), columns_(columns), errors_(errors) {}

  void fail(const std::string& en, const std::string& vi) {
    errors_.push_back({rec_.line, fmt::format("line {}: {}", rec_.line, en), fmt::format("Dòng {}: {}", rec_.line, vi)});
    ok_ = false;
  }
  bool ok() const { return ok_; }

  const std::string& text(const char* column) { return rec_.fields[index(column)]; }

  std::string required(const char* column) {
    const auto& v = text(column);
    if (v.empty()) fail(fmt::format("{} is required", column), fmt::format("thiếu {}", column));
    return v;
  }

  std::optional<Instant> time(const char* column, bool required_value) {
    const auto& v = text(column);
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
    const auto& v = text(column);
    if (v == "0") return false;
    if (v == "1") return true;
    fail(fmt::format("{} must be 0 or 1, not '{}'", column, v), fmt::format("{} phải là 0 hoặc 1, không phải '{}'", column, v));
    return false;
  }

  template <class E>
  std::optional<E> one_of(const char* column, const Names<E>& names, bool allow_empty = false) {
    const auto& v = text(column);
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
  size_t index(const char* column) const {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == column) return i;
    }
    throw Error(ErrorKind::internal, std::string("no column ") + column);
  }

  const csv::Record& rec_;
  const std::vector<std::string>& columns_;
  std::vector<LineError>& errors_;
  bool ok_ = true;
};

// The records of a CSV with exactly these columns, or the file-level error.
template <class T>
std::vector<csv::Record> records_of(std::string_view text, const std::vector<std::string>& columns, Batch<T>& batch) {
  std::vector<csv::Record> records;
  try {
    records = csv::parse(text);
  } catch (const Error& e) {
    batch.errors.push_back({0, e.what(), e.message_vi()});
    return {};
  }
  std::string header = fmt::format("{}", fmt::join(columns, ","));
  if (records.empty() || records[0].fields != columns) {
    batch.errors.push_back({1, "line 1: the header must be " + header, "Dòng 1: dòng tiêu đề phải là " + header});
    return {};
  }
  records.erase(records.begin());
  for (const auto& r : records) {
    if (r.fields.size() != columns.size()) {
      batch.errors.push_back({r.line, fmt::format("line {}: expected {} fields, found {}", r.line, columns.size(), r.fields.size()),
                              fmt::format("Dòng {}: cần {} trường, có {}", r.line, columns.size(), r.fields.size())});
    }
  }
  std::erase_if(records, [&](const csv::Record& r) { return r.fields.size() != columns.size(); });
  return records;
}

void common_checks(Row& row, const std::string& id, const std::string& unit, const std::set<std::string>& units,
                   std::map<std::string, int>& seen, int line) {
  if (id.size() > 100) row.fail("id longer than 100 characters", "mã hồ sơ dài quá 100 ký tự");
  if (!id.empty()) {
    if (auto [it, fresh] = seen.emplace(id, line); !fresh) {
      row.fail(fmt::format("id '{}' already appears on line {}", id, it->second),
               fmt::format("mã '{}' đã có ở dòng {}", id, it->second));
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

void sort_by_line(std::vector<LineError>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
}

}  // namespace

namespace {

// The loop every batch shares: the header, the common fields (id, unit),
// then `read` for the record's own fields and rules.
template <class T, class Read>
Batch<T> parse_batch(std::string_view text, const std::vector<std::string>& columns,
                     const std::set<std::string>& units, Read read) {
  Batch<T> batch;
  std::map<std::string, int> seen;
  for (const auto& rec : records_of(text, columns, batch)) {
    Row row(rec, columns, batch.errors);
    T t;
    t.id = row.required("id");
    t.unit_code = row.required("unit_code");
    common_checks(row, t.id, t.unit_code, units, seen, rec.line);
    read(row, t);
    if (!row.ok()) continue;
    batch.records.push_back(std::move(t));
    batch.lines.push_back(rec.line);
  }
  sort_by_line(batch.errors);
  return batch;
}

}  // namespace

Batch<Dossier> parse_dossiers_csv(std::string_view text, const std::set<std::string>& units) {
  return parse_batch<Dossier>(text, kDossierColumns, units, [](Row& row, Dossier& d) {
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
  });
}

Batch<Feedback> parse_feedback_csv(std::string_view text, const std::set<std::string>& units) {
  return parse_batch<Feedback>(text, kFeedbackColumns, units, [](Row& row, Feedback& f) {
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
  });
}

}  // namespace cchc::indicators
