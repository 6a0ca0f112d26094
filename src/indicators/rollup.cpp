#include "indicators/rollup.h"

#include <algorithm>

#include "indicators/rules.h"

namespace cchc::indicators {

const TableSpec& spec(Table t) {
  static const std::array<TableSpec, 5> specs = {{
      {"dossier_months",
       {"unit_code", "month", "channel"},
       {"received", "received_full", "digitized", "fee_required", "paid_online", "finished", "finished_on_time",
        "result_digitized", "rated", "satisfied", "late", "late_apology", "finished_ok"}},
      {"dossier_procedures", {"unit_code", "month", "procedure_code"}, {"received", "finished", "finished_on_time"}},
      {"dossier_backlog", {"unit_code", "received_month", "due_month", "finished_month"}, {"n"}},
      {"feedback_months",
       {"unit_code", "month", "channel"},
       {"received", "answered", "answered_on_time", "rated", "satisfied", "answered_ok"}},
      {"feedback_backlog", {"unit_code", "received_month", "due_month", "answered_month"}, {"n"}},
  }};
  return specs[size_t(t)];
}

std::vector<std::int64_t>& Rollups::row(Table t, Key key) {
  auto& rows = tables_[size_t(t)];
  auto it = rows.find(key);
  if (it == rows.end()) it = rows.emplace(std::move(key), std::vector<std::int64_t>(spec(t).counters.size(), 0)).first;
  return it->second;
}

std::string finished_month_of(const Dossier& d) {
  const bool done = (d.status == DossierStatus::finished || d.status == DossierStatus::returned) && d.finished_at;
  return done ? month_key(*d.finished_at) : kNever;
}

std::string answered_month_of(const Feedback& f) {
  const bool answered = f.status == FeedbackStatus::answered && f.answered_at;
  return answered ? month_key(*f.answered_at) : kNever;
}

void Rollups::add(const Dossier& d, int sign) {
  if (d.status == DossierStatus::withdrawn) return;
  const std::string received_month = month_key(d.received_at);
  const std::string finished_month = finished_month_of(d);
  const bool done = finished_month != kNever;

  auto& r = row(Table::dossier_months, {d.unit_code, received_month, name(d.channel)});
  r[dm::received] += sign;
  if (d.online_service == OnlineService::full) r[dm::received_full] += sign;
  if (d.digitized) r[dm::digitized] += sign;
  if (d.fee_required) {
    r[dm::fee_required] += sign;
    if (d.paid_online) r[dm::paid_online] += sign;
  }
  auto& p = row(Table::dossier_procedures, {d.unit_code, received_month, d.procedure_code});
  p[dp::received] += sign;

  if (done) {
    const bool on_time = *d.finished_at <= d.due_at;
    const bool rated_satisfied = d.rating == Rating::very_satisfied || d.rating == Rating::satisfied;
    auto& f = row(Table::dossier_months, {d.unit_code, finished_month, name(d.channel)});
    f[dm::finished] += sign;
    if (on_time) f[dm::finished_on_time] += sign;
    if (d.result_digitized) f[dm::result_digitized] += sign;
    if (d.rating) f[dm::rated] += sign;
    if (rated_satisfied) f[dm::satisfied] += sign;
    if (!on_time) f[dm::late] += sign;
    if (!on_time && d.apology_sent) f[dm::late_apology] += sign;
    if (on_time && d.rating != Rating::unsatisfied) f[dm::finished_ok] += sign;
    auto& fp = row(Table::dossier_procedures, {d.unit_code, finished_month, d.procedure_code});
    fp[dp::finished] += sign;
    if (on_time) fp[dp::finished_on_time] += sign;
  }
  row(Table::dossier_backlog, {d.unit_code, received_month, month_key(d.due_at), finished_month})[0] += sign;
}

void Rollups::add(const Feedback& f, int sign) {
  if (f.status == FeedbackStatus::withdrawn) return;
  const std::string received_month = month_key(f.received_at);
  const std::string answered_month = answered_month_of(f);
  const bool answered = answered_month != kNever;

  row(Table::feedback_months, {f.unit_code, received_month, name(f.channel)})[fm::received] += sign;
  if (answered) {
    const bool on_time = *f.answered_at <= f.due_at;
    auto& a = row(Table::feedback_months, {f.unit_code, answered_month, name(f.channel)});
    a[fm::answered] += sign;
    if (on_time) a[fm::answered_on_time] += sign;
    if (f.rating) a[fm::rated] += sign;
    if (f.rating == Rating::very_satisfied || f.rating == Rating::satisfied) a[fm::satisfied] += sign;
    if (on_time && f.rating != Rating::unsatisfied) a[fm::answered_ok] += sign;
  }
  row(Table::feedback_backlog, {f.unit_code, received_month, month_key(f.due_at), answered_month})[0] += sign;
}

void Rollups::prune() {
  for (auto& rows : tables_) {
    std::erase_if(rows, [](const auto& kv) {
      return std::all_of(kv.second.begin(), kv.second.end(), [](std::int64_t v) { return v == 0; });
    });
  }
}

bool Rollups::empty() const {
  return std::all_of(tables_.begin(), tables_.end(), [](const Rows& r) { return r.empty(); });
}

}  // namespace cchc::indicators
