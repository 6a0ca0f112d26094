#pragma once
// The unit tree's SQL.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "directory/model.h"
#include "directory/rules.h"
#include "views/decree30.h"

namespace cchc::directory {

std::vector<Level> load_levels(db::Database& db);
std::vector<Unit> load_units(db::Database& db);
Tree load_tree(db::Database& db);
// Every unit's name by code (current and past units alike), for labels.
std::map<std::string, std::string> unit_names(db::Connection& c);
// The codes of the units that existed on some day of [from, to], by code.
std::vector<std::string> units_open_in(db::Connection& c, Date from, Date to);
// The issuing body of a unit's Word drafts of a document type ("BC", "QĐ"),
// per views::issuer_for; the province's committee for an unknown unit.
views::Issuer issuer(db::Connection& c, const std::string& unit_code, const std::string& type);
// How a letter names a unit and its head (views::addressee_for); empty for
// an unknown unit.
views::Addressee addressee(db::Connection& c, const std::string& unit_code);

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
