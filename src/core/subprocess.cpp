#include "core/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <thread>

#include "core/errors.h"

namespace cchc::subprocess {

namespace {

namespace fs = std::filesystem;

// A descriptor closed when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// The input as a sealed in-memory file at offset 0.
int input_file(std::string_view input) {
  int fd = ::memfd_create("cchc-input", MFD_CLOEXEC);
  if (fd < 0) return -1;
  for (std::size_t done = 0; done < input.size();) {
    auto n = ::write(fd, input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    done += std::size_t(n);
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

// In the child, between fork and exec: async-signal-safe calls only.
[[noreturn]] void become(const char* program, char* const* argv, int in, int out, int null, const Limits& limits) {
  if (::dup2(in, STDIN_FILENO) < 0 || ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(null, STDERR_FILENO) < 0) _exit(127);
  ::close_range(3, ~0U, 0);
  rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 1};
  rlimit memory{limits.memory_bytes, limits.memory_bytes};
  rlimit none{0, 0};
  rlimit descriptors{16, 16};
  if (::setrlimit(RLIMIT_CPU, &cpu) != 0 || ::setrlimit(RLIMIT_AS, &memory) != 0 ||
      ::setrlimit(RLIMIT_FSIZE, &none) != 0 || ::setrlimit(RLIMIT_CORE, &none) != 0 ||
      ::setrlimit(RLIMIT_NOFILE, &descriptors) != 0)
    _exit(127);
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, nullptr);
  ::execv(program, argv);
  _exit(127);
}

}  // namespace

Result run_bounded(const std::string& program, const std::vector<std::string>& args, std::string_view input,
                   const Limits& limits) {
  std::vector<std::string> owned{program};
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);

  Fd in(input_file(input));
  Fd null(::open("/dev/null", O_WRONLY | O_CLOEXEC));
  int pipe_fds[2];
  if (in.fd < 0 || null.fd < 0 || ::pipe2(pipe_fds, O_CLOEXEC) != 0)
    throw unavailable("cannot start " + program + ": " + std::strerror(errno));
  Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);

  pid_t pid = ::fork();
  if (pid < 0) throw unavailable("cannot start " + program + ": " + std::strerror(errno));
  if (pid == 0) become(program.c_str(), argv.data(), in.fd, write_end.fd, null.fd, limits);
  write_end.reset();
  in.reset();

  Result result;
  bool killed_for_time = false, killed_for_output = false;
  auto deadline = std::chrono::steady_clock::now() + limits.wall;
  auto kill_for = [&](bool& why) {
    if (!killed_for_time && !killed_for_output) ::kill(pid, SIGKILL);
    why = true;
  };
  // Its output until it closes stdout (it ends), or a limit is passed.
  char buffer[64 * 1024];
  while (!killed_for_time && !killed_for_output) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill_for(killed_for_time);
      break;
    }
    pollfd p{read_end.fd, POLLIN, 0};
    int ready = ::poll(&p, 1, int(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline is checked above
    auto n = ::read(read_end.fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;
    if (result.output.size() + std::size_t(n) > limits.output_bytes) {
      kill_for(killed_for_output);
      break;
    }
    result.output.append(buffer, std::size_t(n));
  }
  read_end.reset();
  // Its end: at once when it has closed stdout by exiting; a child that
  // lingers after closing it is killed at the deadline.
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill_for(killed_for_time);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (killed_for_output) {
    result.ending = Ending::over_output;
  } else if (killed_for_time) {
    result.ending = Ending::over_time;
  } else if (WIFEXITED(status)) {
    result.ending = Ending::exited;
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)) {
    result.ending = Ending::over_cpu;  // the kernel's: only the CPU limit kills it so
  } else {
    result.ending = Ending::crashed;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  return result;
}

std::string helper(const std::string& name) {
  std::error_code ec;
  auto self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto beside = self.parent_path() / name;
    if (fs::exists(beside, ec)) return beside.string();
  }
  return (fs::path(CCHC_HELPER_DIR) / name).string();
}

}  // namespace cchc::subprocess
