// The reporting periods: as configured, a year's own due days, ad-hoc
// periods (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "plans/periods.h"
#include "plans/rows.h"

namespace cchc::plans {

using namespace std::chrono;

std::vector<ReportPeriod> load_report_periods(db::Connection& c) {
  static const db::Columns<ReportPeriod> row{
      {"code", &ReportPeriod::code},
      {"name", &ReportPeriod::name},
      {"ord", &ReportPeriod::ord},
      {"first_mmdd", &ReportPeriod::first_mmdd},
      {"first_prev_year", &ReportPeriod::first_prev_year},
      {"last_mmdd", &ReportPeriod::last_mmdd},
      {"due_mmdd", &ReportPeriod::due_mmdd},
      {"year", &ReportPeriod::only_year},
  };
  auto out = row.read_all(
      c.query(fmt::format("SELECT {} FROM report_periods WHERE removed_at IS NULL ORDER BY ord, code", row.list())));
  for (const auto& r : c.query("SELECT year, code, due_on FROM report_period_days").rows) {
    for (auto& p : out) {
      if (p.code == r.str("code")) p.due_in[int(r.i64("year"))] = r.date("due_on");
    }
  }
  return out;
}

void set_period_days(db::Connection& c, int year, const std::map<std::string, std::optional<Date>>& due,
                     const audit::Entry& who, Instant now) {
  auto config = load_report_periods(c);
  std::vector<LineError> errors;
  for (const auto& [code, day] : due) {
    auto p = std::ranges::find(config, code, &ReportPeriod::code);
    if (p == config.end()) {
      errors.push_back({0, "unknown period " + code, "Kỳ báo cáo không hợp lệ."});
      continue;
    }
    if (!day) continue;
    if (p->only_year && *p->only_year != year) {
      errors.push_back({0, fmt::format("{}: a period of {} only", code, *p->only_year), "Kỳ báo cáo không hợp lệ."});
      continue;
    }
    auto plain = *p;
    plain.due_in.clear();
    auto period = periods_of_year({plain}, year, WorkCalendar::vietnam()).front();
    if (sys_days{*day} < sys_days{period.last} || sys_days{*day} > sys_days{period.last} + days{90}) {
      errors.push_back({0, fmt::format("{}: the due day must be from the period's last day to 90 days after", code),
                        fmt::format("{}: hạn gửi báo cáo phải từ {} đến 90 ngày sau đó.", period.label,
                                    format_date_vi(period.last))});
    }
  }
  if (!errors.empty()) throw rejected(errors);
  nlohmann::json after = nlohmann::json::object();
  for (const auto& [code, day] : due) {
    c.query("DELETE FROM report_period_days WHERE year = ? AND code = ?", {year, code});
    if (!day) continue;
    c.query("INSERT INTO report_period_days (year, code, due_on, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
            {year, code, format_iso_date(*day), who.actor, std::int64_t(now.time_since_epoch().count())});
    after[code] = format_iso_date(*day);
  }
  audit::record(c, who, "update", "report_period_days", std::to_string(year), std::nullopt, after.dump(), now);
  touch(c, Changed::other);
}

void set_period_days(db::Database& db, int year, const std::map<std::string, std::optional<Date>>& due,
                     const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { set_period_days(c, year, due, who, now); });
}

std::string add_adhoc_period(db::Connection& c, const std::string& name, Date first, Date last, Date due,
                             const audit::Entry& who, Instant now) {
  if (auto errors = check_adhoc_period(name, first, last, due); !errors.empty()) throw rejected(errors);
  int n = 0;
  for (const auto& r : c.query("SELECT code FROM report_periods WHERE year IS NOT NULL").rows) {
    auto code = r.str("code");
    if (code.size() > 2 && code.starts_with("dx")) n = std::max(n, std::stoi(code.substr(2)));
  }
  auto code = "dx" + std::to_string(n + 1);
  auto mmdd = [](Date d) { return format_iso_date(d).substr(5); };
  c.query(
      "INSERT INTO report_periods (code, name, ord, first_mmdd, first_prev_year, last_mmdd, due_mmdd, year) "
      "VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
      {code, std::string(text::trim(name)), std::int64_t(kAdhocOrder), mmdd(first), mmdd(last), mmdd(due),
       std::int64_t(int(first.year()))});
  nlohmann::json after = {{"name", text::trim(name)},
                          {"first", format_iso_date(first)},
                          {"last", format_iso_date(last)},
                          {"due", format_iso_date(due)}};
  audit::record(c, who, "create", "report_periods", code, std::nullopt, after.dump(), now);
  touch(c, Changed::other);
  return code;
}

std::string add_adhoc_period(db::Database& db, const std::string& name, Date first, Date last, Date due,
                             const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_adhoc_period(c, name, first, last, due, who, now); });
}

void remove_adhoc_period(db::Connection& c, const std::string& code, const audit::Entry& who, Instant now) {
  auto row = c.query("SELECT year FROM report_periods WHERE code = ? AND removed_at IS NULL", {code});
  if (row.empty()) throw not_found("no reporting period " + code, "Không có kỳ báo cáo này.");
  if (row.rows[0].is_null("year")) {
    throw invalid_input("a regular period cannot be removed", "Không thể xóa kỳ báo cáo định kỳ.");
  }
  auto key = std::to_string(row.rows[0].i64("year")) + "-" + code;
  if (!c.query("SELECT 1 FROM task_reports WHERE period = ? LIMIT 1", {key}).empty()) {
    throw invalid_input("reports were made for this period", "Đã có báo cáo của kỳ này, không thể xóa.");
  }
  c.query("DELETE FROM report_period_days WHERE code = ?", {code});
  c.query("UPDATE report_periods SET removed_at = ? WHERE code = ?",
          {std::int64_t(now.time_since_epoch().count()), code});
  audit::record(c, who, "delete", "report_periods", code, std::nullopt, std::nullopt, now);
  touch(c, Changed::other);
}

void remove_adhoc_period(db::Database& db, const std::string& code, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { remove_adhoc_period(c, code, who, now); });
}

}  // namespace cchc::plans
