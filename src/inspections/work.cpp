#include "inspections/work.h"

#include <fmt/format.h>

#include "coordination/notify.h"
#include "coordination/requests.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "inspections/store.h"

namespace cchc::inspections {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date) {
  std::vector<views::WorkItem> out;
  if (directory::holds(who, "inspections.fix") && !who.unit_code.empty()) {
    for (const auto& r : recommendations(c, std::nullopt, {who.unit_code})) {
      const auto& f = r.finding;
      if (f.state != FixState::open && f.state != FixState::returned) continue;
      out.push_back({f.state == FixState::returned ? "Kiến nghị sau kiểm tra bị trả lại cần khắc phục tiếp"
                                                   : "Kiến nghị sau kiểm tra cần khắc phục",
                     text::cut_utf8(f.recommendation, 200), fmt::format("/kiem-tra/{}#kn-{}", r.visit.id, f.id), f.due,
                     f.state == FixState::returned ? "Lý do trả lại: " + f.review_note : ""});
    }
  }
  if (directory::holds(who, "inspections.manage")) {
    // The fixes reported by the units the user coordinates.
    auto within = directory::codes_within(c, directory::reach(who, "inspections.manage"));
    int waiting = 0;
    for (const auto& r : recommendations(c, std::nullopt)) {
      waiting += r.finding.state == FixState::reported && (!within || within->count(r.finding.responsible_unit));
    }
    if (waiting > 0) {
      out.push_back({"Kết quả khắc phục kiến nghị chờ xem xét",
                     fmt::format("Xem xét {} báo cáo khắc phục kiến nghị sau kiểm tra", text::format_int(waiting)),
                     "/kiem-tra/theo-doi?trang-thai=reported", std::nullopt, ""});
    }
  }
  return out;
}

int raise_reminders(db::Database& db, Date day, const views::NotifyUnit& notify, Instant now) {
  if (!notify) return 0;
  int stored = 0;
  db.write([&](db::Connection& c) {
    auto config = coordination::load_reminder_config(c);
    for (const auto& r : recommendations(c, std::nullopt)) {
      const auto& f = r.finding;
      if (!f.due || (f.state != FixState::open && f.state != FixState::returned)) continue;
      auto key = coordination::request_reminder(*f.due, day, config.days_before, WorkCalendar::vietnam());
      if (!key) continue;
      bool after = key->starts_with("after");
      stored +=
          notify(c, f.responsible_unit, "inspection", fmt::format("inspection-reminder:{}:{}", f.id, *key),
                 fmt::format("{} khắc phục kiến nghị sau kiểm tra (hạn {}): {}", after ? "Đã quá hạn" : "Sắp đến hạn",
                             format_date_vi(*f.due), text::cut_utf8(f.recommendation, 200)),
                 fmt::format("/kiem-tra/{}#kn-{}", r.visit.id, f.id), now);
    }
  });
  return stored;
}

std::vector<coordination::Shortfall> shortfalls(db::Connection& c, const std::string& unit, Date today) {
  std::vector<coordination::Shortfall> out;
  for (const auto& r : recommendations(c, std::nullopt, {unit})) {
    if (!overdue(r.finding, today)) continue;
    out.push_back({"recommendation_overdue",
                   fmt::format("{} (kiểm tra ngày {}, Kế hoạch số {}; hạn {})", r.finding.recommendation,
                               r.visit.held_on ? format_date_vi(*r.visit.held_on) : "—", r.plan_number,
                               format_date_vi(*r.finding.due)),
                   r.finding.due});
  }
  return out;
}

}  // namespace cchc::inspections
