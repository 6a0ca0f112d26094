// Hand-checked cases for every indicator, read through the real batch
// parser. Quý I/2024 is [01/01/2024 00:00, 01/04/2024 00:00) in +07:00.
#include "indicators/formulas.h"

#include <gtest/gtest.h>

#include "indicators/rules.h"

namespace cchc::indicators {
namespace {

const std::set<std::string> kUnits = {"U"};

std::vector<Dossier> dossiers() {
  // id, channel, service, received, due, finished, returned, status, digitized, result_digitized, fee, paid, rating,
  // apology
  auto b = parse_dossiers_csv(
      "id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,"
      "digitized,result_digitized,fee_required,paid_online,rating,apology_sent\n"
      // D1 online full, on time, returned, paid online, satisfied
      "D1,U,p,online,full,2024-01-10T08:00:00+07:00,2024-01-20T17:00:00+07:00,2024-01-18T10:00:00+07:00,2024-01-19T08:"
      "00:00+07:00,returned,1,1,1,1,satisfied,0\n"
      // D2 direct, finished exactly at due_at: on time; fee not paid online; unsatisfied
      "D2,U,p,direct,none,2024-02-01T08:00:00+07:00,2024-02-05T17:00:00+07:00,2024-02-05T17:00:00+07:00,,finished,0,0,"
      "1,0,unsatisfied,0\n"
      // D3 online partial, late, apology sent, no rating
      "D3,U,p,online,partial,2024-03-20T08:00:00+07:00,2024-03-25T17:00:00+07:00,2024-03-28T09:00:00+07:00,,finished,1,"
      "0,0,0,,1\n"
      // D4 online full, received at 23:30 on 31/03 (still Q1), due in April: not overdue
      "D4,U,p,online,full,2024-03-31T23:30:00+07:00,2024-04-10T17:00:00+07:00,,,processing,0,0,0,0,,0\n"
      // D5 direct full, processing past its due date: overdue
      "D5,U,p,direct,full,2024-03-01T08:00:00+07:00,2024-03-15T17:00:00+07:00,,,processing,0,0,1,0,,0\n"
      // D6 paused since December, due in January: overdue, not received in Q1
      "D6,U,p,direct,none,2023-12-20T08:00:00+07:00,2024-01-05T17:00:00+07:00,,,paused,0,0,0,0,,0\n"
      // D7 withdrawn: never counts
      "D7,U,p,online,full,2024-01-15T08:00:00+07:00,2024-01-20T17:00:00+07:00,,,withdrawn,1,0,1,1,,0\n"
      // D8 postal, finished in April after its March due date: overdue at the end of Q1
      "D8,U,p,postal,none,2024-03-25T08:00:00+07:00,2024-03-29T17:00:00+07:00,2024-04-02T08:00:00+07:00,,finished,1,0,"
      "0,0,,0\n"
      // D9 received in December, finished on time in January
      "D9,U,p,online,none,2023-12-28T08:00:00+07:00,2024-01-05T17:00:00+07:00,2024-01-03T08:00:00+07:00,,finished,0,1,"
      "0,0,very_satisfied,0\n"
      // D10 received at 17:30 UTC on 31/03 = 00:30 on 01/04 in Vietnam: Q2
      "D10,U,p,online,full,2024-03-31T17:30:00Z,2024-04-10T17:00:00+07:00,,,processing,0,0,0,0,,0\n",
      kUnits);
  EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.errors[0].message);
  return b.records;
}

std::vector<Feedback> feedback() {
  auto b = parse_feedback_csv(
      "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n"
      "F1,U,hotline_1022,2024-01-05T08:00:00+07:00,2024-01-15T17:00:00+07:00,2024-01-10T08:00:00+07:00,answered,very_"
      "satisfied\n"
      "F2,U,national_portal,2024-03-25T08:00:00+07:00,2024-04-05T17:00:00+07:00,2024-04-02T08:00:00+07:00,answered,\n"
      "F3,U,direct,2023-12-20T08:00:00+07:00,2024-01-02T17:00:00+07:00,2024-01-03T08:00:00+07:00,answered,unsatisfied\n"
      "F4,U,other,2024-02-01T08:00:00+07:00,2024-02-10T17:00:00+07:00,,withdrawn,\n"
      "F5,U,provincial_portal,2024-02-10T08:00:00+07:00,2024-02-20T17:00:00+07:00,,open,\n",
      kUnits);
  EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.errors[0].message);
  return b.records;
}

TEST(Indicators, HandCheckedQuarter) {
  auto i = compute(dossiers(), feedback(), Period::parse("2024-Q1"));
  EXPECT_EQ(i.received, 6);                     // D1 D2 D3 D4 D5 D8
  EXPECT_EQ(i.online_rate, (Rate{3, 6}));       // D1 D3 D4
  EXPECT_EQ(i.online_full_rate, (Rate{2, 3}));  // full: D1 D4 D5; online: D1 D4
  EXPECT_EQ(i.finished, 4);                     // D1 D2 D3 D9
  EXPECT_EQ(i.finished_on_time, 3);             // D1 D2 (at due_at) D9
  EXPECT_EQ(i.on_time_rate, (Rate{3, 4}));
  EXPECT_EQ(i.overdue_open, 3);                           // D5 D6 D8
  EXPECT_EQ(i.digitized_rate, (Rate{3, 6}));              // D1 D3 D8
  EXPECT_EQ(i.result_digitized_rate, (Rate{2, 4}));       // D1 D9
  EXPECT_EQ(i.online_payment_rate, (Rate{1, 3}));         // fee: D1 D2 D5; paid: D1
  EXPECT_EQ(i.satisfaction_rate, (Rate{2, 3}));           // rated: D1 D2 D9
  EXPECT_EQ(i.apology_rate, (Rate{1, 1}));                // late: D3
  EXPECT_EQ(i.feedback_received, 3);                      // F1 F2 F5
  EXPECT_EQ(i.feedback_answered, 2);                      // F1 F3
  EXPECT_EQ(i.feedback_on_time_rate, (Rate{1, 2}));       // F1
  EXPECT_EQ(i.feedback_satisfaction_rate, (Rate{1, 2}));  // F1 of F1 F3
  EXPECT_DOUBLE_EQ(*i.on_time_rate.value(), 0.75);
}

TEST(Indicators, NextQuarterAndBoundaries) {
  auto i = compute(dossiers(), feedback(), Period::parse("2024-Q2"));
  EXPECT_EQ(i.received, 1);  // D10 only
  EXPECT_EQ(i.finished, 1);  // D8, late
  EXPECT_EQ(i.on_time_rate, (Rate{0, 1}));
  EXPECT_EQ(i.apology_rate, (Rate{0, 1}));  // D8 late without apology
  EXPECT_EQ(i.satisfaction_rate, (Rate{0, 0}));
  EXPECT_EQ(i.overdue_open, 4);  // by 01/07 D4, D5, D6 and D10 are all past due; D8 finished
}

TEST(Indicators, EmptyDenominatorsAreNullNeverZero) {
  auto i = compute(dossiers(), feedback(), Period::parse("2022-Q1"));
  EXPECT_EQ(i.received, 0);
  EXPECT_EQ(i.on_time_rate.value(), std::nullopt);
  auto j = to_json(i);
  EXPECT_TRUE(j["online_rate"]["value"].is_null());
  EXPECT_EQ(j["online_rate"]["numerator"], 0);
  EXPECT_EQ(j["online_rate"]["denominator"], 0);
  EXPECT_EQ(j["received"], 0);
  auto q1 = to_json(compute(dossiers(), feedback(), Period::parse("2024-Q1")));
  EXPECT_DOUBLE_EQ(q1["on_time_rate"]["value"].get<double>(), 0.75);
  EXPECT_EQ(q1["on_time_rate"]["numerator"], 3);
  EXPECT_EQ(q1["overdue_open"], 3);
}

}  // namespace
}  // namespace cchc::indicators
