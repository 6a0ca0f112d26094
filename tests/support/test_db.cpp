#include "support/test_db.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "db/migrate.h"

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

// The first value of a one-row query, or empty.
std::string admin_value(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  std::string value = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
  PQclear(r);
  return value;
}

// postgresql://user@host:port/db → the same URL naming another database.
std::string with_database(const std::string& url, const std::string& name) {
  auto slash = url.rfind('/');
  auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// The migrated database every PostgreSQL test database is copied from
// (CREATE DATABASE … TEMPLATE copies files: a fraction of what running the
// migrations costs each test). Its name carries a digest of the migrations,
// so a server kept across schema changes gets a new one. The first test
// process to need it makes it under an advisory lock, as a database of
// another name renamed once migrated: no process ever copies a half-made one.
std::string migrated_template(const std::string& admin_url) {
  uint64_t digest = 14695981039346656037ull;  // FNV-1a over every migration
  for (const auto& m : db::migrations_for(db::Backend::postgres)) {
    for (unsigned char ch : m.name + '\n' + m.sql) digest = (digest ^ ch) * 1099511628211ull;
  }
  std::string name = fmt::format("cchc_template_{:016x}", digest);
  PGconn* c = PQconnectdb(admin_url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach test PostgreSQL: " + msg);
  }
  auto exists = [&] { return !admin_value(c, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").empty(); };
  try {
    if (!exists()) {
      admin_value(c, "SELECT pg_advisory_lock(7316001)");
      if (!exists()) {
        std::string building = name + "_" + unique_suffix();
        admin_exec(admin_url, "CREATE DATABASE " + building);
        db::open(with_database(admin_url, building)).reset();  // migrates, then closes every connection
        admin_exec(admin_url, fmt::format("ALTER DATABASE {} RENAME TO {}", building, name));
      }
      admin_value(c, "SELECT pg_advisory_unlock(7316001)");
    }
  } catch (...) {
    PQfinish(c);
    throw;
  }
  PQfinish(c);
  return name;
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
    static const std::string from = migrated_template(url);
    admin_exec(url, fmt::format("CREATE DATABASE {} TEMPLATE {}", t->pg_name, from));
    t->spec = with_database(url, t->pg_name);
  }
  t->db = db::open(t->spec, options);
  return t;
}

}  // namespace cchc::testing
