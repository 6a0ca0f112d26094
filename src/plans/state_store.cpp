// Tasks' states read in bulk: a year's issued plans (the province view,
// trends), and what a unit owes for a period (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include "plans/rows.h"

namespace cchc::plans {

using namespace std::chrono;

YearTasks year_tasks(db::Connection& c, int year) {
  YearTasks y;
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t JOIN plans p ON p.id = t.plan_id "
                                  "WHERE p.year = ? AND p.status <> 'draft' ORDER BY p.id, t.ord, t.id",
                                  kTaskRow.list("t")),
                      {year});
  y.tasks = tasks_of(c, rows,
                     "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                     "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status <> 'draft'",
                     {year});
  // The reports' order does not matter: a state takes each lead's latest.
  // Columns by position: this is the view's largest read.
  auto reports = c.query(
      "SELECT r.task_id, r.unit_code, r.period, r.progress, r.percent, r.done_on, "
      "r.reported_at, r.review FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
      "JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.status <> 'draft' AND r.role = 'lead'",
      {year});
  auto policy = load_count_policy(c);
  auto text = [](const db::Value& v) -> const std::string& { return std::get<std::string>(v); };
  auto integer = [](const db::Value& v) {
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : std::stoll(std::get<std::string>(v));
  };
  for (const auto& r : reports.rows) {
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
    y.reports[o.task_id].push_back(std::move(o));
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
