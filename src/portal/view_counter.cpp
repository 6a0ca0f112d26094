#include "portal/view_counter.h"

#include <spdlog/spdlog.h>

#include "portal/rules.h"
#include "portal/store.h"

namespace cchc::portal {

ViewCounter::ViewCounter(db::Database& db, std::chrono::milliseconds every) : db_(db) {
  writer_ = std::thread([this, every] {
    std::unique_lock lock(stop_mutex_);
    while (!stop_cv_.wait_for(lock, every, [this] { return stop_; })) {
      lock.unlock();
      flush();
      lock.lock();
    }
  });
}

ViewCounter::~ViewCounter() {
  {
    std::lock_guard lock(stop_mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  writer_.join();
  flush();
}

void ViewCounter::count(const http::Request& req, const ViewOf& what, Instant now) {
  if (is_bot(req.header(http::field::user_agent))) return;
  auto day = format_iso_date(local_date(now));
  std::lock_guard lock(mutex_);
  ++pending_[{what.first, what.second, day}];
}

void ViewCounter::flush() {
  decltype(pending_) batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  if (batch.empty()) return;
  try {
    db_.write([&](db::Connection& c) { add_views(c, batch); });
  } catch (const std::exception& e) {
    // Put them back for the next try rather than lose them.
    spdlog::warn("portal views not written yet: {}", e.what());
    std::lock_guard lock(mutex_);
    for (const auto& [k, n] : batch) pending_[k] += n;
  }
}

}  // namespace cchc::portal
