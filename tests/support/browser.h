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
  std::vector<std::pair<std::string, std::string>> extra = {};  // sent with every request (X-Forwarded-For)

  HttpResult get(const std::string& target) {
    auto r = http_request(port, "GET", target, headers());
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
  std::vector<std::pair<std::string, std::string>> headers() {
    auto h = extra;
    if (!cookie.empty()) h.push_back({"Cookie", cookie});
    return h;
  }
  // Keeps the session cookie and the form-token cookie a visitor without a
  // session gets, as "name=value; name=value".
  void take(const HttpResult& r) {
    for (const char* name : {"cchc_session", "cchc_form"}) {
      auto c = cookie_from(r, name);
      if (c.empty()) continue;
      std::string kept;
      for (std::size_t at = 0; at < cookie.size();) {
        auto end = cookie.find("; ", at);
        auto one = cookie.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (!one.empty() && one.rfind(std::string(name) + "=", 0) != 0) kept += (kept.empty() ? "" : "; ") + one;
        at = end == std::string::npos ? cookie.size() : end + 2;
      }
      if (c != std::string(name) + "=") kept += (kept.empty() ? "" : "; ") + c;
      cookie = kept;
    }
    auto token = form_value(r.body, "_csrf");
    if (!token.empty()) csrf = token;
  }
  int sign_in(const std::string& user, const std::string& password) {
    get("/dang-nhap");
    return post("/dang-nhap", "username=" + user + "&password=" + password).status;
  }
};

}  // namespace cchc::testing
