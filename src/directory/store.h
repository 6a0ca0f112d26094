#pragma once
// Writing the unit tree: the units CSV imported and exported. What other
// layers read of it is directory/read.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "directory/model.h"
#include "directory/rules.h"

namespace cchc::directory {

struct ImportResult {
  std::vector<LineError> errors;  // non-empty: nothing was written
  int inserted = 0, updated = 0, unchanged = 0;
  bool ok() const { return errors.empty(); }
};

// Validates the whole file against the stored tree and, only when every
// line is right, writes it in one transaction: new codes inserted, changed
// ones updated, identical ones left alone (re-importing a file changes
// nothing). Each change is audited as `who`.
ImportResult import_units(db::Database& db, std::string_view csv_text, const audit::Entry& who, Instant now);
// The same on the caller's transaction.
ImportResult import_units(db::Connection& c, std::string_view csv_text, const audit::Entry& who, Instant now);

// What import_units would do with the file, writing nothing.
ImportResult preview_units(db::Database& db, std::string_view csv_text);

// The units CSV; with `as_of`, only the units valid on that date.
std::string export_units(db::Database& db, std::optional<Date> as_of);

}  // namespace cchc::directory
