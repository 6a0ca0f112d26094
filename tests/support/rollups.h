#pragma once
// Every rollup row (indicators/rollup.h), as text "table|key…|counter…",
// in key order: what the import, the rebuild and the SQL reference are
// compared by.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "db/database.h"
#include "indicators/rollup.h"

namespace cchc::testing {

inline std::vector<std::string> rollup_rows(db::Database& db) {
  using indicators::kTables;
  std::vector<std::string> out;
  db.read([&](db::Connection& c) {
    for (auto t : kTables) {
      const auto& s = indicators::spec(t);
      std::string cols, order;
      for (const auto& k : s.keys) order += (order.empty() ? "" : ", ") + k;
      cols = order;
      for (const auto& n : s.counters) cols += ", " + n;
      for (const auto& r : c.query("SELECT " + cols + " FROM " + s.name + " ORDER BY " + order).rows) {
        std::string line = s.name;
        for (std::size_t i = 0; i < r.size(); ++i) {
          const auto& v = r[i];
          line += "|" + (std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                                                : std::to_string(std::get<std::int64_t>(v)));
        }
        out.push_back(line);
      }
    }
  });
  return out;
}

}  // namespace cchc::testing
