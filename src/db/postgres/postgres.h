#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "db/database.h"

namespace cchc::db {

// PostgreSQL through libpq: a pool of connections to one server.
std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options);

// `?` placeholders → `$1, $2 …`, leaving quoted literals and identifiers alone.
std::string renumber_placeholders(std::string_view sql);

}  // namespace cchc::db
