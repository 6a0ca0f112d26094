#include "audit/audit.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/secrets.h"
#include "db/stamps.h"

namespace cchc::audit {

namespace {

constexpr std::int64_t kAuditLockKey = 0x61756474;  // "audt"

// Entries that record an event and change nothing a page shows: they leave
// the "writes" stamp alone, so a denial or a sign-in does not renew every
// signed-in page kept (http/page_cache.h).
bool records_only(std::string_view action) {
  for (std::string_view a : {"deny", "export", "sign_in", "sign_in_failed", "sign_in_throttled", "sign_out",
                             "change_password_failed", "change_password_throttled"}) {
    if (action == a) return true;
  }
  return false;
}

// Takes the appenders' turn (below): SQLite's single writer already
// serialises them, PostgreSQL needs the lock so two transactions never
// chain to one head. The "writes" stamp is touched only under it, so its
// row is always locked after the lock and never before.
void take_turn(db::Connection& c) {
  if (c.backend() == db::Backend::postgres) c.query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey});
}

std::string field(const std::optional<std::string>& v) { return v ? *v : "\x1e"; }

Stored from_row(const db::Row& r) {
  Stored s;
  s.seq = r.i64("seq");
  s.at = Instant{std::chrono::seconds{r.i64("at")}};
  s.actor = r.str("actor");
  s.address = r.str("address");
  s.action = r.str("action");
  s.entity = r.str("entity");
  s.entity_id = r.str("entity_id");
  s.before_json = r.opt_str("before_json");
  s.after_json = r.opt_str("after_json");
  s.prev_hash = r.str("prev_hash");
  s.hash = r.str("hash");
  return s;
}

constexpr const char* kColumns =
    "seq, at, actor, address, action, entity, entity_id, before_json, after_json, prev_hash, hash";

}  // namespace

std::string hash_of(const Stored& e) {
  std::string data = e.prev_hash;
  for (const std::string& f : {std::to_string(e.seq), std::to_string(e.at.time_since_epoch().count()), e.actor,
                               e.address, e.action, e.entity, e.entity_id, field(e.before_json), field(e.after_json)}) {
    data += '\x1f';
    data += f;
  }
  return sha256_hex(data);
}

void changed(db::Connection& c) {
  take_turn(c);
  db::touch(c, db::kWritesStamp);
}

void append(db::Connection& c, const Entry& e, Instant at) {
  take_turn(c);
  if (!records_only(e.action)) db::touch(c, db::kWritesStamp);
  auto head = c.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  Stored s;
  static_cast<Entry&>(s) = e;
  s.seq = head.empty() ? 1 : head.one().i64("seq") + 1;
  s.at = at;
  s.prev_hash = head.empty() ? kGenesis : head.one().str("hash");
  s.hash = hash_of(s);
  c.query(fmt::format("INSERT INTO audit_log ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kColumns),
          {s.seq, std::int64_t{at.time_since_epoch().count()}, s.actor, s.address, s.action, s.entity, s.entity_id,
           s.before_json, s.after_json, s.prev_hash, s.hash});
}

void record(db::Connection& c, const Entry& who, const std::string& action, const std::string& entity,
            const std::string& id, std::optional<std::string> before, std::optional<std::string> after, Instant at) {
  Entry e = who;
  e.action = action;
  e.entity = entity;
  e.entity_id = id;
  e.before_json = std::move(before);
  e.after_json = std::move(after);
  append(c, e, at);
}

Verification verify(db::Database& db) {
  Verification v;
  auto rows = db.read(
      [](db::Connection& c) { return c.query(fmt::format("SELECT {} FROM audit_log ORDER BY seq", kColumns)); });
  std::string prev = kGenesis;
  std::int64_t expected_seq = 1;
  for (const auto& row : rows.rows) {
    auto s = from_row(row);
    ++v.entries;
    auto bad = [&](std::string why) {
      v.ok = false;
      v.first_bad_seq = s.seq;
      v.problem = std::move(why);
    };
    if (s.seq != expected_seq) {
      bad(fmt::format("entry {} missing (next present is {})", expected_seq, s.seq));
    } else if (s.prev_hash != prev) {
      bad(fmt::format("entry {} does not follow entry {}: an entry was changed or removed", s.seq, s.seq - 1));
    } else if (hash_of(s) != s.hash) {
      bad(fmt::format("entry {} was changed after it was written", s.seq));
    }
    if (!v.ok) return v;
    prev = s.hash;
    ++expected_seq;
  }
  return v;
}

std::vector<Stored> list(db::Database& db, const Filter& f) {
  std::string sql = fmt::format("SELECT {} FROM audit_log WHERE 1 = 1", kColumns);
  std::vector<db::Param> params;
  if (f.actor) {
    sql += " AND actor = ?";
    params.emplace_back(*f.actor);
  }
  if (f.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*f.entity);
  }
  if (f.action) {
    sql += " AND action = ?";
    params.emplace_back(*f.action);
  }
  if (f.from) {
    sql += " AND at >= ?";
    params.emplace_back(std::int64_t{f.from->time_since_epoch().count()});
  }
  if (f.to) {
    sql += " AND at < ?";
    params.emplace_back(std::int64_t{f.to->time_since_epoch().count()});
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  params.emplace_back(std::clamp(f.limit, 1, 1000));
  auto rows = db.read([&](db::Connection& c) { return c.query(sql, params); });
  std::vector<Stored> out;
  for (const auto& r : rows.rows) out.push_back(from_row(r));
  return out;
}

}  // namespace cchc::audit
