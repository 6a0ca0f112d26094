#pragma once
// Pages anyone may see, served from memory (docs/ARCHITECTURE.md, "Public
// pages"). A public GET (or HEAD) route declares what its page shows: the
// data stamps of its data (db/stamps.h), whether it shows today's date or a
// period that follows it, and when it changes by itself (a scheduled
// publication). Its page is rendered once per request target and kept while
// all three hold: the stamps are read on every request, in one query, so a
// write from this process, another process or the command line is seen by
// the next request; a daily page is kept within the local day it was made
// on; a page with an expiry time until then.
//
// A kept page is one immutable buffer, sent without a copy
// (Response::share_body), with a strong ETag (a matching If-None-Match is
// 304) and its gzip and br encodings, each made once, when a client first
// accepts it (Vary: Accept-Encoding; each encoding its own ETag). Requests
// with a session (signed in, display preferences, a form under way) or an
// API token get the page rendered for them; so does a request whose render
// starts a session or a form cookie, or answers anything but 200, and
// nothing of it is kept. At most `entries` pages and `bytes` bytes
// (bodies and their encodings), the least recently served dropped first.
//
//   const http::CachedTo<Context> pages[] = {
//       {"/xep-hang", public_list, {.kinds = {"assessments", "units"}}}, …};
//   http::add_cached_routes(router, cache, context, pages);
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

  std::size_t size() const;   // pages kept
  std::size_t bytes() const;  // their bodies and encodings

 private:
  struct Entry;
  Response answer(Request& req, const PageRule& rule, const PageRender& render);
  std::shared_ptr<Entry> find(const std::string& target);
  std::shared_ptr<Entry> keep(const std::string& target, Page page, std::vector<std::int64_t> stamps, std::string day,
                              std::optional<Instant> expires);
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

}  // namespace cchc::http
