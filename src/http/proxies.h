#pragma once
// Reverse proxies the server believes (`serve --trusted-proxy`, repeatable):
// an address ("127.0.0.1", "::1") or a network ("10.0.0.0/8",
// "fd00::/8"). Behind one, every request's peer is the proxy, and the
// client is the address the proxy saw, which it appends to
// X-Forwarded-For. So the client address of a request is:
//   - the peer, when the peer is not a trusted proxy (what it sends in
//     X-Forwarded-For is its own word, and ignored);
//   - else the right-most X-Forwarded-For entry that is not itself a
//     trusted proxy (proxies in a chain each append their peer), or the peer
//     when there is none or an entry is not an IP address.
// Every throttle, rate limit and audit entry keys on this address.
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

namespace cchc::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Throws invalid_input naming an entry that is neither an address nor a network.
  explicit TrustedProxies(const std::vector<std::string>& entries);

  bool contains(std::string_view address) const;
  std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

}  // namespace cchc::http
