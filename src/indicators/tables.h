#pragma once
// The indicator tables pages show and exports write (views/table.h), built
// from figures already computed: pure functions, no database.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indicators/dashboard.h"
#include "views/table.h"

namespace cchc::indicators {

// "Hồ sơ tiếp nhận", "Tỷ lệ hồ sơ đúng hạn" … for the rate codes.
const char* channel_label_vi(std::string_view channel);

// One unit's indicators: indicator, value, numerator, denominator, target,
// assessment (colour plus text).
views::Table indicators_table(const Indicators& in, const std::string& level, int year,
                              const std::vector<Target>& targets);

// Every unit of a level against its targets; `sort` is a rate code (highest
// first, no data last) or empty (by name); `sort_href(code)` makes the
// column headers' links.
struct UnitFigures {
  UnitInfo unit;
  Indicators values;
};
views::Table overview_table(const std::vector<UnitFigures>& units, int year, const std::vector<Target>& targets,
                            const std::string& sort, const std::function<std::string(const std::string&)>& sort_href);
// The rates the overview shows, in column order.
const std::vector<std::string>& overview_rates();

views::Table trend_table(const std::vector<MonthFigures>& months);
// ECharts spec for static/js/charts.js: rates by month.
nlohmann::json trend_chart(const std::vector<MonthFigures>& months);

// The drill-down by channel (named in Vietnamese) or by procedure code.
views::Table breakdown_table(const std::vector<BreakdownRow>& rows, By by);
views::Table overdue_table(const std::vector<Dossier>& rows, Instant now);

views::Table index766_groups_table(const Index766& s);
views::Table index766_indicators_table(const Index766& s);

views::Table ranking_table(const std::vector<RankingRow>& rows, bool ranked, bool percent);

}  // namespace cchc::indicators
