#pragma once
// Runs the real `cchc serve` binary on a free port for integration tests.
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cchc::testing {

class ServerProcess {
 public:
  // Starts `cchc serve --db <db> --port 0 …extra` from the source tree and
  // waits until it prints the address it listens on. A `launcher` runs it
  // (`prlimit --nofile=…`): it must exec the command, keeping the pid.
  explicit ServerProcess(const std::string& db, std::vector<std::string> extra = {},
                         std::vector<std::string> launcher = {});
  ~ServerProcess();
  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits up to `limit`; returns the exit code, or -1 when
  // the process had to be killed, or 128+N when a signal ended it.
  int stop(int signal, std::chrono::milliseconds limit, std::chrono::milliseconds* took = nullptr);
  std::string log() const;  // what the server wrote to stderr

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string log_path_;
};

// Runs the cchc binary with arguments; returns exit code, stdout+stderr in `output`.
int run_cchc(const std::vector<std::string>& args, std::string& output);

// The last line of a command's output that is a JSON object (the result a
// CLI prints after its log lines), parsed; null when there is none.
nlohmann::json last_json_line(const std::string& output);

}  // namespace cchc::testing
