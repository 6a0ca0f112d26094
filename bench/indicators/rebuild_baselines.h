#pragma once
// The rebuild baselines of issue 17, goal 2 ("rebuild ≥ 1× the plain SQLite
// scan + C++ hash sum of the same rollups; on PostgreSQL ≥ 1× its own
// parallel GROUP BY of the same counters"), over the client libraries alone
// (sqlite3, libpq), reading the dossiers and feedback cchc stored. Two
// baselines on each backend; the benchmark reports the rebuild's ratio to
// both:
//
//   4 counters      the barest form: 8 columns, the 4 counters of one table
//                   keyed by unit, received month and channel. The issue's
//                   0,04–0,06× was measured against this one.
//   all five        the same job as the rebuild: every column the five
//                   rollups read, every counter of every rollup table, with
//                   the arithmetic of Rollups::add (src/indicators/rollup.cpp);
//                   the words "the same rollups" describe this one.
//
// The SQLite ones sum into std::unordered_map keyed by a std::string of the
// key columns and write nothing; the PostgreSQL ones are
// `CREATE TABLE … AS SELECT … GROUP BY` with max_parallel_workers_per_gather
// = 2 (CTAS may run its SELECT in parallel; INSERT … SELECT may not in
// PostgreSQL 15).
#include <string>
#include <vector>

#include "plain_loader.h"

namespace cchc::bench {

// SQLite, on the database file at `path` (read only).
Timed scan_sum_4_counters(const std::string& path);
// Also checks that each map has as many keys as the rollup table of the
// same name has rows (run it after a rebuild); a difference is printed on
// stderr.
Timed scan_sum_all_five(const std::string& path);

// PostgreSQL, in the database at `url`: the tables are made in one
// transaction, timed from BEGIN to COMMIT returned, then dropped.
// `workers` receives, for each statement, the parallel workers its plan
// launched (EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) of the same
// statement, run again after the timed run).
Timed pg_group_by_4_counters(const std::string& url, std::vector<int>& workers);
Timed pg_group_by_all_five(const std::string& url, std::vector<int>& workers);

}  // namespace cchc::bench
