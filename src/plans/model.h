#pragma once
// Reform plans: plain types (docs/plans.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/deadline.h"
#include "core/errors.h"
#include "plans/status.h"

namespace cchc::plans {

struct Area {
  std::string code;  // institutions, procedures, …
  std::string name;  // Vietnamese
  int ord = 0;
};

struct Plan {
  std::int64_t id = 0;
  std::string number;           // "77/KH-VP"
  std::string kind = "reform";  // reform | communication
  std::string unit_code;
  std::optional<Date> issued_on;
  std::string title;
  int year = 0;
  std::optional<std::int64_t> parent_id;
  std::string legal_bases;  // one per line
  std::string objectives;
  std::string status = "draft";  // draft | issued | closed
};

// An objective (mục tiêu) of a plan under an area, optionally quantitative:
// a target in `target_unit`, for the issuing unit's whole subtree (level
// "") or for the units of one level in it, met by the value of a linked
// indicator of the indicators capability (its rate, as a percentage) or by
// a value reported by hand.
struct Objective {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string area_code;
  std::string text;
  std::string target_unit = "%";
  std::string indicator;  // a rate indicator code, or ""
  std::string level;      // "" = the whole subtree
  std::optional<double> target;
  std::optional<double> manual_value;
};

struct Task {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int ord = 0;
  std::string ref;  // STT as written
  std::string area_code;
  std::string objective;  // the matrix's "Mục tiêu" cell
  std::string description;
  std::string output;
  std::string deadline_text;
  Deadline deadline{Deadline::Kind::continuous, std::nullopt, 0, 0};
  std::optional<std::string> cancelled_reason;
  std::vector<std::string> leads;       // unit codes
  std::vector<std::string> cooperates;  // unit codes
  friend bool operator==(const Task&, const Task&) = default;
};

// A reporting period of a year, as configured (report_periods).
struct ReportPeriod {
  std::string code;  // q1 | h1 | q3 | year
  std::string name;  // "Quý I"
  int ord = 0;
  std::string first_mmdd, last_mmdd, due_mmdd;
  bool first_prev_year = false;
  std::map<int, Date> due_in;  // a year's own due day (set on /ky-bao-cao); else due_mmdd
  // An ad-hoc period (kỳ báo cáo đột xuất, code "dx…"): of this year only,
  // its name the whole label; a regular period (nullopt) recurs every year.
  std::optional<int> only_year;
};

// A period of one year: "2024-q1".
struct PeriodOfYear {
  std::string key;    // "2024-q1"
  std::string label;  // "Quý I năm 2024"
  Date first, last;
  Date due;  // the configured day, moved to the next working day when it is one off
  int ord = 0;
  bool adhoc = false;  // kỳ đột xuất
};

struct Report {
  std::int64_t task_id = 0;
  std::string unit_code;
  std::string period;  // "2024-q1"
  std::string role = "lead";
  std::string progress = "in_progress";  // not_started | in_progress | done
  int percent = 0;
  std::optional<Date> done_on;
  std::string narrative;
  std::string evidence;  // links, one per line
  bool unchanged = false;
  std::string reported_by;
  Instant reported_at{};
  // "Khó khăn, vướng mắc" and "Đề xuất, kiến nghị", and the coordinator's answers.
  std::string difficulties, proposals;
  std::string difficulties_answer, proposals_answer;
  // The coordinator's review (docs/plans.md, "Review"): pending until
  // accepted, or returned with a reason (review_note). submit_report stores
  // every report pending; the default here is for reports built in memory.
  std::string review = "accepted";  // pending | accepted | returned
  std::string review_note;
  std::optional<std::string> reviewed_by;
  std::optional<Instant> reviewed_at;
  // Whether it counts in states, rates, rankings and compiled reports: set
  // when loaded (report_counts); the state functions skip reports that do not.
  bool counted = true;
  friend bool operator==(const Report&, const Report&) = default;
};

// A file a unit attaches to its report as evidence (minh chứng).
struct EvidenceFile {
  std::string filename;  // as uploaded; stored as a safe name
  std::string content;   // the bytes
};

// One lead unit's share of a task as of a day, from its latest report.
struct Assignment {
  std::string unit_code;
  TaskStatus status = TaskStatus::not_started;
  int percent = 0;
  std::optional<Date> done_on;
  std::optional<std::string> last_period;  // of the latest report, if any
};

// A task with its derived status as of a day.
struct TaskState {
  Task task;
  TaskStatus status = TaskStatus::not_started;
  int percent = 0;  // mean of the leads'
  std::optional<Date> done_on;
  std::vector<Assignment> leads;
};

using LineError = cchc::LineError;

}  // namespace cchc::plans
