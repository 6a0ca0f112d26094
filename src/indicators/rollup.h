#pragma once
// Rollups: the counts dashboards read instead of raw dossiers. Each record
// adds +1 (or, when it is replaced, -1) to a few counters keyed by unit and
// local month; a batch accumulates its deltas here and the store applies
// them in the batch's own transaction. Pure: no storage.
//
//   dossier_months      (unit_code, month, channel)
//       by received month: received, received_full, digitized, fee_required, paid_online
//       by finished month: finished, finished_on_time, result_digitized, rated, satisfied,
//                          late, late_apology, finished_ok (on time and not rated unsatisfied)
//   dossier_procedures  (unit_code, month, procedure_code)
//       received (received month), finished, finished_on_time (finished month)
//   dossier_backlog     (unit_code, received_month, due_month, finished_month): n
//   feedback_months     (unit_code, month, channel)
//       received (received month); answered, answered_on_time, rated, satisfied,
//       answered_ok (answered month)
//   feedback_backlog    (unit_code, received_month, due_month, answered_month): n
//
// "Finished" is status finished or returned with finished_at; withdrawn
// records count nowhere. A backlog row with finished_month / answered_month
// kNever has not been finished. Because every period the rollups serve is a
// run of whole months, "before the end E" of a period is "month < month(E)":
// the records pending at E are the backlog rows with received_month <
// month(E) <= finished_month, overdue when also due_month < month(E).
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "indicators/model.h"

namespace cchc::indicators {

inline constexpr const char* kNever = "9999-12";

// The month a record's "finished" rollups go to: month_key(finished_at) for
// a dossier finished or returned with finished_at, else kNever; likewise
// for feedback answered. Stored with each record (the rebuild groups by it).
std::string finished_month_of(const Dossier& d);
std::string answered_month_of(const Feedback& f);

enum class Table { dossier_months, dossier_procedures, dossier_backlog, feedback_months, feedback_backlog };
inline constexpr std::array kTables = {Table::dossier_months, Table::dossier_procedures, Table::dossier_backlog,
                                       Table::feedback_months, Table::feedback_backlog};

struct TableSpec {
  const char* name;
  std::vector<std::string> keys;
  std::vector<std::string> counters;
};
const TableSpec& spec(Table t);

// Counter positions, in the order of spec(t).counters.
namespace dm {
enum : size_t {
  received,
  received_full,
  digitized,
  fee_required,
  paid_online,
  finished,
  finished_on_time,
  result_digitized,
  rated,
  satisfied,
  late,
  late_apology,
  finished_ok,
  count
};
}
namespace dp {
enum : size_t { received, finished, finished_on_time, count };
}
namespace fm {
enum : size_t { received, answered, answered_on_time, rated, satisfied, answered_ok, count };
}

class Rollups {
 public:
  using Key = std::vector<std::string>;
  using Rows = std::map<Key, std::vector<std::int64_t>>;

  // sign: +1 to count a record, -1 to take it back out.
  void add(const Dossier& d, int sign);
  void add(const Feedback& f, int sign);

  const Rows& rows(Table t) const { return tables_[size_t(t)]; }
  // Drops rows whose counters are all zero (a record taken out and put back).
  void prune();
  bool empty() const;

 private:
  std::vector<std::int64_t>& row(Table t, Key key);
  std::array<Rows, 5> tables_;
};

}  // namespace cchc::indicators
