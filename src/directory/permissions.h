#pragma once
// Who may do what. Every route declares one permission; this table says
// which roles hold it. Roles that are not province-wide hold a permission
// only for their own unit and the units below it: a route whose path has a
// {unit} parameter is checked against the user's unit subtree.
//
//   permission     roles
//   public         anyone, signed in or not
//   signed_in      every role
//   units.read     every role (scoped)
//   units.manage   admin
//   users.manage   admin
//   audit.read     admin
//   indicators.read    every role (scoped where the path names a {unit})
//   indicators.import  admin, unit_officer, unit_leader (records of their subtree)
//   indicators.manage  admin (targets, API tokens)
//   indicators.push    api_client: a one-stop system's API token (its subtree)
//   plans.read     every role
//   plans.manage   admin, unit_officer, unit_leader (plans their unit subtree
//                  issues: the handler checks the plan's issuing unit)
//   plans.report   admin, unit_officer, unit_leader (reports of units in
//                  their subtree: the handler checks the reporting unit)
//   portal.write   editor, editorial_board, admin (items and documents of
//                  their unit subtree: the handler checks the item's unit
//                  and a document's issuing body)
//   portal.review  editorial_board, admin (the queue, publication,
//                  corrections, withdrawal, categories)
//   portal.report  editorial_board, admin, viewer (the portal review)
//   documents.read admin, unit_officer, unit_leader, editor, editorial_board
//                  (reading documents; a plan made from one also needs
//                  plans.manage)
//   feedback.handle admin, unit_officer, unit_leader (cases of their unit
//                  subtree: the handler checks the case's unit)
//   feedback.manage admin (feedback categories)
//   feedback.report admin, unit_officer, unit_leader, viewer (the statistics
//                  of their unit subtree)
#include <string>
#include <string_view>

#include "audit/audit.h"
#include "db/database.h"
#include "http/middleware.h"

namespace cchc::directory {

bool role_has(std::string_view role, std::string_view permission);
bool holds(const http::Principal& p, std::string_view permission);
// Whether any of the principal's roles is province-wide (not unit-scoped).
bool province_wide(const http::Principal& p);
// The audit actor of a request: the principal's username (or "anonymous")
// and address; the caller fills action and entity.
audit::Entry actor(const http::Request& req);
// Whether the signed-in user may act on `unit` with `permission`.
bool may_act_on(db::Database& db, const http::Principal& p, std::string_view permission, const std::string& unit);
// may_act_on for a request's signed-in user (false when none); require
// throws forbidden (Vietnamese: no right to do this for this unit) when not.
bool may(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit);
void require(db::Database& db, const http::Request& req, std::string_view permission, const std::string& unit);

// The authoriser for the permission middleware; denials are audited.
http::Authorizer authorizer(db::Database& db);

// Fills req.principal from the session's user (inactive users: none).
void load_principal(db::Database& db, http::Request& req);

}  // namespace cchc::directory
