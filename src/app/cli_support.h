#pragma once
// What every command of the command line shares (cli_support.cpp): the
// shape of a command group, the --db option, logging, opening the database,
// the audit actor and reading a file. cli.cpp holds the table of groups;
// each group is a file of its own (cli_groups.h).
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "audit/audit.h"
#include "db/database.h"

namespace cchc::app {

// The database a command names: --db, else $CCHC_DB, else var/cchc.db. One
// value, which the --db option of every command that takes one writes.
struct DbOption {
  std::string spec = default_spec();

  // Adds --db to `cmd`.
  void add_to(CLI::App& cmd);
  static std::string default_spec();
};

// What runs once the line is parsed and named a command of a group: its exit
// code, given the database the line named; nullopt when the line named the
// group but none of its commands (the command line then exits 2).
using CommandRun = std::function<std::optional<int>(const std::string& db_spec)>;

// A command group: `add` registers its options and subcommands on `cmd`, the
// group's own command (named `name`, helped by `help`), and returns what runs
// it. What `add` throws is not caught: the command line ends there.
struct CommandGroup {
  const char* name;
  const char* help;
  CommandRun (*add)(CLI::App& cmd, DbOption& db);
};

// Logs to standard error (the default logger) and the access log to
// standard output (the "access" logger, on until set_access_log(false)).
// Called once, before any command runs.
void setup_logging();
void set_access_log(bool on);

// Opens the database and applies pending migrations.
std::unique_ptr<db::Database> open_migrated(const std::string& spec);
// What a newer cchc derives differently from the same data, written again
// once after the migrations: the portal's search index.
void refresh_derived(db::Database& db);
// The audit actor of the command line: "cli:<$USER>".
audit::Entry cli_actor();
// A whole file; invalid_input when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace cchc::app
