#include "app/cli.h"

#include <iostream>
#include <vector>

#include "app/cli_groups.h"
#include "app/cli_support.h"
#include "core/errors.h"

namespace cchc::app {

namespace {

// Every command group, in the order `cchc --help` lists them.
const CommandGroup kCommandGroups[] = {
    {"serve", "Serve the web UI and the API", add_serve_command},
    {"migrate", "Apply pending database migrations", add_migrate_command},
    {"demo", "Load the demo province into the database", add_demo_command},
    {"backup", "Write a consistent copy of a SQLite database (server may run)", add_backup_command},
    {"units", "The unit tree: import and export the units CSV", add_units_commands},
    {"user", "User accounts", add_user_commands},
    {"deadline", "Task deadlines as plans write them", add_deadline_commands},
    {"plans", "Reform plans and their task matrix (see docs/plans.md)", add_plans_commands},
    {"assessment", "Assessment rounds, criteria sets and rankings (see docs/assessments.md)", add_assessment_commands},
    {"documents", "Read official documents: number, date, issuer, title, citations", add_document_commands},
    {"import", "Import service records from the one-stop systems", add_import_commands},
    {"feedback", "Citizen feedback (phản ánh, kiến nghị) cases", add_feedback_commands},
    {"indicators", "Service-delivery indicators of a unit and period (see docs/indicators.md)",
     add_indicators_commands},
    {"index766", "The 766 service index of a unit and period, by group and indicator (docs/indicators.md)",
     add_index766_command},
    {"tokens", "API tokens for the one-stop systems that push records", add_tokens_commands},
    {"audit", "The audit log", add_audit_commands},
};

// A group's command on the line and what runs it.
struct Registered {
  CLI::App* cmd;
  CommandRun run;
};

// Runs the group whose command the line named; 2 when none of its commands.
int run_named(const std::vector<Registered>& groups, const std::string& db_spec) {
  setup_logging();
  for (const auto& g : groups) {
    if (*g.cmd) return g.run(db_spec).value_or(2);
  }
  return 2;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"cchc — administrative reform (cải cách hành chính) platform for a province"};
  cli.set_version_flag("--version", std::string("cchc ") + CCHC_VERSION);
  cli.require_subcommand(1);

  DbOption db;
  std::vector<Registered> groups;
  for (const auto& g : kCommandGroups) {
    auto* cmd = cli.add_subcommand(g.name, g.help);
    groups.push_back({cmd, g.add(*cmd, db)});
  }

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }

  try {
    return run_named(groups, db.spec);
  } catch (const Error& e) {
    std::cerr << "cchc: " << e.what() << std::endl;
    return e.kind() == ErrorKind::invalid_input || e.kind() == ErrorKind::conflict ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "cchc: " << e.what() << std::endl;
    return 1;
  }
}

}  // namespace cchc::app
