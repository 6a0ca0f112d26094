#include "directory/permissions.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "core/errors.h"
#include "directory/accounts.h"
#include "directory/read.h"
#include "directory/tokens.h"
#include "http/session.h"

namespace cchc::directory {

bool role_has(std::string_view role, std::string_view permission) {
  if (role == kApiClientRole) return permission == "indicators.push";
  if (!is_role(role)) return false;
  if (permission == "signed_in" || permission == "units.read" || permission == "indicators.read" ||
      permission == "plans.read" || permission == "assessments.read" || permission == "inspections.read") {
    return true;
  }
  // Assessments (docs/assessments.md): units fill their self-assessment,
  // their leader submits it, appraisers appraise, the coordinator runs the
  // round and publishes.
  if (permission == "assessments.self") return role == "admin" || role == "unit_officer" || role == "unit_leader";
  if (permission == "assessments.submit") return role == "unit_leader";
  if (permission == "assessments.appraise") return role == "appraiser";
  if (permission == "assessments.manage") return role == "admin";
  // The portal (docs/portal.md): editors and the board write items and post
  // documents (editors for their unit subtree: the handler checks the
  // item's unit, the document's issuing body); the board reviews, publishes and keeps the categories; the
  // review report is for the board, the coordinator and leaders watching.
  if (permission == "portal.write") return role == "editor" || role == "editorial_board" || role == "admin";
  if (permission == "portal.review") return role == "editorial_board" || role == "admin";
  if (permission == "portal.report") return role == "editorial_board" || role == "admin" || role == "viewer";
  // Reading documents: those who post to the library or make plans.
  if (permission == "documents.read") {
    return role == "admin" || role == "unit_officer" || role == "unit_leader" || role == "editor" ||
           role == "editorial_board";
  }
  // Citizen feedback (docs/feedback.md): unit officers and leaders handle
  // their subtree's cases (the handler checks the case's unit; leaders and
  // the admin approve); the admin keeps the categories.
  if (permission == "feedback.handle") return role == "admin" || role == "unit_officer" || role == "unit_leader";
  if (permission == "feedback.manage") return role == "admin";
  if (permission == "feedback.report") {
    return role == "admin" || role == "unit_officer" || role == "unit_leader" || role == "viewer";
  }
  // Inspections (docs/inspections.md): the coordinator plans them, records
  // the findings and accepts the fixes; units report what they fixed (the
  // handler checks the recommendation's unit).
  if (permission == "inspections.manage") return role == "admin";
  if (permission == "inspections.fix") return role == "unit_officer" || role == "unit_leader";
  // The coordinator (Sở Nội vụ) reviews the units' task reports.
  if (permission == "plans.review") return role == "admin";
  if (permission == "units.manage" || permission == "users.manage" || permission == "audit.read" ||
      permission == "indicators.manage") {
    return role == "admin";
  }
  if (permission == "indicators.import" || permission == "plans.manage" || permission == "plans.report") {
    return role == "admin" || role == "unit_officer" || role == "unit_leader";
  }
  return false;
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

bool may_act_on(db::Database& db, const http::Principal& p, std::string_view permission, const std::string& unit) {
  bool scoped_only = true;
  bool holds = false;
  for (const auto& r : p.roles) {
    if (!role_has(r, permission)) continue;
    holds = true;
    if (is_province_wide(r)) scoped_only = false;
  }
  if (!holds) return false;
  if (!scoped_only) return true;
  return db.read([&](db::Connection& c) { return unit_within(c, unit, p.unit_code); });
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
    bool allowed = unit == req.params.end() ? std::any_of(p.roles.begin(), p.roles.end(),
                                                          [&](const auto& r) { return role_has(r, permission); })
                                            : may_act_on(db, p, permission, unit->second);
    if (allowed) return http::Access::allow;
    db.write([&](db::Connection& c) {
      audit::append(c,
                    audit::Entry{p.username,
                                 req.client_address,
                                 "deny",
                                 "routes",
                                 std::string(req.message.method_string()) + " " + req.path,
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
  req.principal = http::Principal{user->id, user->username, user->display_name, user->unit_code, user->roles};
}

}  // namespace cchc::directory
