#pragma once
// The command groups of the command line, each registering its commands on
// the group's own command and returning what runs them (cli_support.h:
// CommandGroup). cli.cpp lists them, with their names and help, in the
// order `cchc --help` shows them.
#include "app/cli_support.h"

namespace cchc::app {

// serve_cli.cpp: `cchc serve`, the web UI and the API.
CommandRun add_serve_command(CLI::App& cmd, DbOption& db);

// database_cli.cpp: the database itself.
//   cchc migrate                       pending migrations
//   cchc backup --out FILE             a consistent copy of a SQLite database
//   cchc audit verify                  the audit log's hash chain; exit 1 if broken
CommandRun add_migrate_command(CLI::App& cmd, DbOption& db);
CommandRun add_backup_command(CLI::App& cmd, DbOption& db);
CommandRun add_audit_commands(CLI::App& cmd, DbOption& db);

// demo_cli.cpp: `cchc demo [--no-records]`, the demo province.
CommandRun add_demo_command(CLI::App& cmd, DbOption& db);

// directory_cli.cpp: the unit tree, user accounts and API tokens.
//   cchc units import FILE.csv | export [--as-of YYYY-MM-DD] [--out FILE]
//   cchc user add | passwd | email
//   cchc tokens add | list | revoke
CommandRun add_units_commands(CLI::App& cmd, DbOption& db);
CommandRun add_user_commands(CLI::App& cmd, DbOption& db);
CommandRun add_tokens_commands(CLI::App& cmd, DbOption& db);

// plans_cli.cpp: `cchc plans …` (docs/plans.md) and `cchc deadline parse`.
CommandRun add_plans_commands(CLI::App& cmd, DbOption& db);
CommandRun add_deadline_commands(CLI::App& cmd, DbOption& db);

// assessments_cli.cpp: `cchc assessment …` (docs/assessments.md).
CommandRun add_assessment_commands(CLI::App& cmd, DbOption& db);

// documents_cli.cpp: `cchc documents read` (docs/documents.md).
CommandRun add_document_commands(CLI::App& cmd, DbOption& db);

// indicators_cli.cpp: service records and indicators (docs/indicators.md).
//   cchc import dossiers | feedback FILE
//   cchc indicators --unit CODE --period P [--scope unit|subtree] | rebuild
//   cchc index766 --unit CODE --period P [--formula …] [--scope …]
CommandRun add_import_commands(CLI::App& cmd, DbOption& db);
CommandRun add_indicators_commands(CLI::App& cmd, DbOption& db);
CommandRun add_index766_command(CLI::App& cmd, DbOption& db);

// feedback_cli.cpp: `cchc feedback import FILE.csv` (docs/feedback.md).
CommandRun add_feedback_commands(CLI::App& cmd, DbOption& db);

}  // namespace cchc::app
