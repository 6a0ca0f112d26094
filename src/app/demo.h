#pragma once
// The demo province loaded by `cchc demo`. Loading is idempotent: running it
// again changes nothing.
#include <string>
#include <vector>

#include "db/database.h"

namespace cchc::app {

struct DemoLogin {
  std::string username, password, role;
};

// Loads the demo data; returns the demo accounts to print (none until the
// directory capability adds users).
std::vector<DemoLogin> load_demo(db::Database& db);

}  // namespace cchc::app
