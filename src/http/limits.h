#pragma once
// What a route accepts of a request body, declared beside its permission
// (Router::add) and enforced before anything parses the body:
//   - `bytes`: the body as sent. The server refuses a declared
//     Content-Length over it with 413 before reading the body, and stops
//     reading a chunked body at it (also 413). Never above
//     ServerConfig::body_limit, the server's own ceiling.
//   - `fields`: text fields of a form (urlencoded pairs or multipart parts
//     without a file); one more is 413.
//   - `files`: file parts of a multipart form; one more is 413. A form
//     never nests multipart parts (RFC 7578): a nested one is 400.
//   - `staged`: the handler works on a file staged by an earlier upload
//     (directory/staged.h: an import's confirmation), as much work as the
//     upload itself though its own body is a small form.
// A route that takes files or a document of more than a form's bytes, or
// works on a staged file, is `heavy`: its handler parses outside bytes, so
// the server runs it on its work threads, never on an I/O thread (a
// bounded queue: 503 when full), and one user (or anonymous address) has
// at most a few at once (429, http/middleware.h heavy_work_per_client).
// Other parts of a request are bounded for every route alike by the server
// (header bytes and count, timeouts).
#include <cstddef>

namespace cchc::http {

struct BodyLimits {
  static constexpr std::size_t kFormBytes = 256 * 1024;
  std::size_t bytes = kFormBytes;
  std::size_t fields = 256;
  std::size_t files = 0;
  bool staged = false;
  constexpr bool heavy() const { return staged || files > 0 || bytes > kFormBytes; }
};

inline constexpr std::size_t kMiB = 1024 * 1024;

// A page's form of text fields: the default.
inline constexpr BodyLimits kFormBody{};
// A form with up to `files` attached files (evidence, minutes, an import).
constexpr BodyLimits upload(std::size_t files, std::size_t bytes = 10 * kMiB) { return {bytes, 256, files}; }
// The confirmation of a staged upload: a form of at most `bytes` (the id,
// the CSRF token, a few choices) whose handler imports the staged file.
constexpr BodyLimits staged_confirm(std::size_t bytes = 16 * 1024) { return {bytes, 256, 0, true}; }
// A JSON or CSV document as the whole body (API batches, Open311).
constexpr BodyLimits document_body(std::size_t bytes) { return {bytes, 256, 0}; }

}  // namespace cchc::http
