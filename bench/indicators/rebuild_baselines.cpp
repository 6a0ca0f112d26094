#include "rebuild_baselines.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indicators/rollup.h"
#include "indicators/rules.h"

namespace cchc::bench {

namespace {

using Clock = std::chrono::steady_clock;
using namespace cchc::indicators;

double elapsed_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// ---- SQLite ---------------------------------------------------------------------

using SqliteDb = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

SqliteDb open_read_only(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  SqliteDb owner{db, &sqlite3_close};
  if (rc != SQLITE_OK) {
    throw std::runtime_error(fmt::format("scan baseline: open {}: {}", path, db ? sqlite3_errmsg(db) : "no memory"));
  }
  return owner;
}

SqliteStatement prepare_scan(sqlite3* db, const char* sql) {
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) {
    throw std::runtime_error(fmt::format("scan baseline: {}: {}", sql, sqlite3_errmsg(db)));
  }
  return {q, &sqlite3_finalize};
}

// A text column as a view, valid until the next step ("" for NULL).
std::string_view column_view(sqlite3_stmt* q, int i) {
  const auto* s = reinterpret_cast<const char*>(sqlite3_column_text(q, i));
  const auto n = std::size_t(sqlite3_column_bytes(q, i));
  return s ? std::string_view(s, n) : std::string_view();
}

// The key columns joined by '|' into `key` (reused, so a row allocates only
// when its key is new to a map).
const std::string& join_key(std::string& key, std::initializer_list<std::string_view> parts) {
  key.clear();
  bool first = true;
  for (auto part : parts) {
    if (!first) key += '|';
    key += part;
    first = false;
  }
  return key;
}

// ---- PostgreSQL -----------------------------------------------------------------

using PgConnection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using PgRows = std::unique_ptr<PGresult, decltype(&PQclear)>;

PgConnection connect_pg(const std::string& url) {
  PgConnection conn{PQconnectdb(url.c_str()), &PQfinish};
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error(fmt::format("GROUP BY baseline: connect: {}", PQerrorMessage(conn.get())));
  }
  return conn;
}

PgRows run_pg(PGconn* c, const std::string& sql, ExecStatusType want = PGRES_COMMAND_OK) {
  PgRows r{PQexec(c, sql.c_str()), &PQclear};
  if (PQresultStatus(r.get()) != want) {
    throw std::runtime_error(fmt::format("GROUP BY baseline: {}: {}", sql, PQerrorMessage(c)));
  }
  return r;
}

// The workers a plan node and its children launched (EXPLAIN … FORMAT JSON).
int launched_workers(const nlohmann::json& node) {
  int n = node.value("Workers Launched", 0);
  if (auto children = node.find("Plans"); children != node.end()) {
    for (const auto& child : *children) n += launched_workers(child);
  }
  return n;
}

struct Ctas {
  std::string table;
  std::string select;
};

// `CREATE TABLE … AS` each select in one transaction, timed from BEGIN to
// COMMIT returned, then dropped; then each again under EXPLAIN ANALYZE for
// the workers its plan launched.
Timed group_by(const std::string& url, const std::vector<Ctas>& statements, std::vector<int>& workers) {
  auto conn = connect_pg(url);
  PGconn* c = conn.get();
  run_pg(c, "SET max_parallel_workers_per_gather = 2");
  for (const auto& s : statements) run_pg(c, "DROP TABLE IF EXISTS " + s.table);
  Timed out;
  auto count = run_pg(c, "SELECT (SELECT COUNT(*) FROM dossiers) + (SELECT COUNT(*) FROM feedback)", PGRES_TUPLES_OK);
  out.rows = std::stoull(PQgetvalue(count.get(), 0, 0));

  auto start = Clock::now();
  run_pg(c, "BEGIN");
  for (const auto& s : statements) run_pg(c, fmt::format("CREATE TABLE {} AS {}", s.table, s.select));
  run_pg(c, "COMMIT");
  out.seconds = elapsed_since(start);

  workers.clear();
  for (const auto& s : statements) {
    run_pg(c, "DROP TABLE " + s.table);
    auto plan =
        run_pg(c, fmt::format("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) CREATE TABLE {} AS {}", s.table, s.select),
               PGRES_TUPLES_OK);
    auto json = nlohmann::json::parse(PQgetvalue(plan.get(), 0, 0));
    workers.push_back(launched_workers(json.at(0).at("Plan")));
    run_pg(c, "DROP TABLE " + s.table);
  }
  return out;
}

}  // namespace

// The figure the 0,04–0,06× came from: 8 columns, 4 counters, a new
// std::string key a row.
Timed scan_sum_4_counters(const std::string& path) {
  auto db = open_read_only(path);
  auto statement = prepare_scan(
      db.get(),
      "SELECT unit_code, received_month, channel, status, finished_at, due_at, digitized, rating FROM dossiers");
  sqlite3_stmt* q = statement.get();
  Timed out;
  auto start = Clock::now();
  std::unordered_map<std::string, std::array<std::int64_t, 4>> sums;
  while (sqlite3_step(q) == SQLITE_ROW) {
    std::string key = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    key += '|';
    key += reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
    key += '|';
    key += reinterpret_cast<const char*>(sqlite3_column_text(q, 2));
    auto& s = sums[key];
    s[0] += 1;
    bool done = sqlite3_column_type(q, 4) != SQLITE_NULL;
    s[1] += done;
    s[2] += done && sqlite3_column_int64(q, 4) <= sqlite3_column_int64(q, 5);
    s[3] += sqlite3_column_int(q, 6);
    ++out.rows;
  }
  out.seconds = elapsed_since(start);
  return out;
}

// Rollups::add, counter for counter, over the stored columns (the month keys
// are stored with each record: received_month, due_month, finished_month /
// answered_month, kNever when not finished / answered).
Timed scan_sum_all_five(const std::string& path) {
  auto db = open_read_only(path);
  auto dossier_rows = prepare_scan(db.get(),
                                   "SELECT unit_code, procedure_code, channel, online_service, due_at, finished_at,"
                                   " status, digitized, result_digitized, fee_required, paid_online, rating,"
                                   " apology_sent, received_month, due_month, finished_month FROM dossiers");
  auto feedback_rows = prepare_scan(db.get(),
                                    "SELECT unit_code, channel, due_at, answered_at, status, rating, received_month,"
                                    " due_month, answered_month FROM feedback");
  const std::string_view withdrawn = name(DossierStatus::withdrawn);
  const std::string_view feedback_withdrawn = name(FeedbackStatus::withdrawn);
  const std::string_view full = name(OnlineService::full);
  const std::string_view very_satisfied = name(Rating::very_satisfied);
  const std::string_view satisfied = name(Rating::satisfied);
  const std::string_view unsatisfied = name(Rating::unsatisfied);

  std::unordered_map<std::string, std::array<std::int64_t, dm::count>> dossier_months;
  std::unordered_map<std::string, std::array<std::int64_t, dp::count>> dossier_procedures;
  std::unordered_map<std::string, std::int64_t> dossier_backlog;
  std::unordered_map<std::string, std::array<std::int64_t, fm::count>> feedback_months;
  std::unordered_map<std::string, std::int64_t> feedback_backlog;
  std::string key;

  Timed out;
  auto start = Clock::now();
  sqlite3_stmt* q = dossier_rows.get();
  while (sqlite3_step(q) == SQLITE_ROW) {
    ++out.rows;
    if (column_view(q, 6) == withdrawn) continue;
    const auto unit = column_view(q, 0), procedure = column_view(q, 1), channel = column_view(q, 2);
    const auto received_month = column_view(q, 13), due_month = column_view(q, 14);
    const auto finished_month = column_view(q, 15);
    const bool rated = sqlite3_column_type(q, 11) != SQLITE_NULL;
    const auto rating = column_view(q, 11);

    auto& r = dossier_months[join_key(key, {unit, received_month, channel})];
    r[dm::received] += 1;
    if (column_view(q, 3) == full) r[dm::received_full] += 1;
    if (sqlite3_column_int(q, 7)) r[dm::digitized] += 1;
    if (sqlite3_column_int(q, 9)) {
      r[dm::fee_required] += 1;
      if (sqlite3_column_int(q, 10)) r[dm::paid_online] += 1;
    }
    dossier_procedures[join_key(key, {unit, received_month, procedure})][dp::received] += 1;

    if (finished_month != kNever) {
      const bool on_time = sqlite3_column_int64(q, 5) <= sqlite3_column_int64(q, 4);
      const bool rated_satisfied = rated && (rating == very_satisfied || rating == satisfied);
      const bool not_unsatisfied = !rated || rating != unsatisfied;
      auto& f = dossier_months[join_key(key, {unit, finished_month, channel})];
      f[dm::finished] += 1;
      if (on_time) f[dm::finished_on_time] += 1;
      if (sqlite3_column_int(q, 8)) f[dm::result_digitized] += 1;
      if (rated) f[dm::rated] += 1;
      if (rated_satisfied) f[dm::satisfied] += 1;
      if (!on_time) f[dm::late] += 1;
      if (!on_time && sqlite3_column_int(q, 12)) f[dm::late_apology] += 1;
      if (on_time && not_unsatisfied) f[dm::finished_ok] += 1;
      auto& fp = dossier_procedures[join_key(key, {unit, finished_month, procedure})];
      fp[dp::finished] += 1;
      if (on_time) fp[dp::finished_on_time] += 1;
    }
    dossier_backlog[join_key(key, {unit, received_month, due_month, finished_month})] += 1;
  }

  q = feedback_rows.get();
  while (sqlite3_step(q) == SQLITE_ROW) {
    ++out.rows;
    if (column_view(q, 4) == feedback_withdrawn) continue;
    const auto unit = column_view(q, 0), channel = column_view(q, 1);
    const auto received_month = column_view(q, 6), due_month = column_view(q, 7);
    const auto answered_month = column_view(q, 8);
    const bool rated = sqlite3_column_type(q, 5) != SQLITE_NULL;
    const auto rating = column_view(q, 5);

    feedback_months[join_key(key, {unit, received_month, channel})][fm::received] += 1;
    if (answered_month != kNever) {
      const bool on_time = sqlite3_column_int64(q, 3) <= sqlite3_column_int64(q, 2);
      auto& a = feedback_months[join_key(key, {unit, answered_month, channel})];
      a[fm::answered] += 1;
      if (on_time) a[fm::answered_on_time] += 1;
      if (rated) a[fm::rated] += 1;
      if (rated && (rating == very_satisfied || rating == satisfied)) a[fm::satisfied] += 1;
      if (on_time && (!rated || rating != unsatisfied)) a[fm::answered_ok] += 1;
    }
    feedback_backlog[join_key(key, {unit, received_month, due_month, answered_month})] += 1;
  }
  out.seconds = elapsed_since(start);

  // The same rows as the rebuild's tables, or the baseline is not the same job.
  const std::array<std::pair<Table, std::size_t>, 5> groups = {{
      {Table::dossier_months, dossier_months.size()},
      {Table::dossier_procedures, dossier_procedures.size()},
      {Table::dossier_backlog, dossier_backlog.size()},
      {Table::feedback_months, feedback_months.size()},
      {Table::feedback_backlog, feedback_backlog.size()},
  }};
  for (const auto& [table, size] : groups) {
    auto count = prepare_scan(db.get(), fmt::format("SELECT COUNT(*) FROM {}", spec(table).name).c_str());
    if (sqlite3_step(count.get()) == SQLITE_ROW && std::size_t(sqlite3_column_int64(count.get(), 0)) != size) {
      std::cerr << fmt::format("scan + sum of all five: {} keys for {}, which has {} rows after the rebuild", size,
                               spec(table).name, sqlite3_column_int64(count.get(), 0))
                << std::endl;
    }
  }
  return out;
}

Timed pg_group_by_4_counters(const std::string& url, std::vector<int>& workers) {
  return group_by(url,
                  {{"bench_group_by",
                    "SELECT unit_code, received_month, channel, COUNT(*) AS received,"
                    " SUM(CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END) AS finished,"
                    " SUM(CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END) AS finished_on_time,"
                    " SUM(digitized) AS digitized FROM dossiers GROUP BY unit_code, received_month, channel"}},
                  workers);
}

// The counters of the five rollup tables, as the rebuild computes them
// (src/indicators/store.cpp), each into a table of its own.
Timed pg_group_by_all_five(const std::string& url, std::vector<int>& workers) {
  const std::string done = fmt::format("status <> 'withdrawn' AND finished_month <> '{}'", kNever);
  const std::string answered = fmt::format("status <> 'withdrawn' AND answered_month <> '{}'", kNever);
  const std::string satisfied = "CASE WHEN rating IN ('very_satisfied', 'satisfied') THEN 1 ELSE 0 END";
  return group_by(
      url,
      {{"bench_dossier_months",
        fmt::format(
            "SELECT unit_code, month, channel, SUM(r) AS received, SUM(rf) AS received_full, SUM(dg) AS digitized,"
            " SUM(fr) AS fee_required, SUM(po) AS paid_online, SUM(f) AS finished, SUM(ft) AS finished_on_time,"
            " SUM(rd) AS result_digitized, SUM(ra) AS rated, SUM(sa) AS satisfied, SUM(la) AS late,"
            " SUM(lp) AS late_apology, SUM(ok) AS finished_ok FROM ("
            " SELECT unit_code, received_month AS month, channel, 1 AS r,"
            " CASE WHEN online_service = 'full' THEN 1 ELSE 0 END AS rf, digitized AS dg, fee_required AS fr,"
            " CASE WHEN fee_required = 1 AND paid_online = 1 THEN 1 ELSE 0 END AS po,"
            " 0 AS f, 0 AS ft, 0 AS rd, 0 AS ra, 0 AS sa, 0 AS la, 0 AS lp, 0 AS ok"
            " FROM dossiers WHERE status <> 'withdrawn'"
            " UNION ALL SELECT unit_code, finished_month, channel, 0, 0, 0, 0, 0, 1,"
            " CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END, result_digitized,"
            " CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END, {},"
            " CASE WHEN finished_at > due_at THEN 1 ELSE 0 END,"
            " CASE WHEN finished_at > due_at AND apology_sent = 1 THEN 1 ELSE 0 END,"
            " CASE WHEN finished_at <= due_at AND (rating IS NULL OR rating <> 'unsatisfied') THEN 1 ELSE 0 END"
            " FROM dossiers WHERE {}) t GROUP BY unit_code, month, channel",
            satisfied, done)},
       {"bench_dossier_procedures",
        fmt::format("SELECT unit_code, month, procedure_code, SUM(r) AS received, SUM(f) AS finished,"
                    " SUM(ft) AS finished_on_time FROM ("
                    " SELECT unit_code, received_month AS month, procedure_code, 1 AS r, 0 AS f, 0 AS ft"
                    " FROM dossiers WHERE status <> 'withdrawn'"
                    " UNION ALL SELECT unit_code, finished_month, procedure_code, 0, 1,"
                    " CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END"
                    " FROM dossiers WHERE {}) t GROUP BY unit_code, month, procedure_code",
                    done)},
       {"bench_dossier_backlog",
        "SELECT unit_code, received_month, due_month, finished_month, COUNT(*) AS n FROM dossiers"
        " WHERE status <> 'withdrawn' GROUP BY unit_code, received_month, due_month, finished_month"},
       {"bench_feedback_months",
        fmt::format("SELECT unit_code, month, channel, SUM(r) AS received, SUM(a) AS answered,"
                    " SUM(at) AS answered_on_time, SUM(ra) AS rated, SUM(sa) AS satisfied, SUM(ok) AS answered_ok"
                    " FROM (SELECT unit_code, received_month AS month, channel, 1 AS r, 0 AS a, 0 AS at, 0 AS ra,"
                    " 0 AS sa, 0 AS ok FROM feedback WHERE status <> 'withdrawn'"
                    " UNION ALL SELECT unit_code, answered_month, channel, 0, 1,"
                    " CASE WHEN answered_at <= due_at THEN 1 ELSE 0 END,"
                    " CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END, {},"
                    " CASE WHEN answered_at <= due_at AND (rating IS NULL OR rating <> 'unsatisfied') THEN 1 ELSE 0"
                    " END FROM feedback WHERE {}) t GROUP BY unit_code, month, channel",
                    satisfied, answered)},
       {"bench_feedback_backlog",
        "SELECT unit_code, received_month, due_month, answered_month, COUNT(*) AS n FROM feedback"
        " WHERE status <> 'withdrawn' GROUP BY unit_code, received_month, due_month, answered_month"}},
      workers);
}

}  // namespace cchc::bench
