#include "support/server_process.h"

#include "support/paths.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace cchc::testing {

namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

struct Spawned {
  pid_t pid;
  int stdout_fd;  // read end of the child's standard output
};

// Starts `args` with standard input from /dev/null and standard output into
// a pipe; standard error goes to `stderr_path`, or into the same pipe.
Spawned spawn(std::vector<std::string> args, const char* stderr_path) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  if (stderr_path) {
    posix_spawn_file_actions_addopen(&actions, 2, stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  } else {
    posix_spawn_file_actions_adddup2(&actions, out[1], 2);
  }
  posix_spawn_file_actions_addclose(&actions, out[0]);
  auto argv = argv_of(args);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    throw std::runtime_error("cannot start " + args[0]);
  }
  return {pid, out[0]};
}

}  // namespace

ServerProcess::ServerProcess(const std::string& db, std::vector<std::string> extra, std::vector<std::string> launcher) {
  static std::atomic<int> counter{0};
  log_path_ = "/tmp/cchc-test-server-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".log";
  std::vector<std::string> args = {cchc_binary(), "serve",
                                   "--db",        db,
                                   "--port",      "0",
                                   "--templates", source_dir() + "/templates",
                                   "--static",    source_dir() + "/static"};
  // The daily work runs only where a test asks for it: its reminders would
  // change what the others count.
  if (std::find(extra.begin(), extra.end(), "--daily") == extra.end()) args.insert(args.end(), {"--daily", "off"});
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.begin(), launcher.begin(), launcher.end());
  auto child = spawn(args, log_path_.c_str());
  pid_ = child.pid;
  int fd = child.stdout_fd;
  // Read stdout until the "listening on" line (10 s at most).
  std::string seen;
  std::regex re(R"(listening on http://[^:]+:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::smatch m;
  while (!std::regex_search(seen, m, re)) {
    if (std::chrono::steady_clock::now() > deadline) {
      close(fd);
      stop(SIGKILL, std::chrono::seconds(5));  // the destructor will not run
      throw std::runtime_error("server did not start: " + seen + log());
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) {
      close(fd);
      stop(SIGKILL, std::chrono::seconds(5));
      throw std::runtime_error("server exited before listening: " + log());
    }
    seen.append(buf, size_t(n));
  }
  port_ = static_cast<unsigned short>(std::stoi(m[1]));
  // Keep draining stdout (the access log) so the server never blocks on it.
  std::thread([fd] {
    char buf[4096];
    while (read(fd, buf, sizeof buf) > 0) {}
    close(fd);
  }).detach();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL, std::chrono::milliseconds(5000));
  std::remove(log_path_.c_str());
}

int ServerProcess::stop(int signal, std::chrono::milliseconds limit, std::chrono::milliseconds* took) {
  if (pid_ <= 0) return -1;
  auto start = std::chrono::steady_clock::now();
  kill(pid_, signal);
  int status = 0;
  while (true) {
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (std::chrono::steady_clock::now() - start > limit) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      pid_ = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
  if (took) {
    *took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string ServerProcess::log() const {
  std::ifstream in(log_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_cchc(const std::vector<std::string>& arguments, std::string& output) {
  std::vector<std::string> args = {cchc_binary()};
  args.insert(args.end(), arguments.begin(), arguments.end());
  auto child = spawn(args, nullptr);
  pid_t pid = child.pid;
  int fd = child.stdout_fd;
  output.clear();
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) output.append(buf, size_t(n));
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

nlohmann::json last_json_line(const std::string& output) {
  std::string line, found;
  for (std::istringstream in(output); std::getline(in, line);) {
    if (line.starts_with("{")) found = line;
  }
  return found.empty() ? nlohmann::json() : nlohmann::json::parse(found);
}

}  // namespace cchc::testing
