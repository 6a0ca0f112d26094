// Integration tests against the real `cchc serve` binary on a free port.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include <boost/asio.hpp>
#include <nlohmann/json.hpp>

#include "db/database.h"
#include "directory/accounts.h"
#include "directory/signin.h"
#include "http/compression.h"
#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace cchc {
namespace {

using testing::http_request;
using testing::raw_exchange;
using testing::run_cchc;
using testing::ServerProcess;

// A bad setting in the environment stops only the command that reads it:
// `serve` refuses it with exit 2; every other command runs.
TEST(Cli, ABadSettingStopsOnlyTheCommandThatReadsIt) {
  struct Case {
    const char* bits;
    std::vector<std::string> args;
    int exit_code;
  } cases[] = {
      {"lots", {"--version"}, 0},
      {"99", {"deadline", "parse", "Quý IV/2026"}, 0},
      {"lots", {"serve", "--db", ":memory:", "--port", "0"}, 2},
      {"25", {"serve", "--db", ":memory:", "--port", "0"}, 2},
      {"-1", {"serve", "--db", ":memory:", "--port", "0"}, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bits + std::string(" ") + c.args[0]);
    ::setenv("CCHC_FEEDBACK_POW_BITS", c.bits, 1);
    std::string out;
    int code = run_cchc(c.args, out);
    ::unsetenv("CCHC_FEEDBACK_POW_BITS");
    EXPECT_EQ(code, c.exit_code) << out;
  }
}

class Served : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::with, {"--max-body-bytes", "65536"});
    dir_ = demo_->dir();
    db_ = demo_->db();
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return server_->port(); }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

TEST_F(Served, HomePageSpeaksVietnamese) {
  auto r = http_request(port(), "GET", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(r.body.find("Tỉnh Đồng Nai"), std::string::npos);
  EXPECT_NE(r.body.find("Trang chủ"), std::string::npos);
  EXPECT_NE(r.body.find("Ngày nghỉ lễ và ngày làm bù sắp tới"), std::string::npos);
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("set-cookie"), "");  // a plain visit creates no session
}

TEST_F(Served, ClientRequestIdIsKeptWhenSane) {
  EXPECT_EQ(http_request(port(), "GET", "/", {{"X-Request-Id", "abc-123"}}).header("x-request-id"), "abc-123");
  EXPECT_NE(http_request(port(), "GET", "/", {{"X-Request-Id", "bad id<script>"}}).header("x-request-id"),
            "bad id<script>");
}

TEST_F(Served, UnknownPagesGetTheVietnamese404) {
  auto r = http_request(port(), "GET", "/khong-co-trang-nay");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Không tìm thấy trang"), std::string::npos);
  EXPECT_NE(r.body.find("<html lang=\"vi\">"), std::string::npos);
  auto api = http_request(port(), "GET", "/api/v1/khong-co");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  auto body = nlohmann::json::parse(api.body);
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["request_id"], api.header("x-request-id"));
}

TEST_F(Served, WrongMethodIs405WithAllow) {
  auto r = http_request(port(), "DELETE", "/");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  EXPECT_NE(r.body.find("Thao tác không được hỗ trợ"), std::string::npos);
}

TEST_F(Served, OversizeHeaderIs431) {
  std::string raw = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ";
  raw.append(20000, 'a').append("\r\n\r\n");
  auto out = raw_exchange(port(), raw);
  EXPECT_EQ(out.substr(0, 12), "HTTP/1.1 431") << out.substr(0, 200);
  EXPECT_NE(out.find("Phần đầu yêu cầu quá lớn"), std::string::npos);
}

TEST_F(Served, OversizeBodyIs413BeforeTheBodyIsRead) {
  // Declares 10 MB but sends none of it: the answer must not wait for it.
  std::string raw =
      "POST /tuy-chon-hien-thi HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n";
  auto out = raw_exchange(port(), raw, 3000);
  EXPECT_EQ(out.substr(0, 12), "HTTP/1.1 413") << out.substr(0, 200);
  // A chunked body growing past the limit (64 KiB here) is refused too.
  std::string chunked = "POST /tuy-chon-hien-thi HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "1000\r\n" + std::string(4096, 'x') + "\r\n";
  chunked += "0\r\n\r\n";
  out = raw_exchange(port(), chunked, 3000);
  EXPECT_EQ(out.substr(0, 12), "HTTP/1.1 413") << out.substr(0, 200);
}

TEST_F(Served, GarbageIs400) {
  for (std::string raw : {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n",
                          "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"}) {
    SCOPED_TRACE(raw);
    auto out = raw_exchange(port(), raw);
    EXPECT_EQ(out.substr(0, 12), "HTTP/1.1 400") << out.substr(0, 200);
  }
}

TEST_F(Served, KeepAliveServesPipelinedRequests) {
  std::string one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  auto out = raw_exchange(port(), one + one + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t count = 0;
  for (size_t p = out.find("HTTP/1.1 200"); p != std::string::npos; p = out.find("HTTP/1.1 200", p + 1)) ++count;
  EXPECT_EQ(count, 3u);
}

TEST_F(Served, HealthAndMetrics) {
  auto h = http_request(port(), "GET", "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(nlohmann::json::parse(h.body)["database"], "ok");
  http_request(port(), "GET", "/");
  http_request(port(), "GET", "/khong-co");
  auto m = http_request(port(), "GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.header("content-type").rfind("text/plain; version=0.0.4", 0), 0u);
  EXPECT_NE(m.body.find("cchc_http_requests_total{route=\"/\",method=\"GET\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(m.body.find("route=\"unmatched\",method=\"GET\",status=\"404\""), std::string::npos);
  EXPECT_NE(m.body.find("cchc_http_request_duration_seconds_bucket{le=\"+Inf\"}"), std::string::npos);
  // At least this request's own connection (earlier ones may still be closing).
  std::smatch open;
  ASSERT_TRUE(std::regex_search(m.body, open, std::regex(R"(\ncchc_http_open_connections (\d+)\n)")));
  EXPECT_GE(std::stoi(open[1]), 1);
}

TEST_F(Served, StaticFilesAreCachedAndRevalidated) {
  auto r = http_request(port(), "GET", "/static/css/cchc.css");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=3600");
  std::string etag = r.header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = http_request(port(), "GET", "/static/css/cchc.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  auto stale = http_request(port(), "GET", "/static/css/cchc.css", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(stale.status, 200);
  for (const char* bad : {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/.hidden",
                          "/static/css/none.css", "/static/css"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(http_request(port(), "GET", bad).status, 404);
  }
}

TEST_F(Served, TextIsGzippedWhenAccepted) {
  auto r = http_request(port(), "GET", "/", {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_EQ(r.header("content-encoding"), "gzip");
  EXPECT_NE(http::gunzip(r.body).find("Trang chủ"), std::string::npos);
  auto css = http_request(port(), "GET", "/static/css/cchc.css", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(css.header("content-encoding"), "gzip");
  EXPECT_NE(http::gunzip(css.body).find(".skip-link"), std::string::npos);
  auto plain = http_request(port(), "GET", "/", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(plain.header("content-encoding"), "");
}

TEST_F(Served, HeadHasNoBody) {
  auto get = http_request(port(), "GET", "/static/css/cchc.css");
  auto head = http_request(port(), "HEAD", "/static/css/cchc.css");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

TEST_F(Served, ApiMapsErrorsToProblemJson) {
  auto ok = http_request(port(), "GET", "/api/v1/periods/2024-H1");
  EXPECT_EQ(ok.status, 200);
  auto p = nlohmann::json::parse(ok.body);
  EXPECT_EQ(p["label_vi"], "6 tháng đầu năm 2024");
  EXPECT_EQ(p["ends_at"], "2024-07-01T00:00:00+07:00");
  auto bad = http_request(port(), "GET", "/api/v1/periods/2024-Q9");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_NE(nlohmann::json::parse(bad.body)["detail"].get<std::string>().find("2024-Q9"), std::string::npos);
  auto wd = http_request(port(), "GET", "/api/v1/calendar/working-days?from=2024-02-07&add=1");
  EXPECT_EQ(nlohmann::json::parse(wd.body)["date"], "2024-02-15");
  auto between = http_request(port(), "GET", "/api/v1/calendar/working-days?from=2024-02-07&to=2024-02-16");
  EXPECT_EQ(nlohmann::json::parse(between.body)["working_days"], 2);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/calendar/working-days?from=2030-01-01&add=1").status, 400);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/calendar/working-days?from=2024-01-01&add=x").status, 400);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/calendar/working-days?add=1").status, 400);
}

TEST_F(Served, StateChangesNeedTheCsrfToken) {
  auto form = "text_size=large&contrast=high";
  std::vector<std::pair<std::string, std::string>> type = {{"Content-Type", "application/x-www-form-urlencoded"}};
  auto no_session = http_request(port(), "POST", "/tuy-chon-hien-thi", type, form);
  EXPECT_EQ(no_session.status, 403);
  EXPECT_NE(no_session.body.find("Phiên làm việc đã hết hạn"), std::string::npos);

  // A visitor without a session gets a signed form token, the same in the
  // form and in a cookie, and no session.
  auto page = http_request(port(), "GET", "/tuy-chon-hien-thi");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(testing::cookie_from(page, "cchc_session"), "");
  std::string cookie = testing::cookie_from(page, "cchc_form");
  std::string token = testing::form_value(page.body, "_csrf");
  ASSERT_FALSE(cookie.empty());
  ASSERT_EQ(token.size(), 108u);
  EXPECT_EQ(cookie, "cchc_form=" + token);
  EXPECT_NE(page.header("set-cookie").find("HttpOnly"), std::string::npos);

  auto with_cookie = type;
  with_cookie.push_back({"Cookie", cookie});
  EXPECT_EQ(http_request(port(), "POST", "/tuy-chon-hien-thi", with_cookie, form).status, 403);
  EXPECT_EQ(http_request(port(), "POST", "/tuy-chon-hien-thi", with_cookie,
                         std::string(form) + "&_csrf=" + std::string(108, 'x'))
                .status,
            403);
  // A token of the right shape but not signed by the site, sent in both
  // places, is refused too.
  std::string forged = token.substr(0, 44) + std::string(64, '0');
  EXPECT_EQ(http_request(port(), "POST", "/tuy-chon-hien-thi",
                         {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "cchc_form=" + forged}},
                         std::string(form) + "&_csrf=" + forged)
                .status,
            403);
  auto cross = with_cookie;
  cross.push_back({"Sec-Fetch-Site", "cross-site"});
  EXPECT_EQ(http_request(port(), "POST", "/tuy-chon-hien-thi", cross, std::string(form) + "&_csrf=" + token).status,
            403);
  auto other_origin = with_cookie;
  other_origin.push_back({"Origin", "https://evil.example"});
  EXPECT_EQ(
      http_request(port(), "POST", "/tuy-chon-hien-thi", other_origin, std::string(form) + "&_csrf=" + token).status,
      403);

  // The choice itself starts a session, which keeps it.
  auto ok = http_request(port(), "POST", "/tuy-chon-hien-thi", with_cookie, std::string(form) + "&_csrf=" + token);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), "/tuy-chon-hien-thi?da-luu=1");
  cookie = testing::cookie_from(ok, "cchc_session");
  ASSERT_FALSE(cookie.empty());
  with_cookie = type;
  with_cookie.push_back({"Cookie", cookie});
  auto after = http_request(port(), "GET", "/tuy-chon-hien-thi?da-luu=1", {{"Cookie", cookie}});
  token = testing::form_value(after.body, "_csrf");
  EXPECT_EQ(token.size(), 43u);  // the session's own token now
  EXPECT_NE(after.body.find("Đã lưu tùy chọn hiển thị"), std::string::npos);
  EXPECT_NE(after.body.find("class=\" text-large contrast-high\""), std::string::npos);
  EXPECT_NE(after.body.find("value=\"large\" checked"), std::string::npos);

  auto invalid =
      http_request(port(), "POST", "/tuy-chon-hien-thi", with_cookie, "text_size=huge&contrast=high&_csrf=" + token);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_NE(invalid.body.find("Tùy chọn không hợp lệ"), std::string::npos);
}

TEST(ServerLifecycle, SigtermEndsTheServerCleanly) {
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  ServerProcess server(t->spec);
  // An idle keep-alive connection must not hold the shutdown up.
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket idle(ioc);
  idle.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
  std::chrono::milliseconds took{};
  EXPECT_EQ(server.stop(SIGTERM, std::chrono::seconds(5), &took), 0) << server.log();
  EXPECT_LT(took.count(), 5000);
  EXPECT_NE(server.log().find("cchc stopped"), std::string::npos);
}

TEST(ServerLifecycle, SigintToo) {
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  ServerProcess server(t->spec);
  EXPECT_EQ(server.stop(SIGINT, std::chrono::seconds(5)), 0) << server.log();
}

// Two cchc processes on one PostgreSQL serve the same users: a session made
// on one is known to the other.
TEST(TwoProcesses, ShareSessionsThroughPostgres) {
  CCHC_TEST_DB(t, "postgres");
  std::string out;
  ASSERT_EQ(run_cchc({"demo", "--db", t->spec}, out), 0) << out;
  ServerProcess a(t->spec), b(t->spec);
  // The form token one process signs, the other accepts (one secret, in
  // the database); the session the post starts, both know.
  auto page = http_request(a.port(), "GET", "/tuy-chon-hien-thi");
  std::string form_cookie = testing::cookie_from(page, "cchc_form");
  std::string token = testing::form_value(page.body, "_csrf");
  auto posted = http_request(b.port(), "POST", "/tuy-chon-hien-thi",
                             {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", form_cookie}},
                             "text_size=large&contrast=normal&_csrf=" + token);
  EXPECT_EQ(posted.status, 303) << posted.body;
  std::string cookie = testing::cookie_from(posted, "cchc_session");
  auto seen = http_request(a.port(), "GET", "/tuy-chon-hien-thi", {{"Cookie", cookie}});
  EXPECT_NE(seen.body.find("value=\"large\" checked"), std::string::npos);
  EXPECT_NE(http_request(a.port(), "GET", "/").body.find("Tỉnh Đồng Nai"), std::string::npos);
  EXPECT_NE(http_request(b.port(), "GET", "/").body.find("Tỉnh Đồng Nai"), std::string::npos);
}

// A publication through one process renews the portal pages the other has
// cached: the other reads the portal's data stamp on every request.
TEST(TwoProcesses, APublicationOnOneRenewsTheOthersCachedPages) {
  CCHC_TEST_DB(t, "postgres");
  std::string out;
  ASSERT_EQ(run_cchc({"demo", "--db", t->spec, "--no-records"}, out), 0) << out;
  auto waiting = t->db->read([](db::Connection& c) {
    return c.query("SELECT id FROM portal_items WHERE state = 'submitted' ORDER BY id LIMIT 1").one().i64("id");
  });
  ServerProcess a(t->spec), b(t->spec);
  auto first = http_request(b.port(), "GET", "/cong-thong-tin");
  auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  ASSERT_EQ(http_request(b.port(), "GET", "/cong-thong-tin", {{"If-None-Match", etag}}).status, 304);

  testing::Browser board{a.port()};
  ASSERT_EQ(board.sign_in("demo.banbientap", "demo-editorial_board-dongnai"), 303);
  board.get("/bien-tap/" + std::to_string(waiting));
  ASSERT_EQ(board.post("/bien-tap/" + std::to_string(waiting) + "/duyet", "ngay_dang=").status, 303);
  EXPECT_EQ(http_request(b.port(), "GET", "/cong-thong-tin", {{"If-None-Match", etag}}).status, 200);
}

TEST(Cli, VerbsAndErrors) {
  std::string out;
  EXPECT_EQ(run_cchc({"--version"}, out), 0);
  EXPECT_EQ(out.rfind("cchc ", 0), 0u);
  EXPECT_EQ(run_cchc({}, out), 2);
  EXPECT_EQ(run_cchc({"frobnicate"}, out), 2);
  for (const char* verb : {"serve", "migrate", "demo", "backup"}) {
    EXPECT_EQ(run_cchc({verb, "--help"}, out), 0) << verb;
    EXPECT_NE(out.find("--db"), std::string::npos) << verb;
  }
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  EXPECT_EQ(run_cchc({"migrate", "--db", t->spec}, out), 0);
  EXPECT_NE(out.find("schema version"), std::string::npos);
  EXPECT_EQ(run_cchc({"demo", "--db", t->spec}, out), 0);
  EXPECT_EQ(run_cchc({"demo", "--db", t->spec}, out), 0);  // idempotent
  std::string copy = t->sqlite_dir + "/copy.db";
  EXPECT_EQ(run_cchc({"backup", "--db", t->spec, "--out", copy}, out), 0) << out;
  EXPECT_TRUE(std::filesystem::exists(copy));
  EXPECT_EQ(run_cchc({"backup", "--db", t->spec, "--out", copy}, out), 2);  // refuses to overwrite
  EXPECT_NE(out.find("already exists"), std::string::npos);
  EXPECT_EQ(run_cchc({"backup", "--db", "postgresql://x@127.0.0.1:1/y", "--out", copy}, out), 2);
  EXPECT_NE(out.find("pg_dump"), std::string::npos);
  EXPECT_EQ(run_cchc({"serve", "--db", "postgresql://nobody@127.0.0.1:1/none", "--port", "0"}, out), 1);
  EXPECT_NE(out.find("cannot connect to PostgreSQL"), std::string::npos);
}

TEST(Cli, UnitsImportExportAndAuditVerify) {
  std::string why, out;
  auto t = testing::make_test_db("sqlite", why);
  ASSERT_EQ(run_cchc({"demo", "--db", t->spec}, out), 0) << out;
  ASSERT_EQ(run_cchc({"units", "export", "--db", t->spec}, out), 0) << out;
  auto lines = std::count(out.begin(), out.end(), '\n');
  EXPECT_GE(lines, 61);  // header + at least 60 units
  EXPECT_NE(out.find("DNI,Tỉnh Đồng Nai,province,,"), std::string::npos);
  ASSERT_EQ(run_cchc({"units", "export", "--db", t->spec, "--as-of", "2025-07-01"}, out), 0);
  EXPECT_EQ(out.find("\nBIENHOA,"), std::string::npos);  // districts closed on 30/06/2025
  EXPECT_NE(out.find("\nP-BIENHOA,"), std::string::npos);

  std::string bad = t->sqlite_dir + "/cycle.csv";
  std::ofstream(bad) << "code,name,level,parent_code,valid_from,valid_to\n"
                        "NEW,Xã mới,commune,DNI,2025-07-01,\n"
                        "A,Đơn vị A,district,B,2020-01-01,\n"
                        "B,Đơn vị B,district,A,2020-01-01,\n"
                        "C,Đơn vị C,hamlet,DNI,2020-01-01,\n";
  std::string before;
  run_cchc({"units", "export", "--db", t->spec}, before);
  EXPECT_EQ(run_cchc({"units", "import", "--db", t->spec, bad}, out), 2);
  EXPECT_NE(out.find("nothing was written"), std::string::npos) << out;
  EXPECT_NE(out.find("line 3:"), std::string::npos);
  EXPECT_NE(out.find("line 4:"), std::string::npos);
  EXPECT_NE(out.find("line 5: unknown level 'hamlet'"), std::string::npos);
  EXPECT_EQ(out.find("line 2:"), std::string::npos) << out;
  std::string after;
  run_cchc({"units", "export", "--db", t->spec}, after);
  EXPECT_EQ(after, before);

  // Divisions (issue 36): a level like any other, under a department or a
  // commune; exported as imported.
  std::string divisions = t->sqlite_dir + "/divisions.csv";
  std::ofstream(divisions) << "code,name,level,parent_code,valid_from,valid_to\n"
                              "STP-VP,Văn phòng Sở,division,STP,2024-01-01,\n"
                              "STP-KSTT,Phòng Kiểm soát thủ tục hành chính,division,STP,2024-01-01,\n"
                              "P-TRANGDAI-VHXH,Phòng Văn hóa – Xã hội,division,P-TRANGDAI,2025-07-01,\n";
  ASSERT_EQ(run_cchc({"units", "import", "--db", t->spec, divisions}, out), 0) << out;
  EXPECT_NE(out.find("3 inserted"), std::string::npos) << out;
  ASSERT_EQ(run_cchc({"units", "export", "--db", t->spec}, out), 0);
  EXPECT_NE(out.find("\nSTP-KSTT,Phòng Kiểm soát thủ tục hành chính,division,STP,2024-01-01,"), std::string::npos);
  EXPECT_NE(out.find("\nP-TRANGDAI-VHXH,Phòng Văn hóa – Xã hội,division,P-TRANGDAI,"), std::string::npos);

  ASSERT_EQ(run_cchc({"audit", "verify", "--db", t->spec}, out), 0) << out;
  EXPECT_NE(out.find("audit log intact"), std::string::npos);
  {
    auto db = db::open(t->spec);
    db->write([](db::Connection& c) { c.query("UPDATE audit_log SET after_json = '{}' WHERE seq = 7"); });
  }
  EXPECT_EQ(run_cchc({"audit", "verify", "--db", t->spec}, out), 1);
  EXPECT_NE(out.find("entry 7 was changed"), std::string::npos) << out;
}

using testing::Browser;

TEST_F(Served, SixWrongPasswordsGive429) {
  Browser b{port()};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(b.sign_in("demo.thamdinh", "not-the-password"), 401);
  b.get("/dang-nhap");
  auto sixth = b.post("/dang-nhap", "username=demo.thamdinh&password=demo-appraiser-dongnai");
  EXPECT_EQ(sixth.status, 429);
  EXPECT_NE(sixth.body.find("Bạn đã nhập sai quá nhiều lần"), std::string::npos);
  // Unknown user and wrong password read the same.
  Browser other{port()};
  other.get("/dang-nhap");
  auto unknown = other.post("/dang-nhap", "username=khong.co.ai&password=whatever-it-is");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_NE(unknown.body.find("Tên đăng nhập hoặc mật khẩu không đúng."), std::string::npos);
}

TEST_F(Served, SignInRotatesTheSessionAndSignOutEndsThemAll) {
  Browser a{port()};
  a.get("/dang-nhap");
  std::string anonymous = a.cookie;
  ASSERT_FALSE(anonymous.empty());
  auto ok = a.post("/dang-nhap", "username=demo.lanhdao&password=demo-unit_leader-dongnai&tiep=%2Fdon-vi");
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), "/don-vi");
  EXPECT_NE(a.cookie, anonymous);  // a new session id at sign-in
  EXPECT_EQ(a.get("/don-vi").status, 200);
  // The pre-sign-in cookie is dead.
  Browser stale{port(), anonymous};
  EXPECT_EQ(stale.get("/don-vi").status, 303);
  // An open redirect is refused.
  Browser c{port()};
  c.get("/dang-nhap");
  EXPECT_EQ(c.post("/dang-nhap", "username=demo.lanhdao&password=demo-unit_leader-dongnai&tiep=%2F%2Fevil.example")
                .header("location"),
            "/viec-cua-toi");  // an unsafe target falls back to the work list
  // With no target at all, sign-in lands on the work list too.
  Browser d{port()};
  d.get("/dang-nhap");
  EXPECT_EQ(d.post("/dang-nhap", "username=demo.lanhdao&password=demo-unit_leader-dongnai").header("location"),
            "/viec-cua-toi");
  // Signing out in one browser ends the other's session too.
  Browser b{port()};
  ASSERT_EQ(b.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  b.get("/don-vi");
  auto out = b.post("/dang-xuat", "x=1");
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(a.get("/don-vi").status, 303);
  EXPECT_EQ(b.get("/don-vi").status, 303);
}

// The work list of each demo role, on the demo province (docs/plans.md,
// "Demo"): each finds what the demo leaves for it to do, and nothing that
// belongs to another role or unit; overdue work comes first.
TEST_F(Served, EveryDemoRoleLandsOnItsOwnWork) {
  const std::string returned_task = "Báo cáo nhiệm vụ bị trả lại cần sửa", request = "Yêu cầu báo cáo cần trả lời",
                    case_assigned = "Phản ánh, kiến nghị được giao",
                    draft_answer = "Dự thảo trả lời phản ánh chờ duyệt", self = "Tự đánh giá cần hoàn thành và nộp",
                    appraisal = "Thẩm định được giao", desk = "Tin bài chờ Ban biên tập duyệt",
                    item_returned = "Tin bài bị trả lại cần sửa", review = "Báo cáo nhiệm vụ chờ duyệt",
                    request_review = "Báo cáo theo yêu cầu chờ duyệt";
  struct Case {
    const char* username;
    const char* password;
    std::vector<std::string> groups;  // each must be on the list
    std::vector<std::string> never;   // none of these may be
  } cases[] = {
      // The administrator keeps the system: no reform work of its own.
      {"demo.admin", "demo-admin-dongnai", {}, {review, request_review, case_assigned, item_returned, appraisal}},
      {"demo.dieuphoi",
       "demo-coordinator-dongnai",
       {review, request_review},
       {case_assigned, item_returned, appraisal}},
      // The provincial office's coordinator: its divisions' reports on its
      // own plan; the province's requests are not its to review.
      {"demo.dieuphoi.vp", "demo-coordinator-dongnai", {review}, {request_review, case_assigned, appraisal}},
      {"demo.canbo",
       "demo-unit_officer-dongnai",
       {returned_task, request, case_assigned, self},
       {review, request_review, desk, appraisal, draft_answer}},
      {"demo.lanhdao", "demo-unit_leader-dongnai", {returned_task, draft_answer, self}, {case_assigned, review, desk}},
      {"demo.ctvxa", "demo-editor-dongnai", {item_returned}, {desk, review, self, returned_task}},
      {"demo.congtacvien", "demo-editor-dongnai", {}, {item_returned, desk}},  // nothing of its unit is returned
      {"demo.banbientap", "demo-editorial_board-dongnai", {desk}, {item_returned, review, self}},
      {"demo.thamdinh", "demo-appraiser-dongnai", {appraisal}, {self, review, desk}},
      {"demo.theodoi", "demo-viewer-dongnai", {}, {}},
  };
  static const std::regex row(R"(<tr( class="missed")?><th scope="row">.*?</th><td>([^<]+)</td>)");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.username);
    testing::Browser b{port()};
    b.get("/dang-nhap");
    auto signed_in = b.post("/dang-nhap", std::string("username=") + c.username + "&password=" + c.password);
    ASSERT_EQ(signed_in.status, 303);
    EXPECT_EQ(signed_in.header("location"), "/viec-cua-toi");  // where sign-in lands
    auto page = b.get("/viec-cua-toi");
    ASSERT_EQ(page.status, 200);
    std::set<std::string> groups;
    bool seen_on_time = false, overdue_after = false;
    for (std::sregex_iterator it(page.body.begin(), page.body.end(), row), end; it != end; ++it) {
      groups.insert((*it)[2]);
      if ((*it)[1].matched) {
        overdue_after |= seen_on_time;
      } else {
        seen_on_time = true;
      }
    }
    for (const auto& g : c.groups) EXPECT_TRUE(groups.count(g)) << g;
    for (const auto& g : c.never) EXPECT_FALSE(groups.count(g)) << g;
    EXPECT_FALSE(overdue_after);
    EXPECT_EQ(groups.empty(), page.body.find("Hiện không có việc nào cần làm.") != std::string::npos);
    if (std::string(c.username) == "demo.theodoi") {
      EXPECT_TRUE(groups.empty());  // a leader who reads dashboards owes nothing
    }
  }
}

TEST_F(Served, AdminAddsAUserWhoCanSignIn) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  admin.get("/nguoi-dung");
  auto created = admin.post(
      "/nguoi-dung",
      "username=nguyen.van.binh&display_name=Nguy%E1%BB%85n+V%C4%83n+B%C3%ACnh&unit=P-TAMHIEP&role=unit_officer");
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex("class=\"secret\">([A-Za-z0-9]{16})<")));
  std::string password = m[1];
  auto dup = admin.post("/nguoi-dung", "username=nguyen.van.binh&display_name=X&unit=P-TAMHIEP&role=viewer");
  EXPECT_EQ(dup.status, 422);
  EXPECT_NE(dup.body.find("Tên đăng nhập đã có người dùng."), std::string::npos);
  auto weak =
      admin.post("/nguoi-dung", "username=tran.thi.c&display_name=C&unit=P-TAMHIEP&role=viewer&password=123456789012");
  EXPECT_NE(weak.body.find("Mật khẩu này quá phổ biến"), std::string::npos);

  Browser user{port()};
  ASSERT_EQ(user.sign_in("nguyen.van.binh", password), 303);
  EXPECT_EQ(user.get("/don-vi/P-TAMHIEP").status, 200);
  EXPECT_EQ(user.get("/don-vi/P-TRANGDAI").status, 403);
  // Changing the password ends the other sessions, keeps this one.
  Browser second{port()};
  ASSERT_EQ(second.sign_in("nguyen.van.binh", password), 303);
  user.get("/doi-mat-khau");
  auto changed =
      user.post("/doi-mat-khau",
                "current=" + password +
                    "&new=m%E1%BB%99t+c%C3%A2u+m%E1%BB%9Bi+d%C3%A0i&confirm=m%E1%BB%99t+c%C3%A2u+m%E1%BB%9Bi+d%C3%A0i");
  EXPECT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(user.get("/don-vi").status, 200);
  EXPECT_EQ(second.get("/don-vi").status, 303);
}

TEST_F(Served, AdminImportsUnitsWithAPreview) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  admin.get("/quan-tri/don-vi/nhap");
  auto upload = [&](const std::string& filename, const std::string& content) {
    std::string boundary = "----cchcTestBoundary7MA4YWxk";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.csrf +
                       "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"" +
                       filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    auto h = admin.headers();
    h.push_back({"Content-Type", "multipart/form-data; boundary=" + boundary});
    auto r = http_request(port(), "POST", "/quan-tri/don-vi/nhap", h, body);
    admin.take(r);
    return r;
  };
  std::string before = admin.get("/quan-tri/don-vi/xuat?ngay=2024-01-01").body;
  auto bad = upload("vong-lap.csv",
                    "code,name,level,parent_code,valid_from,valid_to\n"
                    "X1,Xã thử 1,commune,X2,2020-01-01,\n"
                    "X2,Xã thử 2,commune,X1,2020-01-01,\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("<td>2</td>"), std::string::npos);
  EXPECT_NE(bad.body.find("<td>3</td>"), std::string::npos);
  EXPECT_NE(bad.body.find("vòng lặp"), std::string::npos);
  EXPECT_EQ(admin.get("/quan-tri/don-vi/xuat?ngay=2024-01-01").body, before);

  auto good = upload("bo-sung.csv",
                     "code,name,level,parent_code,valid_from,valid_to\n"
                     "X-THU,Xã thử nghiệm,commune,DNI,2025-07-01,\n"
                     "SNV,Sở Nội vụ,department,DNI,2020-01-01,\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_NE(good.body.find("1 đơn vị mới, 0 đơn vị thay đổi, 1 đơn vị không đổi"), std::string::npos);
  EXPECT_EQ(admin.get("/don-vi/X-THU").status, 404);  // the preview wrote nothing
  // The checked file waits on the server: the page carries its id, not its content.
  EXPECT_EQ(good.body.find("Xã thử nghiệm"), std::string::npos);
  auto staged = testing::form_value(good.body, "tep_da_kiem_tra");
  ASSERT_EQ(staged.size(), 32u) << good.body;
  auto done = admin.post("/quan-tri/don-vi/nhap/xac-nhan", "tep_da_kiem_tra=" + staged);
  EXPECT_EQ(done.status, 200);
  EXPECT_NE(done.body.find("Đã nhập bo-sung.csv: 1 đơn vị mới"), std::string::npos);
  EXPECT_EQ(admin.get("/don-vi/X-THU").status, 200);
  // Imported once: the same id again is refused, in Vietnamese.
  auto again = admin.post("/quan-tri/don-vi/nhap/xac-nhan", "tep_da_kiem_tra=" + staged);
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("Tệp đã kiểm tra không còn trên máy chủ"), std::string::npos);

  // Editing is checked like an import: a closing date before the opening one is refused.
  admin.get("/don-vi/X-THU/sua");
  auto refused =
      admin.post("/don-vi/X-THU/sua",
                 "name=X&short_name=&level=commune&parent=DNI&valid_from=2025-07-01&valid_to=2025-01-01&successors=");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("ngày kết thúc trước ngày bắt đầu"), std::string::npos);
  auto saved = admin.post("/don-vi/X-THU/sua",
                          "name=X%C3%A3+th%E1%BB%AD+nghi%E1%BB%87m+m%E1%BB%9Bi&short_name=TN&level=commune&parent=DNI&"
                          "valid_from=2025-07-01&valid_to=&successors=");
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_NE(admin.get("/don-vi/X-THU").body.find("Xã thử nghiệm mới"), std::string::npos);

  auto exported = admin.get("/quan-tri/don-vi/xuat?ngay=2025-07-01");
  EXPECT_EQ(exported.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(exported.header("content-disposition").find("don-vi-2025-07-01.csv"), std::string::npos);
  EXPECT_EQ(exported.body.rfind("code,name,level,parent_code,valid_from,valid_to", 0), 0u);
  EXPECT_NE(exported.body.find("X-THU,Xã thử nghiệm mới,commune,DNI,2025-07-01,,,TN"), std::string::npos);
}

TEST(Cli, UserAddAndPasswd) {
  std::string why, out;
  auto t = testing::make_test_db("sqlite", why);
  ASSERT_EQ(run_cchc({"demo", "--db", t->spec}, out), 0);
  EXPECT_NE(out.find("demo.admin"), std::string::npos);
  EXPECT_NE(out.find("demo-admin-dongnai"), std::string::npos);
  ASSERT_EQ(run_cchc({"user", "add", "--db", t->spec, "--username", "Tran.Van.Cuong", "--unit", "P-TAMHIEP", "--role",
                      "unit_officer", "--role", "editor", "--name", "Trần Văn Cường"},
                     out),
            0)
      << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex("password \\(shown once\\): ([A-Za-z0-9]{16})")));
  auto db = db::open(t->spec);
  auto user = directory::find_user(*db, "tran.van.cuong");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->roles, (std::vector<std::string>{"editor", "unit_officer"}));
  EXPECT_EQ(directory::check_sign_in(*db, "tran.van.cuong", m[1].str(), "cli", now_seconds()).outcome,
            directory::SignIn::Outcome::ok);
  EXPECT_EQ(run_cchc({"user", "passwd", "--db", t->spec, "--username", "tran.van.cuong"}, out), 0) << out;
  EXPECT_NE(out.find("password (shown once)"), std::string::npos);
  EXPECT_EQ(directory::check_sign_in(*db, "tran.van.cuong", m[1].str(), "cli", now_seconds()).outcome,
            directory::SignIn::Outcome::bad_credentials);
  EXPECT_EQ(
      run_cchc({"user", "add", "--db", t->spec, "--username", "x.y.z", "--unit", "P-TAMHIEP", "--role", "king"}, out),
      2);
  EXPECT_NE(out.find("unknown role 'king'"), std::string::npos);
  EXPECT_EQ(
      run_cchc({"user", "add", "--db", t->spec, "--username", "x.y.z", "--unit", "TRANGDAI", "--role", "viewer"}, out),
      2);
  EXPECT_NE(out.find("no longer exists"), std::string::npos);
  EXPECT_EQ(run_cchc({"user", "add", "--db", t->spec, "--username", "tran.van.cuong", "--unit", "P-TAMHIEP", "--role",
                      "viewer"},
                     out),
            2);
  EXPECT_NE(out.find("is taken"), std::string::npos);
  EXPECT_EQ(run_cchc({"audit", "verify", "--db", t->spec}, out), 0) << out;
}

TEST_F(Served, AdminEditsAndLocksAUser) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  Browser leader{port()};
  ASSERT_EQ(leader.sign_in("demo.congtacvien", "demo-editor-dongnai"), 303);
  EXPECT_EQ(leader.get("/don-vi").status, 200);

  admin.get("/nguoi-dung/demo.congtacvien");
  auto moved =
      admin.post("/nguoi-dung/demo.congtacvien",
                 "display_name=C%E1%BB%99ng+t%C3%A1c+vi%C3%AAn&unit=SNV&role=editor&role=unit_officer&active=1");
  EXPECT_EQ(moved.status, 303) << moved.body;
  auto page = admin.get("/nguoi-dung/demo.congtacvien?da-luu=1");
  EXPECT_NE(page.body.find("value=\"SNV\" selected"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"unit_officer\" checked"), std::string::npos);

  // A coordinator's subtree on the same form: wider than its unit, never
  // beside it.
  auto scoped =
      admin.post("/nguoi-dung/demo.congtacvien", "display_name=C&unit=SNV&role=coordinator&active=1&pham_vi=DNI");
  EXPECT_EQ(scoped.status, 303) << scoped.body;
  EXPECT_NE(admin.get("/nguoi-dung/demo.congtacvien").body.find("value=\"DNI\" selected"), std::string::npos);
  auto beside =
      admin.post("/nguoi-dung/demo.congtacvien", "display_name=C&unit=SNV&role=coordinator&active=1&pham_vi=STP");
  EXPECT_EQ(beside.status, 422);
  EXPECT_NE(beside.body.find("Đơn vị của người dùng phải nằm trong phạm vi được giao điều phối."), std::string::npos);

  // Locking ends the user's sessions and their sign-in.
  auto locked = admin.post("/nguoi-dung/demo.congtacvien", "display_name=X&unit=SNV&role=editor");
  EXPECT_EQ(locked.status, 303);
  EXPECT_EQ(leader.get("/don-vi").status, 303);
  EXPECT_EQ(leader.sign_in("demo.congtacvien", "demo-editor-dongnai"), 401);
  EXPECT_NE(admin.get("/nguoi-dung").body.find("demo.congtacvien</a> (đã khóa)"), std::string::npos);

  // An administrator cannot lock themself out.
  admin.get("/nguoi-dung/demo.admin");
  auto self = admin.post("/nguoi-dung/demo.admin", "display_name=A&unit=SNV&role=viewer&active=1");
  EXPECT_EQ(self.status, 422);

  auto log = admin.get("/nhat-ky?doi-tuong=users&thao-tac=update");
  EXPECT_NE(log.body.find("demo.congtacvien"), std::string::npos);
  auto none = admin.get("/nhat-ky?tu-ngay=01/01/2000&den-ngay=02/01/2000");
  EXPECT_NE(none.body.find("<caption>0 mục gần nhất</caption>"), std::string::npos);
}

TEST(Cli, DeadlineParse) {
  std::string out;
  ASSERT_EQ(run_cchc({"deadline", "parse", "Quy 11/2022", "--format", "json"}, out), 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["kind"], "quarter");
  EXPECT_EQ(j["due"], "2022-06-30");
  EXPECT_EQ(j["text"], "Quý II/2022");
  ASSERT_EQ(run_cchc({"deadline", "parse", "Thường xuyên"}, out), 0);
  j = nlohmann::json::parse(out);
  EXPECT_EQ(j["kind"], "continuous");
  EXPECT_TRUE(j["due"].is_null());
  ASSERT_EQ(run_cchc({"deadline", "parse", "trước ngày 21/6/2024", "--format", "text"}, out), 0);
  EXPECT_EQ(out, "Trước ngày 21/06/2024\n");
  EXPECT_EQ(run_cchc({"deadline", "parse", "sớm thôi"}, out), 2);
  EXPECT_NE(out.find("cannot read the deadline"), std::string::npos);
  EXPECT_EQ(run_cchc({"deadline", "parse", "Quý I/2023", "--format", "xml"}, out), 2);
}

}  // namespace
}  // namespace cchc
