#include "db/sqlite/sqlite.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/errors.h"
#include "db/pool.h"

namespace cchc::db {

namespace {

class SqliteConnection final : public Connection {
 public:
  using Connection::query;
  SqliteConnection(const std::string& path, const Options& options) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw unavailable(fmt::format("cannot open SQLite database '{}': {}", path, msg));
    }
    sqlite3_busy_timeout(db_, int(options.busy_timeout.count()));
    sqlite3_extended_result_codes(db_, 1);
    execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Backend backend() const override { return Backend::sqlite; }

  Result query(std::string_view sql, const std::vector<Param>& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    const ResetOnExit reset{stmt};
    bind_all(stmt, params, sql);

    Result result;
    std::shared_ptr<std::vector<std::string>> columns;
    int ncol = sqlite3_column_count(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc, sql);
      if (!columns) {
        columns = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < ncol; ++c) columns->emplace_back(sqlite3_column_name(stmt, c));
      }
      std::vector<Value> values;
      values.reserve(size_t(ncol));
      for (int c = 0; c < ncol; ++c) values.push_back(column(stmt, c));
      result.rows.emplace_back(columns, std::move(values));
    }
    if (!sqlite3_stmt_readonly(stmt)) result.affected = sqlite3_changes64(db_);
    return result;
  }

  void stream(std::string_view sql, const std::vector<Param>& params,
              const std::function<void(const RowView&)>& each) override {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), int(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> owned(stmt, sqlite3_finalize);
    bind_all(stmt, params, sql);
    const StepRow row{stmt};
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) each(row);
    if (rc != SQLITE_DONE) fail(rc, sql);
  }

  void insert_stream(std::string_view table, const std::vector<std::string>& columns,
                     const std::function<bool(RowSink&)>& next) override {
    std::string names, marks;
    for (const auto& c : columns) {
      names += (names.empty() ? "" : ", ") + c;
      marks += marks.empty() ? "?" : ", ?";
    }
    const std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names, marks);
    sqlite3_stmt* stmt = prepare(sql);
    struct Binder final : RowSink {
      sqlite3_stmt* stmt;
      int column = 1;
      explicit Binder(sqlite3_stmt* s) : stmt(s) {}
      void null() override { sqlite3_bind_null(stmt, column++); }
      void integer(std::int64_t v) override { sqlite3_bind_int64(stmt, column++, v); }
      void text(std::string_view v) override {
        // Not copied: the text stays valid until the row is stepped (RowSink).
        sqlite3_bind_text(stmt, column++, v.data(), int(v.size()), SQLITE_STATIC);
      }
    } binder{stmt};
    const ResetOnExit reset{stmt};
    for (std::size_t i = 0;; ++i) {
      binder.column = 1;
      if (!next(binder)) break;
      if (binder.column != int(columns.size()) + 1) {
        throw Error(ErrorKind::internal, fmt::format("row {} of {} gave {} values for {} columns", i, table,
                                                     binder.column - 1, columns.size()));
      }
      int rc = sqlite3_step(stmt);
      if (rc != SQLITE_DONE) fail(rc, sql);
      sqlite3_reset(stmt);
    }
  }

  void execute_script(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw_for(rc, msg);
    }
  }

  void begin(bool write) override { execute_script(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void ping() override { query("SELECT 1"); }

 private:
  // Leaves a cached statement reset and unbound, however the call ends.
  struct ResetOnExit {
    sqlite3_stmt* s;
    ~ResetOnExit() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  };

  // The current row of a statement being stepped.
  struct StepRow final : RowView {
    sqlite3_stmt* stmt;
    explicit StepRow(sqlite3_stmt* s) : stmt(s) {}
    bool is_null(int c) const override { return sqlite3_column_type(stmt, c) == SQLITE_NULL; }
    std::int64_t i64(int c) const override { return sqlite3_column_int64(stmt, c); }
    std::string_view text(int c) const override {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      return p ? std::string_view(p, size_t(sqlite3_column_bytes(stmt, c))) : std::string_view();
    }
  };

  static void bind_all(sqlite3_stmt* stmt, const std::vector<Param>& params, std::string_view sql) {
    if (int(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      throw Error(ErrorKind::internal, fmt::format("statement wants {} parameters, got {}: {}",
                                                   sqlite3_bind_parameter_count(stmt), params.size(), sql));
    }
    for (size_t i = 0; i < params.size(); ++i) bind(stmt, int(i + 1), params[i].value);
  }

  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) fail(rc, sql);
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  static void bind(sqlite3_stmt* stmt, int i, const Value& v) {
    if (auto p = std::get_if<std::int64_t>(&v))
      sqlite3_bind_int64(stmt, i, *p);
    else if (auto p = std::get_if<double>(&v))
      sqlite3_bind_double(stmt, i, *p);
    else if (auto p = std::get_if<std::string>(&v))
      sqlite3_bind_text(stmt, i, p->data(), int(p->size()), SQLITE_TRANSIENT);
    else
      sqlite3_bind_null(stmt, i);
  }

  static Value column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(stmt, c)};
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, c);
      case SQLITE_NULL: return std::monostate{};
      default: {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(p, size_t(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  [[noreturn]] void fail(int rc, std::string_view sql) {
    storage_failure(rc, sqlite3_errmsg(db_));
    throw_for(rc, fmt::format("{} (in: {})", sqlite3_errmsg(db_), sql));
  }

  // A disk that is full, or a file that cannot be written: one line, no SQL.
  static void storage_failure(int rc, const std::string& msg) {
    switch (rc & 0xff) {
      case SQLITE_FULL: throw storage_full("the database cannot grow: " + msg);
      case SQLITE_READONLY:
      case SQLITE_IOERR:
      case SQLITE_CANTOPEN: throw unavailable("the database cannot be written: " + msg);
      default: break;
    }
  }

  [[noreturn]] static void throw_for(int rc, const std::string& msg) {
    storage_failure(rc, msg);
    switch (rc & 0xff) {
      case SQLITE_CONSTRAINT: throw Error(ErrorKind::conflict, "constraint violated: " + msg);
      case SQLITE_BUSY:
      case SQLITE_LOCKED: throw unavailable("database is busy: " + msg);
      default: throw Error(ErrorKind::internal, "SQLite: " + msg);
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const Options& options)
      : path_(std::move(path)), pool_(options.pool_size, options.acquire_timeout, [this, options] {
          return std::make_unique<SqliteConnection>(path_, options);
        }) {
    auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    pool_.give(pool_.take(), true);  // open now, so a bad path fails at start
  }

  Backend backend() const override { return Backend::sqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  Lease acquire(bool write) override {
    std::unique_lock<std::mutex> writer;
    if (write) writer = std::unique_lock(writer_);
    auto conn = pool_.take();
    auto* raw = conn.release();
    auto shared_lock = std::make_shared<std::unique_lock<std::mutex>>(std::move(writer));
    return Lease(raw, Releaser{[this, shared_lock](Connection* c) {
                   pool_.give(std::unique_ptr<SqliteConnection>(static_cast<SqliteConnection*>(c)), true);
                   if (shared_lock->owns_lock()) shared_lock->unlock();
                 }});
  }

 private:
  std::string path_;
  std::mutex writer_;
  Pool<SqliteConnection> pool_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options) {
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace cchc::db
