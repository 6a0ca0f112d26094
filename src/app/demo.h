#pragma once
// The demo province loaded by `cchc demo`: the province's name and its unit
// tree (data/demo/units.csv, see docs/directory.md). Loading is idempotent:
// running it again changes nothing that is already as the demo has it.
#include <string>
#include <vector>

#include "db/database.h"

namespace cchc::app {

struct DemoLogin {
  std::string username, password, role;
};

// Loads the demo data; returns the demo accounts (one per role) to print.
std::vector<DemoLogin> load_demo(db::Database& db);

}  // namespace cchc::app
