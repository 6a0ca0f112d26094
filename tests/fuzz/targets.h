#pragma once
// The fuzz targets' bodies, shared by the libFuzzer entries
// (tests/fuzz/TARGET_fuzz.cpp, built by scripts/fuzz.sh) and the normal
// test run, which replays every kept case through them
// (tests/fuzz/replay_test.cpp). Each parser's contract: a result within its
// stated limits, or Error; any other exception, a broken invariant
// (__builtin_trap) or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/csv.h"
#include "core/errors.h"
#include "core/line_errors.h"
#include "core/xlsx.h"
#include "http/form.h"
#include "indicators/rules.h"

namespace cchc::fuzz {

// Form bodies (http/form.h), the parser every anonymous POST reaches. The
// first byte picks the content type and the limits; the rest is the body.
inline int form(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {"multipart/form-data; boundary=B", "application/x-www-form-urlencoded",
                                       "multipart/form-data; boundary=\"a b\"", "multipart/form-data"};
  const std::uint8_t pick = data[0];
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  http::BodyLimits limits{1u << 20, std::size_t(1 + ((pick >> 2) & 7)), std::size_t((pick >> 5) & 3)};
  try {
    auto parsed = http::parse_form(kTypes[pick & 3], body, limits);
    if (parsed.fields.size() > limits.fields || parsed.files.size() > limits.files) __builtin_trap();
    std::size_t bytes = 0;
    for (const auto& [name, value] : parsed.fields) bytes += value.size();
    for (const auto& [name, file] : parsed.files) bytes += file.content.size();
    if (bytes > body.size()) __builtin_trap();  // nothing is made up
  } catch (const Error&) {}
  return 0;
}

// CSV (core/csv.h), which every batch import reads: lines rise from 1.
inline int csv(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    int last = 0;
    for (const auto& r : csv::parse(text)) {
      if (r.line < 1 || r.line < last) __builtin_trap();
      last = r.line;
    }
  } catch (const Error&) {}
  return 0;
}

// XLSX workbooks (core/xlsx.h), read from uploads of plan matrices.
inline int xlsx(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto rows = xlsx::read_first_sheet(bytes);
    if (rows.size() > 20000) __builtin_trap();
    for (const auto& [number, cells] : rows) {
      if (cells.size() > 100) __builtin_trap();
    }
  } catch (const Error&) {}
  return 0;
}

// The indicator batches (indicators/rules.h) the API and the upload page
// take: CSV or JSON (an array or NDJSON), chosen by the first byte. The
// records never outnumber count_records (the count that refuses a batch
// before parsing must not be fooled into counting low), and at most 1 000
// errors are kept.
inline int batch(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using indicators::Format;
  const Format format = data[0] & 1 ? Format::json : Format::csv;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const std::set<std::string> units = {"SNV", "X1"};
  try {
    auto counted = indicators::count_records(text, format);
    auto dossiers = indicators::parse_dossiers(text, format, units);
    if (dossiers.records.size() > counted) __builtin_trap();
    if (dossiers.errors.reported().size() > LineErrors::kReported) __builtin_trap();
    auto feedback = indicators::parse_feedback(text, format, units);
    if (feedback.records.size() > counted) __builtin_trap();
  } catch (const Error&) {}
  return 0;
}

}  // namespace cchc::fuzz
