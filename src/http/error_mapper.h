#pragma once
// The one place where errors become HTTP responses. Pages get a Vietnamese
// error page; /api/… gets application/problem+json (RFC 9457) with an
// English detail. Unexpected exceptions are logged with the request id and
// answered 500 without their text.
#include <exception>
#include <functional>
#include <string>

#include "core/errors.h"
#include "http/message.h"

namespace cchc::http {

struct ErrorView {
  Status status;
  std::string title_vi;    // e.g. "Không tìm thấy trang"
  std::string message_vi;  // what happened and what to do
};

Status status_for(ErrorKind kind);
// The view for a status (and, for a cchc::Error, its own Vietnamese message).
ErrorView error_view(Status status, const std::string& message_vi = {});

class ErrorMapper {
 public:
  using PageRenderer = std::function<std::string(const Request&, const ErrorView&)>;
  explicit ErrorMapper(PageRenderer render_page) : render_page_(std::move(render_page)) {}

  // Maps the exception being handled (call from a catch block).
  Response map_current(const Request& req) const;
  // A response for a status the server decided itself (404, 405, 413 …).
  Response respond(const Request& req, Status status, const std::string& detail,
                   const std::string& message_vi = {}) const;

 private:
  PageRenderer render_page_;
};

}  // namespace cchc::http
