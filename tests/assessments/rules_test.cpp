// The pure rules of assessments, as tables of hand-checked cases: a set's
// shape, what a score may be, tiers, deadlines to the second, totals with
// weighted components, ranks with ties and late units, bands, points at risk.
#include "assessments/rules.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::assessments {
namespace {

using namespace std::chrono;

Criterion leaf(std::string code, std::string parent, double max, double min = 0, Rule rule = Rule::manual) {
  Criterion c;
  c.code = std::move(code);
  c.parent = std::move(parent);
  c.name = "Tiêu chí " + c.code;
  c.max = max;
  c.min = min;
  c.rule = rule;
  return c;
}

Criterion area(std::string code) {
  Criterion c;
  c.code = std::move(code);
  c.name = "Lĩnh vực " + c.code;
  return c;
}

// Area 1 (1.1 manual 0-2 step 0.5; 1.2 yes/no 0-1), area 2 (2.1 tiers on a
// ratio: ≥ 90 → 3, ≥ 70 → 1.5, else 0), area 3 (3.1 penalty 0 to −2).
CriteriaSet sample_set() {
  CriteriaSet s;
  s.code = "CQDT-SO";
  s.name = "Bộ tiêu chí chính quyền điện tử cấp sở";
  s.level = "department";
  auto c11 = leaf("1.1", "1", 2);
  c11.step = 0.5;
  auto c21 = leaf("2.1", "2", 3, 0, Rule::tiers);
  c21.tiers = {{90, 3}, {70, 1.5}};
  s.criteria = {
      area("1"), c11, leaf("1.2", "1", 1, 0, Rule::yes_no), area("2"), c21, area("3"), leaf("3.1", "3", 0, -2)};
  return s;
}

const Criterion& find(const CriteriaSet& s, const std::string& code) {
  for (const auto& c : s.criteria) {
    if (c.code == code) return c;
  }
  throw std::out_of_range(code);
}

TEST(CriteriaSets, ShapeAndMaxima) {
  auto s = sample_set();
  EXPECT_TRUE(check_set(s, {}).empty());
  std::vector<std::string> codes;
  for (const auto* c : leaves(s)) codes.push_back(c->code);
  EXPECT_EQ(codes, (std::vector<std::string>{"1.1", "1.2", "2.1", "3.1"}));
  EXPECT_DOUBLE_EQ(max_total(s), 6);  // 2 + 1 + 3 + 0
  EXPECT_DOUBLE_EQ(node_max(s, "1"), 3);
  EXPECT_DOUBLE_EQ(node_max(s, "2.1"), 3);
  EXPECT_EQ(area_of(s, "1.2"), "1");
  EXPECT_EQ(area_of(s, "3"), "3");
}

TEST(CriteriaSets, Problems) {
  struct Case {
    const char* what;
    std::function<void(CriteriaSet&)> change;
    bool ok;
  } cases[] = {
      {"as given", [](CriteriaSet&) {}, true},
      {"children before parents are fine", [](CriteriaSet& s) { std::swap(s.criteria[0], s.criteria[1]); }, true},
      {"duplicate code", [](CriteriaSet& s) { s.criteria[2].code = "1.1"; }, false},
      {"unknown parent", [](CriteriaSet& s) { s.criteria[1].parent = "9"; }, false},
      {"cycle", [](CriteriaSet& s) { s.criteria[0].parent = "1.1"; }, false},
      {"max below min", [](CriteriaSet& s) { s.criteria[1].min = 3; }, false},
      {"max equal to min", [](CriteriaSet& s) { s.criteria[6].min = 0; }, false},
      {"negative max",
       [](CriteriaSet& s) {
         s.criteria[6].max = -1;
         s.criteria[6].min = -2;
       },
       false},
      {"step not dividing the range", [](CriteriaSet& s) { s.criteria[1].step = 0.75; }, false},
      {"zero step", [](CriteriaSet& s) { s.criteria[1].step = 0; }, false},
      {"tiers not decreasing",
       [](CriteriaSet& s) {
         s.criteria[4].tiers = {{70, 1.5}, {90, 3}};
       },
       false},
      {"tier score above max",
       [](CriteriaSet& s) {
         s.criteria[4].tiers = {{90, 4}};
       },
       false},
      {"tiers rule without tiers", [](CriteriaSet& s) { s.criteria[4].tiers.clear(); }, false},
      {"unknown indicator",
       [](CriteriaSet& s) {
         s.criteria[4].rule = Rule::indicator;
         s.criteria[4].indicator = "x";
       },
       false},
      {"known indicator",
       [](CriteriaSet& s) {
         s.criteria[4].rule = Rule::indicator;
         s.criteria[4].indicator = "online_rate";
       },
       true},
      {"empty name", [](CriteriaSet& s) { s.criteria[2].name = ""; }, false},
      {"bad code", [](CriteriaSet& s) { s.criteria[2].code = "1 2"; }, false},
      {"bad set code", [](CriteriaSet& s) { s.code = "bộ 1"; }, false},
      {"no criteria", [](CriteriaSet& s) { s.criteria.clear(); }, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto s = sample_set();
    c.change(s);
    EXPECT_EQ(check_set(s, {"online_rate"}).empty(), c.ok);
  }
}

TEST(Scores, WhatEachRuleAllows) {
  auto s = sample_set();
  struct Case {
    const char* code;
    double score;
    bool ok;
  } cases[] = {
      {"1.1", 0, true},     {"1.1", 2, true},     {"1.1", 1.5, true},  {"1.1", 1.25, false},  // off the 0.5 step
      {"1.1", 2.5, false},  {"1.1", -0.5, false},                                             // out of range
      {"1.2", 1, true},     {"1.2", 0, true},     {"1.2", 0.5, false},                        // yes/no only
      {"2.1", 3, true},     {"2.1", 1.5, true},   {"2.1", 0, true},    {"2.1", 2, false},     // tier scores only
      {"3.1", -2, true},    {"3.1", -0.5, true},  {"3.1", 0, true},    {"3.1", 0.5, false},   // penalty
      {"3.1", -2.5, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.code) + " = " + std::to_string(c.score));
    auto problem = check_score(find(s, c.code), c.score);
    EXPECT_EQ(!problem, c.ok) << (problem ? problem->message : "");
    if (problem) {
      EXPECT_FALSE(problem->message_vi.empty());
    }
  }
}

TEST(Scores, Tiers) {
  auto s = sample_set();
  const auto& c = find(s, "2.1");
  struct Case {
    double value, score;
  } cases[] = {{100, 3}, {90, 3}, {89.99, 1.5}, {70, 1.5}, {69.9, 0}, {0, 0}};
  for (const auto& x : cases) {
    SCOPED_TRACE(x.value);
    EXPECT_DOUBLE_EQ(tier_score(c, x.value), x.score);
  }
}

TEST(Submissions, CompleteAndExplained) {
  auto s = sample_set();
  using Scores = std::map<std::string, double>;
  using Texts = std::map<std::string, std::string>;
  struct Case {
    const char* what;
    Scores scores;
    Texts explanations;
    std::size_t problems;
  } cases[] = {
      {"all at max", {{"1.1", 2}, {"1.2", 1}, {"2.1", 3}, {"3.1", 0}}, {}, 0},
      {"below max, explained",
       {{"1.1", 1}, {"1.2", 1}, {"2.1", 3}, {"3.1", -1}},
       {{"1.1", "Thiếu"}, {"3.1", "Vi phạm"}},
       0},
      {"below max, one unexplained", {{"1.1", 1}, {"1.2", 1}, {"2.1", 3}, {"3.1", -1}}, {{"1.1", "Thiếu"}}, 1},
      {"blank explanation counts as none", {{"1.1", 1}, {"1.2", 1}, {"2.1", 3}, {"3.1", 0}}, {{"1.1", "   "}}, 1},
      {"a leaf missing", {{"1.1", 2}, {"1.2", 1}, {"2.1", 3}}, {}, 1},
      {"an area scored", {{"1", 3}, {"1.1", 2}, {"1.2", 1}, {"2.1", 3}, {"3.1", 0}}, {}, 1},
      {"unknown code", {{"1.1", 2}, {"1.2", 1}, {"2.1", 3}, {"3.1", 0}, {"9.9", 1}}, {}, 1},
      {"out of range and unexplained", {{"1.1", 5}, {"1.2", 0}, {"2.1", 3}, {"3.1", 0}}, {}, 2},
      {"explanation on a non-leaf", {{"1.1", 2}, {"1.2", 1}, {"2.1", 3}, {"3.1", 0}}, {{"2", "x"}}, 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(check_submission(s, c.scores, c.explanations).size(), c.problems);
  }
  EXPECT_TRUE(check_draft(s, {{"1.1", 1}}).empty());  // drafts may be partial and unexplained
  EXPECT_EQ(check_appraisal(s, {{"1.1", 0.5}}, {{"1.1", "Chưa đủ minh chứng"}}).size(), 0u);
  EXPECT_EQ(check_appraisal(s, {{"1.2", 0.5}}, {{"1", "x"}}).size(), 2u);
}

TEST(Deadlines, ToTheSecondAndExtensions) {
  Instant deadline = parse_rfc3339("2019-10-18T23:59:59+07:00");
  Instant extension = parse_rfc3339("2019-10-22T17:00:00+07:00");
  struct Case {
    const char* at;
    std::optional<Instant> ext;
    bool on_time;
  } cases[] = {
      {"2019-10-18T23:59:59+07:00", std::nullopt, true},   // the deadline's own second
      {"2019-10-19T00:00:00+07:00", std::nullopt, false},  // one second after
      {"2019-10-18T16:59:59Z", std::nullopt, true},        // the same second in UTC
      {"2019-10-18T17:00:00Z", std::nullopt, false},
      {"2019-10-01T08:00:00+07:00", std::nullopt, true},
      {"2019-10-22T17:00:00+07:00", extension, true},
      {"2019-10-22T17:00:01+07:00", extension, false},
      {"2019-10-18T12:00:00+07:00", parse_rfc3339("2019-10-10T00:00:00+07:00"),
       true},  // an earlier "extension" never shortens
      {"2019-10-19T00:00:00+07:00", parse_rfc3339("2019-10-10T00:00:00+07:00"), false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.at);
    EXPECT_EQ(on_time(parse_rfc3339(c.at), deadline, c.ext), c.on_time);
  }
}

TEST(Deadlines, TheLastSecondOfATypedDay) {
  struct Case {
    const char* day;
    const char* last;
  } cases[] = {
      {"2025-10-31", "2025-10-31T23:59:59+07:00"},
      {"2024-02-29", "2024-02-29T23:59:59+07:00"},  // a leap day
      {"2024-12-31", "2024-12-31T16:59:59Z"},       // the same second in UTC
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.day);
    EXPECT_EQ(last_second_of(parse_iso_date(c.day)), parse_rfc3339(c.last));
  }
}

directory::Unit unit_of(std::string code, std::string level, const char* from, std::optional<const char*> to = {}) {
  directory::Unit u;
  u.code = std::move(code);
  u.name = u.code;
  u.level = std::move(level);
  u.valid_from = parse_iso_date(from);
  if (to) u.valid_to = parse_iso_date(*to);
  return u;
}

TEST(RoundParticipants, TheLevelsUnitsValidOnTheWindowsLastDay) {
  std::vector<directory::Unit> units = {
      unit_of("SNV", "department", "2020-01-01"),
      unit_of("P-CU", "commune", "2020-01-01", "2025-06-30"),  // merged away before the day
      unit_of("P-MOI", "commune", "2025-07-01"),               // made by the merger
      unit_of("DNI", "province", "2020-01-01"),
      unit_of("SYT", "department", "2025-11-01"),  // made after the day
  };
  struct Case {
    const char* name;
    std::vector<std::string> levels;
    const char* as_of;
    std::vector<std::string> participants;
  } cases[] = {
      {"departments", {"department"}, "2025-10-31", {"SNV"}},
      {"both levels, in the units' order", {"commune", "department"}, "2025-10-31", {"SNV", "P-MOI"}},
      {"before the merger", {"commune"}, "2025-06-30", {"P-CU"}},
      {"no level", {}, "2025-10-31", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<RoundLevel> levels;
    for (const auto& l : c.levels) levels.push_back({l, 1, {}});
    EXPECT_EQ(round_participants(units, levels, parse_iso_date(c.as_of)), c.participants);
  }
}

TEST(SelfForm, WhatEachRuleReadsOfTheForm) {
  auto s = sample_set();
  auto indicator = leaf("2.2", "2", 3, 0, Rule::indicator);
  indicator.tiers = {{90, 3}};
  struct Case {
    const char* name;
    Criterion c;
    bool computed;
    const char* score;
    const char* value;
    std::optional<double> want_score, want_value;
    const char* problem;  // its Vietnamese text, "" for none
  } cases[] = {
      {"manual score", find(s, "1.1"), false, "1,5", "", 1.5, {}, ""},
      {"manual blank", find(s, "1.1"), false, "", "7", {}, {}, ""},
      {"manual not a number",
       find(s, "1.1"),
       false,
       "hai",
       "",
       {},
       {},
       "Tiêu chí 1.1: cần nhập một số (ví dụ 2 hoặc 1,5)."},
      {"yes", find(s, "1.2"), false, "co", "", 1, {}, ""},
      {"no", find(s, "1.2"), false, "khong", "", 0, {}, ""},
      {"yes/no anything else", find(s, "1.2"), false, "1", "", {}, {}, ""},
      {"tiers value", find(s, "2.1"), false, "3", "75,5", {}, 75.5, ""},
      {"tiers value not a number",
       find(s, "2.1"),
       false,
       "",
       "75%",
       {},
       {},
       "Tiêu chí 2.1: cần nhập một số (ví dụ 2 hoặc 1,5)."},
      {"indicator without data: typed", indicator, false, "", "88", {}, 88, ""},
      {"indicator with data: the form is ignored", indicator, true, "3", "88", {}, {}, ""},
      {"penalty", find(s, "3.1"), false, "-0,5", "", -0.5, {}, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = claim_of(c.c, c.computed, c.score, c.value);
    EXPECT_EQ(got.score, c.want_score);
    EXPECT_EQ(got.value, c.want_value);
    EXPECT_EQ(got.problem ? got.problem->message_vi : "", c.problem);
  }
}

TEST(SelfForm, AppraisedScoresAsTyped) {
  auto c = find(sample_set(), "1.1");
  struct Case {
    const char* typed;
    std::optional<double> score;
    bool problem;
  } cases[] = {{"1", 1, false}, {" 0,5 ", 0.5, false}, {"", {}, false}, {"x", {}, true}};
  for (const auto& k : cases) {
    SCOPED_TRACE(k.typed);
    auto got = appraised_of(c, k.typed);
    EXPECT_EQ(got.score, k.score);
    EXPECT_FALSE(got.value);
    ASSERT_EQ(got.problem.has_value(), k.problem);
    if (k.problem) {
      EXPECT_EQ(got.problem->message_vi, "Tiêu chí 1.1: điểm thẩm định phải là một số.");
    }
  }
}

TEST(UnitRights, WhoMayDoWhatOnAUnitsPage) {
  Instant deadline = parse_rfc3339("2025-10-31T23:59:59+07:00");
  Instant before = parse_rfc3339("2025-10-20T09:00:00+07:00");
  Instant after = parse_rfc3339("2025-11-05T09:00:00+07:00");
  Instant due = parse_rfc3339("2025-11-10T23:59:59+07:00");
  auto participant = [&](const char* state, const char* appraisal, bool answer_due) {
    Participant p;
    p.unit = "SNV";
    p.state = state;
    p.appraisal = appraisal;
    if (answer_due) p.answer_due = due;
    return p;
  };
  const UnitViewer officer{true, false, false, false}, leader{true, true, false, false},
      appraiser{false, false, true, false}, coordinator{false, false, false, true}, stranger{};
  // The flags in UnitRights' order: edit, submit, appraise, answer,
  // show_appraisal, send, finalise, late_closed.
  struct Case {
    const char* name;
    Participant p;
    bool open;
    UnitViewer who;
    Instant now;
    const char* flags;
  } cases[] = {
      {"officer edits the draft", participant("draft", "none", false), true, officer, before, "10000000"},
      {"leader edits and submits", participant("draft", "none", false), true, leader, before, "11000000"},
      {"past the deadline: closed", participant("draft", "none", false), true, leader, after, "00000001"},
      {"on the deadline's second", participant("draft", "none", false), true, officer, deadline, "10000000"},
      {"round closed: nothing, appraisal shown", participant("draft", "none", false), false, leader, before,
       "00001000"},
      {"submitted: locked", participant("submitted", "none", false), true, leader, before, "00000000"},
      {"appraiser appraises and may finalise", participant("submitted", "none", false), true, appraiser, after,
       "00101010"},
      {"appraiser sends while appraising", participant("submitted", "appraising", false), true, appraiser, after,
       "00101110"},
      {"answer due: the unit answers", participant("submitted", "awaiting_answer", true), true, officer, after,
       "00011000"},
      {"answer due: the appraiser waits", participant("submitted", "awaiting_answer", true), true, appraiser, after,
       "00001000"},
      {"answer over: the appraiser finalises", participant("submitted", "awaiting_answer", true), true, appraiser,
       due + std::chrono::seconds{1}, "00001010"},
      {"answer over: the unit no longer answers", participant("submitted", "awaiting_answer", true), true, officer,
       due + std::chrono::seconds{1}, "00001000"},
      {"answered: the appraiser again", participant("submitted", "answered", false), true, appraiser, after,
       "00101010"},
      {"final: shown, nothing to do", participant("submitted", "final", false), true, appraiser, after, "00001000"},
      {"the province sees the appraisal", participant("submitted", "appraising", false), true, coordinator, after,
       "00001000"},
      {"a stranger: nothing", participant("submitted", "appraising", false), true, stranger, after, "00000000"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = unit_rights(c.p, c.open, deadline, c.who, c.now);
    std::string got;
    for (bool f : {r.edit, r.submit, r.appraise, r.answer, r.show_appraisal, r.send, r.finalise, r.late_closed})
      got += f ? '1' : '0';
    EXPECT_EQ(got, c.flags);
  }
}

Standing ranked(std::string unit, std::optional<double> total) {
  Standing s;
  s.unit = std::move(unit);
  s.total = total;
  s.late = !total;
  return s;
}

TEST(Ranking, TiesShareARankLateUnitsLast) {
  struct Case {
    const char* what;
    std::vector<Standing> in;
    std::vector<std::pair<std::string, int>> out;  // unit, rank in order
  } cases[] = {
      {"ties 1, 2, 2, 4",
       {ranked("D", 70), ranked("B", 80), ranked("A", 90), ranked("C", 80)},
       {{"A", 1}, {"B", 2}, {"C", 2}, {"D", 4}}},
      {"late after all ranked, by code, at ranked + 1",
       {ranked("Z", std::nullopt), ranked("B", 50), ranked("A", std::nullopt), ranked("C", 60)},
       {{"C", 1}, {"B", 2}, {"A", 3}, {"Z", 3}}},
      {"all tied", {ranked("B", 5), ranked("A", 5), ranked("C", 5)}, {{"A", 1}, {"B", 1}, {"C", 1}}},
      {"all late", {ranked("B", std::nullopt), ranked("A", std::nullopt)}, {{"A", 1}, {"B", 1}}},
      {"negative totals rank too", {ranked("A", -1), ranked("B", 0)}, {{"B", 1}, {"A", 2}}},
      {"nobody", {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto out = rank_level(c.in);
    std::vector<std::pair<std::string, int>> got;
    for (const auto& s : out) got.emplace_back(s.unit, s.rank);
    EXPECT_EQ(got, c.out);
  }
}

TEST(Ranking, TotalsWithAppraisalsComponentsAndBands) {
  auto s = sample_set();
  std::vector<Component> components = {{"survey", "Khảo sát hài lòng", 0.04, 100}};  // up to 4 points
  auto bands = default_bands();
  std::vector<Score> scores = {
      {"1.1", 2, {}, "", 1.5, "", ""},  // appraised lower: 1.5 counts
      {"1.2", 1, {}, "", {}, "", ""},
      {"2.1", 1.5, 80, "", {}, "", ""},
      {"3.1", -0.5, {}, "", {}, "", ""},
  };
  auto st = standing(s, "SNV", false, scores, components, {{"survey", 87.5}}, bands);
  ASSERT_TRUE(st.total);
  EXPECT_DOUBLE_EQ(*st.criteria_total, 3.5);  // 1.5 + 1 + 1.5 − 0.5
  EXPECT_DOUBLE_EQ(*st.total, 7);             // + 0.04 × 87.5 = 3.5
  EXPECT_DOUBLE_EQ(st.max_total, 10);         // 6 + 4
  EXPECT_DOUBLE_EQ(*st.percent, 70);
  EXPECT_EQ(st.band, "Trung bình");
  EXPECT_DOUBLE_EQ(st.areas.at("1"), 2.5);
  EXPECT_DOUBLE_EQ(st.areas.at("3"), -0.5);
  // A late unit gets no total, whatever it claimed.
  auto late = standing(s, "STP", true, scores, components, {{"survey", 100}}, bands);
  EXPECT_FALSE(late.total);
  // An unscored leaf counts nothing; float sums compare equal in ties.
  auto a = standing(s, "A", false, {{"1.1", 0.5, {}, "", {}, "", ""}, {"1.2", 1, {}, "", {}, "", ""}}, {}, {}, bands);
  EXPECT_DOUBLE_EQ(*a.total, 1.5);
  EXPECT_EQ(round_total(0.1 + 0.2), round_total(0.3));
}

TEST(Ranking, Bands) {
  auto bands = default_bands();
  struct Case {
    std::optional<double> percent;
    const char* band;
  } cases[] = {{100, "Tốt"},       {90, "Tốt"},   {89.99, "Khá"}, {80, "Khá"},
               {65, "Trung bình"}, {64.9, "Yếu"}, {0, "Yếu"},     {std::nullopt, ""}};
  for (const auto& c : cases) {
    EXPECT_EQ(band_of(bands, c.percent), c.band);
  }
  EXPECT_EQ(band_of({{"Đạt", 50}}, 40), "");  // below every band
}

TEST(Ranking, BandsAsTheFormWritesThem) {
  struct Case {
    const char* text;
    std::vector<Band> bands;
  } cases[] = {
      {"Tốt: 90; Khá: 80; Trung bình: 65; Yếu: 0", default_bands()},
      {"  Xuất sắc : 95,5 ;Đạt:50;", {{"Xuất sắc", 95.5}, {"Đạt", 50}}},
      {"Đạt: 50.25", {{"Đạt", 50.25}}},
      {"", {}},
      {" ; ", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(parse_bands(c.text), c.bands) << c.text;
  }
  for (const char* bad : {"Tốt", "Tốt: chín mươi", "Tốt: 90; Khá"}) {
    EXPECT_THROW(parse_bands(bad), Error) << bad;
  }
  // What the form shows reads back as the same bands.
  EXPECT_EQ(bands_text(default_bands()), "Tốt: 90; Khá: 80; Trung bình: 65; Yếu: 0");
  std::vector<Band> odd = {{"A", 92.5}, {"B", 0}};
  EXPECT_EQ(parse_bands(bands_text(odd)), odd);
}

TEST(PointsAtRisk, LostOverClaimedAndWhatWinsThemBack) {
  auto s = sample_set();
  std::vector<Score> scores = {
      {"1.1", 2, {}, "", 1, "", ""},     // over-claimed by 1, lost 1
      {"1.2", 1, {}, "", {}, "", ""},    // nothing lost
      {"2.1", 1.5, 75, "", {}, "", ""},  // 75 %: 90 wins the points back
      {"3.1", -1, {}, "", {}, "", ""},   // penalty: 1 lost
  };
  auto risk = points_at_risk(s, scores);
  ASSERT_EQ(risk.size(), 3u);
  EXPECT_EQ(risk[0].criterion, "1.1");
  EXPECT_DOUBLE_EQ(risk[0].lost, 1);
  EXPECT_DOUBLE_EQ(*risk[0].over_claim, 1);
  EXPECT_EQ(risk[1].criterion, "2.1");
  EXPECT_DOUBLE_EQ(risk[1].lost, 1.5);
  EXPECT_DOUBLE_EQ(*risk[1].next_from, 90);
  EXPECT_DOUBLE_EQ(*risk[1].full_from, 90);
  EXPECT_EQ(risk[2].area, "3");
  EXPECT_DOUBLE_EQ(risk[2].lost, 1);
  // Below every tier, the next tier is the lowest one.
  auto low = points_at_risk(s, {{"2.1", 0, 50, "", {}, "", ""}});
  for (const auto& r : low) {
    if (r.criterion == "2.1") {
      EXPECT_DOUBLE_EQ(*r.next_from, 70);
      EXPECT_DOUBLE_EQ(*r.full_from, 90);
    }
  }
}

TEST(PointsAtRisk, WhatWinsThemBackAsThePageSaysIt) {
  struct Case {
    const char* name;
    std::optional<double> next, full;
    const char* text;
  } cases[] = {
      {"one tier to go", 90, 90, "Đạt 90,00 để được thêm điểm"},
      {"two tiers to go", 70, 90, "Đạt 70,00 để được thêm điểm; đạt 90,00 để được điểm tối đa"},
      {"only the full", {}, 95.5, "đạt 95,50 để được điểm tối đa"},
      {"nothing to win back", {}, {}, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    AtRisk r;
    r.next_from = c.next;
    r.full_from = c.full;
    EXPECT_EQ(win_back_vi(r), c.text);
  }
}

}  // namespace
}  // namespace cchc::assessments
