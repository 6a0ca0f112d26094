// The server in-process, with a handler slow enough to be caught in flight.
#include "http/server.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <future>
#include <thread>

#include "support/http_client.h"

namespace cchc::http {
namespace {

TEST(Server, ShutdownLetsRequestsInFlightFinish) {
  if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
  std::promise<void> entered;
  ServerConfig config;
  config.port = 0;
  config.threads = 2;
  Server server(
      config,
      [&entered](Request& req) {
        if (req.path == "/slow") {
          entered.set_value();
          std::this_thread::sleep_for(std::chrono::milliseconds(500));
          return make_response(req, Status::ok, "text/plain", "finished");
        }
        return make_response(req, Status::ok, "text/plain", "fast");
      },
      [](Request& req, Status s) { return make_response(req, s, "text/plain", "refused"); },
      std::make_shared<Metrics>());
  server.listen();
  auto port = server.port();
  std::thread runner([&] { server.run(); });

  auto slow = std::async(std::launch::async, [port] { return testing::http_request(port, "GET", "/slow"); });
  entered.get_future().wait();
  auto stop_started = std::chrono::steady_clock::now();
  server.stop();
  runner.join();  // returns only after the slow request was answered
  auto stopped_after = std::chrono::steady_clock::now() - stop_started;
  auto res = slow.get();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "finished");
  EXPECT_EQ(res.header("connection"), "close");
  EXPECT_LT(stopped_after, std::chrono::seconds(3));
  // No longer accepting.
  EXPECT_ANY_THROW(testing::http_request(port, "GET", "/"));
}

TEST(Server, SlowClientsAreCutOff) {
  if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
  ServerConfig config;
  config.port = 0;
  config.threads = 1;
  config.header_timeout = std::chrono::seconds(1);
  Server server(
      config, [](Request& req) { return make_response(req, Status::ok, "text/plain", "ok"); },
      [](Request& req, Status s) { return make_response(req, s, "text/plain", "refused"); },
      std::make_shared<Metrics>());
  server.listen();
  std::thread runner([&] { server.run(); });
  auto started = std::chrono::steady_clock::now();
  // Half a request header, then silence: the server closes within its timeout.
  auto out = testing::raw_exchange(server.port(), "GET / HTTP/1.1\r\nHost:", 10000);
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_TRUE(out.empty()) << out;
  EXPECT_LT(waited, std::chrono::seconds(5));
  server.stop();
  runner.join();
}

// A request still running when the grace period ends is cut off: run()
// returns, and destroying the server (with that connection's coroutine
// still suspended) touches nothing already gone. What checks it is ASan in
// the sanitizer pass; without Server::State::finished it reports a
// heap-use-after-free here.
TEST(Server, ShutdownAfterTheGracePeriodLeavesNothingDangling) {
  if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
  std::promise<void> entered;
  ServerConfig config;
  config.port = 0;
  config.threads = 2;
  config.shutdown_grace = std::chrono::seconds(1);
  auto server = std::make_unique<Server>(
      config,
      [&entered](Request& req) {
        entered.set_value();
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return make_response(req, Status::ok, "text/plain", "late");
      },
      [](Request& req, Status s) { return make_response(req, s, "text/plain", "refused"); },
      std::make_shared<Metrics>());
  server->listen();
  auto port = server->port();
  std::thread runner([&] { server->run(); });
  std::thread client([port] { testing::raw_exchange(port, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", 5000); });
  entered.get_future().wait();
  server->stop();
  runner.join();
  server.reset();  // without the guard, a heap-use-after-free here (the sanitizer pass runs this test)
  client.join();
}

}  // namespace
}  // namespace cchc::http
