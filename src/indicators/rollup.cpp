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

std::size_t Rollups::IdsHash::operator()(const Ids& k) const noexcept {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (Id part : k) h = (h ^ part) * 0xff51afd7ed558ccdULL;
  return std::size_t(h ^ (h >> 32));
}

Rollups::Id Rollups::id_of(std::string_view text) {
  auto it = ids_.find(text);
  if (it == ids_.end()) {
    names_.emplace_back(text);
    it = ids_.emplace(std::string(text), Id(names_.size())).first;  // ids from 1: 0 is "no part"
  }
  return it->second;
}

Rollups::Id Rollups::intern(std::string_view text, Place place) {
  auto& r = recent_[place];
  if (r.id != 0 && r.text == text) return r.id;
  r.text.assign(text);
  r.id = id_of(text);
  return r.id;
}

std::vector<std::int64_t>& Rollups::row(Table t, const Ids& key) {
  auto& rows = tables_[size_t(t)];
  auto it = rows.find(key);
  if (it == rows.end()) it = rows.emplace(key, std::vector<std::int64_t>(spec(t).counters.size(), 0)).first;
  return it->second;
}

void Rollups::merge(const Rollups& other) {
  for (Table t : kTables) {
    const std::size_t parts = spec(t).keys.size();
    for (const auto& [theirs, counters] : other.tables_[size_t(t)]) {
      Ids ours{};
      for (std::size_t i = 0; i < parts; ++i) ours[i] = id_of(other.names_[theirs[i] - 1]);
      auto& row = this->row(t, ours);
      for (std::size_t k = 0; k < counters.size(); ++k) row[k] += counters[k];
    }
  }
}

Rollups::Rows Rollups::rows(Table t) const {
  Rows out;
  const std::size_t parts = spec(t).keys.size();
  for (const auto& [ids, counters] : tables_[size_t(t)]) {
    Key key;
    key.reserve(parts);
    for (std::size_t i = 0; i < parts; ++i) key.push_back(names_[ids[i] - 1]);
    out.emplace(std::move(key), counters);
  }
  return out;
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
  const std::string received = month_key(d.received_at), due = month_key(d.due_at), done = finished_month_of(d);
  add(d, Months{received, due, done}, sign);
}

void Rollups::add(const Dossier& d, const Months& m, int sign) {
  if (d.status == DossierStatus::withdrawn) return;
  const Id unit_id = intern(d.unit_code, unit), channel_id = intern(name(d.channel), channel);
  const Id procedure_id = intern(d.procedure_code, procedure), received_id = intern(m.received, received);
  const Id done_id = intern(m.done, done);

  auto& r = row(Table::dossier_months, {unit_id, received_id, channel_id});
  r[dm::received] += sign;
  if (d.online_service == OnlineService::full) r[dm::received_full] += sign;
  if (d.digitized) r[dm::digitized] += sign;
  if (d.fee_required) {
    r[dm::fee_required] += sign;
    if (d.paid_online) r[dm::paid_online] += sign;
  }
  row(Table::dossier_procedures, {unit_id, received_id, procedure_id})[dp::received] += sign;

  if (m.done != kNever) {
    const bool on_time = d.finished_at && *d.finished_at <= d.due_at;
    const bool rated_satisfied = d.rating == Rating::very_satisfied || d.rating == Rating::satisfied;
    auto& f = row(Table::dossier_months, {unit_id, done_id, channel_id});
    f[dm::finished] += sign;
    if (on_time) f[dm::finished_on_time] += sign;
    if (d.result_digitized) f[dm::result_digitized] += sign;
    if (d.rating) f[dm::rated] += sign;
    if (rated_satisfied) f[dm::satisfied] += sign;
    if (!on_time) f[dm::late] += sign;
    if (!on_time && d.apology_sent) f[dm::late_apology] += sign;
    if (on_time && d.rating != Rating::unsatisfied) f[dm::finished_ok] += sign;
    auto& fp = row(Table::dossier_procedures, {unit_id, done_id, procedure_id});
    fp[dp::finished] += sign;
    if (on_time) fp[dp::finished_on_time] += sign;
  }
  row(Table::dossier_backlog, {unit_id, received_id, intern(m.due, due), done_id})[0] += sign;
}

void Rollups::add(const Feedback& f, int sign) {
  const std::string received = month_key(f.received_at), due = month_key(f.due_at), done = answered_month_of(f);
  add(f, Months{received, due, done}, sign);
}

void Rollups::add(const Feedback& f, const Months& m, int sign) {
  if (f.status == FeedbackStatus::withdrawn) return;
  const Id unit_id = intern(f.unit_code, unit), channel_id = intern(name(f.channel), channel);
  const Id received_id = intern(m.received, received), done_id = intern(m.done, done);

  row(Table::feedback_months, {unit_id, received_id, channel_id})[fm::received] += sign;
  if (m.done != kNever) {
    const bool on_time = f.answered_at && *f.answered_at <= f.due_at;
    auto& a = row(Table::feedback_months, {unit_id, done_id, channel_id});
    a[fm::answered] += sign;
    if (on_time) a[fm::answered_on_time] += sign;
    if (f.rating) a[fm::rated] += sign;
    if (f.rating == Rating::very_satisfied || f.rating == Rating::satisfied) a[fm::satisfied] += sign;
    if (on_time && f.rating != Rating::unsatisfied) a[fm::answered_ok] += sign;
  }
  row(Table::feedback_backlog, {unit_id, received_id, intern(m.due, due), done_id})[0] += sign;
}

void Rollups::prune() {
  for (auto& rows : tables_) {
    absl::erase_if(rows, [](const auto& kv) {
      return std::all_of(kv.second.begin(), kv.second.end(), [](std::int64_t v) { return v == 0; });
    });
  }
}

bool Rollups::empty() const {
  return std::all_of(tables_.begin(), tables_.end(), [](const auto& r) { return r.empty(); });
}

}  // namespace cchc::indicators
