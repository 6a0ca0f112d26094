// The database itself: `cchc migrate`, `cchc backup`, `cchc audit verify`.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli_groups.h"
#include "audit/audit.h"
#include "core/errors.h"
#include "db/migrate.h"

namespace cchc::app {

namespace {

int migrate_database(const std::string& db_spec) {
  auto db = db::open(db_spec);
  auto applied = db::migrate(*db);
  refresh_derived(*db);
  std::cout << fmt::format("{} migration(s) applied; schema version {}", applied.size(), db::schema_version(*db))
            << std::endl;
  return 0;
}

// A SQLite database copied with VACUUM INTO to a file that must not exist;
// PostgreSQL is told to use pg_dump (exit 2).
int backup_database(const std::string& db_spec, const std::string& out) {
  if (db::is_postgres_url(db_spec)) {
    std::cerr << "cchc backup: for PostgreSQL use the server's own tool, e.g.\n"
                 "  pg_dump --format=custom --file=cchc.dump '"
              << "postgresql://…"
              << "'\n";
    return 2;
  }
  if (std::filesystem::exists(out)) {
    throw invalid_input(fmt::format("{} already exists; choose a new file", out));
  }
  auto db = db::open(db_spec);
  db->read([&](db::Connection& c) { c.query("VACUUM INTO ?", {out}); });
  std::cout << fmt::format("backup written to {}", out) << std::endl;
  return 0;
}

int verify_audit_log(const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto v = audit::verify(*db);
  if (v.ok) {
    std::cout << fmt::format("audit log intact: {} entries", v.entries) << std::endl;
    return 0;
  }
  std::cerr << "audit log BROKEN: " << v.problem << std::endl;
  return 1;
}

}  // namespace

CommandRun add_migrate_command(CLI::App& cmd, DbOption& db) {
  db.add_to(cmd);
  return [](const std::string& db_spec) { return migrate_database(db_spec); };
}

CommandRun add_backup_command(CLI::App& cmd, DbOption& db) {
  auto out = std::make_shared<std::string>();
  db.add_to(cmd);
  cmd.add_option("--out", *out, "The new file to write")->required();
  return [out](const std::string& db_spec) { return backup_database(db_spec, *out); };
}

CommandRun add_audit_commands(CLI::App& cmd, DbOption& db) {
  cmd.require_subcommand(1);
  auto* verify = cmd.add_subcommand("verify", "Check the audit log's hash chain; exit 1 if broken");
  db.add_to(*verify);
  return [verify](const std::string& db_spec) -> std::optional<int> {
    if (*verify) return verify_audit_log(db_spec);
    return std::nullopt;
  };
}

}  // namespace cchc::app
