// Programs run apart, held to their limits: each limit is the kernel's (the
// child's shell reports it) or the parent's (time, output), and each way a
// child can end is told apart.
#include "core/subprocess.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

#include "core/errors.h"
#include "support/hostile.h"

namespace cchc::subprocess {
namespace {

Result shell(const std::string& script, const Limits& limits = {}, std::string_view input = {}) {
  return run_bounded("/bin/sh", {"-c", script}, input, limits);
}

TEST(Subprocess, TheChildGetsItsInputAndItsLimits) {
  Limits limits;
  limits.cpu_seconds = 7;
  limits.memory_bytes = std::size_t(300) << 20;
  struct Case {
    const char* script;
    std::string output;
  };
  std::vector<Case> cases = {
      {"ulimit -t", "7\n"},                                      // CPU seconds
      {"ulimit -v", std::to_string((300 << 20) / 1024) + "\n"},  // address space, KiB
      {"ulimit -f", "0\n"},                                      // no file can grow
      {"ulimit -c", "0\n"},                                      // no core dump
      {"ulimit -n", "16\n"},                                     // descriptors
      {"echo oops >&2; echo fine", "fine\n"},                    // stderr goes nowhere
  };
  for (const auto& c : cases) {
    auto r = shell(c.script, limits);
    EXPECT_TRUE(r.ok()) << c.script;
    EXPECT_EQ(r.output, c.output) << c.script;
  }
  // stdin is the input, whole, however large (an in-memory file, never a
  // pipe the parent could block on).
  auto input = testing::repeat("0123456789abcdef", 256 * 1024);  // 4 MiB
  auto echoed = run_bounded("/bin/cat", {}, input, limits);
  EXPECT_TRUE(echoed.ok());
  EXPECT_EQ(echoed.output.size(), input.size());
  EXPECT_TRUE(echoed.output == input);
}

TEST(Subprocess, EveryEndingIsToldApart) {
  Limits tight;
  tight.cpu_seconds = 1;
  tight.wall = std::chrono::milliseconds(1500);
  tight.output_bytes = 1000;
  struct Case {
    const char* what;
    std::string script;
    Ending ending;
    int exit_code;
    bool patient = false;  // a wall limit far past the CPU limit, whatever the machine's load
  };
  std::vector<Case> cases = {
      {"success", "echo hi", Ending::exited, 0},
      {"an exit code", "exit 3", Ending::exited, 3},
      {"a spinning loop", "while :; do :; done", Ending::over_cpu, -1, true},
      {"a sleeper", "sleep 30", Ending::over_time, -1},
      {"a sleeper that closed its output", "exec >&-; sleep 30", Ending::over_time, -1},
      {"a flood of output", "yes", Ending::over_output, -1},
      {"a fault", "kill -SEGV $$", Ending::crashed, -1},
  };
  for (const auto& c : cases) {
    Limits limits = tight;
    if (c.patient) limits.wall = std::chrono::seconds(60);
    auto r = shell(c.script, limits);
    EXPECT_EQ(int(r.ending), int(c.ending)) << c.what;
    EXPECT_EQ(r.exit_code, c.exit_code) << c.what;
    EXPECT_LE(r.output.size(), tight.output_bytes) << c.what;
  }
  EXPECT_EQ(shell("kill -SEGV $$", tight).signal, SIGSEGV);
  // A program that is not there: exec fails in the child (127).
  auto missing = run_bounded("/nonexistent/program", {}, "", tight);
  EXPECT_EQ(missing.ending, Ending::exited);
  EXPECT_EQ(missing.exit_code, 127);
}

TEST(Subprocess, HelpersAreFoundBesideTheProgram) {
  // The test binary's own folder holds the helpers the build made.
  auto pdf_text = helper("cchc-pdf-text");
  EXPECT_TRUE(std::filesystem::exists(pdf_text)) << pdf_text;
  EXPECT_EQ(std::filesystem::path(helper("no-such-helper")).filename(), "no-such-helper");
}

}  // namespace
}  // namespace cchc::subprocess
