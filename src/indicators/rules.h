#pragma once
// Reading dossier and feedback batches. A batch is validated whole: any bad
// line rejects it with every offending line and reason, and the caller
// writes nothing.
//
// Dossier CSV (UTF-8, header row, RFC 4180):
//   id,unit_code,procedure_code,channel,online_service,received_at,due_at,
//   finished_at,returned_at,status,digitized,result_digitized,fee_required,
//   paid_online,rating,apology_sent
// Feedback CSV:
//   id,unit_code,channel,received_at,due_at,answered_at,status,rating
// Values, times and consistency rules: docs/indicators.md.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "indicators/model.h"

namespace cchc::indicators {

template <class T>
struct Batch {
  std::vector<T> records;
  std::vector<int> lines;  // the line of each record
  std::vector<LineError> errors;
  bool ok() const { return errors.empty(); }
};

// `units`: the unit codes that exist in the directory.
Batch<Dossier> parse_dossiers_csv(std::string_view text, const std::set<std::string>& units);
Batch<Feedback> parse_feedback_csv(std::string_view text, const std::set<std::string>& units);

}  // namespace cchc::indicators
