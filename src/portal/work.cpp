#include "portal/work.h"

#include <fmt/format.h>

#include "core/text.h"
#include "directory/permissions.h"
#include "portal/store.h"

namespace cchc::portal {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date) {
  std::vector<views::WorkItem> out;
  if (directory::holds(who, "portal.review")) {
    auto waiting = items_in(c, State::submitted, 500);
    if (!waiting.empty()) {
      out.push_back({"Tin bài chờ Ban biên tập duyệt",
                     fmt::format("Duyệt {} tin bài các đơn vị gửi", text::format_int(std::int64_t(waiting.size()))),
                     "/bien-tap", std::nullopt, ""});
    }
  }
  if (directory::holds(who, "portal.write") && !who.unit_code.empty()) {
    for (const auto& i : unit_items(c, {who.unit_code}, 200)) {
      if (i.state != State::returned) continue;
      out.push_back({"Tin bài bị trả lại cần sửa", i.title, fmt::format("/bien-tap/{}", i.id), std::nullopt, ""});
    }
  }
  return out;
}

}  // namespace cchc::portal
