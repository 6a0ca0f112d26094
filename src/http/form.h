#pragma once
// Form bodies, parsed within a route's BodyLimits (http/limits.h): the
// work and memory of a parse are bounded by the limits, whatever is sent.
//   - application/x-www-form-urlencoded as the WHATWG URL standard parses it
//     (section 5.1): pairs split on '&' and the first '=', '+' read as a
//     space, "%XY" decoded, anything else (a raw '[' or UTF-8 byte, a stray
//     '%') kept as it is. Browsers encode every field; other clients,
//     Open311's among them, send attribute[code]=… with raw brackets.
//   - multipart/form-data (RFC 7578) in one flat pass: parts split on the
//     boundary, each part's header block at most 8 KiB and 32 lines, its
//     Content-Disposition and Content-Type read by mimetic. A part with a
//     filename, or with a Content-Type of its own, is a file; any other
//     part is a text field. A part that is itself multipart is refused (a
//     form never nests).
//   - any other type: no fields.
// Over a limit: Error too_large (413). Malformed multipart (no boundary,
// no closing delimiter, a part without a name): Error invalid_input (400).
#include <map>
#include <string>
#include <string_view>

#include "http/limits.h"

namespace cchc::http {

struct FormFile {
  std::string filename;
  std::string content_type;  // as the client declared it; sniff before trusting
  std::string content;
};

struct Form {
  std::multimap<std::string, std::string> fields;
  std::multimap<std::string, FormFile> files;
};

Form parse_form(std::string_view content_type, std::string_view body, const BodyLimits& limits);

}  // namespace cchc::http
