// Rollups: the counters of hand-checked records, and sums made apart then
// merged equal to sums made at once (the rebuild's two scans).
#include "indicators/rollup.h"

#include <gtest/gtest.h>

namespace cchc::indicators {
namespace {

Instant local(int y, unsigned m, unsigned d, int hour) {
  return start_of_day(Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}) +
         std::chrono::hours(hour);
}

Dossier dossier(std::string unit, Instant received, Instant due, std::optional<Instant> finished) {
  Dossier d;
  d.id = unit + std::to_string(received.time_since_epoch().count());
  d.unit_code = std::move(unit);
  d.procedure_code = "1.001";
  d.channel = Channel::online;
  d.online_service = OnlineService::full;
  d.received_at = received;
  d.due_at = due;
  d.finished_at = finished;
  d.status = finished ? DossierStatus::finished : DossierStatus::processing;
  return d;
}

// Three dossiers of unit U, hand-counted:
//   a: received 10/03/2024, due 20/03, finished 18/03 (on time), rated satisfied
//   b: received 25/03/2024, due 31/03 17:00, finished 01/04 (late), apology sent
//   c: received 31/03/2024 23:00 local, open (counts in March, by local time)
std::vector<Dossier> three() {
  auto a = dossier("U", local(2024, 3, 10, 8), local(2024, 3, 20, 17), local(2024, 3, 18, 9));
  a.rating = Rating::satisfied;
  a.digitized = true;
  auto b = dossier("U", local(2024, 3, 25, 8), local(2024, 3, 31, 17), local(2024, 4, 1, 9));
  b.apology_sent = true;
  b.fee_required = b.paid_online = true;
  auto c = dossier("U", local(2024, 3, 31, 23), local(2024, 4, 5, 17), std::nullopt);
  c.channel = Channel::direct;
  c.online_service = OnlineService::none;
  return {a, b, c};
}

TEST(Rollups, CountsHandCheckedRecords) {
  Rollups r;
  for (const auto& d : three()) r.add(d, +1);
  //                    received full dig fee paid fin on_time res_dig rated sat late apology ok
  const Rollups::Rows months = {
      {{"U", "2024-03", "direct"}, {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {{"U", "2024-03", "online"}, {2, 2, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1}},
      {{"U", "2024-04", "online"}, {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0}},
  };
  EXPECT_EQ(r.rows(Table::dossier_months), months);
  const Rollups::Rows procedures = {
      {{"U", "2024-03", "1.001"}, {3, 1, 1}},
      {{"U", "2024-04", "1.001"}, {0, 1, 0}},
  };
  EXPECT_EQ(r.rows(Table::dossier_procedures), procedures);
  const Rollups::Rows backlog = {
      {{"U", "2024-03", "2024-03", "2024-03"}, {1}},
      {{"U", "2024-03", "2024-03", "2024-04"}, {1}},
      {{"U", "2024-03", "2024-04", kNever}, {1}},
  };
  EXPECT_EQ(r.rows(Table::dossier_backlog), backlog);
  // Taken back out, nothing is left once pruned.
  for (const auto& d : three()) r.add(d, -1);
  r.prune();
  EXPECT_TRUE(r.empty());
}

TEST(Rollups, SumsMadeApartAndMergedEqualSumsMadeAtOnce) {
  std::vector<Dossier> all;
  for (int i = 0; i < 60; ++i) {
    auto units = std::vector<std::string>{"U", "V", "W"};
    auto d = dossier(units[size_t(i % 3)], local(2024, unsigned(1 + i % 12), unsigned(1 + i % 27), 8),
                     local(2024, unsigned(1 + i % 12), 28, 17),
                     i % 4 == 0 ? std::nullopt : std::optional(local(2024, unsigned(1 + (i + 1) % 12), 2, 9)));
    d.procedure_code = "P" + std::to_string(i % 5);
    d.channel = Channel(i % 3);
    all.push_back(d);
  }
  for (std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{30}, all.size()}) {
    Rollups whole, first, second;
    for (std::size_t i = 0; i < all.size(); ++i) {
      whole.add(all[i], +1);
      (i < split ? first : second).add(all[i], +1);
    }
    first.merge(second);
    for (Table t : kTables) EXPECT_EQ(first.rows(t), whole.rows(t)) << split << " " << spec(t).name;
  }
}

}  // namespace
}  // namespace cchc::indicators
