#pragma once
// Pages served from memory (docs/ARCHITECTURE.md, "Public pages" and
// "Signed-in pages"). A GET (or HEAD) route declares what its page shows:
// the data stamps of its data (db/stamps.h), whether it shows today's date
// or a period that follows it, and when it changes by itself (a scheduled
// publication). Its page is rendered once per key and kept while all three
// hold: the stamps are read on every request, in one query, so a write
// from this process, another process or the command line is seen by the
// next request; a daily page is kept within the local day it was made on;
// a page with an expiry time until then.
//
// A kept page is one immutable buffer, sent without a copy
// (Response::share_body), with a strong ETag (a matching If-None-Match is
// 304) and its gzip and br encodings, each made once, when a client first
// accepts it (Vary: Accept-Encoding; each encoding its own ETag). At most
// `entries` pages and `bytes` bytes (bodies and their encodings), the least
// recently served dropped first. A render that starts a session or a form
// cookie, sets any cookie, or answers anything but 200 is sent and not kept.
//
// Two kinds of route:
// - public (serve, CachedTo): a page anyone may see, kept once per request
//   target. Requests with a session (signed in, display preferences, a form
//   under way) or an API token get the page rendered for them, and nothing
//   of it is kept. Cache-Control: public, max-age=0, must-revalidate.
// - signed-in (serve_signed_in, CachedForSession): a page kept per request
//   target and per session, as its user sees it: the session (and so its
//   CSRF token, which the layout puts in every page), its display
//   preferences and the signed-in user (id, name, unit, roles). Such a page
//   also depends on the "writes" stamp, which every audited write touches
//   (audit/audit.h), so any write shows on the next request. Requests
//   without a signed-in session or with an API token are rendered and not
//   kept, as are downloads (a Content-Disposition: a workbook made for one
//   person). The handler runs behind the session middleware and the route's
//   permission check, like any route's: a session that ended (signed out,
//   expired) never reaches the cache. Cache-Control: private, no-store.
//   The render must read nothing of the request but its target, its
//   session and its principal (no other cookie or header).
//
//   const http::CachedTo<Context> pages[] = {
//       {"/xep-hang", public_list, {.kinds = {"assessments", "units"}}}, …};
//   http::add_cached_routes(router, cache, context, pages);
//   const http::CachedForSession<Context> mine[] = {
//       {"/chi-so", "indicators.read", overview, {.kinds = {"indicators", "units"}, .daily = true}}, …};
//   http::add_session_cached_routes(router, signed_in_cache, context, mine);
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"
#include "http/router.h"

namespace cchc::http {

// What a cached page shows, as its route declares it.
struct PageRule {
  std::vector<std::string> kinds;  // data stamps (db/stamps.h)
  bool daily = false;              // shows today's date, or a period chosen by it
  // The next time the page changes without a write (a scheduled
  // publication), asked before it is rendered; unset or nullopt: never.
  std::function<std::optional<Instant>(db::Connection&, Instant now)> expires;
};

// A rendered page, and what to do each time it is served, from memory or
// not (the portal counts a view).
struct Page {
  Response response;
  std::function<void(const Request&)> on_serve;
};
using PageRender = std::function<Page(Request&)>;

class PageCache {
 public:
  struct Options {
    std::size_t entries = 2000;
    std::size_t bytes = std::size_t{64} << 20;
    std::function<Instant()> clock = now_seconds;  // tests move time
  };
  explicit PageCache(db::Database& db, Options options);
  explicit PageCache(db::Database& db) : PageCache(db, Options{}) {}
  ~PageCache();
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // A route handler serving `render`'s pages under `rule`.
  Handler serve(PageRule rule, PageRender render);
  // The same for a plain handler (nothing to do on each serve).
  Handler serve(PageRule rule, Handler render);
  // A route handler serving `render`'s signed-in pages, per session, under
  // `rule` and the "writes" stamp.
  Handler serve_signed_in(PageRule rule, Handler render);

  std::size_t size() const;   // pages kept
  std::size_t bytes() const;  // their bodies and encodings

 private:
  struct Entry;
  enum class Audience { anyone, session };
  Response answer(Request& req, const PageRule& rule, const PageRender& render, Audience audience);
  std::shared_ptr<Entry> find(const std::string& key);
  std::shared_ptr<Entry> keep(const std::string& key, Page page, std::vector<std::int64_t> stamps, std::string day,
                              std::optional<Instant> expires, Audience audience);
  // An encoding of the entry's body (1: gzip, 2: br), made on first use.
  const std::shared_ptr<const std::string>& encoded(Entry& e, int coding);
  Response respond(const Request& req, Entry& e);
  void evict_locked();

  db::Database& db_;
  Options options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
  std::size_t bytes_ = 0;
  std::atomic<std::uint64_t> tick_{0};
};

// A capability's cached pages as one table beside its RouteTo table: each
// row a public GET (HEAD too) path, its handler and what its page shows.
template <class Context>
struct CachedTo {
  const char* path;
  Response (*handler)(Context&, Request&);
  PageRule rule;
};

template <class Context, std::size_t N>
void add_cached_routes(Router& router, PageCache& cache, Context& context, const CachedTo<Context> (&pages)[N]) {
  for (const auto& p : pages) {
    router.add(Verb::get, p.path, kPublic,
               cache.serve(p.rule, Handler([c = &context, h = p.handler](Request& req) { return h(*c, req); })));
  }
}

template <class Context, std::size_t N>
void add_cached_routes(Router& router, PageCache& cache, std::shared_ptr<Context> context,
                       const CachedTo<Context> (&pages)[N]) {
  for (const auto& p : pages) {
    router.add(Verb::get, p.path, kPublic,
               cache.serve(p.rule, Handler([context, h = p.handler](Request& req) { return h(*context, req); })));
  }
}

// A capability's signed-in pages kept per session, beside its RouteTo
// table: each row a GET (HEAD too) path, its permission, its handler and
// what its page shows (the "writes" stamp is added to the kinds).
template <class Context>
struct CachedForSession {
  const char* path;
  const char* permission;
  Response (*handler)(Context&, Request&);
  PageRule rule;
};

template <class Context, std::size_t N>
void add_session_cached_routes(Router& router, PageCache& cache, Context& context,
                               const CachedForSession<Context> (&pages)[N]) {
  for (const auto& p : pages) {
    router.add(
        Verb::get, p.path, p.permission,
        cache.serve_signed_in(p.rule, Handler([c = &context, h = p.handler](Request& req) { return h(*c, req); })));
  }
}

template <class Context, std::size_t N>
void add_session_cached_routes(Router& router, PageCache& cache, std::shared_ptr<Context> context,
                               const CachedForSession<Context> (&pages)[N]) {
  for (const auto& p : pages) {
    router.add(
        Verb::get, p.path, p.permission,
        cache.serve_signed_in(p.rule, Handler([context, h = p.handler](Request& req) { return h(*context, req); })));
  }
}

}  // namespace cchc::http
