// The review of the units' task reports: its table, and its steps over
// plans' stored reports (review.h).
#include "coordination/review.h"

#include <fmt/format.h>

#include <algorithm>

#include "coordination/notify.h"
#include "core/text.h"
#include "plans/json.h"
#include "plans/rules.h"

namespace cchc::coordination {

const std::vector<ReviewStep>& review_steps() {
  static const std::vector<ReviewStep> steps = {
      {"accept", {"pending"}, "accepted", false},
      {"return", {"pending", "accepted"}, "returned", true},
      {"answer", {"pending", "accepted", "returned"}, "", false},
  };
  return steps;
}

std::string review_after(std::string_view state, std::string_view action, std::string_view reason) {
  const auto& steps = review_steps();
  auto step = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.action == action; });
  if (step == steps.end()) throw invalid_input("unknown review action", "Thao tác không hợp lệ.");
  if (std::find(step->from.begin(), step->from.end(), state) == step->from.end()) {
    throw Error(ErrorKind::conflict, fmt::format("a {} report cannot be {}ed", state, action),
                fmt::format("Báo cáo đang ở trạng thái \"{}\", không thực hiện được thao tác này.",
                            plans::review_label_vi(state)));
  }
  if (step->needs_reason) {
    auto n = text::code_points(text::trim(reason));
    if (n == 0 || n > 2000) {
      throw invalid_input("a report is returned with a reason of 1-2000 characters",
                          "Cần ghi lý do trả lại báo cáo (tối đa 2.000 ký tự).");
    }
  }
  return step->to.empty() ? std::string(state) : std::string(step->to);
}

int working_days_waiting(Date made, Date today, const WorkCalendar& calendar) {
  if (!calendar.covers(made) || !calendar.covers(today)) return 0;
  return calendar.working_days_between(made, today);
}

Report review_report(db::Connection& c, std::int64_t task_id, const std::string& unit, const std::string& period,
                     const ReviewInput& in, const audit::Entry& who, Instant now) {
  auto reason = text::nfc(text::trim(in.reason));
  auto difficulties_answer = text::nfc(text::trim(in.difficulties_answer));
  auto proposals_answer = text::nfc(text::trim(in.proposals_answer));
  if (text::code_points(difficulties_answer) > 4000 || text::code_points(proposals_answer) > 4000) {
    throw invalid_input("an answer is limited to 4000 characters", "Mỗi ý kiến trả lời tối đa 4.000 ký tự.");
  }
  auto found = plans::find_report(c, task_id, unit, period);
  if (!found) throw not_found("no such report", "Không tìm thấy báo cáo.");
  const auto& before = *found;
  auto after = before;
  after.review = review_after(before.review, in.action, reason);
  if (in.action != "answer") {
    after.review_note = in.action == "return" ? reason : "";
    after.reviewed_by = who.actor;
    after.reviewed_at = now;
  }
  if (!difficulties_answer.empty()) after.difficulties_answer = difficulties_answer;
  if (!proposals_answer.empty()) after.proposals_answer = proposals_answer;
  plans::write_review(c, after);
  bool answered =
      after.difficulties_answer != before.difficulties_answer || after.proposals_answer != before.proposals_answer;
  if (in.action != "answer") {
    plans::add_report_event(c, after, after.review, after.review_note, std::nullopt, who, now);
  }
  if (answered) plans::add_report_event(c, after, "answered", "", std::nullopt, who, now);
  std::optional<Task> task;
  if (answered || in.action == "return") task = plans::find_task(c, task_id);
  if (answered) {
    // The unit is told its difficulties or proposals were answered, with
    // a link to the task's reports, where the answer is shown.
    bool difficulties = after.difficulties_answer != before.difficulties_answer;
    bool proposals = after.proposals_answer != before.proposals_answer;
    const char* which = difficulties && proposals ? "khó khăn, vướng mắc và đề xuất, kiến nghị"
                        : difficulties            ? "khó khăn, vướng mắc"
                                                  : "đề xuất, kiến nghị";
    notify_unit(c, unit, "report_answered",
                fmt::format("answered:{}:{}:{}", task_id, period, now.time_since_epoch().count()),
                fmt::format("Ý kiến trả lời {} trong báo cáo nhiệm vụ {}: {}", which,
                            task ? task->ref : std::to_string(task_id),
                            text::cut_utf8(difficulties ? after.difficulties_answer : after.proposals_answer, 300)),
                fmt::format("/nhiem-vu/{}?don-vi={}&ky={}#cac-bao-cao", task_id, unit, period), now);
  }
  if (in.action == "return") {
    notify_unit(c, unit, "report_returned",
                fmt::format("returned:{}:{}:{}", task_id, period, now.time_since_epoch().count()),
                fmt::format("Báo cáo nhiệm vụ {} bị trả lại: {}", task ? task->ref : std::to_string(task_id),
                            text::cut_utf8(reason, 300)),
                fmt::format("/nhiem-vu/{}?don-vi={}&ky={}#bao-cao", task_id, unit, period), now);
  }
  audit::record(c, who, "update", "task_reports", fmt::format("{}/{}/{}", task_id, unit, period),
                plans::to_json(before).dump(), plans::to_json(after).dump(), now);
  return after;
}

Report review_report(db::Database& db, std::int64_t task_id, const std::string& unit, const std::string& period,
                     const ReviewInput& in, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return review_report(c, task_id, unit, period, in, who, now); });
}

std::vector<ReviewItem> review_queue(db::Connection& c, const UnitSet& within, const std::string& period, int limit) {
  return plans::reports_in_review(c, "pending", period, "", limit, within);
}

int review_queue_size(db::Connection& c, const UnitSet& within) { return plans::count_in_review(c, "pending", within); }

std::vector<ReviewItem> returned_to(db::Connection& c, const std::string& unit) {
  return plans::reports_in_review(c, "returned", "", unit, 200);
}

}  // namespace cchc::coordination
