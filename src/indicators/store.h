#pragma once
// Dossier and feedback storage: batches written whole with their rollups,
// the rebuild that recomputes rollups from raw rows, and indicator queries
// that read rollups only.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/period.h"
#include "db/database.h"
#include "indicators/formulas.h"
#include "indicators/rules.h"

namespace cchc::indicators {

enum class Kind { dossiers, feedback };
enum class Scope { unit, subtree };
Scope parse_scope(std::string_view s);  // "unit" | "subtree"; throws invalid_input
const char* name(Scope s);

struct ImportSummary {
  std::int64_t inserted = 0, updated = 0, unchanged = 0;
  friend bool operator==(const ImportSummary&, const ImportSummary&) = default;
};
nlohmann::json to_json(const ImportSummary& s);

struct ImportOutcome {
  LineErrors errors;  // non-empty: the batch was rejected and nothing was written (the first 1 000 kept)
  std::size_t records = 0;
  ImportSummary summary;
  std::string preview_csv;  // the first ImportRequest::preview records, as the import CSV
  bool ok() const { return errors.empty(); }
};

// Records one API push or upload may hold; a batch may be larger only from
// the command line.
inline constexpr std::size_t kRequestRecords = 100000;

struct ImportRequest {
  Kind kind = Kind::dossiers;
  std::string_view text;
  Format format = Format::csv;
  // When set, every record's unit must be this unit or under it (API tokens).
  std::optional<std::string> scope_unit;
  bool dry_run = false;     // validate only (the upload page's preview)
  std::size_t preview = 0;  // how many records to return in preview_csv
  // At most this many records (0: no limit, as for the command line): a
  // larger batch is refused whole before it is parsed.
  std::size_t max_records = 0;
  // Called as records are written: (done, total).
  std::function<void(std::size_t, std::size_t)> progress;
  // Called in the import's transaction once the records are written (the
  // upload page removes the staged file there, so a file is imported once).
  std::function<void(db::Connection&)> in_transaction;
};

// Parses and validates the whole batch; when every record is right, writes
// records and rollups in one transaction and audits the batch as one entry
// (action "import", entity "dossiers"/"feedback", the summary as after_json).
// It takes the database, not a connection: the batch is read and checked on
// a thread of its own while its transaction writes what has been read, a
// chunk of 10 000 records behind (the batch is never held whole); a problem
// found anywhere rolls everything back, so a rejected batch writes nothing.
// `progress` reports from inside the transaction, on the caller's thread;
// what must commit with the batch goes in `in_transaction`. A dry run reads
// and checks only.
ImportOutcome import_batch(db::Database& db, const ImportRequest& req, const audit::Entry& who, Instant now);

// Writes feedback records into the caller's transaction with their rollups,
// each replacing the stored record of its id (an unchanged one is left
// alone); the caller audits. What cchc's own feedback cases feed through
// (app/sources.cpp), so they count exactly as imported records do.
ImportSummary store_feedback(db::Connection& c, const std::vector<Feedback>& records);

// Recomputes every rollup from the raw rows: streams every record once
// (its month keys as stored), sums in memory with the import's own
// arithmetic (Rollups), and rewrites the five rollup tables; returns the
// number of records read. On the caller's transaction, or in one of its own.
std::int64_t rebuild(db::Connection& c);
// The same in a transaction of its own; on SQLite it reads the records on
// two connections at once (both cores), holding the writer lock meanwhile.
// `before_commit`, when set, runs last in that transaction with the number
// of records read (its audit entry, a last look for a cancel): what it
// throws rolls the rebuild back.
std::int64_t rebuild(db::Database& db, const std::function<void(db::Connection&, std::int64_t)>& before_commit = {});
// The same rollups written by SQL alone (INSERT … SELECT … GROUP BY): an
// independent formulation of Rollups' arithmetic, the reference
// tests/indicators/store_test.cpp holds both the import and rebuild() to.
void rebuild_in_sql(db::Connection& c);

// The units of a scope: the unit alone, or the unit, its descendants and the
// units merged into any of them (recursively), so history follows mergers.
std::vector<std::string> units_in_scope(db::Connection& c, const std::string& unit, Scope scope);

// Indicators of a unit for a period, from rollups. The period must be a run
// of whole months (rollups are monthly); otherwise invalid_input. Throws
// not_found for an unknown unit. Answers are remembered under the data
// stamps of indicators and units (db/stamps.h): asked again before either
// changes, a question costs two indexed reads, whatever its scope.
Indicators query(db::Connection& c, const std::string& unit, const Period& period, Scope scope);

// The month range [first, end) a period covers, "YYYY-MM"; invalid_input
// when the period does not start on the 1st or end on a month's last day.
std::pair<std::string, std::string> month_range(const Period& p);

// The drill-down: dossiers of a scope and period by channel (from
// dossier_months) or by procedure (from dossier_procedures; most received
// first).
enum class By { channel, procedure };
struct BreakdownRow {
  std::string key;  // the channel's or the procedure's code
  std::int64_t received = 0, finished = 0, finished_on_time = 0;
};
std::vector<BreakdownRow> breakdown(db::Connection& c, const std::string& unit, const Period& period, Scope scope,
                                    By by);

// The latest month that has any dossier ("YYYY-MM"), for choosing a page's
// default period; none when nothing was imported. Remembered per stamp.
std::optional<std::string> latest_month(db::Connection& c);

// Dossiers of the scope still open at `at` whose due time has passed, most
// overdue first.
std::vector<Dossier> overdue_dossiers(db::Connection& c, const std::string& unit, Scope scope, Instant at, int limit);

}  // namespace cchc::indicators
