#pragma once
// The home page and the display preferences page.
#include "http/page_cache.h"
#include "http/router.h"
#include "http/session.h"
#include "views/layout.h"

namespace cchc::home {

// The home page, which shows today in the working-day calendar and no
// stored data, is served from `pages` within the local day.
void add_routes(http::Router& router, views::Layout& layout, http::SessionStore& sessions, http::PageCache& pages);

}  // namespace cchc::home
