#include "http/message.h"

#include <boost/url.hpp>

#include "core/errors.h"
#include "core/parse.h"
#include "http/form.h"
#include "http/router.h"

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

void Request::parse_body() const {
  if (form_) return;
  auto parsed =
      parse_form(header(beast_http::field::content_type), message.body(), matched ? matched->limits : kFormBody);
  files_ = std::move(parsed.files);
  form_ = std::move(parsed.fields);
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

std::string redact_secrets(std::string_view target) {
  auto question = target.find('?');
  if (question == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, question + 1));
  auto query = target.substr(question + 1);
  bool first = true;
  while (true) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    std::string key(pair.substr(0, eq));
    for (auto& c : key) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (!first) out += '&';
    first = false;
    bool secret = key == "api_key" || key == "token" || key == "access_token" || key == "secret" || key == "password";
    out += secret && eq != std::string_view::npos ? std::string(pair.substr(0, eq)) + "=REDACTED" : std::string(pair);
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return out;
}

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
