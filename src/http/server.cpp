#include "http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <sys/resource.h>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>

#include <algorithm>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/errors.h"
#include "core/text.h"
#include "http/compression.h"
#include "http/proxies.h"
#include "http/wire.h"

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
  std::string address;   // the peer's, "-" when unknown
  bool counted = false;  // counted against its address's cap
  bool idle = true;      // waiting for (the start of) a request; only touched on the strand
  Connection(tcp::socket s, std::string a) : stream(std::move(s)), address(std::move(a)) {}
};

// Descriptors kept back from connections: the database, logs, static files,
// the children of converters.
constexpr rlim_t kReservedDescriptors = 128;

// Raises the soft descriptor limit to the hard one; returns the soft limit.
rlim_t raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur;
}

// A warning logged at most once a second; the ones in between are counted
// and reported with the next.
class ThrottledWarning {
 public:
  template <typename... Args>
  void warn(fmt::format_string<Args...> format, Args&&... args) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::seconds(1)) {
      ++suppressed_;
      return;
    }
    last_ = now;
    auto text = fmt::format(format, std::forward<Args>(args)...);
    if (suppressed_) text += fmt::format(" ({} more like it in the last second)", suppressed_);
    suppressed_ = 0;
    spdlog::warn("{}", text);
  }

 private:
  std::chrono::steady_clock::time_point last_{};
  std::uint64_t suppressed_ = 0;
};

// The answer to a connection over a cap, written without reading anything.
const std::string& busy_response() {
  static const std::string text = "Hệ thống đang quá tải. Xin vui lòng thử lại sau ít phút.\n";
  static const std::string response = fmt::format(
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
      "Connection: close\r\nContent-Length: {}\r\n\r\n{}",
      text.size(), text);
  return response;
}

// Plain text, for when even the error page cannot be rendered.
WireResponse plain_error(Status status) {
  Response res{status, 11};
  res.set(field::content_type, "text/plain; charset=utf-8");
  res.body() = fmt::format("{} {}", int(status), reason(status));
  res.prepare_payload();
  return wire_of(std::move(res));
}

}  // namespace

struct Server::State {
  ServerConfig config;
  App app;
  ErrorResponder errors;
  std::shared_ptr<Metrics> metrics;
  // Set once run()'s threads are done: coroutine frames the io_context
  // destroys after that (connections cut at the end of the grace period)
  // have nothing to give back. Declared before the io_context, so it
  // outlives it.
  std::atomic<bool> finished{false};
  asio::io_context ioc;
  // Heavy routes' handlers; made by run(), joined when it ends.
  std::optional<asio::thread_pool> work;
  std::size_t heavy_requests = 0;                                // waiting for or on the work threads; under mutex
  std::unordered_map<std::string, std::size_t> heavy_by_client;  // the same, by ServerConfig::client_of
  std::size_t max_heavy_requests = 0;
  tcp::acceptor acceptor{ioc};
  asio::steady_timer grace_timer{ioc};
  std::optional<asio::signal_set> signals;
  std::shared_ptr<spdlog::logger> access_log;  // null when the access log is off
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;
  std::unordered_map<std::string, std::size_t> per_client;  // open connections by peer address
  std::size_t max_connections = 0;
  TrustedProxies proxies;
  ThrottledWarning accept_warning, refusal_warning;  // used by the accept loop only

  // Counts the connection in, or says which cap it is over.
  std::optional<Metrics::Refusal> admit(const std::shared_ptr<Connection>& conn);

  awaitable<void> accept_loop();
  awaitable<void> serve(std::shared_ptr<Connection> conn);
  awaitable<void> serve_requests(Connection& conn);
  // The request as the app sees it; an unparsable target leaves path empty.
  Request make_request(WireRequest&& msg, const std::string& remote);
  // Answers the request: by the app, or by the error responder with
  // `refuse`; headers checked, compressed, logged, counted.
  WireResponse handle(Request& req, const std::string& remote, int& status_out, Status refuse = Status::unknown);
  // A place among the heavy requests for `client`, or the status refusing
  // it: 503 when every place is taken, 429 when the client has its share.
  Status reserve_heavy(const std::string& client);
  void release_heavy(const std::string& client);
  void begin_shutdown();
  void connection_done(const std::shared_ptr<Connection>& conn);
};

Server::Server(ServerConfig config, App app, ErrorResponder errors, std::shared_ptr<Metrics> metrics)
    : state_(std::make_shared<State>()) {
  state_->config = std::move(config);
  state_->proxies = TrustedProxies(state_->config.trusted_proxies);
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
  auto descriptors = raise_descriptor_limit();
  s.max_connections =
      s.config.max_connections
          ? s.config.max_connections
          : std::size_t(std::max<rlim_t>(
                16, descriptors > kReservedDescriptors * 2 ? descriptors - kReservedDescriptors : descriptors / 2));
}

void Server::run() {
  auto& s = *state_;
  asio::co_spawn(s.ioc, s.accept_loop(), asio::detached);
  unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  unsigned n = s.config.threads ? s.config.threads : hardware;
  unsigned workers = s.config.work_threads ? s.config.work_threads : std::max(2u, hardware);
  s.work.emplace(workers);
  s.max_heavy_requests = s.config.max_heavy_requests ? s.config.max_heavy_requests : 4 * std::size_t(workers);
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.work->join();  // a handler still running finishes; its answer has nowhere to go
  s.finished = true;
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
  if (conn->counted) {
    auto it = per_client.find(conn->address);
    if (it != per_client.end() && --it->second == 0) per_client.erase(it);
  }
  if (stopping && connections.empty()) {
    asio::post(ioc, [this] { grace_timer.cancel(); });
  }
}

Status Server::State::reserve_heavy(const std::string& client) {
  std::lock_guard lock(mutex);
  if (heavy_requests >= max_heavy_requests) return Status::service_unavailable;
  auto& mine = heavy_by_client[client];
  if (mine >= config.max_heavy_per_client) {
    if (mine == 0) heavy_by_client.erase(client);
    return Status::too_many_requests;
  }
  ++mine;
  ++heavy_requests;
  return Status::unknown;
}

void Server::State::release_heavy(const std::string& client) {
  std::lock_guard lock(mutex);
  --heavy_requests;
  auto it = heavy_by_client.find(client);
  if (it != heavy_by_client.end() && --it->second == 0) heavy_by_client.erase(it);
}

std::optional<Metrics::Refusal> Server::State::admit(const std::shared_ptr<Connection>& conn) {
  bool trusted = proxies.contains(conn->address);
  std::lock_guard lock(mutex);
  if (connections.size() >= max_connections) return Metrics::Refusal::total;
  if (!trusted) {
    auto& n = per_client[conn->address];
    if (n >= config.max_connections_per_client) return Metrics::Refusal::client;
    ++n;
    conn->counted = true;
  }
  connections.insert(conn);
  return std::nullopt;
}

awaitable<void> Server::State::accept_loop() {
  asio::steady_timer pause(ioc);
  while (!stopping) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), as_tuple);
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      bool exhausted = ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
                       ec == asio::error::no_memory || ec.value() == ENFILE;
      if (!exhausted) {  // one client's trouble (it reset before the accept): go on
        accept_warning.warn("accept failed: {}", ec.message());
        continue;
      }
      // Out of descriptors or memory: the connection waits in the backlog
      // while the ones open finish; trying again at once would only spin.
      metrics->connection_refused(Metrics::Refusal::descriptors);
      accept_warning.warn("accept failed: {}; pausing new connections for 100 ms", ec.message());
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(as_tuple);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto ep = socket.remote_endpoint(ec);
    auto conn = std::make_shared<Connection>(std::move(socket), ec ? "-" : ep.address().to_string());
    if (auto refusal = admit(conn)) {
      metrics->connection_refused(*refusal);
      refusal_warning.warn("connection from {} refused: over the {} cap", conn->address,
                           *refusal == Metrics::Refusal::total ? "server's connection" : "per-client connection");
      auto& sock = conn->stream.socket();
      sock.non_blocking(true, ec);
      sock.write_some(asio::buffer(busy_response()), ec);
      sock.shutdown(tcp::socket::shutdown_both, ec);
      sock.close(ec);
      continue;
    }
    metrics->connection_opened();
    asio::co_spawn(conn->stream.get_executor(), serve(conn), asio::detached);
  }
}

Request Server::State::make_request(WireRequest&& msg, const std::string& remote) {
  Request req = request_of(std::move(msg));
  req.remote_address = remote;
  req.client_address = proxies.client_address(remote, req.header("X-Forwarded-For"));
  auto given = req.header("X-Request-Id");
  req.request_id = sane_request_id(given) ? std::string(given) : new_request_id();
  if (!parse_target(req)) req.path.clear();
  return req;
}

WireResponse Server::State::handle(Request& req, const std::string& remote, int& status_out, Status refuse) {
  auto started = std::chrono::steady_clock::now();

  if (refuse == Status::unknown && req.path.empty()) refuse = Status::bad_request;
  WireResponse res = wire_of(refuse == Status::unknown ? app(req) : errors(req, refuse));
  if (refuse == Status::service_unavailable || refuse == Status::too_many_requests) res.set("Retry-After", "5");

  // A header value with a control byte (CR, LF, TAB, NUL) would split the
  // response or send a browser elsewhere: refused here, whatever built it.
  for (const auto& field : res) {
    if (text::has_control(field.value())) {
      spdlog::error("request {} {}: the response header {} holds a control byte; answering 500", req.request_id,
                    req.path, std::string_view(field.name_string()));
      res = plain_error(Status::internal_server_error);
      break;
    }
  }
  res.set("X-Request-Id", req.request_id);
  // A shared body comes with its encodings chosen (http/page_cache.h).
  auto& body = res.body();
  if (!body.is_shared() && res.find(beast::http::field::content_encoding) == res.end() && body.size() > 1024 &&
      is_compressible(res[beast::http::field::content_type]) && accepts_gzip(req.header(field::accept_encoding))) {
    body.assign(gzip(body.view()));
    res.set(beast::http::field::content_encoding, "gzip");
    res.set(beast::http::field::vary, "Accept-Encoding");
    res.prepare_payload();
  }
  if (req.method == Verb::head) {
    // Keep Content-Length as for GET, send no body.
    auto length = body.size();
    body.clear();
    res.content_length(length);
  }
  auto elapsed = std::chrono::steady_clock::now() - started;
  status_out = res.result_int();
  metrics->observe(req.route, req.method_string(), status_out, elapsed);
  if (access_log) {
    access_log->info("{} \"{} {}\" {} {} {:.3f}ms {}", remote, req.method_string(), redact_secrets(req.target),
                     status_out, body.size(), std::chrono::duration<double, std::milli>(elapsed).count(),
                     req.request_id);
  }
  return res;
}

awaitable<void> Server::State::serve(std::shared_ptr<Connection> conn) {
  // However the connection ends (its close, a timeout, an exception), its
  // socket is closed and its place given back: a descriptor never leaks.
  struct Closer {
    State& state;
    std::shared_ptr<Connection> conn;
    ~Closer() {
      if (state.finished) return;
      boost::system::error_code ignored;
      conn->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      conn->stream.socket().close(ignored);
      state.connection_done(conn);
    }
  } closer{*this, conn};
  try {
    co_await serve_requests(*conn);
  } catch (const std::exception& e) {
    spdlog::error("connection from {} ended by an error: {}", conn->address, e.what());
  }
}

awaitable<void> Server::State::serve_requests(Connection& connection) {
  auto* conn = &connection;
  auto& stream = conn->stream;
  beast::flat_buffer buffer;
  const std::string& remote = conn->address;
  bool first = true;
  while (!stopping) {
    conn->idle = true;
    beast::http::request_parser<beast::http::string_body> parser;
    parser.header_limit(std::uint32_t(config.header_limit));
    parser.body_limit(config.body_limit);
    stream.expires_after(first ? config.header_timeout : config.keep_alive_timeout);
    first = false;

    auto [ec, n] = co_await beast::http::async_read_header(stream, buffer, parser, as_tuple);
    conn->idle = false;
    Status refuse = Status::unknown;
    bool heavy = false;
    if (ec == beast::http::error::header_limit) refuse = Status::request_header_fields_too_large;
    // Beast refuses a declared Content-Length over body_limit with the header.
    else if (ec == beast::http::error::body_limit)
      refuse = Status::payload_too_large;
    else if (ec == beast::http::error::end_of_stream || ec == beast::http::error::partial_message ||
             ec == asio::error::eof || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
             ec == asio::error::connection_reset || ec == asio::error::bad_descriptor)
      break;
    else if (ec)
      refuse = Status::bad_request;

    if (refuse == Status::unknown) {
      auto& header = parser.get();
      std::size_t limit = config.body_limit;
      if (config.limits_of) {
        auto route = config.limits_of(verb_of(header.method_string()), header.target());
        limit = std::min(limit, route.bytes);
        heavy = route.heavy();
      }
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
               ec == beast::http::error::partial_message || ec == asio::error::connection_reset)
        break;
      else if (ec)
        refuse = Status::bad_request;
    }

    WireResponse res;
    bool keep_alive;
    int status = 0;
    if (refuse != Status::unknown) {
      Request req;
      req.request_id = new_request_id();
      req.remote_address = req.client_address = remote;
      try {
        res = wire_of(errors(req, refuse));
      } catch (const std::exception& e) {
        spdlog::error("the error page for {} failed: {}", int(refuse), e.what());
        res = plain_error(refuse);
      }
      res.set("X-Request-Id", req.request_id);
      res.keep_alive(false);
      keep_alive = false;
      metrics->observe("unparsed", "-", int(refuse), std::chrono::nanoseconds{0});
      if (access_log) access_log->info("{} \"-\" {} refused {}", remote, int(refuse), req.request_id);
    } else {
      auto msg = parser.release();
      keep_alive = msg.keep_alive();
      auto req = make_request(std::move(msg), remote);
      auto answer = [&](Status refuse_it) {
        try {
          return handle(req, remote, status, refuse_it);
        } catch (const std::exception& e) {
          // The app maps its own errors; this is the last line of defence
          // (say, the error page itself failing to render).
          spdlog::error("unhandled error answering a request: {}", e.what());
          keep_alive = false;
          return plain_error(Status::internal_server_error);
        }
      };
      if (!heavy) {
        res = answer(Status::unknown);
      } else {
        // Whose share it is, known before it waits for a work thread (the
        // app's answer when it cannot tell: its database is down).
        std::string client;
        Status refused = Status::unknown;
        try {
          client = config.client_of ? config.client_of(req) : req.client_address;
          refused = reserve_heavy(client);
        } catch (const std::exception& e) {
          spdlog::warn("request {}: whose share of heavy work it is cannot be told: {}", req.request_id, e.what());
          refused = Status::service_unavailable;
        }
        if (refused != Status::unknown) {
          res = answer(refused);
        } else {
          // Given back however the wait ends; not once run() is done (the
          // frame is then destroyed with the io_context, after the state).
          struct Release {
            State& state;
            const std::string& client;
            ~Release() {
              if (!state.finished) state.release_heavy(client);
            }
          } release{*this, client};
          res = co_await asio::co_spawn(
              work->get_executor(), [&]() -> awaitable<WireResponse> { co_return answer(Status::unknown); },
              use_awaitable);
        }
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
}

}  // namespace cchc::http
