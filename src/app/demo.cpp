#include "app/demo.h"

#include <fmt/format.h>

#include "core/dates.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "indicators/dashboard.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/synthetic.h"

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

std::vector<indicators::SyntheticUnit> synthetic_units(db::Database& db) {
  std::vector<indicators::SyntheticUnit> units;
  db.read([&](db::Connection& c) {
    for (const auto& r : c.query("SELECT code, level, valid_from, valid_to FROM units WHERE level <> 'province'"
                                 " ORDER BY code")
                             .rows) {
      indicators::SyntheticUnit u{r.str("code"), r.str("level"), parse_iso_date(r.str("valid_from")), std::nullopt};
      if (auto to = r.opt_str("valid_to")) u.valid_to = parse_iso_date(*to);
      units.push_back(std::move(u));
    }
  });
  return units;
}

DemoRecords load_demo_records(db::Database& db, Instant now, bool records) {
  using namespace indicators;
  const audit::Entry who{"system", "demo", "", "", "", {}, {}};
  auto units = synthetic_units(db);
  Date today = local_date(now);
  SyntheticOptions o;
  o.first_month = Date{today.year() - std::chrono::years{2}, std::chrono::January, std::chrono::day{1}};
  o.months = 24 + int(unsigned(today.month()));
  o.horizon = now;
  std::vector<Dossier> dossiers;
  std::vector<Feedback> feedback;
  if (records) {
    generate_dossiers(units, o, [&](const Dossier& d) { dossiers.push_back(d); });
    generate_feedback(units, o, [&](const Feedback& f) { feedback.push_back(f); });
    for (auto [kind, text] : {std::pair{Kind::dossiers, to_csv(dossiers)}, std::pair{Kind::feedback, to_csv(feedback)}}) {
      auto outcome = import_batch(db, ImportRequest{kind, text, Format::csv, std::nullopt, false, 0, {}}, who, now);
      if (!outcome.ok()) throw Error(ErrorKind::internal, "demo records rejected: " + outcome.errors.front().message);
    }
  }

  // The province's targets (docs/domain.md): 2022 and 2023 as the plans set
  // them; later years keep 2023's until the province sets new ones.
  std::vector<Target> targets;
  auto add = [&](const char* indicator, int year, double department, double district, double commune) {
    targets.push_back({indicator, "department", year, department});
    targets.push_back({indicator, "district", year, district});
    targets.push_back({indicator, "commune", year, commune});
    targets.push_back({indicator, "province", year, department});
  };
  for (int year = 2022; year <= int(today.year()); ++year) {
    if (year == 2022) add("online_rate", year, 0.60, 0.20, 0.05);
    else add("online_rate", year, 0.70, 0.30, 0.20);
    add("on_time_rate", year, 0.96, 0.96, 0.96);
    add("feedback_on_time_rate", year, 0.96, 0.96, 0.96);
    add("feedback_satisfaction_rate", year, 0.92, 0.92, 0.92);
    add("satisfaction_rate", year, 0.92, 0.92, 0.92);
    add("digitized_rate", year, 0.50, 0.20, 0.15);
  }
  set_targets(db, targets, who, now);
  return {dossiers.size(), feedback.size()};
}

}  // namespace cchc::app
