#include "core/deadline.h"

#include <fmt/format.h>

#include <regex>

#include "core/errors.h"
#include "core/period.h"
#include "core/text.h"

namespace cchc {

using namespace std::chrono;

namespace {

Error unreadable(std::string_view text) {
  return invalid_input(fmt::format("cannot read the deadline '{}'", text),
                       fmt::format("Không đọc được thời hạn \"{}\".", text));
}

// Folded text with the scan confusions mended.
std::string normalise(std::string_view text) {
  static const std::regex ndm(R"(\bndm\b)");
  static const std::regex o_before(R"((\d)o(?=[\d/.\-]))"), o_after(R"(([\d/.\-])o(?=\d))");
  static const std::regex l_before(R"((\d)[l|](?=[\d/.\-]))"), l_after(R"(([\d/.\-])[l|](?=\d))");
  static const std::regex separator(R"(\s*([/.\-])\s*)");
  std::string s = text::fold(text);
  s = std::regex_replace(s, ndm, "nam");
  // Inside numbers: O → 0, l and | → 1 (next to a digit or a date separator).
  // "$010" is group 1 followed by a literal 0 ("$10" would mean group 10).
  s = std::regex_replace(s, o_before, "$010");
  s = std::regex_replace(s, o_after, "$010");
  s = std::regex_replace(s, l_before, "$011");
  s = std::regex_replace(s, l_after, "$011");
  return std::regex_replace(s, separator, "$1");
}

int to_int(const std::string& s) { return std::stoi(s); }

void check_year(int y, std::string_view text) {
  if (y < 1990 || y > 2100) throw unreadable(text);
}

Date day_of(int y, int m, int d, std::string_view text) {
  check_year(y, text);
  Date date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (m < 1 || m > 12 || !date.ok()) throw unreadable(text);
  return date;
}

// A quarter written in roman numerals (possibly read as digits by a scan) or
// in Arabic digits.
int quarter_number(std::string token) {
  for (auto& c : token) {
    if (c == '1' || c == 'l' || c == '|') c = 'i';
  }
  if (token == "i") return 1;
  if (token == "ii" || token == "2") return 2;
  if (token == "iii" || token == "3") return 3;
  if (token == "iv" || token == "4") return 4;
  return 0;
}

std::optional<Date> find_date(const std::string& s, std::string_view text) {
  std::smatch m;
  static const std::regex numeric(R"((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d))");
  static const std::regex words(R"(ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})(?!\d))");
  if (std::regex_search(s, m, numeric)) return day_of(to_int(m[3]), to_int(m[2]), to_int(m[1]), text);
  if (std::regex_search(s, m, words)) return day_of(to_int(m[3]), to_int(m[2]), to_int(m[1]), text);
  return std::nullopt;
}

Deadline of_period(Deadline::Kind kind, const Period& p, int index) {
  return Deadline{kind, p.last, int(p.first.year()), index};
}

}  // namespace

Deadline parse_deadline(std::string_view text) {
  if (text.size() > 300) throw unreadable(text.substr(0, 40));
  std::string s = normalise(text);
  std::smatch m;
  if (s.find("thuong xuyen") != std::string::npos || s == "lien tuc" || s == "hang nam") {
    return Deadline{Deadline::Kind::continuous, std::nullopt, 0, 0};
  }
  if (s.find("theo tien do") != std::string::npos) {
    return Deadline{Deadline::Kind::schedule, find_date(s, text), 0, 0};
  }
  if (auto d = find_date(s, text)) return Deadline{Deadline::Kind::date, d, 0, 0};

  static const std::regex half(R"((?:6|sau) thang (dau|cuoi) nam (\d{4})(?!\d))");
  static const std::regex half_alt(R"(nua (dau|cuoi) nam (\d{4})(?!\d))");
  if (std::regex_search(s, m, half) || std::regex_search(s, m, half_alt)) {
    int y = to_int(m[2]);
    check_year(y, text);
    int h = m[1] == "dau" ? 1 : 2;
    return of_period(Deadline::Kind::half, Period::parse(fmt::format("{}-H{}", y, h)), h);
  }
  static const std::regex quarter(R"(\bquy ([ivl|1-4]{1,3})(?:/| nam )(\d{4})(?!\d))");
  if (std::regex_search(s, m, quarter)) {
    int q = quarter_number(m[1]);
    int y = to_int(m[2]);
    if (!q) throw unreadable(text);
    check_year(y, text);
    return of_period(Deadline::Kind::quarter, Period::of_quarter(y, q), q);
  }
  static const std::regex month_re(R"(\bthang (\d{1,2})(?:/| nam )(\d{4})(?!\d))");
  if (std::regex_search(s, m, month_re)) {
    int mo = to_int(m[1]), y = to_int(m[2]);
    check_year(y, text);
    if (mo < 1 || mo > 12) throw unreadable(text);
    return of_period(Deadline::Kind::month, Period::parse(fmt::format("{}-{:02}", y, mo)), mo);
  }
  static const std::regex year_re(R"(^(?:(?:trong|ca|hoan thanh trong|truoc het) )?(?:nam )?(\d{4})$)");
  static const std::regex year_words(R"(\b(?:trong|ca) nam (\d{4})(?!\d))");
  if (std::regex_search(s, m, year_re) || std::regex_search(s, m, year_words)) {
    int y = to_int(m[1]);
    check_year(y, text);
    return of_period(Deadline::Kind::year, Period::of_year(y), 0);
  }
  throw unreadable(text);
}

std::string format_deadline(const Deadline& d) {
  switch (d.kind) {
    case Deadline::Kind::date: return "Trước ngày " + format_date_vi(*d.due);
    case Deadline::Kind::month: return fmt::format("Tháng {}/{}", d.index, d.year);
    case Deadline::Kind::quarter: return Period::of_quarter(d.year, d.index).label_vi();
    case Deadline::Kind::half:
      return d.index == 1 ? fmt::format("6 tháng đầu năm {}", d.year) : fmt::format("6 tháng cuối năm {}", d.year);
    case Deadline::Kind::year: return fmt::format("Trong năm {}", d.year);
    case Deadline::Kind::continuous: return "Thường xuyên";
    case Deadline::Kind::schedule:
      return d.due ? "Theo tiến độ phê duyệt, trước ngày " + format_date_vi(*d.due) : "Theo tiến độ phê duyệt";
  }
  return {};
}

Deadline deadline_from(std::string_view kind, std::optional<Date> due) {
  auto bad = [&] { return invalid_input(fmt::format("bad stored deadline '{}'", kind)); };
  auto need_due = [&] {
    if (!due) throw bad();
    return *due;
  };
  if (kind == "continuous") return Deadline{Deadline::Kind::continuous, std::nullopt, 0, 0};
  if (kind == "schedule") return Deadline{Deadline::Kind::schedule, due, 0, 0};
  if (kind == "date") return Deadline{Deadline::Kind::date, need_due(), 0, 0};
  Date d = need_due();
  int y = int(d.year());
  int m = int(unsigned(d.month()));
  if (kind == "month") return Deadline{Deadline::Kind::month, d, y, m};
  if (kind == "quarter") return Deadline{Deadline::Kind::quarter, d, y, (m - 1) / 3 + 1};
  if (kind == "half") return Deadline{Deadline::Kind::half, d, y, m <= 6 ? 1 : 2};
  if (kind == "year") return Deadline{Deadline::Kind::year, d, y, 0};
  throw bad();
}

std::string kind_code(Deadline::Kind k) {
  switch (k) {
    case Deadline::Kind::date: return "date";
    case Deadline::Kind::month: return "month";
    case Deadline::Kind::quarter: return "quarter";
    case Deadline::Kind::half: return "half";
    case Deadline::Kind::year: return "year";
    case Deadline::Kind::continuous: return "continuous";
    case Deadline::Kind::schedule: return "schedule";
  }
  return {};
}

}  // namespace cchc
