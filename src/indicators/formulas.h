#pragma once
// The indicators of a set of dossiers and feedback for a period P = [begin,
// end) in local time, computed from the records themselves: the reference
// definition that rollups must reproduce. Withdrawn records never count.
//
//   received               dossiers with received_at in P
//   online_rate            received via channel online / received
//   online_full_rate       received online with online_service full / received with online_service full
//   finished               status finished or returned, finished_at in P
//   finished_on_time       finished with finished_at <= due_at
//   on_time_rate           finished_on_time / finished
//   overdue_open           received before end, not finished before end
//                          (no finished_at, or finished_at >= end), due_at < end
//   digitized_rate         received with digitized / received
//   result_digitized_rate  finished with result_digitized / finished
//   online_payment_rate    received with fee_required and paid_online / received with fee_required
//   satisfaction_rate      finished rated very_satisfied or satisfied / finished with a rating
//   apology_rate           finished late with apology_sent / finished late
//   feedback_received      feedback with received_at in P
//   feedback_answered      feedback with answered_at in P
//   feedback_on_time_rate  answered with answered_at <= due_at / answered
//   feedback_satisfaction_rate  answered rated (very_)satisfied / answered with a rating
// and, for the 766 index and the pages (extensions of the contract):
//   pending_at_end         received before end, not finished before end (overdue or not)
//   finished_ok            finished on time and not rated unsatisfied
//   feedback_pending_at_end, feedback_overdue_open   as for dossiers, with answered_at
//   feedback_answered_ok   answered on time and not rated unsatisfied
// A rate is a ratio from 0 to 1; with a zero denominator it is null, never 0.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/period.h"
#include "indicators/model.h"
#include "indicators/rollup.h"

namespace cchc::indicators {

struct Rate {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  std::optional<double> value() const {
    if (denominator == 0) return std::nullopt;
    return double(numerator) / double(denominator);
  }
  friend bool operator==(const Rate&, const Rate&) = default;
};

struct Indicators {
  std::int64_t received = 0, finished = 0, finished_on_time = 0, overdue_open = 0;
  Rate online_rate, online_full_rate, on_time_rate, digitized_rate, result_digitized_rate, online_payment_rate,
      satisfaction_rate, apology_rate;
  std::int64_t feedback_received = 0, feedback_answered = 0;
  Rate feedback_on_time_rate, feedback_satisfaction_rate;
  std::int64_t pending_at_end = 0, finished_ok = 0;
  std::int64_t feedback_pending_at_end = 0, feedback_overdue_open = 0, feedback_answered_ok = 0;

  friend bool operator==(const Indicators&, const Indicators&) = default;
};

Indicators compute(const std::vector<Dossier>& dossiers, const std::vector<Feedback>& feedback, const Period& period);

// The same indicators from rollup sums (indicators/rollup.h) over the
// months of a period and the units in scope.
struct Sums {
  std::map<std::string, std::vector<std::int64_t>> dossiers_by_channel;          // channel → dm:: counters
  std::vector<std::int64_t> feedback = std::vector<std::int64_t>(fm::count, 0);  // fm:: counters
  std::int64_t pending = 0, pending_overdue = 0, feedback_pending = 0, feedback_pending_overdue = 0;
};
Indicators from_sums(const Sums& s);

// The contract's JSON: counts as integers, each rate as
// {"value": number|null, "numerator": n, "denominator": d}.
nlohmann::json to_json(const Indicators& i);

}  // namespace cchc::indicators
