#include "core/deadline.h"

#include <fmt/format.h>

#include <algorithm>
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
  std::string dashed(text);
  for (std::string_view dash : {"\u2013", "\u2014"}) {  // en and em dash
    for (auto at = dashed.find(dash); at != std::string::npos; at = dashed.find(dash))
      dashed.replace(at, dash.size(), "-");
  }
  std::string s = text::fold(dashed);
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
  // The same separator twice: "1-2/2022" is two months, not a day.
  static const std::regex numeric(R"((\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d))");
  static const std::regex words(R"(ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})(?!\d))");
  if (std::regex_search(s, m, numeric)) return day_of(to_int(m[4]), to_int(m[3]), to_int(m[1]), text);
  if (std::regex_search(s, m, words)) return day_of(to_int(m[3]), to_int(m[2]), to_int(m[1]), text);
  return std::nullopt;
}

Deadline of_period(Deadline::Kind kind, const Period& p, int index) {
  return Deadline{kind, p.last, int(p.first.year()), index};
}

bool has(const std::string& s, std::string_view word) { return s.find(word) != std::string::npos; }

bool continuous_words(const std::string& s) {
  for (std::string_view w : {"thuong xuyen", "hang nam", "hang quy", "hang thang", "hang tuan", "dinh ky"}) {
    if (has(s, w)) return true;
  }
  return s == "lien tuc";
}

bool instruction_words(const std::string& s) {
  for (std::string_view w : {"theo huong dan", "theo yeu cau", "khi co yeu cau", "theo chi dao", "dot xuat",
                             "khi co huong dan", "khi co chi dao", "theo quy dinh", "khi co van ban"}) {
    if (has(s, w)) return true;
  }
  return false;
}

bool schedule_words(const std::string& s) {
  for (std::string_view w : {"theo lo trinh", "theo ke hoach", "theo chuong trinh", "theo tien trinh"}) {
    if (has(s, w)) return true;
  }
  return false;
}

// The day after "trước" ("Theo Kế hoạch số 12/KH-UBND ngày 15/3/2023, trước
// ngày 30/6/2024": the plan's own date is not the deadline).
std::optional<Date> date_after_truoc(const std::string& s, std::string_view text) {
  auto at = s.find("truoc");
  if (at == std::string::npos) return std::nullopt;
  return find_date(s.substr(at), text);
}

// Text that names a day or a period: a part of a composite that names one
// must read, or the whole is refused.
bool names_period(const std::string& s) {
  static const std::regex re(
      R"(\d{1,2}([/.\-])\d{1,2}\1\d{4}|\bquy \S+(?:/| nam )\d{4}|\bthang \d{1,2}(?:/| nam )\d{4})");
  return std::regex_search(s, re);
}

// The numbers of a list as written after "Quý"/"Tháng": "i, ii", "1 va 3",
// "i-iii" (a range), "ii va quy iii". `number` reads one token (0: unreadable).
template <typename Number>
std::vector<int> list_numbers(const std::string& first, const std::string& rest, Number number, int most,
                              std::string_view text) {
  static const std::regex token(R"((,|va|den|&|-)|([ivl|0-9]+))");
  std::vector<int> out{number(first)};
  bool range = false;
  for (std::sregex_iterator it(rest.begin(), rest.end(), token), e; it != e; ++it) {
    const auto& m = *it;
    if (m[1].matched) {
      range = m[1] == "-" || m[1] == "den";
      continue;
    }
    int n = number(m[2]);
    if (n < 1 || n > most) throw unreadable(text);
    if (range) {
      for (int k = out.back() + 1; k < n; ++k) out.push_back(k);
    }
    out.push_back(n);
    range = false;
  }
  if (out.front() < 1 || out.front() > most) throw unreadable(text);
  return out;
}

// Several periods: due on the last, the others milestones.
Deadline of_periods(Deadline::Kind kind, std::vector<std::pair<Period, int>> ps, std::string_view text) {
  std::sort(ps.begin(), ps.end(), [](const auto& a, const auto& b) { return a.first.last < b.first.last; });
  ps.erase(std::unique(ps.begin(), ps.end(), [](const auto& a, const auto& b) { return a.first.last == b.first.last; }),
           ps.end());
  Deadline d = of_period(kind, ps.back().first, ps.back().second);
  for (std::size_t i = 0; i + 1 < ps.size(); ++i) {
    auto one = of_period(kind, ps[i].first, ps[i].second);
    d.milestones.push_back({*one.due, format_deadline(one)});
  }
  if (ps.size() > 1) d.wording = std::string(text);
  return d;
}

// One part of a deadline (a composite's parts are read one by one).
Deadline parse_part(std::string_view text) {
  std::string s = normalise(text);
  std::smatch m;
  if (continuous_words(s)) {
    // "Hằng tháng", "Định kỳ hằng quý" are continuous (reported every
    // period) but say more than "Thường xuyên": their words are kept.
    Deadline d{Deadline::Kind::continuous, std::nullopt, 0, 0};
    if (s != "thuong xuyen") d.wording = text::nfc(text::trim(text));
    return d;
  }
  if (has(s, "theo tien do")) return Deadline{Deadline::Kind::schedule, find_date(s, text), 0, 0};
  if (instruction_words(s)) {
    return Deadline{Deadline::Kind::instruction, date_after_truoc(s, text), 0, 0, {}, std::string(text)};
  }
  if (schedule_words(s)) {
    return Deadline{Deadline::Kind::schedule, date_after_truoc(s, text), 0, 0, {}, std::string(text)};
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
  // "Quý IV/2022", "Quý I và Quý III/2024", "Quý I, II năm 2024", "Quý IV/2023 và Quý I/2024".
  static const std::regex quarters(
      R"(\bquy ([ivl|1-4]{1,4})((?:\s*(?:,|va|den|&|-)\s*(?:quy )?[ivl|1-4]{1,4})*)(?:/| nam )(\d{4})(?!\d))");
  std::vector<std::pair<Period, int>> found;
  for (std::sregex_iterator it(s.begin(), s.end(), quarters), e; it != e; ++it) {
    int y = to_int((*it)[3]);
    check_year(y, text);
    for (int q : list_numbers((*it)[1], (*it)[2], quarter_number, 4, text))
      found.emplace_back(Period::of_quarter(y, q), q);
  }
  if (!found.empty()) return of_periods(Deadline::Kind::quarter, std::move(found), text);
  // "Tháng 11/2022", "Tháng 1, 2/2022", "tháng 6 và tháng 12 năm 2024".
  static const std::regex months(
      R"(\bthang (\d{1,2})((?:\s*(?:,|va|den|&|-)\s*(?:thang )?\d{1,2})*)(?:/| nam )(\d{4})(?!\d))");
  auto month_number = [](const std::string& t) { return t.size() <= 2 ? to_int(t) : 0; };
  for (std::sregex_iterator it(s.begin(), s.end(), months), e; it != e; ++it) {
    int y = to_int((*it)[3]);
    check_year(y, text);
    for (int mo : list_numbers((*it)[1], (*it)[2], month_number, 12, text)) {
      found.emplace_back(Period::parse(fmt::format("{}-{:02}", y, mo)), mo);
    }
  }
  if (!found.empty()) return of_periods(Deadline::Kind::month, std::move(found), text);
  // "Giai đoạn 2021-2025", "Năm 2023 - 2025": due at the end of the last year.
  static const std::regex years(
      R"(^(?:(?:giai doan|trong giai doan|nam|tu nam|trong nam|ca) )?(\d{4})(?:-| den )(?:nam )?(\d{4})$)");
  if (std::regex_search(s, m, years)) {
    int first = to_int(m[1]), last = to_int(m[2]);
    check_year(first, text);
    check_year(last, text);
    if (last <= first) throw unreadable(text);
    auto d = of_period(Deadline::Kind::year, Period::of_year(last), 0);
    d.wording = std::string(text);
    return d;
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

std::string trimmed(std::string_view s) { return std::string(text::trim(s)); }

// A composite's parts: split at ';' and line breaks, and before "riêng"
// ("…, riêng năm 2023 trước 15/3/2023").
std::vector<std::string> parts_of(const std::string& src, std::string_view separators) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = trimmed(cur);
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == '-'))
      t = trimmed(t.substr(0, t.size() - 1));
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (separators.find(src[i]) != std::string_view::npos) {
      flush();
      continue;
    }
    for (std::string_view w : {"riêng", "Riêng", "RIÊNG", "rieng", "Rieng"}) {
      if (src.compare(i, w.size(), w) == 0 && i > 0 && !cur.empty() && trimmed(cur).size() > 0 &&
          std::string_view(",.-(").find(trimmed(cur).back()) != std::string_view::npos) {
        flush();
        break;
      }
    }
    cur += src[i];
  }
  flush();
  return out;
}

// The deadline without its wording, and the wording kept only when that
// form would lose it.
Deadline finish(Deadline d) {
  if (d.wording.empty()) return d;
  auto plain = d;
  plain.wording.clear();
  if (format_deadline(plain) == d.wording) d.wording.clear();
  return d;
}

}  // namespace

Deadline parse_deadline(std::string_view text) {
  if (text.size() > 300) throw unreadable(text.substr(0, 40));
  if (!text::is_valid_utf8(text)) throw unreadable("?");
  std::string src = text::nfc(text::trim(text));
  auto parts = parts_of(src, ";\n");
  if (parts.empty()) throw unreadable(text);
  Deadline d = parse_part(parts[0]);
  if (parts.size() == 1 && d.kind == Deadline::Kind::continuous) parts = parts_of(src, ";\n,");
  if (parts.size() > 1) {
    d = parse_part(parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) {
      try {
        auto part = parse_part(parts[i]);
        for (auto& ms : part.milestones) d.milestones.push_back(std::move(ms));
        if (part.due) d.milestones.push_back({*part.due, parts[i]});
      } catch (const Error&) {
        if (names_period(normalise(parts[i]))) throw;  // an impossible day is never dropped
      }
    }
    std::stable_sort(d.milestones.begin(), d.milestones.end(),
                     [](const auto& a, const auto& b) { return sys_days{a.due} < sys_days{b.due}; });
    d.wording = src;
  }
  return finish(std::move(d));
}

Deadline read_deadline(std::string_view text) {
  try {
    return parse_deadline(text);
  } catch (const Error&) {
    if (!text::is_valid_utf8(text)) throw;
    return Deadline{Deadline::Kind::unparsed, std::nullopt, 0, 0, {}, text::nfc(text::trim(text))};
  }
}

std::string format_deadline(const Deadline& d) {
  if (!d.wording.empty()) return d.wording;
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
    case Deadline::Kind::instruction:
      return d.due ? "Theo hướng dẫn, trước ngày " + format_date_vi(*d.due) : "Theo hướng dẫn";
    case Deadline::Kind::unparsed: return {};
  }
  return {};
}

namespace {

Deadline stored_kind(std::string_view kind, std::optional<Date> due) {
  auto bad = [&] { return invalid_input(fmt::format("bad stored deadline '{}'", kind)); };
  auto need_due = [&] {
    if (!due) throw bad();
    return *due;
  };
  if (kind == "continuous") return Deadline{Deadline::Kind::continuous, std::nullopt, 0, 0};
  if (kind == "schedule") return Deadline{Deadline::Kind::schedule, due, 0, 0};
  if (kind == "instruction") return Deadline{Deadline::Kind::instruction, due, 0, 0};
  if (kind == "unparsed") return Deadline{Deadline::Kind::unparsed, std::nullopt, 0, 0};
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

}  // namespace

Deadline deadline_from(std::string_view kind, std::optional<Date> due, std::string_view text,
                       std::vector<Milestone> milestones) {
  Deadline d = stored_kind(kind, due);
  d.milestones = std::move(milestones);
  if (!text.empty() && format_deadline(d) != text) d.wording = std::string(text);
  return d;
}

std::string encode_milestones(const std::vector<Milestone>& ms) {
  std::string out;
  for (const auto& m : ms) {
    out += format_iso_date(m.due);
    out += '\t';
    for (char c : m.text) out.push_back(c == '\n' || c == '\t' ? ' ' : c);
    out += '\n';
  }
  return out;
}

std::vector<Milestone> decode_milestones(std::string_view stored) {
  std::vector<Milestone> out;
  while (!stored.empty()) {
    auto end = stored.find('\n');
    auto line = stored.substr(0, end);
    stored = end == std::string_view::npos ? std::string_view{} : stored.substr(end + 1);
    auto tab = line.find('\t');
    if (tab == std::string_view::npos) throw invalid_input("bad stored milestone");
    out.push_back({parse_iso_date(line.substr(0, tab)), std::string(line.substr(tab + 1))});
  }
  return out;
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
    case Deadline::Kind::instruction: return "instruction";
    case Deadline::Kind::unparsed: return "unparsed";
  }
  return {};
}

}  // namespace cchc
