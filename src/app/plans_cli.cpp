// `cchc plans add | list | import | remind | status` (docs/plans.md):
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
//
// `cchc deadline parse TEXT [--format json|text]`: a task deadline as plans
// write it, read (core/deadline.h); {"kind", "due", "text", "milestones",
// "source"}, or the deadline written back; exit 2 when it cannot be read.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_groups.h"
#include "app/daily.h"
#include "app/sources.h"
#include "coordination/notify.h"
#include "core/calendar.h"
#include "core/dates.h"
#include "core/deadline.h"
#include "core/errors.h"
#include "core/text.h"
#include "feedback/store.h"
#include "inspections/work.h"
#include "plans/json.h"
#include "plans/matrix.h"
#include "plans/names.h"
#include "plans/rules.h"
#include "plans/store.h"

namespace cchc::app {

using nlohmann::json;

namespace {

// ---- plans -----------------------------------------------------------------

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

// The environment variable `name`, else `fallback` when unset or empty.
std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return std::string(v && *v ? v : fallback);
}

// The plan numbered `number`, of `unit` when given and of the number's year
// when not 0 (a number is unique only per issuing unit and year): not_found
// when there is none; invalid_input naming them when there are several and
// `options` would tell them apart.
plans::Plan need_plan(db::Database& db, const std::string& number, const std::string& unit, int year,
                      const char* options) {
  auto found = db.read([&](db::Connection& c) { return plans::plans_numbered(c, number, unit, year); });
  if (found.empty()) {
    throw not_found(fmt::format("no plan numbered '{}'{}{} (create it with `cchc plans add`)", number,
                                unit.empty() ? "" : " of " + unit, year ? fmt::format(" in {}", year) : ""));
  }
  if (found.size() > 1) {
    std::string which;
    for (const auto& p : found) {
      which += fmt::format("{}{} {}", which.empty() ? "" : ", ", p.unit_code, plans::number_year(p));
    }
    throw invalid_input(
        fmt::format("{} plans are numbered '{}' ({}): say which with {}", found.size(), number, which, options));
  }
  return found.front();
}

int import_plan_matrix(const PlansCommands& p, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto plan = need_plan(*db, p.number, p.unit, p.year, "--unit and --year");
  plans::Resolutions resolutions;
  for (const auto& r : p.resolve) {
    auto eq = r.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      throw invalid_input(fmt::format("--resolve '{}' is not of the form \"Name=CODE\"", r));
    }
    resolutions[plans::unit_key(r.substr(0, eq))] = std::string(text::trim(r.substr(eq + 1)));
  }
  auto out = plans::import_matrix(*db, plan.id, read_file(p.file), resolutions, !p.dry_run, p.replace, cli_actor(),
                                  now_seconds());
  for (const auto& e : out.errors) std::cerr << e.message << std::endl;
  for (const auto& u : out.unresolved) {
    std::string lines;
    for (int l : u.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
    std::cerr << fmt::format("unit '{}' on line(s) {}: {}", u.name, lines,
                             u.ambiguous ? "ambiguous, could be " + fmt::format("{}", fmt::join(u.candidates, ", "))
                                         : "matches no unit")
              << std::endl;
  }
  if (!out.ok()) {
    std::cerr << fmt::format(
                     "rejected: {} row error(s), {} unresolved unit name(s); nothing was written "
                     "(resolve names with --resolve \"Name=CODE\")",
                     out.errors.size(), out.unresolved.size())
              << std::endl;
    return 2;
  }
  if (p.dry_run) {
    std::cout << fmt::format("{} tasks would be imported into plan {}", out.rows.size(), plan.number) << std::endl;
  } else {
    std::cout << fmt::format("{} tasks imported into plan {}", out.written, plan.number) << std::endl;
  }
  return 0;
}

int add_plan(const PlansCommands& p, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  plans::Plan plan;
  plan.number = p.number;
  plan.unit_code = p.unit;
  plan.year = p.year;
  plan.title = p.title;
  plan.status = p.status_value;
  plan.kind = p.kind;
  if (!p.issued_on.empty()) plan.issued_on = parse_iso_date(p.issued_on);
  if (!p.implements.empty()) {
    plan.parent_id =
        need_plan(*db, p.implements, p.implements_unit, p.implements_year, "--implements-unit and --implements-year")
            .id;
  }
  plan = plans::create_plan(*db, plan, cli_actor(), now_seconds());
  std::cout << plans::to_json(plan).dump() << std::endl;
  return 0;
}

// One plan a line, as JSON.
int list_plans_json(const PlansCommands& p, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  for (const auto& plan : db->read([&](db::Connection& c) { return plans::list_plans(c, p.year); })) {
    std::cout << plans::to_json(plan).dump() << std::endl;
  }
  return 0;
}

// The day's work (app/daily.h) at once, for cron: the reminders of plans,
// feedback and inspections as notifications (none on a day off), then,
// with an SMTP server, the citizens' acknowledgements and each user's
// digest mailed; exit 1 when a digest was not.
int remind_and_mail(const PlansCommands& p, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  Date day = p.as_of.empty() ? local_date(now_seconds()) : parse_iso_date(p.as_of);
  Instant at = p.as_of.empty() ? now_seconds() : start_of_day(day) + std::chrono::hours{8};
  auto s = run_daily(*db, day, at, cli_actor(), {p.smtp, p.from, p.base_url});
  if (!s.working_day) {
    std::cout << fmt::format("{} is not a working day: no reminders", format_iso_date(day)) << std::endl;
  } else {
    std::cout << fmt::format("{}: {} reminders, {} new notifications", format_iso_date(day), s.reminders,
                             s.notifications)
              << std::endl;
    std::cout << fmt::format("feedback: {} new notifications", s.feedback) << std::endl;
    std::cout << fmt::format("inspections: {} new notifications", s.inspections) << std::endl;
  }
  if (!s.mailed) {
    std::cout << "no SMTP server configured (--smtp or $CCHC_SMTP_URL): no e-mail sent" << std::endl;
    return 0;
  }
  if (s.acknowledged > 0) std::cout << fmt::format("{} feedback acknowledgements mailed", s.acknowledged) << std::endl;
  std::cout << fmt::format("{} digests mailed ({} notifications)", s.digests, s.digest_notifications) << std::endl;
  for (const auto& f : s.failures) std::cerr << "not mailed: " << f << std::endl;
  return s.failures.empty() ? 0 : 1;
}

int print_plan_status(const PlansCommands& p, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto plan = need_plan(*db, p.number, p.unit, p.year, "--unit and --year");
  Date as_of = p.as_of.empty() ? local_date(now_seconds()) : parse_iso_date(p.as_of);
  auto states = db->read([&](db::Connection& c) { return plans::plan_states(c, plan.id, as_of); });
  std::cout << plans::status_json(plan, states, as_of).dump() << std::endl;
  return 0;
}

std::optional<int> run_plans_commands(const PlansCommands& p, const std::string& db_spec) {
  if (*p.add) return add_plan(p, db_spec);
  if (*p.list) return list_plans_json(p, db_spec);
  if (*p.import) return import_plan_matrix(p, db_spec);
  if (*p.remind) return remind_and_mail(p, db_spec);
  if (*p.status) return print_plan_status(p, db_spec);
  return std::nullopt;
}

// ---- deadline --------------------------------------------------------------

struct DeadlineCommands {
  CLI::App* parse = nullptr;
  std::string text, format = "json";
};

int print_deadline(const DeadlineCommands& d) {
  auto deadline = parse_deadline(d.text);
  if (d.format == "text") {
    std::cout << format_deadline(deadline) << std::endl;
  } else {
    auto out = plans::to_json(deadline);  // kind, due, text, milestones
    out["source"] = d.text;
    std::cout << out.dump() << std::endl;
  }
  return 0;
}

std::optional<int> run_deadline_commands(const DeadlineCommands& d) {
  if (*d.parse) return print_deadline(d);
  return std::nullopt;
}

}  // namespace

CommandRun add_plans_commands(CLI::App& cmd, DbOption& db) {
  auto state = std::make_shared<PlansCommands>();
  auto& p = *state;
  cmd.require_subcommand(1);

  p.add = cmd.add_subcommand("add", "Create a plan");
  db.add_to(*p.add);
  p.add->add_option("--number", p.number, "Number and symbol, e.g. 77/KH-VP")->required();
  p.add->add_option("--unit", p.unit, "The issuing unit's code")->required();
  p.add->add_option("--year", p.year, "The year the plan is for")->required();
  p.add->add_option("--title", p.title, "The title (trích yếu)")->required();
  p.add->add_option("--issued-on", p.issued_on, "The date of issue, YYYY-MM-DD");
  p.add->add_option("--status", p.status_value, "draft, issued or closed")
      ->check(CLI::IsMember({"draft", "issued", "closed"}))
      ->capture_default_str();
  p.add->add_option("--kind", p.kind, "reform or communication")
      ->check(CLI::IsMember({"reform", "communication"}))
      ->capture_default_str();
  p.add->add_option("--implements", p.implements, "The number of the plan this one implements");
  p.add->add_option("--implements-unit", p.implements_unit,
                    "The issuing unit of the plan it implements (when several units used that number)");
  p.add->add_option("--implements-year", p.implements_year,
                    "The year of that plan's number: its issue date's, else its year (when still ambiguous)");

  p.list = cmd.add_subcommand("list", "List plans as JSON lines");
  db.add_to(*p.list);
  p.list->add_option("--year", p.year, "Only plans of this year");

  p.import = cmd.add_subcommand(
      "import",
      "Import a task matrix (XLSX or CSV laid out like the plan appendix) into a plan; unmatched unit "
      "names make it fail with their rows listed, writing nothing");
  db.add_to(*p.import);
  p.import->add_option("--plan", p.number, "The plan's number and symbol")->required();
  p.import->add_option("--unit", p.unit, "The plan's issuing unit (when several units used that number)");
  p.import->add_option("--year", p.year,
                       "The year of the plan's number: its issue date's, else the plan's year (when still ambiguous)");
  p.import->add_option("file", p.file, "The .xlsx or .csv file")->required();
  p.import->add_option("--resolve", p.resolve,
                       "\"Name as written=UNIT_CODE\" or \"Name=level:LEVEL\" for a name the matcher cannot place "
                       "(repeatable; remembered for later imports)");
  p.import->add_flag("--replace", p.replace, "Replace the plan's tasks (only while none has a report)");
  p.import->add_flag("--dry-run", p.dry_run, "Check the file and list what would be imported; write nothing");

  p.remind = cmd.add_subcommand("remind",
                                "Raise the day's reminders and escalations as notifications; mail each user a digest");
  db.add_to(*p.remind);
  p.remind->add_option("--as-of", p.as_of, "The day, YYYY-MM-DD (default: today)");
  p.smtp = env_or("CCHC_SMTP_URL", "");
  p.from = env_or("CCHC_MAIL_FROM", "cchc@localhost");
  p.base_url = env_or("CCHC_BASE_URL", "http://localhost:8080");
  p.remind->add_option("--smtp", p.smtp, "SMTP server: smtp://host:port (default $CCHC_SMTP_URL; none: no e-mail)");
  p.remind->add_option("--from", p.from, "Sender address (default $CCHC_MAIL_FROM)")->capture_default_str();
  p.remind->add_option("--base-url", p.base_url, "The site's address for links (default $CCHC_BASE_URL)")
      ->capture_default_str();

  p.status = cmd.add_subcommand("status", "Every task of a plan with its deadline and derived status as of a date");
  db.add_to(*p.status);
  p.status->add_option("--plan", p.number, "The plan's number and symbol")->required();
  p.status->add_option("--unit", p.unit, "The plan's issuing unit (when several units used that number)");
  p.status->add_option("--year", p.year,
                       "The year of the plan's number: its issue date's, else the plan's year (when still ambiguous)");
  p.status->add_option("--as-of", p.as_of, "The day, YYYY-MM-DD (default: today)");
  p.status->add_option("--format", p.format, "json")->check(CLI::IsMember({"json"}))->capture_default_str();
  return [state](const std::string& db_spec) { return run_plans_commands(*state, db_spec); };
}

CommandRun add_deadline_commands(CLI::App& cmd, DbOption&) {
  auto d = std::make_shared<DeadlineCommands>();
  cmd.require_subcommand(1);
  d->parse = cmd.add_subcommand("parse",
                                "Read a deadline (\"Quý IV/2022\", \"trước ngày 21/6/2024\", \"Thường xuyên\" …); "
                                "prints {\"kind\", \"due\", \"text\", \"milestones\"}; exits 2 when it cannot be read");
  d->parse->add_option("text", d->text, "The deadline as written")->required();
  d->parse->add_option("--format", d->format, "json or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  return [d](const std::string&) { return run_deadline_commands(*d); };
}

}  // namespace cchc::app
