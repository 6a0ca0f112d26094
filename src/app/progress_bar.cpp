#include "app/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace cchc::app {

std::string progress_bar(std::size_t done, std::size_t total, std::size_t width) {
  const std::size_t shown = total == 0 ? 0 : std::min(done, total);
  const std::size_t cells = total == 0 ? 0 : shown * width / total;
  const std::size_t percent = total == 0 ? 0 : shown * 100 / total;
  return fmt::format("[{}{}] {}%", std::string(cells, '#'), std::string(width - cells, ' '), percent);
}

ProgressBar::ProgressBar(bool terminal) : terminal_(terminal) {}

ProgressBar::ProgressBar() : ProgressBar(isatty(STDERR_FILENO) == 1) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!terminal_ || ended_) return;
  auto bar = progress_bar(done, total);
  const bool end = total > 0 && done >= total;
  if (bar != last_) std::cerr << '\r' << bar;
  if (end) {
    std::cerr << '\n';
    ended_ = true;
  }
  std::cerr << std::flush;
  last_ = std::move(bar);
}

}  // namespace cchc::app
