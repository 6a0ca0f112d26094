#pragma once
#include <memory>
#include <string>

#include "db/database.h"

namespace cchc::db {

// SQLite in WAL mode with synchronous=FULL, foreign keys on and a busy
// timeout; one writer at a time within the process.
std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options);

}  // namespace cchc::db
