// The resilience suite's bounded forms: each attack a hostile client can make
// without signing in, sent to the real server, which must answer it with its
// status, stay alive, keep answering /healthz, and stay within a memory
// budget. (scripts/resilience.sh runs the full-size forms.)
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <functional>

#include "support/demo_server.h"
#include "support/http_client.h"

namespace cchc {
namespace {

using testing::http_request;
using testing::raw_exchange;

// The server's peak resident memory so far (VmHWM), in bytes.
std::size_t peak_memory(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Multipart parts nested `depth` deep, each level a part of type
// multipart/mixed with a boundary of its own.
std::string nested_multipart(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i) {
    out += "--B" + std::to_string(i) + "\r\nContent-Disposition: form-data; name=\"x\"\r\n" +
           "Content-Type: multipart/mixed; boundary=B" + std::to_string(i + 1) + "\r\n\r\n";
  }
  return out;
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
      {"7 MB of nested parts to the citizen form", "/phan-anh", nest_type, [] { return nested_multipart(60000); },
       400},
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
       [] { return std::string("--B\r\nContent-Disposition: form-data; name=f; filename=x\r\n\r\n1\r\n--B--"); },
       413},
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

}  // namespace
}  // namespace cchc
