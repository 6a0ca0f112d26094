// The review page's rules as a table: what keeps a task read in a document
// from becoming a plan's task.
#include "documents/rules.h"

#include <gtest/gtest.h>

namespace cchc::documents {
namespace {

TEST(ReviewRules, WhatKeepsATaskFromAPlan) {
  const std::string unreadable =
      "Nhiệm vụ 3: thời hạn \"sớm nhất có thể\" chưa đọc được (ví dụ: Quý I/2024, trước ngày 21/6/2024, Thường "
      "xuyên).";
  struct Case {
    const char* name;
    int number;
    const char* lead;
    const char* deadline;
    std::vector<std::string> problems;
  } cases[] = {
      {"a quarter", 1, "SNV", "Quý I/2024", {}},
      {"a day", 2, "SNV", "trước ngày 21/6/2024", {}},
      {"continuous", 4, "STC", "Thường xuyên", {}},
      {"no lead unit", 7, "", "Quý II/2024", {"Nhiệm vụ 7: chọn đơn vị chủ trì."}},
      {"an unreadable deadline", 3, "SNV", "sớm nhất có thể", {unreadable}},
      {"an impossible quarter",
       5,
       "SNV",
       "Quý V/2022",
       {"Nhiệm vụ 5: thời hạn \"Quý V/2022\" chưa đọc được (ví dụ: Quý I/2024, trước ngày 21/6/2024, Thường "
        "xuyên)."}},
      {"both, the unit first", 3, "", "sớm nhất có thể", {"Nhiệm vụ 3: chọn đơn vị chủ trì.", unreadable}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(task_problems(c.number, c.lead, c.deadline), c.problems);
  }
}

}  // namespace
}  // namespace cchc::documents
