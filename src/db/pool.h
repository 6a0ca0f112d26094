#pragma once
// A bounded pool of connections shared by both backends. Connections are
// opened lazily up to `max`; take() waits up to `timeout` for one to come
// back and then throws unavailable. A connection found broken on return is
// dropped, so the next take() opens a fresh one.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/errors.h"

namespace cchc::db {

template <class Conn>
class Pool {
 public:
  using Factory = std::function<std::unique_ptr<Conn>()>;
  Pool(size_t max, std::chrono::milliseconds timeout, Factory factory)
      : max_(max == 0 ? 1 : max), timeout_(timeout), factory_(std::move(factory)) {}

  std::unique_ptr<Conn> take() {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, timeout_, [&] { return !idle_.empty() || open_ < max_; })) {
      throw unavailable("database connection pool exhausted", "Hệ thống đang bận, xin vui lòng thử lại sau ít phút.");
    }
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    ++open_;
    lock.unlock();
    try {
      return factory_();
    } catch (...) {
      lock.lock();
      --open_;
      cv_.notify_one();
      throw;
    }
  }

  void give(std::unique_ptr<Conn> c, bool healthy) {
    std::lock_guard lock(mutex_);
    if (healthy)
      idle_.push_back(std::move(c));
    else
      --open_;
    cv_.notify_one();
  }

 private:
  size_t max_;
  std::chrono::milliseconds timeout_;
  Factory factory_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  size_t open_ = 0;
};

}  // namespace cchc::db
