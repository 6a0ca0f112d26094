#pragma once
// The work list (/viec-cua-toi): the landing page after sign-in. Every
// capability's items for the person (views::WorkSource), overdue first.
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "db/database.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "views/layout.h"
#include "views/work.h"

namespace cchc::home {

struct WorkRow {
  views::WorkItem item;
  std::optional<int> days_left;  // working days from today to the due day (negative: overdue by); none: no due day
  bool overdue = false;          // the due day has passed
};

// Orders a work list: overdue first (the longest overdue first), then by
// due day, then the items with none; ties keep their order. Days are
// counted on `calendar` (working days; a year it does not cover counts
// Monday to Friday).
std::vector<WorkRow> order_work(std::vector<views::WorkItem> items, Date today, const WorkCalendar& calendar);
// "Quá hạn 2 ngày làm việc", "Hạn hôm nay", "Còn 3 ngày làm việc", "Không có hạn".
std::string days_left_vi(const WorkRow& row);

// The work list is kept per session in `signed_in` (http/page_cache.h)
// within the day, until any write.
void add_work_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in,
                     std::vector<views::WorkSource> sources);

}  // namespace cchc::home
