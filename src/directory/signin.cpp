#include "directory/signin.h"

#include "audit/audit.h"

namespace cchc::directory {

namespace {

// Verified when the username is unknown, so both failures cost the same.
const std::string& decoy_hash() {
  static const std::string h = hash_password("cchc-decoy-password-never-used");
  return h;
}

std::int64_t epoch(Instant t) { return t.time_since_epoch().count(); }

// The address column of a wrong current password: counted per user, from
// whatever address it came.
constexpr const char* kPasswordChange = "password-change";

}  // namespace

PasswordCheck check_current_password(db::Database& db, const User& user, std::string_view password,
                                     const std::string& address, Instant now) {
  auto audit_it = [&](const char* action) {
    db.write([&](db::Connection& c) {
      audit::append(c, audit::Entry{user.username, address, action, "users", user.username, {}, {}}, now);
    });
  };
  auto failures = db.read([&](db::Connection& c) {
    return c
        .query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE username = ? AND address = ? AND at > ?",
               {user.username, kPasswordChange, epoch(now - kFailureWindow)})
        .one()
        .i64("n");
  });
  if (failures >= kMaxFailures) {
    audit_it("change_password_throttled");
    return PasswordCheck::throttled;
  }
  auto hash = password_hash_of(db, user.id);
  if (hash && verify_password(*hash, password.substr(0, 1024))) return PasswordCheck::ok;
  db.write([&](db::Connection& c) {
    c.query("INSERT INTO sign_in_failures (username, address, at) VALUES (?, ?, ?)",
            {user.username, kPasswordChange, epoch(now)});
  });
  audit_it("change_password_failed");
  return PasswordCheck::wrong;
}

std::int64_t purge_sign_in_failures(db::Connection& c, Instant now) {
  return c.query("DELETE FROM sign_in_failures WHERE at <= ?", {epoch(now - kFailureWindow)}).affected;
}

SignIn check_sign_in(db::Database& db, std::string_view username_in, std::string_view password,
                     const std::string& address, Instant now) {
  std::string username = normalise_username(username_in.substr(0, 128));
  auto audit_it = [&](const char* action) {
    db.write([&](db::Connection& c) {
      audit::append(c, audit::Entry{username, address, action, "sessions", username, {}, {}}, now);
    });
  };
  auto failures = db.read([&](db::Connection& c) {
    return c
        .query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE username = ? AND address = ? AND at > ?",
               {username, address, epoch(now - kFailureWindow)})
        .one()
        .i64("n");
  });
  if (failures >= kMaxFailures) {
    audit_it("sign_in_throttled");
    return {SignIn::Outcome::throttled, std::nullopt};
  }
  auto user = find_user(db, username);
  std::optional<std::string> hash = user && user->active ? password_hash_of(db, user->id) : std::nullopt;
  bool ok = verify_password(hash ? *hash : decoy_hash(), password) && hash.has_value();
  if (!ok) {
    db.write([&](db::Connection& c) {
      c.query("INSERT INTO sign_in_failures (username, address, at) VALUES (?, ?, ?)", {username, address, epoch(now)});
      c.query("DELETE FROM sign_in_failures WHERE at <= ?", {epoch(now - kFailureWindow)});
    });
    audit_it("sign_in_failed");
    return {SignIn::Outcome::bad_credentials, std::nullopt};
  }
  if (needs_rehash(*hash)) {
    std::string fresh = hash_password(password);
    db.write([&](db::Connection& c) { c.query("UPDATE users SET password_hash = ? WHERE id = ?", {fresh, user->id}); });
  }
  db.write([&](db::Connection& c) {
    c.query("DELETE FROM sign_in_failures WHERE username = ? AND address = ?", {username, address});
  });
  audit_it("sign_in");
  return {SignIn::Outcome::ok, user};
}

}  // namespace cchc::directory
