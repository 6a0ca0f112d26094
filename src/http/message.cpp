#include "http/message.h"

#include <algorithm>
#include <boost/url.hpp>
#include <cctype>
#include <stdexcept>
#include <utility>

#include "core/errors.h"
#include "core/parse.h"
#include "http/form.h"
#include "http/router.h"

namespace cchc::http {

namespace urls = boost::urls;

std::string_view to_string(Verb verb) {
  switch (verb) {
    case Verb::delete_: return "DELETE";
    case Verb::get: return "GET";
    case Verb::head: return "HEAD";
    case Verb::post: return "POST";
    case Verb::put: return "PUT";
    case Verb::connect: return "CONNECT";
    case Verb::options: return "OPTIONS";
    case Verb::trace: return "TRACE";
    case Verb::patch: return "PATCH";
    case Verb::unknown: break;
  }
  return "<unknown-method>";
}

Verb verb_of(std::string_view method) {
  for (auto v : {Verb::delete_, Verb::get, Verb::head, Verb::post, Verb::put, Verb::connect, Verb::options, Verb::trace,
                 Verb::patch}) {
    if (to_string(v) == method) return v;
  }
  return Verb::unknown;
}

std::string_view reason(Status status) {
  switch (status) {
    case Status::continue_: return "Continue";
    case Status::switching_protocols: return "Switching Protocols";
    case Status::processing: return "Processing";
    case Status::ok: return "OK";
    case Status::created: return "Created";
    case Status::accepted: return "Accepted";
    case Status::non_authoritative_information: return "Non-Authoritative Information";
    case Status::no_content: return "No Content";
    case Status::reset_content: return "Reset Content";
    case Status::partial_content: return "Partial Content";
    case Status::multi_status: return "Multi-Status";
    case Status::already_reported: return "Already Reported";
    case Status::im_used: return "IM Used";
    case Status::multiple_choices: return "Multiple Choices";
    case Status::moved_permanently: return "Moved Permanently";
    case Status::found: return "Found";
    case Status::see_other: return "See Other";
    case Status::not_modified: return "Not Modified";
    case Status::use_proxy: return "Use Proxy";
    case Status::temporary_redirect: return "Temporary Redirect";
    case Status::permanent_redirect: return "Permanent Redirect";
    case Status::bad_request: return "Bad Request";
    case Status::unauthorized: return "Unauthorized";
    case Status::payment_required: return "Payment Required";
    case Status::forbidden: return "Forbidden";
    case Status::not_found: return "Not Found";
    case Status::method_not_allowed: return "Method Not Allowed";
    case Status::not_acceptable: return "Not Acceptable";
    case Status::proxy_authentication_required: return "Proxy Authentication Required";
    case Status::request_timeout: return "Request Timeout";
    case Status::conflict: return "Conflict";
    case Status::gone: return "Gone";
    case Status::length_required: return "Length Required";
    case Status::precondition_failed: return "Precondition Failed";
    case Status::payload_too_large: return "Payload Too Large";
    case Status::uri_too_long: return "URI Too Long";
    case Status::unsupported_media_type: return "Unsupported Media Type";
    case Status::range_not_satisfiable: return "Range Not Satisfiable";
    case Status::expectation_failed: return "Expectation Failed";
    case Status::misdirected_request: return "Misdirected Request";
    case Status::unprocessable_entity: return "Unprocessable Entity";
    case Status::locked: return "Locked";
    case Status::failed_dependency: return "Failed Dependency";
    case Status::upgrade_required: return "Upgrade Required";
    case Status::precondition_required: return "Precondition Required";
    case Status::too_many_requests: return "Too Many Requests";
    case Status::request_header_fields_too_large: return "Request Header Fields Too Large";
    case Status::connection_closed_without_response: return "Connection Closed Without Response";
    case Status::unavailable_for_legal_reasons: return "Unavailable For Legal Reasons";
    case Status::client_closed_request: return "Client Closed Request";
    case Status::internal_server_error: return "Internal Server Error";
    case Status::not_implemented: return "Not Implemented";
    case Status::bad_gateway: return "Bad Gateway";
    case Status::service_unavailable: return "Service Unavailable";
    case Status::gateway_timeout: return "Gateway Timeout";
    case Status::http_version_not_supported: return "HTTP Version Not Supported";
    case Status::variant_also_negotiates: return "Variant Also Negotiates";
    case Status::insufficient_storage: return "Insufficient Storage";
    case Status::loop_detected: return "Loop Detected";
    case Status::not_extended: return "Not Extended";
    case Status::network_authentication_required: return "Network Authentication Required";
    case Status::network_connect_timeout_error: return "Network Connect Timeout Error";
    case Status::unknown: break;
  }
  return "<unknown-status>";
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

namespace {

// Beast keeps a field's name and value in 16-bit offsets.
constexpr std::size_t kMaxFieldSize = 65535 - 2;

Headers::Field new_field(std::string_view name, std::string_view value) {
  if (name.size() > kMaxFieldSize) throw std::length_error("field name too large");
  if (value.size() > kMaxFieldSize) throw std::length_error("field value too large");
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!value.empty() && blank(value.front())) value.remove_prefix(1);
  while (!value.empty() && blank(value.back())) value.remove_suffix(1);
  return {std::string(name), std::string(value)};
}

}  // namespace

void Headers::set(std::string_view name, std::string_view value) {
  auto added = new_field(name, value);
  erase(name);
  fields_.push_back(std::move(added));
}

void Headers::insert(std::string_view name, std::string_view value) {
  auto added = new_field(name, value);
  auto last = std::find_if(fields_.rbegin(), fields_.rend(), [&](const Field& f) { return same_name(f.name, name); });
  fields_.insert(last == fields_.rend() ? fields_.end() : last.base(), std::move(added));
}

std::size_t Headers::erase(std::string_view name) {
  return std::erase_if(fields_, [&](const Field& f) { return same_name(f.name, name); });
}

std::string_view Headers::operator[](std::string_view name) const {
  for (const auto& f : fields_) {
    if (same_name(f.name, name)) return f.value;
  }
  return {};
}

bool Headers::contains(std::string_view name) const {
  return std::any_of(fields_.begin(), fields_.end(), [&](const Field& f) { return same_name(f.name, name); });
}

std::string& Response::body() {
  if (shared_) {
    body_ = *shared_;
    shared_.reset();
  }
  return body_;
}

void Response::share_body(std::shared_ptr<const std::string> bytes) {
  body_.clear();
  shared_ = bytes ? std::move(bytes) : std::make_shared<const std::string>();
}

void Response::prepare_payload() {
  // Beast 1.81 refuses a body on these two only (its 1xx check never fires).
  const auto& sent = std::as_const(*this).body();
  bool bodiless = status_ == Status::no_content || status_ == Status::not_modified;
  if (bodiless && !sent.empty()) throw std::invalid_argument("invalid response body");
  set(field::content_length, std::to_string(sent.size()));
}

bool etag_listed(std::string_view if_none_match, std::string_view etag) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    auto tag = trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (!tag.empty() && tag == etag) return true;
  }
  return false;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& f : headers) {
    if (!same_name(f.name, field::cookie)) continue;
    std::string_view all = f.value;
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
  auto parsed = parse_form(header(field::content_type), body, matched ? matched->limits : kFormBody);
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
  auto target = urls::parse_origin_form(req.target);
  if (!target) return false;
  req.path = std::string(target->path());
  if (req.path.empty()) req.path.push_back('/');
  for (auto p : target->params(urls::encoding_opts(true))) {
    req.query.emplace(p.key, p.has_value ? p.value : std::string());
  }
  return true;
}

Response make_response(const Request& req, Status status, std::string content_type, std::string body) {
  Response res{status, req.version};
  res.set(field::content_type, content_type);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response html(const Request& req, std::string body, Status status) {
  auto res = make_response(req, status, "text/html; charset=utf-8", std::move(body));
  res.set(field::cache_control, "no-store");
  return res;
}

Response json(const Request& req, std::string body, Status status) {
  auto res = make_response(req, status, "application/json", std::move(body));
  res.set(field::cache_control, "no-store");
  return res;
}

Response attachment(const Request& req, std::string content_type, std::string body, const std::string& filename) {
  auto res = make_response(req, Status::ok, std::move(content_type), std::move(body));
  res.set(field::content_disposition, "attachment; filename=\"" + filename + "\"");
  res.set(field::cache_control, "no-store");
  return res;
}

Response redirect(const Request& req, std::string location, Status status) {
  Response res{status, req.version};
  res.set(field::location, location);
  res.prepare_payload();
  return res;
}

}  // namespace cchc::http
