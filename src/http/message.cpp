#include "http/message.h"

#include <mimetic/mimetic.h>
#include <boost/url.hpp>

#include "core/errors.h"
#include "core/parse.h"

namespace cchc::http {

namespace urls = boost::urls;

std::string_view Request::header(beast_http::field f) const {
  auto it = message.find(f);
  return it == message.end() ? std::string_view{} : std::string_view(it->value());
}

std::string_view Request::header(std::string_view name) const {
  auto it = message.find(name);
  return it == message.end() ? std::string_view{} : std::string_view(it->value());
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (auto it = message.find(beast_http::field::cookie);
       it != message.end() && it->name() == beast_http::field::cookie; ++it) {
    std::string_view all = it->value();
    while (!all.empty()) {
      size_t semi = all.find(';');
      std::string_view pair = all.substr(0, semi);
      all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        return std::string(pair.substr(eq + 1));
      }
    }
  }
  return std::nullopt;
}

namespace {

std::optional<std::string> first(const std::multimap<std::string, std::string>& m, std::string_view key) {
  auto it = m.find(std::string(key));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<std::string> Request::query_param(std::string_view name) const { return first(query, name); }

std::int64_t Request::int_param(std::string_view name) const {
  auto found = params.find(std::string(name));
  auto id = found == params.end() ? std::nullopt : parse_int(found->second);
  if (!id || *id < 1) throw not_found("no such id", "Không tìm thấy.");
  return *id;
}

namespace {

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded as the WHATWG URL standard parses it
// (section 5.1): pairs split on '&' and the first '=', '+' read as a space,
// "%XY" decoded, anything else (a raw '[' or UTF-8 byte, a stray '%') kept
// as it is. Browsers encode every field; other clients, Open311's among
// them, send attribute[code]=… with raw brackets, which a strict URL
// parser refuses whole.
std::vector<std::pair<std::string, std::string>> parse_urlencoded(std::string_view body) {
  auto decode = [](std::string_view s) {
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
  };
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    auto part = body.substr(start, end - start);
    if (!part.empty()) {
      auto eq = part.find('=');
      out.emplace_back(decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : decode(part.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

void Request::parse_body() const {
  if (form_) return;
  form_.emplace();
  auto type = header(beast_http::field::content_type);
  if (type.starts_with("multipart/form-data")) {
    // mimetic parses the body as the MIME entity its Content-Type names.
    std::string entity = "Content-Type: " + std::string(type) + "\r\n\r\n" + message.body();
    mimetic::MimeEntity me(entity.begin(), entity.end());
    for (const auto* part : me.body().parts()) {
      const auto& disposition = part->header().contentDisposition();
      std::string name = disposition.param("name");
      if (name.empty()) continue;
      std::string filename = disposition.param("filename");
      if (filename.empty() && !part->header().hasField("Content-Type")) {
        form_->emplace(name, std::string(part->body()));
      } else {
        files_.emplace(name, File{filename, part->header().contentType().str(), std::string(part->body())});
      }
    }
    return;
  }
  {
    if (type.starts_with("application/x-www-form-urlencoded")) {
      for (auto& [k, v] : parse_urlencoded(message.body())) form_->emplace(std::move(k), std::move(v));
    }
  }
}

const std::multimap<std::string, std::string>& Request::form() const {
  parse_body();
  return *form_;
}

const std::multimap<std::string, Request::File>& Request::files() const {
  parse_body();
  return files_;
}

std::optional<std::string> Request::form_param(std::string_view name) const { return first(form(), name); }

bool parse_target(Request& req) {
  auto target = urls::parse_origin_form(req.message.target());
  if (!target) return false;
  req.path = std::string(target->path());
  if (req.path.empty()) req.path.push_back('/');
  for (auto p : target->params(urls::encoding_opts(true))) {
    req.query.emplace(p.key, p.has_value ? p.value : std::string());
  }
  return true;
}

Response make_response(const Request& req, Status status, std::string content_type, std::string body) {
  Response res{status, req.message.version()};
  res.set(beast_http::field::content_type, content_type);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response html(const Request& req, std::string body, Status status) {
  auto res = make_response(req, status, "text/html; charset=utf-8", std::move(body));
  res.set(beast_http::field::cache_control, "no-store");
  return res;
}

Response json(const Request& req, std::string body, Status status) {
  auto res = make_response(req, status, "application/json", std::move(body));
  res.set(beast_http::field::cache_control, "no-store");
  return res;
}

Response attachment(const Request& req, std::string content_type, std::string body, const std::string& filename) {
  auto res = make_response(req, Status::ok, std::move(content_type), std::move(body));
  res.set(beast_http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
  res.set(beast_http::field::cache_control, "no-store");
  return res;
}

Response redirect(const Request& req, std::string location, Status status) {
  Response res{status, req.message.version()};
  res.set(beast_http::field::location, location);
  res.prepare_payload();
  return res;
}

}  // namespace cchc::http
