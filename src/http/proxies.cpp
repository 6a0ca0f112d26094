#include "http/proxies.h"

#include <boost/asio/ip/address.hpp>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::http {

namespace ip = boost::asio::ip;

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    boost::system::error_code ec;
    auto slash = entry.find('/');
    if (entry.find(':') == std::string::npos) {
      auto net = slash == std::string::npos ? ip::make_network_v4(ip::make_address_v4(entry, ec), 32)
                                            : ip::make_network_v4(entry, ec);
      if (!ec) {
        v4_.push_back(net);
        continue;
      }
    } else {
      auto net = slash == std::string::npos ? ip::make_network_v6(ip::make_address_v6(entry, ec), 128)
                                            : ip::make_network_v6(entry, ec);
      if (!ec) {
        v6_.push_back(net);
        continue;
      }
    }
    throw invalid_input("--trusted-proxy '" + entry + "' is neither an IP address nor a network (10.0.0.0/8)");
  }
}

bool TrustedProxies::contains(std::string_view address) const {
  boost::system::error_code ec;
  auto a = ip::make_address(address, ec);
  if (ec) return false;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) a = ip::make_address_v4(ip::v4_mapped, a.to_v6());
  if (a.is_v4()) {
    for (const auto& n : v4_) {
      if (ip::make_network_v4(a.to_v4(), 32).is_subnet_of(n) || n.address() == a.to_v4()) return true;
    }
    return false;
  }
  for (const auto& n : v6_) {
    if (ip::make_network_v6(a.to_v6(), 128).is_subnet_of(n) || n.address() == a.to_v6()) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer, std::string_view forwarded_for) const {
  if (!contains(peer)) return std::string(peer);
  while (!forwarded_for.empty()) {
    auto comma = forwarded_for.rfind(',');
    auto entry = text::trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    boost::system::error_code ec;
    auto a = ip::make_address(entry, ec);
    if (ec) break;
    if (!contains(entry)) return a.to_string();
  }
  return std::string(peer);
}

}  // namespace cchc::http
