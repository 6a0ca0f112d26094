#pragma once
// The import baselines of issue 17, goal 1: the plain loaders cchc's import
// is held to, written the way a programmer would load the dossier CSV by
// hand. Part of the benchmark, not of cchc: nothing here uses cchc's reader,
// checks or storage layer, only the client libraries (sqlite3, libpq).
//
// Both read the CSV texts cchc imports (header first, "\r\n" line ends, 16
// fields a row). The SQLite loader does not understand CSV quoting: a field
// holding a comma, a quote or a line break would be cut wrongly. The
// benchmark's texts hold none: to_csv quotes only such fields (or one with
// a space at either end), and the generator's fields (ids, unit and
// procedure codes, names, times, flags) have none of them unless a unit
// code did; bench/indicators/main.cpp refuses a text with a '"' before any
// clock starts.
#include <cstddef>
#include <string>
#include <vector>

namespace cchc::bench {

// How many rows a measurement handled, and in how long.
struct Timed {
  std::size_t rows = 0;
  double seconds = 0;
  double rate() const { return seconds > 0 ? double(rows) / seconds : 0; }
};

// The plain C loader, on SQLite, into a new database file at `path`:
//   - each line found with strchr('\n') and split with strchr(','), no quoting;
//   - one prepared `INSERT OR REPLACE` of the 16 fields, every field bound as
//     text (SQLITE_STATIC, pointing into the text);
//   - `PRAGMA journal_mode=WAL`, `PRAGMA synchronous=FULL`;
//   - ONE transaction for the rows of every text;
//   - a table of 16 TEXT columns with the primary key only (no other index,
//     no foreign key).
// The time runs from the first byte read to COMMIT returned (the table is
// made before). Throws std::runtime_error on a SQLite error or a line that
// does not have 16 fields.
Timed plain_c_load(const std::string& path, const std::vector<std::string>& texts);

// The PostgreSQL baseline: `COPY dossiers_plain FROM STDIN (FORMAT csv,
// HEADER)` of each text through libpq (PQputCopyData), every COPY in ONE
// transaction, into a table of the same 16 columns as text with the primary
// key only, made in the database at `url` and dropped after. The time runs
// from BEGIN to COMMIT returned. Throws std::runtime_error on a libpq error.
Timed plain_pg_copy(const std::string& url, const std::vector<std::string>& texts);

// CHECKPOINT on the server at `url`: each timed PostgreSQL phase starts with
// no dirty buffers left by the one before (the role must be allowed to).
void pg_checkpoint(const std::string& url);

}  // namespace cchc::bench
