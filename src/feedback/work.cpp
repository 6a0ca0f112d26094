#include "feedback/work.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "directory/permissions.h"
#include "feedback/rules.h"
#include "feedback/store.h"

namespace cchc::feedback {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date) {
  std::vector<views::WorkItem> out;
  if (!directory::holds(who, "feedback.handle") || who.unit_code.empty()) return out;
  bool leader = std::count(who.roles.begin(), who.roles.end(), "unit_leader") > 0;
  int unassigned = 0;
  std::optional<Date> first_due;
  for (const auto& k : queue(c, {{who.unit_code}, std::nullopt, false}, 0, 500).cases) {
    auto what = fmt::format("{}: {}", k.code, text::cut_utf8(k.content, 160));
    auto href = fmt::format("/xu-ly-phan-anh/{}", k.id);
    Date due = local_date(k.due_at);
    if (k.assignee == who.username) {
      out.push_back({"Phản ánh, kiến nghị được giao", what, href, due, label_vi(k.state)});
    } else if (leader && k.state == State::drafted) {
      out.push_back({"Dự thảo trả lời phản ánh chờ duyệt", what, href, due, ""});
    } else if (leader && k.assignee.empty()) {
      ++unassigned;
      if (!first_due || due < *first_due) first_due = due;
    }
  }
  if (unassigned > 0) {
    out.push_back({"Phản ánh, kiến nghị chưa phân công",
                   fmt::format("Phân công xử lý {} phản ánh, kiến nghị", text::format_int(unassigned)),
                   "/xu-ly-phan-anh", first_due, ""});
  }
  return out;
}

}  // namespace cchc::feedback
