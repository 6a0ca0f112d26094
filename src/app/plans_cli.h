#pragma once
// `cchc plans add | list | import | status` (docs/plans.md):
//
//   cchc plans add --number 12/KH-UBND --unit DNI --year 2024 --title "…"
//        [--issued-on YYYY-MM-DD] [--status draft|issued|closed]
//        [--kind reform|communication]
//        [--implements NUMBER [--implements-unit CODE] [--implements-year YYYY]]
//   cchc plans list [--year YYYY]
//   cchc plans import --plan NUMBER [--unit CODE] [--year YYYY] FILE.xlsx|FILE.csv
//        [--resolve "Name as written=UNIT_CODE|level:LEVEL"]… [--replace] [--dry-run]
//     unmatched or ambiguous unit names make it fail (exit 2) with their
//     rows listed, and nothing is written;
//   cchc plans remind [--as-of YYYY-MM-DD] [--smtp URL] [--from ADDRESS] [--base-url URL]
//     raises the day's reminders as notifications and mails each user with
//     an address a digest of what is not yet mailed (docs/plans.md); the
//     SMTP server defaults to $CCHC_SMTP_URL (none: notifications only);
//   cchc plans status --plan NUMBER [--unit CODE] [--year YYYY] --as-of YYYY-MM-DD --format json
//     {"plan": {…}, "as_of": "…", "summary": {…}, "tasks": [state …]}
//     (plans/json.h).
// A number is unique only per issuing unit and year (the issue date's, else
// the plan's year: plans::number_year): when several units used it, --unit
// and --year say which plan is meant, or the command fails (exit 2) naming
// them.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cchc::app {

struct PlansCommands {
  CLI::App* add = nullptr;
  CLI::App* list = nullptr;
  CLI::App* import = nullptr;
  CLI::App* status = nullptr;
  CLI::App* remind = nullptr;
  std::string smtp, from, base_url;
  std::string number, unit, title, issued_on, status_value = "draft", kind = "reform", implements, implements_unit;
  int year = 0, implements_year = 0;
  std::string file, as_of, format = "json";
  std::vector<std::string> resolve;
  bool replace = false, dry_run = false;
};

// Registers the commands; `add_db` adds the --db option to a command.
void add_plans_commands(CLI::App& cli, PlansCommands& p, const std::function<void(CLI::App*)>& add_db);
// Runs the one given, if any; nullopt when none of them was.
std::optional<int> run_plans_commands(const PlansCommands& p, const std::string& db_spec);

}  // namespace cchc::app
