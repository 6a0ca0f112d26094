#pragma once
// gzip for text bodies (zlib).
#include <string>
#include <string_view>

namespace cchc::http {

std::string gzip(std::string_view data);
std::string gunzip(std::string_view data);  // for tests and clients; throws on bad input
// Whether a body of this type is worth compressing (text, JSON, JS, SVG, XML).
bool is_compressible(std::string_view content_type);
// Whether an Accept-Encoding header value accepts gzip (q=0 refuses it).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace cchc::http
