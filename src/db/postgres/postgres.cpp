#include "db/postgres/postgres.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>
#include <regex>
#include <unordered_map>

#include "core/errors.h"
#include "db/pool.h"

namespace cchc::db {

std::string renumber_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += fmt::format("${}", ++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.h), stable across versions.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

std::string without_password(const std::string& url) {
  return std::regex_replace(url, std::regex(R"(://([^:/@]*):[^@]*@)"), "://$1:***@");
}

// What COPY sends at a time: small enough that the server starts on the
// first rows while the next are made.
constexpr std::size_t kCopyPiece = 64 * 1024;

class PgConnection final : public Connection {
 public:
  using Connection::query;
  explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw unavailable(fmt::format("cannot connect to PostgreSQL at {}: {}", without_password(url), msg),
                        "Không kết nối được cơ sở dữ liệu, xin vui lòng thử lại sau.");
    }
    execute_script("SET client_encoding = 'UTF8'; SET client_min_messages = warning;");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::postgres; }
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  Result query(std::string_view sql, const std::vector<Param>& params) override {
    const std::string& name = prepare(sql);
    TextParams p(params);
    PGresult* res = PQexecPrepared(conn_, name.c_str(), int(params.size()), p.values.data(), nullptr, nullptr, 0);
    return collect(res, sql);
  }

  // Single-row mode: libpq hands over each row as it arrives. When `each`
  // throws, the query is cancelled and its results drained, so the
  // connection is ready for the next statement.
  void stream(std::string_view sql, const std::vector<Param>& params,
              const std::function<void(const RowView&)>& each) override {
    TextParams p(params);
    if (!PQsendQueryParams(conn_, renumber_placeholders(sql).c_str(), int(params.size()), nullptr, p.values.data(),
                           nullptr, nullptr, 0) ||
        !PQsetSingleRowMode(conn_)) {
      collect(PQgetResult(conn_), sql);
      drain();
      throw Error(ErrorKind::internal, fmt::format("PostgreSQL: cannot stream: {}", PQerrorMessage(conn_)));
    }
    try {
      while (PGresult* res = PQgetResult(conn_)) {
        std::unique_ptr<PGresult, decltype(&PQclear)> guard(res, PQclear);
        if (PQresultStatus(res) == PGRES_SINGLE_TUPLE) {
          each(ResultRow{res});
        } else if (PQresultStatus(res) != PGRES_TUPLES_OK) {
          collect(guard.release(), sql);  // throws the mapped error
        }
      }
    } catch (...) {
      if (PGcancel* cancel = PQgetCancel(conn_)) {
        char err[256];
        PQcancel(cancel, err, sizeof err);
        PQfreeCancel(cancel);
      }
      drain();
      throw;
    }
  }

  // COPY in text format: values tab-separated, \N for NULL, backslash,
  // tab, newline and carriage return escaped; sent 64 KiB at a time.
  void insert_stream(std::string_view table, const std::vector<std::string>& columns,
                     const std::function<bool(RowSink&)>& next) override {
    std::string names;
    for (const auto& c : columns) names += (names.empty() ? "" : ", ") + c;
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, names);
    PGresult* start = PQexec(conn_, sql.c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
      collect(start, sql);  // throws the mapped error
      throw Error(ErrorKind::internal, "PostgreSQL: COPY did not start: " + sql);
    }
    PQclear(start);
    struct Lines final : RowSink {
      std::string buffer;
      int values = 0;
      void separate() {
        if (values++ > 0) buffer += '\t';
      }
      void null() override {
        separate();
        buffer += "\\N";
      }
      void integer(std::int64_t v) override {
        separate();
        char digits[24];
        auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
        buffer.append(digits, end);
      }
      void text(std::string_view v) override {
        separate();
        // Runs without a character to escape are appended whole. (A plain
        // loop: find_first_of calls memchr on its set for every character.)
        const char* d = v.data();
        std::size_t run = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
          const char* escaped = nullptr;
          switch (d[i]) {
            case '\\': escaped = "\\\\"; break;
            case '\t': escaped = "\\t"; break;
            case '\n': escaped = "\\n"; break;
            case '\r': escaped = "\\r"; break;
            default: continue;
          }
          buffer.append(d + run, i - run);
          buffer.append(escaped, 2);
          run = i + 1;
        }
        buffer.append(d + run, v.size() - run);
      }
    } lines;
    auto send = [&] {
      if (!lines.buffer.empty() && PQputCopyData(conn_, lines.buffer.data(), int(lines.buffer.size())) != 1) {
        throw unavailable(fmt::format("PostgreSQL: COPY into {} failed: {}", table, PQerrorMessage(conn_)));
      }
      lines.buffer.clear();
    };
    try {
      for (std::size_t i = 0;; ++i) {
        lines.values = 0;
        const auto before = lines.buffer.size();
        if (!next(lines)) {
          lines.buffer.resize(before);
          break;
        }
        if (lines.values != int(columns.size())) {
          throw Error(ErrorKind::internal, fmt::format("row {} of {} gave {} values for {} columns", i, table,
                                                       lines.values, columns.size()));
        }
        lines.buffer += '\n';
        if (lines.buffer.size() >= kCopyPiece) send();
      }
      send();
    } catch (...) {
      PQputCopyEnd(conn_, "cancelled by the writer");
      drain();
      throw;
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) {
      throw unavailable(fmt::format("PostgreSQL: COPY into {} failed: {}", table, PQerrorMessage(conn_)));
    }
    std::exception_ptr failed;  // a broken constraint; every result is read before it is thrown
    while (PGresult* res = PQgetResult(conn_)) {
      try {
        collect(res, sql);
      } catch (...) {
        if (!failed) failed = std::current_exception();
      }
    }
    if (failed) std::rethrow_exception(failed);
  }

  void execute_script(std::string_view sql) override { collect(PQexec(conn_, std::string(sql).c_str()), sql); }

  void begin(bool) override { execute_script("BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() noexcept override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  void ping() override { query("SELECT 1"); }

 private:
  // Parameters as libpq's text values (NULL for monostate).
  struct TextParams {
    std::vector<std::string> text;
    std::vector<const char*> values;
    explicit TextParams(const std::vector<Param>& params) : text(params.size()), values(params.size()) {
      for (size_t i = 0; i < params.size(); ++i) {
        const Value& v = params[i].value;
        if (auto p = std::get_if<std::int64_t>(&v))
          text[i] = std::to_string(*p);
        else if (auto p = std::get_if<double>(&v))
          text[i] = fmt::format("{}", *p);
        else if (auto p = std::get_if<std::string>(&v))
          text[i] = *p;
        values[i] = std::holds_alternative<std::monostate>(v) ? nullptr : text[i].c_str();
      }
    }
  };

  // The one row of a single-row-mode result; values arrive as text.
  struct ResultRow final : RowView {
    PGresult* res;
    explicit ResultRow(PGresult* r) : res(r) {}
    bool is_null(int c) const override { return PQgetisnull(res, 0, c); }
    std::int64_t i64(int c) const override {
      if (PQgetisnull(res, 0, c)) return 0;
      const char* v = PQgetvalue(res, 0, c);
      if (PQftype(res, c) == kBool) return v[0] == 't';
      std::int64_t out = 0;
      std::from_chars(v, v + PQgetlength(res, 0, c), out);
      return out;
    }
    std::string_view text(int c) const override { return {PQgetvalue(res, 0, c), size_t(PQgetlength(res, 0, c))}; }
  };

  // Reads what is left of a query's results.
  void drain() {
    while (PGresult* res = PQgetResult(conn_)) PQclear(res);
  }

  const std::string& prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    std::string name = fmt::format("s{}", statements_.size() + 1);
    PGresult* res = PQprepare(conn_, name.c_str(), renumber_placeholders(sql).c_str(), 0, nullptr);
    collect(res, sql);
    return statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  Result collect(PGresult* res, std::string_view sql) {
    std::unique_ptr<PGresult, decltype(&PQclear)> guard(res, PQclear);
    auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
      const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
      if (PQstatus(conn_) != CONNECTION_OK) {
        throw unavailable("PostgreSQL connection lost: " + msg, "Mất kết nối cơ sở dữ liệu, xin vui lòng thử lại.");
      }
      if (state && std::string_view(state) == "53100") throw storage_full("PostgreSQL cannot grow: " + msg);
      if (state && (std::string_view(state) == "25006" || std::string_view(state).starts_with("53"))) {
        throw unavailable("PostgreSQL cannot write: " + msg);
      }
      if (state && std::string_view(state).starts_with("23")) {
        throw Error(ErrorKind::conflict, "constraint violated: " + msg);
      }
      if (state && (std::string_view(state) == "40001" || std::string_view(state) == "40P01")) {
        throw Error(ErrorKind::conflict, "transaction conflict: " + msg);
      }
      throw Error(ErrorKind::internal, fmt::format("PostgreSQL: {} (in: {})", msg, sql));
    }
    Result result;
    if (const char* n = PQcmdTuples(res); n && *n) result.affected = std::stoll(n);
    int nrows = PQntuples(res), ncol = PQnfields(res);
    if (nrows == 0) return result;
    auto columns = std::make_shared<std::vector<std::string>>();
    std::vector<Oid> types;
    for (int c = 0; c < ncol; ++c) {
      columns->emplace_back(PQfname(res, c));
      types.push_back(PQftype(res, c));
    }
    result.rows.reserve(size_t(nrows));
    for (int r = 0; r < nrows; ++r) {
      std::vector<Value> values;
      values.reserve(size_t(ncol));
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(res, r, c)) {
          values.emplace_back(std::monostate{});
          continue;
        }
        const char* v = PQgetvalue(res, r, c);
        switch (types[size_t(c)]) {
          case kInt2:
          case kInt4:
          case kInt8: values.emplace_back(std::int64_t{std::stoll(v)}); break;
          case kBool: values.emplace_back(std::int64_t{v[0] == 't'}); break;
          case kFloat4:
          case kFloat8:
          case kNumeric: values.emplace_back(std::stod(v)); break;
          default: values.emplace_back(std::string(v, size_t(PQgetlength(res, r, c))));
        }
      }
      result.rows.emplace_back(columns, std::move(values));
    }
    return result;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, const Options& options)
      : url_(std::move(url)),
        pool_(options.pool_size, options.acquire_timeout, [this] { return std::make_unique<PgConnection>(url_); }) {
    pool_.give(pool_.take(), true);  // connect now, so a bad URL fails at start
  }

  Backend backend() const override { return Backend::postgres; }
  std::string describe() const override { return without_password(url_); }

 protected:
  Lease acquire(bool) override {
    auto conn = pool_.take();
    return Lease(conn.release(), Releaser{[this](Connection* c) {
                   auto* pg = static_cast<PgConnection*>(c);
                   pool_.give(std::unique_ptr<PgConnection>(pg), pg->healthy());
                 }});
  }

 private:
  std::string url_;
  Pool<PgConnection> pool_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options) {
  return std::make_unique<PgDatabase>(url, options);
}

}  // namespace cchc::db
