// The rules of inspections as tables: drawing units, the follow-up, due
// days, overdue, the year's figures (a merged unit included), shares.
#include "inspections/rules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cchc::inspections {
namespace {

using namespace std::chrono;

Date d(const char* iso) { return parse_iso_date(iso); }

std::vector<Candidate> candidates() {
  //            code    name level         last   rank  of  tasks feedback
  return {
      {"A", "A", "department", std::nullopt, 3, 5, 0, 0},
      {"B", "B", "department", 2021, 5, 5, 4, 1},
      {"C", "C", "department", 2024, 1, 5, 0, 2},
      {"D", "D", "department", 2019, 4, 5, 7, 0},
      {"E", "E", "department", std::nullopt, std::nullopt, 0, 3, 2},
      {"F", "F", "commune", 2025, 2, 5, 0, 0},
  };
}

std::vector<std::string> codes(const std::vector<Selected>& s) {
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(x.unit_code);
  return out;
}

TEST(Selection, EachRuleDrawsItsUnitsWithWhy) {
  struct Case {
    const char* name;
    Rule rule;
    int n;
    std::set<std::string> taken;
    std::vector<std::string> want;
    std::string first_reason;
  } cases[] = {
      // not inspected in the last 3 years (2024-2026 keep a unit out): never first (by code), then the oldest
      {"not inspected 3", Rule::not_inspected, 3, {}, {"A", "E", "D", "B"}, "Chưa được kiểm tra"},
      // the last 1 year: only 2026 keeps out, so C (2024) and F (2025) come in too
      {"not inspected 1", Rule::not_inspected, 1, {}, {"A", "E", "D", "B", "C", "F"}, "Chưa được kiểm tra"},
      {"not inspected, taken skipped",
       Rule::not_inspected,
       3,
       {"A", "E"},
       {"D", "B"},
       "Chưa được kiểm tra từ năm 2019"},
      // the lowest ranked: the highest rank numbers; E is unranked
      {"lowest 2", Rule::lowest_ranked, 2, {}, {"B", "D"}, "Xếp hạng 5/5 trong lần đánh giá gần nhất"},
      {"lowest 10", Rule::lowest_ranked, 10, {}, {"B", "D", "A", "F", "C"}, "Xếp hạng 5/5 trong lần đánh giá gần nhất"},
      // most overdue tasks and feedback together: D 7, then B and E (5 each) by code, C 2
      {"most overdue 3", Rule::most_overdue, 3, {}, {"D", "B", "E"}, "7 nhiệm vụ quá hạn"},
      {"most overdue, zero never", Rule::most_overdue, 50, {}, {"D", "B", "E", "C"}, "7 nhiệm vụ quá hạn"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = select_units(candidates(), c.rule, c.n, 2026, c.taken);
    EXPECT_EQ(codes(got), c.want);
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.front().reason, c.first_reason);
  }
  auto both = select_units(candidates(), Rule::most_overdue, 2, 2026);
  EXPECT_EQ(both[1].reason, "4 nhiệm vụ quá hạn, 1 phản ánh, kiến nghị quá hạn");
  auto feedback_only = select_units(candidates(), Rule::most_overdue, 4, 2026);
  EXPECT_EQ(feedback_only[3].reason, "2 phản ánh, kiến nghị quá hạn");
  EXPECT_TRUE(select_units({}, Rule::lowest_ranked, 3, 2026).empty());
  EXPECT_THROW(select_units(candidates(), Rule::not_inspected, 0, 2026), Error);
  EXPECT_THROW(select_units(candidates(), Rule::not_inspected, 11, 2026), Error);
  EXPECT_THROW(select_units(candidates(), Rule::lowest_ranked, 501, 2026), Error);
  EXPECT_THROW(rule_of("random"), Error);
  EXPECT_EQ(rule_of("most_overdue"), Rule::most_overdue);
}

TEST(FollowUp, TheWorkflowTable) {
  using enum FixState;
  using A = FixAction;
  using W = FixActor;
  struct Case {
    FixState from;
    FixAction action;
    FixActor actor;
    std::optional<FixState> to;
  } cases[] = {
      {open, A::report, W::unit, reported},         {returned, A::report, W::unit, reported},
      {reported, A::accept, W::team, fixed},        {reported, A::send_back, W::team, returned},
      {open, A::report, W::team, std::nullopt},      // the team does not report for the unit
      {reported, A::accept, W::unit, std::nullopt},  // nor does the unit accept its own fix
      {reported, A::report, W::unit, std::nullopt},  // once reported, the team decides
      {open, A::accept, W::team, std::nullopt},      // nothing reported yet
      {open, A::send_back, W::team, std::nullopt},  {fixed, A::report, W::unit, std::nullopt},
      {fixed, A::send_back, W::team, std::nullopt}, {returned, A::accept, W::team, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(code_of(c.from) + " " + std::to_string(int(c.action)) + " " + std::to_string(int(c.actor)));
    EXPECT_EQ(follow_up(c.from, c.action, c.actor), c.to);
  }
  for (auto s : {open, reported, returned, fixed}) EXPECT_EQ(fix_state_of(code_of(s)), s);
  EXPECT_THROW(fix_state_of("closed"), Error);
}

Finding rec(FixState state, const char* due, const char* reported = nullptr, const char* fixed = nullptr) {
  Finding f;
  f.shortcoming = true;
  f.state = state;
  if (due) f.due = d(due);
  if (reported) f.reported_at = start_of_day(d(reported)) + hours{9};
  if (fixed) f.fixed_on = d(fixed);
  return f;
}

TEST(FollowUp, OverdueAndOnTime) {
  struct Case {
    const char* name;
    Finding f;
    const char* day;
    bool overdue, on_time;
  } cases[] = {
      {"open, before its day", rec(FixState::open, "2026-06-30"), "2026-06-30", false, false},
      {"open, the day after", rec(FixState::open, "2026-06-30"), "2026-07-01", true, false},
      {"reported on time, waiting", rec(FixState::reported, "2026-06-30", "2026-06-29"), "2026-08-01", false, false},
      {"reported late, waiting", rec(FixState::reported, "2026-06-30", "2026-07-02"), "2026-07-05", true, false},
      {"returned after its day", rec(FixState::returned, "2026-06-30", "2026-06-29"), "2026-07-01", true, false},
      {"fixed on its day", rec(FixState::fixed, "2026-06-30", "2026-06-30", "2026-06-30"), "2026-12-01", false, true},
      {"fixed late", rec(FixState::fixed, "2026-06-30", "2026-07-10", "2026-07-10"), "2026-12-01", false, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(overdue(c.f, d(c.day)), c.overdue);
    EXPECT_EQ(fixed_on_time(c.f), c.on_time);
  }
  Finding good;
  good.text = "Niêm yết đầy đủ";
  EXPECT_FALSE(overdue(good, d("2030-01-01")));
}

// An announcement never tells of a day gone by: the visits that would
// make it do so, on 07/12/2026.
TEST(Announcing, NeverOfAPastDay) {
  auto visit = [](std::int64_t id, const char* day, VisitState state, bool announced) {
    Inspection v;
    v.id = id;
    v.unit_code = "U" + std::to_string(id);
    v.scheduled_on = d(day);
    v.state = state;
    if (announced) v.announced_at = start_of_day(d("2026-01-05"));
    return v;
  };
  struct Case {
    const char* name;
    Inspection v;
    bool refused;
  } cases[] = {
      {"scheduled, its day past, not told", visit(1, "2026-12-03", VisitState::scheduled, false), true},
      {"scheduled yesterday, not told", visit(2, "2026-12-06", VisitState::scheduled, false), true},
      {"scheduled today", visit(3, "2026-12-07", VisitState::scheduled, false), false},
      {"scheduled ahead", visit(4, "2026-12-20", VisitState::scheduled, false), false},
      {"past but told when it was ahead", visit(5, "2026-12-03", VisitState::scheduled, true), false},
      {"past and done (its record entered)", visit(6, "2026-12-03", VisitState::done, false), false},
  };
  std::vector<Inspection> all;
  for (const auto& c : cases) all.push_back(c.v);
  auto past = past_unannounced(all, d("2026-12-07"));
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    bool listed = std::any_of(past.begin(), past.end(), [&](const auto& v) { return v.id == c.v.id; });
    EXPECT_EQ(listed, c.refused);
  }
}

TEST(FollowUp, DueDays) {
  const auto& cal = WorkCalendar::vietnam();
  // Thursday 23/04/2026 + 5 working days: 24/04, (27/04 off for Giỗ Tổ) 28, 29/04,
  // (30/04 and 01/05 holidays, a weekend) 04/05, 05/05.
  struct Case {
    const char* held;
    std::optional<int> days;
    const char* date;
    const char* want;
  } cases[] = {
      {"2026-04-23", 5, nullptr, "2026-05-05"},
      {"2026-06-05", 10, nullptr, "2026-06-19"},  // a Friday: two weeks on
      {"2026-06-05", std::nullopt, "2026-07-31", "2026-07-31"},
      {"2026-06-05", std::nullopt, "2026-06-05", "2026-06-05"},  // the same day
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.held);
    EXPECT_EQ(format_iso_date(due_of(d(c.held), c.days, c.date ? std::optional(d(c.date)) : std::nullopt, cal)),
              c.want);
  }
  EXPECT_THROW(due_of(d("2026-06-05"), std::nullopt, std::nullopt, cal), Error);  // neither
  EXPECT_THROW(due_of(d("2026-06-05"), 5, d("2026-07-01"), cal), Error);          // both
  EXPECT_THROW(due_of(d("2026-06-05"), 0, std::nullopt, cal), Error);
  EXPECT_THROW(due_of(d("2026-06-05"), 251, std::nullopt, cal), Error);
  EXPECT_THROW(due_of(d("2026-06-05"), std::nullopt, d("2026-06-04"), cal), Error);  // before the visit
}

TEST(FollowUp, AFindingNeverContradictsItself) {
  // A recommendation or a deadline belongs to a shortcoming: typed on a good
  // point it is refused, never dropped (issue 34, bug 1).
  struct Case {
    const char* name;
    bool shortcoming;
    const char* recommendation;
    const char* unit;
    std::optional<Date> due;
    std::size_t errors;
  } cases[] = {
      {"a good point alone", false, "", "", std::nullopt, 0},
      {"a good point, the form's unit", false, "", "P-TRANGDAI", std::nullopt, 0},
      {"a good point with a recommendation", false, "Cập nhật niêm yết", "P-TRANGDAI", std::nullopt, 1},
      {"a good point with only blanks", false, "   ", "", std::nullopt, 0},
      {"a good point with a deadline", false, "", "", d("2026-07-01"), 1},
      {"a whole shortcoming", true, "Cập nhật niêm yết", "P-TRANGDAI", d("2026-07-01"), 0},
      {"a shortcoming without a recommendation", true, "", "P-TRANGDAI", d("2026-07-01"), 1},
      {"a shortcoming without a unit or deadline", true, "Cập nhật", "", std::nullopt, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Finding f;
    f.area_code = "procedures";
    f.text = "Niêm yết thủ tục chưa cập nhật";
    f.shortcoming = c.shortcoming;
    f.recommendation = c.recommendation;
    f.responsible_unit = c.unit;
    f.due = c.due;
    EXPECT_EQ(check_finding(f).size(), c.errors);
  }
}

TEST(Figures, SharesPerLevelAMergedUnitAndRecommendations) {
  // Open at the year's end: departments S1, S2, S3; communes X1, X2 (X2 took
  // over X9 and X8, merged in June; X8 had first taken over X7).
  UnitFacts units;
  units.levels = {{"department", "Sở, ban, ngành"}, {"district", "Cấp huyện"}, {"commune", "Cấp xã"}};
  units.level_of = {
      {"S1", "department"}, {"S2", "department"}, {"S3", "department"}, {"X1", "commune"}, {"X2", "commune"}};
  units.successors = {{"X9", {"X2"}}, {"X8", {"X2"}}, {"X7", {"X8"}}};
  auto visit = [](const char* unit, bool done, std::vector<Finding> f = {}) { return VisitFacts{unit, done, f}; };
  Finding good;
  struct Case {
    const char* name;
    std::vector<VisitFacts> visits;
    int dept_inspected, commune_inspected;
    int recs, fixed, on_time, open, overdue;
  } cases[] = {
      {"nothing yet", {}, 0, 0, 0, 0, 0, 0, 0},
      {"scheduled visits do not count", {visit("S1", false), visit("X1", false)}, 0, 0, 0, 0, 0, 0, 0},
      {"a merged commune counts for its successor, once",
       {visit("X9", true), visit("X2", true), visit("X7", true)},
       0,
       1,
       0,
       0,
       0,
       0,
       0},
      {"recommendations by state",
       {visit("S1", true,
              {good, rec(FixState::open, "2026-06-30"), rec(FixState::reported, "2026-06-30", "2026-06-01"),
               rec(FixState::fixed, "2026-06-30", "2026-06-20", "2026-06-20"),
               rec(FixState::fixed, "2026-06-30", "2026-07-05", "2026-07-05"), rec(FixState::returned, "2026-12-31")}),
        visit("S2", true)},
       2,
       0,
       5,
       2,
       1,
       3,
       1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto f = figures_of(2026, c.visits, units, d("2026-07-15"));
    ASSERT_EQ(f.levels.size(), 2u);  // no district units: the level is left out
    EXPECT_EQ(f.levels[0].level, "department");
    EXPECT_EQ(f.levels[0].units, 3);
    EXPECT_EQ(f.levels[0].inspected, c.dept_inspected);
    EXPECT_EQ(f.levels[1].units, 2);
    EXPECT_EQ(f.levels[1].inspected, c.commune_inspected);
    EXPECT_EQ(f.units, 5);
    EXPECT_EQ(f.inspected, c.dept_inspected + c.commune_inspected);
    EXPECT_EQ(f.recommendations, c.recs);
    EXPECT_EQ(f.fixed, c.fixed);
    EXPECT_EQ(f.fixed_on_time, c.on_time);
    EXPECT_EQ(f.open, c.open);
    EXPECT_EQ(f.overdue, c.overdue);
  }
}

TEST(Figures, WithinASubtree) {
  UnitFacts units;
  units.levels = {{"department", "Sở"}, {"commune", "Xã"}};
  units.level_of = {{"S1", "department"}, {"X1", "commune"}, {"X2", "commune"}};
  units.successors = {{"X9", {"X2"}}};
  auto r = rec(FixState::open, "2026-06-30");
  r.responsible_unit = "X2";
  auto fixed = rec(FixState::fixed, "2026-06-30", "2026-06-01", "2026-06-01");
  fixed.responsible_unit = "S1";
  std::vector<VisitFacts> visits = {{"X9", true, {r}}, {"S1", true, {fixed}}};
  auto f = figures_of(2026, visits, units, d("2026-07-15"), {"X1", "X2"});
  ASSERT_EQ(f.levels.size(), 1u);  // no department within
  EXPECT_EQ(f.levels[0].units, 2);
  EXPECT_EQ(f.levels[0].inspected, 1);  // X2, through X9
  EXPECT_EQ(f.recommendations, 1);
  EXPECT_EQ(f.overdue, 1);
  auto all = figures_of(2026, visits, units, d("2026-07-15"));
  EXPECT_EQ(all.recommendations, 2);
  EXPECT_EQ(all.inspected, 2);
}

TEST(Figures, AsIndicators) {
  Figures f;
  f.units = 8;
  f.inspected = 2;
  f.recommendations = 4;
  f.fixed = 3;
  f.fixed_on_time = 1;
  EXPECT_EQ(figure_ratio(f, "inspection_coverage"), 0.25);
  EXPECT_EQ(figure_ratio(f, "recommendations_fixed"), 0.75);
  EXPECT_EQ(figure_ratio(f, "recommendations_fixed_on_time"), 0.25);
  EXPECT_EQ(figure_ratio(Figures{}, "recommendations_fixed"), std::nullopt);  // none recorded: no figure
  EXPECT_THROW(figure_ratio(f, "online_rate"), Error);
  EXPECT_TRUE(is_figure_indicator("recommendations_fixed"));
  EXPECT_FALSE(is_figure_indicator("online_rate"));
  EXPECT_EQ(figure_indicators().size(), 3u);
}

TEST(Figures, Shares) {
  EXPECT_EQ(share(0, 0), std::nullopt);  // an empty denominator is no figure, never 0 %
  EXPECT_EQ(share(1, 3), 33.3);
  EXPECT_EQ(share(2, 3), 66.7);
  EXPECT_EQ(share(5, 5), 100.0);
  EXPECT_EQ(share(0, 7), 0.0);
}

}  // namespace
}  // namespace cchc::inspections
