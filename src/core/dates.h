#pragma once
// Dates and instants in the province's time: Asia/Ho_Chi_Minh is UTC+07:00
// all year (no daylight saving since 1975), so a fixed offset is exact for
// every date cchc handles.
#include <chrono>
#include <string>
#include <string_view>

namespace cchc {

using Date = std::chrono::year_month_day;
using Instant = std::chrono::sys_seconds;

inline constexpr std::chrono::seconds kVietnamOffset{7 * 3600};

// The instant 00:00 +07:00 of a date.
Instant start_of_day(Date d);
// The local (+07:00) calendar date of an instant.
Date local_date(Instant t);

// Strict ISO `YYYY-MM-DD`; throws invalid_input otherwise (also for 2023-02-29).
Date parse_iso_date(std::string_view s);
std::string format_iso_date(Date d);
// A date as a person types it on a page: `d/m/yyyy` or `dd/mm/yyyy` (also
// with '-' or '.'), or ISO `YYYY-MM-DD`; surrounding spaces ignored. Throws
// invalid_input (Vietnamese: "cần dạng ngày/tháng/năm").
Date parse_date_input(std::string_view s);
// `dd/mm/yyyy`, the form every page shows.
std::string format_date_vi(Date d);
// `HH:MM dd/mm/yyyy` in +07:00.
std::string format_datetime_vi(Instant t);
// RFC 3339 with the +07:00 offset, e.g. 2024-01-01T08:30:00+07:00.
std::string format_rfc3339_vn(Instant t);

// ISO 8601 / RFC 3339 date-time with an offset: YYYY-MM-DDTHH:MM[:SS[.fff]]
// followed by Z or ±HH:MM ("2024-03-05T08:30:00+07:00"). A time without an
// offset is refused: it would have to be guessed. Fractions of a second are
// dropped. Throws invalid_input.
Instant parse_rfc3339(std::string_view s);

Instant now_seconds();

}  // namespace cchc
