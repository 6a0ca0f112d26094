#pragma once
// Fresh databases for tests, one per test, on each backend:
//   sqlite    a file in a new temp directory
//   postgres  a new database on the server named by $CCHC_TEST_PG_URL
//             (scripts/pg-temp.sh starts one; `make test` does it for you)
// Without $CCHC_TEST_PG_URL the PostgreSQL cases are skipped, unless
// $CCHC_REQUIRE_PG is set (as `make test` does), when they fail.
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"

namespace cchc::testing {

struct TestDatabase {
  std::string backend;
  std::string spec;  // what --db would be
  std::unique_ptr<db::Database> db;
  ~TestDatabase();

  std::string admin_url;  // postgres: where to drop the database afterwards
  std::string pg_name;
  std::string sqlite_dir;
};

// "sqlite" and "postgres".
std::vector<std::string> backends();
// nullptr with a skip message in `why` when the backend is unavailable here.
std::unique_ptr<TestDatabase> make_test_db(const std::string& backend, std::string& why,
                                           const db::Options& options = {});

}  // namespace cchc::testing

// Inside a TEST_P over backends(): sets up `t` or skips/fails the test.
#define CCHC_TEST_DB(t, backend, ...)                                        \
  std::string cchc_why_;                                                     \
  auto t = ::cchc::testing::make_test_db(backend, cchc_why_, ##__VA_ARGS__); \
  if (!t) {                                                                  \
    if (std::getenv("CCHC_REQUIRE_PG")) FAIL() << cchc_why_;                 \
    GTEST_SKIP() << cchc_why_;                                               \
  }
