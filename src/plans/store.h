#pragma once
// Reform plans' SQL: plans, reporting periods, the matrix import,
// objectives, tasks, reports, states in bulk; each section names its file.
// Every write is audited as `who` (the review's by their caller) and takes
// db::Connection&: it runs in the caller's transaction, so that several
// compose into one (a plan with its tasks and objectives made from a
// document is written whole or not at all); its db::Database& form, where
// callers need a transaction of their own, is a one-line wrapper:
//
//   db.write([&](db::Connection& c) {
//     auto plan = create_plan(c, draft, who, now);
//     for (const auto& t : tasks) add_task(c, plan.id, t, who, now);
//   });
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "plans/matrix.h"
#include "plans/model.h"
#include "plans/task_state.h"

namespace cchc::plans {

// ---- Plans, reform areas, units (plan_store.cpp) ----------------------------

std::vector<Area> load_areas(db::Connection& c);
// A number every write to plans, tasks, reports, objectives or reporting
// periods raises by one (in its transaction, which logs what it changed:
// refreshed): what was read at one version is still true at that version.
std::int64_t data_version(db::Connection& c);
// Every unit's code, name, parent and level, and whether it is still open
// (for names on pages and unit choices): by level rank, then name in
// Vietnamese order.
struct UnitRow {
  std::string code, name, parent_code, level;
  bool open = true;    // no end date, or one not yet passed
  bool ranked = true;  // its level is ranked (a division's is not)
};
std::vector<UnitRow> unit_rows(db::Connection& c);
// The unit levels (code, Vietnamese name) by rank.
std::vector<std::pair<std::string, std::string>> unit_levels(db::Connection& c);

// Validates (number, title, year, kind, status, an open issuing unit, a
// parent that exists) and stores the plan; invalid_input when the unit
// already has a plan of that number in the number's year (number_year: a
// number is unique per issuing unit and year, never across the province).
Plan create_plan(db::Database& db, Plan plan, const audit::Entry& who, Instant now);
Plan create_plan(db::Connection& c, Plan plan, const audit::Entry& who, Instant now);
// Changes a plan's fields (not its number); validated like create_plan,
// the number's uniqueness included (the unit, the year or the date may change).
Plan update_plan(db::Database& db, const Plan& plan, const audit::Entry& who, Instant now);
Plan update_plan(db::Connection& c, const Plan& plan, const audit::Entry& who, Instant now);
std::optional<Plan> find_plan(db::Connection& c, std::int64_t id);
// The plans numbered `number`, oldest first: of `unit` when it is not empty,
// of the number's year (number_year) when `year` is not 0. Only the unit and
// the year together name at most one plan.
std::vector<Plan> plans_numbered(db::Connection& c, const std::string& number, const std::string& unit = "",
                                 int year = 0);
// Newest year first, then by number; year 0 = every year.
std::vector<Plan> list_plans(db::Connection& c, int year = 0);

// ---- Reporting periods (period_store.cpp) -----------------------------------

// The configured periods, with each year's own due days.
std::vector<ReportPeriod> load_report_periods(db::Connection& c);
// A year's own due day per period code (nullopt: back to the configured
// day). Each day must be from the period's last day to 90 days after it;
// all are written or none (invalid_input listing every problem). Audited.
void set_period_days(db::Database& db, int year, const std::map<std::string, std::optional<Date>>& due,
                     const audit::Entry& who, Instant now);
void set_period_days(db::Connection& c, int year, const std::map<std::string, std::optional<Date>>& due,
                     const audit::Entry& who, Instant now);
// Adds an ad-hoc period (kỳ báo cáo đột xuất) of `first`'s year, checked by
// check_adhoc_period; returns its code ("dx3"). Audited.
std::string add_adhoc_period(db::Database& db, const std::string& name, Date first, Date last, Date due,
                             const audit::Entry& who, Instant now);
std::string add_adhoc_period(db::Connection& c, const std::string& name, Date first, Date last, Date due,
                             const audit::Entry& who, Instant now);
// Removes an ad-hoc period for which no report was made (invalid_input
// otherwise, and for a regular period; not_found for an unknown code). The
// row is kept out of use, so its code is never given to another.
void remove_adhoc_period(db::Database& db, const std::string& code, const audit::Entry& who, Instant now);
void remove_adhoc_period(db::Connection& c, const std::string& code, const audit::Entry& who, Instant now);

// ---- The matrix import (matrix_store.cpp) -----------------------------------

struct MatrixImport {
  std::vector<LineError> errors;           // rows that cannot be read
  std::vector<UnresolvedName> unresolved;  // names to resolve first
  std::vector<MatrixRow> rows;
  int written = 0;
  bool ok() const { return errors.empty() && unresolved.empty(); }
};

// Reads the matrix (CSV text or XLSX bytes) and matches its unit names
// against the units valid on the plan's date (its year's 1 January when it
// has none), the stored aliases and `resolutions`. Only when every row reads
// and every name is resolved, and `write` is set, it writes the tasks in one
// transaction and stores each resolution as an alias (so the next import of
// the same names needs none). A plan that already has tasks is refused
// (conflict) unless `replace` is set and none of its tasks has a report.
// `in_transaction`, when set, is called in that transaction once the tasks
// are written (the import page removes the staged file there).
MatrixImport import_matrix(db::Database& db, std::int64_t plan_id, std::string_view file,
                           const Resolutions& resolutions, bool write, bool replace, const audit::Entry& who,
                           Instant now, const std::function<void(db::Connection&)>& in_transaction = {});
// The write of an import checked whole (`checked.ok()`, as import_matrix
// checks it) in the caller's transaction: the tasks (conflict as above),
// each resolution as an alias, audited; sets `checked.written`. The sheet
// is read and checked before, outside any transaction.
void write_matrix(db::Connection& c, const Plan& plan, MatrixImport& checked, const Resolutions& resolutions,
                  bool replace, const audit::Entry& who, Instant now);

// ---- Objectives (objective_store.cpp) ---------------------------------------

std::vector<Objective> plan_objectives(db::Connection& c, std::int64_t plan_id);
// Validates (an area, text of 1-2,000 characters, a target of 0 or more and
// at most 100 for "%", a unit of at most 30 characters) and stores it.
Objective add_objective(db::Database& db, Objective o, const audit::Entry& who, Instant now);
Objective add_objective(db::Connection& c, Objective o, const audit::Entry& who, Instant now);
// The value reported by hand (nullopt clears it); same bounds as the target.
void set_objective_value(db::Database& db, std::int64_t id, std::optional<double> value, const audit::Entry& who,
                         Instant now);
void set_objective_value(db::Connection& c, std::int64_t id, std::optional<double> value, const audit::Entry& who,
                         Instant now);
void delete_objective(db::Database& db, std::int64_t id, const audit::Entry& who, Instant now);
void delete_objective(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now);

// ---- Tasks and the matrix editor (task_store.cpp) ---------------------------

std::vector<Task> plan_tasks(db::Connection& c, std::int64_t plan_id);
std::optional<Task> find_task(db::Connection& c, std::int64_t task_id);

// A task row as a person types it: units by name, as in a matrix cell
// ("Sở Nội vụ; Sở Tư pháp", "UBND cấp xã"), matched like an import.
struct TaskInput {
  std::string area_code, ref, objective, description, output, deadline_text;
  std::string leads, cooperates;  // names
};

// Adds a row at the end of the plan's matrix, or changes one. Invalid
// input (an unknown area, an empty task, a deadline it cannot read, no lead
// unit, a unit name that matches no unit or several) throws invalid_input
// naming every problem; nothing is written.
Task add_task(db::Database& db, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now);
Task add_task(db::Connection& c, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now);
Task update_task(db::Database& db, std::int64_t task_id, const TaskInput& in, const audit::Entry& who, Instant now);
Task update_task(db::Connection& c, std::int64_t task_id, const TaskInput& in, const audit::Entry& who, Instant now);
// Moves a row one place up (-1) or down (+1) in its plan's matrix.
void move_task(db::Database& db, std::int64_t task_id, int direction, const audit::Entry& who, Instant now);
void move_task(db::Connection& c, std::int64_t task_id, int direction, const audit::Entry& who, Instant now);
// Deletes a row that has no report (conflict otherwise: cancel it instead).
void delete_task(db::Database& db, std::int64_t task_id, const audit::Entry& who, Instant now);
void delete_task(db::Connection& c, std::int64_t task_id, const audit::Entry& who, Instant now);
// Cancels a task with a reason (1-1000 characters), or with "" reopens it.
void cancel_task(db::Database& db, std::int64_t task_id, const std::string& reason, const audit::Entry& who,
                 Instant now);
void cancel_task(db::Connection& c, std::int64_t task_id, const std::string& reason, const audit::Entry& who,
                 Instant now);

// ---- Reports (report_store.cpp) ---------------------------------------------

std::vector<Report> plan_reports(db::Connection& c, std::int64_t plan_id);
// One task's reports, oldest first.
std::vector<Report> task_reports(db::Connection& c, std::int64_t task_id);
// Every task of the plan with its state as of `as_of`.
std::vector<TaskState> plan_states(db::Connection& c, std::int64_t plan_id, Date as_of);

// Stores a unit's report on a task for a period: the unit must be a lead
// (role lead) or co-operating unit (role cooperate) of the task, the task
// not cancelled, the period one of the plan's year or the next, and the
// report pass check_report. An "unchanged" report copies the unit's latest
// earlier report (invalid_input when there is none). Replaces the unit's
// report for the same period. Returns the stored report.
// With `file`, the file is stored in the same transaction (checked by
// check_evidence_file) and its link /minh-chung/{id} added to the evidence.
Report submit_report(db::Database& db, Report report, const audit::Entry& who, Instant now,
                     const EvidenceFile* file = nullptr);
Report submit_report(db::Connection& c, Report report, const audit::Entry& who, Instant now,
                     const EvidenceFile* file = nullptr);

// The setting report_count_after_days (0-250; 0: pending reports never count).
int report_count_after_days(db::Connection& c);

// The steps of the reports on a task, oldest first.
struct ReportEvent {
  std::string unit_code, period;
  std::string event;  // submitted | resubmitted | accepted | returned | answered
  std::string note;   // a return's reason
  std::string actor;
  Instant at{};
};
std::vector<ReportEvent> task_report_events(db::Connection& c, std::int64_t task_id);

// A stored evidence file: its task, name, type and bytes.
struct StoredFile {
  std::int64_t task_id = 0;  // of a request's file: the request
  std::string filename, content_type, content;
  std::string unit_code;  // the unit that sent it
};
std::optional<StoredFile> find_evidence_file(db::Connection& c, std::int64_t id);

// What the coordinator's review reads and writes (coordination/review.h).

// A unit's report on a task for a period.
std::optional<Report> find_report(db::Connection& c, std::int64_t task_id, const std::string& unit,
                                  const std::string& period);
// Stores the review of `r` over the stored report of its task, unit and
// period: its review state, note, reviewer and time, and the answers to its
// difficulties and proposals. The review's rules are the coordinator's.
void write_review(db::Connection& c, const Report& r);
// Keeps a step of a report in report_events (`snapshot`: the report as
// JSON, kept with a submission).
void add_report_event(db::Connection& c, const Report& r, const std::string& event, const std::string& note,
                      const std::optional<std::string>& snapshot, const audit::Entry& who, Instant now);

// A report with its task and the number of the task's plan.
struct ReportOnTask {
  Report report;
  Task task;
  std::string plan_number;
};
// The reports of issued plans in review state `review` (pending, returned),
// of `period` and of `unit` ("" for any), oldest first, at most `limit`;
// with `within`, only those whose unit and plan's issuing unit are both in
// it (a coordinator's subtree).
std::vector<ReportOnTask> reports_in_review(db::Connection& c, const std::string& review, const std::string& period,
                                            const std::string& unit, int limit,
                                            const std::optional<std::set<std::string>>& within = std::nullopt);
// How many reports of issued plans are in review state `review` (`within`
// as above).
int count_in_review(db::Connection& c, const std::string& review,
                    const std::optional<std::set<std::string>>& within = std::nullopt);

// ---- States in bulk (state_store.cpp) ---------------------------------------

// The tasks of a year's issued and closed plans, with their lead units'
// reports (without narrative and evidence), for the province view.
struct YearTasks {
  int year = 0;
  std::int64_t version = 0;                             // the data_version it stands at
  CountPolicy policy;                                   // what marked its reports' `counted`
  std::vector<Task> tasks;                              // by plan, then matrix order; each task's units by code
  std::map<std::int64_t, std::vector<Report>> reports;  // by task id, each task's by unit, then period
  friend bool operator==(const YearTasks&, const YearTasks&) = default;
};
YearTasks year_tasks(db::Connection& c, int year);
// Whether `held` is what year_tasks would read now: no plan write since
// its version and the same count policy (the setting, and today).
bool still_current(db::Connection& c, const YearTasks& held);
// `held` brought up to what year_tasks would read now, on a copy (`held`,
// which other readers may hold, is left as it is): each write since its
// version is logged (plan_changes, one row per version) and only what it
// names is read again: a task's lead reports (a report submitted or
// reviewed), a task (added, changed, cancelled, removed), a plan's tasks
// (a plan created, changed, imported, reordered; it may have left or
// joined the year); with a new count policy every report is marked again.
// A gap in the log (purged, or a version set without a change logged),
// more than `max_changes` changes, a change it does not know or a version
// behind `held`'s: the year is read whole (year_tasks).
YearTasks refreshed(db::Connection& c, const YearTasks& held, std::size_t max_changes = 200);
std::vector<TaskState> states_as_of(const YearTasks& y, Date as_of);
// Tasks passing `keep` counted by status as of a day (for trends).
std::map<TaskStatus, int> count_as_of(const YearTasks& y, Date as_of, const std::function<bool(const Task&)>& keep);

// What a unit owes for a period: each task of an issued plan of the
// period's year on which the unit is lead or co-operating and still owes a
// report (owes_report), with its report for the period, if made.
struct Owed {
  Task task;
  std::string plan_number;
  std::string role;                // lead | cooperate
  TaskStatus status;               // the unit's own, as of today
  std::optional<Report> previous;  // its latest report before the period
  std::optional<Report> current;   // its report for the period
};
std::vector<Owed> owed_by(db::Connection& c, const std::string& unit_code, const PeriodOfYear& period, Date today);
// The reports of a period counted one way wherever they are counted (the
// work list, the "what I owe" page, the reminders, the urging letter;
// docs/plans.md "What a unit owes"): a unit owes the report on each task it
// leads; on a task where it co-operates its report is a contribution to
// the lead's (shown, welcome, never owed, never counted missing).
inline bool report_owed(const Owed& o) { return o.role == "lead"; }
struct OwedCount {
  int owed = 0;           // tasks it leads
  int made = 0;           // of those, reported for the period
  int contributions = 0;  // tasks it co-operates on
  int missing() const { return owed - made; }
};
OwedCount count_owed(const std::vector<Owed>& owed);

}  // namespace cchc::plans
