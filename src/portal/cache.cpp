#include "portal/cache.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/secrets.h"
#include "http/session.h"
#include "portal/rules.h"
#include "portal/store.h"

namespace cchc::portal {

// ---- Views ----

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

// ---- Pages ----

PageCache::PageCache(db::Database& db, ViewCounter& views, std::size_t max_entries)
    : db_(db), views_(views), max_entries_(max_entries) {
  listener_ = db_.listen("portal", [this] { invalidate(); });
  if (listener_) check_every_ = 30;
}

void PageCache::invalidate() {
  ++generation_;
  std::unique_lock lock(mutex_);
  entries_.clear();
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

void PageCache::check_stored_version(Instant now) {
  auto t = now.time_since_epoch().count();
  auto last = checked_at_.load();
  if (t - last < check_every_ || !checked_at_.compare_exchange_strong(last, t)) return;
  auto v = db_.read([](db::Connection& c) { return version(c); });
  auto before = stored_version_.exchange(v);
  if (before != -1 && before != v) invalidate();
}

std::function<http::Response(http::Request&)> PageCache::serve(Handler handler) {
  return [this, handler = std::move(handler)](http::Request& req) -> http::Response {
    auto now = now_seconds();
    // Signed-in users and visitors with display preferences see pages
    // made for them; HEAD and GET with the same target share an entry.
    if (req.session) {
      auto r = handler(req);
      if (r.view) views_.count(req, *r.view, now);
      return std::move(r.response);
    }
    check_stored_version(now);
    std::string key(req.target);
    std::shared_ptr<const Entry> entry;
    {
      std::shared_lock lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end()) entry = it->second;
    }
    if (entry && (entry->generation != generation_.load() || (entry->expires && now >= *entry->expires))) entry.reset();
    if (!entry) {
      auto gen = generation_.load();
      auto r = handler(req);
      if (r.response.result() != http::Status::ok) {
        if (r.view) views_.count(req, *r.view, now);
        return std::move(r.response);
      }
      auto fresh = std::make_shared<Entry>();
      fresh->body = r.response.body();
      fresh->content_type = std::string(r.response[http::field::content_type]);
      fresh->etag = "\"" + sha256_hex(fresh->body).substr(0, 32) + "\"";
      fresh->view = r.view;
      fresh->expires = db_.read([&](db::Connection& c) { return next_scheduled(c, now); });
      fresh->generation = gen;
      std::unique_lock lock(mutex_);
      if (entries_.size() >= max_entries_) entries_.clear();  // a crawl of many pages: start over
      entries_[key] = fresh;
      entry = fresh;
    }
    if (entry->view) views_.count(req, *entry->view, now);
    http::Response res{http::Status::ok, req.version};
    res.set(http::field::etag, entry->etag);
    res.set(http::field::cache_control, "public, max-age=0, must-revalidate");
    auto inm = req.header(http::field::if_none_match);
    if (!inm.empty() && (inm == "*" || inm.find(entry->etag) != std::string_view::npos)) {
      res.result(http::Status::not_modified);
      return res;
    }
    res.set(http::field::content_type, entry->content_type);
    res.body() = entry->body;
    res.prepare_payload();
    return res;
  };
}

}  // namespace cchc::portal
