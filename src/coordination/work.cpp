#include "coordination/work.h"

#include <fmt/format.h>

#include "coordination/register.h"
#include "coordination/requests.h"
#include "coordination/review.h"
#include "core/calendar.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::coordination {

using namespace std::chrono;

Date returned_due(Date due, std::optional<Instant> returned_at, const WorkCalendar& cal) {
  if (!returned_at) return due;
  Date from = local_date(*returned_at);
  Date fix_by = from;
  if (cal.covers(from)) {
    fix_by = cal.add_working_days(from, kReturnedFixDays);
  } else {
    for (int n = kReturnedFixDays; n > 0;) {
      fix_by = Date{sys_days{fix_by} + days{1}};
      n -= weekday{sys_days{fix_by}}.c_encoding() % 6 != 0;
    }
  }
  return sys_days{fix_by} > sys_days{due} ? fix_by : due;
}

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date today) {
  const auto& cal = WorkCalendar::vietnam();
  std::vector<views::WorkItem> out;
  auto later_working = [&](Date d, int n) {
    return cal.covers(d) ? cal.add_working_days(d, n) : Date{sys_days{d} + days{n}};
  };
  if (directory::holds(who, "plans.report") && !who.unit_code.empty()) {
    auto config = plans::load_report_periods(c);
    for (const auto& r : returned_to(c, who.unit_code)) {
      auto p = plans::period_of_key(config, r.report.period, cal);
      Date due = returned_due(p.due, r.report.reviewed_at, cal);
      out.push_back({"Báo cáo nhiệm vụ bị trả lại cần sửa",
                     fmt::format("Nhiệm vụ {}. {} — {}", r.task.ref, text::cut_utf8(r.task.description, 200), p.label),
                     fmt::format("/nhiem-vu/{}?don-vi={}&ky={}#bao-cao", r.task.id,
                                 http::url_encode(r.report.unit_code), http::url_encode(r.report.period)),
                     due, "Lý do trả lại: " + r.report.review_note});
    }
    for (const auto& [request, answer] : requests_owed_by(c, who.unit_code)) {
      bool returned = answer.state == "returned";
      Date due = returned ? returned_due(request.due, answer.reviewed_at, cal) : request.due;
      out.push_back({returned ? "Báo cáo theo yêu cầu bị trả lại cần sửa" : "Yêu cầu báo cáo cần trả lời",
                     request.title, fmt::format("/yeu-cau-bao-cao/{}#bao-cao", request.id), due,
                     returned ? "Lý do trả lại: " + answer.review_note : ""});
    }
  }
  if (directory::holds(who, "plans.manage") && !who.unit_code.empty()) {
    for (const auto& [plan, requirement] : plans_owed_by(c, who.unit_code, today)) {
      out.push_back({"Kế hoạch cần ban hành", fmt::format("Ban hành kế hoạch thực hiện Kế hoạch số {}", plan.number),
                     "/ke-hoach/moi", requirement.due, text::cut_utf8(plan.title, 200)});
    }
  }
  if (directory::holds(who, "plans.review")) {
    auto within = directory::codes_within(c, directory::reach(who, "plans.review"));
    if (int n = answers_waiting(c, within); n > 0) {
      out.push_back({"Báo cáo theo yêu cầu chờ duyệt",
                     fmt::format("Duyệt {} báo cáo các đơn vị gửi theo yêu cầu", text::format_int(n)),
                     "/yeu-cau-bao-cao", std::nullopt, ""});
    }
    auto waiting = review_queue(c, within, "", 1);
    if (!waiting.empty()) {
      std::optional<Date> due;
      if (int n = plans::report_count_after_days(c); n > 0) {
        due = later_working(local_date(waiting[0].report.reported_at), n);
      }
      out.push_back(
          {"Báo cáo nhiệm vụ chờ duyệt",
           fmt::format("Duyệt {} báo cáo nhiệm vụ của các đơn vị", text::format_int(review_queue_size(c, within))),
           "/duyet-bao-cao", due, ""});
    }
  }
  return out;
}

}  // namespace cchc::coordination
