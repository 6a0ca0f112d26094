#pragma once
// API tokens for the one-stop systems that push dossiers and feedback, and
// for the applications that post citizen feedback through Open311. An
// admin issues a token for a system and a purpose ("indicators" or
// "open311": a token of one cannot do the other's work), scoped to a unit
// subtree; the secret is
// shown once and stored only as its SHA-256 (a 256-bit random secret needs
// no slow hash); a revoked token stops working at once.
//
// The secret's form: "cchc_" + 8 hex id + "_" + 43 base64url characters.
// Clients send it as `Authorization: Bearer <secret>`.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "core/dates.h"
#include "db/database.h"
#include "http/router.h"

namespace cchc::directory {

inline constexpr const char* kPurposeIndicators = "indicators";
inline constexpr const char* kPurposeOpen311 = "open311";

struct ApiToken {
  std::string id;
  std::string name;
  std::string unit_code;
  std::string purpose = kPurposeIndicators;
  Instant created_at;
  std::string created_by;
  std::optional<Instant> revoked_at;
  std::optional<Instant> last_used_at;
};

struct IssuedToken {
  ApiToken token;
  std::string secret;  // shown once, never stored
};

// Throws invalid_input for an empty or over-long name (≤ 100 characters)
// or an unknown purpose, not_found for an unknown unit. Audited; on the
// caller's transaction, or in one of its own.
IssuedToken issue_token(db::Connection& c, const std::string& name, const std::string& unit_code,
                        const std::string& purpose, const audit::Entry& who, Instant now);
IssuedToken issue_token(db::Database& db, const std::string& name, const std::string& unit_code,
                        const std::string& purpose, const audit::Entry& who, Instant now);
std::vector<ApiToken> list_tokens(db::Connection& c);
// Throws not_found for an unknown id; revoking twice keeps the first time.
void revoke_token(db::Connection& c, const std::string& id, const audit::Entry& who, Instant now);
void revoke_token(db::Database& db, const std::string& id, const audit::Entry& who, Instant now);
// The live token with this secret, if any; records its last use (at most
// once a minute, so pushes do not turn into writes). It takes the database:
// a request reads the token on a pooled connection and opens a transaction
// only in the minute it records a use.
std::optional<ApiToken> authenticate_token(db::Database& db, std::string_view secret, Instant now);

// The role a token's principal holds: it may push records for its unit
// subtree and nothing else.
inline constexpr const char* kApiClientRole = "api_client";

// Middleware for /api/ requests carrying `Authorization: Bearer …` with a
// token of purpose "indicators" (another purpose is 403): sets
// req.principal to the token's principal (username "token:<id>", the
// token's unit, role api_client) and marks the request token-authenticated,
// so no session is read and CSRF (a browser threat) does not apply; an
// unknown or revoked token is 401.
http::Middleware bearer_tokens(db::Database& db);

}  // namespace cchc::directory
