// The pure rules of background jobs: states and their labels, how far a
// job got, which ids name one.
#include "jobs/rules.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::jobs {
namespace {

TEST(JobRules, StatesRoundTripAndOnlyTheLastThreeAreFinal) {
  struct Case {
    State state;
    const char* code;
    const char* label;
    bool finished;
  } cases[] = {
      {State::queued, "queued", "Đang chờ", false},    {State::running, "running", "Đang chạy", false},
      {State::done, "done", "Đã xong", true},          {State::failed, "failed", "Không thành công", true},
      {State::cancelled, "cancelled", "Đã hủy", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(code_of(c.state), c.code);
    EXPECT_EQ(state_of(c.code), c.state);
    EXPECT_EQ(label_vi(c.state), c.label);
    EXPECT_EQ(finished(c.state), c.finished) << c.code;
  }
  EXPECT_THROW(state_of("Running"), Error);
  EXPECT_THROW(state_of(""), Error);
}

TEST(JobRules, PercentIsRoundedDownAndUnknownWithoutATotal) {
  struct Case {
    std::int64_t done, total;
    std::optional<int> percent;
    const char* text;
  } cases[] = {
      {0, 0, std::nullopt, ""},  // not known yet
      {5, 0, std::nullopt, ""},     {0, 10, 0, "0 %"},
      {1, 3, 33, "33 %"},           {2, 3, 66, "66 %"},      // down, not to the nearest
      {9999, 10000, 99, "99 %"},                             // 100 % only when every step is done
      {10000, 10000, 100, "100 %"}, {12, 10, 100, "100 %"},  // over the total: clamped
      {-3, 10, 0, "0 %"},
  };
  for (const auto& c : cases) {
    Progress p{c.done, c.total, ""};
    EXPECT_EQ(percent(p), c.percent) << c.done << "/" << c.total;
    EXPECT_EQ(percent_text(p), c.text) << c.done << "/" << c.total;
  }
}

TEST(JobRules, AnIdIs32LowerCaseHexCharacters) {
  EXPECT_TRUE(valid_id("0123456789abcdef0123456789abcdef"));
  for (const char* bad : {"", "0badc0de", "0123456789ABCDEF0123456789abcdef", "0123456789abcdef0123456789abcdeg",
                          "0123456789abcdef0123456789abcdef0", "../../etc/passwd"}) {
    EXPECT_FALSE(valid_id(bad)) << bad;
  }
}

}  // namespace
}  // namespace cchc::jobs
