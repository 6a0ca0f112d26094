// Tasks' states read in bulk: a year's issued plans (the province view,
// trends), and what a unit owes for a period (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "plans/rows.h"

namespace cchc::plans {

using namespace std::chrono;

namespace {

// The log's kinds, as plan_changes stores them, in Changed's order.
constexpr std::string_view kChangeKinds[] = {"report", "task", "plan", "other"};

// The year's issued and closed plans; `narrower`, over plans p and
// plan_tasks t, keeps some of their tasks (its parameters after the year).
constexpr std::string_view kInYear = "p.year = ? AND p.status <> 'draft'";

std::vector<db::Param> year_params(int year, std::vector<db::Param> narrower) {
  narrower.insert(narrower.begin(), db::Param(year));
  return narrower;
}

// The tasks `narrower` keeps of the year, as YearTasks holds them: by
// plan, then matrix order, each one's units by code.
std::vector<Task> read_year_tasks(db::Connection& c, int year, std::string_view narrower,
                                  const std::vector<db::Param>& params) {
  auto all = year_params(year, params);
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t JOIN plans p ON p.id = t.plan_id "
                                  "WHERE {}{} ORDER BY p.id, t.ord, t.id",
                                  kTaskRow.list("t"), kInYear, narrower),
                      all);
  auto tasks = tasks_of(c, rows,
                        fmt::format("SELECT u.task_id, u.unit_code, u.role FROM task_units u "
                                    "JOIN plan_tasks t ON t.id = u.task_id JOIN plans p ON p.id = t.plan_id "
                                    "WHERE {}{}",
                                    kInYear, narrower),
                        all);
  for (auto& t : tasks) {
    std::sort(t.leads.begin(), t.leads.end());
    std::sort(t.cooperates.begin(), t.cooperates.end());
  }
  return tasks;
}

// The lead reports of the tasks `narrower` keeps of the year, by task id,
// each task's by unit then period, marked by `policy`. Columns by
// position: the full year's is the view's largest read.
std::map<std::int64_t, std::vector<Report>> read_year_reports(db::Connection& c, int year, std::string_view narrower,
                                                              const std::vector<db::Param>& params,
                                                              const CountPolicy& policy) {
  auto rows = c.query(fmt::format("SELECT r.task_id, r.unit_code, r.period, r.progress, r.percent, r.done_on, "
                                  "r.reported_at, r.review FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                                  "JOIN plans p ON p.id = t.plan_id WHERE {}{} AND r.role = 'lead'",
                                  kInYear, narrower),
                      year_params(year, params));
  auto text = [](const db::Value& v) -> const std::string& { return std::get<std::string>(v); };
  auto integer = [](const db::Value& v) {
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : std::stoll(std::get<std::string>(v));
  };
  std::map<std::int64_t, std::vector<Report>> out;
  for (const auto& r : rows.rows) {
    Report o;
    o.task_id = integer(r[0]);
    o.unit_code = text(r[1]);
    o.period = text(r[2]);
    o.progress = text(r[3]);
    o.percent = int(integer(r[4]));
    if (!std::holds_alternative<std::monostate>(r[5])) o.done_on = parse_iso_date(text(r[5]));
    o.reported_at = Instant{seconds{integer(r[6])}};
    o.review = text(r[7]);
    o.counted = report_counts(o.review, local_date(o.reported_at), policy);
    out[o.task_id].push_back(std::move(o));
  }
  for (auto& [task, reports] : out) {
    std::sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
      return std::tie(a.unit_code, a.period) < std::tie(b.unit_code, b.period);
    });
  }
  return out;
}

// YearTasks' order of tasks.
bool held_before(const Task& a, const Task& b) {
  return std::tie(a.plan_id, a.ord, a.id) < std::tie(b.plan_id, b.ord, b.id);
}

// The plan's tasks in `y` replaced by what the year holds of it now (none
// when it left the year or became a draft).
void reread_plan(db::Connection& c, YearTasks& y, std::int64_t plan_id) {
  auto first = std::lower_bound(y.tasks.begin(), y.tasks.end(), plan_id,
                                [](const Task& t, std::int64_t id) { return t.plan_id < id; });
  auto last =
      std::upper_bound(first, y.tasks.end(), plan_id, [](std::int64_t id, const Task& t) { return id < t.plan_id; });
  for (auto it = first; it != last; ++it) y.reports.erase(it->id);
  auto fresh = read_year_tasks(c, y.year, " AND p.id = ?", {plan_id});
  auto at = y.tasks.erase(first, last);
  y.tasks.insert(at, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
  if (fresh.empty()) return;
  for (auto& [task, reports] : read_year_reports(c, y.year, " AND p.id = ?", {plan_id}, y.policy)) {
    y.reports[task] = std::move(reports);
  }
}

// The task in `y` replaced by what the year holds of it now (none when it
// was removed or its plan is not of the year).
void reread_task(db::Connection& c, YearTasks& y, std::int64_t task_id) {
  auto held = std::find_if(y.tasks.begin(), y.tasks.end(), [&](const Task& t) { return t.id == task_id; });
  if (held != y.tasks.end()) y.tasks.erase(held);
  y.reports.erase(task_id);
  auto fresh = read_year_tasks(c, y.year, " AND t.id = ?", {task_id});
  if (fresh.empty()) return;
  y.tasks.insert(std::upper_bound(y.tasks.begin(), y.tasks.end(), fresh.front(), held_before),
                 std::move(fresh.front()));
  for (auto& [task, reports] : read_year_reports(c, y.year, " AND t.id = ?", {task_id}, y.policy)) {
    y.reports[task] = std::move(reports);
  }
}

// The lead reports of a task `y` holds, read again.
void reread_reports(db::Connection& c, YearTasks& y, std::int64_t task_id) {
  if (std::none_of(y.tasks.begin(), y.tasks.end(), [&](const Task& t) { return t.id == task_id; })) return;
  y.reports.erase(task_id);
  for (auto& [task, reports] : read_year_reports(c, y.year, " AND t.id = ?", {task_id}, y.policy)) {
    y.reports[task] = std::move(reports);
  }
}

}  // namespace

void touch(db::Connection& c, Changed what, std::int64_t id) {
  auto version =
      c.query("UPDATE plan_data_version SET version = version + 1 WHERE id = 1 RETURNING version").one().i64("version");
  c.query("INSERT INTO plan_changes (version, kind, ref) VALUES (?, ?, ?)",
          {version, kChangeKinds[static_cast<size_t>(what)], id});
  c.query("DELETE FROM plan_changes WHERE version <= ?", {version - kKeptChanges});
}

YearTasks year_tasks(db::Connection& c, int year) {
  YearTasks y;
  y.year = year;
  // Read first: the rows below are at this version or a later one, whose
  // changes refreshed applies again.
  y.version = data_version(c);
  y.policy = load_count_policy(c);
  y.tasks = read_year_tasks(c, year, "", {});
  y.reports = read_year_reports(c, year, "", {}, y.policy);
  return y;
}

bool still_current(db::Connection& c, const YearTasks& held) {
  return data_version(c) == held.version && load_count_policy(c) == held.policy;
}

YearTasks refreshed(db::Connection& c, const YearTasks& held, std::size_t max_changes) {
  auto version = data_version(c);
  if (version < held.version) return year_tasks(c, held.year);  // another database, or one restored
  // The rows after held's version, each the next; rows committed since
  // `version` was read may follow: applied too, they only move it on.
  auto rows = c.query("SELECT version, kind, ref FROM plan_changes WHERE version > ? ORDER BY version LIMIT ?",
                      {held.version, std::int64_t(max_changes) + 1});
  if (rows.rows.size() > max_changes) return year_tasks(c, held.year);
  std::int64_t reached = held.version;
  std::set<std::int64_t> plans, tasks, reports;
  for (const auto& r : rows.rows) {
    if (r.i64("version") != reached + 1) break;
    auto kind = r.str("kind");
    auto ref = r.i64("ref");
    if (kind == kChangeKinds[size_t(Changed::report)])
      reports.insert(ref);
    else if (kind == kChangeKinds[size_t(Changed::task)])
      tasks.insert(ref);
    else if (kind == kChangeKinds[size_t(Changed::plan)])
      plans.insert(ref);
    else if (kind != kChangeKinds[size_t(Changed::other)])
      return year_tasks(c, held.year);
    ++reached;
  }
  if (reached < version) return year_tasks(c, held.year);
  YearTasks y = held;
  y.version = reached;
  y.policy = load_count_policy(c);
  if (y.policy != held.policy) {
    for (auto& [task, list] : y.reports) mark_counted(list, y.policy);
  }
  for (auto id : plans) reread_plan(c, y, id);
  for (auto id : tasks) reread_task(c, y, id);
  for (auto id : reports) {
    if (!tasks.contains(id)) reread_reports(c, y, id);
  }
  return y;
}

std::vector<TaskState> states_as_of(const YearTasks& y, Date as_of) {
  static const std::vector<Report> none;
  std::vector<TaskState> out;
  out.reserve(y.tasks.size());
  for (const auto& t : y.tasks) {
    auto it = y.reports.find(t.id);
    out.push_back(state_as_of(t, it == y.reports.end() ? none : it->second, as_of));
  }
  return out;
}

std::map<TaskStatus, int> count_as_of(const YearTasks& y, Date as_of, const std::function<bool(const Task&)>& keep) {
  static const std::vector<Report> none;
  std::map<TaskStatus, int> out;
  for (const auto& t : y.tasks) {
    if (!keep(t)) continue;
    auto it = y.reports.find(t.id);
    ++out[task_status_as_of(t, it == y.reports.end() ? none : it->second, as_of)];
  }
  return out;
}

std::vector<Owed> owed_by(db::Connection& c, const std::string& unit, const PeriodOfYear& period, Date today) {
  int y = int(period.last.year());
  auto rows = c.query(fmt::format("SELECT {}, p.number, u.role AS unit_role FROM plan_tasks t "
                                  "JOIN plans p ON p.id = t.plan_id JOIN task_units u ON u.task_id = t.id "
                                  "WHERE u.unit_code = ? AND p.year = ? AND p.status = 'issued' "
                                  "ORDER BY p.id, t.ord, t.id",
                                  kTaskRow.list("t")),
                      {unit, y});
  std::vector<std::pair<std::string, std::string>> meta;  // number, role per row
  for (const auto& r : rows.rows) meta.emplace_back(r.str("number"), r.str("unit_role"));
  auto tasks = tasks_of(c, rows,
                        "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                        "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status = 'issued' AND u.task_id IN "
                        "(SELECT task_id FROM task_units WHERE unit_code = ?)",
                        {y, unit});
  std::map<std::int64_t, std::vector<Report>> reports;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
                                           "JOIN plans p ON p.id = t.plan_id WHERE r.unit_code = ? AND p.year = ? "
                                           "ORDER BY r.reported_at",
                                           kReportRow.list("r")),
                               {unit, y})
                           .rows) {
    auto rep = kReportRow.read(r);
    reports[rep.task_id].push_back(std::move(rep));
  }
  auto config = load_report_periods(c);
  std::vector<Owed> out;
  for (size_t i = 0; i < tasks.size(); ++i) {
    Owed o{tasks[i], meta[i].first, meta[i].second, TaskStatus::not_started, std::nullopt, std::nullopt};
    std::vector<Report> in_role;
    for (const auto& r : reports[o.task.id]) {
      if (r.role == o.role) in_role.push_back(r);
    }
    auto seen = reports_for_period(in_role, config, period.key);
    o.previous = seen.previous;
    o.current = seen.current;
    if (!owes_report(o.task, o.previous)) continue;
    Task mine = o.task;
    mine.leads = {unit};
    std::vector<Report> own;
    for (const auto& r : reports[o.task.id]) {
      if (r.role == "lead") own.push_back(r);
    }
    o.status = o.role == "lead" ? state_as_of(mine, own, today).status : state_as_of(o.task, {}, today).status;
    out.push_back(std::move(o));
  }
  return out;
}

OwedCount count_owed(const std::vector<Owed>& owed) {
  OwedCount n;
  for (const auto& o : owed) {
    if (!report_owed(o)) {
      ++n.contributions;
      continue;
    }
    ++n.owed;
    n.made += o.current.has_value();
  }
  return n;
}

}  // namespace cchc::plans
