#pragma once
// Versioned schema migrations, compiled in from src/db/migrations/:
//   NNNN_name.sql            the same SQL for both backends, or
//   NNNN_name.sqlite.sql     and NNNN_name.postgres.sql, one per dialect.
// Each version is applied once, in order, in its own transaction, and
// recorded in schema_migrations. Two processes migrating at once are safe:
// SQLite serialises writers; PostgreSQL takes an advisory lock.
#include <string>
#include <vector>

#include "db/database.h"

namespace cchc::db {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// The migrations for a backend, in version order; throws internal when the
// embedded set is inconsistent (a gap, a duplicate, a dialect file missing).
std::vector<Migration> migrations_for(Backend backend);

// Applies what is pending; returns the versions applied now.
std::vector<int> migrate(Database& db);
// The highest applied version, 0 for an empty database.
int schema_version(Database& db);

}  // namespace cchc::db
