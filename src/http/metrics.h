#pragma once
// Prometheus metrics of the HTTP server, rendered in the text exposition
// format (version 0.0.4) at GET /metrics:
//   cchc_http_requests_total{route,method,status}   counter
//   cchc_http_request_duration_seconds               histogram
//   cchc_http_open_connections                       gauge
//   cchc_http_refused_connections_total{reason}      counter (reason: total,
//                                                    client, descriptors)
// Every label comes from a closed set, so the series stay bounded whatever
// clients send: `route` is the matched pattern (or "unmatched", "unparsed"),
// never the raw path; `method` is one of the methods the router knows, any
// other is "OTHER".
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace cchc::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  void observe(const std::string& route, std::string_view method, int status, std::chrono::nanoseconds duration);
  enum class Refusal { total, client, descriptors };
  void connection_refused(Refusal why) { ++refused_[static_cast<std::size_t>(why)]; }
  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  long open_connections() const { return open_connections_.load(); }
  std::string render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_seconds_ = 0;
  std::atomic<long> open_connections_{0};
  std::array<std::atomic<std::uint64_t>, 3> refused_{};
};

}  // namespace cchc::http
