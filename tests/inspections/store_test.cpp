// Inspections through the store on both backends: a plan with its team,
// visits scheduled and announced, a record with findings, the follow-up of
// each recommendation, refusals that leave nothing, and the year's figures
// on a fixed dataset with a commune merged during the year.
#include "inspections/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "db/migrate.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::inspections {
namespace {

using namespace std::chrono;

class InspectionStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, InspectionStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

// The reform areas' codes (Sources::area_codes: plans' areas).
const std::set<std::string> kAreas = {"institutions",   "procedures",         "organisation", "civil_service",
                                      "public_finance", "digital_government", "direction",    "communication"};

// Last year, so that every day of it is past (a record may not be in the future).
int last_year() { return int(local_date(now_seconds()).year()) - 1; }
Date day_of(int month, int day) { return Date{year{last_year()} / month / day}; }

void seed_units(db::Database& db) {
  int y = last_year();
  auto csv = fmt::format(
      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
      "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
      "STC,Sở Tài chính,department,P,2004-01-01,,\n"
      "X1,Xã Một,commune,P,2004-01-01,,\n"
      "X2,Xã Hai,commune,P,2004-01-01,,\n"
      "X9,Xã Chín,commune,P,2004-01-01,{}-06-30,X2\n",
      y);
  ASSERT_TRUE(directory::import_units(db, csv, kWho, now_seconds()).ok());
}

Plan a_plan() {
  Plan p;
  p.year = last_year();
  p.number = "45/KH-SNV";
  p.title = "Kế hoạch kiểm tra công tác cải cách hành chính";
  p.issuer_unit = "SNV";
  p.areas = {"procedures", "direction"};
  p.team = {{"Nguyễn Văn An", "SNV", "head"}, {"Trần Thị Bình", "STP", "member"}, {"Lê Văn Cường", "SNV", "secretary"}};
  return p;
}

TEST_P(InspectionStore, APlanItsVisitsTheRecordAndTheFollowUp) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  seed_units(*t->db);
  auto& db = *t->db;
  Instant now = now_seconds();
  auto write = [&](auto f) { return db.write([&](db::Connection& c) { return f(c); }); };
  auto count = [&](const char* table) {
    return db.read(
        [&](db::Connection& c) { return c.query(fmt::format("SELECT count(*) AS n FROM {}", table)).one().i64("n"); });
  };

  // Refused whole: a member of an unknown unit; two heads; a bad number.
  auto bad = a_plan();
  bad.team.push_back({"Người lạ", "NOWHERE", "member"});
  EXPECT_THROW(write([&](auto& c) { return create_plan(c, bad, kAreas, kWho, now); }), Error);
  bad = a_plan();
  bad.team[1].role = "head";
  EXPECT_THROW(write([&](auto& c) { return create_plan(c, bad, kAreas, kWho, now); }), Error);
  bad = a_plan();
  bad.number = "bốn lăm";
  EXPECT_THROW(write([&](auto& c) { return create_plan(c, bad, kAreas, kWho, now); }), Error);
  EXPECT_EQ(count("inspection_plans"), 0);
  EXPECT_EQ(count("inspection_team"), 0);

  auto plan = write([&](auto& c) { return create_plan(c, a_plan(), kAreas, kWho, now); });
  EXPECT_THROW(write([&](auto& c) { return create_plan(c, a_plan(), kAreas, kWho, now); }),
               Error);  // the number is taken
  auto back = db.read([&](db::Connection& c) { return find_plan(c, plan.id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->team.size(), 3u);
  EXPECT_EQ(back->team[0].name, "Nguyễn Văn An");
  EXPECT_EQ(back->areas, (std::vector<std::string>{"procedures", "direction"}));
  EXPECT_EQ(back->status, "draft");

  // Visits: X9 before its merger, X1 and STP; refusals.
  auto x9 =
      write([&](auto& c) { return schedule_visit(c, plan.id, "X9", day_of(3, 10), "Chưa được kiểm tra", kWho, now); });
  auto x1 = write([&](auto& c) { return schedule_visit(c, plan.id, "X1", day_of(4, 14), "", kWho, now); });
  auto stp = write([&](auto& c) { return schedule_visit(c, plan.id, "STP", day_of(5, 20), "", kWho, now); });
  EXPECT_THROW(write([&](auto& c) { return schedule_visit(c, plan.id, "X1", day_of(6, 1), "", kWho, now); }), Error);
  EXPECT_THROW(write([&](auto& c) { return schedule_visit(c, plan.id, "X9", day_of(8, 1), "", kWho, now); }),
               Error);  // merged by then
  EXPECT_THROW(write([&](auto& c) {
                 return schedule_visit(c, plan.id, "STC", Date{year{last_year() + 1} / 1 / 5}, "", kWho, now);
               }),
               Error);  // outside the plan's year
  EXPECT_EQ(db.read([&](db::Connection& c) { return visits_of(c, plan.id); }).size(), 3u);

  // Announced before the visits' days: each visit told once.
  Instant early = start_of_day(day_of(1, 5)) + hours{9};
  EXPECT_EQ(write([&](auto& c) { return announce(c, plan.id, kWho, early); }).size(), 3u);
  EXPECT_TRUE(write([&](auto& c) { return announce(c, plan.id, kWho, early); }).empty());
  EXPECT_EQ(db.read([&](db::Connection& c) { return find_plan(c, plan.id); })->status, "announced");
  auto stc = write([&](auto& c) { return schedule_visit(c, plan.id, "STC", day_of(9, 9), "", kWho, now); });
  // Never of a day gone by: refused (naming the unit and its day), nothing told.
  try {
    write([&](auto& c) { return announce(c, plan.id, kWho, start_of_day(day_of(9, 10)) + hours{8}); });
    ADD_FAILURE() << "a visit on a past day was announced";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_NE(e.message_vi().find("Sở Tài chính (ngày " + format_date_vi(day_of(9, 9)) + ")"), std::string::npos)
        << e.message_vi();
  }
  // On its own day it may still be told.
  auto told = write([&](auto& c) { return announce(c, plan.id, kWho, start_of_day(day_of(9, 9)) + hours{7}); });
  ASSERT_EQ(told.size(), 1u);  // a unit added later is told in turn
  EXPECT_EQ(told[0].unit_code, "STC");

  // Findings wait for the record; the record may not be in the future.
  Finding good;
  good.area_code = "procedures";
  good.text = "Niêm yết công khai đầy đủ thủ tục hành chính";
  EXPECT_THROW(write([&](auto& c) { return add_finding(c, x9.id, good, kAreas, kWho, now); }), Error);
  EXPECT_THROW(write([&](auto& c) {
                 record_visit(c, x9.id, Date{sys_days{local_date(now)} + days{400}}, "", kWho, now);
                 return 0;
               }),
               Error);
  write([&](auto& c) {
    record_visit(c, x9.id, day_of(3, 10), "Đơn vị thực hiện tương đối tốt", kWho, now);
    record_visit(c, x1.id, day_of(4, 14), "", kWho, now);
    return 0;
  });
  EXPECT_THROW(write([&](auto& c) {
                 reschedule_visit(c, x9.id, day_of(3, 11), kWho, now);
                 return 0;
               }),
               Error);  // done
  write([&](auto& c) { return add_finding(c, x9.id, good, kAreas, kWho, now); });
  Finding shortfall;
  shortfall.area_code = "direction";
  shortfall.shortcoming = true;
  shortfall.text = "Chưa ban hành kế hoạch tuyên truyền cải cách hành chính";
  shortfall.recommendation = "Ban hành kế hoạch tuyên truyền";
  shortfall.responsible_unit = "X2";  // the merged commune's successor answers for it
  shortfall.due = day_of(4, 30);
  auto late = write([&](auto& c) { return add_finding(c, x9.id, shortfall, kAreas, kWho, now); });
  shortfall.recommendation = "Cập nhật hồ sơ";
  shortfall.due = day_of(5, 15);
  auto on_time = write([&](auto& c) { return add_finding(c, x1.id, shortfall, kAreas, kWho, now); });
  auto never = write([&](auto& c) { return add_finding(c, x1.id, shortfall, kAreas, kWho, now); });
  auto no_rec = shortfall;
  no_rec.recommendation = "";
  EXPECT_THROW(write([&](auto& c) { return add_finding(c, x1.id, no_rec, kAreas, kWho, now); }), Error);

  // The follow-up: a step the table refuses changes nothing.
  auto step = [&](std::int64_t id, FixAction a, FixActor who_acts, const std::string& note, Instant at) {
    write([&](auto& c) {
      act(c, id, a, who_acts, note, nullptr, kWho, at);
      return 0;
    });
  };
  auto on = [](Date d) { return start_of_day(d) + hours{10}; };
  EXPECT_THROW(step(on_time.id, FixAction::accept, FixActor::team, "", on(day_of(5, 1))), Error);
  EXPECT_THROW(step(on_time.id, FixAction::report, FixActor::unit, "  ", on(day_of(5, 1))), Error);  // say what
  step(on_time.id, FixAction::report, FixActor::unit, "Đã cập nhật hồ sơ", on(day_of(5, 10)));
  step(on_time.id, FixAction::accept, FixActor::team, "", on(day_of(5, 20)));
  step(late.id, FixAction::report, FixActor::unit, "Đã ban hành", on(day_of(4, 25)));
  EXPECT_THROW(step(late.id, FixAction::send_back, FixActor::team, "", on(day_of(4, 28))), Error);  // a reason
  step(late.id, FixAction::send_back, FixActor::team, "Chưa có văn bản kèm theo", on(day_of(4, 28)));
  step(late.id, FixAction::report, FixActor::unit, "Kèm văn bản số 12/KH-UBND", on(day_of(5, 6)));
  step(late.id, FixAction::accept, FixActor::team, "", on(day_of(5, 8)));
  auto fixed_late = db.read([&](db::Connection& c) { return find_finding(c, late.id); });
  EXPECT_EQ(fixed_late->state, FixState::fixed);
  EXPECT_EQ(format_iso_date(*fixed_late->fixed_on), format_iso_date(day_of(5, 6)));  // the day of the accepted report
  EXPECT_FALSE(fixed_on_time(*fixed_late));
  auto events = db.read([&](db::Connection& c) { return finding_events(c, late.id); });
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1].action, "send_back");
  EXPECT_EQ(events[1].note, "Chưa có văn bản kèm theo");
  // A recommendation acted on cannot be deleted; an untouched one can.
  EXPECT_THROW(write([&](auto& c) {
                 delete_finding(c, late.id, kWho, now);
                 return 0;
               }),
               Error);

  // The boards: the successor's recommendations, oldest due first.
  auto x2 = db.read([&](db::Connection& c) { return recommendations(c, last_year(), {"X2"}); });
  ASSERT_EQ(x2.size(), 3u);
  EXPECT_EQ(x2[0].finding.id, late.id);
  EXPECT_EQ(x2[0].plan_number, "45/KH-SNV");
  EXPECT_EQ(x2[0].visit.unit_code, "X9");
  EXPECT_TRUE(db.read([&](db::Connection& c) { return recommendations(c, last_year(), {"SNV"}); }).empty());

  // The figures of the year, judged on the year's last day: departments
  // SNV, STC, STP (none visited yet: STP and STC are scheduled); communes X1
  // and X2 (X9 merged into X2 on 30/06: its visit counts for X2).
  auto f = year_figures(db, last_year(), day_of(12, 31));
  ASSERT_EQ(f.levels.size(), 2u);  // the departments, the communes (no district; never the province)
  EXPECT_EQ(f.levels[0].level, "department");
  EXPECT_EQ(f.levels[0].units, 3);
  EXPECT_EQ(f.levels[0].inspected, 0);
  EXPECT_EQ(f.levels[1].level, "commune");
  EXPECT_EQ(f.levels[1].units, 2);
  EXPECT_EQ(f.levels[1].inspected, 2);
  EXPECT_EQ(f.units, 5);
  EXPECT_EQ(f.inspected, 2);
  EXPECT_EQ(f.recommendations, 3);
  EXPECT_EQ(f.fixed, 2);
  EXPECT_EQ(f.fixed_on_time, 1);
  EXPECT_EQ(f.open, 1);
  EXPECT_EQ(f.overdue, 1);  // "never", due 15/05
  write([&](auto& c) {
    delete_finding(c, never.id, kWho, now);
    return 0;
  });
  EXPECT_EQ(year_figures(db, last_year(), day_of(12, 31)).overdue, 0);
  auto last = db.read([&](db::Connection& c) { return last_inspected(c); });
  EXPECT_EQ(last["X1"], last_year());
  EXPECT_FALSE(last.count("STP"));
  (void)stp;
  (void)stc;
}

// A plan's number is unique per issuing unit and year (the issue date's,
// else the plan's year), never across the province. Each case runs after
// those above it.
TEST_P(InspectionStore, ANumberIsUniquePerIssuingUnitAndYear) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  seed_units(*t->db);
  auto& db = *t->db;
  Instant now = now_seconds();
  int y = last_year();
  auto count = [&] {
    return db.read(
        [&](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM inspection_plans").one().i64("n"); });
  };
  auto first = a_plan();  // 45/KH-SNV of SNV
  first.issued_on = day_of(1, 5);
  first = db.write([&](db::Connection& c) { return create_plan(c, first, kAreas, kWho, now); });
  struct Case {
    const char* what;
    const char* issuer;
    int year;
    std::optional<Date> issued_on;
    bool stored;
  } cases[] = {
      {"another unit, the same year", "STP", y, day_of(2, 1), true},
      {"the same unit, another year", "SNV", y + 1, std::nullopt, true},
      {"the same unit and year", "SNV", y, day_of(6, 1), false},
      {"the same unit and year, not yet issued", "SNV", y, std::nullopt, false},
      {"next year's plan issued this year, in this year's numbering", "SNV", y + 1, day_of(12, 20), false},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.what);
    auto p = a_plan();
    p.issuer_unit = k.issuer;
    p.year = k.year;
    p.issued_on = k.issued_on;
    auto before = count();
    try {
      db.write([&](db::Connection& c) { return create_plan(c, p, kAreas, kWho, now); });
      EXPECT_TRUE(k.stored) << "stored, though the unit has this number in the year";
    } catch (const Error& e) {
      EXPECT_FALSE(k.stored) << e.what();
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
      EXPECT_EQ(e.message_vi(), fmt::format("Đã có kế hoạch kiểm tra số 45/KH-SNV của đơn vị này trong năm {}.", y));
    }
    EXPECT_EQ(count(), before + (k.stored ? 1 : 0));
  }

  // A change of issuer, year or date onto a number taken is refused the same way.
  auto plans = db.read([&](db::Connection& c) { return list_plans(c, y); });
  auto stp = std::find_if(plans.begin(), plans.end(), [](const Plan& p) { return p.issuer_unit == "STP"; });
  ASSERT_NE(stp, plans.end());
  Plan moved = *stp;
  moved.issuer_unit = "SNV";
  try {
    db.write([&](db::Connection& c) { update_plan(c, moved, kAreas, kWho, now); });
    ADD_FAILURE() << "moved onto SNV's 45/KH-SNV";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
  }
  moved.year = y - 1;
  moved.issued_on = std::nullopt;  // numbered in the year before: SNV has no 45/KH-SNV then
  EXPECT_NO_THROW(db.write([&](db::Connection& c) { update_plan(c, moved, kAreas, kWho, now); }));
  EXPECT_EQ(db.read([&](db::Connection& c) { return find_plan(c, moved.id); })->issuer_unit, "SNV");
  (void)first;
}

TEST_P(InspectionStore, FilesAreCheckedAndKeptWithTheirVisit) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  seed_units(*t->db);
  auto& db = *t->db;
  Instant now = now_seconds();
  auto plan = db.write([&](db::Connection& c) { return create_plan(c, a_plan(), kAreas, kWho, now); });
  auto v = db.write([&](db::Connection& c) { return schedule_visit(c, plan.id, "X1", day_of(4, 14), "", kWho, now); });
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  auto ref = db.write([&](db::Connection& c) {
    return attach_file(c, v.id, std::nullopt, "minutes", {"Biên bản kiểm tra.pdf", pdf}, kWho, now);
  });
  EXPECT_EQ(ref.kind, "minutes");
  auto stored = db.read([&](db::Connection& c) { return find_file(c, ref.id); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->content, pdf);
  EXPECT_EQ(stored->content_type, "application/pdf");
  EXPECT_THROW(db.write([&](db::Connection& c) {
    return attach_file(c, v.id, std::nullopt, "minutes", {"x.html", "<html><script>1</script>"}, kWho, now);
  }),
               Error);
  EXPECT_EQ(db.read([&](db::Connection& c) { return files_of(c, v.id); }).size(), 1u);
}

}  // namespace
}  // namespace cchc::inspections
