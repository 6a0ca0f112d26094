#include "http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "core/errors.h"
#include "http/compression.h"

namespace cchc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto as_tuple = asio::as_tuple(use_awaitable);

namespace {

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{:016x}", rng());
}

bool sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// What a connection's coroutine shares with the shutdown logic.
struct Connection {
  beast::tcp_stream stream;
  bool idle = true;  // waiting for (the start of) a request; only touched on the strand
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
};

}  // namespace

struct Server::State {
  ServerConfig config;
  App app;
  ErrorResponder errors;
  std::shared_ptr<Metrics> metrics;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::steady_timer grace_timer{ioc};
  std::optional<asio::signal_set> signals;
  std::shared_ptr<spdlog::logger> access_log;  // null when the access log is off
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;

  awaitable<void> accept_loop();
  awaitable<void> serve(std::shared_ptr<Connection> conn);
  Response handle(beast::http::request<beast::http::string_body>&& msg, const std::string& remote, int& status_out);
  void begin_shutdown();
  void connection_done(const std::shared_ptr<Connection>& conn);
};

Server::Server(ServerConfig config, App app, ErrorResponder errors, std::shared_ptr<Metrics> metrics)
    : state_(std::make_shared<State>()) {
  state_->config = std::move(config);
  state_->app = std::move(app);
  state_->errors = std::move(errors);
  state_->metrics = std::move(metrics);
  if (state_->config.access_log) state_->access_log = spdlog::get("access");
}

Server::~Server() = default;

void Server::listen() {
  auto& s = *state_;
  boost::system::error_code ec;
  auto address = asio::ip::make_address(s.config.host, ec);
  if (ec) throw invalid_input("invalid --host address: " + s.config.host);
  tcp::endpoint endpoint{address, s.config.port};
  s.acceptor.open(endpoint.protocol());
  s.acceptor.set_option(asio::socket_base::reuse_address(true));
  s.acceptor.bind(endpoint, ec);
  if (ec) throw unavailable(fmt::format("cannot listen on {}:{}: {}", s.config.host, s.config.port, ec.message()));
  s.acceptor.listen(asio::socket_base::max_listen_connections);
  port_ = s.acceptor.local_endpoint().port();
}

void Server::run() {
  auto& s = *state_;
  asio::co_spawn(s.ioc, s.accept_loop(), asio::detached);
  unsigned n = s.config.threads ? s.config.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
}

void Server::stop_on_signals() {
  auto& s = *state_;
  s.signals.emplace(s.ioc, SIGINT, SIGTERM);
  s.signals->async_wait([this](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {} received: finishing requests in flight, then exiting", sig);
    stop();
  });
}

void Server::stop() {
  auto state = state_;
  asio::post(state->ioc, [state] { state->begin_shutdown(); });
}

void Server::State::begin_shutdown() {
  if (stopping.exchange(true)) return;
  boost::system::error_code ignored;
  acceptor.close(ignored);
  if (signals) signals->cancel(ignored);
  std::lock_guard lock(mutex);
  for (const auto& conn : connections) {
    asio::post(conn->stream.get_executor(), [conn] {
      if (conn->idle) conn->stream.socket().close();
    });
  }
  if (connections.empty()) return;
  grace_timer.expires_after(config.shutdown_grace);
  grace_timer.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) {
      spdlog::warn("shutdown grace period over: closing remaining connections");
      ioc.stop();
    }
  });
}

void Server::State::connection_done(const std::shared_ptr<Connection>& conn) {
  metrics->connection_closed();
  std::lock_guard lock(mutex);
  connections.erase(conn);
  if (stopping && connections.empty()) {
    asio::post(ioc, [this] { grace_timer.cancel(); });
  }
}

awaitable<void> Server::State::accept_loop() {
  while (!stopping) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), as_tuple);
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(mutex);
      connections.insert(conn);
    }
    metrics->connection_opened();
    asio::co_spawn(conn->stream.get_executor(), serve(conn), asio::detached);
  }
}

Response Server::State::handle(beast::http::request<beast::http::string_body>&& msg, const std::string& remote,
                               int& status_out) {
  Request req;
  req.message = std::move(msg);
  req.remote_address = remote;
  auto given = req.header("X-Request-Id");
  req.request_id = sane_request_id(given) ? std::string(given) : new_request_id();
  auto started = std::chrono::steady_clock::now();

  Response res = parse_target(req) ? app(req) : errors(req, Status::bad_request);

  res.set("X-Request-Id", req.request_id);
  if (res.find(beast::http::field::content_encoding) == res.end() && res.body().size() > 1024 &&
      is_compressible(res[beast::http::field::content_type]) &&
      accepts_gzip(req.header(beast::http::field::accept_encoding))) {
    res.body() = gzip(res.body());
    res.set(beast::http::field::content_encoding, "gzip");
    res.set(beast::http::field::vary, "Accept-Encoding");
    res.prepare_payload();
  }
  if (req.method() == Verb::head) {
    // Keep Content-Length as for GET, send no body.
    auto length = res.body().size();
    res.body().clear();
    res.content_length(length);
  }
  auto elapsed = std::chrono::steady_clock::now() - started;
  status_out = res.result_int();
  metrics->observe(req.route, std::string(req.message.method_string()), status_out, elapsed);
  if (access_log) {
    access_log->info("{} \"{} {}\" {} {} {:.3f}ms {}", remote, std::string_view(req.message.method_string()),
                     std::string_view(req.message.target()), status_out, res.body().size(),
                     std::chrono::duration<double, std::milli>(elapsed).count(), req.request_id);
  }
  return res;
}

awaitable<void> Server::State::serve(std::shared_ptr<Connection> conn) {
  auto& stream = conn->stream;
  beast::flat_buffer buffer;
  std::string remote;
  {
    boost::system::error_code ec;
    auto ep = stream.socket().remote_endpoint(ec);
    remote = ec ? "-" : ep.address().to_string();
  }
  bool first = true;
  while (!stopping) {
    conn->idle = true;
    beast::http::request_parser<beast::http::string_body> parser;
    parser.header_limit(std::uint32_t(config.header_limit));
    parser.body_limit(config.body_limit);
    stream.expires_after(first ? config.read_timeout : config.keep_alive_timeout);
    first = false;

    auto [ec, n] = co_await beast::http::async_read_header(stream, buffer, parser, as_tuple);
    conn->idle = false;
    Status refuse = Status::unknown;
    if (ec == beast::http::error::header_limit) refuse = Status::request_header_fields_too_large;
    // Beast refuses a declared Content-Length over body_limit with the header.
    else if (ec == beast::http::error::body_limit)
      refuse = Status::payload_too_large;
    else if (ec == beast::http::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
             ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
             ec == asio::error::bad_descriptor)
      break;
    else if (ec)
      refuse = Status::bad_request;

    if (refuse == Status::unknown) {
      auto& header = parser.get();
      std::size_t limit = config.body_limit;
      if (config.body_limit_of) limit = std::min(limit, config.body_limit_of(header.method(), header.target()));
      if (static_cast<std::size_t>(std::distance(header.begin(), header.end())) > config.header_count_limit)
        refuse = Status::request_header_fields_too_large;
      else if (auto declared = parser.content_length(); declared && *declared > limit)
        refuse = Status::payload_too_large;
      else
        parser.body_limit(limit);
    }
    if (refuse == Status::unknown) {
      auto& header = parser.get();
      if (beast::iequals(header[beast::http::field::expect], "100-continue")) {
        beast::http::response<beast::http::empty_body> cont{beast::http::status::continue_, 11};
        stream.expires_after(config.write_timeout);
        co_await beast::http::async_write(stream, cont, as_tuple);
      }
      stream.expires_after(config.read_timeout);
      std::tie(ec, n) = co_await beast::http::async_read(stream, buffer, parser, as_tuple);
      if (ec == beast::http::error::body_limit)
        refuse = Status::payload_too_large;
      else if (ec == beast::error::timeout || ec == asio::error::eof || ec == beast::http::error::end_of_stream ||
               ec == asio::error::connection_reset)
        break;
      else if (ec)
        refuse = Status::bad_request;
    }

    Response res;
    bool keep_alive;
    int status = 0;
    if (refuse != Status::unknown) {
      Request req;
      req.message.version(11);
      req.request_id = new_request_id();
      req.remote_address = remote;
      res = errors(req, refuse);
      res.set("X-Request-Id", req.request_id);
      res.keep_alive(false);
      keep_alive = false;
      metrics->observe("unparsed", "-", int(refuse), std::chrono::nanoseconds{0});
      if (access_log) access_log->info("{} \"-\" {} refused {}", remote, int(refuse), req.request_id);
    } else {
      auto msg = parser.release();
      keep_alive = msg.keep_alive();
      try {
        res = handle(std::move(msg), remote, status);
      } catch (const std::exception& e) {
        // The app maps its own errors; this is the last line of defence
        // (say, the error page itself failing to render).
        spdlog::error("unhandled error answering a request: {}", e.what());
        res = Response{Status::internal_server_error, 11};
        res.set(beast::http::field::content_type, "text/plain; charset=utf-8");
        res.body() = "500 Internal Server Error";
        res.prepare_payload();
        keep_alive = false;
      }
      keep_alive = keep_alive && !stopping;
      res.keep_alive(keep_alive);
    }
    stream.expires_after(config.write_timeout);
    auto [wec, wn] = co_await beast::http::async_write(stream, res, as_tuple);
    if (wec) break;
    if (refuse != Status::unknown) {
      // Read and drop what the client is still sending (briefly, boundedly),
      // so closing does not reset the connection before it reads the answer.
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream.expires_after(std::chrono::seconds(2));
      char sink[8192];
      for (std::size_t drained = 0; drained < config.body_limit;) {
        auto [dec, dn] = co_await stream.async_read_some(asio::buffer(sink), as_tuple);
        if (dec) break;
        drained += dn;
      }
    }
    if (!keep_alive) break;
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.socket().close(ignored);
  connection_done(conn);
}

}  // namespace cchc::http
