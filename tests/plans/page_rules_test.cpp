// The rules the plans pages apply to what they read: ids and years as
// typed, a report form's fields, the day a year's figures are as of, a
// cancellation's reason, an amount (the loop's: coordination/page_rules_test.cpp).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "plans/page_rules.h"
#include "plans/periods.h"
#include "support/refused.h"
#include "support/report_periods.h"

namespace cchc::plans::page_rules_test {
namespace {

Date on(const char* iso) { return parse_iso_date(iso); }

std::vector<ReportPeriod> quarters() { return testing::quarterly_periods(); }

TEST(PlanPageInputs, IdsAsTyped) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> id;
  } cases[] = {
      {"1", 1},      {"0", 0},
      {"00042", 42}, {"123456789012", 123456789012LL},
      {"", {}},      {"1234567890123", {}},
      {"-1", {}},    {"+1", {}},
      {"1x", {}},    {" 1", {}},
      {"1.0", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(id_of_text(c.text), c.id);
  }
}

TEST(PlanPageInputs, YearsAsTyped) {
  struct Case {
    const char* text;
    std::optional<int> year;
  } cases[] = {
      {"2024", 2024}, {"1000", 1000}, {"9999", 9999}, {"0999", {}}, {"999", {}},
      {"20245", {}},  {"-999", {}},   {"", {}},       {"20a4", {}}, {" 2024", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(year_of_text(c.text), c.year);
  }
}

TEST(PlanPageInputs, PageYearFallsBackOrRefuses) {
  struct Case {
    const char* text;
    int year;  // 0: refused
  } cases[] = {
      {"", 2026},     {"abc", 2026}, {"20x6", 2026}, {"2030", 2030}, {"2000", 2000},
      {"2100", 2100}, {"1999", 0},   {"2101", 0},    {"-5", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    if (c.year) {
      EXPECT_EQ(page_year(c.text, 2026), c.year);
    } else {
      EXPECT_THROW(page_year(c.text, 2026), Error);
    }
  }
}

TEST(PlanPageInputs, ViewDayOfAYear) {
  struct Case {
    int year;
    const char* today;
    const char* as_of;
  } cases[] = {
      {2023, "2024-05-10", "2023-12-31"},  // a past year: its last day
      {2024, "2024-05-10", "2024-05-10"},
      {2025, "2024-05-10", "2024-05-10"},  // a year to come: today
      {2019, "2024-01-01", "2019-12-31"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.year);
    EXPECT_EQ(format_iso_date(view_day(c.year, on(c.today))), c.as_of);
  }
}

TEST(ReportFormInputs, PercentAsTyped) {
  struct Case {
    const char* text;
    int percent;  // -1: refused at "ty_le"
  } cases[] = {
      {"", 0},      {"   ", 0},   {"0", 0},   {"55", 55},  {" 100 ", 100},
      {"007", 7},   {"999", 999},  // three digits: check_report bounds it later
      {"1000", -1}, {"5x", -1},   {"-1", -1}, {"5,5", -1}, {"+5", -1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    if (c.percent >= 0) {
      EXPECT_EQ(report_percent(c.text), c.percent);
    } else {
      EXPECT_EQ(testing::refused_at([&] { report_percent(c.text); }), "ty_le");
    }
  }
}

TEST(ReportFormInputs, DoneOnOnlyWhenDone) {
  struct Case {
    const char* progress;
    const char* text;
    const char* done_on;  // "" none; "!" refused
  } cases[] = {
      {"done", "", "2024-05-10"},  // blank: today
      {"done", "  ", "2024-05-10"},
      {"done", " 01/05/2024 ", "2024-05-01"},
      {"done", "2024-05-02", "2024-05-02"},
      {"done", "hôm qua", "!"},
      {"in_progress", "01/05/2024", ""},
      {"not_started", "x", ""},  // not read at all
      {"", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.progress) + " " + c.text);
    if (std::string(c.done_on) == "!") {
      EXPECT_THROW(report_done_on(c.progress, c.text, on("2024-05-10")), Error);
      continue;
    }
    auto d = report_done_on(c.progress, c.text, on("2024-05-10"));
    EXPECT_EQ(d ? format_iso_date(*d) : "", c.done_on);
  }
}

TEST(ReportFormInputs, WhoATaskNames) {
  Task t;
  t.leads = {"SNV", "STP"};
  t.cooperates = {"SYT"};
  struct Case {
    const char* unit;
    bool named;
    const char* role;
  } cases[] = {
      {"SNV", true, "lead"},      {"STP", true, "lead"},
      {"SYT", true, "cooperate"}, {"SGD", false, "cooperate"},  // not named: the store refuses it
      {"", false, "cooperate"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.unit);
    EXPECT_EQ(task_names(t, c.unit), c.named);
    EXPECT_EQ(report_role(t, c.unit), c.role);
  }
}

TEST(ReportFormInputs, LateAfterTheDueDay) {
  auto q1 = period_of_key(quarters(), "2024-q1", WorkCalendar::vietnam());  // due 15/03/2024
  struct Case {
    const char* made;
    bool late;
  } cases[] = {{"2024-03-01", false}, {"2024-03-15", false}, {"2024-03-16", true}, {"2024-07-01", true}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.made);
    Report r;
    r.reported_at = start_of_day(on(c.made)) + std::chrono::hours{23};
    EXPECT_EQ(reported_late(r, q1), c.late);
  }
}

TEST(ReportFormInputs, PrefillTheUnitsReport) {
  auto report = [](const char* unit, const char* period, int percent) {
    Report r;
    r.unit_code = unit;
    r.period = period;
    r.percent = percent;
    r.progress = "in_progress";
    return r;
  };
  std::vector<Report> reports = {report("SNV", "2024-q1", 10), report("STP", "2024-q1", 20),
                                 report("SNV", "2024-h1", 50), report("STP", "2024-h1", 60)};
  struct Case {
    const char* unit;
    const char* period;
    int percent;  // of the report shown; 0 for a blank one
    const char* shown_period;
  } cases[] = {
      {"SNV", "2024-q1", 10, "2024-q1"},                                     // the period's own report
      {"SNV", "2024-h1", 50, "2024-h1"}, {"SNV", "2024-q3", 50, "2024-h1"},  // none of the period: the latest
      {"STP", "2024-q3", 60, "2024-h1"}, {"SYT", "2024-q1", 0, ""},          // none at all: blank, in progress
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.unit) + " " + c.period);
    auto r = report_prefill(reports, c.unit, c.period);
    EXPECT_EQ(r.percent, c.percent);
    EXPECT_EQ(r.period, c.shown_period);
    EXPECT_EQ(r.progress, "in_progress");
  }
}

TEST(MatrixEditorRules, CancelReason) {
  struct Case {
    bool reopen;
    const char* reason;
    const char* kept;  // nullptr: refused at "ly_do"
  } cases[] = {
      {true, "", ""},
      {true, "anything", ""},  // reopening keeps no reason
      {false, "Trùng nhiệm vụ 3", "Trùng nhiệm vụ 3"},
      {false, " kept as typed ", " kept as typed "},
      {false, "", nullptr},
      {false, " \t ", nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    if (c.kept) {
      EXPECT_EQ(cancel_reason(c.reopen, c.reason), c.kept);
    } else {
      EXPECT_EQ(testing::refused_at([&] { cancel_reason(c.reopen, c.reason); }), "ly_do");
    }
  }
}

TEST(ObjectiveFormRules, AmountAsTyped) {
  struct Case {
    const char* text;
    std::optional<double> amount;
    bool refused;
  } cases[] = {
      {"", {}, false},       {"70", 70.0, false}, {"70,5", 70.5, false}, {"70.5", 70.5, false},
      {" 95 ", 95.0, false}, {"abc", {}, true},   {"7O", {}, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    if (!c.refused) {
      EXPECT_EQ(objective_amount(c.text, "Chỉ tiêu"), c.amount);
      continue;
    }
    try {
      objective_amount(c.text, "Chỉ tiêu");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_EQ(e.message_vi(), "Chỉ tiêu phải là một số (ví dụ 70 hoặc 70,5).");
    }
  }
}

}  // namespace
}  // namespace cchc::plans::page_rules_test
