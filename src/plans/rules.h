#pragma once
// Pure rules of reform plans: reading a task matrix, matching its unit
// names to the directory, reporting periods, and a task's state as of a day.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "directory/model.h"
#include "plans/model.h"

namespace cchc::plans {

// ---- Matching unit names -------------------------------------------------
//
// A matrix names units as people write them: "Sở Nội vụ", "So Noi vu",
// "S& Noi vu" (a scan), "UBND cấp huyện" (every unit of a level), "Trung tâm
// Hành chính công" (an older name). A name is matched, in order, by
//   1. an alias stored when a user resolved it before (unit_aliases);
//   2. its key equal to a unit's name, short name or code key;
//   3. a level group: "các sở, ban, ngành" → every department,
//      "UBND cấp huyện" / "UBND các huyện, thành phố" → every district,
//      "UBND cấp xã" / "UBND các xã, phường, thị trấn" → every commune;
//   4. the closest unit name by character-bigram similarity (Dice), when it
//      is at least 0.8 and no other unit is within 0.03 of it (else the name
//      is ambiguous, with its candidates).
// A key is the folded name (no diacritics, lower case) with abbreviations
// spelled out (UBND, TP., HCC, TT&TT …), punctuation dropped, and a leading
// "cơ quan", trailing "tỉnh" or the province's name dropped.

struct Alias {
  std::string alias;       // a key (unit_key)
  std::string unit_code;   // or
  std::string level_code;  // a level group
};

struct UnitMatch {
  enum class Kind { unit, group, ambiguous, unmatched };
  Kind kind = Kind::unmatched;
  std::vector<std::string> codes;       // unit: one; group: the level's units
  std::string level_code;               // group
  std::vector<std::string> candidates;  // ambiguous: unit codes, best first
  double score = 0;
};

std::string unit_key(std::string_view name);
double similarity(std::string_view key_a, std::string_view key_b);  // 0..1

class UnitMatcher {
 public:
  // `units` are those to match against (valid on the plan's date).
  UnitMatcher(std::vector<directory::Unit> units, std::vector<Alias> aliases, std::string province_name = {});
  UnitMatch match(std::string_view name) const;
  // A cell may name several units: split on ";" and line breaks, then a
  // part that does not match whole is split on commas when every piece of
  // it matches. Returns one (name, match) per name found.
  std::vector<std::pair<std::string, UnitMatch>> match_cell(std::string_view cell) const;
  const std::vector<directory::Unit>& units() const { return units_; }

 private:
  std::vector<directory::Unit> units_;
  std::vector<std::string> keys_;             // per unit: name key
  std::map<std::string, std::string> exact_;  // key → unit code
  std::map<std::string, Alias> aliases_;
  std::string province_key_;
  std::string strip(std::string key) const;
};

// ---- Reading a matrix ----------------------------------------------------
//
// The layout of the plan appendix: a header row naming the columns (STT,
// Mục tiêu, Nhiệm vụ/Hoạt động, Kết quả/Sản phẩm, Cơ quan chủ trì, Cơ quan
// phối hợp, Thời gian hoàn thành; with or without diacritics, in any
// order; Mục tiêu and Kết quả may be missing), then rows:
//   - an area row: STT a Roman numeral (I, II, …) and an area name in the
//     next cells, matched to the reform areas by similarity;
//   - a group row: text in STT and one other cell only (a sub-heading),
//     kept as the objective of the rows below when they have none;
//   - a task row: a task description. An empty Mục tiêu cell repeats the
//     one above (merged cells), within the same area.
// A deadline cell holding an Excel day number (a date-formatted cell) is
// read as that date. Rows before the header are skipped (titles).

struct MatrixRow {
  int line = 0;  // 1-based row of the sheet or file
  std::string ref;
  std::string area_code;
  std::string objective;
  std::string description;
  std::string output;
  std::string lead_cell, cooperate_cell;
  std::string deadline_text;
  std::optional<Deadline> deadline;
  std::vector<std::string> leads, cooperates;  // unit codes, once resolved
};

struct MatrixRead {
  std::vector<MatrixRow> rows;
  std::vector<LineError> errors;  // header missing, unknown area, …
};

using Grid = std::vector<std::pair<int, std::vector<std::string>>>;  // (line, cells)

MatrixRead read_matrix(const Grid& grid, const std::vector<Area>& areas);

// A unit name of the matrix not matched to one unit or level group.
struct UnresolvedName {
  std::string name;
  std::vector<int> lines;
  bool ambiguous = false;
  std::vector<std::string> candidates;  // unit codes, best first
};

// How a user resolved names (by unit_key of the name as written): a unit
// code, or "level:<code>" for every unit of a level.
using Resolutions = std::map<std::string, std::string>;

// Fills each row's leads and cooperates from its cells. A name is resolved
// by `resolutions` first, then by the matcher; what neither resolves is
// returned, in the order first met. A resolution naming no unit the matcher
// knows (nor a level with units) resolves nothing.
std::vector<UnresolvedName> resolve_units(std::vector<MatrixRow>& rows, const UnitMatcher& matcher,
                                          const Resolutions& resolutions);

// The area a heading names ("Cải cách thủ tục hành chính", "CAI CACH TTHC"),
// or nullopt.
std::optional<std::string> match_area(std::string_view heading, const std::vector<Area>& areas);

// ---- Periods -------------------------------------------------------------

// The configured periods of `year`, in order. A due day that is not a
// working day moves to the next working day (Civil Code 2015, art. 148(5)),
// when the calendar covers that year.
std::vector<PeriodOfYear> periods_of_year(const std::vector<ReportPeriod>& config, int year,
                                          const WorkCalendar& calendar);
// "2024-q1" → that period; throws invalid_input for an unknown key.
PeriodOfYear period_of_key(const std::vector<ReportPeriod>& config, std::string_view key, const WorkCalendar& calendar);
// A period's label inside a sentence ("… cho kỳ năm 2026", "… kỳ Quý III
// năm 2026"): the label, with the year period's leading "Năm" in lower
// case. Every notice, letter and list item names a period by its label,
// never by its key ("2026-year").
std::string period_in_sentence(std::string_view label);
// The order of a period key: by the period's last day, then its configured
// order (so an ad-hoc period falls between the regular ones it sits
// between); -1 for a key that is not of the configured form.
int period_rank(const std::vector<ReportPeriod>& config, std::string_view key);
// The regular period whose report is the next one due on or after `day`
// (the current reporting period), within `day`'s year or the next; ad-hoc
// periods are not a cadence and never the current one.
PeriodOfYear current_period(const std::vector<ReportPeriod>& config, Date day, const WorkCalendar& calendar);
// The periods whose reports are owed on `day`, by due day: the current
// regular period, the regular period just past (its missing reports stay
// owed, and are urged, until the next one is due), and every ad-hoc period
// that has begun and whose due day is at most kAdhocOwedDays behind.
inline constexpr int kAdhocOwedDays = 30;
inline constexpr int kAdhocOrder = 5;  // after the regular periods' 1-4, for the ties of a same last day
std::vector<PeriodOfYear> periods_in_play(const std::vector<ReportPeriod>& config, Date day,
                                          const WorkCalendar& calendar);
// An ad-hoc period's own fields: a name of 1-200 characters, first ≤ last,
// due from last to 90 days after it, all three in one year of 2000-2100.
// Errors, Vietnamese and English; empty when it may be added.
std::vector<LineError> check_adhoc_period(const std::string& name, Date first, Date last, Date due);

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

// ---- State ---------------------------------------------------------------

// A task's state as of `as_of` from the reports made on or before that day
// (each lead's latest report counts). The task is done when every lead has
// reported it done (done_on: the last of their days); its percent is the
// leads' mean; a task with no leads is judged on its deadline alone.
TaskState state_as_of(const Task& task, const std::vector<Report>& reports, Date as_of);
// A task's state as a period's report tells it: from the reports of that
// period and earlier ones (whenever they were made; each lead's report of
// the latest period counts), as of the period's last day (its figures'
// cut-off). The compiled period report uses it.
TaskState state_for_period(const Task& task, const std::vector<Report>& reports,
                           const std::vector<ReportPeriod>& config, const PeriodOfYear& period);
// Only the status of state_as_of (no copy of the task): for counts.
TaskStatus task_status_as_of(const Task& task, const std::vector<Report>& reports, Date as_of);

// ---- Review --------------------------------------------------------------

// Which reports count as of `today`: accepted ones do; pending ones do once
// `count_after_days` (> 0, the setting report_count_after_days) working days
// have passed since the day each was made, that is when made on or before
// `pending_until`; returned ones never. A day the calendar does not cover
// counts as a working day when it is Monday to Friday.
struct CountPolicy {
  std::optional<Date> pending_until;  // none: pending reports never count
};
CountPolicy count_policy(Date today, int count_after_days, const WorkCalendar& calendar);
bool report_counts(std::string_view review, Date reported_on, const CountPolicy& policy);
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

// Whether a unit still owes a report on a task for a period: continuous
// tasks always; others until the unit has reported them done in an
// earlier period; cancelled tasks never.
bool owes_report(const Task& task, const std::optional<Report>& last_before_period);
// One unit's reports in one role on one task, as every count of what is
// owed reads them for a period (the work list, the reminders, the urging
// letter and the compiled report alike, docs/plans.md "What a unit owes"):
// `previous`, the report of the latest earlier period that was not returned
// (a later report of the same period wins), which owes_report reads;
// `current`, this period's report in any review state (a pending or
// returned one is made, and listed apart).
struct ReportsForPeriod {
  std::optional<Report> previous, current;
};
ReportsForPeriod reports_for_period(const std::vector<Report>& own, const std::vector<ReportPeriod>& config,
                                    const std::string& period_key);

// A deadline as pages show it: its Vietnamese form, and for one a matrix
// import kept unread, a flag saying so (such a task is never overdue until
// someone writes a deadline that reads).
std::string deadline_shown(const Deadline& d);
bool deadline_unread(const Deadline& d);

// ---- What the pages read and decide --------------------------------------

// A record id as a form or a query writes it: 1 to 12 ASCII digits ("0"
// included); nullopt for anything else ("", "-1", "1x", 13 digits).
std::optional<std::int64_t> id_of_text(std::string_view s);
// A year written YYYY: four ASCII digits making 1000 or later; nullopt for
// anything else.
std::optional<int> year_of_text(std::string_view s);
// The year a page of periods shows: `this_year` when none is given or it is
// not a whole number; invalid_input outside 2000-2100.
int page_year(std::string_view s, int this_year);
// The day a year's figures are as of: `today`, or 31 December of a past year.
Date view_day(int year, Date today);

// A report's percent as the form writes it (spaces around ignored): blank is
// 0, else one to three ASCII digits (check_report bounds it to 0-100);
// invalid_input at "ty_le" otherwise.
int report_percent(std::string_view text);
// The day a report says its task was done: for progress "done", the day
// typed (parse_date_input, spaces around ignored) or `today` when blank;
// none for other progress.
std::optional<Date> report_done_on(std::string_view progress, std::string_view text, Date today);
// Whether `task` names `unit`, leading or co-operating.
bool task_names(const Task& task, std::string_view unit);
// A unit's role in a task: "lead" when it leads it, else "cooperate".
std::string report_role(const Task& task, std::string_view unit);
// Whether a report was made after its period's due day.
bool reported_late(const Report& r, const PeriodOfYear& p);
// What the report form shows for `unit` and `period` before anything is
// typed: the unit's report of that period, else its latest (the last of
// `reports` in their order), else a blank report in progress.
Report report_prefill(const std::vector<Report>& reports, std::string_view unit, std::string_view period);
// The reason a task is cancelled with: "" when it is reopened, else
// `reason` as typed, which must not be blank (invalid_input at "ly_do").
std::string cancel_reason(bool reopen, const std::string& reason);
// An objective's target or value as typed ("70", "70,5", "70.5"); nullopt
// when blank; invalid_input saying `what_vi` must be a number otherwise.
std::optional<double> objective_amount(std::string_view text, std::string_view what_vi);

}  // namespace cchc::plans
