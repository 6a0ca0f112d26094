#pragma once
// A progress bar for long commands, on standard error and only when it is
// a terminal: "\r[#########           ] 45%" redrawn in place, ended with a
// line break once done reaches total. Off a terminal it writes nothing, so
// what a command prints for scripts and logs stays as it is.
#include <cstddef>
#include <string>

namespace cchc::app {

// "[#########           ] 45%": `width` cells, one '#' per whole share of
// done/total (clamped to total); "[   …   ] 0%" while total is 0.
std::string progress_bar(std::size_t done, std::size_t total, std::size_t width = 30);

class ProgressBar {
 public:
  // Draws on standard error when `terminal` (by default: when standard
  // error is a terminal).
  explicit ProgressBar(bool terminal);
  ProgressBar();
  // Redraws when the bar changed; ends the line when done reaches total.
  void update(std::size_t done, std::size_t total);
  bool terminal() const { return terminal_; }

 private:
  bool terminal_;
  std::string last_;
  bool ended_ = false;
};

}  // namespace cchc::app
