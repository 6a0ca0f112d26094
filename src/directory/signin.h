#pragma once
// Checking a username and password, with throttling: after 5 failures for
// one account from one address within 15 minutes, further attempts are
// refused (429) until the oldest of them is 15 minutes old. An unknown user
// and a wrong password give the same answer and take the same time (a
// password hash is verified either way). Every attempt is audited.
//
// The two checks take the database, not a connection: the password is
// verified (argon2id, slow) outside any transaction, and a failure, its
// audit entry and a re-hash each commit on their own, so a failure counts
// whatever happens after it.
#include <optional>
#include <string>
#include <string_view>

#include "core/dates.h"
#include "db/database.h"
#include "directory/accounts.h"

namespace cchc::directory {

inline constexpr int kMaxFailures = 5;
inline constexpr std::chrono::minutes kFailureWindow{15};

struct SignIn {
  enum class Outcome { ok, bad_credentials, throttled } outcome;
  std::optional<User> user;  // when ok
};

// The current password, asked before a change (a session holder guessing
// it): after kMaxFailures wrong ones within kFailureWindow, further checks
// for the user are refused from any address until the oldest is that old.
// Audited as change_password_failed and change_password_throttled.
enum class PasswordCheck { ok, wrong, throttled };
PasswordCheck check_current_password(db::Database& db, const User& user, std::string_view password,
                                     const std::string& address, Instant now);

// Removes failures older than the window (the housekeeper's); returns how many.
std::int64_t purge_sign_in_failures(db::Connection& c, Instant now);

SignIn check_sign_in(db::Database& db, std::string_view username, std::string_view password, const std::string& address,
                     Instant now);

}  // namespace cchc::directory
