#pragma once
// The portal's pages (docs/portal.md): the public site under
// /cong-thong-tin (home, categories, articles, print view, documents
// library, search, Atom feeds) and /sitemap.xml, served from the page
// cache (http/page_cache.h) under the "portal" data stamp; the editorial
// pages under /bien-tap (a unit's items, the board's queue, the item editor
// with its history and revisions, categories, documents, the review
// report).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "portal/review.h"
#include "portal/view_counter.h"
#include "views/layout.h"
#include "views/work.h"

namespace cchc::portal {

// Figures and rankings other capabilities show on the portal's home page,
// when they are present (wired by app/sources.cpp).
struct Widget {
  std::string label, value, href;
};
struct Sources {
  std::function<std::vector<Widget>()> headline;  // the reform figures
  std::function<std::vector<Widget>()> rankings;  // the latest published rankings
  views::NotifyUnit notify;                       // an item sent back reaches its unit
  // The review requests (coordination: kind "review") the review report
  // may draw the units' accounts from, newest first: id, title.
  std::function<std::vector<std::pair<std::int64_t, std::string>>(db::Connection&)> review_requests;
  // One review request's accounts (review.h): the accepted answers, and
  // with `pending` those still waiting for the coordinator's review too;
  // empty for an unknown id.
  std::function<ReviewAccounts(db::Connection&, std::int64_t, bool pending)> review_accounts;
};

struct Portal {
  db::Database& db;
  views::Layout& layout;
  http::PageCache& pages;
  ViewCounter& views;
  Sources sources;
  // The site's address for feeds, the sitemap and Open Graph tags
  // ("https://cchc.dongnai.gov.vn"); set once the server listens.
  std::shared_ptr<std::string> base_url;
};

void add_public_routes(http::Router& router, const Portal& portal);
void add_editor_routes(http::Router& router, const Portal& portal);

}  // namespace cchc::portal
