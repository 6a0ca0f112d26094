#include "indicators/rules.h"

#include <gtest/gtest.h>

namespace cchc::indicators {
namespace {

const std::string kHeader =
    "id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,"
    "digitized,result_digitized,fee_required,paid_online,rating,apology_sent\n";
const std::set<std::string> kUnits = {"SNV", "P-TRANGDAI"};

std::string lines_of(const LineErrors& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += ',';
    out += std::to_string(e.line);
  }
  return out;
}

TEST(DossierCsv, ReadsAGoodBatch) {
  auto b =
      parse_dossiers_csv(kHeader +
                             "H1,SNV,1.001,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,"
                             "2024-03-11T10:00:00+07:00,2024-03-11T15:00:00+07:00,returned,1,1,1,1,satisfied,0\n"
                             "H2,P-TRANGDAI,2.002,direct,none,2024-03-31T23:59:00+07:00,2024-04-05T17:00:00+07:00,,,"
                             "paused,0,0,0,0,,0\n",
                         kUnits);
  ASSERT_TRUE(b.ok()) << b.errors[0].message;
  ASSERT_EQ(b.records.size(), 2u);
  EXPECT_EQ(b.records[0].status, DossierStatus::returned);
  EXPECT_EQ(b.records[0].rating, Rating::satisfied);
  EXPECT_TRUE(b.records[0].paid_online);
  EXPECT_EQ(b.records[1].rating, std::nullopt);
  EXPECT_EQ(b.records[1].finished_at, std::nullopt);
  // 23:59 on 31/03 in Vietnam is March, though it is 16:59 UTC.
  EXPECT_EQ(month_key(b.records[1].received_at), "2024-03");
  EXPECT_EQ(month_key(parse_rfc3339("2024-03-31T17:00:00Z")), "2024-04");
  EXPECT_EQ(b.lines, (std::vector<int>{2, 3}));
}

TEST(DossierCsv, EveryBadLineIsReported) {
  const std::string ok_tail = ",0,0,0,0,,0\n";
  struct Case {
    const char* what;
    std::string line;
    const char* reason;
  } cases[] = {
      {"unknown unit",
       "H,NOPE,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing" + ok_tail,
       "not in the directory"},
      {"unknown channel", "H,SNV,p,fax,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing" + ok_tail,
       "channel 'fax' is not one of online | direct | postal"},
      {"unknown service",
       "H,SNV,p,online,most,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing" + ok_tail,
       "online_service"},
      {"no offset", "H,SNV,p,online,full,2024-03-05T08:30:00,2024-03-12T17:00:00+07:00,,,processing" + ok_tail,
       "received_at '2024-03-05T08:30:00' is not a time with an offset"},
      {"missing due", "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,,,,processing" + ok_tail, "due_at is required"},
      {"finished without time",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,finished" + ok_tail,
       "needs finished_at"},
      {"returned without handover",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,2024-03-06T08:00:00+07:00,,returned" +
           ok_tail,
       "needs returned_at"},
      {"processing with a finish",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,2024-03-06T08:00:00+07:00,,processing" +
           ok_tail,
       "must have neither"},
      {"finished before received",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,2024-03-04T08:00:00+07:00,,finished" +
           ok_tail,
       "finished_at is before received_at"},
      {"bad flag",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing,yes,0,0,0,,0\n",
       "digitized must be 0 or 1"},
      {"bad rating",
       "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing,0,0,0,0,ok,0\n",
       "rating 'ok'"},
      {"unknown status", "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,lost" + ok_tail,
       "status 'lost'"},
      {"missing field", "H,SNV,p,online,full,2024-03-05T08:30:00+07:00\n", "expected 16 fields"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto b = parse_dossiers_csv(kHeader + c.line, kUnits);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(lines_of(b.errors), "2");
    EXPECT_NE(b.errors[0].message.find(c.reason), std::string::npos) << b.errors[0].message;
    EXPECT_EQ(b.errors[0].message_vi.rfind("Dòng 2:", 0), 0u);
    EXPECT_TRUE(b.records.empty());
  }
}

TEST(DossierCsv, DuplicatesAndHeader) {
  std::string line =
      "H,SNV,p,online,full,2024-03-05T08:30:00+07:00,2024-03-12T17:00:00+07:00,,,processing,0,0,0,0,,0\n";
  auto dup = parse_dossiers_csv(kHeader + line + line, kUnits);
  EXPECT_EQ(lines_of(dup.errors), "3");
  EXPECT_NE(dup.errors[0].message.find("already appears on line 2"), std::string::npos);
  EXPECT_FALSE(parse_dossiers_csv("id,unit_code\n" + line, kUnits).ok());
  EXPECT_FALSE(parse_dossiers_csv("", kUnits).ok());
  // Several bad lines: all reported, in order.
  auto many = parse_dossiers_csv(
      kHeader + line + "X,NOPE" + line.substr(5) + "Y,SNV,p,fax," + line.substr(15) + "Z,SNV\n", kUnits);
  EXPECT_EQ(lines_of(many.errors), "3,4,5");  // sorted by line, the short line 5 included
}

TEST(FeedbackCsv, ReadsAndRejects) {
  const std::string header = "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n";
  auto ok =
      parse_feedback_csv(header +
                             "F1,SNV,hotline_1022,2024-03-05T08:30:00+07:00,2024-03-15T17:00:00+07:00,"
                             "2024-03-10T09:00:00+07:00,answered,very_satisfied\n"
                             "F2,SNV,national_portal,2024-03-05T08:30:00+07:00,2024-03-15T17:00:00+07:00,,open,\n",
                         kUnits);
  ASSERT_TRUE(ok.ok()) << ok.errors[0].message;
  EXPECT_EQ(ok.records[0].channel, FeedbackChannel::hotline_1022);
  EXPECT_EQ(ok.records[0].rating, Rating::very_satisfied);
  struct Case {
    std::string line;
    const char* reason;
  } cases[] = {
      {"F,SNV,email,2024-03-05T08:30:00+07:00,2024-03-15T17:00:00+07:00,,open,\n", "channel 'email'"},
      {"F,SNV,direct,2024-03-05T08:30:00+07:00,2024-03-15T17:00:00+07:00,,answered,\n", "needs answered_at"},
      {"F,SNV,direct,2024-03-05T08:30:00+07:00,2024-03-15T17:00:00+07:00,2024-03-06T08:00:00+07:00,open,\n",
       "must not have answered_at"},
      {"F,SNV,direct,2024-03-05T08:30:00+07:00,2024-03-01T17:00:00+07:00,,open,\n", "due_at is before received_at"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    auto b = parse_feedback_csv(header + c.line, kUnits);
    ASSERT_FALSE(b.ok());
    EXPECT_NE(b.errors[0].message.find(c.reason), std::string::npos) << b.errors[0].message;
  }
}

TEST(Batches, RecordsAreCountedBeforeParsing) {
  struct Row {
    const char* text;
    Format format;
    std::size_t records;
  };
  const Row rows[] = {
      {"", Format::csv, 0},
      {"id,unit_code\n", Format::csv, 0},
      {"id,unit_code\nH1,SNV\nH2,SNV\n", Format::csv, 2},
      {"id,unit_code\r\nH1,SNV\r\n\r\nH2,SNV", Format::csv, 2},           // blank lines are not records
      {"id,unit_code\rH1,SNV\rH2,SNV\r", Format::csv, 2},                 // lone CRs end lines, as libcsv reads them
      {"id,unit_code\rH1,SNV\r\nH2,SNV\n \t\r\nH3,SNV", Format::csv, 3},  // lone CR, CRLF, LF mixed; a blank line
      {"id,unit_code\n\r\r\rH1,SNV\r", Format::csv, 1},                   // runs of lone CRs are blank lines
      {"id,unit_code\nH1,SNV\r\r\n", Format::csv, 1},                     // a CR before CRLF
      {"id,unit_code\nH1\rSNV", Format::csv, 2},                          // text after a last lone CR
      {"h\n  \t ", Format::csv, 0},                                       // only blanks after the header
      {"{}\r{}\r", Format::json, 1},                                      // but not NDJSON's
      {"[]", Format::json, 0},
      {" [ ] ", Format::json, 0},
      {"[{}]", Format::json, 1},
      {"[{},{}, {} ]", Format::json, 3},
      {"[{\"id\":\"a,b]}\"},{\"x\":[1,2,{}]}]", Format::json, 2},  // brackets and commas in strings and inside
      {"[{\"id\":\"q\\\"],\"}, 1, null]", Format::json, 3},        // an escaped quote
      {"[1,2,3", Format::json, 3},                                 // unclosed: counted all the same
      {"{\"id\":1}\n{\"id\":2}\n\n", Format::json, 2},             // NDJSON
  };
  for (const auto& r : rows) EXPECT_EQ(count_records(r.text, r.format), r.records) << r.text;
}

TEST(Batches, ErrorsAreCountedButAThousandKept) {
  std::string text = kHeader;
  for (int i = 0; i < 3000; ++i) text += "bad\n";
  auto b = parse_dossiers_csv(text, kUnits);
  EXPECT_EQ(b.errors.size(), 3000u);
  EXPECT_EQ(b.errors.reported().size(), LineErrors::kReported);
  EXPECT_EQ(b.errors.unreported(), 2000u);
  EXPECT_EQ(b.errors[0].line, 2);
}

// The period a page shows when its query names none.
TEST(IndicatorForms, DefaultPeriodsFollowTheLatestMonthWithData) {
  using namespace std::chrono;
  const std::optional<std::string> none;
  struct Case {
    std::optional<std::string> latest;
    Date today;
    const char* quarter;
    const char* year;
  } cases[] = {
      {"2025-01", 2026y / May / 2, "2025-Q1", "2025"},
      {"2025-03", 2026y / May / 2, "2025-Q1", "2025"},
      {"2025-04", 2026y / May / 2, "2025-Q2", "2025"},
      {"2025-09", 2026y / May / 2, "2025-Q3", "2025"},
      {"2025-12", 2026y / May / 2, "2025-Q4", "2025"},
      // No data: the last whole quarter, and this year.
      {none, 2026y / May / 2, "2026-Q1", "2026"},
      {none, 2026y / April / 1, "2026-Q1", "2026"},
      {none, 2026y / March / 31, "2025-Q4", "2026"},
      {none, 2026y / January / 1, "2025-Q4", "2026"},
      {none, 2026y / December / 31, "2026-Q3", "2026"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.latest.value_or("none"));
    EXPECT_EQ(default_quarter(c.latest, c.today).code(), c.quarter);
    EXPECT_EQ(default_year(c.latest, c.today).code(), c.year);
  }
}

TEST(IndicatorForms, ManualValuesAreWholeNumbersOrLeftOut) {
  struct Case {
    const char* numerator;
    const char* denominator;
    std::optional<ManualValue> value;  // nullopt: left out
    bool problem;
  } cases[] = {
      {"9", "10", ManualValue{9, 10}, false},   {" 9 ", " 10 ", ManualValue{9, 10}, false},
      {"0", "0", ManualValue{0, 0}, false},     {"11", "10", ManualValue{11, 10}, false},  // the store checks the range
      {"-1", "10", ManualValue{-1, 10}, false}, {"", "", std::nullopt, false},
      {"  ", "", std::nullopt, false},          {"9", "", std::nullopt, true},
      {"", "10", std::nullopt, true},           {"9x", "10", std::nullopt, true},
      {"+9", "10", std::nullopt, true},         {"9,5", "10", std::nullopt, true},
      {"9", "1e1", std::nullopt, true},         {"99999999999999999999", "1", std::nullopt, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.numerator) + "/" + c.denominator);
    auto entry = read_manual_values({{"PUBLISH_ON_TIME", "Tỷ lệ TTHC công bố đúng hạn", c.numerator, c.denominator}});
    if (c.value) {
      ASSERT_EQ(entry.values.size(), 1u);
      EXPECT_EQ(entry.values.at("PUBLISH_ON_TIME"), *c.value);
    } else {
      EXPECT_TRUE(entry.values.empty());
    }
    if (c.problem) {
      ASSERT_EQ(entry.problems.size(), 1u);
      EXPECT_EQ(entry.problems[0], "Tỷ lệ TTHC công bố đúng hạn: tử số và mẫu số phải là số nguyên.");
    } else {
      EXPECT_TRUE(entry.problems.empty());
    }
  }
  // Every refused indicator is named, the others are kept.
  auto entry =
      read_manual_values({{"A", "Chỉ số A", "x", "1"}, {"B", "Chỉ số B", "1", "2"}, {"C", "Chỉ số C", "1", ""}});
  EXPECT_EQ(entry.values, (ManualValues{{"B", {1, 2}}}));
  EXPECT_EQ(entry.problems, (std::vector<std::string>{"Chỉ số A: tử số và mẫu số phải là số nguyên.",
                                                      "Chỉ số C: tử số và mẫu số phải là số nguyên."}));
}

TEST(IndicatorForms, TargetsAreAYearAndAPercentage) {
  struct Case {
    const char* year;
    const char* percent;
    int want_year;
    double want_share;
  } cases[] = {
      {"2025", "96", 2025, 0.96},    {"2025", "96,5", 2025, 0.965},
      {"2025", "96.5", 2025, 0.965}, {" 2025 ", " 100 ", 2025, 1},
      {"2025", "0", 2025, 0},        {"1999", "150", 1999, 1.5},  // the ranges are the store's
  };
  for (const auto& c : cases) {
    auto t = read_target(c.year, c.percent);
    EXPECT_EQ(t.year, c.want_year) << c.year;
    EXPECT_DOUBLE_EQ(t.share, c.want_share) << c.percent;
  }
  struct Refused {
    const char* year;
    const char* percent;
  } refused[] = {
      {"", "96"},      {"2025", ""},    {"2025x", "96"},       {"+2025", "96"}, {"2025.0", "96"},
      {"2025", "96%"}, {"2025", "nan"}, {"2025", "chín mươi"}, {"2025", "inf"}, {"20255555555", "96"},
  };
  for (auto [year, percent] : refused) {
    try {
      read_target(year, percent);
      ADD_FAILURE() << "accepted " << year << " " << percent;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_EQ(e.message_vi(), "Năm phải là số nguyên, chỉ tiêu là số phần trăm (VD: 96 hoặc 96,5).");
    }
  }
}

TEST(IndicatorForms, RankingMinimumIsAWholeNumberWithinRange) {
  struct Case {
    const char* typed;
    long minimum;         // when accepted
    const char* refusal;  // else the Vietnamese message
  } cases[] = {
      {"", 30, nullptr},
      {"0", 0, nullptr},
      {"12", 12, nullptr},
      {"1000000", 1000000, nullptr},
      {"-1", 0, "Số hồ sơ tối thiểu không hợp lệ."},
      {"1000001", 0, "Số hồ sơ tối thiểu không hợp lệ."},
      {"12abc", 0, "Số hồ sơ tối thiểu phải là số nguyên."},
      {" 12", 0, "Số hồ sơ tối thiểu phải là số nguyên."},
      {"1.5", 0, "Số hồ sơ tối thiểu phải là số nguyên."},
      {"99999999999999999999999", 0, "Số hồ sơ tối thiểu phải là số nguyên."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typed);
    if (!c.refusal) {
      EXPECT_EQ(ranking_minimum(c.typed, 30), c.minimum);
      continue;
    }
    try {
      ranking_minimum(c.typed, 30);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_EQ(e.message_vi(), c.refusal);
    }
  }
}

}  // namespace
}  // namespace cchc::indicators
