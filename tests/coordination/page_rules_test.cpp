// The rules the loop's pages apply to what they read: the working days a
// report waits for review, the period a compiled report shows, an urging
// letter's reply days and due day, a requirement's due day, a request's
// outline.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coordination/compiled.h"
#include "coordination/register.h"
#include "coordination/requests.h"
#include "coordination/review.h"
#include "coordination/urging.h"
#include "core/errors.h"
#include "support/refused.h"
#include "support/report_periods.h"

namespace cchc::coordination::page_rules_test {
namespace {

Date on(const char* iso) { return parse_iso_date(iso); }

std::vector<ReportPeriod> quarters() { return testing::quarterly_periods(); }

TEST(ReviewQueueRules, WorkingDaysWaiting) {
  struct Case {
    const char* made;
    const char* today;
    int waiting;
  } cases[] = {
      {"2024-05-06", "2024-05-10", 4},                                   // Monday to Friday
      {"2024-05-10", "2024-05-10", 0}, {"2024-05-10", "2024-05-13", 1},  // over a weekend
      {"2024-04-26", "2024-05-03", 2},                                   // 29/04 to 01/05 are days off
      {"2030-01-02", "2030-01-09", 0},                                   // a year the calendar does not cover
      {"2027-12-30", "2030-01-09", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.made) + " " + c.today);
    EXPECT_EQ(working_days_waiting(on(c.made), on(c.today), WorkCalendar::vietnam()), c.waiting);
  }
}

TEST(CompiledReportRules, PeriodShownByDefault) {
  struct Case {
    int plan_year;
    const char* today;
    const char* key;
  } cases[] = {
      {2024, "2024-05-10", "2024-h1"},    // the current period, of the plan's year
      {2023, "2024-05-10", "2023-year"},  // a past plan: its year's last
      {2024, "2024-12-20", "2024-year"},  // the current period (2025-q1) is of the next year
      {2025, "2024-12-20", "2025-q1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.today);
    EXPECT_EQ(compiled_period(quarters(), c.plan_year, on(c.today), WorkCalendar::vietnam()).key, c.key);
  }
  EXPECT_THROW(compiled_period({}, 2024, on("2024-05-10"), WorkCalendar::vietnam()), Error);
}

TEST(UrgingLetterRules, ReplyDaysAndDueDay) {
  struct Case {
    const char* text;
    int days;  // 0: refused at "so_ngay"
  } cases[] = {
      {"10", 10}, {" 1 ", 1}, {"60", 60}, {"0", 0}, {"61", 0}, {"", 0}, {"x", 0}, {"-3", 0}, {"1.5", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    if (c.days) {
      EXPECT_EQ(reply_days(c.text), c.days);
    } else {
      EXPECT_EQ(testing::refused_at([&] { reply_days(c.text); }), "so_ngay");
    }
  }
  struct Due {
    const char* from;
    int working_days, days_uncovered;
    const char* due;
  } dues[] = {
      {"2024-05-06", 10, 14, "2024-05-20"},  // two working weeks
      {"2024-04-26", 3, 14, "2024-05-04"},   // 29/04 to 01/05 off; Saturday 04/05 a make-up working day
      {"2030-01-01", 10, 14, "2030-01-15"},  // not covered: calendar days
      {"2030-01-01", 5, 5, "2030-01-06"},
  };
  for (const auto& d : dues) {
    SCOPED_TRACE(d.from);
    EXPECT_EQ(format_iso_date(reply_due(on(d.from), d.working_days, d.days_uncovered, WorkCalendar::vietnam())), d.due);
  }
}

TEST(RegisterRules, RequirementDueDay) {
  struct Case {
    bool any_chosen;
    const char* text;
    const char* due;  // "" none; "!" refused at "han"
  } cases[] = {
      {false, "", ""},
      {false, "01/05/2024", ""},  // nothing required: no day
      {true, " 01/05/2024 ", "2024-05-01"},
      {true, "", "!"},
      {true, "  ", "!"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    if (std::string(c.due) == "!") {
      EXPECT_EQ(testing::refused_at([&] { requirement_due(c.any_chosen, c.text); }), "han");
      continue;
    }
    auto d = requirement_due(c.any_chosen, c.text);
    EXPECT_EQ(d ? format_iso_date(*d) : "", c.due);
  }
  EXPECT_THROW(requirement_due(true, "mai"), Error);
}

TEST(RequestFormRules, OutlineLines) {
  struct Case {
    const char* text;
    std::vector<std::string> lines;
  } cases[] = {
      {"", {""}},         {"Kết quả", {"Kết quả"}},       {"a\n b \n\nc", {"a", "b", "", "c"}},
      {"a\n", {"a", ""}}, {"a\r\nb\r\n", {"a", "b", ""}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(outline_lines(c.text), c.lines);
  }
}

}  // namespace
}  // namespace cchc::coordination::page_rules_test
