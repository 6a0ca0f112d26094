// The client address of a request through trusted reverse proxies: the
// peer's word about itself is ignored, a proxy's is believed.
#include "http/proxies.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::http {
namespace {

TEST(TrustedProxies, TheClientAddressBehindThem) {
  TrustedProxies proxies({"127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"});
  struct Row {
    const char* peer;
    const char* forwarded;
    const char* client;
  };
  const Row rows[] = {
      {"127.0.0.1", "203.0.113.7", "203.0.113.7"},                // nginx on the same host
      {"127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"},  // the proxy's own view is the last entry
      {"127.0.0.1", "203.0.113.7, 10.1.2.3", "203.0.113.7"},      // a chain: the load balancer, then nginx
      {"10.0.0.5", " 203.0.113.8 ", "203.0.113.8"},               // a proxy in a trusted network
      {"::1", "2001:db8::1", "2001:db8::1"},
      {"fd12::1", "2001:db8::2", "2001:db8::2"},
      {"::ffff:127.0.0.1", "203.0.113.4", "203.0.113.4"},  // IPv4 through an IPv6 socket
      {"192.168.1.1", "203.0.113.10", "192.168.1.1"},      // not a trusted proxy: its own word
      {"203.0.113.50", "127.0.0.1", "203.0.113.50"},       // a public peer cannot choose its address
      {"127.0.0.2", "203.0.113.7", "127.0.0.2"},           // another loopback address is not the proxy
      {"127.0.0.1", "", "127.0.0.1"},
      {"127.0.0.1", "not-an-address", "127.0.0.1"},
      {"127.0.0.1", "10.0.0.1", "127.0.0.1"},  // only proxies: the peer
  };
  for (const auto& r : rows) {
    EXPECT_EQ(proxies.client_address(r.peer, r.forwarded), r.client) << r.peer << " / " << r.forwarded;
  }
}

TEST(TrustedProxies, Membership) {
  TrustedProxies proxies({"127.0.0.1", "10.0.0.0/8", "fd00::/8"});
  for (const char* in : {"127.0.0.1", "10.0.0.0", "10.255.255.255", "fd00::1", "::ffff:10.1.1.1"}) {
    EXPECT_TRUE(proxies.contains(in)) << in;
  }
  for (const char* out : {"127.0.0.2", "11.0.0.1", "fe80::1", "", "-", "garbage"}) {
    EXPECT_FALSE(proxies.contains(out)) << out;
  }
  EXPECT_FALSE(TrustedProxies().contains("127.0.0.1"));
}

TEST(TrustedProxies, EntriesMustBeAddressesOrNetworks) {
  for (const char* bad : {"localhost", "10.0.0.0/33", "1.2.3", "fd00::/129", ""}) {
    EXPECT_THROW(TrustedProxies({bad}), Error) << bad;
  }
}

}  // namespace
}  // namespace cchc::http
