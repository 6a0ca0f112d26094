#pragma once
// What every command of the command line shares (defined in cli.cpp).
#include <memory>
#include <string>

#include "audit/audit.h"
#include "db/database.h"

namespace cchc::app {

// Opens the database and applies pending migrations.
std::unique_ptr<db::Database> open_migrated(const std::string& spec);
// The audit actor of the command line: "cli:<$USER>".
audit::Entry cli_actor();
// A whole file; invalid_input when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace cchc::app
