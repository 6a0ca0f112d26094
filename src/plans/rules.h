#pragma once
// Pure rules of reform plans: a plan's and a report's checks, evidence
// files, objectives' verdicts, labels. By topic beside it: matching unit
// names (names.h), reading a matrix (matrix.h), reporting periods
// (periods.h), a task's state (task_state.h), what the pages read
// (page_rules.h).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plans/model.h"

namespace cchc::plans {

// ---- Plans ---------------------------------------------------------------

// A plan's own fields: a number and symbol ("77/KH-VP": digits, a slash,
// then letters, digits, "-" and "."; at most 50 characters), a title of 1 to
// 500 characters, a year 2000-2100, kind reform | communication, status
// draft | issued | closed, texts within 20,000 characters. Returns the errors.
std::vector<LineError> check_plan(const Plan& p);
// The year a plan's number belongs to: offices number their documents from
// 01 each calendar year (Decree 30/2020/NĐ-CP), so a number is unique per
// issuing unit and this year: the issue date's, or the plan's year while it
// has none (the unique index of migration 0023 computes the same).
int number_year(const Plan& p);
std::string plan_status_label_vi(std::string_view status);  // Dự thảo, Đã ban hành, Đã kết thúc
std::string plan_kind_label_vi(std::string_view kind);  // Kế hoạch CCHC, Kế hoạch thông tin, tuyên truyền

// ---- Objectives ----------------------------------------------------------

// An objective's standing: met when its value reaches the target (value ≥
// target), missed below it, no data without a value, not quantified
// without a target.
enum class ObjectiveVerdict { met, missed, no_data, not_quantified };
ObjectiveVerdict judge_objective(std::optional<double> value, std::optional<double> target);
std::string verdict_label_vi(ObjectiveVerdict v);  // Đạt, Chưa đạt, Chưa có số liệu, Không định lượng

// ---- Reports -------------------------------------------------------------

std::string review_label_vi(std::string_view review);  // Chờ duyệt, Đã chấp nhận, Bị trả lại

// Checks a report before it is stored: progress one of the three, percent
// 0-100 (in progress: under 100; done: 100, and a done_on not after
// today), texts within limits.
// Returns the errors (English, Vietnamese) or none.
std::vector<LineError> check_report(const Report& r, Date today);

// An evidence file's stored name and content type, or invalid_input: 1
// byte to 5 MiB, a document, sheet, image or archive by its extension and
// by its content (filetype::evidence_kinds; never html or svg, which a
// browser would run). The name keeps its extension and becomes a slug.
struct CheckedFile {
  std::string name, content_type;
};
CheckedFile check_evidence_file(const EvidenceFile& f);
// Files one unit keeps on one task's report for a period; one more is 413.
inline constexpr std::size_t kMaxEvidenceFiles = 10;

// A deadline as pages show it: its Vietnamese form, and for one a matrix
// import kept unread, a flag saying so (such a task is never overdue until
// someone writes a deadline that reads).
std::string deadline_shown(const Deadline& d);
bool deadline_unread(const Deadline& d);

}  // namespace cchc::plans
