#include "app/demo.h"

#include <fmt/format.h>

#include "core/dates.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "directory/store.h"

namespace cchc::app {

namespace {

std::string_view embedded_file(std::string_view name) {
  for (const auto& f : embedded::files()) {
    if (f.name == name) return f.contents;
  }
  throw Error(ErrorKind::internal, fmt::format("{} missing from the binary", name));
}

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db) {
  auto now = now_seconds();
  db.write([&](db::Connection& c) {
    c.query(
        "INSERT INTO settings (key, value, updated_at) VALUES ('province_name', ?, ?) "
        "ON CONFLICT (key) DO NOTHING",
        {"Tỉnh Đồng Nai", std::int64_t{now.time_since_epoch().count()}});
  });
  auto units = directory::import_units(db, embedded_file("data/demo/units.csv"),
                                       audit::Entry{"system", "demo", "", "", "", {}, {}}, now);
  if (!units.ok()) throw Error(ErrorKind::internal, "demo units rejected: " + units.errors.front().message);
  return {};
}

}  // namespace cchc::app
