#pragma once
// The inspection pages, exports and API (docs/inspections.md, "Pages").
#include "db/database.h"
#include "http/router.h"
#include "inspections/sources.h"
#include "views/layout.h"

namespace cchc::inspections {

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sources sources);

}  // namespace cchc::inspections
