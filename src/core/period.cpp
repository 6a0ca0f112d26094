#include "core/period.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "core/errors.h"

namespace cchc {

using namespace std::chrono;

namespace {

Error bad_period(std::string_view code) {
  return invalid_input(fmt::format("invalid period '{}': expected YYYY, YYYY-Q1..Q4, YYYY-H1, YYYY-H2, YYYY-9M, "
                                   "YYYY-MM or YYYY-MM-DD..YYYY-MM-DD",
                                   code),
                       "Kỳ báo cáo không hợp lệ (ví dụ hợp lệ: 2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03).");
}

std::optional<int> parse_year(std::string_view s) {
  int y = 0;
  if (s.size() != 4) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + 4, y);
  if (ec != std::errc{} || p != s.data() + 4 || y < 1900 || y > 9999) return std::nullopt;
  return y;
}

Date last_day_of(int y, unsigned m) { return Date{year{y} / month{m} / last}; }

Period months(Period::Kind kind, int y, unsigned from, unsigned to) {
  return Period{kind, Date{year{y}, month{from}, day{1}}, last_day_of(y, to)};
}

const char* roman(int q) {
  static const char* names[] = {"I", "II", "III", "IV"};
  return names[q - 1];
}

}  // namespace

Period Period::of_year(int y) { return months(Kind::year, y, 1, 12); }

Period Period::of_quarter(int y, int q) {
  if (q < 1 || q > 4) throw invalid_input(fmt::format("quarter {} out of 1..4", q));
  return months(Kind::quarter, y, unsigned(q * 3 - 2), unsigned(q * 3));
}

Period Period::parse(std::string_view code) {
  if (auto sep = code.find(".."); sep != std::string_view::npos) {
    Date a, b;
    try {
      a = parse_iso_date(code.substr(0, sep));
      b = parse_iso_date(code.substr(sep + 2));
    } catch (const Error&) {
      throw bad_period(code);
    }
    if (sys_days{b} < sys_days{a}) {
      throw invalid_input(fmt::format("invalid period '{}': ends before it begins", code),
                          "Kỳ báo cáo không hợp lệ: ngày kết thúc trước ngày bắt đầu.");
    }
    return Period{Kind::range, a, b};
  }
  auto y = parse_year(code.substr(0, 4));
  if (!y) throw bad_period(code);
  if (code.size() == 4) return of_year(*y);
  if (code[4] != '-') throw bad_period(code);
  std::string_view rest = code.substr(5);
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    return of_quarter(*y, rest[1] - '0');
  }
  if (rest == "H1") return months(Kind::half, *y, 1, 6);
  if (rest == "H2") return months(Kind::half, *y, 7, 12);
  if (rest == "9M") return months(Kind::nine_months, *y, 1, 9);
  if (rest.size() == 2 && rest[0] >= '0' && rest[0] <= '1' && rest[1] >= '0' && rest[1] <= '9') {
    unsigned m = unsigned((rest[0] - '0') * 10 + (rest[1] - '0'));
    if (m >= 1 && m <= 12) return months(Kind::month, *y, m, m);
  }
  throw bad_period(code);
}

std::string Period::code() const {
  int y = int(first.year());
  unsigned m = unsigned(first.month());
  switch (kind) {
    case Kind::year: return fmt::format("{:04}", y);
    case Kind::quarter: return fmt::format("{:04}-Q{}", y, (m + 2) / 3);
    case Kind::half: return fmt::format("{:04}-H{}", y, m == 1 ? 1 : 2);
    case Kind::nine_months: return fmt::format("{:04}-9M", y);
    case Kind::month: return fmt::format("{:04}-{:02}", y, m);
    case Kind::range: return format_iso_date(first) + ".." + format_iso_date(last);
  }
  return {};
}

std::string Period::label_vi() const {
  int y = int(first.year());
  unsigned m = unsigned(first.month());
  switch (kind) {
    case Kind::year: return fmt::format("Năm {}", y);
    case Kind::quarter: return fmt::format("Quý {}/{}", roman(int((m + 2) / 3)), y);
    case Kind::half: return m == 1 ? fmt::format("6 tháng đầu năm {}", y) : fmt::format("6 tháng cuối năm {}", y);
    case Kind::nine_months: return fmt::format("9 tháng năm {}", y);
    case Kind::month: return fmt::format("Tháng {}/{}", m, y);
    case Kind::range: return fmt::format("Từ {} đến {}", format_date_vi(first), format_date_vi(last));
  }
  return {};
}

Instant Period::end() const { return start_of_day(Date{sys_days{last} + days{1}}); }

bool Period::contains(Date d) const { return sys_days{d} >= sys_days{first} && sys_days{d} <= sys_days{last}; }

}  // namespace cchc
