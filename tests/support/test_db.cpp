#include "support/test_db.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace cchc::testing {

namespace {

void admin_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach test PostgreSQL: " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(msg);
}

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  static const unsigned seed = std::random_device{}();
  return fmt::format("{}_{}_{}", getpid(), seed % 100000, counter++);
}

// postgresql://user@host:port/db → the same URL naming another database.
std::string with_database(const std::string& url, const std::string& name) {
  auto slash = url.rfind('/');
  auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

TestDatabase::~TestDatabase() {
  db.reset();
  if (!pg_name.empty()) {
    try {
      admin_exec(admin_url, fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", pg_name));
    } catch (...) {}
  }
  if (!sqlite_dir.empty()) std::filesystem::remove_all(sqlite_dir);
}

std::vector<std::string> backends() { return {"sqlite", "postgres"}; }

std::unique_ptr<TestDatabase> make_test_db(const std::string& backend, std::string& why, const db::Options& options) {
  auto t = std::make_unique<TestDatabase>();
  t->backend = backend;
  if (backend == "sqlite") {
    t->sqlite_dir = (std::filesystem::temp_directory_path() / ("cchc-test-" + unique_suffix())).string();
    std::filesystem::create_directories(t->sqlite_dir);
    t->spec = t->sqlite_dir + "/test.db";
  } else {
    const char* url = std::getenv("CCHC_TEST_PG_URL");
    if (!url || !*url) {
      why = "CCHC_TEST_PG_URL is not set: PostgreSQL cases need a server (make test starts one)";
      return nullptr;
    }
    t->admin_url = url;
    t->pg_name = "cchc_t_" + unique_suffix();
    admin_exec(url, "CREATE DATABASE " + t->pg_name);
    t->spec = with_database(url, t->pg_name);
  }
  t->db = db::open(t->spec, options);
  return t;
}

}  // namespace cchc::testing
