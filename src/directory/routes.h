#pragma once
// Pages of the directory: sign-in and sign-out, password change, the unit
// tree and a unit, users (admin), the audit log (admin).
#include "db/database.h"
#include "http/router.h"
#include "http/session.h"
#include "views/layout.h"

namespace cchc::directory {

void add_routes(http::Router& router, views::Layout& layout, http::SessionStore& sessions, db::Database& db);
// /quan-tri/dung-luong: each unit's stored files against its quota
// (storage_routes.cpp); add_routes calls it.
void add_storage_routes(http::Router& router, views::Layout& layout, db::Database& db);

}  // namespace cchc::directory
