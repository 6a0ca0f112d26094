// Indicator-fed criteria over the evidence window, on real stored dossiers
// (both backends): only records received inside the window count, the
// value is the rate in percent, the criterion's tiers turn it into points,
// and a window that is not whole months gives no value (never a guess).
#include <gtest/gtest.h>

#include "app/sources.h"
#include "assessments/rules.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "support/test_db.h"

namespace cchc::assessments {
namespace {

using namespace std::chrono;

class IndicatorFed : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, IndicatorFed, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

indicators::Dossier dossier(std::string id, const char* received, bool online) {
  indicators::Dossier d;
  d.id = std::move(id);
  d.unit_code = "X1";
  d.procedure_code = "1.001";
  d.channel = online ? indicators::Channel::online : indicators::Channel::direct;
  d.online_service = online ? indicators::OnlineService::full : indicators::OnlineService::none;
  d.received_at = parse_rfc3339(received);
  d.due_at = d.received_at + days{10};
  d.finished_at = d.received_at + days{2};
  d.status = indicators::DossierStatus::finished;
  return d;
}

TEST_P(IndicatorFed, RateOverTheEvidenceWindowThroughTiers) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  ASSERT_TRUE(directory::import_units(db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh,province,,2004-01-01,,\nX1,Xã Một,commune,P,2004-01-01,,\n",
                                      kWho, Instant{})
                  .ok());
  // Inside the window 01/11/2025-31/10/2026: 3 of 4 online (75 %); the
  // days around it: 3 more, none online, which must not count.
  std::vector<indicators::Dossier> records = {
      dossier("a", "2025-11-01T00:00:00+07:00", true),  // the window's first second
      dossier("b", "2026-03-10T09:00:00+07:00", true),
      dossier("c", "2026-10-31T23:59:59+07:00", true),  // its last second
      dossier("d", "2026-06-01T09:00:00+07:00", false),
      dossier("e", "2025-10-31T23:59:59+07:00", false),  // the second before
      dossier("f", "2026-11-01T00:00:00+07:00", false),  // the second after
      dossier("g", "2025-05-01T09:00:00+07:00", false),
  };
  auto csv = indicators::to_csv(records);
  auto outcome = indicators::import_batch(
      db,
      indicators::ImportRequest{indicators::Kind::dossiers, csv, indicators::Format::csv, std::nullopt, false, 0, {}},
      kWho, parse_rfc3339("2026-11-20T00:00:00+07:00"));
  ASSERT_TRUE(outcome.ok());

  auto sources = app::assessment_sources(db);
  auto from = parse_iso_date("2025-11-01"), to = parse_iso_date("2026-10-31");
  auto value = sources.indicator_value("X1", "online_rate", from, to);
  ASSERT_TRUE(value);
  EXPECT_DOUBLE_EQ(*value, 75.0);
  // A window of part months has no value; nor has a unit without records.
  EXPECT_FALSE(sources.indicator_value("X1", "online_rate", parse_iso_date("2025-11-15"), to));
  EXPECT_FALSE(
      sources.indicator_value("P", "on_time_rate", parse_iso_date("2020-01-01"), parse_iso_date("2020-12-31")));

  // Through a set: 75 % reaches the 70 % tier (2 points), not the 90 % one.
  CriteriaSet set;
  set.code = "S";
  set.name = "S";
  set.level = "commune";
  Criterion c;
  c.code = "1";
  c.name = "Tỷ lệ hồ sơ trực tuyến";
  c.max = 3;
  c.rule = Rule::indicator;
  c.indicator = "online_rate";
  c.tiers = {{90, 3}, {70, 2}, {50, 1}};
  set.criteria = {c};
  ASSERT_TRUE(check_set(set, sources.indicator_codes()).empty());
  Round round;
  round.evidence_from = from;
  round.evidence_to = to;
  auto computed = computed_values(sources, set, round, "X1");
  ASSERT_EQ(computed.size(), 1u);
  EXPECT_DOUBLE_EQ(computed.at("1"), 75.0);
  EXPECT_DOUBLE_EQ(tier_score(set.criteria[0], computed.at("1")), 2);
  auto risk = points_at_risk(set, {{"1", 2, 75, "", {}, "", ""}});
  ASSERT_EQ(risk.size(), 1u);
  EXPECT_DOUBLE_EQ(*risk[0].next_from, 90);  // 90 % wins the last point back
}

}  // namespace
}  // namespace cchc::assessments
