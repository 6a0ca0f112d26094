#include "plain_loader.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

namespace cchc::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kFields = 16;

// The 16 columns of the dossier CSV, all text; the primary key only.
constexpr const char* kPlainTable =
    "CREATE TABLE dossiers_plain (id TEXT PRIMARY KEY, unit_code TEXT, procedure_code TEXT, channel TEXT,"
    " online_service TEXT, received_at TEXT, due_at TEXT, finished_at TEXT, returned_at TEXT, status TEXT,"
    " digitized TEXT, result_digitized TEXT, fee_required TEXT, paid_online TEXT, rating TEXT, apology_sent TEXT)";

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void sqlite_check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw std::runtime_error(fmt::format("plain C loader: {}: {}", what, sqlite3_errmsg(db)));
  }
}

void sqlite_exec(sqlite3* db, const char* sql) {
  sqlite_check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

using PgConn = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

PgConn pg_connect(const std::string& url) {
  PgConn conn{PQconnectdb(url.c_str()), &PQfinish};
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error(fmt::format("COPY baseline: connect: {}", PQerrorMessage(conn.get())));
  }
  return conn;
}

PgResult pg_expect(PGconn* conn, PGresult* r, ExecStatusType want, const char* what) {
  PgResult result{r, &PQclear};
  if (PQresultStatus(r) != want) {
    throw std::runtime_error(fmt::format("COPY baseline: {}: {}", what, PQerrorMessage(conn)));
  }
  return result;
}

void pg_exec(PGconn* conn, const char* sql) { pg_expect(conn, PQexec(conn, sql), PGRES_COMMAND_OK, sql); }

}  // namespace

Timed plain_c_load(const std::string& path, const std::vector<std::string>& texts) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("plain C loader: open " + path + ": " + why);
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owner{db, &sqlite3_close};
  sqlite_exec(db, "PRAGMA journal_mode=WAL");
  sqlite_exec(db, "PRAGMA synchronous=FULL");
  sqlite_exec(db, kPlainTable);
  sqlite3_stmt* insert = nullptr;
  sqlite_check(db,
               sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO dossiers_plain VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                  -1, &insert, nullptr),
               "prepare");
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement{insert, &sqlite3_finalize};

  Timed out;
  auto start = Clock::now();
  sqlite_exec(db, "BEGIN");
  for (const auto& text : texts) {
    // c_str(): the text ends in '\0', which stops every strchr.
    const char* p = text.c_str();
    const char* const text_end = p + text.size();
    bool header = true;
    while (p < text_end) {
      const char* newline = std::strchr(p, '\n');
      const char* next = newline ? newline + 1 : text_end;
      const char* line_end = newline ? newline : text_end;
      if (line_end > p && line_end[-1] == '\r') --line_end;
      if (header || line_end == p) {
        header = false;
        p = next;
        continue;
      }
      int n = 0;
      const char* field = p;
      for (;;) {
        const char* comma = std::strchr(field, ',');
        if (!comma || comma > line_end) comma = line_end;
        if (++n > kFields) break;
        sqlite3_bind_text(insert, n, field, int(comma - field), SQLITE_STATIC);
        if (comma == line_end) break;
        field = comma + 1;
      }
      if (n != kFields) {
        throw std::runtime_error(fmt::format("plain C loader: a line of {} fields, not {}", n, kFields));
      }
      sqlite_check(db, sqlite3_step(insert), "insert");
      sqlite3_reset(insert);
      ++out.rows;
      p = next;
    }
  }
  sqlite_exec(db, "COMMIT");
  out.seconds = seconds_since(start);
  return out;
}

Timed plain_pg_copy(const std::string& url, const std::vector<std::string>& texts) {
  // libpq sends the data as it is given; pieces of 1 MiB keep its buffer small.
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  auto conn = pg_connect(url);
  PGconn* c = conn.get();
  pg_exec(c, "DROP TABLE IF EXISTS dossiers_plain");
  pg_exec(c, kPlainTable);

  Timed out;
  auto start = Clock::now();
  pg_exec(c, "BEGIN");
  for (const auto& text : texts) {
    // One COPY a text: HEADER skips the first line of each.
    pg_expect(c, PQexec(c, "COPY dossiers_plain FROM STDIN (FORMAT csv, HEADER)"), PGRES_COPY_IN, "COPY");
    for (std::size_t at = 0; at < text.size(); at += kPiece) {
      const int len = int(std::min(kPiece, text.size() - at));
      if (PQputCopyData(c, text.data() + at, len) != 1) {
        throw std::runtime_error(fmt::format("COPY baseline: send: {}", PQerrorMessage(c)));
      }
    }
    if (PQputCopyEnd(c, nullptr) != 1) {
      throw std::runtime_error(fmt::format("COPY baseline: end: {}", PQerrorMessage(c)));
    }
    while (PGresult* r = PQgetResult(c)) {
      auto result = pg_expect(c, r, PGRES_COMMAND_OK, "COPY");
      out.rows += std::size_t(std::strtoull(PQcmdTuples(r), nullptr, 10));
    }
  }
  pg_exec(c, "COMMIT");
  out.seconds = seconds_since(start);
  pg_exec(c, "DROP TABLE dossiers_plain");
  return out;
}

void pg_checkpoint(const std::string& url) {
  auto conn = pg_connect(url);
  pg_exec(conn.get(), "CHECKPOINT");
}

}  // namespace cchc::bench
