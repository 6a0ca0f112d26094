#pragma once
// gzip (zlib) and br (Brotli, RFC 7932) for text bodies.
#include <string>
#include <string_view>

namespace cchc::http {

std::string gzip(std::string_view data);
std::string gunzip(std::string_view data);  // for tests and clients; throws on bad input
// Brotli at quality 5: about gzip's speed, smaller.
std::string brotli(std::string_view data);
std::string unbrotli(std::string_view data);  // for tests and clients; throws on bad input
// Whether a body of this type is worth compressing (text, JSON, JS, SVG, XML).
bool is_compressible(std::string_view content_type);
// Whether an Accept-Encoding header value accepts a content coding ("gzip",
// "br"; by name or "*", q=0 refusing it).
bool accepts_coding(std::string_view accept_encoding, std::string_view coding);
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace cchc::http
