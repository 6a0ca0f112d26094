#pragma once
// The public portal's view counts (docs/portal.md, "Views"): views counted
// in memory and written in batches, whether the page came from the page
// cache (http/page_cache.h) or was rendered.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <utility>

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

}  // namespace cchc::portal
