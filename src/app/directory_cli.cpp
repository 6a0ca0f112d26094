// The directory's commands: `cchc units`, `cchc user`, `cchc tokens`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <unistd.h>

#include "app/cli_groups.h"
#include "audit/audit.h"
#include "core/dates.h"
#include "core/errors.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "directory/tokens.h"

namespace cchc::app {

namespace {

// ---- units -----------------------------------------------------------------

struct UnitsCommands {
  CLI::App* import = nullptr;
  CLI::App* export_ = nullptr;
  std::string file, out, as_of;
};

int import_units_file(const std::string& db_spec, const std::string& file) {
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

// The units CSV (of the units valid on `as_of` when given) to standard
// output or `out`; the export is audited.
int export_units_csv(const std::string& db_spec, const std::string& as_of, const std::string& out) {
  auto db = open_migrated(db_spec);
  std::optional<Date> date;
  if (!as_of.empty()) date = parse_iso_date(as_of);
  auto csv = directory::export_units(*db, date);
  if (out.empty()) {
    std::cout << csv;
  } else {
    std::ofstream(out, std::ios::binary) << csv;
  }
  audit::Entry entry = cli_actor();
  entry.action = "export";
  entry.entity = "units";
  entry.entity_id = as_of.empty() ? "*" : as_of;
  db->write([&](db::Connection& c) { audit::append(c, entry, now_seconds()); });
  return 0;
}

std::optional<int> run_units_commands(const UnitsCommands& u, const std::string& db_spec) {
  if (*u.import) return import_units_file(db_spec, u.file);
  if (*u.export_) return export_units_csv(db_spec, u.as_of, u.out);
  return std::nullopt;
}

// ---- user ------------------------------------------------------------------

struct UserCommands {
  CLI::App* add = nullptr;
  CLI::App* passwd = nullptr;
  CLI::App* email = nullptr;
  directory::NewUser new_user;
  std::string passwd_user, email_user, email_address;
};

// A password from standard input when it is not a terminal, else a new one
// (true: generated, to be shown once).
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

int add_user_account(const std::string& db_spec, directory::NewUser nu) {
  auto db = open_migrated(db_spec);
  auto [password, generated] = password_from_stdin();
  nu.password = password;
  auto user = directory::add_user(*db, nu, cli_actor(), now_seconds());
  std::cout << fmt::format("user {} added to {}", user.username, user.unit_code) << std::endl;
  if (generated) std::cout << "password (shown once): " << password << std::endl;
  return 0;
}

int set_user_password(const std::string& db_spec, const std::string& username) {
  auto db = open_migrated(db_spec);
  auto user = directory::find_user(*db, username);
  if (!user) throw invalid_input("no user '" + username + "'");
  auto [password, generated] = password_from_stdin();
  directory::set_password(*db, user->id, password, cli_actor(), now_seconds());
  std::cout << fmt::format("password of {} changed; their sessions ended", user->username) << std::endl;
  if (generated) std::cout << "password (shown once): " << password << std::endl;
  return 0;
}

int set_user_email(const std::string& db_spec, const std::string& username, const std::string& address) {
  auto db = open_migrated(db_spec);
  auto user = directory::find_user(*db, username);
  if (!user) throw not_found("no user '" + username + "'");
  directory::set_email(*db, user->id, address, cli_actor(), now_seconds());
  std::cout << "address of " << user->username << " set" << std::endl;
  return 0;
}

std::optional<int> run_user_commands(const UserCommands& u, const std::string& db_spec) {
  if (*u.add) return add_user_account(db_spec, u.new_user);
  if (*u.passwd) return set_user_password(db_spec, u.passwd_user);
  if (*u.email) return set_user_email(db_spec, u.email_user, u.email_address);
  return std::nullopt;
}

// ---- tokens ----------------------------------------------------------------

struct TokensCommands {
  CLI::App* add = nullptr;
  CLI::App* list = nullptr;
  CLI::App* revoke = nullptr;
  std::string name, unit, id, purpose = directory::kPurposeIndicators;
};

// Prints {id, name, unit, purpose, secret}: the only time the secret shows.
int issue_api_token(const std::string& db_spec, const TokensCommands& t) {
  auto db = open_migrated(db_spec);
  auto issued = directory::issue_token(*db, t.name, t.unit, t.purpose, cli_actor(), now_seconds());
  std::cout << nlohmann::json{{"id", issued.token.id},
                              {"name", issued.token.name},
                              {"unit", issued.token.unit_code},
                              {"purpose", issued.token.purpose},
                              {"secret", issued.secret}}
                   .dump()
            << std::endl;
  return 0;
}

int list_api_tokens(const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  for (const auto& t : db->read([](db::Connection& c) { return directory::list_tokens(c); })) {
    std::cout << fmt::format("{}  {:<12} {:<10} {:<30} {}", t.id, t.unit_code, t.purpose, t.name,
                             t.revoked_at ? "revoked " + format_rfc3339_vn(*t.revoked_at) : "live")
              << std::endl;
  }
  return 0;
}

int revoke_api_token(const std::string& db_spec, const std::string& id) {
  auto db = open_migrated(db_spec);
  directory::revoke_token(*db, id, cli_actor(), now_seconds());
  std::cout << "token " << id << " revoked" << std::endl;
  return 0;
}

std::optional<int> run_tokens_commands(const TokensCommands& t, const std::string& db_spec) {
  if (*t.add) return issue_api_token(db_spec, t);
  if (*t.list) return list_api_tokens(db_spec);
  if (*t.revoke) return revoke_api_token(db_spec, t.id);
  return std::nullopt;
}

}  // namespace

CommandRun add_units_commands(CLI::App& cmd, DbOption& db) {
  auto u = std::make_shared<UnitsCommands>();
  cmd.require_subcommand(1);
  u->import = cmd.add_subcommand(
      "import",
      "Import units from CSV (code,name,level,parent_code,valid_from,valid_to[,successor_codes][,short_name]); "
      "a file with any bad line is rejected whole");
  db.add_to(*u->import);
  u->import->add_option("file", u->file, "The CSV file")->required();
  u->export_ = cmd.add_subcommand("export", "Write the units CSV to standard output or --out");
  db.add_to(*u->export_);
  u->export_->add_option("--as-of", u->as_of, "Only units valid on this date (YYYY-MM-DD)");
  u->export_->add_option("--out", u->out, "Write to this file instead of standard output");
  return [u](const std::string& db_spec) { return run_units_commands(*u, db_spec); };
}

CommandRun add_user_commands(CLI::App& cmd, DbOption& db) {
  auto u = std::make_shared<UserCommands>();
  cmd.require_subcommand(1);
  u->add =
      cmd.add_subcommand("add", "Add a user; the password is read from standard input, or generated and printed once");
  db.add_to(*u->add);
  u->add->add_option("--username", u->new_user.username, "3-64 of a-z 0-9 . _ -")->required();
  u->add->add_option("--unit", u->new_user.unit_code, "The code of the user's unit")->required();
  u->add
      ->add_option("--role", u->new_user.roles,
                   "admin, coordinator, unit_officer, unit_leader, editor, editorial_board, appraiser, viewer "
                   "(repeatable); a coordinator coordinates its unit's subtree")
      ->required();
  u->add->add_option("--name", u->new_user.display_name, "Full name (default: the username)");
  u->add->add_option("--scope", u->new_user.coordinates,
                     "With --role coordinator: the unit whose subtree it coordinates, when wider than --unit "
                     "(a province coordinator working in the Department of Home Affairs); it must contain --unit");
  u->passwd = cmd.add_subcommand(
      "passwd", "Set a user's password (from standard input, or generated and printed once); ends their sessions");
  db.add_to(*u->passwd);
  u->passwd->add_option("--username", u->passwd_user, "Whose password")->required();
  u->email = cmd.add_subcommand("email", "Set the address reminders are mailed to (\"\" clears it)");
  db.add_to(*u->email);
  u->email->add_option("--username", u->email_user, "Whose address")->required();
  u->email->add_option("--email", u->email_address, "local@domain")->required();
  return [u](const std::string& db_spec) { return run_user_commands(*u, db_spec); };
}

CommandRun add_tokens_commands(CLI::App& cmd, DbOption& db) {
  auto t = std::make_shared<TokensCommands>();
  cmd.require_subcommand(1);
  t->add = cmd.add_subcommand(
      "add", "Issue a token scoped to a unit subtree; prints {id, name, unit, secret} once (the secret is not stored)");
  db.add_to(*t->add);
  t->add->add_option("--name", t->name, "The system's name")->required();
  t->add->add_option("--unit", t->unit, "The unit whose subtree the token may write")->required();
  t->add
      ->add_option("--purpose", t->purpose,
                   "indicators: push dossiers and feedback records; open311: post citizen feedback through Open311")
      ->check(CLI::IsMember({"indicators", "open311"}))
      ->capture_default_str();
  t->list = cmd.add_subcommand("list", "List tokens (never their secrets)");
  db.add_to(*t->list);
  t->revoke = cmd.add_subcommand("revoke", "Revoke a token at once");
  db.add_to(*t->revoke);
  t->revoke->add_option("id", t->id, "The token's id")->required();
  return [t](const std::string& db_spec) { return run_tokens_commands(*t, db_spec); };
}

}  // namespace cchc::app
