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
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/line_errors.h"
#include "core/period.h"
#include "indicators/index766.h"
#include "indicators/model.h"

namespace cchc::indicators {

template <class T>
struct Batch {
  std::vector<T> records;
  std::vector<int> lines;  // the line of each record
  LineErrors errors;       // every problem counted, the first 1 000 kept
  bool ok() const { return errors.empty(); }
};

// What reading a batch record by record found: every problem counted (the
// first 1 000 kept, by line). `refused`: the text as a whole is wrong (a
// bad header, malformed CSV or JSON), and the one problem says why.
struct Reading {
  LineErrors errors;
  bool refused = false;
  bool ok() const { return errors.empty(); }
  // The text is refused: `e` becomes the only problem.
  void refuse(LineError e) {
    errors = LineErrors{};
    errors.push_back(std::move(e));
    refused = true;
  }
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

// The same checks, record by record, without holding the batch: `take` gets
// each record that passes them, with its line and the number of problems
// found before it, in the order of the text, as it is read (it may move the
// record out). A problem may come after records already taken, so a caller
// that writes as it reads must be able to undo (one transaction); once a
// problem is counted the batch will be refused, and such a caller can stop
// writing. A refused text may have had records taken too.
template <class T>
using Take = std::function<void(T&, int line, std::size_t problems_before)>;
Reading read_dossiers(std::string_view text, Format format, const std::set<std::string>& units,
                      const Take<Dossier>& take);
Reading read_feedback(std::string_view text, Format format, const std::set<std::string>& units,
                      const Take<Feedback>& take);

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

// ---- What the pages read of their forms and queries ---------------------------

// The period an indicator page shows when its query names none: the
// quarter of the latest month with data ("YYYY-MM", store.h:
// latest_month), else the last whole quarter before today.
Period default_quarter(const std::optional<std::string>& latest_month, Date today);
// The public page's and open data's: the year of the latest month with
// data, else today's year.
Period default_year(const std::optional<std::string>& latest_month, Date today);

// The values entered by hand on the 766 scorecard, each indicator's
// numerator and denominator as typed.
struct TypedManualValue {
  std::string code, name_vi, numerator, denominator;
};
struct ManualEntry {
  ManualValues values;                // by code, the indicators typed
  std::vector<std::string> problems;  // Vietnamese, one a refused indicator
};
// Both blank (after trimming): the indicator is left out (it keeps what it
// had). Otherwise both must be whole numbers (core/parse.h), else a problem
// "<name>: tử số và mẫu số phải là số nguyên."; their ranges are
// set_manual_values' to check.
ManualEntry read_manual_values(const std::vector<TypedManualValue>& typed);

// A target as its form types it: the year a whole number, the target a
// percentage ("96", "96,5", "96.5", text::parse_decimal) given back as a
// share (0.965). Throws invalid_input ("Năm phải là số nguyên, chỉ tiêu là
// số phần trăm …") when either is not; the ranges are set_targets' to check.
struct TypedTarget {
  int year = 0;
  double share = 0;
};
TypedTarget read_target(std::string_view year, std::string_view percent);

// The fewest dossiers a unit needs to be ranked, from the ranking page's
// query: `fallback` when blank, else a whole number from 0 to 1 000 000;
// invalid_input otherwise.
long ranking_minimum(std::string_view typed, long fallback);

}  // namespace cchc::indicators
