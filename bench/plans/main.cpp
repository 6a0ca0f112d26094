// The province view's work, side by side in one run (bench/plans.sh drives
// it; method and figures in docs/performance.md):
//
//   raw      the floor: the same rows the view reads (tasks, their units,
//            the leads' reports of the year) stepped through with the
//            sqlite3 C API and nothing done with them;
//   load     plans::year_tasks: those rows into tasks and reports;
//   derive   every task's state as of the day, the summaries (status by
//            area, ranking, overdue list, heat map) and the trend (the
//            states as of each period's last day), and their tables;
//   copy     a copy of the held year (what refreshing one costs at least);
//   refresh  plans::refreshed right after one lead report is submitted
//            (plans::submit_report, not timed): the held year follows the
//            write instead of being read again.
//
// usage: cchc_bench_plans --db FILE [--tasks 5000] [--reports 50000] [--runs 30]
//        cchc_bench_plans --db FILE --write-report
// The second form submits one lead report on a task of 2025 and exits
// (bench/plans.sh: a write from another process before each request).
// The first run on a store with no plans of 2025 writes the synthetic plans of 2025
// (docs/performance.md says how); later runs reuse them. Prints one JSON
// object per measurement (median and p99 over the runs, in ms).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "db/database.h"
#include "db/migrate.h"
#include "plans/periods.h"
#include "plans/province.h"
#include "plans/store.h"
#include "plans/tables.h"

using namespace cchc;
using namespace cchc::plans;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kYear = 2025;

// Plans of 100 tasks, each led by one open unit with three co-operating
// units; deadlines of every kind; per period the lead reports with
// probability 0.9 and each co-operating unit with 0.6, until `reports`.
void generate(db::Database& db, int tasks, int reports) {
  std::mt19937 rng(20251231);
  db.write([&](db::Connection& c) {
    std::vector<std::string> units;
    for (const auto& r :
         c.query("SELECT code FROM units WHERE valid_to IS NULL AND level <> 'province' ORDER BY code").rows) {
      units.push_back(r.str("code"));
    }
    std::vector<std::string> areas;
    for (const auto& r : c.query("SELECT code FROM reform_areas ORDER BY ord").rows) areas.push_back(r.str("code"));
    const char* deadlines[][3] = {
        {"quarter", "2025-03-31", "Quý I/2025"},   {"quarter", "2025-06-30", "Quý II/2025"},
        {"quarter", "2025-09-30", "Quý III/2025"}, {"quarter", "2025-12-31", "Quý IV/2025"},
        {"month", "2025-05-31", "Tháng 5/2025"},   {"half", "2025-06-30", "6 tháng đầu năm 2025"},
        {"year", "2025-12-31", "Trong năm 2025"},  {"date", "2025-08-15", "Trước ngày 15/08/2025"},
        {"continuous", "", "Thường xuyên"},        {"schedule", "", "Theo tiến độ phê duyệt"}};
    const char* periods[] = {"2025-q1", "2025-h1", "2025-q3", "2025-year"};
    const std::int64_t t0 = 1'736'000'000;  // 04/01/2025
    int written = 0;
    std::int64_t plan_id = 0;
    for (int i = 0; i < tasks; ++i) {
      if (i % 100 == 0) {
        plan_id = c.query(
                       "INSERT INTO plans (number, kind, unit_code, issued_on, title, year, status, created_at, "
                       "updated_at) VALUES (?, 'reform', ?, '2025-01-10', ?, 2025, 'issued', ?, ?) RETURNING id",
                       {fmt::format("{}/KH-BENCH", i / 100 + 1), units[size_t(i / 100) % units.size()],
                        fmt::format("Kế hoạch thử {}", i / 100 + 1), t0, t0})
                      .one()
                      .i64("id");
      }
      const auto& d = deadlines[rng() % 10];
      auto task = c.query(
                       "INSERT INTO plan_tasks (plan_id, ord, ref, area_code, objective_text, description, output, "
                       "deadline_text, deadline_kind, due_on, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, '', ?, 'Báo cáo', ?, ?, ?, ?, ?) RETURNING id",
                       {plan_id, i % 100 + 1, std::to_string(i % 100 + 1), areas[rng() % areas.size()],
                        fmt::format("Nhiệm vụ thử số {} về cải cách hành chính", i + 1), d[2], d[0],
                        *d[1] ? db::Param(d[1]) : db::Param(nullptr), t0, t0})
                      .one()
                      .i64("id");
      std::vector<std::string> assigned;
      while (assigned.size() < 4) {
        const auto& u = units[rng() % units.size()];
        if (std::find(assigned.begin(), assigned.end(), u) == assigned.end()) assigned.push_back(u);
      }
      for (size_t k = 0; k < assigned.size(); ++k) {
        c.query("INSERT INTO task_units VALUES (?, ?, ?)", {task, assigned[k], k == 0 ? "lead" : "cooperate"});
      }
      for (int p = 0; p < 4 && written < reports; ++p) {
        for (size_t k = 0; k < assigned.size() && written < reports; ++k) {
          if (rng() % 100 >= (k == 0 ? 90u : 60u)) continue;
          int percent = std::min(100, 25 * (p + 1) + int(rng() % 20));
          bool done = k == 0 && percent >= 100;
          std::int64_t at = t0 + (p + 1) * 86400LL * 85;
          c.query(
              "INSERT INTO task_reports (task_id, unit_code, period, role, progress, percent, done_on, narrative, "
              "evidence, unchanged, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, 'bench', ?)",
              {task, assigned[k], periods[p], k == 0 ? "lead" : "cooperate", done ? "done" : "in_progress",
               done ? 100 : percent,
               done ? db::Param(format_iso_date(local_date(Instant{std::chrono::seconds{at}}))) : db::Param(nullptr),
               "Đang triển khai theo kế hoạch.", at});
          ++written;
        }
      }
    }
    // A new version with no change logged: a held year is read whole.
    c.query("UPDATE plan_data_version SET version = version + 1 WHERE id = 1");
  });
}

struct Stats {
  double p50, p99;
};

// `f` timed `runs` times, each after `before` (not timed).
template <class Before, class F>
Stats measure_after(int runs, Before&& before, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    before();
    auto t = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))]};
}

template <class F>
Stats measure(int runs, F&& f) {
  return measure_after(
      runs, [] {}, std::forward<F>(f));
}

// Each task of 2025 with its lead unit.
std::vector<std::pair<std::int64_t, std::string>> lead_assignments(db::Database& db) {
  return db.read([](db::Connection& c) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r :
         c.query("SELECT u.task_id, u.unit_code FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                 "JOIN plans p ON p.id = t.plan_id WHERE p.year = 2025 AND p.status = 'issued' "
                 "AND u.role = 'lead' AND t.cancelled_reason IS NULL ORDER BY u.task_id")
             .rows) {
      out.emplace_back(r.i64("task_id"), r.str("unit_code"));
    }
    return out;
  });
}

// One lead unit's report for 2025 on a task `rng` picks, as a unit submits
// it (the report, its audit entry and the plan change log in one
// transaction).
void write_one_report(db::Database& db, const std::vector<std::pair<std::int64_t, std::string>>& leads,
                      std::mt19937& rng) {
  static const audit::Entry who{"cli:bench", "cli", "", "", "", {}, {}};
  const auto& [task, unit] = leads[rng() % leads.size()];
  Report r;
  r.task_id = task;
  r.unit_code = unit;
  r.period = "2025-year";
  r.progress = "in_progress";
  r.percent = int(1 + rng() % 99);
  r.narrative = "Đang triển khai theo kế hoạch.";
  submit_report(db, r, who, now_seconds());
}

void print(const std::string& what, const Stats& s, int tasks, int reports) {
  std::cout
      << nlohmann::json{{"what", what}, {"tasks", tasks}, {"reports", reports}, {"p50_ms", s.p50}, {"p99_ms", s.p99}}
             .dump()
      << std::endl;
}

// Steps through every row of a query; returns the rows.
long step_all(sqlite3* h, const char* sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
  sqlite3_bind_int(st, 1, kYear);
  long n = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(st); ++i) (void)sqlite3_column_text(st, i);
    ++n;
  }
  sqlite3_finalize(st);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int tasks = 5000, reports = 50000, runs = 30;
  bool write_report = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--write-report")
      write_report = true;
    else if (a == "--db")
      path = value();
    else if (a == "--tasks")
      tasks = std::stoi(value());
    else if (a == "--reports")
      reports = std::stoi(value());
    else if (a == "--runs")
      runs = std::stoi(value());
  }
  if (path.empty()) {
    std::cerr << "usage: cchc_bench_plans --db FILE [--tasks N] [--reports N] [--runs N]\n"
                 "       cchc_bench_plans --db FILE --write-report\n";
    return 2;
  }
  auto db = db::open(path);
  db::migrate(*db);
  std::mt19937 rng(std::random_device{}());
  if (write_report) {
    auto leads = lead_assignments(*db);
    if (leads.empty()) {
      std::cerr << "no task of 2025 to report on: run without --write-report first\n";
      return 1;
    }
    write_one_report(*db, leads, rng);
    return 0;
  }
  const char* in_year = " JOIN plans p ON p.id = t.plan_id WHERE p.year = 2025";
  auto count_tasks = [&](db::Connection& c) {
    return c.query(std::string("SELECT COUNT(*) AS n FROM plan_tasks t") + in_year).one().i64("n");
  };
  if (db->read(count_tasks) == 0) generate(*db, tasks, reports);
  auto counts = db->read([&](db::Connection& c) {
    return std::pair(count_tasks(c), c.query(std::string("SELECT COUNT(*) AS n FROM task_reports r JOIN plan_tasks t "
                                                         "ON t.id = r.task_id") +
                                             in_year)
                                         .one()
                                         .i64("n"));
  });
  tasks = int(counts.first);
  reports = int(counts.second);

  sqlite3* raw = nullptr;
  sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  print("raw sqlite3 rows",
        measure(
            runs,
            [&] {
              step_all(raw,
                       "SELECT t.id, t.plan_id, t.ord, t.ref, t.area_code, t.objective_text, t.description, t.output, "
                       "t.deadline_text, t.deadline_kind, t.due_on, t.cancelled_reason FROM plan_tasks t "
                       "JOIN plans p ON p.id = t.plan_id WHERE p.year = ?1 AND p.status <> 'draft'");
              step_all(raw,
                       "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                       "JOIN plans p ON p.id = t.plan_id WHERE p.year = ?1 AND p.status <> 'draft'");
              step_all(raw,
                       "SELECT r.task_id, r.unit_code, r.period, r.progress, r.percent, r.done_on, r.reported_at "
                       "FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id JOIN plans p ON p.id = t.plan_id "
                       "WHERE p.year = ?1 AND p.status <> 'draft' AND r.role = 'lead'");
            }),
        tasks, reports);
  sqlite3_close(raw);

  YearTasks data;
  print("load (year_tasks)",
        measure(runs, [&] { data = db->read([](db::Connection& c) { return year_tasks(c, kYear); }); }), tasks,
        reports);

  std::vector<Area> areas;
  UnitNames names;
  std::vector<ReportPeriod> config;
  db->read([&](db::Connection& c) {
    areas = load_areas(c);
    for (const auto& u : unit_rows(c)) names[u.code] = u.name;
    config = load_report_periods(c);
  });
  Date as_of{std::chrono::year{kYear} / 12 / 31};
  print("derive (states, summaries, trend, tables)",
        measure(runs,
                [&] {
                  auto states = states_as_of(data, as_of);
                  auto s = summarize(states, as_of, names);
                  std::vector<TrendPoint> trend;
                  for (const auto& p : periods_of_year(config, kYear, WorkCalendar::vietnam())) {
                    trend.push_back({p.label, p.last, count_as_of(data, p.last, [](const Task&) { return true; })});
                  }
                  auto t1 = status_by_area_table(s, areas);
                  auto t2 = ranking_table(s, names);
                  auto t3 = overdue_table(s, names);
                  auto t4 = heat_table(s, areas, names);
                  auto t5 = trend_table(trend);
                  (void)views::to_view(t3);
                }),
        tasks, reports);

  static volatile std::size_t sink = 0;
  print("copy of the held year",
        measure(runs,
                [&] {
                  YearTasks copy = data;
                  sink = sink + copy.tasks.size();
                }),
        tasks, reports);
  auto leads = lead_assignments(*db);
  YearTasks held = db->read([](db::Connection& c) { return year_tasks(c, kYear); });
  print("refresh after one report (refreshed)",
        measure_after(
            runs, [&] { write_one_report(*db, leads, rng); },
            [&] { held = db->read([&](db::Connection& c) { return refreshed(c, held); }); }),
        tasks, reports);
  return 0;
}
