// Targets, manual 766 values, rankings and API tokens on both backends.
#include "indicators/dashboard.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "directory/tokens.h"
#include "support/test_db.h"

namespace cchc::indicators {
namespace {

class Dashboard : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, Dashboard, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};
const Instant kNow{std::chrono::seconds{1'780'000'000}};  // late May 2026

// Communes X1..X4 under province P; commune A merged into X3 on 01/07/2025.
const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh,province,,2004-01-01,,\n"
    "S,Sở,department,P,2004-01-01,,\n"
    "X1,Xã Một,commune,P,2004-01-01,,\n"
    "X2,Xã Hai,commune,P,2004-01-01,,\n"
    "X3,Xã Ba,commune,P,2025-07-01,,\n"
    "X4,Xã Bốn,commune,P,2004-01-01,,\n"
    "A,Xã A,commune,P,2004-01-01,2025-06-30,X3\n";

void setup(db::Database& db) {
  db::migrate(db);
  auto r = directory::import_units(db, kUnits, kWho, kNow);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
}

Instant at(int y, unsigned m, unsigned d, int hour = 8) {
  return start_of_day(Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}) +
         std::chrono::hours(hour);
}

// `n` dossiers of `unit` received and finished in `month` of 2025, `late`
// of them after due_at.
std::vector<Dossier> finished(const std::string& unit, unsigned month, int n, int late) {
  std::vector<Dossier> out;
  for (int i = 0; i < n; ++i) {
    Dossier d{unit + "-" + std::to_string(month) + "-" + std::to_string(i),
              unit,
              "1.0001",
              Channel::direct,
              OnlineService::none,
              at(2025, month, 2),
              at(2025, month, 10),
              at(2025, month, i < late ? 12 : 9),
              std::nullopt,
              DossierStatus::finished};
    out.push_back(d);
  }
  return out;
}

void import(db::Database& db, const std::vector<Dossier>& ds) {
  ImportRequest req;
  req.kind = Kind::dossiers;
  auto text = to_csv(ds);
  req.text = text;
  auto out = import_batch(db, req, kWho, kNow);
  ASSERT_TRUE(out.ok()) << out.errors[0].message;
}

std::string show(const std::vector<RankingRow>& rows) {
  std::string out;
  for (const auto& r : rows) {
    out += (out.empty() ? "" : " ") + r.unit.code + ":" + (r.ranked.rank ? std::to_string(*r.ranked.rank) : "-");
  }
  return out;
}

TEST_P(Dashboard, RankingsTieSkipAndSetSmallSamplesApartThroughMergers) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  std::vector<Dossier> all;
  for (auto part : {finished("X1", 9, 40, 4),     // 36/40 = 0.9
                    finished("X2", 10, 40, 4),    // 36/40 = 0.9: ties X1
                    finished("A", 3, 30, 10),     // merged into X3: counts in its subtree
                    finished("X3", 11, 20, 0),    // X3: (20 + 20) / 50 = 0.8
                    finished("X4", 8, 10, 0)}) {  // 10/10 = 1.0 but only 10 dossiers
    all.insert(all.end(), part.begin(), part.end());
  }
  import(*t->db, all);
  RankingRequest req{"commune", Period::of_year(2025), "on_time_rate", Formula::legal, Scope::subtree, 30};
  auto rows = t->db->read([&](db::Connection& c) { return ranking(c, req); });
  // A ended before the period's last day: represented by X3, not listed.
  EXPECT_EQ(show(rows), "X1:1 X2:1 X3:3 X4:-");
  EXPECT_DOUBLE_EQ(*rows[2].ranked.value, 0.8);
  EXPECT_EQ(rows[2].ranked.sample, 50);
  auto j = to_json(req, rows);
  EXPECT_EQ(j["ranked"].size(), 3u);
  EXPECT_EQ(j["not_enough_data"][0]["unit"], "X4");
  EXPECT_EQ(j["ranked"][1]["rank"], 1);

  // Scope unit: X3 alone has 20 dossiers, below the minimum.
  req.scope = Scope::unit;
  EXPECT_EQ(show(t->db->read([&](db::Connection& c) { return ranking(c, req); })), "X1:1 X2:1 X3:- X4:-");
  // A minimum of 0 ranks X4 first.
  req.scope = Scope::subtree;
  req.minimum = 0;
  EXPECT_EQ(show(t->db->read([&](db::Connection& c) { return ranking(c, req); })), "X4:1 X1:2 X2:2 X3:4");
  // By the 766 total: every unit scored, the same order here.
  req.indicator = "index766";
  req.minimum = 30;
  auto by766 = t->db->read([&](db::Connection& c) { return ranking(c, req); });
  EXPECT_EQ(show(by766), "X1:1 X2:1 X3:3 X4:-");
  req.indicator = "received";
  EXPECT_THROW(t->db->read([&](db::Connection& c) { return ranking(c, req); }), Error);
}

TEST_P(Dashboard, TargetsAreWrittenAllOrNone) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  set_targets(*t->db, {{"online_rate", "commune", 2023, 0.2}, {"on_time_rate", "commune", 2023, 0.96}}, kWho, kNow);
  struct Case {
    const char* what;
    Target bad;
  } cases[] = {
      {"unknown indicator", {"received", "commune", 2023, 0.5}},
      {"unknown level", {"online_rate", "hamlet", 2023, 0.5}},
      {"above 100 %", {"online_rate", "commune", 2023, 1.5}},
      {"negative", {"online_rate", "commune", 2023, -0.1}},
      {"year", {"online_rate", "commune", 1999, 0.5}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    // A good target first, then the bad one: neither is written.
    EXPECT_THROW(set_targets(*t->db, {{"online_rate", "commune", 2023, 0.3}, c.bad}, kWho, kNow), Error);
  }
  auto ts = t->db->read([](db::Connection& c) { return targets(c, 2023); });
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(target_for(ts, "online_rate", "commune", 2023), 0.2);
  EXPECT_EQ(target_for(ts, "online_rate", "department", 2023), std::nullopt);
  set_targets(*t->db, {{"online_rate", "commune", 2023, 0.3}}, kWho, kNow);
  ts = t->db->read([](db::Connection& c) { return targets(c, 2023); });
  EXPECT_EQ(target_for(ts, "online_rate", "commune", 2023), 0.3);
}

TEST_P(Dashboard, ManualValuesAreKeptPerPeriodAndScored) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  import(*t->db, finished("S", 2, 10, 1));
  auto q1 = Period::of_quarter(2025, 1);
  auto set = [&](const std::string& unit, const ManualValues& values) {
    t->db->write([&](db::Connection& c) { set_manual_values(c, unit, q1, values, kWho, kNow); });
  };
  set("S", {{"PUBLISH_ON_TIME", {9, 10}}, {"DOSSIER_SYNC", {0, 0}}});
  EXPECT_THROW(set("S", {{"PUBLISH_ON_TIME", {11, 10}}}), Error);
  EXPECT_THROW(set("S", {{"ONLINE_PAYMENT", {1, 10}}}), Error);
  EXPECT_THROW(set("NOPE", {{"PUBLISH_ON_TIME", {1, 10}}}), Error);
  auto s = t->db->read([&](db::Connection& c) { return manual_values(c, "S", q1); });
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(s["PUBLISH_ON_TIME"], (ManualValue{9, 10}));
  EXPECT_TRUE(
      t->db->read([&](db::Connection& c) { return manual_values(c, "S", Period::of_quarter(2025, 2)); }).empty());

  auto score = t->db->read([&](db::Connection& c) { return index766(c, "S", q1, Scope::unit, Formula::legal); });
  auto expect =
      t->db->read([&](db::Connection& c) { return score766(query(c, "S", q1, Scope::unit), s, Formula::legal); });
  EXPECT_DOUBLE_EQ(score.total, expect.total);
  // 5.4 for publication, 20 × 9/10 for progress, no data for DOSSIER_SYNC (0/0).
  EXPECT_NEAR(score.groups[0].points, 5.4, 1e-9);
  EXPECT_NEAR(score.groups[1].points, 18.0, 1e-9);
}

TEST_P(Dashboard, MonthlyFiguresEqualEachMonthsQueryUpToNow) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  import(*t->db, finished("S", 2, 5, 1));
  auto months =
      t->db->read([&](db::Connection& c) { return monthly(c, "S", Period::of_year(2025), Scope::unit, kNow); });
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months[1].month, "2025-02");
  EXPECT_EQ(months[1].values.finished, 5);
  EXPECT_EQ(months[1].values.finished_on_time, 4);
  EXPECT_EQ(months[0].values.received, 0);
  // In 2026 only the months that have begun by late May.
  auto now = t->db->read([&](db::Connection& c) { return monthly(c, "S", Period::of_year(2026), Scope::unit, kNow); });
  EXPECT_EQ(now.size(), 5u);
}

TEST_P(Dashboard, BreakdownByChannelAndProcedure) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  auto ds = finished("S", 3, 4, 1);  // direct, procedure 1.0001, one late
  Dossier online = ds[1];            // ds[0] is the late one
  online.id = "ON-1";
  online.channel = Channel::online;
  online.procedure_code = "2.0002";
  Dossier open = online;
  open.id = "ON-2";
  open.status = DossierStatus::processing;
  open.finished_at.reset();
  ds.push_back(online);
  ds.push_back(open);
  import(*t->db, ds);
  auto q1 = Period::of_quarter(2025, 1);
  auto show_rows = [](const std::vector<BreakdownRow>& rows) {
    std::string out;
    for (const auto& r : rows) {
      out += (out.empty() ? "" : " ") + r.key + ":" + std::to_string(r.received) + "/" + std::to_string(r.finished) +
             "/" + std::to_string(r.finished_on_time);
    }
    return out;
  };
  auto by_channel = t->db->read([&](db::Connection& c) { return breakdown(c, "S", q1, Scope::unit, By::channel); });
  EXPECT_EQ(show_rows(by_channel), "direct:4/4/3 online:2/1/1");
  auto by_procedure =
      t->db->read([&](db::Connection& c) { return breakdown(c, "P", q1, Scope::subtree, By::procedure); });
  EXPECT_EQ(show_rows(by_procedure), "1.0001:4/4/3 2.0002:2/1/1");
  // Outside the unit's scope: nothing.
  EXPECT_TRUE(t->db->read([&](db::Connection& c) { return breakdown(c, "X1", q1, Scope::unit, By::channel); }).empty());
}

TEST_P(Dashboard, ApiTokensAuthenticateUntilRevokedAndAreStoredHashed) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  auto issued = directory::issue_token(*t->db, "  Một cửa xã Một ", "X1", "indicators", kWho, kNow);
  EXPECT_EQ(issued.token.name, "Một cửa xã Một");
  EXPECT_EQ(issued.token.purpose, "indicators");
  EXPECT_TRUE(issued.secret.starts_with("cchc_" + issued.token.id + "_"));
  auto found = directory::authenticate_token(*t->db, issued.secret, kNow);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->unit_code, "X1");
  EXPECT_EQ(found->last_used_at, kNow);
  EXPECT_FALSE(directory::authenticate_token(*t->db, issued.secret + "x", kNow));
  EXPECT_FALSE(directory::authenticate_token(*t->db, "", kNow));
  // Only the hash is stored.
  auto stored = t->db->read(
      [](db::Connection& c) { return c.query("SELECT secret_hash FROM api_tokens").one().str("secret_hash"); });
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_EQ(stored.find(issued.secret.substr(15)), std::string::npos);

  EXPECT_THROW(directory::issue_token(*t->db, " ", "X1", "indicators", kWho, kNow), Error);
  EXPECT_THROW(directory::issue_token(*t->db, "x", "NOPE", "indicators", kWho, kNow), Error);
  EXPECT_THROW(directory::issue_token(*t->db, "x", "X1", "everything", kWho, kNow), Error);
  auto open311 = directory::issue_token(*t->db, "Ứng dụng phản ánh", "X1", "open311", kWho, kNow);
  EXPECT_EQ(directory::authenticate_token(*t->db, open311.secret, kNow)->purpose, "open311");
  directory::revoke_token(*t->db, issued.token.id, kWho, kNow + std::chrono::hours(1));
  EXPECT_FALSE(directory::authenticate_token(*t->db, issued.secret, kNow + std::chrono::hours(2)));
  auto list = t->db->read([](db::Connection& c) { return directory::list_tokens(c); });
  ASSERT_EQ(list.size(), 2u);
  for (const auto& t : list) {
    EXPECT_EQ(t.purpose, t.id == issued.token.id ? "indicators" : "open311");
    EXPECT_EQ(t.revoked_at.has_value(), t.id == issued.token.id);
  }
  EXPECT_THROW(directory::revoke_token(*t->db, "nope", kWho, kNow), Error);
}

}  // namespace
}  // namespace cchc::indicators
