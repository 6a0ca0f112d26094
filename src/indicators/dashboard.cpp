#include "indicators/dashboard.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.h"
#include "db/columns.h"
#include "db/stamps.h"
#include "directory/read.h"

namespace cchc::indicators {

namespace {

std::string period_key(const Period& p) { return p.code(); }

void require_level(db::Connection& c, const std::string& level) {
  if (!directory::is_level(c, level)) {
    throw invalid_input(fmt::format("unknown level '{}'", level), "Cấp đơn vị không hợp lệ.");
  }
}

const db::Columns<Target> kTargetRow{
    {"indicator", &Target::indicator},
    {"level", &Target::level},
    {"year", &Target::year},
    {"target", &Target::target},
};

UnitInfo info_of(const directory::Unit& u) { return {u.code, u.name, u.level}; }

}  // namespace

std::vector<Target> targets(db::Connection& c, std::optional<int> year) {
  const auto select = fmt::format("SELECT {} FROM indicator_targets", kTargetRow.list());
  return kTargetRow.read_all(
      year ? c.query(select + " WHERE year = ? ORDER BY year, indicator, level", {std::int64_t(*year)})
           : c.query(select + " ORDER BY year, indicator, level"));
}

std::optional<double> target_for(const std::vector<Target>& ts, std::string_view indicator, std::string_view level,
                                 int year) {
  for (const auto& t : ts)
    if (t.indicator == indicator && t.level == level && t.year == year) return t.target;
  return std::nullopt;
}

void set_targets(db::Connection& c, const std::vector<Target>& ts, const audit::Entry& who, Instant now) {
  auto after = nlohmann::json::array();
  for (const auto& t : ts) {
    rate_indicator(t.indicator);
    require_level(c, t.level);
    if (t.year < 2000 || t.year > 2100)
      throw invalid_input(fmt::format("year {} out of range", t.year), "Năm không hợp lệ.");
    if (!(t.target >= 0 && t.target <= 1)) {
      throw invalid_input(fmt::format("target for {} must be between 0 and 1", t.indicator),
                          "Chỉ tiêu phải từ 0 đến 100%.");
    }
    c.query(
        "INSERT INTO indicator_targets (indicator, level, year, target) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (indicator, level, year) DO UPDATE SET target = excluded.target",
        {t.indicator, t.level, std::int64_t(t.year), t.target});
    after.push_back({{"indicator", t.indicator}, {"level", t.level}, {"year", t.year}, {"target", t.target}});
  }
  db::touch(c, "indicators");
  auto e = who;
  e.action = "update";
  e.entity = "indicator_targets";
  e.after_json = after.dump();
  audit::append(c, e, now);
}

void set_targets(db::Database& db, const std::vector<Target>& ts, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { set_targets(c, ts, who, now); });
}

ManualValues manual_values(db::Connection& c, const std::string& unit, const Period& period) {
  ManualValues out;
  for (const auto& r : c.query("SELECT indicator, numerator, denominator FROM index766_manual"
                               " WHERE unit_code = ? AND period = ?",
                               {unit, period_key(period)})
                           .rows) {
    out[r.str("indicator")] = {r.i64("numerator"), r.i64("denominator")};
  }
  return out;
}

void set_manual_values(db::Connection& c, const std::string& unit, const Period& period, const ManualValues& values,
                       const audit::Entry& who, Instant now) {
  for (const auto& [code, v] : values) {
    if (!is_manual_indicator(code)) {
      throw invalid_input(fmt::format("'{}' is not an indicator entered by hand", code), "Chỉ số không hợp lệ.");
    }
    if (v.numerator < 0 || v.denominator < 0 || v.numerator > v.denominator) {
      throw invalid_input(fmt::format("{}: need 0 <= numerator <= denominator", code), "Tử số phải từ 0 đến mẫu số.");
    }
  }
  if (!directory::unit_exists(c, unit)) {
    throw not_found(fmt::format("unit '{}' does not exist", unit), "Không có đơn vị này.");
  }
  auto after = nlohmann::json::object();
  for (const auto& [code, v] : values) {
    c.query(
        "INSERT INTO index766_manual (unit_code, period, indicator, numerator, denominator) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (unit_code, period, indicator) DO UPDATE SET numerator = excluded.numerator,"
        " denominator = excluded.denominator",
        {unit, period_key(period), code, v.numerator, v.denominator});
    after[code] = {v.numerator, v.denominator};
  }
  db::touch(c, "indicators");
  auto e = who;
  e.action = "update";
  e.entity = "index766_manual";
  e.entity_id = unit + " " + period_key(period);
  e.after_json = after.dump();
  audit::append(c, e, now);
}

Index766 index766(db::Connection& c, const std::string& unit, const Period& period, Scope scope, Formula formula) {
  static db::Memo<Index766> memo({"indicators", "units"});
  return memo.get(c, fmt::format("{}|{}|{}|{}", unit, period.code(), name(scope), name(formula)),
                  [&] { return score766(query(c, unit, period, scope), manual_values(c, unit, period), formula); });
}

std::vector<MonthFigures> monthly(db::Connection& c, const std::string& unit, const Period& period, Scope scope,
                                  Instant now) {
  month_range(period);  // whole months only
  std::vector<MonthFigures> out;
  for (Date d = period.first; start_of_day(d) < period.end() && start_of_day(d) <= now;
       d = Date{d.year() / d.month() / std::chrono::day{1}} + std::chrono::months{1}) {
    auto m = Period::parse(fmt::format("{:04}-{:02}", int(d.year()), unsigned(d.month())));
    out.push_back({m.code(), query(c, unit, m, scope)});
  }
  return out;
}

std::optional<std::string> province_unit(db::Connection& c) {
  auto province = directory::province_unit(c);
  if (!province) return std::nullopt;
  return province->code;
}

UnitInfo unit_info(db::Connection& c, const std::string& code) {
  auto unit = directory::find_unit(c, code);
  if (!unit) throw not_found(fmt::format("unit '{}' does not exist", code), "Không có đơn vị này.");
  return info_of(*unit);
}

std::vector<UnitInfo> units_of_level(db::Connection& c, const std::string& level, const Period& period) {
  require_level(c, level);
  std::vector<UnitInfo> out;
  for (const auto& u : directory::units_valid_on(c, period.last)) {
    if (u.level == level) out.push_back(info_of(u));
  }
  return out;
}

namespace {

std::vector<RankingRow> compute_ranking(db::Connection& c, const RankingRequest& req) {
  const bool by_index = req.indicator == "index766";
  const RateIndicator* rate = by_index ? nullptr : &rate_indicator(req.indicator);
  auto units = units_of_level(c, req.level, req.period);
  std::vector<Candidate> candidates;
  for (const auto& u : units) {
    auto in = query(c, u.code, req.period, req.scope);
    if (by_index) {
      auto s = score766(in, manual_values(c, u.code, req.period), req.formula);
      candidates.push_back({u.code, s.total, long(in.finished + in.pending_at_end)});
    } else {
      const Rate& r = in.*(rate->rate);
      candidates.push_back({u.code, r.value(), long(r.denominator)});
    }
  }
  std::vector<RankingRow> out;
  for (auto& r : rank_units(std::move(candidates), req.minimum)) {
    auto u = std::find_if(units.begin(), units.end(), [&](const UnitInfo& i) { return i.code == r.unit_code; });
    out.push_back({*u, std::move(r)});
  }
  return out;
}

}  // namespace

std::vector<RankingRow> ranking(db::Connection& c, const RankingRequest& req) {
  static db::Memo<std::vector<RankingRow>> memo({"indicators", "units"}, 512);
  return memo.get(c,
                  fmt::format("{}|{}|{}|{}|{}|{}", req.level, req.period.code(), req.indicator, name(req.formula),
                              name(req.scope), req.minimum),
                  [&] { return compute_ranking(c, req); });
}

nlohmann::json to_json(const RankingRequest& req, const std::vector<RankingRow>& rows) {
  auto ranked = nlohmann::json::array();
  auto apart = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json row = {{"unit", r.unit.code},
                          {"name", r.unit.name},
                          {"value", r.ranked.value ? nlohmann::json(*r.ranked.value) : nlohmann::json(nullptr)},
                          {"sample", r.ranked.sample}};
    if (r.ranked.rank) {
      row["rank"] = *r.ranked.rank;
      ranked.push_back(row);
    } else {
      apart.push_back(row);
    }
  }
  nlohmann::json out = {{"level", req.level},       {"period", req.period.code()}, {"indicator", req.indicator},
                        {"scope", name(req.scope)}, {"minimum", req.minimum},      {"ranked", ranked},
                        {"not_enough_data", apart}};
  if (req.indicator == "index766") out["formula"] = name(req.formula);
  return out;
}

}  // namespace cchc::indicators
