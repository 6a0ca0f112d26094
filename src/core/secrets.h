#pragma once
// Secrets and digests (libsodium): session and API tokens, the hashes that
// stand for them in storage, the audit chain's links, content fingerprints.
#include <string>
#include <string_view>

namespace cchc {

// 32 random bytes, URL-safe base64 without padding.
std::string random_token();
// SHA-256 of `data` as 64 lower-case hex characters.
std::string sha256_hex(std::string_view data);
// HMAC-SHA-256 of `data` under `key`, as 64 lower-case hex characters.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// Constant-time comparison of two secrets.
bool secrets_equal(std::string_view a, std::string_view b);

}  // namespace cchc
