#pragma once
// One storage interface with two backends: SQLite (a file path) and
// PostgreSQL (a postgresql:// URL). Capabilities write SQL once, in the
// common subset of both dialects, with `?` placeholders; the PostgreSQL
// backend renumbers them to $1, $2 …. Statements are prepared once per
// connection and cached.
//
//   auto db = db::open("var/cchc.db");
//   auto rows = db->read([](db::Connection& c) {
//     return c.query("SELECT key, value FROM settings WHERE key = ?", {"province_name"});
//   });
//   db->write([](db::Connection& c) { c.query("UPDATE …", {…}); });  // one transaction
//
// read() runs on a pooled connection in autocommit mode; write() runs in a
// transaction that commits when the function returns and rolls back when it
// throws. SQLite allows one writer at a time (write() takes the database's
// writer lock and BEGIN IMMEDIATE); PostgreSQL runs writers concurrently.
// Failures throw cchc::Error: `conflict` for constraint violations,
// `unavailable` when the server cannot be reached or the pool is exhausted.
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/dates.h"

namespace cchc::db {

enum class Backend { sqlite, postgres };

// A parameter or a column value. Integers (and booleans) are int64, reals are
// double, text is UTF-8; NULL is monostate.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Param {
  Value value;
  Param(std::nullptr_t) {}
  Param(std::int64_t v) : value(v) {}
  Param(int v) : value(std::int64_t{v}) {}
  Param(bool v) : value(std::int64_t{v}) {}
  Param(double v) : value(v) {}
  Param(const char* v) : value(std::string(v)) {}
  Param(std::string v) : value(std::move(v)) {}
  Param(std::string_view v) : value(std::string(v)) {}
  // Instants are stored as Unix seconds (BIGINT).
  Param(Instant t) : value(std::int64_t{t.time_since_epoch().count()}) {}
  template <class T>
  Param(const std::optional<T>& v) : value(v ? Param(*v).value : Value{}) {}
};

class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  const Value& operator[](size_t i) const { return values_.at(i); }
  const Value& operator[](std::string_view column) const;
  bool is_null(std::string_view column) const;
  // Typed access; throws internal when the value is NULL or of another type
  // (text that spells an integer is accepted, as PostgreSQL may send it).
  std::int64_t i64(std::string_view column) const;
  double f64(std::string_view column) const;
  std::string str(std::string_view column) const;
  std::optional<std::string> opt_str(std::string_view column) const;
  std::optional<std::int64_t> opt_i64(std::string_view column) const;
  std::optional<double> opt_f64(std::string_view column) const;
  // An instant stored as Unix seconds.
  Instant instant(std::string_view column) const;
  std::optional<Instant> opt_instant(std::string_view column) const;
  // A day stored as ISO text ("2026-12-07"); malformed text is internal.
  Date date(std::string_view column) const;
  std::optional<Date> opt_date(std::string_view column) const;

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> values_;
};

struct Result {
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
  bool empty() const { return rows.empty(); }
  const Row& one() const;  // throws not_found when there is no row
};

// One row of a streamed query (Connection::stream), valid only during the
// callback: columns by position, text as a view into the driver's buffer,
// nothing copied.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual bool is_null(int column) const = 0;
  // The column as an integer; NULL reads as 0 (ask is_null first).
  virtual std::int64_t i64(int column) const = 0;
  // The column as text; NULL reads as "".
  virtual std::string_view text(int column) const = 0;
};

// Takes one row's values for Connection::insert_rows and insert_stream, in
// column order. Text is not copied where the backend can avoid it: it must
// stay valid until the row is written, i.e. until `fill` (`next`) is
// called for the next row or the insert returns (the record's own strings,
// not temporaries).
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void null() = 0;
  virtual void integer(std::int64_t v) = 0;
  virtual void text(std::string_view v) = 0;
};

// "?, ?, …": the placeholders of an SQL list of n values (n ≥ 1).
std::string marks(std::size_t n);

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // One statement with `?` placeholders, prepared and cached.
  virtual Result query(std::string_view sql, const std::vector<Param>& params) = 0;
  Result query(std::string_view sql, std::initializer_list<Param> params = {}) {
    return query(sql, std::vector<Param>(params));
  }
  // Streams the rows of one query to `each`, one at a time, without holding
  // them: memory stays flat whatever the number of rows (a rebuild over
  // millions of records). Not prepared or cached: for long scans, not for
  // many small queries. An exception from `each` stops the scan and
  // propagates; the connection stays usable.
  virtual void stream(std::string_view sql, const std::vector<Param>& params,
                      const std::function<void(const RowView&)>& each) = 0;
  // Inserts `rows` rows into `table` (`columns` in that order), `fill(i,
  // sink)` giving row i's values, the fastest way the backend has: SQLite
  // steps one prepared statement per row; PostgreSQL sends the rows with
  // COPY … FROM STDIN. On the caller's transaction; a row that breaks a
  // constraint fails the whole call (`conflict`), and the caller's
  // transaction with it. `table` and `columns` are SQL names, never input.
  void insert_rows(std::string_view table, const std::vector<std::string>& columns, std::size_t rows,
                   const std::function<void(std::size_t, RowSink&)>& fill) {
    std::size_t i = 0;
    insert_stream(table, columns, [&](RowSink& sink) {
      if (i == rows) return false;
      fill(i++, sink);
      return true;
    });
  }
  // The same insert for rows that come as they are made: `next(sink)`
  // gives the next row's values and true, or false when there are no more.
  // `next` may wait (rows read on another thread): the rows given before
  // it are on their way to the server meanwhile (PostgreSQL sends them in
  // pieces of 64 KiB, so the server works while the next rows are made).
  virtual void insert_stream(std::string_view table, const std::vector<std::string>& columns,
                             const std::function<bool(RowSink&)>& next) = 0;
  // Several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Transaction control, used by Database::write().
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  // Cheap liveness check (SELECT 1); throws unavailable.
  virtual void ping() = 0;
};

struct Options {
  size_t pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  std::chrono::milliseconds busy_timeout{5000};  // SQLite: waiting for another process's writer
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Backend backend() const = 0;
  // A description without secrets, for logs.
  virtual std::string describe() const = 0;

  template <class F>
  auto read(F&& f) {
    auto lease = acquire(false);
    return f(*lease);
  }

  template <class F>
  auto write(F&& f) {
    auto lease = acquire(true);
    lease->begin(true);
    try {
      if constexpr (std::is_void_v<decltype(f(*lease))>) {
        f(*lease);
        lease->commit();
      } else {
        auto result = f(*lease);
        lease->commit();
        return result;
      }
    } catch (...) {
      lease->rollback();
      throw;
    }
  }

 protected:
  struct Releaser {
    std::function<void(Connection*)> release;
    void operator()(Connection* c) const { release(c); }
  };
  using Lease = std::unique_ptr<Connection, Releaser>;
  // A connection from the pool; for writes on SQLite also the writer lock,
  // held until the lease is returned.
  virtual Lease acquire(bool write) = 0;
};

// Opens a database: a `postgresql://` or `postgres://` URL selects PostgreSQL;
// `sqlite:PATH` (also `sqlite:///abs/path`) or any other text is a SQLite
// file path (created if missing). Another `scheme://` is refused
// (invalid_input).
std::unique_ptr<Database> open(const std::string& spec, const Options& options = {});
bool is_postgres_url(std::string_view spec);

}  // namespace cchc::db
