#include "plans/periods.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "core/text.h"

namespace cchc::plans {

using namespace std::chrono;

namespace {

// The day `mmdd` ("03-31") of year `y`; 02-29 of a year without one is 02-28.
Date day_of_mmdd(int y, const std::string& mmdd) {
  Date d{year{y}, month{unsigned(std::stoi(mmdd.substr(0, 2)))}, day{unsigned(std::stoi(mmdd.substr(3, 2)))}};
  if (!d.ok()) d = Date{year{y} / month{unsigned(std::stoi(mmdd.substr(0, 2)))} / last};  // 02-29
  return d;
}

}  // namespace

std::vector<PeriodOfYear> periods_of_year(const std::vector<ReportPeriod>& config, int y,
                                          const WorkCalendar& calendar) {
  std::vector<PeriodOfYear> out;
  for (const auto& p : config) {
    if (p.only_year && *p.only_year != y) continue;
    PeriodOfYear o;
    o.key = fmt::format("{}-{}", y, p.code);
    o.adhoc = p.only_year.has_value();
    if (o.adhoc) {
      o.label = p.name;
    } else {
      o.label = text::fold(p.name) == "nam" ? fmt::format("{} {}", p.name, y) : fmt::format("{} năm {}", p.name, y);
    }
    o.first = day_of_mmdd(p.first_prev_year ? y - 1 : y, p.first_mmdd);
    o.last = day_of_mmdd(y, p.last_mmdd);
    auto own = p.due_in.find(y);
    o.due = own != p.due_in.end() ? own->second : day_of_mmdd(y, p.due_mmdd);
    for (int guard = 0; guard < 30 && calendar.covers(o.due) && !calendar.is_working_day(o.due); ++guard) {
      o.due = Date{sys_days{o.due} + days{1}};
    }
    o.ord = p.ord;
    out.push_back(o);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(sys_days{a.last}, a.ord) < std::pair(sys_days{b.last}, b.ord);
  });
  return out;
}

PeriodOfYear period_of_key(const std::vector<ReportPeriod>& config, std::string_view key,
                           const WorkCalendar& calendar) {
  static const std::regex form(R"(^(\d{4})-([a-z0-9_]+)$)");
  std::smatch m;
  std::string k(key);
  if (std::regex_match(k, m, form)) {
    for (const auto& p : periods_of_year(config, std::stoi(m[1]), calendar)) {
      if (p.key == k) return p;
    }
  }
  std::string codes;
  for (const auto& p : config) codes += (codes.empty() ? "" : ", ") + p.code;
  throw invalid_input(fmt::format("unknown reporting period '{}' (YYYY-code, codes: {})", key, codes),
                      fmt::format("Kỳ báo cáo \"{}\" không hợp lệ.", key));
}

std::string period_in_sentence(std::string_view label) {
  constexpr std::string_view prefix = "Năm ";
  if (label.starts_with(prefix)) return "năm " + std::string(label.substr(prefix.size()));
  return std::string(label);
}

int period_rank(const std::vector<ReportPeriod>& config, std::string_view key) {
  if (key.size() < 6 || key[4] != '-') return -1;
  for (const auto& p : config) {
    if (key.substr(5) == p.code) {
      int y = 0;
      for (char ch : key.substr(0, 4)) {
        if (ch < '0' || ch > '9') return -1;
        y = y * 10 + (ch - '0');
      }
      if (p.only_year && *p.only_year != y) return -1;
      // year, then the last day's month and day, then the order: yyyymmddoo
      // stays within an int up to the year 2147 (plans stop at 2100).
      int mmdd =
          p.last_mmdd.size() == 5 ? std::stoi(p.last_mmdd.substr(0, 2)) * 100 + std::stoi(p.last_mmdd.substr(3)) : 0;
      return (y * 10000 + mmdd) * 100 + std::clamp(p.ord, 0, 99);
    }
  }
  return -1;
}

PeriodOfYear current_period(const std::vector<ReportPeriod>& config, Date d, const WorkCalendar& calendar) {
  int y = int(d.year());
  for (int yy : {y, y + 1}) {
    for (const auto& p : periods_of_year(config, yy, calendar)) {
      if (!p.adhoc && sys_days{p.due} >= sys_days{d}) return p;
    }
  }
  throw invalid_input("no reporting periods are configured", "Chưa cấu hình kỳ báo cáo.");
}

std::vector<PeriodOfYear> periods_in_play(const std::vector<ReportPeriod>& config, Date d,
                                          const WorkCalendar& calendar) {
  std::vector<PeriodOfYear> all;
  int y = int(d.year());
  for (int yy : {y - 1, y, y + 1}) {
    auto more = periods_of_year(config, yy, calendar);
    all.insert(all.end(), more.begin(), more.end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return sys_days{a.due} < sys_days{b.due}; });
  std::vector<PeriodOfYear> out;
  const PeriodOfYear* past = nullptr;
  const PeriodOfYear* current = nullptr;
  for (const auto& p : all) {
    if (p.adhoc) continue;
    if (sys_days{p.due} < sys_days{d})
      past = &p;
    else if (!current)
      current = &p;
  }
  for (const auto& p : all) {
    bool in = &p == past || &p == current;
    if (p.adhoc) {
      in = sys_days{p.first} <= sys_days{d} && sys_days{d} <= sys_days{p.due} + days{kAdhocOwedDays};
    }
    if (in) out.push_back(p);
  }
  return out;
}

std::vector<LineError> check_adhoc_period(const std::string& name, Date first, Date last, Date due) {
  std::vector<LineError> errors;
  auto n = text::code_points(text::trim(name));
  if (n == 0 || n > 200) {
    errors.push_back({0, "the name must be 1-200 characters", "Tên kỳ báo cáo phải có từ 1 đến 200 ký tự."});
  }
  auto in_range = [](Date x) { return int(x.year()) >= 2000 && int(x.year()) <= 2100; };
  if (!in_range(first) || !in_range(last) || !in_range(due)) {
    errors.push_back({0, "the days must be in the years 2000-2100", "Các ngày phải trong các năm 2000 đến 2100."});
  } else if (first.year() != last.year() || last.year() != due.year()) {
    errors.push_back({0, "the period and its due day must be in one year",
                      "Kỳ báo cáo và hạn gửi báo cáo phải trong cùng một năm."});
  }
  if (sys_days{last} < sys_days{first}) {
    errors.push_back({0, "the period ends before it begins", "Ngày kết thúc kỳ trước ngày bắt đầu."});
  }
  if (sys_days{due} < sys_days{last} || sys_days{due} > sys_days{last} + days{90}) {
    errors.push_back({0, "the due day must be from the period's last day to 90 days after",
                      fmt::format("Hạn gửi báo cáo phải từ {} đến 90 ngày sau đó.", format_date_vi(last))});
  }
  return errors;
}

}  // namespace cchc::plans
