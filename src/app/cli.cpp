#include "app/cli.h"

#include "app/housekeeping.h"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/assessments_cli.h"
#include "app/cli_support.h"
#include "app/demo.h"
#include "app/documents_cli.h"
#include "app/plans_cli.h"
#include "app/sources.h"
#include "audit/audit.h"
#include "core/deadline.h"
#include "directory/accounts.h"
#include "directory/read.h"
#include "directory/store.h"
#include "directory/tokens.h"
#include "feedback/store.h"
#include "indicators/dashboard.h"
#include "indicators/store.h"
#include "plans/json.h"
#include "portal/store.h"

#include <unistd.h>
#include "app/web.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/period.h"
#include "db/migrate.h"

namespace cchc::app {

namespace {

// What a newer cchc derives differently from the same data, written again
// once after the migrations: the portal's search index.
void refresh_derived(db::Database& db) {
  auto n = db.write([](db::Connection& c) { return portal::refresh_search_index(c, now_seconds()); });
  if (n > 0) spdlog::info("indexed {} portal item(s) again for search", n);
}

}  // namespace

std::unique_ptr<db::Database> open_migrated(const std::string& spec) {
  auto db = db::open(spec);
  auto applied = db::migrate(*db);
  for (int v : applied) spdlog::info("applied migration {}", v);
  refresh_derived(*db);
  return db;
}

audit::Entry cli_actor() {
  const char* user = std::getenv("USER");
  return audit::Entry{std::string("cli:") + (user && *user ? user : "unknown"), "cli", "", "", "", {}, {}};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw invalid_input("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

namespace {

std::string default_db() {
  const char* env = std::getenv("CCHC_DB");
  return env && *env ? env : "var/cchc.db";
}

void setup_logging(bool access_log) {
  if (!spdlog::get("access")) {
    auto access = spdlog::stdout_logger_mt("access");
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
  }
  spdlog::get("access")->set_level(access_log ? spdlog::level::info : spdlog::level::off);
  spdlog::set_default_logger(spdlog::stderr_logger_mt("cchc"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%l] %v");
}

int serve(const std::string& db_spec, http::ServerConfig server_config, WebConfig web_config) {
  auto db = open_migrated(db_spec);
  Web web(*db, web_config);
  server_config.limits_of = [&web](http::Verb method, std::string_view target) {
    return web.router().limits_of(method, target);
  };
  server_config.client_of = web.client_of();
  http::Server server(server_config, web.app(), web.error_responder(), web.metrics());
  Housekeeper housekeeper(*db, web.sessions(), std::chrono::minutes(10));
  server.listen();
  server.stop_on_signals();
  if (web_config.base_url.empty()) web.set_base_url(fmt::format("http://{}:{}", server_config.host, server.port()));
  spdlog::info("cchc {} serving http://{}:{} with {}", CCHC_VERSION, server_config.host, server.port(), db->describe());
  std::cout << fmt::format("cchc listening on http://{}:{}", server_config.host, server.port()) << std::endl;
  // Citizens' acknowledgements go out from a thread of their own, never
  // from the I/O threads: every few seconds, what the pages queued.
  std::jthread mailer;
  if (!web_config.smtp_url.empty()) {
    mailer = std::jthread([&](std::stop_token stop) {
      while (!stop.stop_requested()) {
        try {
          feedback::send_acknowledgements(*db, web_config.smtp_url, web_config.mail_from, web.base_url(),
                                          now_seconds());
        } catch (const std::exception& e) {
          spdlog::warn("acknowledgements not sent: {}", e.what());
        }
        for (int i = 0; i < 50 && !stop.stop_requested(); ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  server.run();
  spdlog::info("cchc stopped");
  return 0;
}

int import_units(const std::string& db_spec, const std::string& file) {
  auto db = open_migrated(db_spec);
  auto result = directory::import_units(*db, read_file(file), cli_actor(), now_seconds());
  if (!result.ok()) {
    std::cerr << fmt::format("{}: rejected, nothing was written ({} problem(s)):", file, result.errors.size())
              << std::endl;
    for (const auto& e : result.errors) std::cerr << "  " << e.message << std::endl;
    return 2;
  }
  std::cout << fmt::format("{}: {} inserted, {} updated, {} unchanged", file, result.inserted, result.updated,
                           result.unchanged)
            << std::endl;
  return 0;
}

// A password from standard input when it is not a terminal, else a new one.
std::pair<std::string, bool> password_from_stdin() {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (std::getline(std::cin, line) && !line.empty()) {
      if (line.back() == '\r') line.pop_back();
      return {line, false};
    }
  }
  return {directory::generate_password(), true};
}

int user_add(const std::string& db_spec, directory::NewUser nu) {
  auto db = open_migrated(db_spec);
  auto [password, generated] = password_from_stdin();
  nu.password = password;
  auto user = directory::add_user(*db, nu, cli_actor(), now_seconds());
  std::cout << fmt::format("user {} added to {}", user.username, user.unit_code) << std::endl;
  if (generated) std::cout << "password (shown once): " << password << std::endl;
  return 0;
}

int user_passwd(const std::string& db_spec, const std::string& username) {
  auto db = open_migrated(db_spec);
  auto user = directory::find_user(*db, username);
  if (!user) throw invalid_input("no user '" + username + "'");
  auto [password, generated] = password_from_stdin();
  directory::set_password(*db, user->id, password, cli_actor(), now_seconds());
  std::cout << fmt::format("password of {} changed; their sessions ended", user->username) << std::endl;
  if (generated) std::cout << "password (shown once): " << password << std::endl;
  return 0;
}

int backup(const std::string& db_spec, const std::string& out) {
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

int import_records(const std::string& db_spec, indicators::Kind kind, const std::string& file) {
  auto db = open_migrated(db_spec);
  const std::string text = read_file(file);
  indicators::ImportRequest req;
  req.kind = kind;
  req.text = text;
  req.format =
      file.ends_with(".json") || file.ends_with(".ndjson") ? indicators::Format::json : indicators::Format::csv;
  const bool tty = isatty(STDERR_FILENO);
  req.progress = [&](std::size_t done, std::size_t total) {
    if (total < 50000) return;
    std::cerr << fmt::format("{}written {} of {} records ({}%){}", tty ? "\r" : "", done, total, done * 100 / total,
                             tty && done < total ? "" : "\n")
              << std::flush;
  };
  auto out = indicators::import_batch(*db, req, cli_actor(), now_seconds());
  if (!out.ok()) {
    std::cerr << fmt::format("{}: rejected, nothing was written ({} problem(s)):", file, out.errors.size())
              << std::endl;
    for (const auto& e : out.errors) std::cerr << "  " << e.message << std::endl;
    if (out.errors.unreported()) std::cerr << fmt::format("  … and {} more", out.errors.unreported()) << std::endl;
    return 2;
  }
  std::cout << fmt::format("{}: {} records: {} inserted, {} updated, {} unchanged", file, out.records,
                           out.summary.inserted, out.summary.updated, out.summary.unchanged)
            << std::endl;
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"cchc — administrative reform (cải cách hành chính) platform for a province"};
  cli.set_version_flag("--version", std::string("cchc ") + CCHC_VERSION);
  cli.require_subcommand(1);

  std::string db_spec = default_db();
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", db_spec,
                    "SQLite file path, or postgresql://user:pass@host:port/dbname "
                    "(default: $CCHC_DB or var/cchc.db)");
  };

  http::ServerConfig server_config;
  WebConfig web_config;
  bool no_access_log = false;
  auto* serve_cmd = cli.add_subcommand("serve", "Serve the web UI and the API");
  add_db(serve_cmd);
  serve_cmd->add_option("--host", server_config.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", server_config.port, "Port to listen on (0: any free port)")->capture_default_str();
  serve_cmd->add_option("--threads", server_config.threads, "I/O threads (0: one per core)")->capture_default_str();
  serve_cmd
      ->add_option("--work-threads", server_config.work_threads,
                   "Threads for requests that parse files or documents (0: one per core, at least 2)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-heavy-per-client", server_config.max_heavy_per_client,
                   "Most requests with files or documents one user (or address) may have waiting or running at once")
      ->capture_default_str();
  serve_cmd->add_option("--templates", web_config.templates_dir, "Template directory")->capture_default_str();
  serve_cmd->add_option("--static", web_config.static_dir, "Static file directory")->capture_default_str();
  serve_cmd
      ->add_option("--max-header-bytes", server_config.header_limit, "Largest request header accepted (larger: 431)")
      ->capture_default_str();
  serve_cmd->add_option("--max-body-bytes", server_config.body_limit, "Largest request body accepted (larger: 413)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-connections", server_config.max_connections,
                   "Most client connections open at once (0: the descriptor limit less a reserve)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-connections-per-client", server_config.max_connections_per_client,
                   "Most connections open at once from one client address (trusted proxies excepted)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--trusted-proxy", server_config.trusted_proxies,
                   "Address or network (10.0.0.0/8) of a reverse proxy in front of the server (repeatable; "
                   "default: loopback): the client address is read from its X-Forwarded-For, and the per-client "
                   "connection cap does not apply to it")
      ->capture_default_str();
  serve_cmd->add_flag("--https", web_config.https, "Served behind HTTPS (a TLS proxy): secure cookies and HSTS");
  web_config.base_url = std::getenv("CCHC_BASE_URL") ? std::getenv("CCHC_BASE_URL") : "";
  web_config.smtp_url = std::getenv("CCHC_SMTP_URL") ? std::getenv("CCHC_SMTP_URL") : "";
  if (std::getenv("CCHC_MAIL_FROM")) web_config.mail_from = std::getenv("CCHC_MAIL_FROM");
  if (const char* token = std::getenv("CCHC_METRICS_TOKEN")) web_config.metrics_token = token;
  if (const char* bits = std::getenv("CCHC_FEEDBACK_POW_BITS")) {
    auto n = parse_int<int>(bits);
    if (!n || *n < 0 || *n > 24) throw invalid_input("CCHC_FEEDBACK_POW_BITS must be a whole number from 0 to 24");
    web_config.feedback_proof_bits = *n;
  }
  serve_cmd->add_option("--base-url", web_config.base_url,
                        "The site's public address for feeds, the sitemap and Open Graph tags "
                        "(default: $CCHC_BASE_URL, else the address it listens on)");
  serve_cmd->add_flag("--no-access-log", no_access_log, "Do not write the access log");

  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply pending database migrations");
  add_db(migrate_cmd);

  auto* demo_cmd = cli.add_subcommand("demo", "Load the demo province into the database");
  add_db(demo_cmd);
  bool demo_no_records = false;
  demo_cmd->add_flag("--no-records", demo_no_records,
                     "Load the province, units, accounts and targets but no dossiers or feedback");

  std::string backup_out;
  auto* backup_cmd = cli.add_subcommand("backup", "Write a consistent copy of a SQLite database (server may run)");
  add_db(backup_cmd);
  backup_cmd->add_option("--out", backup_out, "The new file to write")->required();

  auto* units_cmd = cli.add_subcommand("units", "The unit tree: import and export the units CSV");
  units_cmd->require_subcommand(1);
  std::string units_file, units_out, as_of;
  auto* units_import = units_cmd->add_subcommand(
      "import",
      "Import units from CSV (code,name,level,parent_code,valid_from,valid_to[,successor_codes][,short_name]); "
      "a file with any bad line is rejected whole");
  add_db(units_import);
  units_import->add_option("file", units_file, "The CSV file")->required();
  auto* units_export = units_cmd->add_subcommand("export", "Write the units CSV to standard output or --out");
  add_db(units_export);
  units_export->add_option("--as-of", as_of, "Only units valid on this date (YYYY-MM-DD)");
  units_export->add_option("--out", units_out, "Write to this file instead of standard output");

  auto* user_cmd = cli.add_subcommand("user", "User accounts");
  user_cmd->require_subcommand(1);
  directory::NewUser new_user;
  auto* user_add_cmd = user_cmd->add_subcommand(
      "add", "Add a user; the password is read from standard input, or generated and printed once");
  add_db(user_add_cmd);
  user_add_cmd->add_option("--username", new_user.username, "3-64 of a-z 0-9 . _ -")->required();
  user_add_cmd->add_option("--unit", new_user.unit_code, "The code of the user's unit")->required();
  user_add_cmd
      ->add_option("--role", new_user.roles,
                   "admin, unit_officer, unit_leader, editor, editorial_board, appraiser, viewer (repeatable)")
      ->required();
  user_add_cmd->add_option("--name", new_user.display_name, "Full name (default: the username)");
  std::string passwd_user;
  auto* user_passwd_cmd = user_cmd->add_subcommand(
      "passwd", "Set a user's password (from standard input, or generated and printed once); ends their sessions");
  add_db(user_passwd_cmd);
  user_passwd_cmd->add_option("--username", passwd_user, "Whose password")->required();
  std::string email_user, email_address;
  auto* user_email_cmd = user_cmd->add_subcommand("email", "Set the address reminders are mailed to (\"\" clears it)");
  add_db(user_email_cmd);
  user_email_cmd->add_option("--username", email_user, "Whose address")->required();
  user_email_cmd->add_option("--email", email_address, "local@domain")->required();

  auto* deadline_cmd = cli.add_subcommand("deadline", "Task deadlines as plans write them");
  deadline_cmd->require_subcommand(1);
  std::string deadline_text, deadline_format = "json";
  auto* deadline_parse = deadline_cmd->add_subcommand(
      "parse",
      "Read a deadline (\"Quý IV/2022\", \"trước ngày 21/6/2024\", \"Thường xuyên\" …); "
      "prints {\"kind\", \"due\", \"text\", \"milestones\"}; exits 2 when it cannot be read");
  deadline_parse->add_option("text", deadline_text, "The deadline as written")->required();
  deadline_parse->add_option("--format", deadline_format, "json or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();

  PlansCommands plans_cmds;
  add_plans_commands(cli, plans_cmds, add_db);
  AssessmentCommands assessment_cmds;
  add_assessment_commands(cli, assessment_cmds, add_db);
  DocumentCommands document_cmds;
  add_document_commands(cli, document_cmds);

  auto* import_cmd = cli.add_subcommand("import", "Import service records from the one-stop systems");
  import_cmd->require_subcommand(1);
  std::string import_file;
  auto* import_dossiers = import_cmd->add_subcommand(
      "dossiers", "Import dossiers (hồ sơ) from CSV (or .json/.ndjson); a file with any bad line is rejected whole");
  add_db(import_dossiers);
  import_dossiers->add_option("file", import_file, "The CSV file")->required();
  auto* import_feedback = import_cmd->add_subcommand(
      "feedback", "Import citizen feedback (phản ánh, kiến nghị) from CSV; a file with any bad line is rejected whole");
  add_db(import_feedback);
  import_feedback->add_option("file", import_file, "The CSV file")->required();

  auto* feedback_cmd = cli.add_subcommand("feedback", "Citizen feedback (phản ánh, kiến nghị) cases");
  feedback_cmd->require_subcommand(1);
  std::string feedback_file;
  auto* feedback_import = feedback_cmd->add_subcommand(
      "import",
      "Import cases received on the national portal from CSV "
      "(external_id,received_at,category,place,content,name,email,phone,publish); a file with any bad line is "
      "rejected whole; cases already received are left as they are");
  add_db(feedback_import);
  feedback_import->add_option("file", feedback_file, "The CSV file")->required();

  auto* indicators_cmd =
      cli.add_subcommand("indicators", "Service-delivery indicators of a unit and period (see docs/indicators.md)");
  indicators_cmd->require_subcommand(0, 1);
  add_db(indicators_cmd);
  std::string ind_unit, ind_period, ind_scope = "unit", ind_format = "json";
  indicators_cmd->add_option("--unit", ind_unit, "Unit code");
  indicators_cmd->add_option("--period", ind_period,
                             "Period: 2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03, or a range of whole months");
  indicators_cmd->add_option("--scope", ind_scope, "unit, or subtree (with units under it and units merged into them)")
      ->check(CLI::IsMember({"unit", "subtree"}))
      ->capture_default_str();
  indicators_cmd->add_option("--format", ind_format, "json")->check(CLI::IsMember({"json"}))->capture_default_str();
  auto* indicators_rebuild =
      indicators_cmd->add_subcommand("rebuild", "Recompute every rollup from the stored dossiers and feedback");
  add_db(indicators_rebuild);

  std::string i766_formula = "qd766-legal", i766_scope = "subtree";
  auto* index766_cmd = cli.add_subcommand(
      "index766", "The 766 service index of a unit and period, by group and indicator (docs/indicators.md)");
  add_db(index766_cmd);
  index766_cmd->add_option("--unit", ind_unit, "Unit code")->required();
  index766_cmd->add_option("--period", ind_period, "Period of whole months: 2024, 2024-Q1, 2024-03 …")->required();
  index766_cmd->add_option("--formula", i766_formula, "qd766-legal or qd766-observed")
      ->check(CLI::IsMember({"qd766-legal", "qd766-observed"}))
      ->capture_default_str();
  index766_cmd->add_option("--scope", i766_scope, "unit or subtree")
      ->check(CLI::IsMember({"unit", "subtree"}))
      ->capture_default_str();

  auto* tokens_cmd = cli.add_subcommand("tokens", "API tokens for the one-stop systems that push records");
  tokens_cmd->require_subcommand(1);
  std::string token_name, token_unit, token_id;
  auto* tokens_add = tokens_cmd->add_subcommand(
      "add", "Issue a token scoped to a unit subtree; prints {id, name, unit, secret} once (the secret is not stored)");
  add_db(tokens_add);
  tokens_add->add_option("--name", token_name, "The system's name")->required();
  tokens_add->add_option("--unit", token_unit, "The unit whose subtree the token may write")->required();
  std::string token_purpose = directory::kPurposeIndicators;
  tokens_add
      ->add_option("--purpose", token_purpose,
                   "indicators: push dossiers and feedback records; open311: post citizen feedback through Open311")
      ->check(CLI::IsMember({"indicators", "open311"}))
      ->capture_default_str();
  auto* tokens_list = tokens_cmd->add_subcommand("list", "List tokens (never their secrets)");
  add_db(tokens_list);
  auto* tokens_revoke = tokens_cmd->add_subcommand("revoke", "Revoke a token at once");
  add_db(tokens_revoke);
  tokens_revoke->add_option("id", token_id, "The token's id")->required();

  auto* audit_cmd = cli.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "Check the audit log's hash chain; exit 1 if broken");
  add_db(audit_verify);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }

  try {
    setup_logging(!no_access_log);
    if (*serve_cmd) {
      server_config.access_log = !no_access_log;
      return serve(db_spec, server_config, web_config);
    }
    if (*migrate_cmd) {
      auto db = db::open(db_spec);
      auto applied = db::migrate(*db);
      refresh_derived(*db);
      std::cout << fmt::format("{} migration(s) applied; schema version {}", applied.size(), db::schema_version(*db))
                << std::endl;
      return 0;
    }
    if (*demo_cmd) {
      auto db = open_migrated(db_spec);
      auto logins = load_demo(*db);
      auto records = load_demo_records(*db, now_seconds(), !demo_no_records);
      auto plan = load_demo_plan(*db, now_seconds());
      auto rounds = load_demo_assessments(*db, now_seconds());
      auto portal = load_demo_portal(*db, now_seconds());
      auto feedback = load_demo_feedback(*db, now_seconds());
      auto inspections = load_demo_inspections(*db, now_seconds());
      std::cout << "demo data loaded into " << db->describe() << ": " << records.dossiers << " dossiers, "
                << records.feedback << " feedback records, " << plan.tasks << " plan tasks, " << plan.reports
                << " task reports, " << rounds.rounds << " assessment rounds (" << rounds.submitted
                << " self-assessments submitted in the open one), " << portal.items << " portal items, "
                << portal.documents << " library documents, " << feedback.cases << " feedback cases, "
                << inspections.visits << " inspections (" << inspections.recommendations << " recommendations)"
                << std::endl;
      std::cout << "demo logins (demo data only):" << std::endl;
      for (const auto& l : logins) {
        std::cout << fmt::format("  {:<16} {:<18} {}", l.role, l.username, l.password) << std::endl;
      }
      return 0;
    }
    if (*backup_cmd) return backup(db_spec, backup_out);
    if (*units_import) return import_units(db_spec, units_file);
    if (*user_add_cmd) return user_add(db_spec, new_user);
    if (*user_passwd_cmd) return user_passwd(db_spec, passwd_user);
    if (*user_email_cmd) {
      auto db = open_migrated(db_spec);
      auto user = directory::find_user(*db, email_user);
      if (!user) throw not_found("no user '" + email_user + "'");
      directory::set_email(*db, user->id, email_address, cli_actor(), now_seconds());
      std::cout << "address of " << user->username << " set" << std::endl;
      return 0;
    }
    if (*units_export) {
      auto db = open_migrated(db_spec);
      std::optional<Date> date;
      if (!as_of.empty()) date = parse_iso_date(as_of);
      auto csv = directory::export_units(*db, date);
      if (units_out.empty()) {
        std::cout << csv;
      } else {
        std::ofstream(units_out, std::ios::binary) << csv;
      }
      audit::Entry entry = cli_actor();
      entry.action = "export";
      entry.entity = "units";
      entry.entity_id = as_of.empty() ? "*" : as_of;
      db->write([&](db::Connection& c) { audit::append(c, entry, now_seconds()); });
      return 0;
    }
    if (*deadline_parse) {
      auto d = parse_deadline(deadline_text);
      if (deadline_format == "text") {
        std::cout << format_deadline(d) << std::endl;
      } else {
        auto out = plans::to_json(d);  // kind, due, text, milestones
        out["source"] = deadline_text;
        std::cout << out.dump() << std::endl;
      }
      return 0;
    }
    if (auto code = run_plans_commands(plans_cmds, db_spec)) return *code;
    if (auto code = run_assessment_commands(assessment_cmds, db_spec)) return *code;
    if (auto code = run_document_commands(document_cmds)) return *code;
    if (*import_dossiers) return import_records(db_spec, indicators::Kind::dossiers, import_file);
    if (*import_feedback) return import_records(db_spec, indicators::Kind::feedback, import_file);
    if (*feedback_import) {
      auto db = open_migrated(db_spec);
      auto result = feedback::import_cases(*db, read_file(feedback_file), feedback::Channel::national_portal,
                                           directory::load_units(*db), WorkCalendar::vietnam(), feedback_sinks(),
                                           cli_actor(), now_seconds());
      if (!result.ok()) {
        std::cerr << fmt::format("{}: rejected, nothing was written ({} problem(s)):", feedback_file,
                                 result.errors.size())
                  << std::endl;
        for (const auto& e : result.errors) std::cerr << "  " << e.message << std::endl;
        return 2;
      }
      std::cout << fmt::format("{}: {} inserted, {} unchanged", feedback_file, result.inserted, result.unchanged)
                << std::endl;
      return 0;
    }
    if (*indicators_rebuild) {
      auto db = open_migrated(db_spec);
      auto n = indicators::rebuild(*db);
      std::cout << fmt::format("rollups rebuilt from {} records", n) << std::endl;
      return 0;
    }
    if (*indicators_cmd) {
      if (ind_unit.empty() || ind_period.empty()) throw invalid_input("indicators needs --unit and --period");
      auto db = open_migrated(db_spec);
      auto period = Period::parse(ind_period);
      auto scope = indicators::parse_scope(ind_scope);
      auto values = db->read([&](db::Connection& c) { return indicators::query(c, ind_unit, period, scope); });
      nlohmann::json out = {{"unit", ind_unit}, {"period", period.code()}, {"scope", ind_scope}};
      out.update(indicators::to_json(values));
      std::cout << out.dump() << std::endl;
      return 0;
    }
    if (*index766_cmd) {
      auto db = open_migrated(db_spec);
      auto period = Period::parse(ind_period);
      auto scope = indicators::parse_scope(i766_scope);
      auto score = db->read([&](db::Connection& c) {
        return indicators::index766(c, ind_unit, period, scope, indicators::parse_formula(i766_formula));
      });
      nlohmann::json out = {{"unit", ind_unit}, {"period", period.code()}, {"scope", i766_scope}};
      out.update(indicators::to_json(score));
      std::cout << out.dump() << std::endl;
      return 0;
    }
    if (*tokens_add) {
      auto db = open_migrated(db_spec);
      auto t = directory::issue_token(*db, token_name, token_unit, token_purpose, cli_actor(), now_seconds());
      std::cout << nlohmann::json{{"id", t.token.id},
                                  {"name", t.token.name},
                                  {"unit", t.token.unit_code},
                                  {"purpose", t.token.purpose},
                                  {"secret", t.secret}}
                       .dump()
                << std::endl;
      return 0;
    }
    if (*tokens_list) {
      auto db = open_migrated(db_spec);
      for (const auto& t : db->read([](db::Connection& c) { return directory::list_tokens(c); })) {
        std::cout << fmt::format("{}  {:<12} {:<10} {:<30} {}", t.id, t.unit_code, t.purpose, t.name,
                                 t.revoked_at ? "revoked " + format_rfc3339_vn(*t.revoked_at) : "live")
                  << std::endl;
      }
      return 0;
    }
    if (*tokens_revoke) {
      auto db = open_migrated(db_spec);
      directory::revoke_token(*db, token_id, cli_actor(), now_seconds());
      std::cout << "token " << token_id << " revoked" << std::endl;
      return 0;
    }
    if (*audit_verify) {
      auto db = open_migrated(db_spec);
      auto v = audit::verify(*db);
      if (v.ok) {
        std::cout << fmt::format("audit log intact: {} entries", v.entries) << std::endl;
        return 0;
      }
      std::cerr << "audit log BROKEN: " << v.problem << std::endl;
      return 1;
    }
  } catch (const Error& e) {
    std::cerr << "cchc: " << e.what() << std::endl;
    return e.kind() == ErrorKind::invalid_input || e.kind() == ErrorKind::conflict ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "cchc: " << e.what() << std::endl;
    return 1;
  }
  return 2;
}

}  // namespace cchc::app
