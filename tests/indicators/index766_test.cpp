#include "indicators/index766.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::indicators {
namespace {

// A quarter of a department, every figure chosen so the points can be
// checked by hand (docs/indicators.md, "The 766 service index").
Indicators a_quarter() {
  Indicators in;
  in.received = 200;
  in.finished = 100;
  in.finished_on_time = 90;
  in.pending_at_end = 20;
  in.overdue_open = 5;                // progress (90 + 15) / 120 = 0.875
  in.online_rate = {40, 200};         // C = 0.2
  in.online_full_rate = {30, 60};     // B = 0.5
  in.online_payment_rate = {15, 50};  // 0.3
  in.feedback_answered = 40;
  in.feedback_on_time_rate = {36, 40};
  in.feedback_pending_at_end = 10;
  in.feedback_overdue_open = 4;  // petitions (36 + 6) / 50 = 0.84
  in.feedback_answered_ok = 30;  // 30 / 40 = 0.75
  in.finished_ok = 81;           // 81 / 100 = 0.81
  in.result_digitized_rate = {50, 100};
  in.digitized_rate = {100, 200};
  return in;
}

ManualValues entered() {
  return {{"PUBLISH_ON_TIME", {10, 10}},
          {"PUBLIC_UPDATE_ON_TIME", {9, 10}},
          {"PUBLIC_CONTENT_FULL", {1, 2}},
          {"DOSSIER_SYNC", {180, 200}},
          {"ONLINE_PROCEDURES_OFFERED", {60, 100}},
          {"ELECTRONIC_CERTIFIED_COPY", {3, 4}},
          {"REUSED_DIGITIZED_DATA", {6, 10}},
          {"SYNCED_WITH_DVCQG_PERSONAL_STORAGE", {1, 4}},
          {"CITIZEN_DATA_CONNECTED_DOSSIER", {0, 5}},
          {"CITIZEN_DATA_CONNECTED_FORMALITY", {0, 0}}};
}

const IndicatorScore& find(const Index766& s, const std::string& code) {
  for (const auto& g : s.groups)
    for (const auto& i : g.indicators)
      if (i.code == code) return i;
  throw std::runtime_error("no indicator " + code);
}

const GroupScore& group(const Index766& s, const std::string& code) {
  for (const auto& g : s.groups)
    if (g.code == code) return g;
  throw std::runtime_error("no group " + code);
}

struct Expect {
  const char* code;
  double max;
  std::optional<double> points;
  ScoreStatus status;
};

void check(const Index766& s, const std::vector<Expect>& rows) {
  for (const auto& e : rows) {
    SCOPED_TRACE(e.code);
    const auto& i = find(s, e.code);
    EXPECT_DOUBLE_EQ(i.max, e.max);
    EXPECT_EQ(i.status, e.status);
    ASSERT_EQ(i.points.has_value(), e.points.has_value());
    if (e.points) {
      EXPECT_NEAR(*i.points, *e.points, 1e-9);
    }
  }
}

constexpr auto S = ScoreStatus::scored;
constexpr auto N = ScoreStatus::no_data;
constexpr auto M = ScoreStatus::manual_missing;

TEST(Index766, LegalFormulaByHand) {
  auto s = score766(a_quarter(), entered(), Formula::legal);
  check(s, {{"PUBLISH_ON_TIME", 6, 6.0, S},
            {"PUBLIC_UPDATE_ON_TIME", 4, 3.6, S},
            {"PUBLIC_CONTENT_FULL", 2, 1.0, S},
            {"DOSSIER_SYNC", 6, 5.4, S},
            {"PROCESSING_ON_TIME", 20, 17.5, S},
            {"ONLINE_FULL_DOSSIERS", 12, 6.0, S},
            {"ONLINE_PAYMENT", 10, 3.0, S},
            {"PETITION_PROCESSING_ON_TIME", 6, 5.04, S},
            {"PETITION_HANDLING_SATISFACTION", 6, 4.5, S},
            {"DOSSIER_RECEIVING_SATISFACTION", 6, 4.86, S},
            {"ORIGINAL_RESULT_AVAILABLE", 6, 3.0, S},
            {"SO_HOA_GIAY_TO_GIAI_QUYET", 4, 2.0, S},
            {"ELECTRONIC_CERTIFIED_COPY", 2, 1.5, S},
            {"REUSED_DIGITIZED_DATA", 2, 1.2, S},
            {"SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 4, 1.0, S},
            {"CITIZEN_DATA_CONNECTED_DOSSIER", 2, 0.0, S},
            {"CITIZEN_DATA_CONNECTED_FORMALITY", 2, std::nullopt, N}});
  EXPECT_NEAR(group(s, "CONG_KHAI_MINH_BACH").points, 16.0, 1e-9);
  EXPECT_NEAR(group(s, "MUC_DO_HAI_LONG").points, 14.4, 1e-9);
  EXPECT_NEAR(group(s, "SO_HOA_HO_SO").points, 8.7, 1e-9);
  EXPECT_NEAR(s.total, 65.6, 1e-9);
  EXPECT_TRUE(s.complete);
  double max = 0;
  for (const auto& g : s.groups) max += g.max;
  EXPECT_DOUBLE_EQ(max, 100);
  EXPECT_EQ(s.groups.size(), 6u);
}

TEST(Index766, ObservedFormulaByHand) {
  auto s = score766(a_quarter(), entered(), Formula::observed);
  check(s, {{"ONLINE_PROCEDURES_OFFERED", 2, 1.5, S},       // min(2, 2 × 0.6 / 0.8)
            {"ONLINE_FULL_DOSSIERS", 4, 2.0, S},            // 4 × 0.5
            {"ONLINE_CHANNEL_DOSSIERS", 6, 2.4, S},         // min(6, 6 × 0.2 / 0.5)
            {"DOSSIER_RECEIVING_SATISFACTION", 6, 5.4, S},  // min(6, 6 × 0.81 / 0.9)
            {"REUSED_DIGITIZED_DATA", 2, 1.5, S},           // full at 80 %
            {"PETITION_PROCESSING_ON_TIME", 6, 5.04, S},
            {"PROCESSING_ON_TIME", 20, 17.5, S}});
  EXPECT_NEAR(group(s, "DICH_VU_CONG_TRUC_TUYEN").points, 5.9, 1e-9);
  EXPECT_NEAR(s.total, 66.34, 1e-9);
}

TEST(Index766, CapsAtTheMaximum) {
  auto in = a_quarter();
  in.finished_ok = 100;         // 6 × 1.0 / 0.9 would be 6.67
  in.online_rate = {150, 200};  // 6 × 0.75 / 0.5 would be 9
  auto manual = entered();
  manual["REUSED_DIGITIZED_DATA"] = {9, 10};  // 2 × 0.9 / 0.8 would be 2.25
  auto s = score766(in, manual, Formula::observed);
  check(s, {{"DOSSIER_RECEIVING_SATISFACTION", 6, 6.0, S},
            {"ONLINE_CHANNEL_DOSSIERS", 6, 6.0, S},
            {"REUSED_DIGITIZED_DATA", 2, 2.0, S}});
}

TEST(Index766, EmptyFeedbackRuleDiffersBetweenFormulas) {
  struct Case {
    const char* what;
    std::int64_t answered, answered_on_time, answered_ok, pending, overdue;
    Formula formula;
    std::vector<Expect> expect;
    double group_points;
  } cases[] = {
      // No feedback at all: the legal text moves both feedback indicators'
      // points onto dossier satisfaction (18 × 0.81); the portal gives 6 + 6.
      {"no feedback, legal",
       0,
       0,
       0,
       0,
       0,
       Formula::legal,
       {{"PETITION_PROCESSING_ON_TIME", 0, std::nullopt, N},
        {"PETITION_HANDLING_SATISFACTION", 0, std::nullopt, N},
        {"DOSSIER_RECEIVING_SATISFACTION", 18, 14.58, S}},
       14.58},
      {"no feedback, observed",
       0,
       0,
       0,
       0,
       0,
       Formula::observed,
       {{"PETITION_PROCESSING_ON_TIME", 6, 6.0, N},
        {"PETITION_HANDLING_SATISFACTION", 6, 6.0, N},
        {"DOSSIER_RECEIVING_SATISFACTION", 6, 5.4, S}},
       17.4},
      // Feedback open but none handled: handling has no data, on-time does
      // ((0 + 3) / 4). Legal: 3 + 3 split, 9 × 0.75 and 9 × 0.81.
      {"open only, legal",
       0,
       0,
       0,
       4,
       1,
       Formula::legal,
       {{"PETITION_PROCESSING_ON_TIME", 9, 6.75, S},
        {"PETITION_HANDLING_SATISFACTION", 0, std::nullopt, N},
        {"DOSSIER_RECEIVING_SATISFACTION", 9, 7.29, S}},
       14.04},
      {"open only, observed",
       0,
       0,
       0,
       4,
       1,
       Formula::observed,
       {{"PETITION_PROCESSING_ON_TIME", 6, 4.5, S},
        {"PETITION_HANDLING_SATISFACTION", 6, 6.0, N},
        {"DOSSIER_RECEIVING_SATISFACTION", 6, 5.4, S}},
       15.9},
      // Handled, all late and nothing open: on time 0 / 2, handling 0 / 2.
      {"all late, legal",
       2,
       0,
       0,
       0,
       0,
       Formula::legal,
       {{"PETITION_PROCESSING_ON_TIME", 6, 0.0, S},
        {"PETITION_HANDLING_SATISFACTION", 6, 0.0, S},
        {"DOSSIER_RECEIVING_SATISFACTION", 6, 4.86, S}},
       4.86},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto in = a_quarter();
    in.feedback_answered = c.answered;
    in.feedback_on_time_rate = {c.answered_on_time, c.answered};
    in.feedback_answered_ok = c.answered_ok;
    in.feedback_pending_at_end = c.pending;
    in.feedback_overdue_open = c.overdue;
    auto s = score766(in, entered(), c.formula);
    check(s, c.expect);
    EXPECT_NEAR(group(s, "MUC_DO_HAI_LONG").points, c.group_points, 1e-9);
    EXPECT_DOUBLE_EQ(group(s, "MUC_DO_HAI_LONG").max, 18);
  }
}

TEST(Index766, NoDossiersAndMissingManualValues) {
  Indicators nothing;
  auto legal = score766(nothing, {}, Formula::legal);
  check(legal, {{"PROCESSING_ON_TIME", 20, std::nullopt, N},
                {"ONLINE_PAYMENT", 10, std::nullopt, N},
                {"PUBLISH_ON_TIME", 6, std::nullopt, M},
                {"DOSSIER_RECEIVING_SATISFACTION", 18, std::nullopt, N}});
  EXPECT_FALSE(legal.complete);
  EXPECT_DOUBLE_EQ(legal.total, 0);
  // The portal scores dossier satisfaction 0 with no dossiers, and awards
  // the feedback indicators in full.
  auto observed = score766(nothing, {}, Formula::observed);
  check(observed, {{"DOSSIER_RECEIVING_SATISFACTION", 6, 0.0, N}, {"ONLINE_PROCEDURES_OFFERED", 2, std::nullopt, M}});
  EXPECT_DOUBLE_EQ(observed.total, 12);
}

TEST(Index766, FormulaNamesAndJson) {
  EXPECT_EQ(parse_formula("qd766-legal"), Formula::legal);
  EXPECT_EQ(parse_formula("qd766-observed"), Formula::observed);
  EXPECT_THROW(parse_formula("qd766"), Error);
  auto j = to_json(score766(a_quarter(), entered(), Formula::legal));
  EXPECT_EQ(j["formula"], "qd766-legal");
  EXPECT_NEAR(j["total"].get<double>(), 65.6, 1e-9);
  EXPECT_NEAR(j["points_lost"].get<double>(), 34.4, 1e-9);
  const auto& first = j["groups"][0]["indicators"][1];
  EXPECT_EQ(first["code"], "PUBLIC_UPDATE_ON_TIME");
  EXPECT_NEAR(first["points_lost"].get<double>(), 0.4, 1e-9);
  EXPECT_EQ(first["rate"]["numerator"], 9);
  EXPECT_TRUE(j["groups"][5]["indicators"][6]["points"].is_null());
  EXPECT_EQ(j["groups"][5]["indicators"][6]["status"], "no_data");
  EXPECT_TRUE(is_manual_indicator("DOSSIER_SYNC"));
  EXPECT_FALSE(is_manual_indicator("ONLINE_PAYMENT"));
}

}  // namespace
}  // namespace cchc::indicators
