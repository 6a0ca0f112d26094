#include "views/periods.h"

#include <fmt/format.h>

namespace cchc::views {

using nlohmann::json;

json period_choices(const Period& selected, Date today, int years) {
  json groups = json::array();
  bool found = false;
  int y = int(today.year());
  for (int year = y; year > y - years; --year) {
    std::vector<std::string> codes = {std::to_string(year), fmt::format("{}-H1", year), fmt::format("{}-9M", year),
                                      fmt::format("{}-H2", year)};
    for (int q = 1; q <= 4; ++q) codes.push_back(fmt::format("{}-Q{}", year, q));
    for (int m = 1; m <= 12; ++m) codes.push_back(fmt::format("{}-{:02}", year, m));
    json options = json::array();
    for (const auto& code : codes) {
      auto p = Period::parse(code);
      if (std::chrono::sys_days{p.first} > std::chrono::sys_days{today}) continue;
      bool is = p == selected;
      found = found || is;
      options.push_back({{"value", code}, {"label", p.label_vi()}, {"selected", is}});
    }
    if (!options.empty()) groups.push_back({{"group", fmt::format("Năm {}", year)}, {"options", options}});
  }
  if (!found) {
    groups.insert(
        groups.begin(),
        json{{"group", "Kỳ đang xem"},
             {"options",
              json::array({{{"value", selected.code()}, {"label", selected.label_vi()}, {"selected", true}}})}});
  }
  return groups;
}

}  // namespace cchc::views
