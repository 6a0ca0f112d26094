#include "core/dates.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace cchc {

using namespace std::chrono;

Instant start_of_day(Date d) { return Instant{sys_days{d}.time_since_epoch()} - kVietnamOffset; }

Date local_date(Instant t) { return Date{floor<days>(t + kVietnamOffset)}; }

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
  Date d{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))},
         day{static_cast<unsigned>(num(8, 2))}};
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
  return fmt::format("{:02}:{:02} {}", hms.hours().count(), hms.minutes().count(),
                     format_date_vi(Date{day_start}));
}

std::string format_rfc3339_vn(Instant t) {
  Instant local = t + kVietnamOffset;
  auto day_start = floor<days>(local);
  hh_mm_ss hms{local - day_start};
  return fmt::format("{}T{:02}:{:02}:{:02}+07:00", format_iso_date(Date{day_start}),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

Instant now_seconds() { return floor<seconds>(system_clock::now()); }

}  // namespace cchc
