#include "directory/permissions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <vector>

#include "audit/audit.h"
#include "core/errors.h"
#include "directory/accounts.h"
#include "directory/read.h"
#include "directory/tokens.h"
#include "http/session.h"

namespace cchc::directory {

namespace {

// The table's columns, in order: the roles of people (kRoles), then the
// role of a one-stop system's API token (kApiClientRole).
constexpr std::array<std::string_view, 9> kTableRoles = {"admin",       "coordinator", "unit_officer",
                                                         "unit_leader", "editor",      "editorial_board",
                                                         "appraiser",   "viewer",      kApiClientRole};

struct PermissionRow {
  std::string_view permission;
  std::array<Scope, kTableRoles.size()> by_role;  // kTableRoles' order
};

// Who holds what, and how far. docs/directory.md shows the same table.
//
// The administrator keeps the system: users, units, tokens, settings,
// the audit log, everyone's jobs, and reads everything. The coordinator
// (the province's Sở Nội vụ, a department for its divisions, a commune for
// its offices) runs reform for its subtree: it reviews reports, requests
// them, urges, sets periods, plans inspections and runs assessment rounds.
// Settings that hold for the whole province (targets, rounds and criteria
// sets, reform areas, the regular periods' due days) are for a coordinator
// whose subtree holds the province's root: their handlers check the
// permission on that unit.
const std::vector<PermissionRow>& permission_table() {
  constexpr Scope off = Scope::none, sub = Scope::subtree, all = Scope::province;
  static const std::vector<PermissionRow> rows = {
      // {permission, {admin, coordinator, unit_officer, unit_leader, editor,
      //               editorial_board, appraiser, viewer, api_client}}
      {"signed_in", {all, sub, sub, sub, sub, all, all, all, off}},
      {"units.read", {all, sub, sub, sub, sub, all, all, all, off}},
      {"units.manage", {all, off, off, off, off, off, off, off, off}},
      {"users.manage", {all, off, off, off, off, off, off, off, off}},
      {"audit.read", {all, off, off, off, off, off, off, off, off}},
      // Background jobs: every signed-in user follows their own (signed_in);
      // the administrator sees, cancels and downloads anyone's.
      {"jobs.all", {all, off, off, off, off, off, off, off, off}},
      // The system's settings: when the daily work runs.
      {"settings.manage", {all, off, off, off, off, off, off, off, off}},
      // Service delivery: units import their subtree's records, a one-stop
      // system's token pushes them; the administrator keeps the tokens and
      // rebuilds; the coordinator sets the targets.
      {"indicators.read", {all, sub, sub, sub, sub, all, all, all, off}},
      {"indicators.import", {all, sub, sub, sub, off, off, off, off, off}},
      {"indicators.manage", {all, off, off, off, off, off, off, off, off}},
      {"indicators.targets", {off, sub, off, off, off, off, off, off, off}},
      {"indicators.push", {off, off, off, off, off, off, off, off, sub}},
      // Plans (docs/plans.md): units make and report on their subtree's plans
      // (the handler checks the plan's issuing unit, the reporting unit); the
      // coordinator reviews its subtree's task reports.
      {"plans.read", {all, sub, sub, sub, sub, all, all, all, off}},
      {"plans.manage", {off, sub, sub, sub, off, off, off, off, off}},
      {"plans.report", {off, sub, sub, sub, off, off, off, off, off}},
      {"plans.review", {off, sub, off, off, off, off, off, off, off}},
      // Assessments (docs/assessments.md): units fill their self-assessment,
      // their leader submits it, appraisers appraise, the coordinator runs the
      // round and publishes.
      {"assessments.read", {all, sub, sub, sub, sub, all, all, all, off}},
      {"assessments.self", {off, off, sub, sub, off, off, off, off, off}},
      {"assessments.submit", {off, off, off, sub, off, off, off, off, off}},
      {"assessments.appraise", {off, off, off, off, off, off, all, off, off}},
      {"assessments.manage", {off, sub, off, off, off, off, off, off, off}},
      // The portal (docs/portal.md): editors write items and post documents
      // for their unit subtree (the handler checks the item's unit, the
      // document's issuing body); the board reviews, publishes and keeps the
      // categories; the review report is for the board, the coordinator and
      // leaders watching.
      {"portal.write", {all, off, off, off, sub, all, off, off, off}},
      {"portal.review", {all, off, off, off, off, all, off, off, off}},
      {"portal.report", {all, sub, off, off, off, all, off, all, off}},
      // Reading documents: those who post to the library or make plans.
      {"documents.read", {all, sub, sub, sub, sub, all, off, off, off}},
      // Citizen feedback (docs/feedback.md): unit officers and leaders handle
      // their subtree's cases (the handler checks the case's unit); the admin
      // keeps the categories.
      {"feedback.handle", {all, off, sub, sub, off, off, off, off, off}},
      {"feedback.manage", {all, off, off, off, off, off, off, off, off}},
      {"feedback.report", {all, sub, sub, sub, off, off, off, all, off}},
      // Inspections (docs/inspections.md): the coordinator plans them, records
      // the findings and accepts the fixes; units report what they fixed (the
      // handler checks the recommendation's unit).
      {"inspections.read", {all, sub, sub, sub, sub, all, all, all, off}},
      {"inspections.manage", {off, sub, off, off, off, off, off, off, off}},
      {"inspections.fix", {off, off, sub, sub, off, off, off, off, off}},
  };
  return rows;
}

std::optional<std::size_t> column_of(std::string_view role) {
  auto it = std::find(kTableRoles.begin(), kTableRoles.end(), role);
  if (it == kTableRoles.end()) return std::nullopt;
  return std::size_t(it - kTableRoles.begin());
}

}  // namespace

Scope scope_of(std::string_view role, std::string_view permission) {
  auto column = column_of(role);
  if (!column) return Scope::none;
  for (const auto& row : permission_table()) {
    if (row.permission == permission) return row.by_role[*column];
  }
  return Scope::none;
}

bool role_has(std::string_view role, std::string_view permission) { return scope_of(role, permission) != Scope::none; }

bool is_province_wide(std::string_view role) {
  auto column = column_of(role);
  if (!column) return false;
  bool holds_any = false;
  for (const auto& row : permission_table()) {
    if (row.by_role[*column] == Scope::subtree) return false;
    holds_any = holds_any || row.by_role[*column] == Scope::province;
  }
  return holds_any;
}

bool holds(const http::Principal& p, std::string_view permission) {
  return std::any_of(p.roles.begin(), p.roles.end(), [&](const auto& r) { return role_has(r, permission); });
}

bool province_wide(const http::Principal& p) {
  return std::any_of(p.roles.begin(), p.roles.end(), [](const auto& r) { return is_province_wide(r); });
}

audit::Entry actor(const http::Request& req) {
  return audit::Entry{req.principal ? req.principal->username : "anonymous", req.client_address, "", "", "", {}, {}};
}

Reach reach(const http::Principal& p, std::string_view permission) {
  Reach out;
  for (const auto& role : p.roles) {
    switch (scope_of(role, permission)) {
      case Scope::none: break;
      case Scope::province: out.everywhere = true; break;
      case Scope::subtree: {
        auto scope = p.scopes.find(role);
        const std::string& root = scope == p.scopes.end() ? p.unit_code : scope->second;
        if (!root.empty() && std::find(out.roots.begin(), out.roots.end(), root) == out.roots.end()) {
          out.roots.push_back(root);
        }
        break;
      }
    }
  }
  if (out.everywhere) out.roots.clear();
  return out;
}

bool within(db::Connection& c, const Reach& r, const std::string& unit) {
  if (r.everywhere) return true;
  return std::any_of(r.roots.begin(), r.roots.end(), [&](const auto& root) { return unit_within(c, unit, root); });
}

std::optional<std::set<std::string>> codes_within(db::Connection& c, const Reach& r) {
  if (r.everywhere) return std::nullopt;
  // The root of a tree with one root (the province's coordinator) holds
  // every unit: no list to filter by.
  auto tops = c.query("SELECT code FROM units WHERE parent_code IS NULL LIMIT 2");
  if (tops.rows.size() == 1 && std::find(r.roots.begin(), r.roots.end(), tops.rows[0].str("code")) != r.roots.end()) {
    return std::nullopt;
  }
  std::set<std::string> out;
  for (const auto& root : r.roots) {
    for (auto& code : codes_within(c, root)) out.insert(std::move(code));
  }
  return out;
}

bool may_act_on(db::Database& db, const http::Principal& p, std::string_view permission, const std::string& unit) {
  auto r = reach(p, permission);
  if (r.everywhere || r.none()) return r.everywhere;
  return db.read([&](db::Connection& c) { return within(c, r, unit); });
}

bool may_act_on_province(db::Database& db, const http::Principal& p, std::string_view permission) {
  auto r = reach(p, permission);
  if (r.everywhere || r.none()) return r.everywhere;
  return db.read([&](db::Connection& c) {
    auto province = province_unit(c);
    return province && within(c, r, province->code);
  });
}

void require_province(db::Database& db, const http::Request& req, std::string_view permission) {
  if (!req.principal || !may_act_on_province(db, *req.principal, permission)) {
    throw forbidden(fmt::format("{} for the whole province is not allowed", permission),
                    "Việc này thuộc cơ quan điều phối cải cách hành chính của tỉnh.");
  }
}

bool may(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit) {
  return req.principal && may_act_on(db, *req.principal, permission, unit);
}

void require(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit) {
  if (!may(db, req, permission, unit)) {
    throw forbidden(fmt::format("{} on unit {} is not allowed", permission, unit),
                    "Bạn không có quyền thực hiện việc này cho đơn vị này.");
  }
}

http::Authorizer authorizer(db::Database& db) {
  return [&db](const http::Request& req, const std::string& permission) {
    if (permission == http::kPublic) return http::Access::allow;
    if (!req.principal) return http::Access::sign_in;
    const auto& p = *req.principal;
    auto unit = req.params.find("unit");
    bool allowed = unit == req.params.end() ? holds(p, permission) : may_act_on(db, p, permission, unit->second);
    if (allowed) return http::Access::allow;
    db.write([&](db::Connection& c) {
      audit::append(c,
                    audit::Entry{p.username,
                                 req.client_address,
                                 "deny",
                                 "routes",
                                 std::string(req.method_string()) + " " + req.path,
                                 {},
                                 {}},
                    now_seconds());
    });
    return http::Access::deny;
  };
}

void load_principal(db::Database& db, http::Request& req) {
  auto user = find_user(db, *req.session->user_id);
  if (!user || !user->active) return;
  req.principal =
      http::Principal{user->id, user->username, user->display_name, user->unit_code, user->roles, user->scopes};
}

}  // namespace cchc::directory
