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
#include "core/line_errors.h"
#include "indicators/model.h"

namespace cchc::indicators {

template <class T>
struct Batch {
  std::vector<T> records;
  std::vector<int> lines;  // the line of each record
  LineErrors errors;       // every problem counted, the first 1 000 kept
  bool ok() const { return errors.empty(); }
};

// How a batch is spelled: CSV with the header row, or JSON (an array of
// objects with the same fields, or NDJSON: one object per line; flags may be
// 0/1 or true/false, empty values null or absent).
enum class Format { csv, json };

// `units`: the unit codes that exist in the directory.
// At least as many records as the batch holds, counted without parsing it:
// lines with text after the header of a CSV (ended by LF, CRLF or CR),
// lines with text of NDJSON, elements of a
// JSON array (counted by brackets outside strings). Quoted line breaks in
// CSV are counted as records, so the count errs on the high side.
std::size_t count_records(std::string_view text, Format format);

Batch<Dossier> parse_dossiers(std::string_view text, Format format, const std::set<std::string>& units);
Batch<Feedback> parse_feedback(std::string_view text, Format format, const std::set<std::string>& units);

inline Batch<Dossier> parse_dossiers_csv(std::string_view text, const std::set<std::string>& units) {
  return parse_dossiers(text, Format::csv, units);
}
inline Batch<Feedback> parse_feedback_csv(std::string_view text, const std::set<std::string>& units) {
  return parse_feedback(text, Format::csv, units);
}

// The names the files use for each value, and back (throws internal on an
// unknown name: stored values were validated on the way in).
const char* name(Channel v);
const char* name(OnlineService v);
const char* name(DossierStatus v);
const char* name(Rating v);
const char* name(FeedbackChannel v);
const char* name(FeedbackStatus v);
template <class E>
E from_name(std::string_view s);

// Records as the CSV the import reads, header first (a round trip).
std::string to_csv(const std::vector<Dossier>& records);
std::string to_csv(const std::vector<Feedback>& records);

const std::vector<std::string>& dossier_columns();
const std::vector<std::string>& feedback_columns();

}  // namespace cchc::indicators
