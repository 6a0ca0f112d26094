// Indicator storage benchmark, side by side in one run (bench/indicators.sh
// drives it; method and figures in docs/performance.md):
//
//   import   cchc's import_batch (read the CSV, check every rule, write
//            records and rollups, audit) in files of 100 000 dossiers,
//            against a plain loader of the same files: the same CSV reader,
//            then a prepared INSERT per row of the fields as they are, a
//            transaction per file (SQLite).
//   rebuild  cchc's rebuild (scan every record, recompute every rollup,
//            rewrite the rollup tables) against a plain scan of the same
//            columns summed in C++ into a hash map (SQLite), or against
//            PostgreSQL's own INSERT … SELECT … GROUP BY into a table.
//
// usage: cchc_bench_indicators --db SPEC --dossiers N [--plain-db FILE]
// Prints one JSON object per measurement on stdout.
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/demo.h"
#include "core/csv.h"
#include "db/database.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "indicators/rollup.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/synthetic.h"

using namespace cchc;
using namespace cchc::indicators;
using Clock = std::chrono::steady_clock;

namespace {

const audit::Entry kWho{"bench", "bench", "", "", "", {}, {}};

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void report(const std::string& what, const std::string& backend, std::size_t rows, double secs) {
  std::cout << nlohmann::json{{"what", what},
                              {"backend", backend},
                              {"rows", rows},
                              {"seconds", secs},
                              {"rows_per_second", double(rows) / secs}}
                   .dump()
            << std::endl;
}

// Options that give about `n` dossiers for these units over 36 months.
SyntheticOptions options_for(std::size_t n, std::size_t units) {
  SyntheticOptions o;
  o.seed = 2026;
  o.first_month = Date{std::chrono::year{2023}, std::chrono::January, std::chrono::day{1}};
  o.months = 36;
  o.horizon = start_of_day(Date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{20}});
  // Levels scale volume by 0.6 to 1.0: about 0.75 on average, and units
  // exist in part of the months; calibrated, then the count is cut at n.
  o.dossiers_per_unit_month = double(n) / double(units) / 36.0 / 0.54;
  return o;
}

// A plain loader of the same files: csv::parse (the reader cchc uses), then
// one prepared INSERT per row binding the fields as they are (no checks,
// no rollups), a transaction per file.
double plain_sqlite_load(const std::string& path, const std::vector<std::string>& texts,
                         const std::vector<SyntheticUnit>& units) {
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  // The same settings and the same table as cchc's (0004_indicators.sql):
  // WAL, synchronous FULL, foreign keys on, the primary key and the index.
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", nullptr, nullptr,
               nullptr);
  sqlite3_exec(db, "CREATE TABLE units (code TEXT PRIMARY KEY)", nullptr, nullptr, nullptr);
  for (const auto& u : units) {
    sqlite3_exec(db, fmt::format("INSERT INTO units VALUES ('{}')", u.code).c_str(), nullptr, nullptr, nullptr);
  }
  sqlite3_exec(db,
               "CREATE TABLE dossiers (id TEXT PRIMARY KEY, unit_code TEXT NOT NULL REFERENCES units (code),"
               " procedure_code TEXT NOT NULL, channel TEXT NOT NULL, online_service TEXT NOT NULL,"
               " received_at BIGINT NOT NULL, due_at BIGINT NOT NULL, finished_at BIGINT, returned_at BIGINT,"
               " status TEXT NOT NULL, digitized INTEGER NOT NULL, result_digitized INTEGER NOT NULL,"
               " fee_required INTEGER NOT NULL, paid_online INTEGER NOT NULL, rating TEXT,"
               " apology_sent INTEGER NOT NULL);"
               "CREATE INDEX dossiers_open ON dossiers (unit_code, finished_at, due_at);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO dossiers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &ins, nullptr);
  auto start = Clock::now();
  for (const auto& text : texts) {
    auto records = csv::parse(text);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (std::size_t r = 1; r < records.size(); ++r) {
      const auto& f = records[r].fields;
      for (std::size_t i = 0; i < f.size() && i < 16; ++i) {
        if (f[i].empty())
          sqlite3_bind_null(ins, int(i + 1));
        else
          sqlite3_bind_text(ins, int(i + 1), f[i].data(), int(f[i].size()), SQLITE_STATIC);
      }
      sqlite3_step(ins);
      sqlite3_reset(ins);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double t = seconds_since(start);
  sqlite3_finalize(ins);
  sqlite3_close(db);
  return t;
}

// A plain scan of the cchc database's dossiers, summed in C++ per unit,
// month and channel (the work a rollup needs, without writing it).
double plain_sqlite_scan(const std::string& path, std::size_t& rows) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT unit_code, received_month, channel, status, finished_at, due_at, digitized, rating"
                     " FROM dossiers",
                     -1, &q, nullptr);
  auto start = Clock::now();
  std::unordered_map<std::string, std::array<std::int64_t, 4>> sums;
  rows = 0;
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
    ++rows;
  }
  double t = seconds_since(start);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return t;
}

// A plain scan of every dossier column with the C++ sums of all five
// rollups (Rollups::add, the arithmetic the import uses), without writing
// them: the same job as the rebuild, by hand over the raw SQLite API.
double plain_sqlite_scan_all(const std::string& path, std::size_t& rows) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(
      db,
      "SELECT id, unit_code, procedure_code, channel, online_service, received_at, due_at, finished_at,"
      " returned_at, status, digitized, result_digitized, fee_required, paid_online, rating, apology_sent"
      " FROM dossiers",
      -1, &q, nullptr);
  auto start = Clock::now();
  auto text = [&](int i) {
    return std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(q, i)),
                            std::size_t(sqlite3_column_bytes(q, i)));
  };
  auto time = [&](int i) -> std::optional<Instant> {
    if (sqlite3_column_type(q, i) == SQLITE_NULL) return std::nullopt;
    return Instant{std::chrono::seconds{sqlite3_column_int64(q, i)}};
  };
  Rollups sums;
  rows = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    Dossier d;
    d.id = text(0);
    d.unit_code = text(1);
    d.procedure_code = text(2);
    d.channel = from_name<Channel>(text(3));
    d.online_service = from_name<OnlineService>(text(4));
    d.received_at = *time(5);
    d.due_at = *time(6);
    d.finished_at = time(7);
    d.returned_at = time(8);
    d.status = from_name<DossierStatus>(text(9));
    d.digitized = sqlite3_column_int(q, 10);
    d.result_digitized = sqlite3_column_int(q, 11);
    d.fee_required = sqlite3_column_int(q, 12);
    d.paid_online = sqlite3_column_int(q, 13);
    if (sqlite3_column_type(q, 14) != SQLITE_NULL) d.rating = from_name<Rating>(text(14));
    d.apology_sent = sqlite3_column_int(q, 15);
    sums.add(d, +1);
    ++rows;
  }
  double t = seconds_since(start);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  std::string spec, plain_path;
  std::size_t n = 100000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db")
      spec = argv[i + 1];
    else if (a == "--dossiers")
      n = std::stoull(argv[i + 1]);
    else if (a == "--plain-db")
      plain_path = argv[i + 1];
  }
  if (spec.empty()) {
    std::cerr << "usage: cchc_bench_indicators --db SPEC --dossiers N [--plain-db FILE]" << std::endl;
    return 2;
  }
  auto db = db::open(spec);
  db::migrate(*db);
  auto units = app::synthetic_units(*db);
  if (units.empty()) {
    std::cerr << "load the demo directory first (cchc demo --db …)" << std::endl;
    return 2;
  }
  const bool sqlite = spec.starts_with("sqlite:") || spec.find("://") == std::string::npos;
  const std::string backend = sqlite ? "sqlite" : "postgres";

  // Generate, cut into files of 100 000 as a one-stop system would send
  // them; the texts are made before any clock starts.
  std::vector<std::string> texts;
  std::vector<Dossier> batch;
  std::size_t total = 0;
  generate_dossiers(units, options_for(n, units.size()), [&](const Dossier& d) {
    if (total >= n) return;
    batch.push_back(d);
    ++total;
    if (batch.size() == 100000) {
      texts.push_back(to_csv(batch));
      batch.clear();
    }
  });
  if (!batch.empty()) texts.push_back(to_csv(batch));
  batch = {};
  std::cerr << fmt::format("generated {} dossiers in {} files", total, texts.size()) << std::endl;

  // Reading alone, and reading with the checks (no database), for the breakdown.
  std::set<std::string> codes;
  for (const auto& u : units) codes.insert(u.code);
  auto start = Clock::now();
  for (const auto& text : texts) csv::parse(text);
  report("CSV reading only", "-", total, seconds_since(start));
  start = Clock::now();
  for (const auto& text : texts) parse_dossiers_csv(text, codes);
  report("CSV reading and checks only", "-", total, seconds_since(start));
  {
    auto parsed = parse_dossiers_csv(texts.front(), codes);
    start = Clock::now();
    Rollups r;
    for (const auto& d : parsed.records) r.add(d, +1);
    report("rollup sums in memory only", "-", parsed.records.size(), seconds_since(start));
  }

  start = Clock::now();
  for (const auto& text : texts) {
    ImportRequest req;
    req.kind = Kind::dossiers;
    req.text = text;
    auto out = import_batch(*db, req, kWho, now_seconds());
    if (!out.ok()) {
      std::cerr << "rejected: " << out.errors.front().message << std::endl;
      return 1;
    }
  }
  report("import", backend, total, seconds_since(start));
  if (sqlite && !plain_path.empty()) {
    report("plain prepared insert", "sqlite", total, plain_sqlite_load(plain_path, texts, units));
  }

  start = Clock::now();
  auto rows = rebuild(*db);
  report("rebuild", backend, std::size_t(rows), seconds_since(start));
  if (sqlite) {
    std::size_t scanned = 0;
    std::string path = spec.starts_with("sqlite:") ? spec.substr(7) : spec;
    double t = plain_sqlite_scan(path, scanned);
    report("plain scan + C++ sum, one table of 4 counters", "sqlite", scanned, t);
    t = plain_sqlite_scan_all(path, scanned);
    report("plain scan + C++ sum of all five rollups", "sqlite", scanned, t);
  } else {
    start = Clock::now();
    db->write([](db::Connection& c) {
      c.query("DROP TABLE IF EXISTS bench_group_by");
      c.query(
          "CREATE TABLE bench_group_by AS SELECT unit_code, received_month, channel, COUNT(*) AS received,"
          " SUM(CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END) AS finished,"
          " SUM(CASE WHEN finished_at <= due_at THEN 1 ELSE 0 END) AS finished_on_time,"
          " SUM(digitized) AS digitized FROM dossiers GROUP BY unit_code, received_month, channel");
      c.query("DROP TABLE bench_group_by");
    });
    report("INSERT … SELECT … GROUP BY", "postgres", total, seconds_since(start));
  }
  return 0;
}
