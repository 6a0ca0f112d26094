#include "directory/tokens.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/secrets.h"
#include "core/text.h"
#include "db/columns.h"
#include "http/session.h"

namespace cchc::directory {

namespace {

const db::Columns<ApiToken> kTokenRow{
    {"id", &ApiToken::id},
    {"name", &ApiToken::name},
    {"unit_code", &ApiToken::unit_code},
    {"purpose", &ApiToken::purpose},
    {"created_at", &ApiToken::created_at},
    {"created_by", &ApiToken::created_by},
    {"revoked_at", &ApiToken::revoked_at},
    {"last_used_at", &ApiToken::last_used_at},
};

std::string select_tokens(std::string_view rest) {
  return fmt::format("SELECT {} FROM api_tokens {}", kTokenRow.list(), rest);
}

}  // namespace

IssuedToken issue_token(db::Connection& c, const std::string& name, const std::string& unit_code,
                        const std::string& purpose, const audit::Entry& who, Instant now) {
  if (purpose != kPurposeIndicators && purpose != kPurposeOpen311) {
    throw invalid_input(fmt::format("purpose must be indicators or open311, not '{}'", purpose),
                        "Mục đích của mã truy cập không hợp lệ.");
  }
  auto trimmed = std::string(text::trim(name));
  if (trimmed.empty() || text::code_points(trimmed) > 100) {
    throw invalid_input("token name must be 1 to 100 characters", "Tên mã truy cập phải có từ 1 đến 100 ký tự.");
  }
  auto id = sha256_hex(random_token()).substr(0, 8);
  auto secret = fmt::format("cchc_{}_{}", id, random_token());
  ApiToken t{id, trimmed, unit_code, purpose, now, who.actor, {}, {}};
  if (c.query("SELECT 1 FROM units WHERE code = ?", {unit_code}).empty()) {
    throw not_found(fmt::format("unit '{}' does not exist", unit_code), "Không có đơn vị này.");
  }
  c.query(
      "INSERT INTO api_tokens (id, name, secret_hash, unit_code, purpose, created_at, created_by)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, trimmed, sha256_hex(secret), unit_code, purpose, now, who.actor});
  auto e = who;
  e.action = "create";
  e.entity = "api_tokens";
  e.entity_id = id;
  e.after_json = nlohmann::json{{"name", trimmed}, {"unit_code", unit_code}, {"purpose", purpose}}.dump();
  audit::append(c, e, now);
  return {t, secret};
}

IssuedToken issue_token(db::Database& db, const std::string& name, const std::string& unit_code,
                        const std::string& purpose, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return issue_token(c, name, unit_code, purpose, who, now); });
}

std::vector<ApiToken> list_tokens(db::Connection& c) {
  return kTokenRow.read_all(c.query(select_tokens("ORDER BY created_at DESC, id")));
}

void revoke_token(db::Connection& c, const std::string& id, const audit::Entry& who, Instant now) {
  auto rows = c.query(select_tokens("WHERE id = ?"), {id});
  if (rows.empty()) throw not_found(fmt::format("token '{}' does not exist", id), "Không có mã truy cập này.");
  if (kTokenRow.read(rows.one()).revoked_at) return;
  c.query("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", {now, id});
  auto e = who;
  e.action = "revoke";
  e.entity = "api_tokens";
  e.entity_id = id;
  audit::append(c, e, now);
}

void revoke_token(db::Database& db, const std::string& id, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { revoke_token(c, id, who, now); });
}

std::optional<ApiToken> authenticate_token(db::Database& db, std::string_view secret, Instant now) {
  if (secret.size() > 200 || !secret.starts_with("cchc_")) return std::nullopt;
  auto hash = sha256_hex(secret);
  auto found = db.read([&](db::Connection& c) {
    auto rows = c.query(select_tokens("WHERE secret_hash = ? AND revoked_at IS NULL"), {hash});
    return rows.empty() ? std::optional<ApiToken>{} : kTokenRow.read(rows.one());
  });
  if (found && (!found->last_used_at || now - *found->last_used_at >= std::chrono::minutes(1))) {
    db.write([&](db::Connection& c) {
      c.query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, found->id});
    });
    found->last_used_at = now;
  }
  return found;
}

http::Middleware bearer_tokens(db::Database& db) {
  return [&db](http::Request& req, const http::Next& next) {
    auto auth = req.header(http::field::authorization);
    if (!req.is_api() || auth.empty()) return next(req);
    constexpr std::string_view kBearer = "Bearer ";
    if (!auth.starts_with(kBearer)) {
      throw Error(ErrorKind::unauthenticated, "Authorization must be 'Bearer <token>'");
    }
    auto token = authenticate_token(db, text::trim(auth.substr(kBearer.size())), now_seconds());
    if (!token) throw Error(ErrorKind::unauthenticated, "unknown or revoked API token");
    if (token->purpose != kPurposeIndicators) {
      throw forbidden(fmt::format("a token for {} cannot push records", token->purpose));
    }
    req.bearer = true;
    req.principal = http::Principal{0, "token:" + token->id, token->name, token->unit_code, {kApiClientRole}};
    return next(req);
  };
}

}  // namespace cchc::directory
