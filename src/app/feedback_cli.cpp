// `cchc feedback import FILE.csv` (docs/feedback.md): cases received on the
// national portal, imported whole or not at all.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

#include "app/cli_groups.h"
#include "app/sources.h"
#include "core/calendar.h"
#include "core/dates.h"
#include "directory/read.h"
#include "feedback/store.h"

namespace cchc::app {

namespace {

struct FeedbackCommands {
  CLI::App* import = nullptr;
  std::string file;
};

// Cases already received are left as they are; a file with any bad line is
// rejected (exit 2, its problems listed).
int import_portal_cases(const std::string& db_spec, const std::string& file) {
  auto db = open_migrated(db_spec);
  auto result =
      feedback::import_cases(*db, read_file(file), feedback::Channel::national_portal, directory::load_units(*db),
                             WorkCalendar::vietnam(), feedback_sinks(), cli_actor(), now_seconds());
  if (!result.ok()) {
    std::cerr << fmt::format("{}: rejected, nothing was written ({} problem(s)):", file, result.errors.size())
              << std::endl;
    for (const auto& e : result.errors) std::cerr << "  " << e.message << std::endl;
    return 2;
  }
  std::cout << fmt::format("{}: {} inserted, {} unchanged", file, result.inserted, result.unchanged) << std::endl;
  return 0;
}

std::optional<int> run_feedback_commands(const FeedbackCommands& f, const std::string& db_spec) {
  if (*f.import) return import_portal_cases(db_spec, f.file);
  return std::nullopt;
}

}  // namespace

CommandRun add_feedback_commands(CLI::App& cmd, DbOption& db) {
  auto f = std::make_shared<FeedbackCommands>();
  cmd.require_subcommand(1);
  f->import = cmd.add_subcommand(
      "import",
      "Import cases received on the national portal from CSV "
      "(external_id,received_at,category,place,content,name,email,phone,publish); a file with any bad line is "
      "rejected whole; cases already received are left as they are");
  db.add_to(*f->import);
  f->import->add_option("file", f->file, "The CSV file")->required();
  return [f](const std::string& db_spec) { return run_feedback_commands(*f, db_spec); };
}

}  // namespace cchc::app
