#include "indicators/ranking.h"

#include <gtest/gtest.h>

namespace cchc::indicators {
namespace {

std::string show(const std::vector<Ranked>& rs) {
  std::string out;
  for (const auto& r : rs) {
    out += (out.empty() ? "" : " ") + r.unit_code + ":" + (r.rank ? std::to_string(*r.rank) : "-");
  }
  return out;
}

TEST(Ranking, TiesShareARankAndTheNextSkips) {
  struct Case {
    const char* what;
    std::vector<Candidate> in;
    long minimum;
    bool lower_is_better;
    const char* out;
  } cases[] = {
      {"plain", {{"A", 0.9, 50}, {"B", 0.95, 50}, {"C", 0.8, 50}}, 30, false, "B:1 A:2 C:3"},
      {"ties 1,2,2,4", {{"A", 0.9, 50}, {"B", 0.95, 50}, {"C", 0.9, 50}, {"D", 0.5, 50}}, 30, false, "B:1 A:2 C:2 D:4"},
      {"tie at the top", {{"B", 1.0, 40}, {"A", 1.0, 40}, {"C", 0.7, 40}}, 30, false, "A:1 B:1 C:3"},
      {"all equal", {{"A", 0.5, 40}, {"B", 0.5, 40}}, 30, false, "A:1 B:1"},
      {"too few dossiers apart", {{"A", 1.0, 5}, {"B", 0.9, 30}, {"C", 0.8, 31}}, 30, false, "B:1 C:2 A:-"},
      {"no value apart", {{"A", std::nullopt, 100}, {"B", 0.1, 100}}, 30, false, "B:1 A:-"},
      {"lower is better", {{"A", 3.0, 50}, {"B", 1.0, 50}, {"C", 3.0, 50}}, 30, true, "B:1 A:2 C:2"},
      {"nothing eligible", {{"B", 1.0, 1}, {"A", 0.2, 2}}, 30, false, "A:- B:-"},
      {"empty", {}, 30, false, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(show(rank_units(c.in, c.minimum, c.lower_is_better)), c.out);
  }
}

}  // namespace
}  // namespace cchc::indicators
