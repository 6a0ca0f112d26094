#include "http/form.h"

#include <fmt/format.h>
#include <mimetic/contentdisposition.h>
#include <mimetic/contenttype.h>

#include <boost/algorithm/string/predicate.hpp>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::http {

namespace {

constexpr std::size_t kPartHeaderBytes = 8 * 1024;
constexpr std::size_t kPartHeaderLines = 32;
// Parts that are neither a field nor a file (no name) are skipped, but
// counted: a form has few of them.
constexpr std::size_t kNamelessParts = 16;

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Error too_many_fields(const BodyLimits& limits) {
  return too_large(fmt::format("the form has more than {} fields", limits.fields),
                   fmt::format("Biểu mẫu gửi lên có quá {} trường dữ liệu.", limits.fields));
}

Error too_many_files(const BodyLimits& limits) {
  if (limits.files == 0) {
    return too_large("this form takes no files", "Biểu mẫu này không nhận tệp đính kèm.");
  }
  return too_large(fmt::format("the form has more than {} files", limits.files),
                   fmt::format("Mỗi lần chỉ gửi được tối đa {} tệp đính kèm.", limits.files));
}

Error malformed(const std::string& detail) {
  return invalid_input("malformed multipart/form-data body: " + detail,
                       "Biểu mẫu gửi lên không đúng định dạng. Xin vui lòng tải lại trang và thử lại.");
}

void parse_urlencoded(std::string_view body, const BodyLimits& limits, Form& out) {
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    auto part = body.substr(start, end - start);
    if (!part.empty()) {
      if (out.fields.size() == limits.fields) throw too_many_fields(limits);
      auto eq = part.find('=');
      out.fields.emplace(form_decode(part.substr(0, eq)),
                         eq == std::string_view::npos ? "" : form_decode(part.substr(eq + 1)));
    }
    start = end + 1;
  }
}

struct PartHeader {
  std::string disposition;
  std::string type;
};

// The header block of one part, CRLF-separated lines without the blank one.
PartHeader read_part_header(std::string_view block) {
  PartHeader out;
  std::string* last = nullptr;
  std::size_t lines = 0;
  while (!block.empty()) {
    auto eol = block.find("\r\n");
    auto line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
    if (++lines > kPartHeaderLines)
      throw too_large("a form part has over 32 header lines", "Biểu mẫu gửi lên không đúng định dạng.");
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (last) last->append(" ").append(text::trim(line));  // a folded line continues the previous one
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) throw malformed("a part header line has no ':'");
    auto name = text::trim(line.substr(0, colon));
    auto value = text::trim(line.substr(colon + 1));
    last = nullptr;
    if (boost::algorithm::iequals(name, "Content-Disposition")) {
      last = &out.disposition;
    } else if (boost::algorithm::iequals(name, "Content-Type")) {
      last = &out.type;
    }
    if (last) *last = std::string(value);
  }
  return out;
}

void parse_multipart(std::string_view content_type, std::string_view body, const BodyLimits& limits, Form& out) {
  std::string boundary = mimetic::ContentType(std::string(content_type)).param("boundary");
  if (boundary.empty() || boundary.size() > 70) throw malformed("no boundary, or one over 70 characters");
  const std::string delimiter = "--" + boundary;
  const std::string separator = "\r\n" + delimiter;

  std::size_t pos;
  if (body.starts_with(delimiter)) {
    pos = delimiter.size();
  } else {
    auto first = body.find(separator);  // after a preamble
    if (first == std::string_view::npos) throw malformed("no boundary delimiter");
    pos = first + separator.size();
  }
  std::size_t nameless = 0;
  while (true) {
    if (body.substr(pos, 2) == "--") return;  // the closing delimiter; the epilogue is ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;  // transport padding
    if (body.substr(pos, 2) != "\r\n") throw malformed("a delimiter not followed by CRLF");
    pos += 2;

    std::string_view header_block;
    std::size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {
      content_start = pos + 2;
    } else {
      auto window = body.substr(pos, kPartHeaderBytes + 4);
      auto blank = window.find("\r\n\r\n");
      if (blank == std::string_view::npos) {
        if (window.size() > kPartHeaderBytes)
          throw too_large("a form part's header is over 8 KiB", "Biểu mẫu gửi lên không đúng định dạng.");
        throw malformed("a part's header block does not end");
      }
      header_block = window.substr(0, blank);
      content_start = pos + blank + 4;
    }
    auto content_end = body.find(separator, content_start);
    if (content_end == std::string_view::npos) throw malformed("no closing boundary delimiter");
    auto content = body.substr(content_start, content_end - content_start);
    pos = content_end + separator.size();

    auto header = read_part_header(header_block);
    mimetic::ContentDisposition disposition(header.disposition);
    std::string name = disposition.param("name");
    if (name.empty()) {
      if (++nameless > kNamelessParts) throw too_many_fields(limits);
      continue;
    }
    std::string filename = disposition.param("filename");
    if (filename.empty() && header.type.empty()) {
      if (out.fields.size() == limits.fields) throw too_many_fields(limits);
      out.fields.emplace(std::move(name), std::string(content));
      continue;
    }
    std::string type = "application/octet-stream";
    if (!header.type.empty()) {
      mimetic::ContentType parsed(header.type);
      if (parsed.isMultipart()) throw malformed("a part is itself multipart; a form does not nest");
      type = std::string(parsed.type()) + "/" + std::string(parsed.subtype());
    }
    if (out.files.size() == limits.files) throw too_many_files(limits);
    out.files.emplace(std::move(name), FormFile{std::move(filename), std::move(type), std::string(content)});
  }
}

}  // namespace

Form parse_form(std::string_view content_type, std::string_view body, const BodyLimits& limits) {
  Form out;
  if (boost::algorithm::istarts_with(content_type, "multipart/form-data")) {
    parse_multipart(content_type, body, limits, out);
  } else if (boost::algorithm::istarts_with(content_type, "application/x-www-form-urlencoded")) {
    parse_urlencoded(body, limits, out);
  }
  return out;
}

}  // namespace cchc::http
