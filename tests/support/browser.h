#pragma once
// A cookie-keeping client for integration tests: signs in, follows the
// session cookie and the page's CSRF token like a browser without
// JavaScript would.
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.h"

namespace cchc::testing {

struct Browser {
  unsigned short port;
  std::string cookie = {};
  std::string csrf = {};

  HttpResult get(const std::string& target) {
    auto r = http_request(port, "GET", target, cookie.empty() ? decltype(headers()){} : headers());
    take(r);
    return r;
  }
  HttpResult post(const std::string& target, const std::string& form) {
    auto h = headers();
    h.push_back({"Content-Type", "application/x-www-form-urlencoded"});
    auto r = http_request(port, "POST", target, h, form + "&_csrf=" + csrf);
    take(r);
    return r;
  }
  // A multipart/form-data POST with one file field and plain fields.
  HttpResult post_file(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::string& file_field, const std::string& filename, const std::string& content) {
    const std::string boundary = "----cchc-test-boundary-7d1e";
    std::string body;
    auto part = [&](const std::string& disposition, const std::string& value) {
      body += "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + value + "\r\n";
    };
    part("name=\"_csrf\"", csrf);
    for (const auto& [k, v] : fields) part("name=\"" + k + "\"", v);
    part("name=\"" + file_field + "\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv", content);
    body += "--" + boundary + "--\r\n";
    auto h = headers();
    h.push_back({"Content-Type", "multipart/form-data; boundary=" + boundary});
    auto r = http_request(port, "POST", target, h, body);
    take(r);
    return r;
  }
  std::vector<std::pair<std::string, std::string>> headers() { return {{"Cookie", cookie}}; }
  void take(const HttpResult& r) {
    auto c = cookie_from(r, "cchc_session");
    if (!c.empty()) cookie = c == "cchc_session=" ? "" : c;
    auto token = form_value(r.body, "_csrf");
    if (!token.empty()) csrf = token;
  }
  int sign_in(const std::string& user, const std::string& password) {
    get("/dang-nhap");
    return post("/dang-nhap", "username=" + user + "&password=" + password).status;
  }
};

}  // namespace cchc::testing
