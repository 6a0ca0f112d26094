#include "indicators/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "db/columns.h"
#include "db/stamps.h"
#include "directory/read.h"

namespace cchc::indicators {

namespace {

std::int64_t secs(Instant t) { return t.time_since_epoch().count(); }
std::optional<Rating> rating_of(const db::Row& r) {
  auto v = r.opt_str("rating");
  return v ? std::optional<Rating>(from_name<Rating>(*v)) : std::nullopt;
}

const db::Columns<Dossier> kDossierRow{
    {"id", &Dossier::id},
    {"unit_code", &Dossier::unit_code},
    {"procedure_code", &Dossier::procedure_code},
    {"channel", &Dossier::channel, from_name<Channel>},
    {"online_service", &Dossier::online_service, from_name<OnlineService>},
    {"received_at", &Dossier::received_at},
    {"due_at", &Dossier::due_at},
    {"finished_at", &Dossier::finished_at},
    {"returned_at", &Dossier::returned_at},
    {"status", &Dossier::status, from_name<DossierStatus>},
    {"digitized", &Dossier::digitized},
    {"result_digitized", &Dossier::result_digitized},
    {"fee_required", &Dossier::fee_required},
    {"paid_online", &Dossier::paid_online},
    {"rating", [](const db::Row& r, Dossier& d) { d.rating = rating_of(r); }},
    {"apology_sent", &Dossier::apology_sent},
};
const db::Columns<Feedback> kFeedbackRow{
    {"id", &Feedback::id},
    {"unit_code", &Feedback::unit_code},
    {"channel", &Feedback::channel, from_name<FeedbackChannel>},
    {"received_at", &Feedback::received_at},
    {"due_at", &Feedback::due_at},
    {"answered_at", &Feedback::answered_at},
    {"status", &Feedback::status, from_name<FeedbackStatus>},
    {"rating", [](const db::Row& r, Feedback& f) { f.rating = rating_of(r); }},
};

// A record's month keys, computed once for its row and its rollups.
struct MonthKeys {
  std::string received, due, done;
  Rollups::Months view() const { return {received, due, done}; }
};
MonthKeys month_keys(const Dossier& d) { return {month_key(d.received_at), month_key(d.due_at), finished_month_of(d)}; }
MonthKeys month_keys(const Feedback& f) {
  return {month_key(f.received_at), month_key(f.due_at), answered_month_of(f)};
}

// A record's stored columns, in the order of Sql<T>::columns, to a sink:
// the bulk insert's rows and the UPDATE's parameters both come from here.
void write_row(db::RowSink& out, const Dossier& d, const MonthKeys& m) {
  auto opt_time = [&](const std::optional<Instant>& t) { t ? out.integer(secs(*t)) : out.null(); };
  out.text(d.unit_code);
  out.text(d.procedure_code);
  out.text(name(d.channel));
  out.text(name(d.online_service));
  out.integer(secs(d.received_at));
  out.integer(secs(d.due_at));
  opt_time(d.finished_at);
  opt_time(d.returned_at);
  out.text(name(d.status));
  out.integer(d.digitized);
  out.integer(d.result_digitized);
  out.integer(d.fee_required);
  out.integer(d.paid_online);
  d.rating ? out.text(name(*d.rating)) : out.null();
  out.integer(d.apology_sent);
  out.text(m.received);
  out.text(m.due);
  out.text(m.done);
  out.text(d.id);
}

void write_row(db::RowSink& out, const Feedback& f, const MonthKeys& m) {
  out.text(f.unit_code);
  out.text(name(f.channel));
  out.integer(secs(f.received_at));
  out.integer(secs(f.due_at));
  f.answered_at ? out.integer(secs(*f.answered_at)) : out.null();
  out.text(name(f.status));
  f.rating ? out.text(name(*f.rating)) : out.null();
  out.text(m.received);
  out.text(m.due);
  out.text(m.done);
  out.text(f.id);
}

// A row as query parameters.
struct ParamSink final : db::RowSink {
  std::vector<db::Param> params;
  void null() override { params.emplace_back(nullptr); }
  void integer(std::int64_t v) override { params.emplace_back(v); }
  void text(std::string_view v) override { params.emplace_back(v); }
};

template <class T>
std::vector<db::Param> params_of(const T& record, const MonthKeys& m) {
  ParamSink sink;
  write_row(sink, record, m);
  return std::move(sink.params);
}

// Per record kind: its table, its row and its writes.
template <class T>
struct Sql;
template <>
struct Sql<Dossier> {
  static constexpr const char* table = "dossiers";
  static const db::Columns<Dossier>& row() { return kDossierRow; }
  // What write_row gives, in its order; the id last.
  static const std::vector<std::string>& columns() {
    static const std::vector<std::string> names = {
        "unit_code",   "procedure_code", "channel",      "online_service", "received_at",      "due_at",
        "finished_at", "returned_at",    "status",       "digitized",      "result_digitized", "fee_required",
        "paid_online", "rating",         "apology_sent", "received_month", "due_month",        "finished_month",
        "id"};
    return names;
  }
};
template <>
struct Sql<Feedback> {
  static constexpr const char* table = "feedback";
  static const db::Columns<Feedback>& row() { return kFeedbackRow; }
  static const std::vector<std::string>& columns() {
    static const std::vector<std::string> names = {"unit_code",   "channel",        "received_at", "due_at",
                                                   "answered_at", "status",         "rating",      "received_month",
                                                   "due_month",   "answered_month", "id"};
    return names;
  }
};

// "UPDATE table SET column = ?, … WHERE id = ?" over Sql<T>::columns().
template <class T>
const std::string& update_sql() {
  static const std::string sql = [] {
    std::string sets;
    const auto& names = Sql<T>::columns();
    for (std::size_t i = 0; i + 1 < names.size(); ++i) sets += (sets.empty() ? "" : ", ") + names[i] + " = ?";
    return fmt::format("UPDATE {} SET {} WHERE id = ?", Sql<T>::table, sets);
  }();
  return sql;
}

// A batch's rollup deltas as rows, table by table (kTables' order), rows
// all zero dropped: what apply() writes. Made apart from the writing, so
// the reading thread can make them while the database still works.
struct DeltaRows {
  std::array<Rollups::Rows, kTables.size()> tables;
};
DeltaRows delta_rows(Rollups& deltas) {
  deltas.prune();
  DeltaRows out;
  for (std::size_t i = 0; i < kTables.size(); ++i) out.tables[i] = deltas.rows(kTables[i]);
  return out;
}

// Adds the deltas to the stored rollups, then drops rows left all zero.
void apply(db::Connection& c, const DeltaRows& deltas) {
  for (std::size_t table = 0; table < kTables.size(); ++table) {
    const Table t = kTables[table];
    const auto& s = spec(t);
    const auto& rows = deltas.tables[table];
    if (rows.empty()) continue;
    std::string columns, marks, updates, keys, zero, where;
    for (const auto& k : s.keys) {
      columns += (columns.empty() ? "" : ", ") + k;
      marks += marks.empty() ? "?" : ", ?";
      where += (where.empty() ? "" : " AND ") + k + " = ?";
    }
    keys = columns;
    for (const auto& n : s.counters) {
      columns += ", " + n;
      marks += ", ?";
      updates += fmt::format("{}{} = {}.{} + excluded.{}", updates.empty() ? "" : ", ", n, s.name, n, n);
      zero += fmt::format(" AND {} = 0", n);
    }
    // Upserts of up to kRows rows a statement (keys are unique within a
    // batch's deltas, so no statement touches a row twice), or, past
    // kThroughTemp rows (a bulk load), the rows bulk-inserted into a
    // temporary table and upserted from it in one statement; then the rows
    // a negative delta may have emptied are dropped.
    constexpr std::size_t kRows = 50, kThroughTemp = 500;
    const std::string drop = fmt::format("DELETE FROM {} WHERE {}{}", s.name, where, zero);
    std::vector<const Rollups::Key*> shrunk;
    for (const auto& [key, counters] : rows) {
      if (std::any_of(counters.begin(), counters.end(), [](std::int64_t v) { return v < 0; })) shrunk.push_back(&key);
    }
    if (rows.size() > kThroughTemp) {
      // PostgreSQL empties the temporary table at commit (a truncation),
      // SQLite once it has been used (its DELETE without WHERE truncates).
      const bool postgres = c.backend() == db::Backend::postgres;
      const std::string temp = fmt::format("{}_deltas", s.name);
      c.execute_script(
          fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} {}AS SELECT {} FROM {} WHERE 1 = 0; DELETE FROM {}", temp,
                      postgres ? "ON COMMIT DELETE ROWS " : "", columns, s.name, temp));
      std::vector<std::string> names(s.keys.begin(), s.keys.end());
      names.insert(names.end(), s.counters.begin(), s.counters.end());
      auto row = rows.begin();
      c.insert_stream(temp, names, [&](db::RowSink& out) {
        if (row == rows.end()) return false;
        for (const auto& k : row->first) out.text(k);
        for (auto v : row->second) out.integer(v);
        ++row;
        return true;
      });
      c.query(fmt::format("INSERT INTO {} ({}) SELECT {} FROM {} WHERE 1 = 1 ON CONFLICT ({}) DO UPDATE SET {}", s.name,
                          columns, columns, temp, keys, updates));
      if (!postgres) c.execute_script("DELETE FROM " + temp);
      for (const auto* key : shrunk) c.query(drop, std::vector<db::Param>(key->begin(), key->end()));
      continue;
    }
    std::vector<db::Param> params;
    std::size_t n = 0;
    auto flush = [&] {
      if (n == 0) return;
      std::string values = "(" + marks + ")";
      for (std::size_t k = 1; k < n; ++k) values += ", (" + marks + ")";
      c.query(fmt::format("INSERT INTO {} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}", s.name, columns, values,
                          keys, updates),
              params);
      params.clear();
      n = 0;
    };
    for (const auto& [key, counters] : rows) {
      params.insert(params.end(), key.begin(), key.end());
      params.insert(params.end(), counters.begin(), counters.end());
      if (++n == kRows) flush();
    }
    flush();
    for (const auto* key : shrunk) c.query(drop, std::vector<db::Param>(key->begin(), key->end()));
  }
}

// Records in the order read, each with its month keys.
template <class T>
struct Chunk {
  std::vector<T> records;
  std::vector<MonthKeys> months;
  std::size_t size() const { return records.size(); }
  void clear() {
    records.clear();
    months.clear();
  }
};

// Chunks of records written into the caller's transaction, each record
// replacing the stored one of its id (an unchanged one is left alone):
// changed records updated in place, new ones by the backend's bulk insert
// (Connection::insert_rows). The rollup deltas come in two parts: whoever
// reads the records sums +1 of each (Rollups::add with its month keys,
// possibly on another thread), and the writer takes back out what it finds
// stored (the record itself when unchanged, the stored version when
// changed), so finish() applies exactly the batch's change. Ids must be
// unique within the batch (the reader checks).
// (A bulk load of new records skips it: PipedImport::write.)
template <class T>
class BatchWriter {
 public:
  explicit BatchWriter(db::Connection& c) : c_(c) {}

  void write(const Chunk<T>& chunk) {
    read_stored(chunk);
    write_looked_up(chunk);
  }
  // Writes the chunk whose stored versions none_stored has just read.
  void write_looked_up(const Chunk<T>& chunk) {
    fresh_.clear();
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const T& rec = chunk.records[i];
      auto existing = stored_.find(rec.id);
      if (existing == stored_.end()) {
        fresh_.push_back(i);
        ++summary_.inserted;
      } else if (existing->second == rec) {
        taken_back_.add(rec, chunk.months[i].view(), -1);
        ++summary_.unchanged;
      } else {
        c_.query(update_sql<T>(), params_of(rec, chunk.months[i]));
        taken_back_.add(existing->second, -1);
        ++summary_.updated;
      }
    }
    c_.insert_rows(Sql<T>::table, Sql<T>::columns(), fresh_.size(), [&](std::size_t k, db::RowSink& out) {
      write_row(out, chunk.records[fresh_[k]], chunk.months[fresh_[k]]);
    });
  }

  // Whether none of the chunk's ids is stored (one look-up).
  bool none_stored(const Chunk<T>& chunk) {
    read_stored(chunk);
    return stored_.empty();
  }
  // Whether every record written so far was new (none taken back).
  bool all_new() const { return taken_back_.empty(); }
  // `n` records were inserted by the caller's own bulk insert, all new.
  void inserted(std::size_t n) { summary_.inserted += std::int64_t(n); }

  // Applies the deltas: `added` holds +1 of every record given to write().
  ImportSummary finish(Rollups& added) {
    added.merge(taken_back_);
    return applied(delta_rows(added));
  }
  // The same with the deltas made already: `added`'s rows, when nothing was
  // taken back (every record was new).
  ImportSummary finish(const DeltaRows& added) {
    if (!all_new()) throw Error(ErrorKind::internal, "records were taken back: finish(Rollups&)");
    return applied(added);
  }

 private:
  ImportSummary applied(const DeltaRows& deltas) {
    apply(c_, deltas);
    db::touch(c_, "indicators");
    return summary_;
  }

  // The stored versions of the chunk's records: on PostgreSQL in one query
  // (the ids as one array), on SQLite a run of ids per query (one query
  // per record would dominate a large batch).
  void read_stored(const Chunk<T>& chunk) {
    stored_.clear();
    auto keep = [&](const db::Result& found) {
      for (const auto& r : found.rows) {
        T old = Sql<T>::row().read(r);
        stored_.emplace(old.id, std::move(old));
      }
    };
    if (chunk.size() == 0) return;
    if (c_.backend() == db::Backend::postgres) {
      std::string ids = "{";
      for (const auto& rec : chunk.records) {
        if (ids.size() > 1) ids += ',';
        ids += '"';
        for (char ch : rec.id) {
          if (ch == '"' || ch == '\\') ids += '\\';
          ids += ch;
        }
        ids += '"';
      }
      ids += '}';
      keep(c_.query(
          fmt::format("SELECT {} FROM {} WHERE id = ANY (CAST(? AS text[]))", Sql<T>::row().list(), Sql<T>::table),
          {ids}));
      return;
    }
    constexpr std::size_t kIds = 500;
    for (std::size_t i = 0; i < chunk.size(); i += kIds) {
      const std::size_t n = std::min(kIds, chunk.size() - i);
      std::string marks = "?";
      for (std::size_t k = 1; k < n; ++k) marks += ", ?";
      std::vector<db::Param> ids;
      ids.reserve(n);
      for (std::size_t k = 0; k < n; ++k) ids.emplace_back(chunk.records[i + k].id);
      keep(
          c_.query(fmt::format("SELECT {} FROM {} WHERE id IN ({})", Sql<T>::row().list(), Sql<T>::table, marks), ids));
    }
  }

  db::Connection& c_;
  ImportSummary summary_;
  Rollups taken_back_;
  std::unordered_map<std::string, T> stored_;
  std::vector<std::size_t> fresh_;
};

// Records this many at a time: a bulk insert's run, a step of progress,
// and what the reading thread hands the writing one.
constexpr std::size_t kChunkRecords = 10000;
// The reading thread's first chunk, which decides how the batch is written.
constexpr std::size_t kFirstChunkRecords = 1000;

template <class T>
ImportSummary store(db::Connection& c, const std::vector<T>& records) {
  BatchWriter<T> writer(c);
  Rollups added;
  Chunk<T> chunk;
  for (std::size_t i = 0; i < records.size(); ++i) {
    chunk.records.push_back(records[i]);
    chunk.months.push_back(month_keys(records[i]));
    added.add(records[i], chunk.months.back().view(), +1);
    if (chunk.size() == kChunkRecords || i + 1 == records.size()) {
      writer.write(chunk);
      chunk.clear();
    }
  }
  return writer.finish(added);
}

// The units of a scope as an SQL list "(?, ?, …)" and its parameters.
struct ScopeSql {
  std::string in;
  std::vector<db::Param> params;
  // The scope's parameters followed by `more`.
  std::vector<db::Param> with(std::initializer_list<db::Param> more) const {
    std::vector<db::Param> out = params;
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
};

void require_unit(db::Connection& c, const std::string& unit) {
  if (!directory::unit_exists(c, unit)) {
    throw not_found(fmt::format("unit '{}' does not exist", unit), fmt::format("Không có đơn vị '{}'", unit));
  }
}

// The reader of each record kind (rules.h).
Reading read_records(std::string_view text, Format format, const std::set<std::string>& units,
                     const Take<Dossier>& take) {
  return read_dossiers(text, format, units, take);
}
Reading read_records(std::string_view text, Format format, const std::set<std::string>& units,
                     const Take<Feedback>& take) {
  return read_feedback(text, format, units, take);
}

// Thrown into the reading thread when the writer has stopped.
struct ReadingAbandoned {};
// Thrown out of the import's transaction to roll it back: the batch has a problem.
struct BatchRefused {};

// Chunks handed from the reading thread to the writing one: at most
// kQueued wait, so the reader keeps at most that much ahead.
template <class T>
class ChunkQueue {
 public:
  static constexpr std::size_t kQueued = 3;
  // Throws ReadingAbandoned once the writer has abandoned the batch.
  void push(Chunk<T> chunk) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return abandoned_ || chunks_.size() < kQueued; });
    if (abandoned_) throw ReadingAbandoned{};
    chunks_.push_back(std::move(chunk));
    changed_.notify_all();
  }
  // No more chunks will come.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  void abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    changed_.notify_all();
  }
  // Empty and open again, for a second reading of the batch (nothing
  // pushes meanwhile: the reader has been joined).
  void reset() {
    std::lock_guard lock(mutex_);
    chunks_.clear();
    closed_ = abandoned_ = false;
  }
  // An empty chunk to fill: one the writer gave back, its buffers kept, or
  // a new one with room for kChunkRecords. A bulk load thus allocates its
  // few chunks once, not a chunk's worth of records each time.
  Chunk<T> fresh_chunk() {
    {
      std::lock_guard lock(mutex_);
      if (!spares_.empty()) {
        auto chunk = std::move(spares_.back());
        spares_.pop_back();
        return chunk;
      }
    }
    Chunk<T> chunk;
    chunk.records.reserve(kChunkRecords);
    chunk.months.reserve(kChunkRecords);
    return chunk;
  }
  // A chunk the writer is done with, for fresh_chunk() to hand out again.
  void give_back(Chunk<T> chunk) {
    chunk.clear();
    std::lock_guard lock(mutex_);
    if (spares_.size() <= kQueued) spares_.push_back(std::move(chunk));
  }
  // The next chunk; nullopt once closed and drained.
  std::optional<Chunk<T>> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !chunks_.empty(); });
    if (chunks_.empty()) return std::nullopt;
    auto chunk = std::move(chunks_.front());
    chunks_.pop_front();
    changed_.notify_all();
    return chunk;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk<T>> chunks_;
  std::vector<Chunk<T>> spares_;
  bool closed_ = false, abandoned_ = false;
};

// One batch read and checked on a thread of its own while the caller's
// transaction writes what has been read (BatchWriter), a chunk behind: the
// two halves of the work overlap, and the batch is never held whole. Once
// the reader finds a problem it hands over no more chunks (it reads on for
// the report of every line), and the transaction rolls back what was
// written.
template <class T>
class PipedImport {
 public:
  PipedImport(const ImportRequest& req, const std::set<std::string>& units,
              std::optional<std::set<std::string>> allowed)
      : req_(req), units_(units), allowed_(std::move(allowed)) {}
  ~PipedImport() {
    if (thread_.joinable()) {
      queue_.abandon();
      thread_.join();
    }
  }
  PipedImport(const PipedImport&) = delete;
  PipedImport& operator=(const PipedImport&) = delete;

  // Reads the whole batch on this thread, writing nothing (a dry run).
  void read_only() { read(false); }
  // Starts reading on a thread of its own; write() takes what it reads.
  void start() {
    thread_ = std::thread([this] {
      try {
        read(true);
      } catch (const ReadingAbandoned&) {
      } catch (...) {
        failed_ = std::current_exception();
      }
      queue_.close();
    });
  }
  // Writes every chunk as it comes, then waits for the reader; throws
  // BatchRefused when the batch has a problem (so nothing commits).
  //
  // When none of the first chunk's ids is stored (a bulk load of new
  // records), every record goes into one bulk insert that takes the chunks
  // as the reader hands them over (Connection::insert_stream), inside a
  // savepoint: no look-up, and the database works while the reader reads.
  // Should a later record's id be stored after all (`conflict`), the
  // savepoint rolls the insert back and the batch is read again from its
  // text and written the careful way (BatchWriter), chunk by chunk.
  ImportSummary write(db::Connection& c) {
    {
      BatchWriter<T> writer(c);
      auto first = queue_.pop();
      if (!first) return finish(writer);
      if (!writer.none_stored(*first)) {
        writer.write_looked_up(*first);
        return write_carefully(writer, first->size());
      }
      if (stream(c, writer, std::move(*first))) return finish(writer);
    }
    reread();
    BatchWriter<T> writer(c);
    return write_carefully(writer, 0);
  }

  // Once read: the problems (by line), the records that passed, the first
  // ImportRequest::preview of them.
  LineErrors errors() const { return reading_.errors; }
  std::size_t records() const { return reading_.refused ? 0 : taken_; }
  const std::vector<T>& preview() const { return preview_; }

 private:
  // Writes every chunk still to come through `writer`, `done` records
  // written before.
  ImportSummary write_carefully(BatchWriter<T>& writer, std::size_t done) {
    if (done > 0) progress(done);
    while (auto chunk = queue_.pop()) {
      writer.write(*chunk);
      done += chunk->size();
      progress(done);
      queue_.give_back(std::move(*chunk));
    }
    return finish(writer);
  }

  // `first` and every later chunk in one bulk insert inside a savepoint;
  // false (the savepoint rolled back, the reader stopped) when a record's
  // id is stored already.
  bool stream(db::Connection& c, BatchWriter<T>& writer, Chunk<T> first) {
    c.execute_script("SAVEPOINT import_stream");
    std::optional<Chunk<T>> chunk(std::move(first));
    std::size_t at = 0, done = 0;
    try {
      c.insert_stream(Sql<T>::table, Sql<T>::columns(), [&](db::RowSink& out) {
        while (at == chunk->size()) {
          done += chunk->size();
          progress(done);
          queue_.give_back(std::move(*chunk));
          chunk = queue_.pop();
          at = 0;
          if (!chunk) return false;
        }
        write_row(out, chunk->records[at], chunk->months[at]);
        ++at;
        return true;
      });
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::conflict) throw;
      c.execute_script("ROLLBACK TO SAVEPOINT import_stream; RELEASE SAVEPOINT import_stream");
      return false;
    }
    c.execute_script("RELEASE SAVEPOINT import_stream");
    writer.inserted(done);
    return true;
  }

  // `done` records written, of about expected_ (counted by the reader).
  void progress(std::size_t done) {
    if (req_.progress) req_.progress(done, std::max(expected_.load(), done));
  }

  // Stops the reader and reads the batch again from its start.
  void reread() {
    queue_.abandon();
    if (thread_.joinable()) thread_.join();
    if (failed_) std::rethrow_exception(failed_);
    queue_.reset();
    reading_ = {};
    taken_ = 0;
    added_ = {};
    ready_.reset();
    preview_.clear();
    start();
  }

  // Waits for the reader, then applies the batch's rollups.
  ImportSummary finish(BatchWriter<T>& writer) {
    thread_.join();
    if (failed_) std::rethrow_exception(failed_);
    if (!reading_.ok()) throw BatchRefused{};
    if (ready_ && writer.all_new()) return writer.finish(*ready_);
    return writer.finish(added_);
  }

  // `writing`: hand the records over to write() in chunks.
  void read(bool writing) {
    Chunk<T> chunk = queue_.fresh_chunk();
    bool first = true;
    LineErrors outside;
    reading_ = read_records(req_.text, req_.format, units_, [&](T& rec, int line, std::size_t problems_before) {
      if (allowed_ && !allowed_->count(rec.unit_code)) {
        outside.push_back(
            {line,
             fmt::format("line {}: unit_code '{}' is outside {}, the units this token may write", line, rec.unit_code,
                         *req_.scope_unit),
             fmt::format("Dòng {}: đơn vị '{}' nằm ngoài phạm vi {}", line, rec.unit_code, *req_.scope_unit)});
        return;
      }
      ++taken_;
      if (preview_.size() < req_.preview) preview_.push_back(rec);
      // Once a problem is found the batch will be refused: the rest is
      // read for its problems, and no more is handed to the writer.
      if (problems_before > 0 || !outside.empty()) writing = false;
      if (!writing) return;
      chunk.months.push_back(month_keys(rec));
      added_.add(rec, chunk.months.back().view(), +1);
      chunk.records.push_back(std::move(rec));
      // The first chunk is small, so that the writer soon has it to look up
      // and the database soon has work; the reader counts the batch's
      // records for the progress only then.
      if (chunk.size() == (first ? kFirstChunkRecords : kChunkRecords)) {
        queue_.push(std::exchange(chunk, queue_.fresh_chunk()));
        if (std::exchange(first, false)) expected_ = count_records(req_.text, req_.format);
      }
    });
    if (!outside.empty() && !reading_.refused) {
      reading_.errors.merge(std::move(outside));
      std::stable_sort(reading_.errors.begin(), reading_.errors.end(),
                       [](const auto& a, const auto& b) { return a.line < b.line; });
    }
    if (writing && chunk.size() > 0) queue_.push(std::move(chunk));
    // The rollup rows are made here, while the database may still be busy
    // with the records; finish() writes them.
    if (writing && reading_.ok()) ready_ = delta_rows(added_);
  }

  const ImportRequest& req_;
  const std::set<std::string>& units_;
  const std::optional<std::set<std::string>> allowed_;
  ChunkQueue<T> queue_;
  std::thread thread_;
  std::exception_ptr failed_;
  // The reader's, read by the writer once it has joined the reading thread.
  Reading reading_;
  std::size_t taken_ = 0;
  std::atomic<std::size_t> expected_{0};
  Rollups added_;
  std::optional<DeltaRows> ready_;  // added_'s rows, once read whole
  std::vector<T> preview_;
};

template <class T>
ImportOutcome run_import(db::Database& db, const ImportRequest& req, const std::set<std::string>& units,
                         const audit::Entry& who, Instant now) {
  std::optional<std::set<std::string>> allowed;
  if (req.scope_unit) {
    auto codes = db.read([&](db::Connection& c) { return units_in_scope(c, *req.scope_unit, Scope::subtree); });
    allowed.emplace(codes.begin(), codes.end());
  }
  PipedImport<T> import(req, units, std::move(allowed));
  ImportOutcome out;
  if (req.dry_run) {
    import.read_only();
  } else {
    try {
      out.summary = db.write([&](db::Connection& c) {
        import.start();
        auto summary = import.write(c);
        audit::Entry e = who;
        e.action = "import";
        e.entity = req.kind == Kind::dossiers ? "dossiers" : "feedback";
        e.entity_id = fmt::format("{} records", import.records());
        e.after_json = to_json(summary).dump();
        audit::append(c, e, now);
        if (req.in_transaction) req.in_transaction(c);
        return summary;
      });
    } catch (const BatchRefused&) {
      out.summary = {};
    }
  }
  out.errors = import.errors();
  out.records = import.records();
  if (req.preview > 0) out.preview_csv = to_csv(import.preview());
  return out;
}

}  // namespace

Scope parse_scope(std::string_view s) {
  if (s == "unit") return Scope::unit;
  if (s == "subtree") return Scope::subtree;
  throw invalid_input(fmt::format("scope must be unit or subtree, not '{}'", s),
                      "Phạm vi phải là đơn vị hoặc cả đơn vị trực thuộc");
}

const char* name(Scope s) { return s == Scope::unit ? "unit" : "subtree"; }

nlohmann::json to_json(const ImportSummary& s) {
  return {{"inserted", s.inserted}, {"updated", s.updated}, {"unchanged", s.unchanged}};
}

ImportSummary store_feedback(db::Connection& c, const std::vector<Feedback>& records) { return store(c, records); }

ImportOutcome import_batch(db::Database& db, const ImportRequest& req, const audit::Entry& who, Instant now) {
  if (req.max_records > 0) {
    if (auto n = count_records(req.text, req.format); n > req.max_records) {
      ImportOutcome refused;
      refused.errors.push_back(
          {0,
           fmt::format("the batch holds about {} records, more than the {} one request may; "
                       "split it, or import it with `cchc indicators import`",
                       n, req.max_records),
           fmt::format("Tệp có khoảng {} bản ghi, vượt quá {} bản ghi cho một lần nhập; xin "
                       "vui lòng chia nhỏ tệp.",
                       text::format_int(std::int64_t(n)), text::format_int(std::int64_t(req.max_records)))});
      return refused;
    }
  }
  auto units = db.read([](db::Connection& c) {
    std::set<std::string> codes;
    for (const auto& u : directory::load_units(c)) codes.insert(u.code);
    return codes;
  });
  if (req.kind == Kind::dossiers) return run_import<Dossier>(db, req, units, who, now);
  return run_import<Feedback>(db, req, units, who, now);
}

namespace {

// Every rollup from the raw rows, in SQL: an independent formulation of
// Rollups::add (rollup.cpp), which the property test holds equal to it.
// The month keys are the stored columns (written with each record from
// month_key, finished_month_of, answered_month_of), so no date logic is
// repeated in SQL.
std::vector<std::string> rebuild_sql() {
  const std::string finished_month = "finished_month";
  const std::string answered_month = "answered_month";
  const std::string done = fmt::format("status <> 'withdrawn' AND finished_month <> '{}'", kNever);
  const std::string answered = fmt::format("status <> 'withdrawn' AND answered_month <> '{}'", kNever);
  const std::string satisfied = "CASE WHEN rating IN ('very_satisfied', 'satisfied') THEN 1 ELSE 0 END";
  auto sum = [](std::initializer_list<const char*> cs) {
    std::string out;
    for (const char* c : cs) out += fmt::format("{}CAST(SUM({}) AS BIGINT)", out.empty() ? "" : ", ", c);
    return out;
  };
  return {
      fmt::format(
          "INSERT INTO dossier_months (unit_code, month, channel, received, received_full, digitized, fee_required,"
          " paid_online, finished, finished_on_time, result_digitized, rated, satisfied, late, late_apology, "
          "finished_ok)"
          " SELECT unit_code, month, channel, {} FROM ("
          " SELECT unit_code, received_month AS month, channel, 1 AS r, CASE WHEN online_service = 'full' THEN 1 ELSE "
          "0 END AS rf,"
          " digitized AS dg, fee_required AS fr, CASE WHEN fee_required = 1 AND paid_online = 1 THEN 1 ELSE 0 END AS "
          "po,"
          " 0 AS f, 0 AS ft, 0 AS rd, 0 AS ra, 0 AS sa, 0 AS la, 0 AS lp, 0 AS ok"
          " FROM dossiers WHERE status <> 'withdrawn'"
          " UNION ALL SELECT unit_code, {}, channel, 0, 0, 0, 0, 0, 1,"
          " CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END, result_digitized,"
          " CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END, {},"
          " CASE WHEN finished_at > due_at THEN 1 ELSE 0 END,"
          " CASE WHEN finished_at > due_at AND apology_sent = 1 THEN 1 ELSE 0 END,"
          " CASE WHEN finished_at <= due_at AND (rating IS NULL OR rating <> 'unsatisfied') THEN 1 ELSE 0 END"
          " FROM dossiers WHERE {}) t GROUP BY unit_code, month, channel",
          sum({"r", "rf", "dg", "fr", "po", "f", "ft", "rd", "ra", "sa", "la", "lp", "ok"}), finished_month, satisfied,
          done),
      fmt::format(
          "INSERT INTO dossier_procedures (unit_code, month, procedure_code, received, finished, finished_on_time)"
          " SELECT unit_code, month, procedure_code, {} FROM ("
          " SELECT unit_code, received_month AS month, procedure_code, 1 AS r, 0 AS f, 0 AS ft"
          " FROM dossiers WHERE status <> 'withdrawn'"
          " UNION ALL SELECT unit_code, {}, procedure_code, 0, 1, CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END"
          " FROM dossiers WHERE {}) t GROUP BY unit_code, month, procedure_code",
          sum({"r", "f", "ft"}), finished_month, done),
      "INSERT INTO dossier_backlog (unit_code, received_month, due_month, finished_month, n)"
      " SELECT unit_code, received_month, due_month, finished_month, COUNT(*) FROM dossiers"
      " WHERE status <> 'withdrawn' GROUP BY unit_code, received_month, due_month, finished_month",
      fmt::format(
          "INSERT INTO feedback_months (unit_code, month, channel, received, answered, answered_on_time, rated,"
          " satisfied, answered_ok)"
          " SELECT unit_code, month, channel, {} FROM ("
          " SELECT unit_code, received_month AS month, channel, 1 AS r, 0 AS a, 0 AS at, 0 AS ra, 0 AS sa, 0 AS ok"
          " FROM feedback WHERE status <> 'withdrawn'"
          " UNION ALL SELECT unit_code, {}, channel, 0, 1, CASE WHEN answered_at <= due_at THEN 1 ELSE 0 END,"
          " CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END, {},"
          " CASE WHEN answered_at <= due_at AND (rating IS NULL OR rating <> 'unsatisfied') THEN 1 ELSE 0 END"
          " FROM feedback WHERE {}) t GROUP BY unit_code, month, channel",
          sum({"r", "a", "at", "ra", "sa", "ok"}), answered_month, satisfied, answered),
      "INSERT INTO feedback_backlog (unit_code, received_month, due_month, answered_month, n)"
      " SELECT unit_code, received_month, due_month, answered_month, COUNT(*) FROM feedback"
      " WHERE status <> 'withdrawn' GROUP BY unit_code, received_month, due_month, answered_month",
  };
}

}  // namespace

namespace {

std::optional<Instant> opt_instant(const db::RowView& r, int column) {
  if (r.is_null(column)) return std::nullopt;
  return Instant{std::chrono::seconds{r.i64(column)}};
}

// Every record streamed once into `sums`, with the month keys stored beside
// it; returns the number of records read. One Dossier / Feedback is reused
// for every row, so the scan allocates nothing per record.
// `where` narrows the scan to a part of the table ("" for all of it).
std::int64_t sum_dossiers(db::Connection& c, Rollups& sums, std::string_view where = {},
                          const std::vector<db::Param>& params = {}) {
  std::int64_t n = 0;
  Dossier d;
  c.stream(
      fmt::format("SELECT unit_code, procedure_code, channel, online_service, due_at, finished_at, status, digitized,"
                  " result_digitized, fee_required, paid_online, rating, apology_sent, received_month, due_month,"
                  " finished_month FROM dossiers{}",
                  where),
      params, [&](const db::RowView& r) {
        ++n;
        d.unit_code.assign(r.text(0));
        d.procedure_code.assign(r.text(1));
        d.channel = from_name<Channel>(r.text(2));
        d.online_service = from_name<OnlineService>(r.text(3));
        d.due_at = Instant{std::chrono::seconds{r.i64(4)}};
        d.finished_at = opt_instant(r, 5);
        d.status = from_name<DossierStatus>(r.text(6));
        d.digitized = r.i64(7) != 0;
        d.result_digitized = r.i64(8) != 0;
        d.fee_required = r.i64(9) != 0;
        d.paid_online = r.i64(10) != 0;
        d.rating = r.is_null(11) ? std::nullopt : std::optional<Rating>(from_name<Rating>(r.text(11)));
        d.apology_sent = r.i64(12) != 0;
        sums.add(d, Rollups::Months{r.text(13), r.text(14), r.text(15)}, +1);
      });
  return n;
}

std::int64_t sum_feedback(db::Connection& c, Rollups& sums) {
  std::int64_t n = 0;
  Feedback f;
  c.stream(
      "SELECT unit_code, channel, due_at, answered_at, status, rating, received_month, due_month, answered_month"
      " FROM feedback",
      {}, [&](const db::RowView& r) {
        ++n;
        f.unit_code.assign(r.text(0));
        f.channel = from_name<FeedbackChannel>(r.text(1));
        f.due_at = Instant{std::chrono::seconds{r.i64(2)}};
        f.answered_at = opt_instant(r, 3);
        f.status = from_name<FeedbackStatus>(r.text(4));
        f.rating = r.is_null(5) ? std::nullopt : std::optional<Rating>(from_name<Rating>(r.text(5)));
        sums.add(f, Rollups::Months{r.text(6), r.text(7), r.text(8)}, +1);
      });
  return n;
}

// Replaces every rollup row with `sums`.
void write_rollups(db::Connection& c, Rollups& sums) {
  for (Table t : kTables) c.query(fmt::format("DELETE FROM {}", spec(t).name));
  apply(c, delta_rows(sums));
  db::touch(c, "indicators");
}

}  // namespace

std::int64_t rebuild(db::Connection& c) {
  Rollups sums;
  const std::int64_t n = sum_dossiers(c, sums) + sum_feedback(c, sums);
  write_rollups(c, sums);
  return n;
}

void rebuild_in_sql(db::Connection& c) {
  for (Table t : kTables) c.query(fmt::format("DELETE FROM {}", spec(t).name));
  for (const auto& sql : rebuild_sql()) c.query(sql);
  db::touch(c, "indicators");
}

std::int64_t rebuild(db::Database& db, const std::function<void(db::Connection&, std::int64_t)>& before_commit) {
  return db.write([&](db::Connection& c) {
    if (c.backend() != db::Backend::sqlite) {
      const auto n = rebuild(c);
      if (before_commit) before_commit(c, n);
      return n;
    }
    // This transaction holds the writer lock, so what the other connections
    // read is the last committed state and stays so until the rollups are
    // written. The dossiers are read in two halves by rowid at once, one on
    // a second thread; the feedback after the first half.
    auto bounds = c.query(  // one MIN or MAX a subquery: each is then one step down the b-tree
                       "SELECT COALESCE((SELECT MIN(rowid) FROM dossiers), 0) AS lo,"
                       " COALESCE((SELECT MAX(rowid) FROM dossiers), 0) AS hi")
                      .one();
    const std::int64_t lo = bounds.i64("lo"), mid = lo + (bounds.i64("hi") - lo) / 2;
    Rollups sums, upper;
    std::int64_t n_upper = 0;
    std::exception_ptr failed;
    std::thread second([&] {
      try {
        n_upper = db.read([&](db::Connection& r) { return sum_dossiers(r, upper, " WHERE rowid > ?", {mid}); });
      } catch (...) {
        failed = std::current_exception();
      }
    });
    std::int64_t n = 0;
    try {
      n = db.read([&](db::Connection& r) { return sum_dossiers(r, sums, " WHERE rowid <= ?", {mid}); });
      n += sum_feedback(c, sums);
    } catch (...) {
      second.join();
      throw;
    }
    second.join();
    if (failed) std::rethrow_exception(failed);
    sums.merge(upper);
    write_rollups(c, sums);
    if (before_commit) before_commit(c, n + n_upper);
    return n + n_upper;
  });
}

std::vector<std::string> units_in_scope(db::Connection& c, const std::string& unit, Scope scope) {
  require_unit(c, unit);
  if (scope == Scope::unit) return {unit};
  return directory::codes_within(c, unit);
}

namespace {

ScopeSql scope_sql(db::Connection& c, const std::string& unit, Scope scope) {
  ScopeSql out;
  for (auto& code : units_in_scope(c, unit, scope)) {
    out.in += out.in.empty() ? "(?" : ", ?";
    out.params.emplace_back(std::move(code));
  }
  out.in += ")";
  return out;
}

}  // namespace

std::pair<std::string, std::string> month_range(const Period& p) {
  using namespace std::chrono;
  Date after = local_date(p.end());
  if (p.first.day() != day{1} || after.day() != day{1}) {
    throw invalid_input(fmt::format("period {} is not a run of whole months; indicators are kept by month", p.code()),
                        "Chỉ số được tổng hợp theo tháng: hãy chọn kỳ gồm các tháng trọn vẹn");
  }
  auto key = [](Date d) { return fmt::format("{:04}-{:02}", int(d.year()), unsigned(d.month())); };
  return {key(p.first), key(after)};
}

namespace {

Indicators compute_query(db::Connection& c, const std::string& unit, const Period& period, Scope scope) {
  const auto range = month_range(period);
  const auto first = range.first, end = range.second;  // named, not bound: lambdas below capture them (clang 14)
  auto sc = scope_sql(c, unit, scope);
  Sums s;
  auto months = c.query(
      fmt::format("SELECT channel, CAST(SUM(received) AS BIGINT) AS received, CAST(SUM(received_full) AS BIGINT) AS "
                  "received_full,"
                  " CAST(SUM(digitized) AS BIGINT) AS digitized, CAST(SUM(fee_required) AS BIGINT) AS fee_required,"
                  " CAST(SUM(paid_online) AS BIGINT) AS paid_online, CAST(SUM(finished) AS BIGINT) AS finished,"
                  " CAST(SUM(finished_on_time) AS BIGINT) AS finished_on_time, CAST(SUM(result_digitized) AS BIGINT) "
                  "AS result_digitized,"
                  " CAST(SUM(rated) AS BIGINT) AS rated, CAST(SUM(satisfied) AS BIGINT) AS satisfied, CAST(SUM(late) "
                  "AS BIGINT) AS late,"
                  " CAST(SUM(late_apology) AS BIGINT) AS late_apology, CAST(SUM(finished_ok) AS BIGINT) AS finished_ok"
                  " FROM dossier_months WHERE unit_code IN {}"
                  " AND month >= ? AND month < ? GROUP BY channel",
                  sc.in),
      sc.with({first, end}));
  const auto& dm_names = spec(Table::dossier_months).counters;
  for (const auto& r : months.rows) {
    auto& v = s.dossiers_by_channel[r.str("channel")];
    v.assign(dm::count, 0);
    for (size_t k = 0; k < dm::count; ++k) v[k] = r.i64(dm_names[k]);
  }
  auto fb = c.query(
      fmt::format(
          "SELECT COUNT(*) AS n, CAST(SUM(received) AS BIGINT) AS received, CAST(SUM(answered) AS BIGINT) AS answered,"
          " CAST(SUM(answered_on_time) AS BIGINT) AS answered_on_time, CAST(SUM(rated) AS BIGINT) AS rated,"
          " CAST(SUM(satisfied) AS BIGINT) AS satisfied, CAST(SUM(answered_ok) AS BIGINT) AS answered_ok FROM "
          "feedback_months"
          " WHERE unit_code IN {} AND month >= ? AND month < ?",
          sc.in),
      sc.with({first, end}));
  const auto& fm_names = spec(Table::feedback_months).counters;
  if (fb.one().i64("n") > 0) {
    for (size_t k = 0; k < fm::count; ++k) s.feedback[k] = fb.one().i64(fm_names[k]);
  }
  auto backlog = [&](const char* table, const char* done_column) {
    auto r =
        c.query(fmt::format("SELECT COUNT(*) AS rows_, CAST(COALESCE(SUM(n), 0) AS BIGINT) AS pending,"
                            " CAST(COALESCE(SUM(CASE WHEN due_month < ? THEN n ELSE 0 END), 0) AS BIGINT) AS overdue"
                            " FROM {} WHERE unit_code IN {} AND {} >= ? AND received_month < ?",
                            table, sc.in, done_column),
                [&] {
                  std::vector<db::Param> p = {end};  // due_month < ?, before the list
                  p.insert(p.end(), sc.params.begin(), sc.params.end());
                  p.insert(p.end(), {end, end});
                  return p;
                }());
    return std::pair{r.one().i64("pending"), r.one().i64("overdue")};
  };
  std::tie(s.pending, s.pending_overdue) = backlog("dossier_backlog", "finished_month");
  std::tie(s.feedback_pending, s.feedback_pending_overdue) = backlog("feedback_backlog", "answered_month");
  return from_sums(s);
}

}  // namespace

Indicators query(db::Connection& c, const std::string& unit, const Period& period, Scope scope) {
  static db::Memo<Indicators> memo({"indicators", "units"});
  return memo.get(c, fmt::format("{}|{}|{}", unit, period.code(), name(scope)),
                  [&] { return compute_query(c, unit, period, scope); });
}

std::vector<BreakdownRow> breakdown(db::Connection& c, const std::string& unit, const Period& period, Scope scope,
                                    By by) {
  auto [first, end] = month_range(period);
  auto sc = scope_sql(c, unit, scope);
  const bool channel = by == By::channel;
  const char* key = channel ? "channel" : "procedure_code";
  auto rows = c.query(fmt::format("SELECT {0} AS key_, CAST(SUM(received) AS BIGINT) AS received,"
                                  " CAST(SUM(finished) AS BIGINT) AS finished,"
                                  " CAST(SUM(finished_on_time) AS BIGINT) AS finished_on_time FROM {1}"
                                  " WHERE unit_code IN {2} AND month >= ? AND month < ? GROUP BY {0} ORDER BY {3}",
                                  key, channel ? "dossier_months" : "dossier_procedures", sc.in,
                                  channel ? "channel" : "SUM(received) DESC, procedure_code"),
                      sc.with({first, end}));
  std::vector<BreakdownRow> out;
  for (const auto& r : rows.rows) {
    out.push_back({r.str("key_"), r.i64("received"), r.i64("finished"), r.i64("finished_on_time")});
  }
  return out;
}

std::optional<std::string> latest_month(db::Connection& c) {
  static db::Memo<std::optional<std::string>> memo({"indicators"}, 1);
  return memo.get(c, "", [&] {
    auto rows = c.query("SELECT MAX(month) AS m FROM dossier_months");
    return rows.empty() ? std::nullopt : rows.one().opt_str("m");
  });
}

std::vector<Dossier> overdue_dossiers(db::Connection& c, const std::string& unit, Scope scope, Instant at, int limit) {
  auto sc = scope_sql(c, unit, scope);
  return kDossierRow.read_all(
      c.query(fmt::format("SELECT {} FROM dossiers WHERE unit_code IN {}"
                          " AND status IN ('processing', 'paused') AND due_at < ? ORDER BY due_at, id LIMIT ?",
                          kDossierRow.list(), sc.in),
              sc.with({secs(at), limit})));
}

}  // namespace cchc::indicators
