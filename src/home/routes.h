#pragma once
// The home page and the display preferences page.
#include "http/router.h"
#include "http/session.h"
#include "views/layout.h"

namespace cchc::home {

void add_routes(http::Router& router, views::Layout& layout, http::SessionStore& sessions);

}  // namespace cchc::home
