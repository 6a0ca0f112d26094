#pragma once
// What the indicator pages and the API read besides one unit's figures:
// targets per indicator, level and year; the 766 values entered by hand;
// the units of a level with their figures; rankings.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/period.h"
#include "db/database.h"
#include "indicators/index766.h"
#include "indicators/ranking.h"
#include "indicators/store.h"
#include "indicators/targets.h"

namespace cchc::indicators {

struct Target {
  std::string indicator;  // a rate_indicators() code
  std::string level;      // a unit level: department, district, commune …
  int year = 0;
  double target = 0;  // 0..1
  friend bool operator==(const Target&, const Target&) = default;
};
std::vector<Target> targets(db::Connection& c, std::optional<int> year = std::nullopt);
std::optional<double> target_for(const std::vector<Target>& ts, std::string_view indicator, std::string_view level,
                                 int year);
// Validates every target (known indicator and level, 0 ≤ target ≤ 1, year
// 2000..2100) and writes them all or none, with one audit entry: on the
// caller's transaction, or in one of its own.
void set_targets(db::Connection& c, const std::vector<Target>& ts, const audit::Entry& who, Instant now);
void set_targets(db::Database& db, const std::vector<Target>& ts, const audit::Entry& who, Instant now);

// The 766 values a unit entered by hand for a period (by period code).
ManualValues manual_values(db::Connection& c, const std::string& unit, const Period& period);
// Validates (known manual indicator, 0 ≤ numerator ≤ denominator; a unit
// that exists, else not_found) and replaces the given indicators' values on
// the caller's transaction, audited; an indicator absent from `values`
// keeps what it had.
void set_manual_values(db::Connection& c, const std::string& unit, const Period& period, const ManualValues& values,
                       const audit::Entry& who, Instant now);

// The 766 index of a unit for a period: its indicators and manual values.
// Remembered, like query() and ranking(), under the data stamps of
// indicators and units.
Index766 index766(db::Connection& c, const std::string& unit, const Period& period, Scope scope, Formula formula);

// A unit's indicators month by month over a period of whole months, up to
// the month that contains `now` (later months have no figures yet).
struct MonthFigures {
  std::string month;  // "2024-03"
  Indicators values;
};
std::vector<MonthFigures> monthly(db::Connection& c, const std::string& unit, const Period& period, Scope scope,
                                  Instant now);

struct UnitInfo {
  std::string code, name, level;
};
// The province: the root unit of level "province" (the first by code);
// none in a directory without one.
std::optional<std::string> province_unit(db::Connection& c);
// A unit's code, name and level; not_found for an unknown code.
UnitInfo unit_info(db::Connection& c, const std::string& code);

// Units of a level that exist on the period's last day, by code: a unit
// merged away during the period is represented by its successor (whose
// subtree scope includes its history), not listed twice. Throws
// invalid_input for an unknown level.
std::vector<UnitInfo> units_of_level(db::Connection& c, const std::string& level, const Period& period);

// A ranking of the units of a level by a rate indicator or by the 766
// total ("index766"). Each unit's sample, compared with the minimum, is the
// rate's denominator (for index766: finished plus still open at the end).
struct RankingRequest {
  std::string level;
  Period period;
  std::string indicator;  // a rate_indicators() code, or "index766"
  Formula formula = Formula::legal;
  Scope scope = Scope::subtree;
  long minimum = 30;
};
struct RankingRow {
  UnitInfo unit;
  Ranked ranked;
};
std::vector<RankingRow> ranking(db::Connection& c, const RankingRequest& req);
nlohmann::json to_json(const RankingRequest& req, const std::vector<RankingRow>& rows);

}  // namespace cchc::indicators
