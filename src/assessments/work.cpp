#include "assessments/work.h"

#include <fmt/format.h>

#include <algorithm>

#include "assessments/store.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/middleware.h"

namespace cchc::assessments {

std::vector<views::WorkItem> work_items(db::Connection& c, const http::Principal& who, Date) {
  std::vector<views::WorkItem> out;
  bool self = directory::holds(who, "assessments.self");
  bool appraiser = directory::holds(who, "assessments.appraise");
  if (!self && !appraiser) return out;
  std::map<std::string, std::string> names;
  for (const auto& round : list_rounds(c)) {
    if (round.status != "open") continue;
    auto href = [&](const std::string& unit) {
      return "/danh-gia/" + http::url_encode(round.code) + "/don-vi/" + http::url_encode(unit);
    };
    std::vector<std::string> mine = appraiser ? appraised_by(c, round.id, who.username) : std::vector<std::string>{};
    for (const auto& p : participants(c, round.id)) {
      if (self && p.unit == who.unit_code) {
        if (p.state == "draft") {
          auto level =
              std::find_if(round.levels.begin(), round.levels.end(), [&](const auto& l) { return l.level == p.level; });
          std::optional<Date> due;
          if (level != round.levels.end()) due = local_date(p.extended_until.value_or(level->deadline));
          out.push_back({"Tự đánh giá cần hoàn thành và nộp", round.name, href(p.unit), due, ""});
        }
        if (p.appraisal == "awaiting_answer") {
          out.push_back({"Trả lời kết quả thẩm định", round.name, href(p.unit),
                         p.answer_due ? std::optional(local_date(*p.answer_due)) : std::nullopt, ""});
        }
      }
      if (appraiser && p.state == "submitted" && p.appraisal != "final" && p.appraisal != "awaiting_answer" &&
          std::count(mine.begin(), mine.end(), p.unit)) {
        if (names.empty()) names = directory::unit_names(c);
        out.push_back(
            {"Thẩm định được giao", fmt::format("{} — {}", names[p.unit], round.name), href(p.unit), std::nullopt, ""});
      }
    }
  }
  return out;
}

}  // namespace cchc::assessments
