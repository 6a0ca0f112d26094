#pragma once
// The demo province for tests that need the real binary: a fresh copy of the
// demo database, and `cchc serve` on it.
//
// `cchc demo` takes about four seconds; ctest builds the two demo databases
// once a run (the fixture tests fixture.demo and fixture.demo_bare, which set
// CCHC_TEST_DEMO_DIR for the tests that need them) and every test copies the
// file it needs. Run by hand, without that variable, the database is made
// with `cchc demo` as before: the same data either way.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/server_process.h"

namespace cchc::testing {

enum class DemoRecords {
  with,     // `cchc demo`: the synthetic one-stop records too
  without,  // `cchc demo --no-records`
};

// Writes the demo database to `path` (which must not exist yet).
void make_demo_db(const std::string& path, DemoRecords records);

// A test suite's server: a new directory with a copy of the demo database,
// served by `cchc serve … serve_args` (run by `launcher`, ServerProcess). The destructor stops the server and
// removes the directory.
class DemoServer {
 public:
  explicit DemoServer(DemoRecords records, std::vector<std::string> serve_args = {},
                      std::vector<std::string> launcher = {});
  ~DemoServer();
  DemoServer(const DemoServer&) = delete;
  DemoServer& operator=(const DemoServer&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const std::string& db() const { return db_; }
  ServerProcess& server() { return *server_; }
  unsigned short port() const { return server_->port(); }

 private:
  std::filesystem::path dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace cchc::testing
