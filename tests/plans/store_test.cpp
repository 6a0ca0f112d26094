// Plans' storage on both backends: plans, the matrix import (nothing
// written while a name is unresolved; resolutions kept as aliases; an
// exported matrix imports back the same), reports and their rules, and
// what a unit owes for a period.
#include "plans/store.h"

#include <gtest/gtest.h>

#include <functional>

#include "coordination/review.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "plans/matrix.h"
#include "plans/names.h"
#include "plans/periods.h"
#include "plans/rules.h"
#include "plans/tables.h"
#include "support/test_db.h"

namespace cchc::plans {
namespace {

using namespace std::chrono;

class PlanStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, PlanStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

Instant at(const char* day, int hour = 10) { return start_of_day(parse_iso_date(day)) + hours{hour}; }

const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
    "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
    "VP,Văn phòng Ủy ban nhân dân tỉnh,department,P,2004-01-01,,\n"
    "OLD,Sở Bưu chính,department,P,2004-01-01,2010-12-31,\n";

Plan plan_2024(db::Database& db) {
  Plan p;
  p.number = "12/KH-UBND";
  p.unit_code = "P";
  p.title = "Kế hoạch cải cách hành chính năm 2024";
  p.year = 2024;
  p.issued_on = Date{year{2024} / 1 / 10};
  p.status = "issued";
  return create_plan(db, p, kWho, at("2024-01-10"));
}

const char* kMatrix =
    "STT,Mục tiêu,Nhiệm vụ/Hoạt động,Kết quả/Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành\n"
    "I,Cải cách thể chế,,,,,\n"
    "1,,Rà soát văn bản,Báo cáo,Sở Tư pháp,Các sở ban ngành,Quý II/2024\n"
    "II,Cai cach thu tuc hanh chinh,,,,,\n"
    "1,100% TTHC công khai,Công khai TTHC,Quyết định,So Noi vu,\"Sở Tư pháp; Phòng Tổng hợp\",Thuong xuyen\n"
    "2,,Số hóa hồ sơ,Phần mềm,Phòng Tổng hợp,,trước ngày 30/9/2024\n";

// The units, the plan and kMatrix imported ("Phòng Tổng hợp" resolved to VP).
Plan seeded(db::Database& db) {
  db::migrate(db);
  EXPECT_TRUE(directory::import_units(db, kUnits, kWho, at("2024-01-01")).ok());
  auto plan = plan_2024(db);
  EXPECT_TRUE(
      import_matrix(db, plan.id, kMatrix, {{unit_key("Phòng Tổng hợp"), "VP"}}, true, false, kWho, at("2024-01-11"))
          .ok());
  return plan;
}

std::int64_t count(db::Database& db, const std::string& table) {
  return db.read([&](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM " + table).one().i64("n"); });
}

TEST_P(PlanStore, MatrixImportWritesNothingUntilEveryNameIsResolved) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kUnits, kWho, at("2024-01-01")).ok());
  auto plan = plan_2024(*t->db);

  auto first = import_matrix(*t->db, plan.id, kMatrix, {}, true, false, kWho, at("2024-01-11"));
  EXPECT_TRUE(first.errors.empty());
  ASSERT_EQ(first.unresolved.size(), 1u);
  EXPECT_EQ(first.unresolved[0].name, "Phòng Tổng hợp");
  EXPECT_EQ(first.unresolved[0].lines, (std::vector<int>{5, 6}));
  EXPECT_EQ(first.written, 0);
  EXPECT_EQ(count(*t->db, "plan_tasks"), 0);

  Resolutions r{{unit_key("Phòng Tổng hợp"), "VP"}};
  auto second = import_matrix(*t->db, plan.id, kMatrix, r, true, false, kWho, at("2024-01-11"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.written, 3);
  auto tasks = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); });
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].area_code, "institutions");
  EXPECT_EQ(tasks[0].leads, (std::vector<std::string>{"STP"}));
  // The group is the departments valid on the plan's date (not OLD), less the lead.
  EXPECT_EQ(tasks[0].cooperates, (std::vector<std::string>{"SNV", "VP"}));
  EXPECT_EQ(tasks[1].leads, (std::vector<std::string>{"SNV"}));
  EXPECT_EQ(tasks[1].cooperates, (std::vector<std::string>{"STP", "VP"}));
  EXPECT_EQ(tasks[1].deadline.kind, Deadline::Kind::continuous);
  EXPECT_EQ(tasks[2].deadline_text, "Trước ngày 30/09/2024");
  EXPECT_EQ(tasks[2].objective, "100% TTHC công khai");  // merged cell above
  EXPECT_EQ(count(*t->db, "unit_aliases"), 1);

  // Importing again: refused while the plan has tasks, unless replacing.
  try {
    import_matrix(*t->db, plan.id, kMatrix, {}, true, false, kWho, at("2024-01-12"));
    ADD_FAILURE() << "a second import into a plan with tasks must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  // The alias now resolves the name with no help.
  auto again = import_matrix(*t->db, plan.id, kMatrix, {}, true, true, kWho, at("2024-01-12"));
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(count(*t->db, "plan_tasks"), 3);

  // A bad row rejects the whole file; a deadline it cannot read does not
  // make a bad row: it is kept as written, kind unparsed.
  std::string bad = std::string(kMatrix) + "3,,Thêm,,Sở Nội vụ,,Quý V/2024\n4,,,,Sở Nội vụ,,Quý I/2024\n";
  auto rejected = import_matrix(*t->db, plan.id, bad, {}, true, true, kWho, at("2024-01-12"));
  ASSERT_EQ(rejected.errors.size(), 1u);
  EXPECT_EQ(rejected.errors[0].line, 8);
  EXPECT_EQ(count(*t->db, "plan_tasks"), 3);
  std::string odd = std::string(kMatrix) + "3,,Thêm,,Sở Nội vụ,,Sau khi hoàn thành đề án\n" +
                    "4,,Theo lộ trình,,Sở Nội vụ,,\"Thường xuyên; riêng năm 2024 trước 15/3/2024\"\n";
  ASSERT_TRUE(import_matrix(*t->db, plan.id, odd, {}, true, true, kWho, at("2024-01-12")).ok());
  auto kept = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); });
  ASSERT_EQ(kept.size(), 5u);
  EXPECT_EQ(kept[3].deadline.kind, Deadline::Kind::unparsed);
  EXPECT_EQ(format_deadline(kept[3].deadline), "Sau khi hoàn thành đề án");
  EXPECT_EQ(kept[4].deadline.kind, Deadline::Kind::continuous);
  ASSERT_EQ(kept[4].deadline.milestones.size(), 1u);
  EXPECT_EQ(format_iso_date(kept[4].deadline.milestones[0].due), "2024-03-15");
  EXPECT_EQ(kept[4].deadline, parse_deadline("Thường xuyên; riêng năm 2024 trước 15/3/2024"));
  // The editor keeps the unread text when it is left as it is, and wants a
  // deadline that reads when it is changed.
  TaskInput same{"procedures", "3", "", "Thêm, sửa", "", "Sau khi hoàn thành đề án", "Sở Nội vụ", ""};
  EXPECT_EQ(update_task(*t->db, kept[3].id, same, kWho, at("2024-01-12")).deadline.kind, Deadline::Kind::unparsed);
  same.deadline_text = "Sau khi hoàn thành đề án mới";
  EXPECT_THROW(update_task(*t->db, kept[3].id, same, kWho, at("2024-01-12")), Error);
  ASSERT_TRUE(import_matrix(*t->db, plan.id, kMatrix, {}, true, true, kWho, at("2024-01-12")).ok());
  EXPECT_EQ(count(*t->db, "plan_tasks"), 3);

  // Once a task has a report, replacing the matrix is refused.
  auto task = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); })[1];
  Report rep;
  rep.task_id = task.id;
  rep.unit_code = "SNV";
  rep.period = "2024-q1";
  rep.percent = 30;
  submit_report(*t->db, rep, kWho, at("2024-03-10"));
  EXPECT_THROW(import_matrix(*t->db, plan.id, kMatrix, {}, true, true, kWho, at("2024-03-11")), Error);
  EXPECT_EQ(count(*t->db, "task_reports"), 1);
}

TEST_P(PlanStore, AnExportedMatrixImportsBackTheSame) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  std::vector<Task> tasks;
  std::vector<Area> areas;
  UnitNames names;
  t->db->read([&](db::Connection& c) {
    tasks = plan_tasks(c, plan.id);
    areas = load_areas(c);
    for (const auto& r : c.query("SELECT code, name FROM units").rows) names[r.str("code")] = r.str("name");
  });
  auto xlsx = views::to_xlsx({matrix_table(plan, tasks, areas, names)});

  Plan other = plan;
  other.number = "13/KH-UBND";
  other = create_plan(*t->db, other, kWho, at("2024-01-12"));
  auto back = import_matrix(*t->db, other.id, xlsx, {}, true, false, kWho, at("2024-01-12"));
  ASSERT_TRUE(back.ok()) << (back.errors.empty() ? back.unresolved[0].name : back.errors[0].message);
  auto copy = t->db->read([&](db::Connection& c) { return plan_tasks(c, other.id); });
  ASSERT_EQ(copy.size(), tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(copy[i].area_code, tasks[i].area_code);
    EXPECT_EQ(copy[i].ref, tasks[i].ref);
    EXPECT_EQ(copy[i].objective, tasks[i].objective);
    EXPECT_EQ(copy[i].description, tasks[i].description);
    EXPECT_EQ(copy[i].output, tasks[i].output);
    EXPECT_EQ(copy[i].deadline, tasks[i].deadline);
    EXPECT_EQ(copy[i].leads, tasks[i].leads);
    EXPECT_EQ(copy[i].cooperates, tasks[i].cooperates);
  }
  // Not a workbook, nor CSV: a clear error.
  EXPECT_THROW(
      import_matrix(*t->db, other.id, std::string("PK\x03\x04garbage", 11), {}, false, false, kWho, at("2024-01-12")),
      Error);
}

// A number is unique per issuing unit and year (Decree 30: each office
// numbers from 01 every calendar year): the year of the issue date, else
// the plan's year. Never across the province: two wards may each have a
// 15/KH-UBND. Each case runs after those above it.
TEST_P(PlanStore, ANumberIsUniquePerIssuingUnitAndYear) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kUnits, kWho, at("2024-01-01")).ok());
  auto first = plan_2024(*t->db);  // 12/KH-UBND of P, issued 10/01/2024
  struct Case {
    const char* what;
    const char* unit;
    int year;
    const char* issued_on;  // "" = not yet issued
    bool stored;
  } cases[] = {
      {"another unit, the same year", "SNV", 2024, "2024-02-01", true},
      {"a third unit, the same year, not yet issued", "STP", 2024, "", true},
      {"the same unit, another year", "P", 2025, "2025-01-15", true},
      {"the same unit, the next year's plan not yet issued", "P", 2026, "", true},
      {"the same unit and year", "P", 2024, "2024-06-01", false},
      {"the same unit and year, not yet issued", "P", 2024, "", false},
      {"next year's plan issued this year, in this year's numbering", "P", 2025, "2024-12-20", false},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.what);
    Plan p;
    p.number = "12/KH-UBND";
    p.unit_code = k.unit;
    p.title = "Kế hoạch cải cách hành chính";
    p.year = k.year;
    if (*k.issued_on) p.issued_on = parse_iso_date(k.issued_on);
    auto before = count(*t->db, "plans");
    try {
      create_plan(*t->db, p, kWho, at("2025-02-01"));
      EXPECT_TRUE(k.stored) << "stored, though the unit has this number in the year";
    } catch (const Error& e) {
      EXPECT_FALSE(k.stored) << e.what();
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
      EXPECT_EQ(e.message_vi(), "Đã có kế hoạch số 12/KH-UBND của đơn vị này trong năm 2024.");
    }
    EXPECT_EQ(count(*t->db, "plans"), before + (k.stored ? 1 : 0));
  }

  // Looked up by number, a plan is named by its unit and year too.
  auto numbered = [&](const std::string& unit, int year) {
    return t->db->read([&](db::Connection& c) { return plans_numbered(c, "12/KH-UBND", unit, year); });
  };
  EXPECT_EQ(numbered("", 0).size(), 5u);
  EXPECT_EQ(numbered("P", 0).size(), 3u);
  EXPECT_EQ(numbered("", 2024).size(), 3u);
  auto own = numbered("P", 2024);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].id, first.id);

  // A change of unit, year or date onto a number taken is refused the same way.
  auto snv = numbered("SNV", 2024);
  ASSERT_EQ(snv.size(), 1u);
  Plan moved = snv[0];
  moved.unit_code = "P";
  try {
    update_plan(*t->db, moved, kWho, at("2025-02-02"));
    ADD_FAILURE() << "moved onto P's 12/KH-UBND of 2024";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
  }
  moved.issued_on = parse_iso_date("2023-12-28");  // numbered in 2023: P has no 12/KH-UBND then
  EXPECT_NO_THROW(update_plan(*t->db, moved, kWho, at("2025-02-02")));
  EXPECT_EQ(numbered("P", 2023).size(), 1u);
}

TEST_P(PlanStore, ReportsFollowTheirRules) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  auto tasks = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); });
  const auto& review = tasks[0];  // STP leads, SNV and VP co-operate, due 30/06/2024

  auto expect_error = [&](Report r, Instant when, ErrorKind kind) {
    try {
      submit_report(*t->db, r, kWho, when);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), kind) << e.what();
    }
  };
  Report r;
  r.task_id = review.id;
  r.unit_code = "SNV";  // co-operates, does not lead
  r.period = "2024-q1";
  r.percent = 20;
  expect_error(r, at("2024-03-10"), ErrorKind::forbidden);
  r.role = "cooperate";
  r.narrative = "Đã góp ý dự thảo.";
  EXPECT_EQ(submit_report(*t->db, r, kWho, at("2024-03-10")).role, "cooperate");

  r.unit_code = "STP";
  r.role = "lead";
  r.period = "2026-q1";
  expect_error(r, at("2024-03-10"), ErrorKind::invalid_input);  // not begun, and outside the plan's year
  r.period = "2024-q1";
  r.unchanged = true;
  expect_error(r, at("2024-03-10"), ErrorKind::invalid_input);  // nothing earlier to repeat
  r.unchanged = false;
  r.percent = 150;
  expect_error(r, at("2024-03-10"), ErrorKind::invalid_input);
  r.percent = 40;
  r.narrative = "Đang rà soát 12 văn bản.";
  r.evidence = "https://vanban.example.vn/bc-12.pdf";
  submit_report(*t->db, r, kWho, at("2024-03-10"));
  // "Unchanged since last period" repeats the q1 report for q3.
  Report same;
  same.task_id = review.id;
  same.unit_code = "STP";
  same.period = "2024-q3";
  same.unchanged = true;
  auto stored = submit_report(*t->db, same, kWho, at("2024-09-10"));
  EXPECT_EQ(stored.percent, 40);
  EXPECT_EQ(stored.narrative, "Đang rà soát 12 văn bản.");
  EXPECT_TRUE(stored.unchanged);
  // Re-reporting a period replaces that period's report.
  Report done;
  done.task_id = review.id;
  done.unit_code = "STP";
  done.period = "2024-q3";
  done.progress = "done";
  done.done_on = Date{year{2024} / 7 / 5};
  submit_report(*t->db, done, kWho, at("2024-09-11"));
  EXPECT_EQ(count(*t->db, "task_reports"), 3);

  auto states = [&](const char* day) {
    return t->db->read([&](db::Connection& c) { return plan_states(c, plan.id, parse_iso_date(day)); });
  };
  // Nothing counts until the coordinator accepts it.
  EXPECT_EQ(status_code(states("2024-09-11")[0].status), "overdue");
  EXPECT_EQ(states("2024-09-11")[0].percent, 0);
  for (const char* period : {"2024-q1", "2024-q3"}) {
    EXPECT_EQ(
        coordination::review_report(*t->db, review.id, "STP", period, {"accept", "", "", ""}, kWho, at("2024-09-12"))
            .review,
        "accepted");
  }
  EXPECT_EQ(status_code(states("2024-03-09")[0].status), "not_started");
  EXPECT_EQ(status_code(states("2024-03-10")[0].status), "in_progress");
  EXPECT_EQ(states("2024-03-10")[0].percent, 40);
  EXPECT_EQ(status_code(states("2024-07-01")[0].status), "overdue");
  EXPECT_EQ(status_code(states("2024-09-10")[0].status), "overdue");  // "unchanged" at 40 %
  EXPECT_EQ(status_code(states("2024-09-11")[0].status), "done_late");
  // Every report is audited.
  auto audited = t->db->read([](db::Connection& c) {
    return c.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'task_reports'").one().i64("n");
  });
  EXPECT_EQ(audited, 6);
}

TEST_P(PlanStore, WhatAUnitOwesForAPeriod) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  const auto& cal = WorkCalendar::vietnam();
  auto owed = [&](const char* unit, const char* period, const char* today) {
    return t->db->read([&](db::Connection& c) {
      return owed_by(c, unit, period_of_key(load_report_periods(c), period, cal), parse_iso_date(today));
    });
  };
  // SNV leads the continuous task and co-operates on the review.
  auto snv = owed("SNV", "2024-q1", "2024-03-01");
  ASSERT_EQ(snv.size(), 2u);
  EXPECT_EQ(snv[0].role, "cooperate");
  EXPECT_EQ(snv[1].role, "lead");
  EXPECT_EQ(snv[1].task.deadline.kind, Deadline::Kind::continuous);

  auto tasks = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); });
  Report done;
  done.task_id = tasks[2].id;  // VP leads, due 30/09/2024
  done.unit_code = "VP";
  done.period = "2024-q1";
  done.progress = "done";
  done.done_on = Date{year{2024} / 3 / 1};
  submit_report(*t->db, done, kWho, at("2024-03-05"));
  auto vp_q1 = owed("VP", "2024-q1", "2024-03-05");
  ASSERT_EQ(vp_q1.size(), 3u);  // co-operates on two, leads one (reported this period)
  EXPECT_TRUE(vp_q1[2].current.has_value());
  EXPECT_EQ(status_code(vp_q1[2].status), "done");
  // Done in q1: not owed again in h1; the continuous task it co-operates on still is.
  auto vp_h1 = owed("VP", "2024-h1", "2024-06-01");
  ASSERT_EQ(vp_h1.size(), 2u);
  EXPECT_EQ(vp_h1[0].task.id, tasks[0].id);
  EXPECT_EQ(vp_h1[1].task.id, tasks[1].id);
  // A draft plan owes nothing.
  plan.status = "draft";
  update_plan(*t->db, plan, kWho, at("2024-06-01"));
  EXPECT_TRUE(owed("VP", "2024-h1", "2024-06-01").empty());
}

TEST_P(PlanStore, AYearsOwnDueDays) {
  CCHC_TEST_DB(t, GetParam());
  seeded(*t->db);
  const auto& cal = WorkCalendar::vietnam();
  auto due = [&](const char* key) {
    return format_iso_date(
        t->db->read([&](db::Connection& c) { return period_of_key(load_report_periods(c), key, cal); }).due);
  };
  auto before = due("2024-q3");
  // Whole or nothing: one bad day refuses the others too.
  EXPECT_THROW(
      set_period_days(*t->db, 2024, {{"q3", parse_iso_date("2024-09-20")}, {"q1", parse_iso_date("2023-01-01")}}, kWho,
                      at("2024-01-12")),
      Error);
  EXPECT_EQ(due("2024-q3"), before);
  EXPECT_THROW(set_period_days(*t->db, 2024, {{"zz", parse_iso_date("2024-09-20")}}, kWho, at("2024-01-12")), Error);
  set_period_days(*t->db, 2024, {{"q3", parse_iso_date("2024-09-20")}}, kWho, at("2024-01-12"));
  EXPECT_EQ(due("2024-q3"), "2024-09-20");
  EXPECT_NE(due("2025-q3"), "2025-09-20");  // that year only
  set_period_days(*t->db, 2024, {{"q3", std::nullopt}}, kWho, at("2024-01-13"));
  EXPECT_EQ(due("2024-q3"), before);
}

TEST_P(PlanStore, AnAdhocPeriodIsReportedLikeAnyOtherAndRemovedOnlyUnreported) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  const auto& cal = WorkCalendar::vietnam();
  auto config = [&] { return t->db->read([&](db::Connection& c) { return load_report_periods(c); }); };
  // A bad one is refused whole; nothing is added.
  EXPECT_THROW(add_adhoc_period(*t->db, "Đột xuất", Date{year{2024} / 7 / 31}, Date{year{2024} / 7 / 1},
                                Date{year{2024} / 8 / 5}, kWho, at("2024-07-01")),
               Error);
  EXPECT_EQ(config().size(), 4u);
  auto first = add_adhoc_period(*t->db, "Báo cáo đột xuất tháng 7/2024", Date{year{2024} / 7 / 1},
                                Date{year{2024} / 7 / 31}, Date{year{2024} / 8 / 4}, kWho, at("2024-07-01"));
  auto second = add_adhoc_period(*t->db, "Đột xuất tháng 10/2024", Date{year{2024} / 10 / 1},
                                 Date{year{2024} / 10 / 15}, Date{year{2024} / 10 / 20}, kWho, at("2024-07-01"));
  EXPECT_EQ(first, "dx1");
  EXPECT_EQ(second, "dx2");
  auto p = period_of_key(config(), "2024-dx1", cal);
  EXPECT_EQ(p.label, "Báo cáo đột xuất tháng 7/2024");
  EXPECT_EQ(format_iso_date(p.due), "2024-08-05");  // Sunday 04/08 → Monday
  EXPECT_THROW(period_of_key(config(), "2025-dx1", cal), Error);
  // Owed like a regular period; reported, it cannot be removed; the other can.
  auto owed_then = t->db->read([&](db::Connection& c) { return owed_by(c, "VP", p, Date{year{2024} / 7 / 20}); });
  ASSERT_FALSE(owed_then.empty());
  Report r;
  r.task_id = owed_then.front().task.id;
  r.unit_code = "VP";
  r.period = "2024-dx1";
  r.role = owed_then.front().role;
  r.percent = 40;
  submit_report(*t->db, r, kWho, at("2024-08-01"));
  auto after = t->db->read([&](db::Connection& c) { return owed_by(c, "VP", p, Date{year{2024} / 8 / 1}); });
  EXPECT_TRUE(after.front().current.has_value());
  EXPECT_THROW(remove_adhoc_period(*t->db, "dx1", kWho, at("2024-08-02")), Error);
  EXPECT_THROW(remove_adhoc_period(*t->db, "q1", kWho, at("2024-08-02")), Error);  // a regular period
  EXPECT_THROW(remove_adhoc_period(*t->db, "dx9", kWho, at("2024-08-02")), Error);
  remove_adhoc_period(*t->db, "dx2", kWho, at("2024-08-02"));
  EXPECT_EQ(config().size(), 5u);
  // A removed code is never given again (reminders are keyed by it).
  EXPECT_EQ(add_adhoc_period(*t->db, "Đột xuất tháng 11/2024", Date{year{2024} / 11 / 1}, Date{year{2024} / 11 / 15},
                             Date{year{2024} / 11 / 20}, kWho, at("2024-08-02")),
            "dx3");
  (void)plan;
}

TEST_P(PlanStore, Objectives) {
  CCHC_TEST_DB(t, GetParam());
  auto plan = seeded(*t->db);
  Objective o;
  o.plan_id = plan.id;
  o.area_code = "procedures";
  o.text = "Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 70% tại cấp sở";
  o.indicator = "online_rate";
  o.level = "department";
  o.target = 70;
  auto a = add_objective(*t->db, o, kWho, at("2024-01-12"));
  Objective manual;
  manual.plan_id = plan.id;
  manual.area_code = "civil_service";
  manual.text = "100% công chức được bồi dưỡng";
  manual.target = 100;
  auto b = add_objective(*t->db, manual, kWho, at("2024-01-12"));
  Objective plain;
  plain.plan_id = plan.id;
  plain.area_code = "institutions";
  plain.text = "Hoàn thiện thể chế";
  add_objective(*t->db, plain, kWho, at("2024-01-12"));

  auto list = t->db->read([&](db::Connection& c) { return plan_objectives(c, plan.id); });
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].indicator, "online_rate");
  EXPECT_EQ(list[0].level, "department");
  EXPECT_EQ(*list[0].target, 70);
  EXPECT_FALSE(list[2].target);
  set_objective_value(*t->db, b.id, 96.5, kWho, at("2024-06-20"));
  list = t->db->read([&](db::Connection& c) { return plan_objectives(c, plan.id); });
  EXPECT_EQ(*list[1].manual_value, 96.5);
  EXPECT_EQ(judge_objective(list[1].manual_value, list[1].target), ObjectiveVerdict::missed);
  EXPECT_THROW(set_objective_value(*t->db, b.id, 120, kWho, at("2024-06-20")), Error);  // over 100 %
  auto bad = manual;
  bad.area_code = "nowhere";
  EXPECT_THROW(add_objective(*t->db, bad, kWho, at("2024-01-12")), Error);
  bad = manual;
  bad.text = " ";
  EXPECT_THROW(add_objective(*t->db, bad, kWho, at("2024-01-12")), Error);
  bad = manual;
  bad.level = "galaxy";
  EXPECT_THROW(add_objective(*t->db, bad, kWho, at("2024-01-12")), Error);
  bad = o;  // an indicator's target is a rate even when no unit was typed
  bad.target = 120;
  EXPECT_THROW(add_objective(*t->db, bad, kWho, at("2024-01-12")), Error);
  delete_objective(*t->db, a.id, kWho, at("2024-06-21"));
  EXPECT_EQ(count(*t->db, "plan_objectives"), 2);
  EXPECT_EQ(count(*t->db, "objective_targets"), 1);
}

TEST(ObjectiveVerdicts, ValueAgainstTarget) {
  struct Case {
    std::optional<double> value, target;
    ObjectiveVerdict verdict;
  } cases[] = {
      {70.0, 70.0, ObjectiveVerdict::met},
      {69.9, 70.0, ObjectiveVerdict::missed},
      {100.0, 96.0, ObjectiveVerdict::met},
      {std::nullopt, 70.0, ObjectiveVerdict::no_data},
      {50.0, std::nullopt, ObjectiveVerdict::not_quantified},
      {0.0, 0.0, ObjectiveVerdict::met},
  };
  for (const auto& c : cases) EXPECT_EQ(judge_objective(c.value, c.target), c.verdict);
  EXPECT_EQ(verdict_label_vi(ObjectiveVerdict::no_data), "Chưa có số liệu");
}

TEST_P(PlanStore, TheMatrixEditor) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kUnits, kWho, at("2024-01-01")).ok());
  auto plan = plan_2024(*t->db);
  auto version = [&] { return t->db->read([](db::Connection& c) { return data_version(c); }); };
  auto v0 = version();

  TaskInput in{"procedures", "1",           "",          "Công bố TTHC",
               "Quyết định", "Quý II/2024", "So Noi vu", "Sở Tư pháp; VP UBND tỉnh"};
  auto a = add_task(*t->db, plan.id, in, kWho, at("2024-01-11"));
  EXPECT_EQ(a.leads, (std::vector<std::string>{"SNV"}));
  EXPECT_EQ(a.cooperates, (std::vector<std::string>{"STP", "VP"}));
  EXPECT_EQ(a.deadline_text, "Quý II/2024");
  EXPECT_GT(version(), v0);
  in.description = "Rà soát";
  in.leads = "Sở Tư pháp";
  in.cooperates = "";
  auto b = add_task(*t->db, plan.id, in, kWho, at("2024-01-11"));
  EXPECT_EQ(b.ord, 2);

  // Every problem at once, nothing written.
  TaskInput bad{"nowhere", "", "", "", "", "Quý V/2024", "Bộ Nội vụ; Sở Nội vụ", ""};
  try {
    add_task(*t->db, plan.id, bad, kWho, at("2024-01-11"));
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    std::string vi = e.message_vi();
    EXPECT_NE(vi.find("Lĩnh vực không hợp lệ."), std::string::npos) << vi;
    EXPECT_NE(vi.find("Chưa có nội dung nhiệm vụ."), std::string::npos);
    EXPECT_NE(vi.find("Không xác định được đơn vị \"Bộ Nội vụ\""), std::string::npos);
    EXPECT_NE(vi.find("Quý V/2024"), std::string::npos);
  }
  EXPECT_EQ(count(*t->db, "plan_tasks"), 2);

  // Change, move, cancel, delete.
  in.deadline_text = "trước ngày 15/5/2024";
  auto changed = update_task(*t->db, b.id, in, kWho, at("2024-01-12"));
  EXPECT_EQ(changed.deadline.kind, Deadline::Kind::date);
  move_task(*t->db, b.id, -1, kWho, at("2024-01-12"));
  auto tasks = t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); });
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].id, b.id);
  move_task(*t->db, b.id, -1, kWho, at("2024-01-12"));  // already first: no change
  EXPECT_EQ(t->db->read([&](db::Connection& c) { return plan_tasks(c, plan.id); })[0].id, b.id);

  cancel_task(*t->db, a.id, "Không còn phù hợp", kWho, at("2024-02-01"));
  auto states = t->db->read([&](db::Connection& c) { return plan_states(c, plan.id, parse_iso_date("2024-08-01")); });
  EXPECT_EQ(status_code(states[1].status), "cancelled");
  cancel_task(*t->db, a.id, "", kWho, at("2024-02-02"));  // reopened
  states = t->db->read([&](db::Connection& c) { return plan_states(c, plan.id, parse_iso_date("2024-08-01")); });
  EXPECT_EQ(status_code(states[1].status), "overdue");

  Report r;
  r.task_id = a.id;
  r.unit_code = "SNV";
  r.period = "2024-q1";
  r.percent = 10;
  submit_report(*t->db, r, kWho, at("2024-03-01"));
  try {
    delete_task(*t->db, a.id, kWho, at("2024-03-02"));
    ADD_FAILURE() << "a task with reports was deleted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  delete_task(*t->db, b.id, kWho, at("2024-03-02"));
  EXPECT_EQ(count(*t->db, "plan_tasks"), 1);
  auto audited = t->db->read([](db::Connection& c) {
    return c.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'plan_tasks'").one().i64("n");
  });
  EXPECT_EQ(audited, 7);  // 2 added, 1 changed, 1 move (the second changed nothing), cancel and reopen, 1 deleted
}

}  // namespace
}  // namespace cchc::plans
