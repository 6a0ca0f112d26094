#include "app/demo.h"

#include <fmt/format.h>

#include "core/dates.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "directory/accounts.h"
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

  // One demo user per role. Demo passwords are fixed and printed: demo data only.
  struct Demo {
    const char* username;
    const char* name;
    const char* unit;
    const char* role;
  };
  const Demo demo_users[] = {
      {"demo.admin", "Quản trị Sở Nội vụ", "SNV", "admin"},
      {"demo.canbo", "Cán bộ phường Trảng Dài", "P-TRANGDAI", "unit_officer"},
      {"demo.lanhdao", "Lãnh đạo phường Trảng Dài", "P-TRANGDAI", "unit_leader"},
      {"demo.congtacvien", "Cộng tác viên Sở Khoa học và Công nghệ", "SKHCN", "editor"},
      {"demo.banbientap", "Ban Biên tập", "VP-UBND", "editorial_board"},
      {"demo.thamdinh", "Thành viên tổ thẩm định", "SNV", "appraiser"},
      {"demo.theodoi", "Lãnh đạo theo dõi", "VP-UBND", "viewer"},
  };
  std::vector<DemoLogin> logins;
  for (const auto& d : demo_users) {
    std::string password = std::string("demo-") + d.role + "-dongnai";
    if (!directory::find_user(db, d.username)) {
      directory::add_user(db, {d.username, d.name, d.unit, {d.role}, password},
                          audit::Entry{"system", "demo", "", "", "", {}, {}}, now);
    }
    logins.push_back({d.username, password, d.role});
  }
  return logins;
}

}  // namespace cchc::app
