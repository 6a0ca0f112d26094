#pragma once
// A program run apart from the server, for work on outside bytes that a
// library could spend unbounded time or memory on (a PDF's text through
// poppler): a crash, a decompression bomb or an endless loop costs the
// child, never the server. The child
//   - reads `input` on its stdin (a sealed in-memory file, so the parent
//     never blocks writing) and writes its answer on stdout; stderr and
//     every other descriptor are closed to it;
//   - is held by the kernel to its limits: CPU seconds (RLIMIT_CPU), address
//     space (RLIMIT_AS: allocations past it fail), no files written
//     (RLIMIT_FSIZE 0), no core dump, 16 descriptors;
//   - is killed (SIGKILL) when it has not finished within `wall`, or once
//     it has written more than `output_bytes`.
// The caller waits for it (so run it off the I/O threads) and reads the
// ending from the result; run_bounded throws only when the program cannot
// be started at all (unavailable).
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::subprocess {

struct Limits {
  unsigned cpu_seconds = 20;
  std::size_t memory_bytes = std::size_t(1) << 30;
  std::chrono::milliseconds wall{30'000};
  std::size_t output_bytes = std::size_t(16) << 20;
};

enum class Ending {
  exited,       // exit_code says how (0: success)
  over_cpu,     // killed by the CPU limit
  over_time,    // killed after `wall`
  over_output,  // killed after writing more than `output_bytes`
  crashed,      // ended by another signal (a fault, an abort on bad_alloc)
};

struct Result {
  Ending ending = Ending::crashed;
  int exit_code = -1;  // when exited
  int signal = 0;      // when crashed: the signal that ended it
  std::string output;  // what it wrote, up to output_bytes
  bool ok() const { return ending == Ending::exited && exit_code == 0; }
};

Result run_bounded(const std::string& program, const std::vector<std::string>& args, std::string_view input,
                   const Limits& limits);

// The path of a helper program of cchc's own (`cchc-pdf-text`): beside the
// running executable when there (a build tree, a test binary), else in the
// installed helper directory.
std::string helper(const std::string& name);

}  // namespace cchc::subprocess
