// Indicator storage benchmark: cchc against the baselines issue 17 names,
// side by side in one run (bench/indicators.sh drives it; method and
// figures in docs/performance.md).
//
//   import   cchc's import_batch (read the CSV, check every rule, write
//            records and the five rollups, audit; whole or nothing) on the
//            whole province as ONE batch, as the loader uses one
//            transaction; above 1 000 000 dossiers, in batches of 1 000 000
//            (ten texts of ~160 MB for 10 M, not one of 1,6 GB beside its
//            parsed records). Baselines (plain_loader.h): the plain C loader
//            on SQLite, a plain COPY on PostgreSQL, of the same texts.
//   rebuild  cchc's rebuild (recompute every rollup from the raw rows,
//            rewrite the rollup tables). Baselines (rebuild_baselines.h): a
//            plain scan with a C++ hash sum of 4 counters and of all five
//            rollups on SQLite; PostgreSQL's own parallel GROUP BY of the
//            same two sets of counters.
//   secondary, for comparison with earlier runs: cchc's import in files of
//            100 000 dossiers (a transaction each) into a second database,
//            and the "plain prepared insert" of those files (cchc's own CSV
//            reader, then a prepared INSERT a row into a table with cchc's
//            index and foreign key, a transaction per file).
//   reading  for the breakdown: the CSV reader alone, with every check (as
//            the import reads, one record at a time, nothing kept), and the
//            rollup arithmetic in memory.
//
// usage: cchc_bench_indicators --db SPEC --dossiers N [--plain-db FILE] [--files-db SPEC] [--csv-out FILE]
// [--reading-only]
//   --db        a migrated database holding the demo directory and no records
//   --plain-db  a file path for the SQLite baselines' databases (removed after)
//   --files-db  a second database like --db, for the import in files of 100 000
//   --csv-out   only write the import's text(s) to FILE (FILE.1, FILE.2, … above
//               1 000 000 dossiers) and stop: to profile `cchc import dossiers`
//   --reading-only  stop after the reading breakdown: to profile the reader
// Prints one JSON object a line on stdout: per measurement
//   {"what", "backend", "rows", "seconds", "rows_per_second"}
// and per comparison, cchc's rows/s over its baseline's,
//   {"ratio", "value", "target", "backend", "rows"}   (target null: secondary).
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/demo.h"
#include "core/csv.h"
#include "db/database.h"
#include "db/migrate.h"
#include "indicators/rollup.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/synthetic.h"
#include "plain_loader.h"
#include "rebuild_baselines.h"

using namespace cchc;
using namespace cchc::indicators;
using cchc::bench::Timed;
using Clock = std::chrono::steady_clock;

namespace {

const audit::Entry kWho{"bench", "bench", "", "", "", {}, {}};

// A file as a one-stop system sends it, and the files in one import batch.
constexpr std::size_t kFileRows = 100000;
constexpr std::size_t kBatchFiles = 10;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void report(const std::string& what, const std::string& backend, const Timed& t,
            const nlohmann::json& extra = nlohmann::json::object()) {
  nlohmann::json line = {
      {"what", what}, {"backend", backend}, {"rows", t.rows}, {"seconds", t.seconds}, {"rows_per_second", t.rate()}};
  line.update(extra);
  std::cout << line.dump() << std::endl;
}

// cchc's rate over its baseline's; `target` null for a secondary comparison.
void report_ratio(const std::string& name, const std::string& backend, const Timed& cchc_side, const Timed& baseline,
                  const nlohmann::json& target) {
  const double value = baseline.rate() > 0 ? cchc_side.rate() / baseline.rate() : 0;
  std::cout << nlohmann::json{{"ratio", name},
                              {"value", value},
                              {"target", target},
                              {"backend", backend},
                              {"rows", cchc_side.rows}}
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

// The province as the CSV cchc imports (to_csv): import batches of up to
// kBatchFiles files, each text header first, and in each batch the byte
// ranges of its files of kFileRows dossiers (rows only).
struct Province {
  std::string header;
  std::vector<std::string> batches;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> files;
  std::size_t dossiers = 0;

  // File `f` of batch `b` as a text of its own, header first.
  std::string file(std::size_t b, std::size_t f) const {
    const auto [at, length] = files[b][f];
    std::string text = header;
    text.append(batches[b], at, length);
    return text;
  }
  std::size_t file_count() const {
    std::size_t n = 0;
    for (const auto& f : files) n += f.size();
    return n;
  }
};

Province make_province(const std::vector<SyntheticUnit>& units, std::size_t n) {
  Province p;
  std::vector<Dossier> file;
  auto flush = [&] {
    const std::string csv = to_csv(file);
    file.clear();
    const std::size_t body = csv.find('\n') + 1;
    if (p.header.empty()) p.header = csv.substr(0, body);
    if (p.batches.empty() || p.files.back().size() == kBatchFiles) {
      if (!p.batches.empty()) p.batches.back().shrink_to_fit();
      p.batches.push_back(p.header);
      p.files.emplace_back();
    }
    auto& batch = p.batches.back();
    p.files.back().emplace_back(batch.size(), csv.size() - body);
    batch.append(csv, body);
  };
  generate_dossiers(units, options_for(n, units.size()), [&](const Dossier& d) {
    if (p.dossiers >= n) return;
    file.push_back(d);
    ++p.dossiers;
    if (file.size() == kFileRows) flush();
  });
  if (!file.empty()) flush();
  if (!p.batches.empty()) p.batches.back().shrink_to_fit();
  return p;
}

// Runs `load(text)` (which returns the rows it loaded) on each file of the
// province; only the loads are timed, not the making of each file's text.
template <class Load>
Timed each_file(const Province& p, Load&& load) {
  Timed out;
  for (std::size_t b = 0; b < p.files.size(); ++b) {
    for (std::size_t f = 0; f < p.files[b].size(); ++f) {
      const std::string text = p.file(b, f);
      auto start = Clock::now();
      out.rows += load(text);
      out.seconds += seconds_since(start);
    }
  }
  return out;
}

std::size_t import_text(db::Database& db, std::string_view text) {
  ImportRequest req;
  req.kind = Kind::dossiers;
  req.text = text;
  auto out = import_batch(db, req, kWho, now_seconds());
  if (!out.ok()) throw std::runtime_error("import rejected: " + out.errors.front().message);
  return out.records;
}

void remove_sqlite_files(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

// The secondary baseline, as earlier runs measured it: csv::parse (cchc's
// reader), then one prepared INSERT OR REPLACE a row binding the fields as
// they are (no checks, no rollups; an empty field as NULL) into the table
// of cchc's schema with its primary key, index and foreign key, with
// cchc's SQLite settings (WAL, synchronous FULL, foreign keys on), a
// transaction per file of 100 000.
Timed plain_prepared_insert(const std::string& path, const Province& province,
                            const std::vector<SyntheticUnit>& units) {
  remove_sqlite_files(path);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
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
  Timed out = each_file(province, [&](const std::string& text) {
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
    return records.empty() ? std::size_t{0} : records.size() - 1;
  });
  sqlite3_finalize(ins);
  sqlite3_close(db);
  remove_sqlite_files(path);
  return out;
}

int run(int argc, char** argv) {
  std::string spec, plain_path, files_spec, csv_out;
  std::size_t n = 100000;
  bool reading_only = false;
  for (int i = 1; i < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--reading-only") {
      reading_only = true;
      --i;
      continue;
    }
    if (i + 1 >= argc) break;
    if (a == "--db")
      spec = argv[i + 1];
    else if (a == "--dossiers")
      n = std::stoull(argv[i + 1]);
    else if (a == "--plain-db")
      plain_path = argv[i + 1];
    else if (a == "--files-db")
      files_spec = argv[i + 1];
    else if (a == "--csv-out")
      csv_out = argv[i + 1];
  }
  if (spec.empty()) {
    std::cerr << "usage: cchc_bench_indicators --db SPEC --dossiers N [--plain-db FILE] [--files-db SPEC]" << std::endl;
    return 2;
  }
  auto db = db::open(spec);
  db::migrate(*db);
  auto units = app::synthetic_units(*db);
  if (units.empty()) {
    std::cerr << "load the demo directory first (cchc demo --no-records --db …)" << std::endl;
    return 2;
  }
  const bool sqlite = !db::is_postgres_url(spec);
  const std::string backend = sqlite ? "sqlite" : "postgres";
  const std::string sqlite_path = spec.starts_with("sqlite:") ? spec.substr(7) : spec;

  // The texts are made before any clock starts.
  const Province province = make_province(units, n);
  for (const auto& text : province.batches) {
    // The plain C loader splits on every comma (plain_loader.h).
    if (text.find('"') != std::string::npos) {
      std::cerr << "the synthetic CSV has a quoted field, which the plain C loader cannot read" << std::endl;
      return 1;
    }
  }
  std::cerr << fmt::format("generated {} dossiers: {} import batch(es), {} files of up to {}", province.dossiers,
                           province.batches.size(), province.file_count(), kFileRows)
            << std::endl;
  if (!csv_out.empty()) {  // for profiling `cchc import dossiers` alone
    for (std::size_t b = 0; b < province.batches.size(); ++b) {
      const auto path = province.batches.size() == 1 ? csv_out : fmt::format("{}.{}", csv_out, b + 1);
      std::ofstream(path, std::ios::binary) << province.batches[b];
    }
    return 0;
  }
  const std::string import_label = province.batches.size() == 1
                                       ? "import, one batch"
                                       : fmt::format("import, {} batches of 1 000 000", province.batches.size());

  // Reading alone, and reading with the checks (no database), for the breakdown.
  std::set<std::string> codes;
  for (const auto& u : units) codes.insert(u.code);
  Timed reading{province.dossiers};
  auto start = Clock::now();
  // As the import reads: one record at a time, nothing kept.
  std::size_t seen = 0;
  for (const auto& text : province.batches) csv::each(text, [&](const csv::RecordView&) { ++seen; });
  reading.seconds = seconds_since(start);
  report("CSV reading only", "-", reading);
  start = Clock::now();
  for (const auto& text : province.batches) {
    read_dossiers(text, Format::csv, codes, [&](Dossier&, int, std::size_t) { ++seen; });
  }
  reading.seconds = seconds_since(start);
  report("CSV reading and checks only", "-", reading);
  if (seen != 2 * province.dossiers + province.batches.size()) {  // the header is a record to csv::each
    std::cerr << fmt::format("read {} records, expected {}", seen, 2 * province.dossiers + province.batches.size())
              << std::endl;
    return 1;
  }
  if (reading_only) return 0;
  {
    auto parsed = parse_dossiers_csv(province.batches.front(), codes);
    start = Clock::now();
    Rollups r;
    for (const auto& d : parsed.records) r.add(d, +1);
    report("rollup sums in memory only", "-", Timed{parsed.records.size(), seconds_since(start)});
  }

  // Import against the plain loader of the same texts. On PostgreSQL the
  // baseline runs first, each after a CHECKPOINT: the import leaves a
  // million new rows that autovacuum may take up while a later phase runs,
  // and the baseline drops its table.
  std::optional<Timed> copy;
  if (!sqlite) {
    bench::pg_checkpoint(spec);
    copy = bench::plain_pg_copy(spec, province.batches);
    bench::pg_checkpoint(spec);
  }
  Timed imported;
  start = Clock::now();
  for (const auto& text : province.batches) imported.rows += import_text(*db, text);
  imported.seconds = seconds_since(start);
  report(import_label, backend, imported);
  if (sqlite && !plain_path.empty()) {
    remove_sqlite_files(plain_path);
    auto plain = bench::plain_c_load(plain_path, province.batches);
    remove_sqlite_files(plain_path);
    report("plain C loader (strchr, INSERT OR REPLACE of 16 text columns, one transaction, primary key only)", "sqlite",
           plain);
    report_ratio("import / plain C loader", "sqlite", imported, plain, 0.75);
  }
  if (copy) {
    report("plain COPY (FORMAT csv, 16 text columns, one transaction, primary key only)", "postgres", *copy);
    report_ratio("PostgreSQL import / COPY", "postgres", imported, *copy, 0.75);
  }

  // Rebuild against the scans and the GROUP BY.
  start = Clock::now();
  const auto rows = rebuild(*db);
  const Timed rebuilt{std::size_t(rows), seconds_since(start)};
  report("rebuild", backend, rebuilt);
  if (sqlite) {
    auto four = bench::scan_sum_4_counters(sqlite_path);
    report("plain scan + C++ hash sum, 4 counters of one table", "sqlite", four);
    report_ratio("rebuild / scan + sum, 4 counters", "sqlite", rebuilt, four, 1.0);
    auto five = bench::scan_sum_all_five(sqlite_path);
    report("plain scan + C++ hash sum of all five rollups", "sqlite", five);
    report_ratio("rebuild / scan + sum, all five rollups", "sqlite", rebuilt, five, 1.0);
  } else {
    std::vector<int> workers;
    auto four = bench::pg_group_by_4_counters(spec, workers);
    report("parallel GROUP BY (CREATE TABLE AS), 4 counters of one table", "postgres", four,
           {{"workers_launched", workers}});
    report_ratio("PostgreSQL rebuild / parallel GROUP BY, 4 counters", "postgres", rebuilt, four, 1.0);
    auto five = bench::pg_group_by_all_five(spec, workers);
    report("parallel GROUP BY (CREATE TABLE AS) of all five rollups", "postgres", five,
           {{"workers_launched", workers}});
    report_ratio("PostgreSQL rebuild / parallel GROUP BY, all five rollups", "postgres", rebuilt, five, 1.0);
  }

  // Secondary: the comparison earlier runs made, file by file.
  std::optional<Timed> in_files;
  if (!files_spec.empty()) {
    auto files_db = db::open(files_spec);
    db::migrate(*files_db);
    in_files = each_file(province, [&](const std::string& text) { return import_text(*files_db, text); });
    report("[secondary] import, files of 100 000, a transaction each", backend, *in_files);
  }
  if (sqlite && !plain_path.empty()) {
    auto prepared = plain_prepared_insert(plain_path, province, units);
    report("[secondary] plain prepared insert (cchc's CSV reader, index and foreign key, a transaction per file)",
           "sqlite", prepared);
    if (in_files) {
      report_ratio("[secondary] import in files / plain prepared insert", "sqlite", *in_files, prepared, nullptr);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "cchc_bench_indicators: " << e.what() << std::endl;
    return 1;
  }
}
