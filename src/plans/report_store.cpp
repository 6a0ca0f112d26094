// The units' reports on tasks: read, counted, submitted with evidence,
// their review stored, their steps kept (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/calendar.h"
#include "core/parse.h"
#include "core/secrets.h"
#include "core/text.h"
#include "directory/storage.h"
#include "plans/json.h"
#include "plans/periods.h"
#include "plans/rows.h"
#include "plans/rules.h"

namespace cchc::plans {

using nlohmann::json;
using namespace std::chrono;

const db::Columns<Report> kReportRow{
    {"task_id", &Report::task_id},
    {"unit_code", &Report::unit_code},
    {"period", &Report::period},
    {"role", &Report::role},
    {"progress", &Report::progress},
    {"percent", &Report::percent},
    {"done_on", &Report::done_on},
    {"narrative", &Report::narrative},
    {"evidence", &Report::evidence},
    {"unchanged", &Report::unchanged},
    {"reported_by", &Report::reported_by},
    {"reported_at", &Report::reported_at},
    {"difficulties", &Report::difficulties},
    {"proposals", &Report::proposals},
    {"difficulties_answer", &Report::difficulties_answer},
    {"proposals_answer", &Report::proposals_answer},
    {"review", &Report::review},
    {"review_note", &Report::review_note},
    {"reviewed_by", &Report::reviewed_by},
    {"reviewed_at", &Report::reviewed_at},
};

void mark_counted(std::vector<Report>& reports, const CountPolicy& policy) {
  for (auto& r : reports) r.counted = report_counts(r.review, local_date(r.reported_at), policy);
}

int report_count_after_days(db::Connection& c) {
  auto rows = c.query("SELECT value FROM settings WHERE key = 'report_count_after_days'");
  return rows.empty() ? 0 : std::clamp(parse_int<int>(rows.rows[0].str("value")).value_or(0), 0, 250);
}

CountPolicy load_count_policy(db::Connection& c) {
  return count_policy(local_date(now_seconds()), report_count_after_days(c), WorkCalendar::vietnam());
}

std::vector<Report> plan_reports(db::Connection& c, std::int64_t plan_id) {
  std::vector<Report> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                                           "WHERE t.plan_id = ? ORDER BY r.reported_at",
                                           kReportRow.list("r")),
                               {plan_id})
                           .rows) {
    out.push_back(kReportRow.read(r));
  }
  mark_counted(out, load_count_policy(c));
  return out;
}

std::vector<Report> task_reports(db::Connection& c, std::int64_t task_id) {
  std::vector<Report> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? ORDER BY r.reported_at",
                                           kReportRow.list("r")),
                               {task_id})
                           .rows) {
    out.push_back(kReportRow.read(r));
  }
  mark_counted(out, load_count_policy(c));
  return out;
}

std::vector<TaskState> plan_states(db::Connection& c, std::int64_t plan_id, Date as_of) {
  auto tasks = plan_tasks(c, plan_id);
  auto reports = plan_reports(c, plan_id);
  std::map<std::int64_t, std::vector<Report>> by_task;
  for (auto& r : reports) by_task[r.task_id].push_back(std::move(r));
  std::vector<TaskState> out;
  out.reserve(tasks.size());
  for (const auto& t : tasks) out.push_back(state_as_of(t, by_task[t.id], as_of));
  return out;
}

Report submit_report(db::Connection& c, Report r, const audit::Entry& who, Instant now, const EvidenceFile* file) {
  Date today = local_date(now);
  std::optional<CheckedFile> checked;
  if (file) checked = check_evidence_file(*file);
  r.narrative = text::nfc(text::trim(r.narrative));
  r.evidence = text::nfc(text::trim(r.evidence));
  r.difficulties = text::nfc(text::trim(r.difficulties));
  r.proposals = text::nfc(text::trim(r.proposals));
  // New or changed, it waits for the coordinator's review again.
  r.review = "pending";
  r.review_note.clear();
  r.reviewed_by.reset();
  r.reviewed_at.reset();
  r.difficulties_answer.clear();
  r.proposals_answer.clear();
  r.counted = false;
  auto task = find_task(c, r.task_id);
  if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
  auto plan = find_plan(c, task->plan_id);
  const auto& list = r.role == "lead" ? task->leads : task->cooperates;
  if ((r.role != "lead" && r.role != "cooperate") || std::find(list.begin(), list.end(), r.unit_code) == list.end()) {
    throw forbidden(fmt::format("unit {} is not a {} unit of task {}", r.unit_code, r.role, r.task_id),
                    "Đơn vị không được giao nhiệm vụ này.");
  }
  if (task->cancelled_reason) throw invalid_input("the task is cancelled", "Nhiệm vụ đã hủy, không cần báo cáo.");
  auto period = period_of_key(load_report_periods(c), r.period, WorkCalendar::vietnam());
  if (sys_days{period.first} > sys_days{today}) {
    throw invalid_input(fmt::format("period {} has not begun", r.period), "Kỳ báo cáo này chưa bắt đầu.");
  }
  int py = int(period.last.year());
  if (py != plan->year && py != plan->year + 1) {
    throw invalid_input(fmt::format("period {} is outside the plan's year {}", r.period, plan->year),
                        "Kỳ báo cáo không thuộc năm của kế hoạch.");
  }
  if (r.unchanged) {
    auto config = load_report_periods(c);
    std::optional<Report> prev;
    for (const auto& row : c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? AND "
                                               "r.unit_code = ? AND r.role = ? ORDER BY r.reported_at",
                                               kReportRow.list("r")),
                                   {r.task_id, r.unit_code, r.role})
                               .rows) {
      auto earlier = kReportRow.read(row);
      if (period_rank(config, earlier.period) < period_rank(config, r.period)) prev = earlier;
    }
    if (!prev) {
      throw invalid_input("there is no earlier report to repeat", "Chưa có báo cáo kỳ trước để giữ nguyên.");
    }
    const auto& p = *prev;
    r.progress = p.progress;
    r.percent = p.percent;
    r.done_on = p.done_on;
    r.narrative = p.narrative;
    r.evidence = p.evidence;
    r.difficulties = p.difficulties;
    r.proposals = p.proposals;
  }
  if (r.progress == "done") r.percent = 100;
  if (checked) {
    auto hex = sha256_hex(file->content);
    directory::within_files(c.query("SELECT COUNT(*) AS n FROM evidence_files WHERE task_id = ? AND unit_code = ? "
                                    "AND period = ?",
                                    {r.task_id, r.unit_code, r.period})
                                .one()
                                .i64("n"),
                            kMaxEvidenceFiles, "mỗi báo cáo nhiệm vụ trong một kỳ");
    directory::make_room(c, who.actor, file->content.size());
    auto id = c.query(
                   "INSERT INTO evidence_files (task_id, unit_code, period, filename, content_type, size, sha256, "
                   "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {r.task_id, r.unit_code, r.period, checked->name, checked->content_type,
                    std::int64_t(file->content.size()), hex, text::base64(file->content), who.actor,
                    std::int64_t(now.time_since_epoch().count())})
                  .one()
                  .i64("id");
    r.evidence += (r.evidence.empty() ? "" : "\n") + fmt::format("/minh-chung/{}", id);
    audit::record(c, who, "create", "evidence_files", std::to_string(id), std::nullopt,
                  json{{"task_id", r.task_id},
                       {"unit", r.unit_code},
                       {"file", checked->name},
                       {"size", file->content.size()},
                       {"sha256", hex}}
                      .dump(),
                  now);
  }
  if (auto errors = check_report(r, today); !errors.empty()) throw rejected(errors);
  r.reported_by = who.actor;
  r.reported_at = now;
  auto before = find_report(c, r.task_id, r.unit_code, r.period);
  std::optional<std::string> before_json;
  if (before) before_json = to_json(*before).dump();
  bool was_returned = before && before->review == "returned";
  c.query("DELETE FROM task_reports WHERE task_id = ? AND unit_code = ? AND period = ?",
          {r.task_id, r.unit_code, r.period});
  c.query(
      "INSERT INTO task_reports (task_id, unit_code, period, role, progress, percent, done_on, narrative, "
      "evidence, unchanged, reported_by, reported_at, difficulties, proposals, review) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
      {r.task_id, r.unit_code, r.period, r.role, r.progress, r.percent, opt_iso(r.done_on), r.narrative, r.evidence,
       r.unchanged, r.reported_by, std::int64_t(now.time_since_epoch().count()), r.difficulties, r.proposals});
  add_report_event(c, r, was_returned ? "resubmitted" : "submitted", "", to_json(r).dump(), who, now);
  audit::record(c, who, before_json ? "update" : "create", "task_reports",
                fmt::format("{}/{}/{}", r.task_id, r.unit_code, r.period), before_json, to_json(r).dump(), now);
  touch(c, Changed::report, r.task_id);
  return r;
}

Report submit_report(db::Database& db, Report r, const audit::Entry& who, Instant now, const EvidenceFile* file) {
  return db.write([&](db::Connection& c) { return submit_report(c, r, who, now, file); });
}

std::optional<Report> find_report(db::Connection& c, std::int64_t task_id, const std::string& unit,
                                  const std::string& period) {
  auto rows =
      c.query(fmt::format("SELECT {} FROM task_reports r WHERE r.task_id = ? AND r.unit_code = ? AND r.period = ?",
                          kReportRow.list("r")),
              {task_id, unit, period});
  if (rows.empty()) return std::nullopt;
  return kReportRow.read(rows.rows[0]);
}

void write_review(db::Connection& c, const Report& r) {
  c.query(
      "UPDATE task_reports SET review = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?, "
      "difficulties_answer = ?, proposals_answer = ? WHERE task_id = ? AND unit_code = ? AND period = ?",
      {r.review, r.review_note, r.reviewed_by ? db::Param(*r.reviewed_by) : db::Param(nullptr),
       r.reviewed_at ? db::Param(std::int64_t(r.reviewed_at->time_since_epoch().count())) : db::Param(nullptr),
       r.difficulties_answer, r.proposals_answer, r.task_id, r.unit_code, r.period});
  touch(c, Changed::report, r.task_id);
}

void add_report_event(db::Connection& c, const Report& r, const std::string& event, const std::string& note,
                      const std::optional<std::string>& snapshot, const audit::Entry& who, Instant now) {
  c.query(
      "INSERT INTO report_events (task_id, unit_code, period, event, note, snapshot, actor, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {r.task_id, r.unit_code, r.period, event, note, snapshot ? db::Param(*snapshot) : db::Param(nullptr), who.actor,
       std::int64_t(now.time_since_epoch().count())});
}

namespace {

// " AND …" keeping the reports whose unit and plan's issuing unit are both
// in `within`, its codes added to `params`; "" for any unit. An empty set
// matches no report.
std::string reviewed_units_sql(const std::optional<std::set<std::string>>& within, std::vector<db::Param>& params) {
  if (!within) return "";
  if (within->empty()) return " AND 1 = 0";
  for (int i = 0; i < 2; ++i) params.insert(params.end(), within->begin(), within->end());
  auto list = db::marks(within->size());
  return " AND r.unit_code IN (" + list + ") AND p.unit_code IN (" + list + ")";
}

}  // namespace

std::vector<ReportOnTask> reports_in_review(db::Connection& c, const std::string& review, const std::string& period,
                                            const std::string& unit, int limit,
                                            const std::optional<std::set<std::string>>& within) {
  std::vector<ReportOnTask> out;
  std::vector<db::Param> params = {review, period, period, unit, unit};
  auto units = reviewed_units_sql(within, params);
  params.emplace_back(limit);
  auto rows = c.query(fmt::format("SELECT {}, p.number AS plan_number FROM task_reports r "
                                  "JOIN plan_tasks t ON t.id = r.task_id JOIN plans p ON p.id = t.plan_id "
                                  "WHERE p.status = 'issued' AND r.review = ? AND (? = '' OR r.period = ?) "
                                  "AND (? = '' OR r.unit_code = ?){} "
                                  "ORDER BY r.reported_at, r.task_id, r.unit_code LIMIT ?",
                                  kReportRow.list("r"), units),
                      params);
  std::map<std::int64_t, Task> tasks;
  for (const auto& r : rows.rows) {
    ReportOnTask item{kReportRow.read(r), {}, r.str("plan_number")};
    auto it = tasks.find(item.report.task_id);
    if (it == tasks.end()) it = tasks.emplace(item.report.task_id, need_task(c, item.report.task_id)).first;
    item.task = it->second;
    out.push_back(std::move(item));
  }
  return out;
}

int count_in_review(db::Connection& c, const std::string& review, const std::optional<std::set<std::string>>& within) {
  std::vector<db::Param> params = {review};
  auto units = reviewed_units_sql(within, params);
  return int(c.query("SELECT COUNT(*) AS n FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                     "JOIN plans p ON p.id = t.plan_id WHERE r.review = ? AND p.status = 'issued'" +
                         units,
                     params)
                 .one()
                 .i64("n"));
}

std::vector<ReportEvent> task_report_events(db::Connection& c, std::int64_t task_id) {
  static const db::Columns<ReportEvent> row{
      {"unit_code", &ReportEvent::unit_code}, {"period", &ReportEvent::period}, {"event", &ReportEvent::event},
      {"note", &ReportEvent::note},           {"actor", &ReportEvent::actor},   {"at", &ReportEvent::at},
  };
  return row.read_all(
      c.query(fmt::format("SELECT {} FROM report_events WHERE task_id = ? ORDER BY id", row.list()), {task_id}));
}

std::optional<StoredFile> find_evidence_file(db::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT task_id, filename, content_type, content FROM evidence_files WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "a stored evidence file is damaged");
  return StoredFile{r.i64("task_id"), r.str("filename"), r.str("content_type"), std::move(*bytes)};
}

}  // namespace cchc::plans
