#include "http/router.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "http/compression.h"
#include "http/error_mapper.h"
#include "http/metrics.h"
#include "http/middleware.h"

namespace cchc::http {
namespace {

Handler named(std::string name) {
  return [name](Request& req) { return make_response(req, Status::ok, "text/plain", name); };
}

TEST(Router, MatchesPatternsWithParameters) {
  Router r;
  r.add(Verb::get, "/", kPublic, named("home"));
  r.add(Verb::get, "/units/{code}", kPublic, named("unit"));
  r.add(Verb::post, "/units/{code}", "units.edit", named("unit-edit"));
  r.add(Verb::get, "/units/{code}/users", kPublic, named("unit-users"));
  r.add(Verb::get, "/static/{path...}", kPublic, named("static"));
  struct Case {
    Verb method;
    const char* path;
    const char* pattern;  // nullptr: no match
    const char* param;
    const char* value;
    const char* allow;
  } cases[] = {
      {Verb::get, "/", "/", nullptr, nullptr, ""},
      {Verb::get, "/units/DNI", "/units/{code}", "code", "DNI", ""},
      {Verb::get, "/units/DNI/", "/units/{code}", "code", "DNI", ""},
      {Verb::head, "/units/DNI", "/units/{code}", "code", "DNI", ""},
      {Verb::post, "/units/DNI", "/units/{code}", "code", "DNI", ""},
      {Verb::get, "/units/DNI/users", "/units/{code}/users", "code", "DNI", ""},
      {Verb::get, "/units", nullptr, nullptr, nullptr, ""},
      {Verb::get, "/units/DNI/other", nullptr, nullptr, nullptr, ""},
      {Verb::delete_, "/units/DNI", nullptr, nullptr, nullptr, "GET, POST"},
      {Verb::get, "/static/css/a.css", "/static/{path...}", "path", "css/a.css", ""},
      {Verb::get, "/static", nullptr, nullptr, nullptr, ""},
      {Verb::put, "/", nullptr, nullptr, nullptr, "GET"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(to_string(c.method)) + " " + c.path);
    auto m = r.match(c.method, c.path);
    if (!c.pattern) {
      EXPECT_EQ(m.route, nullptr);
      EXPECT_EQ(m.allow, c.allow);
      continue;
    }
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->pattern, c.pattern);
    if (c.param) {
      EXPECT_EQ(m.params[c.param], c.value);
    }
  }
  EXPECT_EQ(r.match(Verb::post, "/units/X").route->permission, "units.edit");
}

TEST(Router, EveryRouteDeclaresAPermission) {
  Router r;
  EXPECT_THROW(r.add(Verb::get, "/x", "", named("x")), Error);
  EXPECT_THROW(r.add(Verb::get, "x", kPublic, named("x")), Error);
  EXPECT_THROW(r.add(Verb::get, "/a/{rest...}/b", kPublic, named("x")), Error);
}

TEST(Compression, GzipRoundTripAndNegotiation) {
  std::string text(5000, 'a');
  text += "Đồng Nai";
  auto packed = gzip(text);
  EXPECT_LT(packed.size(), text.size() / 10);
  EXPECT_EQ(gunzip(packed), text);
  EXPECT_THROW(gunzip("not gzip"), Error);
  EXPECT_THROW(gunzip(packed.substr(0, packed.size() / 2)), Error);
  const std::pair<const char*, bool> cases[] = {
      {"gzip", true},
      {"gzip, deflate, br", true},
      {"deflate, GZIP", true},
      {"br", false},
      {"", false},
      {"gzip;q=0", false},
      {"gzip; q=0.5", true},
      {"*", true},
      {"identity, *;q=0", false},
  };
  for (const auto& [header, want] : cases) {
    SCOPED_TRACE(header);
    EXPECT_EQ(accepts_gzip(header), want);
  }
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("application/problem+json"));
  EXPECT_FALSE(is_compressible("image/png"));
}

TEST(Compression, BrotliRoundTripAndNegotiation) {
  std::string text(5000, 'a');
  text += "Đồng Nai";
  auto packed = brotli(text);
  EXPECT_LT(packed.size(), text.size() / 10);
  EXPECT_EQ(unbrotli(packed), text);
  EXPECT_EQ(unbrotli(brotli("")), "");
  EXPECT_THROW(unbrotli("not brotli at all"), Error);
  EXPECT_THROW(unbrotli(packed.substr(0, packed.size() / 2)), Error);
  const std::pair<const char*, bool> cases[] = {
      {"br", true}, {"gzip, deflate, br", true}, {"BR;q=0.8", true}, {"gzip", false}, {"", false}, {"br;q=0", false},
      {"*", true},  {"gzip, *;q=0", false},      {"brotli", false},
  };
  for (const auto& [header, want] : cases) {
    SCOPED_TRACE(header);
    EXPECT_EQ(accepts_coding(header, "br"), want);
  }
}

TEST(Metrics, RendersPrometheusText) {
  Metrics m;
  m.observe("/units/{code}", "GET", 200, std::chrono::microseconds(800));
  m.observe("/units/{code}", "GET", 200, std::chrono::milliseconds(30));
  m.observe("/", "POST", 403, std::chrono::milliseconds(2));
  m.connection_opened();
  auto text = m.render();
  EXPECT_NE(text.find("cchc_http_requests_total{route=\"/units/{code}\",method=\"GET\",status=\"200\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("status=\"403\"} 1"), std::string::npos);
  EXPECT_NE(text.find("cchc_http_request_duration_seconds_bucket{le=\"0.001\"} 1"), std::string::npos);
  EXPECT_NE(text.find("cchc_http_request_duration_seconds_bucket{le=\"0.0025\"} 2"), std::string::npos);
  EXPECT_NE(text.find("cchc_http_request_duration_seconds_bucket{le=\"0.05\"} 3"), std::string::npos);
  EXPECT_NE(text.find("cchc_http_request_duration_seconds_count 3"), std::string::npos);
  EXPECT_NE(text.find("cchc_http_open_connections 1"), std::string::npos);
}

TEST(ErrorMapper, OneMappingForPagesAndApi) {
  ErrorMapper mapper([](const Request&, const ErrorView& v) { return "PAGE:" + v.title_vi + ":" + v.message_vi; });
  struct Case {
    Error error;
    int status;
  } cases[] = {
      {invalid_input("bad"), 400},
      {forbidden("no"), 403},
      {not_found("none"), 404},
      {Error(ErrorKind::conflict, "c"), 409},
      {unavailable("down"), 503},
      {Error(ErrorKind::internal, "secret detail"), 500},
      {Error(ErrorKind::unauthenticated, "who"), 401},
      {Error(ErrorKind::too_large, "big"), 413},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.error.what());
    Request page;
    page.path = "/x";
    Request api;
    api.path = "/api/v1/x";
    api.request_id = "r1";
    Response p, a;
    try {
      throw c.error;
    } catch (...) {
      p = mapper.map_current(page);
    }
    try {
      throw c.error;
    } catch (...) {
      a = mapper.map_current(api);
    }
    EXPECT_EQ(p.result_int(), c.status);
    EXPECT_EQ(a.result_int(), c.status);
    EXPECT_EQ(p.body().rfind("PAGE:", 0), 0u);
    EXPECT_EQ(a[field::content_type], "application/problem+json");
    EXPECT_NE(a.body().find("\"request_id\":\"r1\""), std::string::npos);
    // Internal details never leak.
    EXPECT_EQ(a.body().find("secret detail"), std::string::npos);
  }
  // A cchc::Error's own Vietnamese message reaches the page.
  Request page;
  page.path = "/x";
  Response p;
  try {
    throw invalid_input("bad", "Mật khẩu phải có ít nhất 12 ký tự.");
  } catch (...) {
    p = mapper.map_current(page);
  }
  EXPECT_NE(p.body().find("Mật khẩu phải có ít nhất 12 ký tự."), std::string::npos);
  // Unknown exceptions are 500.
  try {
    throw std::runtime_error("boom");
  } catch (...) {
    EXPECT_EQ(mapper.map_current(page).result_int(), 500);
  }
}

TEST(Middleware, ChainRunsOutermostFirst) {
  std::string trace;
  auto mw = [&trace](char name) {
    return Middleware([&trace, name](Request& req, const Next& next) {
      trace += name;
      auto res = next(req);
      trace += char(std::toupper(name));
      return res;
    });
  };
  auto app = chain({mw('a'), mw('b')}, [&trace](Request& req) {
    trace += '*';
    return make_response(req, Status::ok, "text/plain", "");
  });
  Request req;
  app(req);
  EXPECT_EQ(trace, "ab*BA");
}

TEST(Middleware, PermissionSeamDeniesUndeclaredAccess) {
  Router r;
  r.add(Verb::get, "/open", kPublic, named("open"));
  r.add(Verb::get, "/admin", "admin.read", named("admin"));
  auto app = chain({permission(public_only())}, [](Request& req) { return req.matched->handler(req); });
  for (auto [path, allowed] : {std::pair{"/open", true}, std::pair{"/admin", false}}) {
    Request req;
    req.matched = r.match(Verb::get, path).route;
    if (allowed) {
      EXPECT_EQ(app(req).result_int(), 200);
    } else {
      EXPECT_THROW(app(req), Error);
    }
  }
  // An authoriser asking for sign-in: pages redirect there, the API gets 401.
  auto signin = chain({permission([](const Request&, const std::string&) { return Access::sign_in; })},
                      [](Request& req) { return req.matched->handler(req); });
  Request page;
  page.matched = r.match(Verb::get, "/admin").route;
  page.path = "/admin";
  page.target = "/admin?x=1";
  page.method = Verb::get;
  auto res = signin(page);
  EXPECT_EQ(res.result_int(), 303);
  EXPECT_EQ(res[field::location], "/dang-nhap?tiep=%2Fadmin%3Fx%3D1");
  Request api;
  api.matched = page.matched;
  api.path = "/api/v1/x";
  try {
    signin(api);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unauthenticated);
  }
}

TEST(Middleware, SecurityHeadersOnEveryResponse) {
  for (bool https : {false, true}) {
    SCOPED_TRACE(https);
    auto app = chain({security_headers(https)},
                     [](Request& req) { return make_response(req, Status::not_found, "text/plain", ""); });
    Request req;
    auto res = app(req);
    EXPECT_NE(std::string(res["Content-Security-Policy"]).find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(std::string(res["Content-Security-Policy"]).find("unsafe-inline"), std::string::npos);
    EXPECT_NE(std::string(res["Content-Security-Policy"]).find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(res["Referrer-Policy"], "same-origin");
    EXPECT_EQ(res.headers().contains("Strict-Transport-Security"), https);
  }
}

}  // namespace
}  // namespace cchc::http
