// `cchc demo [--no-records]`: the demo province loaded into the database
// (demo.h), with what was loaded and the demo logins printed.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli_groups.h"
#include "app/demo.h"
#include "core/dates.h"

namespace cchc::app {

namespace {

int load_demo_province(const std::string& db_spec, bool with_records) {
  auto db = open_migrated(db_spec);
  auto logins = load_demo(*db);
  auto records = load_demo_records(*db, now_seconds(), with_records);
  auto plan = load_demo_plan(*db, now_seconds());
  auto rounds = load_demo_assessments(*db, now_seconds());
  auto portal = load_demo_portal(*db, now_seconds());
  auto feedback = load_demo_feedback(*db, now_seconds());
  auto inspections = load_demo_inspections(*db, now_seconds());
  std::cout << "demo data loaded into " << db->describe() << ": " << records.dossiers << " dossiers, "
            << records.feedback << " feedback records, " << plan.tasks << " plan tasks, " << plan.reports
            << " task reports, " << rounds.rounds << " assessment rounds (" << rounds.submitted
            << " self-assessments submitted in the open one), " << portal.items << " portal items, " << portal.documents
            << " library documents, " << feedback.cases << " feedback cases, " << inspections.visits << " inspections ("
            << inspections.recommendations << " recommendations)" << std::endl;
  std::cout << "demo logins (demo data only):" << std::endl;
  for (const auto& l : logins) {
    std::cout << fmt::format("  {:<16} {:<18} {}", l.role, l.username, l.password) << std::endl;
  }
  return 0;
}

}  // namespace

CommandRun add_demo_command(CLI::App& cmd, DbOption& db) {
  auto no_records = std::make_shared<bool>(false);
  db.add_to(cmd);
  cmd.add_flag("--no-records", *no_records,
               "Load the province, units, accounts and targets but no dossiers or feedback");
  return [no_records](const std::string& db_spec) { return load_demo_province(db_spec, !*no_records); };
}

}  // namespace cchc::app
