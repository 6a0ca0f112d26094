#include "jobs/rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.h"

namespace cchc::jobs {

std::string code_of(State s) {
  switch (s) {
    case State::queued: return "queued";
    case State::running: return "running";
    case State::done: return "done";
    case State::failed: return "failed";
    case State::cancelled: return "cancelled";
  }
  return "queued";
}

State state_of(std::string_view code) {
  for (auto s : {State::queued, State::running, State::done, State::failed, State::cancelled}) {
    if (code_of(s) == code) return s;
  }
  throw Error(ErrorKind::internal, fmt::format("unknown job state '{}'", code));
}

std::string label_vi(State s) {
  switch (s) {
    case State::queued: return "Đang chờ";
    case State::running: return "Đang chạy";
    case State::done: return "Đã xong";
    case State::failed: return "Không thành công";
    case State::cancelled: return "Đã hủy";
  }
  return "";
}

bool finished(State s) { return s == State::done || s == State::failed || s == State::cancelled; }

std::optional<int> percent(const Progress& p) {
  if (p.total <= 0) return std::nullopt;
  auto done = std::clamp<std::int64_t>(p.done, 0, p.total);
  // Rounded down, so that 100 % means every step is done.
  return int(done * 100 / p.total);
}

std::string percent_text(const Progress& p) {
  auto n = percent(p);
  return n ? fmt::format("{} %", *n) : "";
}

bool valid_id(std::string_view id) {
  return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace cchc::jobs
