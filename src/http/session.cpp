#include "http/session.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/secrets.h"

namespace cchc::http {

namespace {

std::int64_t epoch(Instant t) { return t.time_since_epoch().count(); }
Instant from_epoch(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

}  // namespace

std::string SessionStore::cookie_name() const { return policy_.secure_cookie ? "__Host-cchc_session" : "cchc_session"; }

std::shared_ptr<Session> SessionStore::find(const Request& req, Instant now) {
  auto token = req.cookie(cookie_name());
  if (!token || token->size() != 43) return nullptr;
  std::string hash = sha256_hex(*token);
  auto rows = db_.read([&](db::Connection& c) {
    return c.query(
        "SELECT csrf_token, user_id, prefs, created_at, last_seen_at FROM sessions "
        "WHERE token_hash = ? AND expires_at > ?",
        {hash, epoch(now)});
  });
  if (rows.empty()) return nullptr;
  const auto& row = rows.one();
  auto s = std::make_shared<Session>();
  s->token_hash = hash;
  s->csrf_token = row.str("csrf_token");
  s->user_id = row.opt_i64("user_id");
  s->prefs = nlohmann::json::parse(row.str("prefs"), nullptr, false);
  if (!s->prefs.is_object()) s->prefs = nlohmann::json::object();
  s->created_at = from_epoch(row.i64("created_at"));
  s->last_seen_at = from_epoch(row.i64("last_seen_at"));
  if (now - s->last_seen_at >= policy_.touch_interval) {
    auto expires = std::min(now + policy_.idle_timeout, s->created_at + policy_.absolute_timeout);
    db_.write([&](db::Connection& c) {
      c.query("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
              {epoch(now), epoch(expires), hash});
    });
    s->last_seen_at = now;
  }
  return s;
}

std::shared_ptr<Session> SessionStore::ensure(Request& req, Instant now) {
  if (req.session) return req.session;
  return create(req, now, std::nullopt, nlohmann::json::object());
}

std::shared_ptr<Session> SessionStore::start_for_user(Request& req, std::int64_t user_id, Instant now) {
  auto prefs = req.session ? req.session->prefs : nlohmann::json::object();
  if (req.session) {
    db_.write(
        [&](db::Connection& c) { c.query("DELETE FROM sessions WHERE token_hash = ?", {req.session->token_hash}); });
    req.session.reset();
  }
  return create(req, now, user_id, std::move(prefs));
}

void SessionStore::end_for_user(std::int64_t user_id) {
  db_.write([&](db::Connection& c) { c.query("DELETE FROM sessions WHERE user_id = ?", {user_id}); });
}

std::string SessionStore::clear_cookie() const {
  return fmt::format("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}", cookie_name(),
                     policy_.secure_cookie ? "; Secure" : "");
}

std::shared_ptr<Session> SessionStore::create(Request& req, Instant now, std::optional<std::int64_t> user_id,
                                              nlohmann::json prefs) {
  auto s = std::make_shared<Session>();
  s->user_id = user_id;
  s->prefs = std::move(prefs);
  s->cookie_token = random_token();
  s->token_hash = sha256_hex(s->cookie_token);
  s->csrf_token = random_token();
  s->created_at = s->last_seen_at = now;
  s->is_new = true;
  db_.write([&](db::Connection& c) {
    c.query(
        "INSERT INTO sessions (token_hash, csrf_token, user_id, prefs, created_at, last_seen_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {s->token_hash, s->csrf_token, s->user_id, s->prefs.dump(), epoch(now), epoch(now),
         epoch(now + policy_.idle_timeout)});
  });
  req.session = s;
  return s;
}

void SessionStore::save_prefs(const Session& s) {
  db_.write([&](db::Connection& c) {
    c.query("UPDATE sessions SET prefs = ? WHERE token_hash = ?", {s.prefs.dump(), s.token_hash});
  });
}

std::string SessionStore::set_cookie(const Session& s) const {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}", cookie_name(), s.cookie_token,
                     policy_.absolute_timeout.count(), policy_.secure_cookie ? "; Secure" : "");
}

std::string SessionStore::form_cookie_name() const { return policy_.secure_cookie ? "__Host-cchc_form" : "cchc_form"; }

const std::string& SessionStore::secret() {
  std::call_once(secret_once_, [this] {
    secret_ = db_.write([](db::Connection& c) {
      auto rows = c.query("SELECT value FROM settings WHERE key = 'form_token_secret'");
      if (!rows.empty()) return rows.one().str("value");
      auto fresh = random_token();
      c.query(
          "INSERT INTO settings (key, value, updated_at) VALUES ('form_token_secret', ?, 0) "
          "ON CONFLICT (key) DO NOTHING",
          {fresh});
      return c.query("SELECT value FROM settings WHERE key = 'form_token_secret'").one().str("value");
    });
  });
  return secret_;
}

// nonce "." HMAC(secret, "form:" nonce): 43 + 1 + 64 characters.
bool SessionStore::genuine(std::string_view token) {
  auto dot = token.find('.');
  if (token.size() != 108 || dot != 43) return false;
  return secrets_equal(token.substr(44), hmac_sha256_hex(secret(), "form:" + std::string(token.substr(0, 43))));
}

std::string SessionStore::form_token(Request& req) {
  if (req.session) return req.session->csrf_token;
  if (!req.new_form_cookie.empty()) return req.new_form_cookie;
  if (auto cookie = req.cookie(form_cookie_name()); cookie && genuine(*cookie)) return *cookie;
  auto nonce = random_token();
  req.new_form_cookie = nonce + "." + hmac_sha256_hex(secret(), "form:" + nonce);
  return req.new_form_cookie;
}

bool SessionStore::form_token_holds(const Request& req, std::string_view sent) {
  auto cookie = req.cookie(form_cookie_name());
  return cookie && !sent.empty() && secrets_equal(sent, *cookie) && genuine(sent);
}

std::string SessionStore::set_form_cookie(const std::string& token) const {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}", form_cookie_name(), token,
                     policy_.absolute_timeout.count(), policy_.secure_cookie ? "; Secure" : "");
}

std::int64_t SessionStore::purge_expired(Instant now) {
  return db_.write(
      [&](db::Connection& c) { return c.query("DELETE FROM sessions WHERE expires_at <= ?", {epoch(now)}).affected; });
}

}  // namespace cchc::http
