#pragma once
// Users, roles and passwords (OWASP ASVS 4.0.3 level 2, section 2.1/2.4):
// passwords of 12 to 128 characters, any characters, no composition rules,
// refused when on the common-password list or equal to the username;
// stored as argon2id (libsodium, its interactive limits) and re-hashed at
// sign-in when those limits change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "core/dates.h"
#include "db/database.h"
#include "directory/model.h"

namespace cchc::directory {

// The roles; what each may do, and how far, is permissions.h.
inline const std::vector<std::string> kRoles = {"admin",  "coordinator",     "unit_officer", "unit_leader",
                                                "editor", "editorial_board", "appraiser",    "viewer"};
bool is_role(std::string_view role);
std::string role_label_vi(std::string_view role);

// Empty when the password is acceptable, else the Vietnamese reason (the
// English one in `reason_en` when given).
std::string password_problem(std::string_view password, std::string_view username, std::string* reason_en = nullptr);
bool is_common_password(std::string_view password);

std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
bool needs_rehash(const std::string& hash);
// A password for people to type: 16 characters from an unambiguous alphabet.
std::string generate_password();

// Username: 3-64 of a-z 0-9 . _ - (stored lower case).
std::string normalise_username(std::string_view username);

// A password that passed password_problem for its user, hashed. Hashing
// (argon2id) is slow and memory-hungry, so a caller makes it before the
// transaction that stores it. Throws invalid_input.
struct PasswordHash {
  std::string value;
};
PasswordHash checked_password(std::string_view password, std::string_view username);

struct NewUser {
  std::string username, display_name, unit_code;
  std::vector<std::string> roles;
  std::string password;
  // For the coordinator role: the root of the subtree it coordinates when
  // wider than the user's unit (a province coordinator working in Sở Nội
  // vụ); "" for the user's unit. It must contain the user's unit.
  std::string coordinates;
};
// A NewUser checked on its own (the username's form, roles known, the
// password acceptable) and ready to store: the username normalised, the
// display name in NFC (the username when empty), the roles sorted once
// each, the password hashed (checked_password). Throws invalid_input.
struct CheckedUser {
  std::string username, display_name, unit_code;
  std::vector<std::string> roles;
  PasswordHash password;
  std::string coordinates;
};
CheckedUser check_new_user(const NewUser& u);

// Stores a checked user, audited, once the unit exists and is open
// (invalid_input), the unit it coordinates (if given) is open and contains
// it (invalid_input), and the username is free (conflict).
User add_user(db::Connection& c, const CheckedUser& u, const audit::Entry& who, Instant now);
// check_new_user, then add_user in a transaction of its own.
User add_user(db::Database& db, const NewUser& u, const audit::Entry& who, Instant now);

struct UserChange {
  std::string display_name, unit_code;
  std::vector<std::string> roles;
  bool active = true;
  // The coordinator role's subtree (NewUser::coordinates): "" for the
  // user's unit; nullopt keeps the one it has while the unit lies in it.
  std::optional<std::string> coordinates = std::nullopt;
};
// Updates a user's name, unit, roles and active flag (audited, before and
// after); deactivating ends their sessions. A role kept keeps its scope
// while the new unit lies within it, unless `coordinates` sets it. Throws
// invalid_input / not_found.
User update_user(db::Connection& c, std::int64_t user_id, const UserChange& change, const audit::Entry& who,
                 Instant now);
User update_user(db::Database& db, std::int64_t user_id, const UserChange& change, const audit::Entry& who,
                 Instant now);

// Stores a new password hash (audited) and ends the user's sessions except
// `keep_session`; not_found for an unknown user.
void set_password(db::Connection& c, std::int64_t user_id, const PasswordHash& hash, const audit::Entry& who,
                  Instant now, const std::string& keep_session = {});
// Checks and hashes `password` for the user, then the above in a
// transaction of its own.
void set_password(db::Database& db, std::int64_t user_id, std::string_view password, const audit::Entry& who,
                  Instant now, const std::string& keep_session = {});

// Sets (or with "" clears) the address reminders are mailed to; checked to
// be one address of the plain local@domain form, at most 254 characters.
void set_email(db::Connection& c, std::int64_t user_id, std::string_view email, const audit::Entry& who, Instant now);
void set_email(db::Database& db, std::int64_t user_id, std::string_view email, const audit::Entry& who, Instant now);

// find_user and list_users on a connection: directory/read.h.
std::optional<User> find_user(db::Database& db, std::string_view username);
std::optional<User> find_user(db::Database& db, std::int64_t id);
std::vector<User> list_users(db::Database& db);
std::optional<std::string> password_hash_of(db::Database& db, std::int64_t user_id);

}  // namespace cchc::directory
