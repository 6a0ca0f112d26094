#include "core/dates.h"

#include <fmt/format.h>

#include <optional>

#include "core/errors.h"

namespace cchc {

using namespace std::chrono;

Instant start_of_day(Date d) { return Instant{sys_days{d}.time_since_epoch()} - kVietnamOffset; }

Date local_date(Instant t) { return Date{floor<days>(t + kVietnamOffset)}; }

Date parse_date_input(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.size() == 10 && s[4] == '-') return parse_iso_date(s);
  auto bad = [&] {
    return invalid_input(fmt::format("invalid date '{}': expected dd/mm/yyyy", s),
                         "Ngày không hợp lệ, cần dạng ngày/tháng/năm (ví dụ 05/03/2024).");
  };
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int part = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits[part] > (part == 2 ? 4 : 2)) throw bad();
      parts[part] = parts[part] * 10 + (c - '0');
    } else if ((c == '/' || c == '-' || c == '.') && part < 2 && digits[part] > 0) {
      ++part;
    } else {
      throw bad();
    }
  }
  if (part != 2 || digits[2] != 4) throw bad();
  Date d{year{parts[2]}, month{static_cast<unsigned>(parts[1])}, day{static_cast<unsigned>(parts[0])}};
  if (!d.ok()) throw bad();
  return d;
}

Date parse_iso_date(std::string_view s) {
  auto bad = [&] {
    return invalid_input(fmt::format("invalid date '{}': expected YYYY-MM-DD", s),
                         "Ngày không hợp lệ, cần dạng năm-tháng-ngày (YYYY-MM-DD).");
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw bad();
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') throw bad();
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))}, day{static_cast<unsigned>(num(8, 2))}};
  if (!d.ok()) throw bad();
  return d;
}

std::string format_iso_date(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string format_date_vi(Date d) {
  return fmt::format("{:02}/{:02}/{:04}", unsigned(d.day()), unsigned(d.month()), int(d.year()));
}

std::string format_datetime_vi(Instant t) {
  Instant local = t + kVietnamOffset;
  auto day_start = floor<days>(local);
  hh_mm_ss hms{local - day_start};
  return fmt::format("{:02}:{:02} {}", hms.hours().count(), hms.minutes().count(), format_date_vi(Date{day_start}));
}

std::string format_rfc3339_vn(Instant t) {
  Instant local = t + kVietnamOffset;
  auto day_start = floor<days>(local);
  hh_mm_ss hms{local - day_start};
  return fmt::format("{}T{:02}:{:02}:{:02}+07:00", format_iso_date(Date{day_start}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

namespace {

// The spelling every one-stop system's export uses, 2024-03-05T08:30:00+07:00
// (seconds, no fraction, a numeric offset), read without the general path's
// steps: an import reads four times a record. Nothing when `s` is spelled
// otherwise or is not a valid time; the general path then decides.
std::optional<Instant> canonical_rfc3339(std::string_view s) {
  if (s.size() != 25 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' ||
      s[16] != ':' || (s[19] != '+' && s[19] != '-') || s[22] != ':') {
    return std::nullopt;
  }
  bool digits = true;
  auto two = [&](std::size_t at) {
    const unsigned a = unsigned(s[at] - '0'), b = unsigned(s[at + 1] - '0');
    digits = digits && a < 10 && b < 10;
    return int(a * 10 + b);
  };
  const int y = two(0) * 100 + two(2), mo = two(5), d = two(8), hh = two(11), mm = two(14), ss = two(17);
  const int oh = two(20), om = two(23);
  if (!digits || hh > 23 || mm > 59 || ss > 59 || oh > 14 || om > 59) return std::nullopt;
  const year_month_day date{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!date.ok()) return std::nullopt;
  const int offset = (s[19] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  return Instant{sys_days{date}.time_since_epoch()} + seconds{hh * 3600 + mm * 60 + ss - offset};
}

}  // namespace

Instant parse_rfc3339(std::string_view s) {
  if (auto t = canonical_rfc3339(s)) return *t;
  auto bad = [&] {
    return invalid_input(fmt::format("invalid time '{}': expected YYYY-MM-DDTHH:MM:SS+07:00", s),
                         "Thời gian không hợp lệ, cần dạng YYYY-MM-DDTHH:MM:SS+07:00.");
  };
  if (s.size() < 17 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) throw bad();
  Date d;
  try {
    d = parse_iso_date(s.substr(0, 10));
  } catch (const Error&) {
    throw bad();
  }
  auto digits = [&](size_t pos, size_t len) {
    if (pos + len > s.size()) throw bad();
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') throw bad();
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int hh = digits(11, 2);
  if (s[13] != ':') throw bad();
  int mm = digits(14, 2), ss = 0;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    ss = digits(pos + 1, 2);
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start) throw bad();
    }
  }
  if (hh > 23 || mm > 59 || ss > 59) throw bad();
  if (pos >= s.size()) throw bad();  // no offset
  seconds offset{0};
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int sign = s[pos] == '+' ? 1 : -1;
    int oh = digits(pos + 1, 2);
    if (pos + 3 >= s.size() || s[pos + 3] != ':') throw bad();
    int om = digits(pos + 4, 2);
    if (oh > 14 || om > 59) throw bad();
    offset = seconds{sign * (oh * 3600 + om * 60)};
    pos += 6;
  } else {
    throw bad();
  }
  if (pos != s.size()) throw bad();
  return Instant{sys_days{d}.time_since_epoch()} + hours{hh} + minutes{mm} + seconds{ss} - offset;
}

Instant now_seconds() { return floor<seconds>(system_clock::now()); }

}  // namespace cchc
