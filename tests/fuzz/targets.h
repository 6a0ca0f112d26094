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

#include <boost/beast/http.hpp>

#include "core/csv.h"
#include "core/deadline.h"
#include "core/errors.h"
#include "core/line_errors.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "documents/extract.h"
#include "http/form.h"
#include "http/message.h"
#include "http/wire.h"
#include "indicators/rules.h"
#include "portal/markdown.h"

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

// A request head as the server reads it (Beast's parser under the server's
// header limit, then http::request_of), then the target as the app reads it
// (http::parse_target): a parsed target has a path that starts with '/' and
// is valid UTF-8 or refused.
inline int head(const std::uint8_t* data, std::size_t size) {
  namespace bhttp = boost::beast::http;
  bhttp::request_parser<bhttp::empty_body> parser;
  parser.header_limit(16 * 1024);
  parser.eager(false);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  auto req = http::request_of(http::WireRequest(parser.release().base()));
  try {
    if (!http::parse_target(req)) return 0;
    if (req.path.empty() || req.path[0] != '/') __builtin_trap();
    (void)req.header("X-Forwarded-For");
    (void)req.is_api();
  } catch (const Error&) {}
  return 0;
}

// Word documents (documents/extract.h), uploaded to be read: the text is
// UTF-8 and never longer than the part it came from allows.
inline int docx(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto text = documents::word_text(bytes);
    if (!text::is_valid_utf8(text)) __builtin_trap();
  } catch (const Error&) {}
  return 0;
}

// Portal Markdown (portal/markdown.h), written by editors and shown to
// everyone: nothing of it runs in a reader's browser (no script element or
// handler, no javascript:, vbscript: or file: URL, data: URLs only of
// images).
inline int markdown(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  std::string html;
  try {
    html = portal::render_markdown(source);
  } catch (const Error&) {
    return 0;
  }
  for (auto& c : html) c = char(std::tolower(static_cast<unsigned char>(c)));
  // Text's '<' is escaped (&lt;): every '<' opens a tag the renderer wrote.
  for (auto open = html.find('<'); open != std::string::npos; open = html.find('<', open + 1)) {
    std::string_view tag = std::string_view(html).substr(open, html.find('>', open) - open);
    if (tag.starts_with("<script") || tag.starts_with("<iframe") || tag.starts_with("<object")) __builtin_trap();
    // Its attributes, as the renderer writes them: name="value", the value's
    // own quotes escaped. No handler (on…); the URLs of links and images of
    // safe schemes only (alt and title are text, whatever they say).
    std::size_t at = tag.find(' ');
    while (at != std::string_view::npos && at < tag.size()) {
      at = tag.find_first_not_of(' ', at);
      if (at == std::string_view::npos) break;
      auto eq = tag.find('=', at);
      if (eq == std::string_view::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') break;  // "/" of <br />
      auto name = tag.substr(at, eq - at);
      auto close = tag.find('"', eq + 2);
      auto value = tag.substr(eq + 2, close == std::string_view::npos ? std::string_view::npos : close - eq - 2);
      if (name.starts_with("on")) __builtin_trap();
      if (name == "href" || name == "src") {
        for (const char* scheme : {"javascript:", "vbscript:", "file:"}) {
          if (value.starts_with(scheme)) __builtin_trap();
        }
        if (value.starts_with("data:") && !value.starts_with("data:image/png") &&
            !value.starts_with("data:image/gif") && !value.starts_with("data:image/jpeg") &&
            !value.starts_with("data:image/webp"))
          __builtin_trap();
      }
      at = close == std::string_view::npos ? close : close + 1;
    }
  }
  return 0;
}

// Deadline phrases (core/deadline.h), from every imported task matrix:
// reading never throws, and what is stored of a reading (kind, due day,
// Vietnamese form, milestones) gives the same deadline back.
inline int deadline(const std::uint8_t* data, std::size_t size) {
  std::string_view phrase(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 400));
  if (!text::is_valid_utf8(phrase)) return 0;
  Deadline d = read_deadline(phrase);
  try {
    if (deadline_from(kind_code(d.kind), d.due, format_deadline(d), d.milestones) != d) __builtin_trap();
  } catch (const Error&) {
    __builtin_trap();  // a stored reading that cannot be read back
  }
  return 0;
}

}  // namespace cchc::fuzz
