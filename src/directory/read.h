#pragma once
// What the other layers read of the directory: the levels, the unit tree and
// the users, each on the caller's connection (so a read can sit inside the
// caller's transaction). No file outside src/directory runs SQL on the
// directory's tables; the build checks it (cmake/check_tables.cmake).
// Writing the tree is directory/store.h (import, export); writing users is
// directory/accounts.h.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "directory/model.h"
#include "directory/rules.h"
#include "views/decree30.h"

namespace cchc::directory {

// ---- Levels ---------------------------------------------------------------

// Every level, by rank.
std::vector<Level> load_levels(db::Connection& c);
std::vector<Level> load_levels(db::Database& db);
// Whether `code` names a level.
bool is_level(db::Connection& c, const std::string& code);

// ---- Units ----------------------------------------------------------------

// Every unit, past and present, by code, each with its successors.
std::vector<Unit> load_units(db::Connection& c);
std::vector<Unit> load_units(db::Database& db);
Tree load_tree(db::Database& db);
// The units valid on `d` (Unit::valid_on), by code.
std::vector<Unit> units_valid_on(db::Connection& c, Date d);
// The codes of the units that existed on some day of [from, to], by code.
std::vector<std::string> units_open_in(db::Connection& c, Date from, Date to);
// The unit with this code, past or present, with its successors.
std::optional<Unit> find_unit(db::Connection& c, const std::string& code);
bool unit_exists(db::Connection& c, const std::string& code);
// The province: the first root of level "province" by code; none before the
// tree is imported.
std::optional<Unit> province_unit(db::Connection& c);
// Every unit's name by code (current and past units alike), for labels.
std::map<std::string, std::string> unit_names(db::Connection& c);

// Whether `unit` is `ancestor` or below it in the tree (any date).
bool unit_within(db::Connection& c, const std::string& unit, const std::string& ancestor);
// `root`, every unit below it (as the tree stands, any date) and every unit
// merged into one of those (a unit whose successors include it), again with
// what lies below and was merged into it; by code. `root` is in it whether
// or not it exists.
std::vector<std::string> codes_within(db::Connection& c, const std::string& root);

// The issuing body of a unit's Word drafts of a document type ("BC", "QĐ"),
// per views::issuer_for; the province's committee for an unknown unit.
views::Issuer issuer(db::Connection& c, const std::string& unit_code, const std::string& type);
// How a letter names a unit and its head (views::addressee_for); empty for
// an unknown unit.
views::Addressee addressee(db::Connection& c, const std::string& unit_code);

// ---- Users ----------------------------------------------------------------

// The user with this username (matched lower case) or id, active or not,
// with their roles.
std::optional<User> find_user(db::Connection& c, std::string_view username);
std::optional<User> find_user(db::Connection& c, std::int64_t id);
// Every user, by username, with their roles.
std::vector<User> list_users(db::Connection& c);
// The ids of the active users holding at least one of `roles`, ascending.
std::vector<std::int64_t> active_user_ids(db::Connection& c, const std::set<std::string>& roles);
// The same among `unit`'s own users (not those of the units below it).
std::vector<std::int64_t> active_user_ids(db::Connection& c, const std::string& unit,
                                          const std::set<std::string>& roles);
// The active coordinators who answer for `unit`: those of the nearest unit
// above it whose subtree a coordinator covers (the root of a grant's scope,
// else the coordinator's own unit); for a unit nothing above covers (the
// province), those covering the unit itself. Ascending ids; empty when
// no coordinator covers it.
std::vector<std::int64_t> coordinators_over(db::Connection& c, const std::string& unit);

// Where mail for a user goes.
struct MailContact {
  std::string email;
  std::string display_name;
};
// The active users with an e-mail address, by user id.
std::map<std::int64_t, MailContact> mail_contacts(db::Connection& c);

}  // namespace cchc::directory
