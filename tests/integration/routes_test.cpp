// Every route, enumerated from the router, in-process: each declares a
// permission the table knows; none serves an anonymous visitor unless it is
// public; every state-changing route refuses a request without the CSRF
// token with 403, even from a signed-in administrator.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "app/demo.h"
#include "app/web.h"
#include "audit/audit.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/tokens.h"
#include "http/middleware.h"
#include "support/app_request.h"
#include "support/paths.h"
#include "support/test_db.h"

namespace cchc {
namespace {

class Routes : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    t_ = testing::make_test_db("sqlite", why);
    db::migrate(*t_->db);
    app::load_demo(*t_->db);
    web_ = std::make_unique<app::Web>(
        *t_->db, app::WebConfig{testing::source_dir() + "/templates", testing::source_dir() + "/static", false});
    handler_ = web_->app();
  }

  http::Response call(http::Verb method, const std::string& target, const std::string& cookie = {},
                      const std::string& body = {}) {
    auto req = testing::app_request(method, target, cookie, body);
    return handler_(req);
  }

  // Signs in through the pages (the form-token cookie, then the session
  // cookie); returns the session cookie.
  std::string sign_in(const std::string& username, const std::string& password) {
    auto page = call(http::Verb::get, "/dang-nhap");
    std::string cookie = std::string(page[http::field::set_cookie]);
    cookie = cookie.substr(0, cookie.find(';'));
    auto body = page.body();
    auto at = body.find("name=\"_csrf\" value=\"") + 20;
    std::string csrf = body.substr(at, body.find('"', at) - at);  // the visitor's signed form token
    auto res = call(http::Verb::post, "/dang-nhap", cookie,
                    "_csrf=" + csrf + "&username=" + username + "&password=" + password);
    EXPECT_EQ(res.result_int(), 303) << res.body();
    std::string fresh = std::string(res[http::field::set_cookie]);
    return fresh.substr(0, fresh.find(';'));
  }

  static std::string concrete(const std::string& pattern) {
    std::string out = pattern;
    for (auto [param, value] :
         {std::pair{"{unit}", "P-TRANGDAI"}, std::pair{"{code}", "2024-Q1"}, std::pair{"{path...}", "css/cchc.css"},
          std::pair{"{username}", "demo.canbo"}, std::pair{"{id}", "0badc0de"}, std::pair{"{task}", "1"},
          std::pair{"{file}", "0badc0de"}, std::pair{"{action}", "comment"}, std::pair{"{secret}", "0badc0de"}}) {
      if (auto p = out.find(param); p != std::string::npos) out.replace(p, std::string(param).size(), value);
    }
    return out;
  }

  std::unique_ptr<testing::TestDatabase> t_;
  std::unique_ptr<app::Web> web_;
  http::App handler_;
};

TEST_F(Routes, EveryRouteDeclaresAKnownPermission) {
  const std::set<std::string> known = {"public",
                                       "signed_in",
                                       "units.read",
                                       "units.manage",
                                       "users.manage",
                                       "audit.read",
                                       "indicators.read",
                                       "indicators.import",
                                       "indicators.manage",
                                       "indicators.push",
                                       "indicators.targets",
                                       "settings.manage",
                                       "plans.read",
                                       "plans.manage",
                                       "plans.report",
                                       "plans.review",
                                       "assessments.read",
                                       "assessments.self",
                                       "assessments.submit",
                                       "assessments.appraise",
                                       "assessments.manage",
                                       "portal.write",
                                       "portal.review",
                                       "portal.report",
                                       "documents.read",
                                       "feedback.handle",
                                       "feedback.manage",
                                       "feedback.report",
                                       "inspections.read",
                                       "inspections.manage",
                                       "inspections.fix"};
  ASSERT_GE(web_->router().routes().size(), 10u);
  for (const auto& r : web_->router().routes()) {
    SCOPED_TRACE(r.pattern);
    EXPECT_TRUE(known.count(r.permission)) << r.permission;
    if (r.permission != "public") {
      bool someone = false;
      for (const auto& role : directory::kRoles) someone = someone || directory::role_has(role, r.permission);
      someone = someone || directory::role_has(directory::kApiClientRole, r.permission);
      EXPECT_TRUE(someone) << "no role holds " << r.permission;
    }
  }
}

TEST_F(Routes, EveryApiRouteIsInTheOpenApiFile) {
  std::ifstream in(testing::source_dir() + "/docs/api/openapi.yaml");
  std::string spec((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(spec.empty());
  int checked = 0;
  for (const auto& r : web_->router().routes()) {
    if (!r.pattern.starts_with("/api/")) continue;
    SCOPED_TRACE(r.pattern);
    auto at = spec.find("\n  " + r.pattern + ":\n");
    ASSERT_NE(at, std::string::npos);
    std::string method(http::to_string(r.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    auto next = spec.find("\n  /", at + 1);
    EXPECT_NE(spec.substr(at, next - at).find("\n    " + method + ":"), std::string::npos) << method;
    ++checked;
  }
  EXPECT_GE(checked, 7);
}

TEST_F(Routes, AnonymousVisitorsReachOnlyPublicRoutes) {
  for (const auto& r : web_->router().routes()) {
    if (r.permission == http::kPublic || http::is_state_changing(r.method)) continue;
    SCOPED_TRACE(r.pattern);
    auto res = call(r.method, concrete(r.pattern));
    if (r.pattern.starts_with("/api/")) {  // the API answers 401, pages send to sign-in
      EXPECT_EQ(res.result_int(), 401);
      continue;
    }
    EXPECT_EQ(res.result_int(), 303);
    EXPECT_EQ(std::string(res[http::field::location]).rfind("/dang-nhap?tiep=", 0), 0u);
  }
}

TEST_F(Routes, EveryStateChangingRouteNeedsTheCsrfToken) {
  std::string admin = sign_in("demo.admin", "demo-admin-dongnai");
  int checked = 0;
  for (const auto& r : web_->router().routes()) {
    if (!http::is_state_changing(r.method)) continue;
    SCOPED_TRACE(r.pattern);
    // Open311's POST reads no session: a signed-in browser's cookie gets it
    // nothing without the api_key no other site knows.
    auto target = r.pattern.starts_with("/open311/") ? "/open311/v2/requests.json" : concrete(r.pattern);
    auto without = call(r.method, target, admin, "x=1");
    EXPECT_EQ(without.result_int(), 403);
    auto wrong = call(r.method, target, admin, "_csrf=" + std::string(43, 'A'));
    EXPECT_EQ(wrong.result_int(), 403);
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST_F(Routes, RolesSeeOnlyTheirScope) {
  struct Case {
    const char* user;
    const char* password;
    const char* target;
    int status;
  } cases[] = {
      {"demo.canbo", "demo-unit_officer-dongnai", "/don-vi/P-TRANGDAI", 200},
      {"demo.canbo", "demo-unit_officer-dongnai", "/don-vi/P-TAMHIEP", 403},
      {"demo.canbo", "demo-unit_officer-dongnai", "/don-vi/DNI", 403},
      {"demo.canbo", "demo-unit_officer-dongnai", "/nguoi-dung", 403},
      {"demo.canbo", "demo-unit_officer-dongnai", "/nhat-ky", 403},
      {"demo.canbo", "demo-unit_officer-dongnai", "/don-vi", 200},
      {"demo.theodoi", "demo-viewer-dongnai", "/don-vi/P-TAMHIEP", 200},
      {"demo.theodoi", "demo-viewer-dongnai", "/nguoi-dung", 403},
      {"demo.admin", "demo-admin-dongnai", "/nguoi-dung", 200},
      {"demo.admin", "demo-admin-dongnai", "/nhat-ky", 200},
      {"demo.admin", "demo-admin-dongnai", "/don-vi/KHONG-CO", 404},
  };
  std::map<std::string, std::string> cookies;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.user) + " " + c.target);
    if (!cookies.count(c.user)) cookies[c.user] = sign_in(c.user, c.password);
    auto res = call(http::Verb::get, c.target, cookies[c.user]);
    EXPECT_EQ(res.result_int(), c.status);
    if (c.status == 403) {
      EXPECT_NE(res.body().find("Không có quyền truy cập"), std::string::npos);
    }
  }
  // A scoped user's tree shows only their subtree.
  auto tree = call(http::Verb::get, "/don-vi", cookies["demo.canbo"]);
  EXPECT_NE(tree.body().find("Phường Trảng Dài"), std::string::npos);
  EXPECT_EQ(tree.body().find("Phường Tam Hiệp"), std::string::npos);
  // Denials are in the audit log.
  EXPECT_FALSE(audit::list(*t_->db, {.actor = "demo.canbo", .action = "deny"}).empty());
}

TEST_F(Routes, SearchWorksWithOrWithoutDiacritics) {
  std::string admin = sign_in("demo.admin", "demo-admin-dongnai");
  for (const char* q : {"tr%E1%BA%A3ng+d%C3%A0i", "trang+dai", "TRANG%20DAI"}) {
    SCOPED_TRACE(q);
    auto res = call(http::Verb::get, std::string("/don-vi?q=") + q + "&ngay=01/01/2024", admin);
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_NE(res.body().find("/don-vi/TRANGDAI\""), std::string::npos);
  }
}

}  // namespace
}  // namespace cchc
