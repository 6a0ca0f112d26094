#include "plans/work.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::plans {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today) {
  std::vector<views::WorkItem> out;
  if (!directory::holds(who, "plans.report") || who.unit_code.empty()) return out;
  for (const auto& period : periods_in_play(load_report_periods(c), today, WorkCalendar::vietnam())) {
    int missing = count_owed(owed_by(c, who.unit_code, period, today)).missing();
    if (missing > 0) {
      out.push_back(
          {"Báo cáo tiến độ cần gửi",
           fmt::format("Báo cáo {} nhiệm vụ kỳ {}", text::format_int(missing), period_in_sentence(period.label)),
           fmt::format("/viec-can-bao-cao?ky={}&don-vi={}", http::url_encode(period.key),
                       http::url_encode(who.unit_code)),
           period.due, ""});
    }
  }
  return out;
}

}  // namespace cchc::plans
