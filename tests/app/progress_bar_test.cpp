// The command line's progress bar: how it draws a share, and that it draws
// nothing off a terminal.
#include "app/progress_bar.h"

#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

namespace cchc::app {
namespace {

TEST(ProgressBarText, DrawsTheShareDoneRoundedDown) {
  struct Case {
    std::size_t done, total, width;
    const char* bar;
  } cases[] = {
      {0, 100, 10, "[          ] 0%"},
      {45, 100, 10, "[####      ] 45%"},
      {99, 100, 10, "[######### ] 99%"},  // never full before the end
      {100, 100, 10, "[##########] 100%"},
      {150, 100, 10, "[##########] 100%"},  // more than the total: full, not past it
      {1, 3, 3, "[#  ] 33%"},
      {5, 0, 4, "[    ] 0%"},  // no total yet
  };
  for (const auto& c : cases) {
    EXPECT_EQ(progress_bar(c.done, c.total, c.width), c.bar) << c.done << "/" << c.total;
  }
  EXPECT_EQ(progress_bar(45, 100), "[#############                 ] 45%");  // 30 cells by default
}

// Standard error captured while `f` runs.
template <class F>
std::string stderr_of(F f) {
  std::ostringstream captured;
  auto* old = std::cerr.rdbuf(captured.rdbuf());
  f();
  std::cerr.rdbuf(old);
  return captured.str();
}

TEST(ProgressBarText, RedrawsInPlaceOnATerminalAndEndsTheLineOnce) {
  auto out = stderr_of([] {
    ProgressBar bar(true);
    bar.update(0, 4);
    bar.update(0, 4);  // unchanged: not drawn again
    bar.update(2, 4);
    bar.update(4, 4);
    bar.update(4, 4);  // after the end: nothing
  });
  EXPECT_EQ(out, "\r" + progress_bar(0, 4) + "\r" + progress_bar(2, 4) + "\r" + progress_bar(4, 4) + "\n");
}

TEST(ProgressBarText, WritesNothingOffATerminal) {
  auto out = stderr_of([] {
    ProgressBar bar(false);
    bar.update(1, 2);
    bar.update(2, 2);
  });
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace cchc::app
