#pragma once
// Who may do what. Every route declares one permission; one table
// (permissions.cpp, shown in docs/directory.md) says, for each permission
// and role, how far the role holds it: not at all, for the user's own unit
// and the units below it, or for the whole province. A route whose path has
// a {unit} parameter is checked against that scope; a handler that acts on
// a unit named elsewhere (a plan's issuing unit, a case's unit) checks it
// with may_act_on. The permission "public" is not in the table: anyone,
// signed in or not, holds it (the authoriser lets it through first).
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "http/middleware.h"

namespace cchc::directory {

// How far a role holds a permission, narrowest first.
enum class Scope {
  none,      // not held
  subtree,   // the user's own unit and the units below it
  province,  // every unit
};
// The table's cell; none for an unknown role or permission.
Scope scope_of(std::string_view role, std::string_view permission);
bool role_has(std::string_view role, std::string_view permission);
// Whether `role` holds what it holds for the whole province (admin,
// editorial_board, appraiser, viewer); the others act only on the user's
// own unit and the units below it.
bool is_province_wide(std::string_view role);
bool holds(const http::Principal& p, std::string_view permission);
// Whether any of the principal's roles is province-wide (not unit-scoped).
bool province_wide(const http::Principal& p);
// The audit actor of a request: the principal's username (or "anonymous")
// and address; the caller fills action and entity.
audit::Entry actor(const http::Request& req);
// The units on which a principal holds a permission: every unit, or the
// subtrees under `roots` (each subtree role's root: the user's unit, or the
// wider subtree its grant names), or none.
struct Reach {
  bool everywhere = false;
  std::vector<std::string> roots;  // empty when everywhere
  bool none() const { return !everywhere && roots.empty(); }
};
Reach reach(const http::Principal& p, std::string_view permission);
// Whether `unit` lies within the reach (any date).
bool within(db::Connection& c, const Reach& r, const std::string& unit);
// The codes of the units within the reach (directory::codes_within per root), for filtering a list; nullopt when it is
// every unit.
std::optional<std::set<std::string>> codes_within(db::Connection& c, const Reach& r);

// Whether the signed-in user may act on `unit` with `permission`.
bool may_act_on(db::Database& db, const http::Principal& p, std::string_view permission, const std::string& unit);
// may_act_on for a request's signed-in user (false when none); require
// throws forbidden (Vietnamese: no right to do this for this unit) when not.
bool may(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit);
void require(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit);
// For settings that hold for the whole province (targets, rounds, criteria
// sets, reform areas, the regular periods): whether the permission reaches
// the province's root unit; require_province throws forbidden when not.
bool may_act_on_province(db::Database& db, const http::Principal& p, std::string_view permission);
void require_province(db::Database& db, const http::Request& req, std::string_view permission);

// The authoriser for the permission middleware; denials are audited.
http::Authorizer authorizer(db::Database& db);

// Fills req.principal from the session's user (inactive users: none).
void load_principal(db::Database& db, http::Request& req);

}  // namespace cchc::directory
