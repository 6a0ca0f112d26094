#pragma once
// The request and response types every handler sees, plain values: the
// server (http/server.cpp, on Boost.Beast) reads a request into a Request
// and writes a Response out (http/wire.h), so no layer above http parses
// Beast. A Request carries what was sent plus what the server and
// middleware learned about it (path parameters, the matched route, the
// session).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/form.h"

namespace cchc::http {

// The request methods the server tells apart; any other is `unknown`
// (Request::method_name keeps it as sent).
enum class Verb { unknown, delete_, get, head, post, put, connect, options, trace, patch };

// "GET", "POST", …; "<unknown-method>" for Verb::unknown.
std::string_view to_string(Verb verb);
// The verb of a method as sent (case matters: "get" is unknown).
Verb verb_of(std::string_view method);

// Status codes (RFC 9110 and its kin), by the names the handlers use.
enum class Status : int {
  unknown = 0,
  continue_ = 100,
  switching_protocols = 101,
  processing = 102,
  ok = 200,
  created = 201,
  accepted = 202,
  non_authoritative_information = 203,
  no_content = 204,
  reset_content = 205,
  partial_content = 206,
  multi_status = 207,
  already_reported = 208,
  im_used = 226,
  multiple_choices = 300,
  moved_permanently = 301,
  found = 302,
  see_other = 303,
  not_modified = 304,
  use_proxy = 305,
  temporary_redirect = 307,
  permanent_redirect = 308,
  bad_request = 400,
  unauthorized = 401,
  payment_required = 402,
  forbidden = 403,
  not_found = 404,
  method_not_allowed = 405,
  not_acceptable = 406,
  proxy_authentication_required = 407,
  request_timeout = 408,
  conflict = 409,
  gone = 410,
  length_required = 411,
  precondition_failed = 412,
  payload_too_large = 413,
  uri_too_long = 414,
  unsupported_media_type = 415,
  range_not_satisfiable = 416,
  expectation_failed = 417,
  misdirected_request = 421,
  unprocessable_entity = 422,
  locked = 423,
  failed_dependency = 424,
  upgrade_required = 426,
  precondition_required = 428,
  too_many_requests = 429,
  request_header_fields_too_large = 431,
  connection_closed_without_response = 444,
  unavailable_for_legal_reasons = 451,
  client_closed_request = 499,
  internal_server_error = 500,
  not_implemented = 501,
  bad_gateway = 502,
  service_unavailable = 503,
  gateway_timeout = 504,
  http_version_not_supported = 505,
  variant_also_negotiates = 506,
  insufficient_storage = 507,
  loop_detected = 508,
  not_extended = 510,
  network_authentication_required = 511,
  network_connect_timeout_error = 599,
};

// The reason phrase the status line carries ("Not Found"), the same as
// Beast's obsolete_reason; "<unknown-status>" for a code not listed above.
std::string_view reason(Status status);

// Header field names as they go on the wire; any other name is written as
// a string ("Retry-After").
namespace field {
inline constexpr std::string_view accept_encoding = "Accept-Encoding";
inline constexpr std::string_view access_control_allow_origin = "Access-Control-Allow-Origin";
inline constexpr std::string_view allow = "Allow";
inline constexpr std::string_view authorization = "Authorization";
inline constexpr std::string_view cache_control = "Cache-Control";
inline constexpr std::string_view connection = "Connection";
inline constexpr std::string_view content_disposition = "Content-Disposition";
inline constexpr std::string_view content_encoding = "Content-Encoding";
inline constexpr std::string_view content_length = "Content-Length";
inline constexpr std::string_view content_type = "Content-Type";
inline constexpr std::string_view cookie = "Cookie";
inline constexpr std::string_view etag = "ETag";
inline constexpr std::string_view expect = "Expect";
inline constexpr std::string_view host = "Host";
inline constexpr std::string_view if_none_match = "If-None-Match";
inline constexpr std::string_view location = "Location";
inline constexpr std::string_view origin = "Origin";
inline constexpr std::string_view set_cookie = "Set-Cookie";
inline constexpr std::string_view user_agent = "User-Agent";
inline constexpr std::string_view vary = "Vary";
}  // namespace field

// Header fields in the order they go on the wire, with Beast's rules (so a
// response reads the same whichever built it): names compare without
// regard to case, fields of one name stay together, a value loses its
// leading and trailing spaces and tabs, and a name or value over 65 533
// bytes throws std::length_error.
class Headers {
 public:
  struct Field {
    std::string name;  // as given
    std::string value;
  };

  // Removes every field of that name and adds this one last.
  void set(std::string_view name, std::string_view value);
  // Adds a field after the last of its name, or last when it is new.
  void insert(std::string_view name, std::string_view value);
  // Removes every field of that name; how many there were.
  std::size_t erase(std::string_view name);
  // The value of the first field of that name; empty when there is none.
  std::string_view operator[](std::string_view name) const;
  bool contains(std::string_view name) const;

  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

// Whether two field names are the same (ASCII, without regard to case).
bool same_name(std::string_view a, std::string_view b);

// A response: status, version, header fields and body. The server adds
// X-Request-Id, gzip, the HEAD rule and Connection as it writes it
// (http/server.h). The body is owned, or shared: immutable bytes another
// owner keeps (a cached page, http/page_cache.h; a static file), which the
// server writes without copying them.
class Response {
 public:
  Response() = default;
  explicit Response(Status status, unsigned version = 11) : status_(status), version_(version) {}

  Status result() const { return status_; }
  void result(Status status) { status_ = status; }
  unsigned result_int() const { return unsigned(status_); }
  unsigned version() const { return version_; }  // 11: HTTP/1.1, 10: HTTP/1.0

  const Headers& headers() const { return headers_; }
  Headers& headers() { return headers_; }
  void set(std::string_view name, std::string_view value) { headers_.set(name, value); }
  void insert(std::string_view name, std::string_view value) { headers_.insert(name, value); }
  std::size_t erase(std::string_view name) { return headers_.erase(name); }
  std::string_view operator[](std::string_view name) const { return headers_[name]; }

  // The body to change: a shared body is copied into an owned one first.
  std::string& body();
  // The body as it will be sent, owned or shared, without a copy.
  const std::string& body() const { return shared_ ? *shared_ : body_; }
  // Sends `bytes` as the body without copying them; the owned body is
  // dropped. Null is an empty body.
  void share_body(std::shared_ptr<const std::string> bytes);
  // The shared body; null when the body is owned.
  const std::shared_ptr<const std::string>& shared_body() const { return shared_; }
  // Sets Content-Length to the body's size (last among the fields); throws
  // std::invalid_argument for a body on a 204 or 304 response.
  void prepare_payload();

 private:
  Status status_ = Status::ok;
  unsigned version_ = 11;
  Headers headers_;
  std::string body_;
  std::shared_ptr<const std::string> shared_;
};

// Whether an If-None-Match value lists `etag` (a quoted entity tag),
// compared weakly as RFC 9110 asks ("W/" ignored), or is "*".
bool etag_listed(std::string_view if_none_match, std::string_view etag);

struct Session;  // http/session.h

// The signed-in user, as the middleware found them for this request.
struct Principal {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string unit_code;
  std::vector<std::string> roles;
  // Role -> the root of the subtree it covers where not unit_code (a
  // coordinator in Sở Nội vụ coordinating the province).
  std::map<std::string, std::string> scopes;
};
struct Route;  // http/router.h

struct Request {
  // As sent.
  Verb method = Verb::unknown;
  std::string method_name;  // the method as sent, which method_string() shows for Verb::unknown
  std::string target;       // origin-form: the path and query, still encoded
  unsigned version = 11;    // 11: HTTP/1.1, 10: HTTP/1.0
  Headers headers;
  std::string body;
  // What the server and middleware learned.
  std::string path;                               // percent-decoded
  std::multimap<std::string, std::string> query;  // decoded
  std::map<std::string, std::string> params;      // from the route pattern
  std::string route = "unmatched";                // the matched pattern, for metrics and logs
  const Route* matched = nullptr;                 // the matched route, if any
  std::string allow;                              // methods the path allows, when only the method missed
  std::string request_id;
  std::string remote_address;          // the peer (a proxy, behind one)
  std::string client_address;          // the client's, through trusted proxies (http/proxies.h)
  std::shared_ptr<Session> session;    // set by the session middleware when present
  std::optional<Principal> principal;  // set when the session belongs to a user
  bool bearer = false;                 // authenticated by an API token, not a session
  // A form token minted for a visitor without a session (SessionStore::
  // form_token); the session middleware sets it as the form-token cookie.
  std::string new_form_cookie;

  // "GET", …, or the method as sent when the server does not know it.
  std::string_view method_string() const { return method == Verb::unknown ? method_name : to_string(method); }
  bool is_api() const { return path == "/api" || path.starts_with("/api/"); }
  // The value of the first field of that name; empty when there is none.
  std::string_view header(std::string_view name) const { return headers[name]; }
  std::optional<std::string> cookie(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  // The path parameter `name` as an id, a whole number from 1
  // (core/parse.h); throws not_found for anything else: "/ke-hoach/5x",
  // "/ke-hoach/0" and a 20-digit id name nothing.
  std::int64_t int_param(std::string_view name = "id") const;
  // Fields of an application/x-www-form-urlencoded or multipart/form-data
  // body (empty for other types), parsed once, within the matched route's
  // BodyLimits (http/form.h): throws too_large over them, invalid_input for
  // malformed multipart.
  const std::multimap<std::string, std::string>& form() const;
  std::optional<std::string> form_param(std::string_view name) const;
  // Files of a multipart/form-data body, by field name.
  using File = FormFile;
  const std::multimap<std::string, File>& files() const;

 private:
  void parse_body() const;
  mutable std::optional<std::multimap<std::string, std::string>> form_;
  mutable std::multimap<std::string, File> files_;
};

// The target as the access log shows it: the values of query parameters
// that carry a secret (api_key, token, access_token, secret, password)
// replaced by "REDACTED".
std::string redact_secrets(std::string_view target);

// Parses the request target into path and query; false when it is not a
// valid origin-form target (the server answers 400).
bool parse_target(Request& req);

Response make_response(const Request& req, Status status, std::string content_type, std::string body);
Response html(const Request& req, std::string body, Status status = Status::ok);
Response json(const Request& req, std::string body, Status status = Status::ok);
Response redirect(const Request& req, std::string location, Status status = Status::see_other);
// A file to save: `Content-Disposition: attachment` with `filename` (plain
// ASCII: a slug), not stored by caches.
Response attachment(const Request& req, std::string content_type, std::string body, const std::string& filename);

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

}  // namespace cchc::http
