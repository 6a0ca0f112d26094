#pragma once
// The audit log: every write (who, when, from where, what entity, before and
// after), sign-ins, denials and exports, in an append-only table where each
// entry carries the SHA-256 of the one before it. Editing, inserting or
// deleting a row breaks the chain, which verify() finds.
//
// hash = SHA-256 hex of the fields joined by "\x1f" in this order:
//   prev_hash, seq, at, actor, address, action, entity, entity_id,
//   before_json ("" when NULL, "\x1e" marks NULL), after_json (likewise)
// The first entry's prev_hash is 64 zeros.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "db/database.h"

namespace cchc::audit {

struct Entry {
  std::string actor;    // username, "cli:<user>" or "system"
  std::string address;  // client address, "cli" for the command line
  std::string action;   // create | update | delete | import | sign_in | sign_in_failed | deny | export …
  std::string entity;   // units, users, sessions …
  std::string entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

struct Stored : Entry {
  std::int64_t seq = 0;
  Instant at;
  std::string prev_hash, hash;
};

inline const std::string kGenesis(64, '0');

std::string hash_of(const Stored& e);

// Appends within the caller's write transaction, so the entry commits or
// rolls back with the change it records. Touches the "writes" data stamp
// (db/stamps.h) in the same transaction, so every signed-in page kept
// (http/page_cache.h) is rendered again after it, except for entries that
// only record an event: deny, export, sign_in, sign_in_failed,
// sign_in_throttled, sign_out, change_password_failed,
// change_password_throttled.
void append(db::Connection& c, const Entry& e, Instant at);
// For a write with no audit entry that changes what a signed-in page shows
// (a notification read): touches the "writes" stamp in the caller's
// transaction, taking the appenders' turn first as append does.
void changed(db::Connection& c);
// append() of `who` doing `action` to one entity, with its JSON before and
// after (nullopt where there is none).
void record(db::Connection& c, const Entry& who, const std::string& action, const std::string& entity,
            const std::string& id, std::optional<std::string> before, std::optional<std::string> after, Instant at);

struct Verification {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad_seq;
  std::string problem;  // English, for the CLI
};
Verification verify(db::Database& db);

struct Filter {
  std::optional<std::string> actor, entity, action;
  std::optional<Instant> from, to;  // [from, to)
  int limit = 100;
};
std::vector<Stored> list(db::Database& db, const Filter& f);

}  // namespace cchc::audit
