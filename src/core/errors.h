#pragma once
// The few typed errors every capability throws. They are mapped to HTTP in
// exactly one place (http/error_mapper.cpp) and to exit codes in app/cli.cpp.
// Expected outcomes (a rejected batch with its report, a failed rule) are
// values; these are for requests that cannot be served as asked.
#include <stdexcept>
#include <string>
#include <vector>

namespace cchc {

enum class ErrorKind {
  invalid_input,    // 400: the request or its data is malformed or breaks a rule
  unauthenticated,  // 401: sign-in needed
  forbidden,        // 403: signed in (or not) but not allowed; CSRF failures
  not_found,        // 404
  conflict,         // 409: the state changed under the request
  too_large,        // 413
  busy,             // 429: this user (or address) already has as much work running as one may
  storage_full,     // 507: the database cannot grow (disk full); reads go on
  unavailable,      // 503: a dependency (the database) is down or cannot write
  internal,         // 500: a bug or an unexpected failure
};

// `what()` is the English detail for logs, the API and the CLI; `message_vi`
// is what a person reads on a page (polite, says what to do). An empty
// message_vi means "use the kind's default".
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& detail, std::string message_vi = {})
      : std::runtime_error(detail), kind_(kind), message_vi_(std::move(message_vi)) {}
  ErrorKind kind() const noexcept { return kind_; }
  const std::string& message_vi() const noexcept { return message_vi_; }
  // The form field a refusal is about ("" when it is about the form as a
  // whole); a refused form shows the message there (http/refusal.h):
  //   throw invalid_input("end before start", "Ngày kết thúc trước ngày bắt đầu.").at("den_ngay");
  const std::string& field() const noexcept { return field_; }
  Error& at(std::string field) {
    field_ = std::move(field);
    return *this;
  }

 private:
  ErrorKind kind_;
  std::string message_vi_;
  std::string field_;
};

// One problem found in a batch (an import file), on one line of it. A batch
// with any of these is rejected whole.
struct LineError {
  int line;                // 1-based; 0 when the file as a whole is wrong
  std::string message;     // English, for the CLI and the API: "line N: …"
  std::string message_vi;  // for pages: "Dòng N: …"
};

inline Error invalid_input(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::invalid_input, detail, std::move(vi));
}
inline Error not_found(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::not_found, detail, std::move(vi));
}
inline Error forbidden(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::forbidden, detail, std::move(vi));
}
inline Error too_large(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::too_large, detail, std::move(vi));
}
inline Error busy(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::busy, detail, std::move(vi));
}
inline Error storage_full(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::storage_full, detail, std::move(vi));
}
inline Error unavailable(const std::string& detail, std::string vi = {}) {
  return Error(ErrorKind::unavailable, detail, std::move(vi));
}

// invalid_input listing every problem of a batch: English details joined by
// "; ", Vietnamese ones by spaces.
inline Error rejected(const std::vector<LineError>& errors) {
  std::string en, vi;
  for (const auto& e : errors) {
    en += (en.empty() ? "" : "; ") + e.message;
    vi += (vi.empty() ? "" : " ") + e.message_vi;
  }
  return invalid_input(en, vi);
}

}  // namespace cchc
