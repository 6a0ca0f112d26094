#include "support/demo_server.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace cchc::testing {

namespace fs = std::filesystem;

namespace {

// The file the fixture made for `records`, or empty when no fixture ran.
fs::path fixture_db(DemoRecords records) {
  const char* dir = std::getenv("CCHC_TEST_DEMO_DIR");
  if (!dir || !*dir) return {};
  return fs::path(dir) / (records == DemoRecords::with ? "demo.db" : "demo-bare.db");
}

fs::path new_directory() {
  static std::atomic<int> counter{0};
  auto dir = fs::temp_directory_path() / ("cchc-demo-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

void make_demo_db(const std::string& path, DemoRecords records) {
  if (fs::exists(path)) throw std::runtime_error("make_demo_db: " + path + " exists");
  if (auto from = fixture_db(records); !from.empty()) {
    // A fixture that failed fails its dependants in ctest; a file missing
    // here means the run is broken, not that the demo should be made again.
    if (!fs::exists(from)) throw std::runtime_error("the demo fixture is missing: " + from.string());
    fs::copy_file(from, path);
    // `cchc demo` closes its database, which folds the write-ahead log into
    // the file; copy a leftover log all the same, so the copy is the whole.
    if (fs::exists(from.string() + "-wal")) fs::copy_file(from.string() + "-wal", path + "-wal");
    return;
  }
  std::vector<std::string> args = {"demo", "--db", path};
  if (records == DemoRecords::without) args.push_back("--no-records");
  std::string out;
  if (run_cchc(args, out) != 0) throw std::runtime_error("cchc demo failed:\n" + out);
}

DemoServer::DemoServer(DemoRecords records, std::vector<std::string> serve_args, std::vector<std::string> launcher)
    : dir_(new_directory()), db_((dir_ / "cchc.db").string()) {
  try {
    make_demo_db(db_, records);
    server_ = std::make_unique<ServerProcess>(db_, std::move(serve_args), std::move(launcher));
  } catch (...) {
    fs::remove_all(dir_);
    throw;
  }
}

DemoServer::~DemoServer() {
  server_.reset();
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

}  // namespace cchc::testing
