// The province view's summaries, by hand: counts by status and area,
// on-time completion rates with competition ranks, the overdue list and the
// heat map, and filters.
#include "plans/province.h"

#include <gtest/gtest.h>

#include <set>

namespace cchc::plans {
namespace {

// A task led by `leads`, due by `deadline`, whose leads stand as given.
TaskState state(std::int64_t id, const char* area, const char* deadline,
                std::vector<std::pair<std::string, TaskStatus>> leads, std::int64_t plan = 1) {
  TaskState s;
  s.task.id = id;
  s.task.plan_id = plan;
  s.task.area_code = area;
  s.task.deadline = parse_deadline(deadline);
  for (const auto& [unit, st] : leads) {
    s.task.leads.push_back(unit);
    s.leads.push_back({unit, st, st == TaskStatus::done || st == TaskStatus::done_late ? 100 : 30, std::nullopt, {}});
  }
  s.status = s.leads.empty() ? TaskStatus::not_started : s.leads[0].status;
  return s;
}

using S = TaskStatus;

TEST(ProvinceView, RatesRanksOverdueAndHeat) {
  // As of 15/07/2024: Quý I (31/03) and Quý II (30/06) are due, Quý III is not.
  std::vector<TaskState> states = {
      state(1, "institutions", "Quý I/2024", {{"A", S::done}}),
      state(2, "institutions", "Quý II/2024", {{"A", S::done_late}}),
      state(3, "procedures", "Quý I/2024", {{"B", S::done}}),
      state(4, "procedures", "Quý II/2024", {{"B", S::overdue}, {"C", S::done}}),
      state(5, "procedures", "Quý III/2024", {{"C", S::done}}),         // done early: not due, not counted
      state(6, "procedures", "Thường xuyên", {{"D", S::in_progress}}),  // never due
      state(7, "institutions", "Quý I/2024", {{"B", S::overdue}}),
      state(8, "institutions", "trước ngày 10/07/2024", {{"E", S::done}}),
      state(9, "procedures", "Quý I/2024", {{"E", S::cancelled}}),
  };
  states[8].status = S::cancelled;
  std::map<std::string, std::string> names = {
      {"A", "Sở A"}, {"B", "Sở B"}, {"C", "Sở C"}, {"D", "Sở D"}, {"E", "Sở E"}};
  auto s = summarize(states, Date{std::chrono::year{2024} / 7 / 15}, names);

  EXPECT_EQ(s.by_status[S::done], 4);  // tasks 1, 3, 5, 8 (task 4's first lead is overdue)
  EXPECT_EQ(s.by_status[S::overdue], 2);
  EXPECT_EQ(s.by_area["institutions"][S::done], 2);
  EXPECT_EQ(s.by_area["procedures"][S::cancelled], 1);

  struct Expect {
    const char* unit;
    int rank, due, on_time;
    double rate;  // -1: none
  } expected[] = {
      {"C", 1, 1, 1, 1.0},                          // task 4 on time; task 5 not yet due
      {"E", 1, 1, 1, 1.0},                          // task 9 cancelled: not counted
      {"A", 3, 2, 1, 0.5},                          // task 2 late
      {"B", 4, 3, 1, 1.0 / 3}, {"D", 0, 0, 0, -1},  // nothing due: apart, unranked
  };
  ASSERT_EQ(s.units.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(expected[i].unit);
    EXPECT_EQ(s.units[i].unit, expected[i].unit);
    EXPECT_EQ(s.units[i].rank, expected[i].rank);
    EXPECT_EQ(s.units[i].due, expected[i].due);
    EXPECT_EQ(s.units[i].on_time, expected[i].on_time);
    if (expected[i].rate < 0) {
      EXPECT_FALSE(s.units[i].rate);
    } else
      EXPECT_NEAR(*s.units[i].rate, expected[i].rate, 1e-12);
  }
  EXPECT_EQ(s.units[3].overdue, 2);

  // Overdue: most days first; task 7 (due 31/03) is 106 days over, task 4 (30/06) 15.
  ASSERT_EQ(s.overdue.size(), 2u);
  EXPECT_EQ(s.overdue[0].task->task.id, 7);
  EXPECT_EQ(s.overdue[0].days, 106);
  EXPECT_EQ(s.overdue[1].task->task.id, 4);
  EXPECT_EQ(s.overdue[1].days, 15);
  EXPECT_EQ(s.heat["B"]["institutions"], 1);
  EXPECT_EQ(s.heat["B"]["procedures"], 1);
  EXPECT_EQ(s.heat.count("A"), 0u);
}

TEST(ProvinceView, DivisionsAreListedWithTheirRateButNotRanked) {
  // Three units with work due: D is a division (its level is not ranked).
  // It keeps its rate and counts, is never ranked, and does not take a
  // place from the units that are.
  std::vector<TaskState> states;
  std::int64_t id = 0;
  auto add = [&](const char* unit, int done, int overdue) {
    for (int i = 0; i < done + overdue; ++i) {
      states.push_back(state(++id, "a", "Quý I/2024", {{unit, i < done ? S::done : S::overdue}}));
    }
  };
  add("A", 1, 1);  // 50 %
  add("B", 3, 1);  // 75 %
  add("D", 4, 0);  // 100 %, a division
  const std::map<std::string, std::string> names = {{"A", "Sở A"}, {"B", "Sở B"}, {"D", "Phòng D"}};
  const Date as_of{std::chrono::year{2024} / 5 / 1};
  struct Case {
    std::set<std::string> not_ranked;
    std::vector<std::pair<std::string, int>> order;  // unit, rank
  } cases[] = {
      {{}, {{"D", 1}, {"B", 2}, {"A", 3}}},
      {{"D"}, {{"B", 1}, {"A", 2}, {"D", 0}}},
      {{"D", "A"}, {{"B", 1}, {"D", 0}, {"A", 0}}},  // unranked in name order: Phòng D, Sở A
  };
  for (const auto& c : cases) {
    auto s = summarize(states, as_of, names, c.not_ranked);
    std::vector<std::pair<std::string, int>> got;
    for (const auto& u : s.units) got.emplace_back(u.unit, u.rank);
    EXPECT_EQ(got, c.order);
    for (const auto& u : s.units) EXPECT_TRUE(u.rate.has_value()) << u.unit;
  }
}

TEST(ProvinceView, RatesEqualToATenthOfAPointShareARank) {
  // 2/3 and 667/1000 round to 66.7 %: the same rank.
  std::vector<TaskState> states;
  std::int64_t id = 0;
  for (int i = 0; i < 3; ++i) states.push_back(state(++id, "a", "Quý I/2024", {{"X", i < 2 ? S::done : S::overdue}}));
  for (int i = 0; i < 1000; ++i)
    states.push_back(state(++id, "a", "Quý I/2024", {{"Y", i < 667 ? S::done : S::overdue}}));
  auto s = summarize(states, Date{std::chrono::year{2024} / 5 / 1}, {{"X", "Xã X"}, {"Y", "Xã Y"}});
  ASSERT_EQ(s.units.size(), 2u);
  EXPECT_EQ(s.units[0].rank, 1);
  EXPECT_EQ(s.units[1].rank, 1);
  EXPECT_EQ(s.units[0].unit, "X");  // same rank: by name
}

TEST(ProvinceView, Filters) {
  std::vector<TaskState> states = {state(1, "a", "Quý I/2024", {{"A", S::done}}, 1),
                                   state(2, "b", "Quý I/2024", {{"B", S::done}}, 1),
                                   state(3, "a", "Quý I/2024", {{"A", S::done}, {"B", S::done}}, 2)};
  auto ids = [&](const Filters& f) {
    std::vector<std::int64_t> out;
    for (const auto& s : filtered(states, f)) out.push_back(s.task.id);
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(ids({1, "", {}}), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(ids({std::nullopt, "a", {}}), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(ids({std::nullopt, "", {"B"}}), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(ids({2, "a", {"B", "Z"}}), (std::vector<std::int64_t>{3}));
}

}  // namespace
}  // namespace cchc::plans
