#pragma once
// The request and response types every handler sees. A Request carries the
// parsed Beast message plus what the server and middleware learned about it
// (path parameters, the matched route, the session).
#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/form.h"

namespace cchc::http {

namespace beast_http = boost::beast::http;
using Verb = beast_http::verb;
using Status = beast_http::status;
using Response = beast_http::response<beast_http::string_body>;

struct Session;  // http/session.h

// The signed-in user, as the middleware found them for this request.
struct Principal {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string unit_code;
  std::vector<std::string> roles;
};
struct Route;  // http/router.h

struct Request {
  beast_http::request<beast_http::string_body> message;
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

  Verb method() const { return message.method(); }
  bool is_api() const { return path == "/api" || path.starts_with("/api/"); }
  std::string_view header(beast_http::field f) const;
  std::string_view header(std::string_view name) const;
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
