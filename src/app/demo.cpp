#include "app/demo.h"

#include "core/dates.h"

namespace cchc::app {

std::vector<DemoLogin> load_demo(db::Database& db) {
  auto now = now_seconds().time_since_epoch().count();
  db.write([&](db::Connection& c) {
    c.query(
        "INSERT INTO settings (key, value, updated_at) VALUES ('province_name', ?, ?) "
        "ON CONFLICT (key) DO NOTHING",
        {"Tỉnh Đồng Nai", std::int64_t{now}});
  });
  return {};
}

}  // namespace cchc::app
