// The resilience suite's bounded forms: each attack a hostile client can make
// without signing in, sent to the real server, which must answer it with its
// status, stay alive, keep answering /healthz, and stay within a memory
// budget. (scripts/resilience.sh runs the full-size forms.)
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <regex>
#include <thread>

#include <boost/asio.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "core/text.h"
#include "db/database.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/hostile.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace cchc {
namespace {

using testing::http_request;
using testing::nested_multipart;
using testing::raw_exchange;
using testing::repeat;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// The server's peak resident memory so far (VmHWM), in bytes.
std::size_t peak_memory(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) != 0) continue;
    auto kib = text::trim(line.substr(6));  // "  123456 kB"
    return parse_int<std::size_t>(kib.substr(0, kib.find(' '))).value_or(0) * 1024;
  }
  return 0;
}

std::string post(const std::string& target, const std::string& type, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

class Resilience : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new testing::DemoServer(testing::DemoRecords::without); }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return demo_->port(); }
  static pid_t pid() { return demo_->server().pid(); }

  static void expect_alive(const std::string& after) {
    EXPECT_EQ(::kill(pid(), 0), 0) << "the server died after " << after;
    EXPECT_EQ(http_request(port(), "GET", "/healthz").status, 200) << "after " << after;
  }

  static inline testing::DemoServer* demo_ = nullptr;
};

// What an anonymous client sends is bounded before it is parsed: by the
// route's body bytes (413 before the body is read), its fields and files
// (413), and a form's refusal to nest (400).
TEST_F(Resilience, AnonymousBodiesAreBoundedBeforeParsing) {
  struct Attack {
    const char* name;
    std::string target;
    std::string type;
    std::function<std::string()> body;
    int status;
  };
  const std::string nest_type = "multipart/form-data; boundary=B0";
  const Attack attacks[] = {
      {"7 MB of nested parts to the sign-in form", "/dang-nhap", nest_type, [] { return nested_multipart(60000); },
       413},
      {"7 MB of nested parts to the citizen form", "/phan-anh", nest_type, [] { return nested_multipart(60000); }, 400},
      {"7 MB of nested parts to Open311", "/open311/v2/requests.json", nest_type,
       [] { return nested_multipart(60000); }, 413},
      {"10 MB of empty urlencoded fields", "/dang-nhap", "application/x-www-form-urlencoded",
       [] { return repeat("a&", 5000000); }, 413},
      {"200 KB of urlencoded fields, under the byte limit", "/dang-nhap", "application/x-www-form-urlencoded",
       [] { return repeat("a&", 100000); }, 413},
      {"a million tiny parts to the citizen form", "/phan-anh", "multipart/form-data; boundary=B",
       [] { return repeat("--B\r\n\r\n\r\n", 1000000) + "--B--"; }, 413},
      {"ten thousand named fields to the citizen form", "/phan-anh", "multipart/form-data; boundary=B",
       [] { return repeat("--B\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n", 10000) + "--B--"; }, 413},
      {"files where the sign-in form takes none", "/dang-nhap", "multipart/form-data; boundary=B",
       [] { return std::string("--B\r\nContent-Disposition: form-data; name=f; filename=x\r\n\r\n1\r\n--B--"); }, 413},
  };
  auto before = peak_memory(pid());
  ASSERT_GT(before, 0u);
  for (const auto& a : attacks) {
    auto out = raw_exchange(port(), post(a.target, a.type, a.body()), 20000);
    EXPECT_EQ(out.substr(0, 12), "HTTP/1.1 " + std::to_string(a.status)) << a.name << ": " << out.substr(0, 200);
    expect_alive(a.name);
  }
  // Each body is read at most once, into one buffer of at most the server's
  // ceiling (10 MiB), and parsed within its limits.
  EXPECT_LT(peak_memory(pid()) - before, std::size_t(64) << 20) << "peak memory grew past the budget";
}

// Anonymous visits to the pages with forms store nothing: their forms
// carry a signed token in a cookie, not a session row.
TEST_F(Resilience, AnonymousVisitsStoreNothing) {
  auto db = db::open(demo_->db());
  auto sessions = [&] {
    return db->read([](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM sessions").one().i64("n"); });
  };
  auto before = sessions();
  for (int i = 0; i < 20; ++i) {
    for (const char* page : {"/dang-nhap", "/phan-anh", "/tuy-chon-hien-thi"}) {
      ASSERT_EQ(http_request(port(), "GET", page).status, 200) << page;
    }
  }
  EXPECT_EQ(sessions(), before);
  testing::Browser b{port()};
  ASSERT_EQ(b.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  EXPECT_EQ(sessions(), before + 1);
}

// The page after sign-in is a path on this site, whatever bytes `tiep` hides
// a host behind; a response header never carries a control byte.
TEST_F(Resilience, SignInGoesNowhereElse) {
  for (const char* tiep : {"%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example",
                           "%2F%20%2Fevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"}) {
    testing::Browser b{port()};
    b.get("/dang-nhap");
    auto r = b.post("/dang-nhap", std::string("username=demo.lanhdao&password=demo-unit_leader-dongnai&tiep=") + tiep);
    EXPECT_EQ(r.status, 303) << tiep;
    EXPECT_EQ(r.header("location"), "/viec-cua-toi") << tiep;
  }
}

// Guessing the current password from a session is throttled like sign-in.
TEST_F(Resilience, TheCurrentPasswordCannotBeGuessed) {
  testing::Browser b{port()};
  ASSERT_EQ(b.sign_in("demo.theodoi", "demo-viewer-dongnai"), 303);
  auto change = [&](const std::string& current) {
    b.get("/doi-mat-khau");
    return b.post("/doi-mat-khau", "current=" + current + "&new=mot-mat-khau-moi-dai&confirm=mot-mat-khau-moi-dai");
  };
  for (int i = 0; i < 5; ++i) EXPECT_EQ(change("sai-" + std::to_string(i)).status, 422) << i;
  auto throttled = change("demo-viewer-dongnai");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_NE(throttled.body.find("nhập sai nhiều lần"), std::string::npos);
}

// Behind the proxy (loopback by default), each client is its own address:
// one locked out of an account leaves the others free to sign in, and
// /metrics is not served to the outside.
TEST_F(Resilience, ThrottlesAndMetricsKnowTheClientBehindTheProxy) {
  testing::Browser attacker{port(), "", "", {{"X-Forwarded-For", "203.0.113.66"}}};
  for (int i = 0; i < 6; ++i) attacker.sign_in("demo.thamdinh", "not-the-password");
  attacker.get("/dang-nhap");
  EXPECT_EQ(attacker.post("/dang-nhap", "username=demo.thamdinh&password=demo-appraiser-dongnai").status, 429);
  testing::Browser user{port(), "", "", {{"X-Forwarded-For", "198.51.100.7"}}};
  EXPECT_EQ(user.sign_in("demo.thamdinh", "demo-appraiser-dongnai"), 303);

  EXPECT_EQ(http_request(port(), "GET", "/metrics", {{"X-Forwarded-For", "203.0.113.66"}}).status, 404);
  for (int i = 0; i < 3; ++i) {
    raw_exchange(port(), "FOO" + std::to_string(i) + " / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }
  auto metrics = http_request(port(), "GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.body.find("FOO"), std::string::npos) << "a method named by the client became a label";
  EXPECT_NE(metrics.body.find("method=\"OTHER\""), std::string::npos);
}

// An API batch is bounded in records (refused whole before it is parsed)
// and in the errors it reports (the first thousand, and the total).
TEST_F(Resilience, ApiBatchesAreBoundedInRecordsAndErrors) {
  std::string out;
  ASSERT_EQ(testing::run_cchc({"tokens", "add", "--db", demo_->db(), "--name", "Một cửa", "--unit", "DNI"}, out), 0)
      << out;
  std::string secret = testing::last_json_line(out)["secret"];
  auto push = [&](std::size_t records) {
    std::string body = "[" + repeat("{},", records - 1) + "{}]";
    return http_request(port(), "POST", "/api/v1/dossiers?dry_run=1",
                        {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}}, body);
  };
  auto before = peak_memory(pid());
  auto too_many = push(150000);
  EXPECT_EQ(too_many.status, 422);
  EXPECT_NE(too_many.body.find("more than the 100000"), std::string::npos) << too_many.body.substr(0, 300);
  auto many_errors = push(50000);
  ASSERT_EQ(many_errors.status, 422);
  auto answer = nlohmann::json::parse(many_errors.body);
  EXPECT_EQ(answer["errors"].size(), 1000u);
  EXPECT_GE(answer["errors_total"].get<std::size_t>(), 50000u);
  EXPECT_LT(many_errors.body.size(), std::size_t(1) << 20) << "the error report grew with the batch";
  EXPECT_LT(peak_memory(pid()) - before, std::size_t(128) << 20) << "peak memory grew past the budget";
  expect_alive("the API batches");
}

// PDFs are read in background jobs, each by a bounded child: an officer's
// two flate bombs are taken at once (the uploads only store and queue
// them), and while the job worker reads them /healthz and pages answer and
// the server's own memory stays flat (poppler's is the child's). (The
// limit of heavy requests per client is tested in tests/http/server_test.)
TEST_F(Resilience, HeavyUploadsLeaveTheServerAnswering) {
  testing::Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get("/doc-van-ban");
  auto bomb = testing::pdf_bomb(15000);  // about 2 s of poppler and 50 MB each
  auto before = peak_memory(pid());
  std::vector<std::string> jobs;
  for (int i = 0; i < 2; ++i) {
    auto up = officer.post_file("/doc-van-ban", {}, "tep", "ke-hoach.pdf", bomb);
    ASSERT_EQ(up.status, 303) << up.body.substr(0, 300);
    jobs.push_back(up.header("location"));
    ASSERT_TRUE(jobs.back().starts_with("/cong-viec/")) << jobs.back();
  }
  auto finished = [&](const std::string& job) {
    auto page = officer.get(job).body;
    return page.find("Đã đọc xong văn bản") != std::string::npos || page.find("form-error") != std::string::npos;
  };
  int answered_meanwhile = 0;
  for (int i = 0; i < 1200 && !(finished(jobs[0]) && finished(jobs[1])); ++i) {
    auto health = http_request(port(), "GET", "/healthz");
    auto page = http_request(port(), "GET", "/cong-khai/chi-so");
    if (health.status == 200 && page.status == 200) ++answered_meanwhile;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(finished(jobs[0]) && finished(jobs[1])) << "the jobs did not finish";
  EXPECT_GT(answered_meanwhile, 0) << "nothing was answered while the PDFs were read";
  EXPECT_LT(peak_memory(pid()) - before, std::size_t(32) << 20) << "the server itself read the PDFs";
  expect_alive("the PDF bombs");
}

// What units store is charged to them and shown to the administrator: an
// officer's upload appears on /quan-tri/dung-luong under the officer's
// unit, with the quota; other roles do not see the page.
TEST_F(Resilience, StoredFilesAreShownAgainstTheQuota) {
  testing::Browser officer{port()}, admin{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get("/doc-van-ban");
  auto text = "Số: 12/KH-UBND\nKế hoạch cải cách hành chính năm 2026\n" + testing::repeat("Nội dung. ", 3000);
  ASSERT_EQ(officer.post_file("/doc-van-ban", {}, "tep", "ke-hoach.txt", text).status, 303);
  EXPECT_EQ(officer.get("/quan-tri/dung-luong").status, 403);
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  auto page = admin.get("/quan-tri/dung-luong");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Hạn mức lưu tệp của mỗi đơn vị: 2,0 GB"), std::string::npos);
  auto row = std::regex_search(page.body, std::regex("<th scope=\"row\"><a href=\"/don-vi/[^\"]+\">[^<]+</a></th>"
                                                     "<td class=\"num\">[0-9.]+</td><td class=\"num\">[0-9,]+ KB"));
  EXPECT_TRUE(row) << page.body.substr(0, 3000);
}

// `count` connections from 127.0.0.2 (another loopback address than the
// probes'), each sending half a request header and then nothing.
std::vector<std::unique_ptr<tcp::socket>> slow_connections(asio::io_context& ioc, unsigned short port,
                                                           std::size_t count) {
  std::vector<std::unique_ptr<tcp::socket>> out;
  for (std::size_t i = 0; i < count; ++i) {
    auto s = std::make_unique<tcp::socket>(ioc);
    s->open(tcp::v4());
    s->bind(tcp::endpoint(asio::ip::make_address("127.0.0.2"), 0));
    boost::system::error_code ec;
    s->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    if (ec) continue;  // the backlog is full: that is the server's business
    asio::write(*s, asio::buffer(std::string("GET / HTTP/1.1\r\nHost: x\r\n")), ec);
    out.push_back(std::move(s));
  }
  return out;
}

// The value of a counter or gauge in /metrics (-1 when absent).
long metric(unsigned short port, const std::string& series) {
  auto body = http_request(port, "GET", "/metrics").body;
  auto at = body.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  auto value = std::string_view(body).substr(at + series.size() + 2);
  return parse_int<long>(value.substr(0, value.find('\n'))).value_or(-1);
}

// Waits (up to 10 s) until `holds` does; false when it never did.
bool eventually(const std::function<bool()>& holds) {
  for (int i = 0; i < 200; ++i) {
    if (holds()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return holds();
}

// Slow connections from one address beyond its cap are turned away at once,
// while other clients are served; once the flood ends, the address is
// served again.
TEST(ResilienceConnections, OneClientCannotHoldEveryConnection) {
  testing::DemoServer demo(testing::DemoRecords::without, {"--max-connections-per-client", "20"});
  asio::io_context ioc;
  auto flood = slow_connections(ioc, demo.port(), 60);
  ASSERT_TRUE(eventually([&] {
    return metric(demo.port(), "cchc_http_refused_connections_total{reason=\"client\"}") >= 40;
  })) << "connections over the per-client cap were not refused";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(http_request(demo.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(http_request(demo.port(), "GET", "/static/css/cchc.css").status, 200);
  flood.clear();
  // The flood's own connections are closed as the server reads their end.
  ASSERT_TRUE(eventually([&] { return metric(demo.port(), "cchc_http_open_connections") <= 2; }));
  auto again = slow_connections(ioc, demo.port(), 20);
  auto refused = metric(demo.port(), "cchc_http_refused_connections_total{reason=\"client\"}");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(metric(demo.port(), "cchc_http_refused_connections_total{reason=\"client\"}"), refused)
      << "the address's count was not given back when its connections closed";
}

// Out of descriptors, the server pauses accepting instead of spinning, logs
// it at most about once a second, serves what it has, and recovers once the
// connections holding the descriptors close.
TEST(ResilienceConnections, RunningOutOfDescriptorsIsSurvived) {
  testing::DemoServer demo(testing::DemoRecords::without,
                           {"--max-connections", "5000", "--max-connections-per-client", "5000"},
                           {"/usr/bin/prlimit", "--nofile=200:200"});
  asio::io_context ioc;
  auto started = std::chrono::steady_clock::now();
  auto flood = slow_connections(ioc, demo.port(), 400);
  ASSERT_TRUE(eventually([&] { return demo.server().log().find("accept failed") != std::string::npos; }))
      << "the descriptor limit was never reached";
  std::this_thread::sleep_for(std::chrono::seconds(2));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto log = demo.server().log();
  std::ptrdiff_t lines = 0;
  for (auto at = log.find("accept failed"); at != std::string::npos; at = log.find("accept failed", at + 1)) ++lines;
  EXPECT_LE(lines, std::ptrdiff_t(seconds) + 2) << "accept failures logged more than once a second";
  flood.clear();
  ASSERT_TRUE(eventually([&] { return http_request(demo.port(), "GET", "/healthz").status == 200; }))
      << "the server did not recover after the flood";
  EXPECT_EQ(::kill(demo.server().pid(), 0), 0);
}

// A disk that fills up under the server: writes answer 507 with a page that
// says so, reads go on, /healthz says the database is read-only, and once
// there is room again writes resume without a restart. (Needs a tmpfs of
// its own, so CAP_SYS_ADMIN; skipped where the machine refuses the mount.)
TEST(ResilienceStorage, AFullDiskRefusesWritesAndRecovers) {
  char name[] = "/tmp/cchc-full-XXXXXX";
  ASSERT_NE(mkdtemp(name), nullptr);
  std::string dir = name;
  if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=12m") != 0) {
    ::rmdir(dir.c_str());
    GTEST_SKIP() << "cannot mount a tmpfs here (needs CAP_SYS_ADMIN)";
  }
  struct Unmount {
    std::string dir;
    ~Unmount() {
      ::umount2(dir.c_str(), MNT_DETACH);
      ::rmdir(dir.c_str());
    }
  } unmount{dir};
  testing::make_demo_db(dir + "/cchc.db", testing::DemoRecords::without);
  testing::ServerProcess server(dir + "/cchc.db");
  auto port = server.port();
  testing::Browser before{port};
  ASSERT_EQ(before.get("/dang-nhap").status, 200);

  // Fill what is left of the disk.
  {
    std::ofstream filler(dir + "/filler", std::ios::binary);
    std::string block(64 * 1024, 'x');
    while (filler.write(block.data(), std::streamsize(block.size()))) {}
  }
  ASSERT_TRUE(eventually([&] { return http_request(port, "GET", "/healthz").status == 503; }))
      << "/healthz never noticed the full disk";
  auto health = nlohmann::json::parse(http_request(port, "GET", "/healthz").body);
  EXPECT_EQ(health["status"], "degraded");
  EXPECT_EQ(health["db"], "read-only");
  // The sign-in page stores nothing, so it shows; signing in writes (the
  // session, the audit entry), so it is 507 with the reason.
  testing::Browser visitor{port};
  EXPECT_EQ(visitor.get("/dang-nhap").status, 200);
  auto refused = visitor.post("/dang-nhap", "username=demo.lanhdao&password=demo-unit_leader-dongnai");
  EXPECT_EQ(refused.status, 507);
  EXPECT_NE(refused.body.find("hết dung lượng"), std::string::npos) << refused.body.substr(0, 300);
  // Reads go on.
  EXPECT_EQ(http_request(port, "GET", "/cong-khai/chi-so").status, 200);
  EXPECT_EQ(http_request(port, "GET", "/static/css/cchc.css").status, 200);

  std::filesystem::remove(dir + "/filler");
  ASSERT_TRUE(eventually([&] { return http_request(port, "GET", "/healthz").status == 200; }))
      << "writes did not resume once there was room";
  testing::Browser after{port};
  EXPECT_EQ(after.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  EXPECT_EQ(::kill(server.pid(), 0), 0);
  auto log = server.log();
  EXPECT_EQ(log.find("INSERT"), std::string::npos) << "SQL in the log";
}

}  // namespace
}  // namespace cchc
