#include "indicators/synthetic.h"

#include <fmt/format.h>

#include <cmath>
#include <random>

namespace cchc::indicators {

namespace {

using namespace std::chrono;

// A small, fully specified generator (std::mt19937_64) and our own mapping to
// [0, 1), so the records do not depend on the library's distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}
  double u() { return double(g_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return u() < p; }
  int between(int lo, int hi) { return lo + int(u() * double(hi - lo + 1)); }

 private:
  std::mt19937_64 g_;
};

std::uint64_t hash(std::string_view s) {  // FNV-1a
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct Profile {
  double volume, online, on_time, digitized, result_digitized, paid_online, satisfied;
};

Profile profile(const SyntheticUnit& u) {
  double f = double(hash(u.code) % 1000) / 1000.0;  // the unit's own character
  if (u.level == "department" || u.level == "province") {
    return {1.0, 0.55 + 0.35 * f, 0.9 + 0.095 * f, 0.55 + 0.4 * f, 0.6 + 0.35 * f, 0.45 + 0.4 * f, 0.9 + 0.09 * f};
  }
  if (u.level == "district") {
    return {0.8, 0.25 + 0.3 * f, 0.86 + 0.12 * f, 0.3 + 0.4 * f, 0.4 + 0.4 * f, 0.3 + 0.4 * f, 0.88 + 0.1 * f};
  }
  return {0.6, 0.1 + 0.35 * f, 0.82 + 0.16 * f, 0.2 + 0.45 * f, 0.3 + 0.5 * f, 0.2 + 0.4 * f, 0.86 + 0.12 * f};
}

bool exists_on(const SyntheticUnit& u, Date d) { return u.valid_from <= d && (!u.valid_to || d <= *u.valid_to); }

// Every (unit, month, index) the generator visits, with a random source
// seeded from the options and the unit, so units are independent.
template <class F>
void each_slot(const std::vector<SyntheticUnit>& units, const SyntheticOptions& o, double per_month, std::uint64_t salt,
               F&& f) {
  for (const auto& u : units) {
    Rng rng(o.seed ^ hash(u.code) ^ salt);
    Profile p = profile(u);
    for (int m = 0; m < o.months; ++m) {
      Date first = Date{o.first_month.year() / o.first_month.month() / day{1}} + std::chrono::months{m};
      Date last = Date{year_month_day_last{first.year(), month_day_last{first.month()}}};
      if (!exists_on(u, first) && !exists_on(u, last)) continue;
      int n = int(std::lround(per_month * p.volume * (0.8 + 0.4 * rng.u())));
      int days_in_month = int(unsigned(last.day()));
      for (int i = 0; i < n; ++i) {
        Date d = Date{sys_days{first} + days{rng.between(0, days_in_month - 1)}};
        if (!exists_on(u, d)) continue;
        Instant t = start_of_day(d) + hours{7 + rng.between(0, 9)} + minutes{rng.between(0, 59)};
        if (t > o.horizon) continue;
        f(u, p, rng, t, m);
      }
    }
  }
}

}  // namespace

void generate_dossiers(const std::vector<SyntheticUnit>& units, const SyntheticOptions& o,
                       const std::function<void(const Dossier&)>& emit) {
  std::uint64_t serial = 0;
  each_slot(
      units, o, o.dossiers_per_unit_month, 0x11,
      [&](const SyntheticUnit& u, const Profile& p, Rng& rng, Instant received, int month_index) {
        double improve = 0.04 * (month_index / 12.0);  // a little better each year
        Dossier d;
        d.id = fmt::format("HS-{}-{:08}", u.code, ++serial);
        d.unit_code = u.code;
        d.procedure_code = fmt::format("1.{:06}", 1000 + rng.between(0, 24) * 37);
        double s = rng.u();
        d.online_service = s < 0.45 ? OnlineService::full : s < 0.8 ? OnlineService::partial : OnlineService::none;
        bool online = d.online_service != OnlineService::none && rng.chance(std::min(0.98, p.online + improve));
        d.channel = online ? Channel::online : rng.chance(0.92) ? Channel::direct : Channel::postal;
        d.received_at = received;
        d.due_at = received + days{rng.between(3, 20)};
        d.digitized = rng.chance(std::min(0.99, p.digitized + improve));
        d.fee_required = rng.chance(0.4);
        d.paid_online = d.fee_required && (online ? rng.chance(p.paid_online) : rng.chance(0.05));
        if (rng.chance(0.01)) {
          d.status = DossierStatus::withdrawn;
          emit(d);
          return;
        }
        bool on_time = rng.chance(std::min(0.995, p.on_time + improve / 5));
        auto window = (d.due_at - received).count();
        Instant finished = on_time ? received + seconds{std::int64_t(double(window) * rng.u())}
                                   : d.due_at + hours{rng.between(1, 24 * 12)};
        bool stuck = !on_time && rng.chance(0.12);  // late and still not finished
        if (finished > o.horizon || stuck) {
          d.status = rng.chance(0.15) ? DossierStatus::paused : DossierStatus::processing;
        } else {
          d.finished_at = finished;
          d.result_digitized = rng.chance(std::min(0.99, p.result_digitized + improve));
          Instant returned = finished + hours{rng.between(1, 72)};
          if (returned <= o.horizon && rng.chance(0.85)) {
            d.status = DossierStatus::returned;
            d.returned_at = returned;
          } else {
            d.status = DossierStatus::finished;
          }
          if (rng.chance(0.55)) {
            double r = rng.u();
            double ok = on_time ? p.satisfied : p.satisfied - 0.3;
            d.rating = r < ok * 0.6 ? Rating::very_satisfied : r < ok ? Rating::satisfied : Rating::unsatisfied;
          }
          d.apology_sent = !on_time && rng.chance(0.6);
        }
        emit(d);
      });
}

void generate_feedback(const std::vector<SyntheticUnit>& units, const SyntheticOptions& o,
                       const std::function<void(const Feedback&)>& emit) {
  std::uint64_t serial = 0;
  each_slot(units, o, o.feedback_per_unit_month, 0x22,
            [&](const SyntheticUnit& u, const Profile& p, Rng& rng, Instant received, int) {
              Feedback f;
              f.id = fmt::format("PA-{}-{:07}", u.code, ++serial);
              f.unit_code = u.code;
              double c = rng.u();
              f.channel = c < 0.3    ? FeedbackChannel::hotline_1022
                          : c < 0.5  ? FeedbackChannel::national_portal
                          : c < 0.75 ? FeedbackChannel::provincial_portal
                          : c < 0.95 ? FeedbackChannel::direct
                                     : FeedbackChannel::other;
              f.received_at = received;
              f.due_at = received + days{10};
              if (rng.chance(0.02)) {
                f.status = FeedbackStatus::withdrawn;
                emit(f);
                return;
              }
              bool on_time = rng.chance(p.on_time - 0.02);
              Instant answered =
                  on_time ? received + hours{rng.between(4, 24 * 10)} : f.due_at + hours{rng.between(1, 24 * 15)};
              if (answered > o.horizon) {
                f.status = FeedbackStatus::open;
              } else {
                f.status = FeedbackStatus::answered;
                f.answered_at = answered;
                if (rng.chance(0.5)) {
                  double r = rng.u();
                  f.rating = r < 0.5                  ? Rating::very_satisfied
                             : r < p.satisfied - 0.06 ? Rating::satisfied
                                                      : Rating::unsatisfied;
                }
              }
              emit(f);
            });
}

}  // namespace cchc::indicators
