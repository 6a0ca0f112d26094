// The province view's held year follows plan writes (plans::refreshed):
// after random sequences of every kind of plan write, from this process
// and from a second one, the held year brought up to date equals a fresh
// read of it, field by field; and it reads again only what the log names,
// falling back to a whole read on a gap or too many changes.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <random>

#include "coordination/review.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "plans/names.h"
#include "plans/store.h"
#include "support/test_db.h"

namespace cchc::plans::year_refresh {
namespace {

using namespace std::chrono;

class YearRefresh : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, YearRefresh, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWriter{"cli:test", "cli", "", "", "", {}, {}};

Instant on(const char* day, int hour = 10) { return start_of_day(parse_iso_date(day)) + hours{hour}; }

const char* kDepartments =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
    "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
    "STC,Sở Tài chính,department,P,2004-01-01,,\n"
    "SYT,Sở Y tế,department,P,2004-01-01,,\n";
const std::vector<std::string> kUnitNames = {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế"};
const std::vector<std::string> kAreaCodes = {"institutions", "procedures", "civil_service", "digital_government"};
const std::vector<std::string> kDeadlines = {"Quý II/2024", "Thường xuyên", "trước ngày 30/9/2024", "Trong năm 2025",
                                             "Quý I/2025"};

const char* kSmallMatrix =
    "STT,Mục tiêu,Nhiệm vụ/Hoạt động,Kết quả/Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành\n"
    "I,Cải cách thể chế,,,,,\n"
    "1,,Rà soát văn bản,Báo cáo,Sở Tư pháp,Sở Nội vụ,Quý II/2024\n"
    "II,Cải cách thủ tục hành chính,,,,,\n"
    "1,,Công khai thủ tục,Quyết định,Sở Nội vụ,\"Sở Tư pháp; Sở Y tế\",Thường xuyên\n"
    "2,,Số hóa hồ sơ,Phần mềm,Sở Tài chính; Sở Y tế,,trước ngày 30/9/2024\n";

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// Every field of a held year, one line a task or report: for the failure
// message (the check itself is operator==).
std::string dump(const YearTasks& y) {
  std::string out = fmt::format("year {} version {} pending until {}\n", y.year, y.version,
                                y.policy.pending_until ? format_iso_date(*y.policy.pending_until) : "-");
  for (const auto& t : y.tasks) {
    out += fmt::format(
        "task {} plan {} ord {} ref '{}' area {} '{}' '{}' '{}' '{}' {} '{}' cancelled '{}' leads {} "
        "cooperates {}\n",
        t.id, t.plan_id, t.ord, t.ref, t.area_code, t.objective, t.description, t.output, t.deadline_text,
        kind_code(t.deadline.kind), format_deadline(t.deadline), t.cancelled_reason.value_or("-"), joined(t.leads),
        joined(t.cooperates));
  }
  for (const auto& [task, reports] : y.reports) {
    for (const auto& r : reports) {
      out += fmt::format("report {} of {} {} {} {} {}% done {} at {} {} counted {}\n", task, r.task_id, r.unit_code,
                         r.period, r.progress, r.percent, r.done_on ? format_iso_date(*r.done_on) : "-",
                         r.reported_at.time_since_epoch().count(), r.review, r.counted);
    }
  }
  return out;
}

#define EXPECT_SAME_YEAR(got, want)                      \
  do {                                                   \
    const YearTasks& got_ = (got);                       \
    const YearTasks& want_ = (want);                     \
    EXPECT_EQ(dump(got_), dump(want_));                  \
    EXPECT_TRUE(got_ == want_) << "differs beyond dump"; \
  } while (0)

Plan new_plan(db::Database& db, int number, int year, const std::string& status) {
  Plan p;
  p.number = fmt::format("{}/KH-TEST", number);
  p.unit_code = "P";
  p.title = fmt::format("Kế hoạch thử {}", number);
  p.year = year;
  p.issued_on = Date{std::chrono::year{year} / 1 / 10};
  p.status = status;
  return create_plan(db, p, kWriter, on("2024-01-10"));
}

struct Ids {
  std::vector<std::int64_t> plans, tasks;
  struct Made {
    std::int64_t task;
    std::string unit, period;
  };
  std::vector<Made> reports;
};

Ids ids_of(db::Database& db) {
  return db.read([](db::Connection& c) {
    Ids ids;
    for (const auto& r : c.query("SELECT id FROM plans ORDER BY id").rows) ids.plans.push_back(r.i64("id"));
    for (const auto& r : c.query("SELECT id FROM plan_tasks ORDER BY id").rows) ids.tasks.push_back(r.i64("id"));
    for (const auto& r :
         c.query("SELECT task_id, unit_code, period FROM task_reports ORDER BY task_id, unit_code, period").rows) {
      ids.reports.push_back({r.i64("task_id"), r.str("unit_code"), r.str("period")});
    }
    return ids;
  });
}

// One random write of any kind through `db` (this process's or another's),
// at `now`; a write its rules refuse (cchc::Error) changes nothing.
// Returns what it did, for the failure message.
std::string random_write(db::Database& db, std::mt19937& rng, int step, Instant now) {
  auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
  auto ids = ids_of(db);
  int dice = int(rng() % 100);
  try {
    if (dice < 30 && !ids.tasks.empty()) {  // a report submitted
      auto task = db.read([&](db::Connection& c) { return find_task(c, pick(ids.tasks)); });
      auto plan = db.read([&](db::Connection& c) { return find_plan(c, task->plan_id); });
      Report r;
      r.task_id = task->id;
      bool lead = !task->leads.empty() && (task->cooperates.empty() || rng() % 5 != 0);
      if (!lead && task->cooperates.empty()) return "no unit to report";
      r.role = lead ? "lead" : "cooperate";
      r.unit_code = lead ? pick(task->leads) : pick(task->cooperates);
      static const char* periods[] = {"q1", "h1", "q3", "year"};
      r.period = fmt::format("{}-{}", plan->year, periods[rng() % 4]);
      static const char* progress[] = {"not_started", "in_progress", "done"};
      r.progress = progress[rng() % 3];
      r.percent = r.progress == "in_progress" ? int(1 + rng() % 99) : 0;
      if (r.progress == "done") r.done_on = Date{std::chrono::year{plan->year} / 6 / 30};
      submit_report(db, r, kWriter, now);
      return fmt::format("report on {} by {} for {}", r.task_id, r.unit_code, r.period);
    }
    if (dice < 45 && !ids.reports.empty()) {  // a report accepted, returned or answered
      auto made = pick(ids.reports);
      static const char* actions[] = {"accept", "return", "answer"};
      std::string action = actions[rng() % 3];
      coordination::ReviewInput in{action, action == "return" ? "Chưa đủ minh chứng." : "", "Đã ghi nhận.", ""};
      coordination::review_report(db, made.task, made.unit, made.period, in, kWriter, now);
      return fmt::format("{} report {}/{}/{}", action, made.task, made.unit, made.period);
    }
    if (dice < 55 && !ids.plans.empty()) {  // a task added
      TaskInput in{pick(kAreaCodes),
                   "",
                   "",
                   fmt::format("Nhiệm vụ {}", step),
                   "Báo cáo",
                   pick(kDeadlines),
                   pick(kUnitNames),
                   rng() % 2 ? pick(kUnitNames) : ""};
      auto plan = pick(ids.plans);
      auto task = add_task(db, plan, in, kWriter, now);
      return fmt::format("task {} added to plan {}", task.id, plan);
    }
    if (dice < 63 && !ids.tasks.empty()) {  // a task changed: text, deadline, units
      TaskInput in{pick(kAreaCodes),
                   "9",
                   "Mục tiêu",
                   fmt::format("Nhiệm vụ sửa ở bước {}", step),
                   "",
                   pick(kDeadlines),
                   pick(kUnitNames),
                   rng() % 2 ? pick(kUnitNames) : ""};
      auto task = pick(ids.tasks);
      update_task(db, task, in, kWriter, now);
      return fmt::format("task {} changed", task);
    }
    if (dice < 69 && !ids.tasks.empty()) {  // a task cancelled or reopened
      auto task = pick(ids.tasks);
      cancel_task(db, task, rng() % 2 ? "Không còn phù hợp" : "", kWriter, now);
      return fmt::format("task {} cancelled or reopened", task);
    }
    if (dice < 75 && !ids.tasks.empty()) {  // a task removed (refused once it has reports)
      auto task = pick(ids.tasks);
      delete_task(db, task, kWriter, now);
      return fmt::format("task {} removed", task);
    }
    if (dice < 81 && !ids.tasks.empty()) {  // a task moved
      auto task = pick(ids.tasks);
      move_task(db, task, rng() % 2 ? 1 : -1, kWriter, now);
      return fmt::format("task {} moved", task);
    }
    if (dice < 87 && !ids.plans.empty()) {  // a plan's status or year changed
      auto plan = *db.read([&](db::Connection& c) { return find_plan(c, pick(ids.plans)); });
      static const char* statuses[] = {"draft", "issued", "closed"};
      if (rng() % 2)
        plan.status = statuses[rng() % 3];
      else
        plan.year = plan.year == 2024 ? 2025 : 2024;
      update_plan(db, plan, kWriter, now);
      return fmt::format("plan {} now {} of {}", plan.id, plan.status, plan.year);
    }
    if (dice < 92) {  // a matrix imported: into a new plan, or replacing one's tasks
      std::int64_t plan = 0;
      bool replace = !ids.plans.empty() && rng() % 2;
      if (replace) {
        plan = pick(ids.plans);
      } else {
        int year = rng() % 2 ? 2024 : 2025;
        plan = new_plan(db, 100 + step, year, rng() % 4 ? "issued" : "draft").id;
      }
      auto done = import_matrix(db, plan, kSmallMatrix, {}, true, replace, kWriter, now);
      return fmt::format("matrix imported into plan {}: {} rows", plan, done.written);
    }
    if (dice < 95 && !ids.plans.empty()) {  // nothing a year holds: an objective
      Objective o;
      o.plan_id = pick(ids.plans);
      o.area_code = pick(kAreaCodes);
      o.text = fmt::format("Mục tiêu {}", step);
      add_objective(db, o, kWriter, now);
      return "objective added";
    }
    if (dice < 97) {  // the count policy changed (a setting, not a plan write)
      int days = int(rng() % 4) * 5;
      db.write([&](db::Connection& c) {
        c.query("DELETE FROM settings WHERE key = 'report_count_after_days'");
        c.query("INSERT INTO settings (key, value, updated_at) VALUES ('report_count_after_days', ?, 0)",
                {std::to_string(days)});
      });
      return fmt::format("reports pending count after {} days", days);
    }
    if (dice < 99) {  // a version set with no change logged
      db.write([](db::Connection& c) { c.query("UPDATE plan_data_version SET version = version + 1 WHERE id = 1"); });
      return "version raised, nothing logged";
    }
    db.write([](db::Connection& c) { c.query("DELETE FROM plan_changes"); });  // the log purged
    return "log purged";
  } catch (const Error& e) {
    return fmt::format("refused: {}", e.what());
  }
}

TEST_P(YearRefresh, FollowsEveryKindOfWriteAsAFreshReadWould) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kDepartments, kWriter, on("2024-01-01")).ok());
  auto other = db::open(t->spec);  // another process's writes are logged too
  struct Seed {
    int number, year;
    const char* status;
  };
  for (const auto& seed : {Seed{1, 2024, "issued"}, Seed{2, 2024, "draft"}, Seed{3, 2025, "issued"}}) {
    auto plan = new_plan(*t->db, seed.number, seed.year, seed.status);
    ASSERT_TRUE(import_matrix(*t->db, plan.id, kSmallMatrix, {}, true, false, kWriter, on("2024-01-11")).ok());
  }
  auto fresh = [&](int year) { return t->db->read([&](db::Connection& c) { return year_tasks(c, year); }); };
  const int years[] = {2024, 2025};
  std::map<int, YearTasks> last, lagging;  // as of the step before; as of up to six steps before
  for (int y : years) last[y] = lagging[y] = fresh(y);

  std::mt19937 rng(17);
  for (int step = 1; step <= 150; ++step) {
    db::Database& writer = rng() % 3 ? *t->db : *other;
    auto did = random_write(writer, rng, step, on("2026-01-10") + minutes{step});
    SCOPED_TRACE(fmt::format("step {}: {}", step, did));
    for (int y : years) {
      auto before = dump(last[y]);
      auto want = fresh(y);
      auto got = t->db->read([&](db::Connection& c) { return refreshed(c, last[y]); });
      EXPECT_SAME_YEAR(got, want);
      EXPECT_EQ(dump(last[y]), before);  // the held year itself is left as it was
      EXPECT_TRUE(t->db->read([&](db::Connection& c) { return still_current(c, got); }));
      if (step % 6 == 0) {
        EXPECT_SAME_YEAR(t->db->read([&](db::Connection& c) { return refreshed(c, lagging[y]); }), want);
        // More changes than it applies: read whole, the same.
        EXPECT_SAME_YEAR(t->db->read([&](db::Connection& c) { return refreshed(c, lagging[y], 2); }), want);
        lagging[y] = want;
      }
      last[y] = std::move(got);
    }
    if (::testing::Test::HasFailure()) break;  // one step's report is enough
  }
}

// A held year with a mark the database does not have: kept while it
// follows the log (what the log does not name is not read again), gone
// once it reads the year whole.
TEST_P(YearRefresh, ReadsAgainOnlyWhatTheLogNames) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kDepartments, kWriter, on("2024-01-01")).ok());
  auto plan = new_plan(*t->db, 1, 2024, "issued");
  auto a = add_task(*t->db, plan.id, {"procedures", "", "", "Công khai", "", "Thường xuyên", "Sở Nội vụ", ""}, kWriter,
                    on("2024-01-11"));
  auto b = add_task(*t->db, plan.id, {"procedures", "", "", "Số hóa", "", "Thường xuyên", "Sở Tư pháp", ""}, kWriter,
                    on("2024-01-11"));
  auto read = [&](auto f) { return t->db->read(f); };
  auto held = read([](db::Connection& c) { return year_tasks(c, 2024); });
  ASSERT_EQ(held.tasks.size(), 2u);
  ASSERT_EQ(held.tasks[1].id, b.id);
  auto marked = [&](YearTasks y) {
    y.tasks[1].description = "marked";
    return y;
  };
  auto still_marked = [](const YearTasks& y) { return y.tasks.size() == 2 && y.tasks[1].description == "marked"; };
  auto report_on_a = [&](const char* period) {
    Report r;
    r.task_id = a.id;
    r.unit_code = "SNV";
    r.period = period;
    r.percent = 30;
    submit_report(*t->db, r, kWriter, on("2024-10-01"));
  };

  report_on_a("2024-q1");
  auto next = read([&](db::Connection& c) { return refreshed(c, marked(held)); });
  EXPECT_TRUE(still_marked(next));
  auto want = read([](db::Connection& c) { return year_tasks(c, 2024); });
  EXPECT_EQ(next.version, want.version);
  EXPECT_EQ(next.reports, want.reports);
  ASSERT_EQ(next.reports[a.id].size(), 1u);

  // A version with no change logged: the year read whole.
  t->db->write([](db::Connection& c) { c.query("UPDATE plan_data_version SET version = version + 1 WHERE id = 1"); });
  auto whole = read([&](db::Connection& c) { return refreshed(c, marked(want)); });
  EXPECT_FALSE(still_marked(whole));
  EXPECT_SAME_YEAR(whole, read([](db::Connection& c) { return year_tasks(c, 2024); }));

  // The log purged: the same.
  held = whole;
  report_on_a("2024-h1");
  t->db->write([](db::Connection& c) { c.query("DELETE FROM plan_changes"); });
  EXPECT_FALSE(still_marked(read([&](db::Connection& c) { return refreshed(c, marked(held)); })));

  // More changes than it applies: the same; within the bound, followed.
  held = read([](db::Connection& c) { return year_tasks(c, 2024); });
  report_on_a("2024-q3");
  report_on_a("2024-year");
  EXPECT_FALSE(still_marked(read([&](db::Connection& c) { return refreshed(c, marked(held), 1); })));
  EXPECT_TRUE(still_marked(read([&](db::Connection& c) { return refreshed(c, marked(held), 2); })));
}

TEST_P(YearRefresh, TheLogKeepsTheLastThousandVersions) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kDepartments, kWriter, on("2024-01-01")).ok());
  t->db->write([](db::Connection& c) {
    c.query("UPDATE plan_data_version SET version = 5000 WHERE id = 1");
    c.query("INSERT INTO plan_changes (version, kind, ref) VALUES (3000, 'other', 0), (4500, 'other', 0)");
  });
  auto plan = new_plan(*t->db, 1, 2024, "issued");
  auto kept = t->db->read([](db::Connection& c) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : c.query("SELECT version, kind, ref FROM plan_changes ORDER BY version").rows) {
      out.emplace_back(r.i64("version"), r.str("kind") + ":" + std::to_string(r.i64("ref")));
    }
    return out;
  });
  EXPECT_EQ(kept, (std::vector<std::pair<std::int64_t, std::string>>{{4500, "other:0"},
                                                                     {5001, "plan:" + std::to_string(plan.id)}}));
  EXPECT_EQ(t->db->read([](db::Connection& c) { return data_version(c); }), 5001);
}

}  // namespace
}  // namespace cchc::plans::year_refresh
