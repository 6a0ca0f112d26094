#include "indicators/synthetic.h"

#include <gtest/gtest.h>

#include "indicators/formulas.h"
#include "indicators/rules.h"

namespace cchc::indicators {
namespace {

std::vector<SyntheticUnit> units() {
  using namespace std::chrono;
  return {{"SO", "department", Date{2020y, January, 1d}, std::nullopt},
          {"HUYEN", "district", Date{2020y, January, 1d}, Date{2025y, June, 30d}},
          {"XA", "commune", Date{2025y, July, 1d}, std::nullopt}};
}

SyntheticOptions options() {
  using namespace std::chrono;
  SyntheticOptions o;
  o.first_month = Date{2025y, January, 1d};
  o.months = 12;
  o.horizon = start_of_day(Date{2025y, December, 15d});
  return o;
}

TEST(Synthetic, SameOptionsSameRecords) {
  std::vector<Dossier> a, b;
  generate_dossiers(units(), options(), [&](const Dossier& d) { a.push_back(d); });
  generate_dossiers(units(), options(), [&](const Dossier& d) { b.push_back(d); });
  ASSERT_GT(a.size(), 500u);
  EXPECT_EQ(a, b);
  auto other = options();
  other.seed = 1;
  std::vector<Dossier> c;
  generate_dossiers(units(), other, [&](const Dossier& d) { c.push_back(d); });
  EXPECT_NE(a, c);
}

TEST(Synthetic, RecordsPassTheImportRulesAndRespectUnitLifetimes) {
  std::vector<Dossier> ds;
  std::vector<Feedback> fs;
  auto o = options();
  generate_dossiers(units(), o, [&](const Dossier& d) { ds.push_back(d); });
  generate_feedback(units(), o, [&](const Feedback& f) { fs.push_back(f); });
  std::set<std::string> codes = {"SO", "HUYEN", "XA"};
  auto parsed = parse_dossiers_csv(to_csv(ds), codes);
  EXPECT_TRUE(parsed.ok()) << (parsed.errors.empty() ? "" : parsed.errors[0].message);
  EXPECT_EQ(parsed.records, ds);
  auto parsed_fb = parse_feedback_csv(to_csv(fs), codes);
  EXPECT_TRUE(parsed_fb.ok()) << (parsed_fb.errors.empty() ? "" : parsed_fb.errors[0].message);
  for (const auto& d : ds) {
    EXPECT_LE(d.received_at, o.horizon);
    if (d.finished_at) {
      EXPECT_LE(*d.finished_at, o.horizon);
    }
    Date day = local_date(d.received_at);
    if (d.unit_code == "HUYEN") {
      EXPECT_LE(day, (Date{std::chrono::year{2025}, std::chrono::June, std::chrono::day{30}}));
    }
    if (d.unit_code == "XA") {
      EXPECT_GE(day, (Date{std::chrono::year{2025}, std::chrono::July, std::chrono::day{1}}));
    }
  }
  // Plausible figures: some late, most on time; departments more online than communes.
  auto year = compute(ds, fs, Period::of_year(2025));
  ASSERT_TRUE(year.on_time_rate.value());
  EXPECT_GT(*year.on_time_rate.value(), 0.8);
  EXPECT_LT(*year.on_time_rate.value(), 1.0);
  std::vector<Dossier> so, xa;
  for (const auto& d : ds) {
    if (d.unit_code == "SO") so.push_back(d);
    if (d.unit_code == "XA") xa.push_back(d);
  }
  EXPECT_GT(*compute(so, {}, Period::of_year(2025)).online_rate.value(),
            *compute(xa, {}, Period::of_year(2025)).online_rate.value());
}

}  // namespace
}  // namespace cchc::indicators
