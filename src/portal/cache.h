#pragma once
// The public portal's speed (docs/portal.md, "Cache"): pages rendered once
// per portal version and served from memory with a strong ETag (304 for a
// matching If-None-Match); views counted in memory and written in batches.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "core/dates.h"
#include "db/database.h"
#include "http/message.h"

namespace cchc::portal {

// What a view is of: ("item" | "document", id).
using ViewOf = std::pair<std::string, std::int64_t>;

// Views without personal data: counts per (kind, id, local day) in memory,
// written to portal_views every `every` and when destroyed. Bots
// (rules.h: is_bot) are not counted.
class ViewCounter {
 public:
  ViewCounter(db::Database& db, std::chrono::milliseconds every = std::chrono::seconds{10});
  ~ViewCounter();
  void count(const http::Request& req, const ViewOf& what, Instant now);
  void flush();  // writes what is counted so far

 private:
  db::Database& db_;
  std::mutex mutex_;
  std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> pending_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread writer_;
};

// Pages for anonymous readers, by request target. An entry holds for the
// generation it was rendered in and, when an item is scheduled, until that
// item's time. invalidate() starts a new generation: the portal's writes
// call it in this process; with PostgreSQL a LISTEN on "portal" calls it in
// every other process; and the stored portal_version is compared at most
// once a second on SQLite (another process, the command line, notify
// nobody), once in 30 seconds on PostgreSQL (a safety net under LISTEN).
class PageCache {
 public:
  struct Entry {
    std::string body, content_type, etag;
    std::optional<ViewOf> view;      // counted on every hit
    std::optional<Instant> expires;  // the next scheduled publication
    std::uint64_t generation = 0;
  };
  // What a cacheable handler gives back: the response and what it shows.
  struct Rendered {
    http::Response response;
    std::optional<ViewOf> view;
  };
  using Handler = std::function<Rendered(http::Request&)>;
  // `scheduled` tells the next scheduled publication after a time.
  PageCache(db::Database& db, ViewCounter& views, std::size_t max_entries = 2000);

  // A route handler serving `handler`'s pages from the cache.
  std::function<http::Response(http::Request&)> serve(Handler handler);
  void invalidate();
  std::uint64_t generation() const { return generation_.load(); }
  std::size_t size() const;

 private:
  void check_stored_version(Instant now);
  db::Database& db_;
  ViewCounter& views_;
  std::size_t max_entries_;
  std::atomic<std::uint64_t> generation_{1};
  std::atomic<std::int64_t> checked_at_{0};
  std::atomic<std::int64_t> stored_version_{-1};
  std::int64_t check_every_ = 1;  // seconds
  std::unique_ptr<db::Listener> listener_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
};

}  // namespace cchc::portal
