#pragma once
// Data stamps: one number per kind of data that every transaction writing
// that data replaces with a fresh random one (touch):
//   indicators   dossiers, feedback, targets and hand-entered values
//   units        the unit tree
//   assessments  rounds, their participants' scores and appraisals, their
//                results and publication
//   portal       what the public portal shows: published items, documents,
//                categories
//   writes       any write at all: every audit entry of a change touches it
//                (audit::append), and so do the few writes that have none
//                but change what a signed-in page shows (a notification
//                read); signed-in pages are kept under it (http/page_cache.h)
// The kinds are rows of data_stamps (migrations 0026, 0029, 0031). What is derived from the data is remembered under
// the stamps it was derived at (Memo): a write from this process, another process or the command line gives a new
// stamp, so the next read recomputes; nothing is ever stale and no notice is needed. Random rather than counted, so a
// rolled-back transaction's stamp is never reused with other data, and two databases (tests open many in one process)
// never share one.
//
//   static db::Memo<Indicators> memo({"indicators", "units"});
//   return memo.get(c, question_key, [&] { return compute(c, …); });
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "db/database.h"

namespace cchc::db {

// The kind every write touches (above).
inline constexpr const char* kWritesStamp = "writes";

// The kind's current stamp; internal for a kind data_stamps does not list.
std::int64_t stamp(Connection& c, std::string_view kind);
// Gives the kind a fresh stamp, in the caller's transaction (write it with
// the data it stands for).
void touch(Connection& c, std::string_view kind);
// The stamps of several kinds, in the order given, read in one query;
// internal for a kind data_stamps does not list.
std::vector<std::int64_t> stamps(Connection& c, const std::vector<std::string>& kinds);
// The stamps of several kinds as one key, "s1:s2:…", in the order given.
std::string stamps_key(Connection& c, const std::vector<std::string>& kinds);

// Answers to questions about data of some kinds, each kept under the stamps
// it was computed at; at most `capacity` answers, the least recently used
// dropped first. Thread-safe; an answer is computed outside the lock (two
// threads asking the same new question may both compute it). A question
// that throws is not remembered.
template <class T>
class Memo {
 public:
  explicit Memo(std::vector<std::string> kinds, std::size_t capacity = 4096)
      : kinds_(std::move(kinds)), capacity_(capacity) {}

  template <class F>
  T get(Connection& c, std::string_view question, F&& compute) {
    std::string key = stamps_key(c, kinds_);
    key += '|';
    key += question;
    {
      std::lock_guard lock(mutex_);
      if (auto it = index_.find(key); it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
      }
    }
    T answer = compute();
    std::lock_guard lock(mutex_);
    if (index_.find(key) == index_.end()) {
      order_.emplace_front(key, answer);
      index_.emplace(std::move(key), order_.begin());
      if (order_.size() > capacity_) {
        index_.erase(order_.back().first);
        order_.pop_back();
      }
    }
    return answer;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return order_.size();
  }

 private:
  using Entries = std::list<std::pair<std::string, T>>;
  const std::vector<std::string> kinds_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  Entries order_;  // most recently used first
  std::unordered_map<std::string, typename Entries::iterator> index_;
};

}  // namespace cchc::db
