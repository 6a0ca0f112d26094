#pragma once
// What the plans pages and API share: ids from paths, the unit checks
// every handler makes, unit names and choices.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "db/database.h"
#include "directory/permissions.h"
#include "http/message.h"
#include "plans/model.h"
#include "plans/store.h"
#include "views/decree30.h"

namespace cchc::plans {

Plan need_plan(db::Database& db, std::int64_t id);
// The working-day calendar the pages count deadlines with.
inline const WorkCalendar& calendar() { return WorkCalendar::vietnam(); }
using directory::may;
using directory::require;
std::map<std::string, std::string> names_of(const std::vector<UnitRow>& units);
// `unit` and every unit below it (any date), sorted by code.
std::vector<std::string> subtree_codes(const std::vector<UnitRow>& all, const std::string& unit);
// The units the user may act for: every unit for province-wide roles, else
// the user's unit and the units below it.
std::vector<UnitRow> units_of_user(const std::vector<UnitRow>& all, const http::Principal& p);
// [{code, name, selected}] for a <select>: open units, and the selected one.
nlohmann::json unit_options(const std::vector<UnitRow>& units, const std::string& selected);

// The reporting periods to pick from: those of `year` and the year before
// that have begun by `today`, [{key, label, selected}].
nlohmann::json period_options(const std::vector<ReportPeriod>& config, int year, Date today,
                              const std::string& selected);

// An optional text for a template section: false when empty, else
// {"text": …} ({{#x}}…{{text}}…{{/x}}; the renderer shows no section for a
// plain string).
nlohmann::json text_section(const std::string& text);

// The issuing body of a unit's Word drafts (views::issuer_for, a report
// "BC"), from the units.
views::Issuer issuer_of(const std::string& unit_code, const std::vector<UnitRow>& units);
// How a letter names a unit and its head (views::addressee_for), from the
// units; empty for an unknown unit.
views::Addressee addressee_of(const std::string& unit_code, const std::vector<UnitRow>& units);

// "Sở Nội vụ; Sở Tư pháp" for unit codes.
std::string names_text(const std::vector<std::string>& codes, const std::map<std::string, std::string>& names);

}  // namespace cchc::plans
