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

// A heavy route's handler (files or a document to parse) runs on the work
// threads: with one I/O thread and the one work thread busy in a heavy
// handler, light requests are answered. Heavy requests wait for a work
// thread up to max_heavy_requests in all (then 503) and
// max_heavy_per_client of one client (then 429), refused before they wait;
// a client client_of cannot tell is 503.
TEST(Server, HeavyWorkLeavesTheIoThreadFree) {
  if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
  std::promise<void> entered, release;
  auto released = release.get_future().share();
  std::atomic<bool> first_done{false};
  ServerConfig config;
  config.port = 0;
  config.threads = 1;
  config.work_threads = 1;
  config.max_heavy_requests = 2;
  config.max_heavy_per_client = 1;
  config.limits_of = [](Verb, std::string_view target) { return target == "/heavy" ? upload(1) : kFormBody; };
  config.client_of = [](const Request& req) {
    if (req.header("X-Who") == "boom") throw std::runtime_error("the sessions cannot be read");
    return std::string(req.header("X-Who"));
  };
  Server server(
      config,
      [&](Request& req) {
        if (req.path == "/heavy" && !first_done.exchange(true)) {
          entered.set_value();
          released.wait();
        }
        return make_response(req, Status::ok, "text/plain", "done " + std::string(req.header("X-Who")));
      },
      [](Request& req, Status s) { return make_response(req, s, "text/plain", "refused"); },
      std::make_shared<Metrics>());
  server.listen();
  auto port = server.port();
  std::thread runner([&] { server.run(); });
  auto heavy = [port](const std::string& who) {
    return testing::http_request(port, "POST", "/heavy", {{"X-Who", who}});
  };

  auto first = std::async(std::launch::async, heavy, "an");
  entered.get_future().wait();
  // The heavy handler holds the work thread; the I/O thread is free.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(testing::http_request(port, "GET", "/light").body, "done ");
  auto again = heavy("an");  // the same client's second: its share is one
  EXPECT_EQ(again.status, 429);
  EXPECT_EQ(again.header("retry-after"), "5");
  auto waiting = std::async(std::launch::async, heavy, "binh");  // another's: waits for the work thread
  std::this_thread::sleep_for(std::chrono::milliseconds(500));   // its place taken: the I/O thread is free
  auto full = heavy("chi");                                      // a third client's: both places taken
  EXPECT_EQ(full.status, 503);
  EXPECT_EQ(full.header("retry-after"), "5");
  EXPECT_EQ(first.wait_for(std::chrono::seconds(0)), std::future_status::timeout) << "the heavy one did not wait";
  EXPECT_EQ(waiting.wait_for(std::chrono::seconds(0)), std::future_status::timeout) << "nor the one behind it";
  release.set_value();
  EXPECT_EQ(first.get().body, "done an");
  EXPECT_EQ(waiting.get().body, "done binh");
  // Every place is given back.
  EXPECT_EQ(heavy("an").body, "done an");
  EXPECT_EQ(heavy("chi").body, "done chi");
  // A client that cannot be told (the app's database down) is 503, not a
  // dropped connection.
  EXPECT_EQ(heavy("boom").status, 503);
  server.stop();
  runner.join();
}

}  // namespace
}  // namespace cchc::http
