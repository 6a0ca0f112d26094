#pragma once
// Browser sessions, kept in the database so that every cchc process behind a
// load balancer knows them. The cookie carries 256 random bits; the table
// keeps only their SHA-256. A session ends 30 minutes after its last use or
// 12 hours after it began, whichever is first. Each session has its own CSRF
// token, which every state-changing form and htmx request must send back.
//
// A visitor without a session (the sign-in page, the citizen's form) gets
// no row: their forms carry a signed double-submit token instead, the same
// value in a cookie (HttpOnly, SameSite=Lax) and in the form, made of a
// random nonce and its HMAC under the site's secret (kept in `settings`, so
// every process behind a balancer knows it). Anonymous visits store nothing.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"

namespace cchc::http {

struct Session {
  std::string token_hash;
  std::string csrf_token;
  std::optional<std::int64_t> user_id;
  nlohmann::json prefs = nlohmann::json::object();
  Instant created_at;
  Instant last_seen_at;
  bool is_new = false;       // created by this request: the response sets the cookie
  std::string cookie_token;  // the raw token, only while is_new
};

struct SessionPolicy {
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 3600};
  std::chrono::seconds touch_interval{60};  // last_seen_at is written at most this often
  bool secure_cookie = false;               // behind HTTPS: Secure + __Host- prefix
};

class SessionStore {
 public:
  SessionStore(db::Database& db, SessionPolicy policy) : db_(db), policy_(policy) {}

  std::string cookie_name() const;
  // The live session named by the request's cookie, refreshing its idle timer.
  std::shared_ptr<Session> find(const Request& req, Instant now);
  // The request's session, created (and stored) when it has none.
  std::shared_ptr<Session> ensure(Request& req, Instant now);
  void save_prefs(const Session& s);
  // Sign-in: ends the request's current session and starts a new one (new
  // token, new CSRF token) for the user, keeping display preferences.
  std::shared_ptr<Session> start_for_user(Request& req, std::int64_t user_id, Instant now);
  // Ends every session of the user (sign-out).
  void end_for_user(std::int64_t user_id);
  // A Set-Cookie value that removes the cookie.
  std::string clear_cookie() const;
  // The Set-Cookie value for a new session.
  std::string set_cookie(const Session& s) const;
  // The token a page's form carries: the session's CSRF token, or, with no
  // session, the visitor's form token (the one their cookie holds when it is
  // genuine, else a new one, put in req.new_form_cookie to be set).
  std::string form_token(Request& req);
  // Whether `sent` is a genuine form token equal to the request's cookie.
  bool form_token_holds(const Request& req, std::string_view sent);
  std::string form_cookie_name() const;
  // The Set-Cookie value for a new form token.
  std::string set_form_cookie(const std::string& token) const;
  // Removes sessions past their expiry; returns how many.
  std::int64_t purge_expired(Instant now);

 private:
  std::shared_ptr<Session> create(Request& req, Instant now, std::optional<std::int64_t> user_id, nlohmann::json prefs);

  const std::string& secret();  // created on first use
  bool genuine(std::string_view token);

  db::Database& db_;
  SessionPolicy policy_;
  std::once_flag secret_once_;
  std::string secret_;
};

}  // namespace cchc::http
