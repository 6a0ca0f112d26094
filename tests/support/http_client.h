#pragma once
// A small blocking HTTP/1.1 client (Boost.Beast) for tests, and raw socket
// exchanges for requests a client library would refuse to send.
#include <map>
#include <string>
#include <vector>

namespace cchc::testing {

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const;  // "" when absent
};

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {},
                        const std::string& body = {});
// Sends `raw` as is and returns everything the server sends back until it
// closes the connection (or `timeout_ms` passes).
std::string raw_exchange(unsigned short port, const std::string& raw, int timeout_ms = 5000);

// Cookie "name=value" from a response's Set-Cookie headers ("" when none).
std::string cookie_from(const HttpResult& r, const std::string& name);
// The value of <input name="name" value="…"> in an HTML body.
std::string form_value(const std::string& html, const std::string& name);

}  // namespace cchc::testing
