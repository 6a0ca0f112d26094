#pragma once
// Dossiers (hồ sơ thủ tục hành chính) and citizen feedback (phản ánh, kiến
// nghị) as the one-stop systems send them: plain types.
#include <optional>
#include <string>

#include "core/dates.h"

namespace cchc::indicators {

enum class Channel { online, direct, postal };
enum class OnlineService { full, partial, none };
enum class DossierStatus { processing, paused, finished, returned, withdrawn };
enum class Rating { very_satisfied, satisfied, unsatisfied };

struct Dossier {
  std::string id;
  std::string unit_code;
  std::string procedure_code;
  Channel channel;
  OnlineService online_service;
  Instant received_at;
  Instant due_at;
  std::optional<Instant> finished_at;
  std::optional<Instant> returned_at;
  DossierStatus status;
  bool digitized = false;
  bool result_digitized = false;
  bool fee_required = false;
  bool paid_online = false;
  std::optional<Rating> rating;
  bool apology_sent = false;

  friend bool operator==(const Dossier&, const Dossier&) = default;
};

enum class FeedbackChannel { hotline_1022, national_portal, provincial_portal, direct, other };
enum class FeedbackStatus { open, answered, withdrawn };

struct Feedback {
  std::string id;
  std::string unit_code;
  FeedbackChannel channel;
  Instant received_at;
  Instant due_at;
  std::optional<Instant> answered_at;
  FeedbackStatus status;
  std::optional<Rating> rating;

  friend bool operator==(const Feedback&, const Feedback&) = default;
};

// The month a dossier counts in, by local (+07:00) time: "2024-03".
std::string month_key(Instant t);

}  // namespace cchc::indicators
