#include "home/work.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "http/session.h"

namespace cchc::home {

using namespace std::chrono;
using nlohmann::json;

std::vector<WorkRow> order_work(std::vector<views::WorkItem> items, Date today, const WorkCalendar& calendar) {
  std::vector<WorkRow> rows;
  rows.reserve(items.size());
  for (auto& item : items) {
    WorkRow r{std::move(item), std::nullopt, false};
    if (r.item.due) {
      r.overdue = sys_days{*r.item.due} < sys_days{today};
      r.days_left = count_working_days(calendar, today, *r.item.due);
    }
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const WorkRow& a, const WorkRow& b) {
    if (a.item.due.has_value() != b.item.due.has_value()) return a.item.due.has_value();
    if (!a.item.due) return false;
    return sys_days{*a.item.due} < sys_days{*b.item.due};
  });
  return rows;
}

std::string days_left_vi(const WorkRow& row) {
  if (!row.days_left) return "Không có hạn";
  if (row.overdue) return fmt::format("Quá hạn {} ngày làm việc", text::format_int(std::max(1, -*row.days_left)));
  if (*row.days_left == 0) return "Hạn hôm nay";
  return fmt::format("Còn {} ngày làm việc", text::format_int(*row.days_left));
}

namespace {

struct WorkPage {
  views::Layout& layout;
  db::Database& db;
  std::vector<views::WorkSource> sources;
};

http::Response work_page(WorkPage& x, http::Request& req) {
  Date today = local_date(now_seconds());
  std::vector<views::WorkItem> items;
  x.db.read([&](db::Connection& c) {
    for (const auto& source : x.sources) {
      auto more = source(c, *req.principal, today);
      items.insert(items.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  });
  json rows = json::array();
  int overdue = 0;
  for (const auto& r : order_work(std::move(items), today, WorkCalendar::vietnam())) {
    overdue += r.overdue;
    rows.push_back({{"group", r.item.group},
                    {"what", r.item.what},
                    {"href", r.item.href},
                    {"due", r.item.due ? format_date_vi(*r.item.due) : "—"},
                    {"left", days_left_vi(r)},
                    {"overdue", r.overdue},
                    {"note", r.item.note.empty() ? json(false) : json{{"text", r.item.note}}}});
  }
  json data = {{"rows", rows},
               {"none", rows.empty()},
               {"count", text::format_int(std::int64_t(rows.size()))},
               {"overdue", text::format_int(overdue)},
               {"any_overdue", overdue > 0},
               {"name", req.principal->display_name},
               {"today", format_date_vi(today)}};
  return http::html(req, x.layout.page(req, "Việc của tôi", "home/work.tpl", data));
}

}  // namespace

void add_work_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in,
                     std::vector<views::WorkSource> sources) {
  layout.add_nav({"Việc của tôi", "/viec-cua-toi", "signed_in"});
  // Every capability's items, as of today: any write, and the day.
  const http::CachedForSession<WorkPage> pages[] = {
      {"/viec-cua-toi", "signed_in", work_page, {.kinds = {"units"}, .daily = true}}};
  http::add_session_cached_routes(router, signed_in,
                                  std::make_shared<WorkPage>(WorkPage{layout, db, std::move(sources)}), pages);
}

}  // namespace cchc::home
