#pragma once
// Citizen feedback (phản ánh, kiến nghị): plain types (docs/feedback.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::feedback {

// A field of feedback (lĩnh vực), edited by the admin. Its code is the
// Open311 service_code; its deadline is in working days from receipt.
struct Category {
  std::int64_t id = 0;
  std::string code;  // "thu-tuc-hanh-chinh"
  std::string name;  // "Thủ tục hành chính, một cửa"
  std::string description;
  int deadline_days = 10;   // working days to answer
  int extension_days = 10;  // at most this many more, once, with a reason
  std::string legal_source;
  // true: to the unit of the place the citizen names (a commune), and to
  // unit_code when the place is unknown; false: always to unit_code.
  bool route_by_place = false;
  std::string unit_code;
  int position = 0;
  bool active = true;
};

// How a case reached the province: the public form, Open311, or an
// officer entering the 1022 hotline's call, a letter, a visit, or the
// national portal's feedback.
enum class Channel { web, open311, hotline_1022, letter, visit, national_portal };

// Where a case is (rules.h: transition):
//   received         in the responsible unit's queue, nobody assigned
//   processing       an officer works on it
//   waiting_citizen  the citizen was asked to clarify; the clock is paused
//   drafted          the answer waits for the unit leader's approval
//   answered         the answer was sent (and published where allowed)
//   refused          outside the unit's remit, with the legal reason
//   merged           a duplicate, merged into another case
enum class State { received, processing, waiting_citizen, drafted, answered, refused, merged };

enum class Action {
  assign,             // take it, or give it to an officer
  transfer,           // to another unit, with the reason
  refuse,             // outside the remit, with the legal reason
  ask_clarification,  // pause: ask the citizen a question
  resume,             // end the pause without a reply through the link
  citizen_reply,      // the citizen answers the question
  draft,              // write the answer and send it for approval
  return_draft,       // the leader sends the draft back
  approve,            // the leader approves: answered (and published)
  extend,             // once, with a reason
  merge,              // a duplicate of another case
  rate,               // the citizen rates the answer
  reopen,             // the citizen, once, not satisfied
  comment,            // a note in the history
};

// Who acts: a unit officer, a unit leader (or the admin), the citizen
// (through the private link).
enum class Actor { officer, leader, citizen };

enum class Rating { very_satisfied, satisfied, unsatisfied };

struct Pause {
  Instant started_at{};
  std::optional<Instant> ended_at;  // none while waiting
  std::string question;
  std::string reply;
  std::string asked_by;
};

struct Case {
  std::int64_t id = 0;
  std::string code;  // "PA-7K3M-Q9TX"
  Channel channel = Channel::web;
  std::string external_id;  // the national portal's id ("" for none)
  std::int64_t category_id = 0;
  std::string place_code;  // "" for "không rõ"
  std::string address;
  std::optional<double> lat, lon;
  std::string unit_code;  // the responsible unit
  std::string content;
  std::string name, email, phone;  // personal data: never public
  bool consent = false;
  bool publish_allowed = false;
  State state = State::received;
  Instant received_at{};
  Instant clock_start{};  // receipt, or the reopening
  int deadline_days = 0;
  int extension_days = 0;
  std::string extension_reason;
  Instant due_at{};
  std::string assignee;  // username
  std::string answer;
  std::optional<Instant> answered_at;
  std::string answered_by;
  bool published = false;
  std::string public_content, public_answer;
  std::optional<Rating> rating;
  std::optional<Instant> rated_at;
  std::optional<Instant> reopened_at;
  std::string refusal_reason;
  std::optional<std::int64_t> merged_into;
  std::vector<Pause> pauses;
  Instant updated_at{};
};

struct Event {
  std::string action, actor, from_state, to_state, note;
  Instant at{};
};

struct File {
  std::int64_t id = 0;
  std::string filename, content_type;
  std::int64_t size = 0;
  std::string checked_by;  // "" until an official has looked
  Instant uploaded_at{};
};

// What the indicators count of a case (indicators/model.h: Feedback), in
// the indicators' own codes: channel hotline_1022 | national_portal |
// provincial_portal | direct | other, status open | answered | withdrawn,
// rating very_satisfied | satisfied | unsatisfied | "".
struct Figure {
  std::string id;  // the national portal's id when there is one, else the code
  std::string unit_code;
  std::string channel;
  Instant received_at{};
  Instant due_at{};
  std::optional<Instant> answered_at;
  std::string status;
  std::string rating;
};

}  // namespace cchc::feedback
