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
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "indicators/model.h"
#include "indicators/text_keys.h"

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

// Sums of many records (a batch's deltas, or every record in a rebuild),
// kept in hash maps keyed by interned ids: adding a record costs a few
// lookups and no allocation once its keys have been seen.
class Rollups {
 public:
  using Key = std::vector<std::string>;
  using Rows = std::map<Key, std::vector<std::int64_t>>;

  // A record's month keys ("YYYY-MM"; done is kNever when not finished or
  // answered), when they are known already: stored with each record, so the
  // rebuild reads them instead of deriving them from the times.
  struct Months {
    std::string_view received, due, done;
  };

  // sign: +1 to count a record, -1 to take it back out.
  void add(const Dossier& d, int sign);
  void add(const Feedback& f, int sign);
  // The same with the month keys given; they must be the record's own
  // (month_key, finished_month_of, answered_month_of).
  void add(const Dossier& d, const Months& m, int sign);
  void add(const Feedback& f, const Months& m, int sign);

  // Adds another's sums to these (sums made apart, e.g. on two threads).
  void merge(const Rollups& other);
  // A table's rows in key order, keys spelled out.
  Rows rows(Table t) const;
  // Drops rows whose counters are all zero (a record taken out and put back).
  void prune();
  bool empty() const;

 private:
  using Id = std::uint32_t;
  using Ids = std::array<Id, 4>;  // a table's key parts in spec order, unused parts 0
  struct IdsHash {
    std::size_t operator()(const Ids& k) const noexcept;
  };
  // The id of a text seen last in the same place, so a run of records of
  // one unit or month skips the lookup.
  struct Recent {
    std::string text;
    Id id = 0;
  };
  enum Place : std::size_t { unit, procedure, channel, received, due, done, kPlaces };

  Id id_of(std::string_view text);
  Id intern(std::string_view text, Place place);
  std::vector<std::int64_t>& row(Table t, const Ids& key);

  // Flat tables (abseil's): a bulk load looks a row up several times a
  // record. A row's reference lasts until the next row of its table is added.
  std::vector<std::string> names_;                              // id → text
  absl::flat_hash_map<std::string, Id, TextHash, TextEq> ids_;  // text → id, looked up by view
  std::array<Recent, kPlaces> recent_;
  std::array<absl::flat_hash_map<Ids, std::vector<std::int64_t>, IdsHash>, 5> tables_;
};

}  // namespace cchc::indicators
