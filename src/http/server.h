#pragma once
// The HTTP/1.1 server on Boost.Beast: a thread pool running one io_context,
// one coroutine per connection, keep-alive, and a bounded life for every
// connection:
//   - request header over `header_limit` bytes, or
//     more than `header_count_limit` fields         → 431, connection closed
//   - declared body over the route's limit          → 413 before the body is read
//   - chunked body growing over the route's limit   → 413
//   (the route's limit: `limits_of(method, target).bytes`, never over
//   `body_limit`)
//   - malformed request                             → 400
//   - no complete header within `header_timeout` (the first request) or
//     `keep_alive_timeout` (each next one), no body within `read_timeout`,
//     or a response not taken within `write_timeout` → connection closed
// and a bounded number of connections:
//   - over `max_connections` open, or over `max_connections_per_client`
//     from one peer address (trusted proxies excepted) → the new connection
//     gets a 503 and is closed at once; counted in the metrics
//   - no descriptor for a new connection (EMFILE and the like) → the server
//     pauses accepting for 100 ms, logs at most once a second, and goes on
//     serving the connections it has
// and work kept off the I/O threads:
//   - a heavy route's request (limits_of(...).heavy(): files or a document
//     to parse) is handled on the work threads, so the I/O threads go on
//     answering health checks, static files and pages; over
//     `max_heavy_requests` waiting or running → 503, over
//     `max_heavy_per_client` of one client (client_of) → 429, both with
//     Retry-After and before it waits
// listen() raises the soft descriptor limit to the hard one; max_connections
// 0 means that limit less a reserve for the database, logs and children.
// Every request gets an id (X-Request-Id: the client's if it is sane, else a
// new one), an access-log line, metrics, and gzip when the client accepts it
// and the body is text over 1 KiB. stop() (or SIGTERM/SIGINT after
// stop_on_signals) stops accepting, closes idle connections, lets requests
// in flight finish, and returns once they have (or `shutdown_grace` passed).
// Neither Beast nor Asio shows in this header: the app sees http/message.h.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/limits.h"
#include "http/message.h"
#include "http/metrics.h"

namespace cchc::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port())
  unsigned threads = 0;        // 0: one per hardware thread
  std::size_t header_limit = 16 * 1024;
  std::size_t header_count_limit = 100;
  std::size_t body_limit = 10 * 1024 * 1024;
  // The body limits of the request's route (Router::limits_of), asked once
  // its header is read; unset: `body_limit` and no heavy routes.
  std::function<BodyLimits(Verb, std::string_view target)> limits_of;
  unsigned work_threads = 0;           // 0: one per hardware thread, at least 2
  std::size_t max_heavy_requests = 0;  // 0: four per work thread
  std::size_t max_heavy_per_client = 2;
  // Who a request is for that cap (the app's signed-in user, say); unset:
  // its client address.
  std::function<std::string(const Request&)> client_of;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds keep_alive_timeout{10};
  std::size_t max_connections = 0;
  std::size_t max_connections_per_client = 128;
  // Reverse proxies (nginx), as addresses or networks (http/proxies.h): the
  // client address of a request through one is read from X-Forwarded-For,
  // and the per-client cap does not apply to the proxy itself.
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
  std::chrono::seconds shutdown_grace{10};
  bool access_log = true;
};

// The application: takes a request whose target is parsed and whose id is
// set, returns the response. It must not throw (wrap it in the error mapper).
using App = std::function<Response(Request&)>;
// Answers for conditions found by the server itself (400, 413, 431).
using ErrorResponder = std::function<Response(Request&, Status)>;

class Server {
 public:
  Server(ServerConfig config, App app, ErrorResponder errors, std::shared_ptr<Metrics> metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; throws unavailable when the address is taken.
  void listen();
  unsigned short port() const { return port_; }
  // Serves until stop(); returns when every thread is done.
  void run();
  // From now on SIGTERM and SIGINT begin the graceful shutdown (call before
  // announcing the server, so no signal can arrive unhandled).
  void stop_on_signals();
  // Thread-safe; begins the graceful shutdown.
  void stop();

  struct State;

 private:
  std::shared_ptr<State> state_;
  unsigned short port_ = 0;
};

}  // namespace cchc::http
