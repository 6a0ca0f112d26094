#include "db/migrate.h"

#include <fmt/format.h>

#include <map>
#include <regex>

#include "core/embedded.h"
#include "core/dates.h"
#include "core/errors.h"

namespace cchc::db {

namespace {

constexpr std::string_view kPrefix = "src/db/migrations/";
constexpr std::int64_t kAdvisoryLockKey = 0x63636863;  // "cchc"

// Serialises migrating processes on PostgreSQL (SQLite's BEGIN IMMEDIATE
// already does), including the CREATE TABLE IF NOT EXISTS below, which
// PostgreSQL does not make safe against a concurrent twin.
void lock(Connection& c) {
  if (c.backend() == Backend::postgres) c.query("SELECT pg_advisory_xact_lock(?)", {kAdvisoryLockKey});
}

void ensure_table(Connection& c) {
  lock(c);
  c.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
}

}  // namespace

std::vector<Migration> migrations_for(Backend backend) {
  static const std::regex file_re(R"((\d{4})_([a-z0-9_]+?)(\.sqlite|\.postgres)?\.sql)");
  std::string_view dialect = backend == Backend::sqlite ? ".sqlite" : ".postgres";
  struct Found {
    std::string name, common, specific;
    bool has_common = false, has_specific = false, has_other = false;
  };
  std::map<int, Found> found;
  for (const auto& f : embedded::files()) {
    if (!f.name.starts_with(kPrefix)) continue;
    std::string base(f.name.substr(kPrefix.size()));
    std::smatch m;
    if (!std::regex_match(base, m, file_re)) {
      throw Error(ErrorKind::internal, "bad migration file name: " + base);
    }
    auto& entry = found[std::stoi(m[1])];
    if (!entry.name.empty() && entry.name != m[2].str()) {
      throw Error(ErrorKind::internal, "two migrations share version " + m[1].str());
    }
    entry.name = m[2];
    if (!m[3].matched) {
      entry.common = std::string(f.contents);
      entry.has_common = true;
    } else if (m[3].str() == dialect) {
      entry.specific = std::string(f.contents);
      entry.has_specific = true;
    } else {
      entry.has_other = true;
    }
  }
  std::vector<Migration> out;
  int expected = 1;
  for (auto& [version, e] : found) {
    if (version != expected++) {
      throw Error(ErrorKind::internal, fmt::format("migration {} missing", expected - 1));
    }
    if (e.has_common == (e.has_specific || e.has_other) || e.has_specific != e.has_other) {
      throw Error(ErrorKind::internal,
                  fmt::format("migration {} needs one common file or one file per dialect",
                              version));
    }
    out.push_back({version, e.name, e.has_common ? e.common : e.specific});
  }
  return out;
}

int schema_version(Database& db) {
  return int(db.write([](Connection& c) {
    ensure_table(c);
    return c.query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").one().i64("v");
  }));
}

std::vector<int> migrate(Database& db) {
  std::vector<int> applied;
  db.write([](Connection& c) { ensure_table(c); });
  for (const auto& m : migrations_for(db.backend())) {
    bool done = db.write([&](Connection& c) {
      lock(c);
      if (!c.query("SELECT 1 FROM schema_migrations WHERE version = ?", {m.version}).empty()) {
        return false;
      }
      c.execute_script(m.sql);
      c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {m.version, m.name, std::int64_t{now_seconds().time_since_epoch().count()}});
      return true;
    });
    if (done) applied.push_back(m.version);
  }
  return applied;
}

}  // namespace cchc::db
