#include "http/metrics.h"

#include <fmt/format.h>

namespace cchc::http {

namespace {

std::string escape_label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// The method label: one of a closed set.
std::string method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "-"}) {
    if (method == known) return std::string(known);
  }
  return "OTHER";
}

}  // namespace

void Metrics::observe(const std::string& route, std::string_view method, int status,
                      std::chrono::nanoseconds duration) {
  double seconds = std::chrono::duration<double>(duration).count();
  std::lock_guard lock(mutex_);
  ++requests_[{route, method_label(method), status}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++buckets_[i];
  }
  ++count_;
  sum_seconds_ += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP cchc_http_requests_total HTTP requests answered, by route pattern, method and status.\n";
  out += "# TYPE cchc_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format("cchc_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", escape_label(route),
                       escape_label(method), status, n);
  }
  out +=
      "# HELP cchc_http_request_duration_seconds Time from a request's last header byte to its response being handed "
      "to the socket.\n";
  out += "# TYPE cchc_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    out += fmt::format("cchc_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], buckets_[i]);
  }
  out += fmt::format("cchc_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", count_);
  out += fmt::format("cchc_http_request_duration_seconds_sum {}\n", sum_seconds_);
  out += fmt::format("cchc_http_request_duration_seconds_count {}\n", count_);
  out += "# HELP cchc_http_open_connections Client connections open now.\n";
  out += "# TYPE cchc_http_open_connections gauge\n";
  out += fmt::format("cchc_http_open_connections {}\n", open_connections_.load());
  out += "# HELP cchc_http_refused_connections_total Connections closed on arrival: over the server's cap (total), ";
  out += "over one client address's cap (client), or not accepted for want of descriptors (descriptors).\n";
  out += "# TYPE cchc_http_refused_connections_total counter\n";
  const char* reasons[] = {"total", "client", "descriptors"};
  for (std::size_t i = 0; i < refused_.size(); ++i) {
    out += fmt::format("cchc_http_refused_connections_total{{reason=\"{}\"}} {}\n", reasons[i], refused_[i].load());
  }
  return out;
}

}  // namespace cchc::http
