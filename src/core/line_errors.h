#pragma once
// The problems of one batch as they are reported: every one is counted, the
// first kReported (1 000) are kept with their lines. A file with a million
// bad lines costs the memory of a thousand messages, and still says how many
// there were. Iterating gives the kept ones; size() is the count of all.
#include <cstddef>
#include <utility>
#include <vector>

#include "core/errors.h"

namespace cchc {

class LineErrors {
 public:
  static constexpr std::size_t kReported = 1000;

  void push_back(LineError e) {
    ++total_;
    if (kept_.size() < kReported) kept_.push_back(std::move(e));
  }
  // Another's problems after these: its kept ones while there is room, all
  // of them counted.
  void merge(LineErrors other) {
    for (auto& e : other.kept_) {
      if (kept_.size() < kReported) kept_.push_back(std::move(e));
    }
    total_ += other.total_;
  }
  std::size_t size() const { return total_; }
  bool empty() const { return total_ == 0; }
  // Found but not kept: the report says "and N more".
  std::size_t unreported() const { return total_ - kept_.size(); }
  const std::vector<LineError>& reported() const { return kept_; }
  const LineError& operator[](std::size_t i) const { return kept_[i]; }
  const LineError& front() const { return kept_.front(); }
  std::vector<LineError>::const_iterator begin() const { return kept_.begin(); }
  std::vector<LineError>::const_iterator end() const { return kept_.end(); }
  std::vector<LineError>::iterator begin() { return kept_.begin(); }
  std::vector<LineError>::iterator end() { return kept_.end(); }

 private:
  std::vector<LineError> kept_;
  std::size_t total_ = 0;
};

}  // namespace cchc
