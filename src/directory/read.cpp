#include "directory/read.h"

#include <fmt/format.h>

#include "db/columns.h"
#include "directory/accounts.h"

namespace cchc::directory {

namespace {

const db::Columns<Level> kLevelRow{
    {"code", &Level::code},
    {"name", &Level::name},
    {"rank", &Level::rank},
    {"ranked", &Level::ranked},
};
// Without successor_codes, read apart (unit_successors).
const db::Columns<Unit> kUnitRow{
    {"code", &Unit::code},
    {"name", &Unit::name},
    {"short_name", &Unit::short_name},
    {"level", &Unit::level},
    {"parent_code", &Unit::parent_code},  // NULL for a root: ""
    {"valid_from", &Unit::valid_from},
    {"valid_to", &Unit::valid_to},
};
// Without roles, read apart (user_roles).
const db::Columns<User> kUserRow{
    {"id", &User::id},
    {"username", &User::username},
    {"display_name", &User::display_name},
    {"unit_code", &User::unit_code},
    {"active", &User::active},
};

User user_of(db::Connection& c, const db::Row& r) {
  User u = kUserRow.read(r);
  for (const auto& role :
       c.query("SELECT role, scope_unit FROM user_roles WHERE user_id = ? ORDER BY role", {u.id}).rows) {
    u.roles.push_back(role.str("role"));
    if (auto root = role.opt_str("scope_unit")) u.scopes[u.roles.back()] = *root;
  }
  return u;
}

std::optional<User> first_user(db::Connection& c, const db::Result& rows) {
  if (rows.empty()) return std::nullopt;
  return user_of(c, rows.one());
}

}  // namespace

std::vector<Level> load_levels(db::Connection& c) {
  return kLevelRow.read_all(c.query(fmt::format("SELECT {} FROM unit_levels ORDER BY rank", kLevelRow.list())));
}

std::vector<Level> load_levels(db::Database& db) {
  return db.read([](db::Connection& c) { return load_levels(c); });
}

bool is_level(db::Connection& c, const std::string& code) {
  return !c.query("SELECT 1 FROM unit_levels WHERE code = ?", {code}).empty();
}

std::vector<Unit> load_units(db::Connection& c) {
  auto rows = c.query(fmt::format("SELECT {} FROM units ORDER BY code", kUnitRow.list()));
  auto successors = c.query("SELECT code, successor_code FROM unit_successors ORDER BY code, successor_code");
  std::map<std::string, std::vector<std::string>> next;
  for (const auto& r : successors.rows) next[r.str("code")].push_back(r.str("successor_code"));
  std::vector<Unit> out;
  for (const auto& r : rows.rows) {
    Unit u = kUnitRow.read(r);
    u.successor_codes = next[u.code];
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<Unit> load_units(db::Database& db) {
  return db.read([](db::Connection& c) { return load_units(c); });
}

Tree load_tree(db::Database& db) { return Tree(load_units(db)); }

std::vector<Unit> units_valid_on(db::Connection& c, Date d) {
  auto out = load_units(c);
  std::erase_if(out, [&](const Unit& u) { return !u.valid_on(d); });
  return out;
}

std::vector<std::string> units_open_in(db::Connection& c, Date from, Date to) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT code FROM units WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
                               "ORDER BY code",
                               {format_iso_date(to), format_iso_date(from)})
                           .rows) {
    out.push_back(r.str("code"));
  }
  return out;
}

std::optional<Unit> find_unit(db::Connection& c, const std::string& code) {
  auto rows = c.query(fmt::format("SELECT {} FROM units WHERE code = ?", kUnitRow.list()), {code});
  if (rows.empty()) return std::nullopt;
  Unit u = kUnitRow.read(rows.one());
  for (const auto& r :
       c.query("SELECT successor_code FROM unit_successors WHERE code = ? ORDER BY successor_code", {code}).rows) {
    u.successor_codes.push_back(r.str("successor_code"));
  }
  return u;
}

bool unit_exists(db::Connection& c, const std::string& code) {
  return !c.query("SELECT 1 FROM units WHERE code = ?", {code}).empty();
}

std::optional<Unit> province_unit(db::Connection& c) {
  auto rows = c.query("SELECT code FROM units WHERE parent_code IS NULL AND level = 'province' ORDER BY code");
  if (rows.empty()) return std::nullopt;
  return find_unit(c, rows.rows.front().str("code"));
}

std::map<std::string, std::string> unit_names(db::Connection& c) {
  std::map<std::string, std::string> out;
  for (const auto& r : c.query("SELECT code, name FROM units").rows) out[r.str("code")] = r.str("name");
  return out;
}

bool unit_within(db::Connection& c, const std::string& unit, const std::string& ancestor) {
  auto rows = c.query(
      "WITH RECURSIVE up (code, parent_code) AS ("
      " SELECT code, parent_code FROM units WHERE code = ?"
      " UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code)"
      " SELECT 1 FROM up WHERE code = ?",
      {unit, ancestor});
  return !rows.empty();
}

std::vector<std::int64_t> coordinators_over(db::Connection& c, const std::string& unit) {
  // depth 0 is the unit itself, 1 its parent, and so on up to the root.
  auto rows = c.query(
      "WITH RECURSIVE up (code, parent_code, depth) AS ("
      " SELECT code, parent_code, 0 FROM units WHERE code = ?"
      " UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code"
      "  WHERE up.depth < 64)"
      " SELECT up.depth, s.id FROM up JOIN ("
      "  SELECT u.id, COALESCE(r.scope_unit, u.unit_code) AS root FROM users u"
      "  JOIN user_roles r ON r.user_id = u.id AND r.role = 'coordinator' WHERE u.active = 1) s"
      " ON s.root = up.code ORDER BY up.depth, s.id",
      {unit});
  std::vector<std::int64_t> own, above;
  std::int64_t nearest = -1;
  for (const auto& r : rows.rows) {
    auto depth = r.i64("depth");
    if (depth == 0) {
      own.push_back(r.i64("id"));
    } else if (nearest < 0 || depth == nearest) {
      nearest = depth;
      above.push_back(r.i64("id"));
    }
  }
  return above.empty() ? own : above;
}

std::vector<std::string> codes_within(db::Connection& c, const std::string& root) {
  // Walked in C++ over the two small edge lists: a recursive CTE over their
  // union is rebuilt at every step and costs milliseconds per query.
  std::multimap<std::string, std::string> below;
  for (const auto& r : c.query("SELECT code, parent_code FROM units WHERE parent_code IS NOT NULL").rows) {
    below.emplace(r.str("parent_code"), r.str("code"));
  }
  for (const auto& r : c.query("SELECT code, successor_code FROM unit_successors").rows) {
    below.emplace(r.str("successor_code"), r.str("code"));
  }
  std::set<std::string> seen = {root};
  std::vector<std::string> to_visit = {root};
  while (!to_visit.empty()) {
    auto code = std::move(to_visit.back());
    to_visit.pop_back();
    auto [from, to] = below.equal_range(code);
    for (auto it = from; it != to; ++it) {
      if (seen.insert(it->second).second) to_visit.push_back(it->second);
    }
  }
  return {seen.begin(), seen.end()};
}

views::Issuer issuer(db::Connection& c, const std::string& unit_code, const std::string& type) {
  auto province = province_unit(c);
  std::string province_name = province ? province->name : "";
  auto unit = find_unit(c, unit_code);
  if (!unit) return views::issuer_for("", "", "", province_name, type);
  std::string parent_body;  // a division writes under its parent's body
  if (unit->level == "division" && !unit->parent_code.empty()) {
    if (auto parent = find_unit(c, unit->parent_code)) {
      parent_body = views::issuer_for(parent->code, parent->name, parent->level, province_name, type).body;
    }
  }
  return views::issuer_for(unit_code, unit->name, unit->level, province_name, type, parent_body);
}

views::Addressee addressee(db::Connection& c, const std::string& unit_code) {
  auto unit = find_unit(c, unit_code);
  if (!unit) return {};
  return views::addressee_for(unit->name, unit->level);
}

std::optional<User> find_user(db::Connection& c, std::string_view username) {
  return first_user(c, c.query(fmt::format("SELECT {} FROM users WHERE username = ?", kUserRow.list()),
                               {normalise_username(username)}));
}

std::optional<User> find_user(db::Connection& c, std::int64_t id) {
  return first_user(c, c.query(fmt::format("SELECT {} FROM users WHERE id = ?", kUserRow.list()), {id}));
}

std::vector<User> list_users(db::Connection& c) {
  std::vector<User> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM users ORDER BY username", kUserRow.list())).rows) {
    out.push_back(user_of(c, r));
  }
  return out;
}

namespace {

std::vector<std::int64_t> active_user_ids_where(db::Connection& c, const std::set<std::string>& roles,
                                                const std::optional<std::string>& unit) {
  if (roles.empty()) return {};
  std::string sql =
      "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.active = 1 AND r.role IN (";
  std::vector<db::Param> params;
  for (const auto& role : roles) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(role);
  }
  sql += ")";
  if (unit) {
    sql += " AND u.unit_code = ?";
    params.emplace_back(*unit);
  }
  std::vector<std::int64_t> out;
  for (const auto& r : c.query(sql + " ORDER BY u.id", params).rows) out.push_back(r.i64("id"));
  return out;
}

}  // namespace

std::vector<std::int64_t> active_user_ids(db::Connection& c, const std::set<std::string>& roles) {
  return active_user_ids_where(c, roles, std::nullopt);
}

std::vector<std::int64_t> active_user_ids(db::Connection& c, const std::string& unit,
                                          const std::set<std::string>& roles) {
  return active_user_ids_where(c, roles, unit);
}

std::map<std::int64_t, MailContact> mail_contacts(db::Connection& c) {
  std::map<std::int64_t, MailContact> out;
  for (const auto& r :
       c.query("SELECT id, email, display_name FROM users WHERE email IS NOT NULL AND email <> '' AND active = 1")
           .rows) {
    out[r.i64("id")] = {r.str("email"), r.str("display_name")};
  }
  return out;
}

}  // namespace cchc::directory
