#include "directory/store.h"

#include "db/stamps.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "directory/read.h"

namespace cchc::directory {

namespace {

std::string to_json(const Unit& u) {
  return nlohmann::json{{"code", u.code},
                        {"name", u.name},
                        {"short_name", u.short_name},
                        {"level", u.level},
                        {"parent_code", u.parent_code},
                        {"valid_from", format_iso_date(u.valid_from)},
                        {"valid_to", u.valid_to ? format_iso_date(*u.valid_to) : ""},
                        {"successor_codes", u.successor_codes}}
      .dump();
}

std::optional<std::string> optional_text(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// What an import would do: validated against the stored tree, each unit
// classified as new, changed or unchanged.
struct Plan {
  ImportResult result;
  std::map<std::string, Unit> existing;
  std::vector<Unit> ordered;  // parents first
};

Plan plan_import(db::Connection& c, const ParsedUnits& parsed) {
  Plan plan;
  for (auto& u : load_units(c)) plan.existing.emplace(u.code, std::move(u));
  std::set<std::string> levels;
  for (const auto& l : load_levels(c)) levels.insert(l.code);
  plan.result.errors = validate_units(parsed.units, parsed.lines, plan.existing, levels);
  if (!plan.result.errors.empty()) return plan;
  plan.ordered = parents_first(parsed.units);
  for (const Unit& u : plan.ordered) {
    auto old = plan.existing.find(u.code);
    if (old == plan.existing.end())
      ++plan.result.inserted;
    else if (old->second == u)
      ++plan.result.unchanged;
    else
      ++plan.result.updated;
  }
  return plan;
}

}  // namespace

ImportResult preview_units(db::Database& db, std::string_view csv_text) {
  auto parsed = parse_units_csv(csv_text);
  if (!parsed.errors.empty()) return ImportResult{std::move(parsed.errors)};
  return db.read([&](db::Connection& c) { return plan_import(c, parsed).result; });
}

ImportResult import_units(db::Database& db, std::string_view csv_text, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return import_units(c, csv_text, who, now); });
}

ImportResult import_units(db::Connection& c, std::string_view csv_text, const audit::Entry& who, Instant now) {
  auto parsed = parse_units_csv(csv_text);
  if (!parsed.errors.empty()) return ImportResult{std::move(parsed.errors)};
  auto plan = plan_import(c, parsed);
  if (!plan.result.ok()) return plan.result;
  std::vector<const Unit*> successor_changes;
  for (const Unit& u : plan.ordered) {
    auto old = plan.existing.find(u.code);
    if (old != plan.existing.end() && old->second == u) continue;
    std::vector<db::Param> values = {u.name,
                                     u.short_name,
                                     u.level,
                                     optional_text(u.parent_code),
                                     format_iso_date(u.valid_from),
                                     u.valid_to ? std::optional(format_iso_date(*u.valid_to)) : std::nullopt,
                                     text::fold(u.name),
                                     u.code};
    audit::Entry entry = who;
    entry.entity = "units";
    entry.entity_id = u.code;
    entry.after_json = to_json(u);
    if (old == plan.existing.end()) {
      c.query(
          "INSERT INTO units (name, short_name, level, parent_code, valid_from, valid_to, name_folded, code) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          values);
      entry.action = "create";
    } else {
      c.query(
          "UPDATE units SET name = ?, short_name = ?, level = ?, parent_code = ?, valid_from = ?, "
          "valid_to = ?, name_folded = ? WHERE code = ?",
          values);
      entry.action = "update";
      entry.before_json = to_json(old->second);
    }
    audit::append(c, entry, now);
    if (old == plan.existing.end() || old->second.successor_codes != u.successor_codes) {
      successor_changes.push_back(&u);
    }
  }
  // Successors last: they may name units inserted above.
  for (const Unit* u : successor_changes) {
    c.query("DELETE FROM unit_successors WHERE code = ?", {u->code});
    for (const auto& s : u->successor_codes) {
      c.query("INSERT INTO unit_successors (code, successor_code) VALUES (?, ?)", {u->code, s});
    }
  }
  db::touch(c, "units");
  return plan.result;
}

std::string export_units(db::Database& db, std::optional<Date> as_of) {
  auto units = load_units(db);
  if (as_of) {
    std::erase_if(units, [&](const Unit& u) { return !u.valid_on(*as_of); });
  }
  return to_csv(units);
}

}  // namespace cchc::directory
