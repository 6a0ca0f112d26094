#include "app/plans_cli.h"

#include "app/sources.h"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "app/cli_support.h"
#include "app/sources.h"
#include "core/errors.h"
#include "core/text.h"
#include "feedback/store.h"
#include "inspections/work.h"
#include "plans/json.h"
#include "plans/notify.h"
#include "plans/store.h"

namespace cchc::app {

using nlohmann::json;

void add_plans_commands(CLI::App& cli, PlansCommands& p, const std::function<void(CLI::App*)>& add_db) {
  auto* plans = cli.add_subcommand("plans", "Reform plans and their task matrix (see docs/plans.md)");
  plans->require_subcommand(1);

  p.add = plans->add_subcommand("add", "Create a plan");
  add_db(p.add);
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

  p.list = plans->add_subcommand("list", "List plans as JSON lines");
  add_db(p.list);
  p.list->add_option("--year", p.year, "Only plans of this year");

  p.import = plans->add_subcommand(
      "import",
      "Import a task matrix (XLSX or CSV laid out like the plan appendix) into a plan; unmatched unit "
      "names make it fail with their rows listed, writing nothing");
  add_db(p.import);
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

  p.remind = plans->add_subcommand(
      "remind", "Raise the day's reminders and escalations as notifications; mail each user a digest");
  add_db(p.remind);
  p.remind->add_option("--as-of", p.as_of, "The day, YYYY-MM-DD (default: today)");
  auto env = [](const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return std::string(v && *v ? v : fallback);
  };
  p.smtp = env("CCHC_SMTP_URL", "");
  p.from = env("CCHC_MAIL_FROM", "cchc@localhost");
  p.base_url = env("CCHC_BASE_URL", "http://localhost:8080");
  p.remind->add_option("--smtp", p.smtp, "SMTP server: smtp://host:port (default $CCHC_SMTP_URL; none: no e-mail)");
  p.remind->add_option("--from", p.from, "Sender address (default $CCHC_MAIL_FROM)")->capture_default_str();
  p.remind->add_option("--base-url", p.base_url, "The site's address for links (default $CCHC_BASE_URL)")
      ->capture_default_str();

  p.status = plans->add_subcommand("status", "Every task of a plan with its deadline and derived status as of a date");
  add_db(p.status);
  p.status->add_option("--plan", p.number, "The plan's number and symbol")->required();
  p.status->add_option("--unit", p.unit, "The plan's issuing unit (when several units used that number)");
  p.status->add_option("--year", p.year,
                       "The year of the plan's number: its issue date's, else the plan's year (when still ambiguous)");
  p.status->add_option("--as-of", p.as_of, "The day, YYYY-MM-DD (default: today)");
  p.status->add_option("--format", p.format, "json")->check(CLI::IsMember({"json"}))->capture_default_str();
}

namespace {

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

int import(const PlansCommands& p, const std::string& db_spec) {
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

}  // namespace

std::optional<int> run_plans_commands(const PlansCommands& p, const std::string& db_spec) {
  if (*p.add) {
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
  if (*p.list) {
    auto db = open_migrated(db_spec);
    for (const auto& plan : db->read([&](db::Connection& c) { return plans::list_plans(c, p.year); })) {
      std::cout << plans::to_json(plan).dump() << std::endl;
    }
    return 0;
  }
  if (*p.import) return import(p, db_spec);
  if (*p.remind) {
    auto db = open_migrated(db_spec);
    Date day = p.as_of.empty() ? local_date(now_seconds()) : parse_iso_date(p.as_of);
    auto raised = plans::raise_reminders(*db, day, cli_actor(), now_seconds());
    if (!raised.working_day) {
      std::cout << fmt::format("{} is not a working day: no reminders", format_iso_date(day)) << std::endl;
    } else {
      std::cout << fmt::format("{}: {} reminders, {} new notifications", format_iso_date(day), raised.reminders,
                               raised.notifications)
                << std::endl;
      // Citizen feedback's deadlines remind through the same notifications.
      Instant at = p.as_of.empty() ? now_seconds() : start_of_day(day) + std::chrono::hours{8};
      int feedback = feedback::raise_reminders(*db, WorkCalendar::vietnam(), feedback_sinks(), cli_actor(), at);
      std::cout << fmt::format("feedback: {} new notifications", feedback) << std::endl;
      int inspected = inspections::raise_reminders(*db, day, inspection_sources().notify, at);
      std::cout << fmt::format("inspections: {} new notifications", inspected) << std::endl;
    }
    if (p.smtp.empty()) {
      std::cout << "no SMTP server configured (--smtp or $CCHC_SMTP_URL): no e-mail sent" << std::endl;
      return 0;
    }
    auto acknowledged = feedback::send_acknowledgements(*db, p.smtp, p.from, p.base_url, now_seconds(), 1000);
    if (acknowledged > 0) std::cout << fmt::format("{} feedback acknowledgements mailed", acknowledged) << std::endl;
    auto digests = plans::send_digests(*db, p.smtp, p.from, p.base_url, now_seconds());
    std::cout << fmt::format("{} digests mailed ({} notifications)", digests.sent, digests.notifications) << std::endl;
    for (const auto& f : digests.failures) std::cerr << "not mailed: " << f << std::endl;
    return digests.failures.empty() ? 0 : 1;
  }
  if (*p.status) {
    auto db = open_migrated(db_spec);
    auto plan = need_plan(*db, p.number, p.unit, p.year, "--unit and --year");
    Date as_of = p.as_of.empty() ? local_date(now_seconds()) : parse_iso_date(p.as_of);
    auto states = db->read([&](db::Connection& c) { return plans::plan_states(c, plan.id, as_of); });
    std::cout << plans::status_json(plan, states, as_of).dump() << std::endl;
    return 0;
  }
  return std::nullopt;
}

}  // namespace cchc::app
