#include "indicators/formulas.h"

namespace cchc::indicators {

namespace {

void count(Rate& r, bool in_denominator, bool in_numerator) {
  if (!in_denominator) return;
  ++r.denominator;
  if (in_numerator) ++r.numerator;
}

bool satisfied(const std::optional<Rating>& r) { return r == Rating::very_satisfied || r == Rating::satisfied; }

nlohmann::json rate_json(const Rate& r) {
  auto v = r.value();
  return {{"value", v ? nlohmann::json(*v) : nlohmann::json(nullptr)},
          {"numerator", r.numerator},
          {"denominator", r.denominator}};
}

}  // namespace

Indicators compute(const std::vector<Dossier>& dossiers, const std::vector<Feedback>& feedback, const Period& period) {
  Indicators out;
  const Instant end = period.end();
  for (const auto& d : dossiers) {
    if (d.status == DossierStatus::withdrawn) continue;
    bool received = period.contains(d.received_at);
    bool done = d.status == DossierStatus::finished || d.status == DossierStatus::returned;
    bool finished = done && d.finished_at && period.contains(*d.finished_at);
    bool on_time = finished && *d.finished_at <= d.due_at;
    if (received) {
      ++out.received;
      count(out.online_rate, true, d.channel == Channel::online);
      count(out.online_full_rate, d.online_service == OnlineService::full, d.channel == Channel::online);
      count(out.digitized_rate, true, d.digitized);
      count(out.online_payment_rate, d.fee_required, d.paid_online);
    }
    if (finished) {
      ++out.finished;
      if (on_time) ++out.finished_on_time;
      count(out.on_time_rate, true, on_time);
      count(out.result_digitized_rate, true, d.result_digitized);
      count(out.satisfaction_rate, d.rating.has_value(), satisfied(d.rating));
      count(out.apology_rate, !on_time, d.apology_sent);
      if (on_time && d.rating != Rating::unsatisfied) ++out.finished_ok;
    }
    bool finished_before_end = d.finished_at && *d.finished_at < end;
    if (d.received_at < end && !finished_before_end) {
      ++out.pending_at_end;
      if (d.due_at < end) ++out.overdue_open;
    }
  }
  for (const auto& f : feedback) {
    if (f.status == FeedbackStatus::withdrawn) continue;
    if (period.contains(f.received_at)) ++out.feedback_received;
    if (f.answered_at && period.contains(*f.answered_at)) {
      ++out.feedback_answered;
      count(out.feedback_on_time_rate, true, *f.answered_at <= f.due_at);
      count(out.feedback_satisfaction_rate, f.rating.has_value(), satisfied(f.rating));
      if (*f.answered_at <= f.due_at && f.rating != Rating::unsatisfied) ++out.feedback_answered_ok;
    }
    bool answered_before_end = f.answered_at && *f.answered_at < end;
    if (f.received_at < end && !answered_before_end) {
      ++out.feedback_pending_at_end;
      if (f.due_at < end) ++out.feedback_overdue_open;
    }
  }
  return out;
}

Indicators from_sums(const Sums& s) {
  Indicators out;
  std::vector<std::int64_t> all(dm::count, 0);
  for (const auto& [channel, c] : s.dossiers_by_channel) {
    for (size_t k = 0; k < dm::count; ++k) all[k] += c[k];
    if (channel == "online") {
      out.online_rate.numerator += c[dm::received];
      out.online_full_rate.numerator += c[dm::received_full];
    }
  }
  out.received = all[dm::received];
  out.online_rate.denominator = all[dm::received];
  out.online_full_rate.denominator = all[dm::received_full];
  out.finished = all[dm::finished];
  out.finished_on_time = all[dm::finished_on_time];
  out.on_time_rate = {all[dm::finished_on_time], all[dm::finished]};
  out.overdue_open = s.pending_overdue;
  out.digitized_rate = {all[dm::digitized], all[dm::received]};
  out.result_digitized_rate = {all[dm::result_digitized], all[dm::finished]};
  out.online_payment_rate = {all[dm::paid_online], all[dm::fee_required]};
  out.satisfaction_rate = {all[dm::satisfied], all[dm::rated]};
  out.apology_rate = {all[dm::late_apology], all[dm::late]};
  out.feedback_received = s.feedback[fm::received];
  out.feedback_answered = s.feedback[fm::answered];
  out.feedback_on_time_rate = {s.feedback[fm::answered_on_time], s.feedback[fm::answered]};
  out.feedback_satisfaction_rate = {s.feedback[fm::satisfied], s.feedback[fm::rated]};
  out.pending_at_end = s.pending;
  out.finished_ok = all[dm::finished_ok];
  out.feedback_pending_at_end = s.feedback_pending;
  out.feedback_overdue_open = s.feedback_pending_overdue;
  out.feedback_answered_ok = s.feedback[fm::answered_ok];
  return out;
}

nlohmann::json to_json(const Indicators& i) {
  return {{"received", i.received},
          {"online_rate", rate_json(i.online_rate)},
          {"online_full_rate", rate_json(i.online_full_rate)},
          {"finished", i.finished},
          {"finished_on_time", i.finished_on_time},
          {"on_time_rate", rate_json(i.on_time_rate)},
          {"overdue_open", i.overdue_open},
          {"digitized_rate", rate_json(i.digitized_rate)},
          {"result_digitized_rate", rate_json(i.result_digitized_rate)},
          {"online_payment_rate", rate_json(i.online_payment_rate)},
          {"satisfaction_rate", rate_json(i.satisfaction_rate)},
          {"apology_rate", rate_json(i.apology_rate)},
          {"feedback_received", i.feedback_received},
          {"feedback_answered", i.feedback_answered},
          {"feedback_on_time_rate", rate_json(i.feedback_on_time_rate)},
          {"feedback_satisfaction_rate", rate_json(i.feedback_satisfaction_rate)},
          {"pending_at_end", i.pending_at_end},
          {"feedback_pending_at_end", i.feedback_pending_at_end},
          {"feedback_overdue_open", i.feedback_overdue_open}};
}

}  // namespace cchc::indicators
