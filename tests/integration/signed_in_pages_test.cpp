// Signed-in pages kept per session (http/page_cache.h, docs/ARCHITECTURE.md
// "Signed-in pages") on the demo province: the work list, the indicator
// dashboards, plans, a plan and the province view are served again from
// the kept buffer, private and never stored by a browser; a unit's
// indicator page, which shows the minute, is not kept; two users and two
// sessions of one user each get their own page and form token; every kind
// of write (a plan edit, a report, a notification read, a display
// preference) shows on the next request; a session signed out never
// reaches its kept pages. In-process on the app (the buffers can be
// compared), then through the real server.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "app/demo.h"
#include "app/web.h"
#include "audit/audit.h"
#include "db/migrate.h"
#include "plans/store.h"
#include "support/app_request.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/paths.h"
#include "support/test_db.h"

namespace cchc {
namespace {

class SignedInPagesApp : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
    std::string why;
    t_ = testing::make_test_db("sqlite", why);
    ASSERT_TRUE(t_) << why;
    db::migrate(*t_->db);
    app::load_demo(*t_->db);
    app::load_demo_plan(*t_->db, now_seconds());
    web_ = std::make_unique<app::Web>(
        *t_->db, app::WebConfig{testing::source_dir() + "/templates", testing::source_dir() + "/static", false});
    handler_ = web_->app();
  }

  http::Response call(http::Verb method, const std::string& target, const std::string& cookie,
                      const std::string& body = {}) {
    auto req = testing::app_request(method, target, cookie, body);
    return handler_(req);
  }
  http::Response page(const std::string& target, const std::string& cookie) {
    return call(http::Verb::get, target, cookie);
  }

  static std::string csrf_in(const std::string& body) {
    auto at = body.find("name=\"_csrf\" value=\"");
    if (at == std::string::npos) return "";
    at += 20;
    return body.substr(at, body.find('"', at) - at);
  }

  // Signs in through the pages; returns the session cookie.
  std::string sign_in(const std::string& username, const std::string& password) {
    auto form = page("/dang-nhap", "");
    std::string cookie = std::string(form[http::field::set_cookie]);
    cookie = cookie.substr(0, cookie.find(';'));
    auto res = call(http::Verb::post, "/dang-nhap", cookie,
                    "_csrf=" + csrf_in(form.body()) + "&username=" + username + "&password=" + password);
    EXPECT_EQ(res.result_int(), 303) << res.body();
    std::string fresh = std::string(res[http::field::set_cookie]);
    return fresh.substr(0, fresh.find(';'));
  }
  std::string admin() { return sign_in("demo.admin", "demo-admin-dongnai"); }

  // The demo's plan of this year.
  plans::Plan this_years_plan() {
    int year = int(local_date(now_seconds()).year());
    auto all = t_->db->read([&](db::Connection& c) { return plans::list_plans(c, year); });
    EXPECT_FALSE(all.empty());
    return all.empty() ? plans::Plan{} : all.front();
  }

  std::unique_ptr<testing::TestDatabase> t_;
  std::unique_ptr<app::Web> web_;
  http::App handler_;
};

const audit::Entry kSignedInPagesWho{"test", "127.0.0.1", "", "", "", std::nullopt, std::nullopt};

TEST_F(SignedInPagesApp, TheDashboardsPlansAndWorkListAreKeptAndPrivate) {
  auto cookie = admin();
  auto plan = this_years_plan();
  struct Row {
    std::string target;
    bool kept;
  };
  const Row rows[] = {
      {"/viec-cua-toi", true},
      {"/chi-so", true},
      {"/chi-so/xep-hang", true},
      {"/chi-so/766/DNI", true},
      {"/ke-hoach", true},
      {"/ke-hoach/tong-hop", true},
      {"/ke-hoach/" + std::to_string(plan.id), true},
      {"/chi-so/don-vi/DNI", false},  // overdue dossiers as of the minute
      {"/doi-mat-khau", false},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.target);
    // Const: the mutable body() would copy a shared body into an owned one.
    const auto first = page(r.target, cookie);
    const auto again = page(r.target, cookie);
    ASSERT_EQ(first.result_int(), 200) << first.body();
    ASSERT_EQ(again.result_int(), 200);
    EXPECT_EQ(again.body(), first.body());
    if (!r.kept) {
      EXPECT_EQ(again.shared_body(), nullptr);
      continue;
    }
    ASSERT_NE(again.shared_body(), nullptr);
    EXPECT_EQ(again.shared_body(), first.shared_body());  // the one kept buffer
    EXPECT_EQ(again[http::field::cache_control], "private, no-store");
    EXPECT_FALSE(again[http::field::etag].empty());
    EXPECT_FALSE(again.headers().contains(http::field::set_cookie));
  }
}

TEST_F(SignedInPagesApp, TwoUsersAndTwoSessionsNeverShareAPage) {
  auto boss = admin();
  auto clerk = sign_in("demo.canbo", "demo-unit_officer-dongnai");
  auto boss_again = admin();  // a second session of the same user
  ASSERT_NE(boss, boss_again);
  for (const char* target : {"/viec-cua-toi", "/ke-hoach", "/chi-so"}) {
    SCOPED_TRACE(target);
    std::set<std::string> tokens;
    std::set<const std::string*> buffers;
    for (int round = 0; round < 2; ++round) {
      for (const auto* cookie : {&boss, &clerk, &boss_again}) {
        const auto res = page(target, *cookie);
        ASSERT_EQ(res.result_int(), 200);
        tokens.insert(csrf_in(res.body()));
        buffers.insert(res.shared_body().get());
      }
    }
    EXPECT_EQ(tokens.size(), 3u);   // each session its own form token
    EXPECT_EQ(buffers.size(), 3u);  // each its own page, kept
    EXPECT_EQ(tokens.count(""), 0u);
  }
  // Each sees themselves.
  EXPECT_EQ(page("/viec-cua-toi", clerk).body().find("demo.admin"), std::string::npos);
  // A form posted with one session's token from the kept page is accepted.
  auto kept = page("/viec-cua-toi", clerk);
  auto saved = call(http::Verb::post, "/tuy-chon-hien-thi", clerk,
                    "_csrf=" + csrf_in(kept.body()) + "&text_size=normal&contrast=normal");
  EXPECT_EQ(saved.result_int(), 303);
}

TEST_F(SignedInPagesApp, EveryKindOfWriteShowsOnTheNextRequest) {
  auto cookie = admin();
  auto plan = this_years_plan();
  auto csrf = csrf_in(page("/viec-cua-toi", cookie).body());
  ASSERT_FALSE(csrf.empty());
  struct Row {
    const char* write;
    std::string target;
    std::function<void()> make;
    std::string shown;  // on the page after it; "" when only rendered anew
  };
  const Row rows[] = {
      {"a plan edit", "/ke-hoach",
       [&] {
         auto p = plan;
         p.title += " (đã sửa)";
         plans::update_plan(*t_->db, p, kSignedInPagesWho, now_seconds());
       },
       "(đã sửa)"},
      {"a task report", "/ke-hoach/tong-hop",
       [&] {
         t_->db->write([&](db::Connection& c) {
           for (const auto& task : plans::plan_tasks(c, plan.id)) {
             if (task.leads.empty() || task.cancelled_reason) continue;
             plans::Report r;
             r.task_id = task.id;
             r.unit_code = task.leads.front();
             r.period = std::to_string(plan.year) + "-q1";
             r.progress = "done";
             r.percent = 100;
             r.done_on = local_date(now_seconds());
             r.narrative = "Đã hoàn thành.";
             r.reported_by = "demo.admin";
             plans::submit_report(c, r, kSignedInPagesWho, now_seconds(), nullptr);
             return;
           }
           FAIL() << "no task to report on";
         });
       },
       ""},
      {"a notification read", "/viec-cua-toi",
       [&] {
         t_->db->write([&](db::Connection& c) {
           c.query(
               "INSERT INTO notifications (user_id, kind, unit_code, event, message, href, created_at) "
               "SELECT id, 'test', (SELECT MIN(code) FROM units), 'signed-in-pages', 'Thử', '/', 0 FROM users "
               "WHERE username = ?",
               {std::string("demo.admin")});
         });
         EXPECT_EQ(call(http::Verb::post, "/thong-bao/da-doc", cookie, "_csrf=" + csrf).result_int(), 303);
       },
       ""},
      {"a display preference", "/chi-so",
       [&] {
         EXPECT_EQ(
             call(http::Verb::post, "/tuy-chon-hien-thi", cookie, "_csrf=" + csrf + "&text_size=large&contrast=normal")
                 .result_int(),
             303);
       },
       "text-large"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.write);
    auto before = page(r.target, cookie);
    ASSERT_EQ(page(r.target, cookie).shared_body(), before.shared_body());  // kept
    r.make();
    auto after = page(r.target, cookie);
    ASSERT_EQ(after.result_int(), 200);
    EXPECT_NE(after.shared_body(), before.shared_body());  // rendered anew
    if (!r.shown.empty()) {
      EXPECT_EQ(before.body().find(r.shown), std::string::npos);
      EXPECT_NE(after.body().find(r.shown), std::string::npos);
    }
  }
}

TEST_F(SignedInPagesApp, ASessionSignedOutNeverReachesItsKeptPages) {
  auto cookie = sign_in("demo.canbo", "demo-unit_officer-dongnai");
  auto kept = page("/viec-cua-toi", cookie);
  ASSERT_EQ(page("/viec-cua-toi", cookie).shared_body(), kept.shared_body());
  EXPECT_EQ(call(http::Verb::post, "/dang-xuat", cookie, "_csrf=" + csrf_in(kept.body())).result_int(), 303);
  for (const char* target : {"/viec-cua-toi", "/ke-hoach", "/chi-so"}) {
    SCOPED_TRACE(target);
    auto res = page(target, cookie);
    EXPECT_EQ(res.result_int(), 303);
    EXPECT_EQ(std::string(res[http::field::location]).rfind("/dang-nhap?tiep=", 0), 0u);
  }
}

// Through the real server: the kept page's ETag and Cache-Control, and the
// old cookie after signing out.
TEST(SignedInPagesServed, KeptPagesArePrivateAndEndWithTheSession) {
  testing::DemoServer demo(testing::DemoRecords::without);
  testing::Browser clerk{demo.port()};
  ASSERT_EQ(clerk.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  testing::Browser other{demo.port()};
  ASSERT_EQ(other.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto first = clerk.get("/viec-cua-toi");
  auto again = clerk.get("/viec-cua-toi");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("cache-control"), "private, no-store");
  EXPECT_FALSE(again.header("etag").empty());
  EXPECT_EQ(again.header("etag"), first.header("etag"));
  // Another session of the same user: its own page and form token.
  auto theirs = other.get("/viec-cua-toi");
  EXPECT_NE(theirs.header("etag"), first.header("etag"));
  EXPECT_NE(other.csrf, clerk.csrf);
  // Signed out, the old cookie is sent to sign in.
  auto old_cookie = clerk.cookie;
  EXPECT_EQ(clerk.post("/dang-xuat", "x=1").status, 303);
  auto after = testing::http_request(demo.port(), "GET", "/viec-cua-toi", {{"Cookie", old_cookie}});
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("location").rfind("/dang-nhap?tiep=", 0), 0u);
  EXPECT_EQ(after.body.find(first.body), std::string::npos);
}

}  // namespace
}  // namespace cchc
