#pragma once
// The feedback rules, pure (docs/feedback.md): the workflow table and its
// guards, legal deadlines in working days, routing to the responsible unit,
// tracking codes, what a case may hold, personal data removed before
// publication, and what the indicators count of a case.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/filetype.h"
#include "directory/model.h"
#include "feedback/model.h"

namespace cchc::feedback {

// ---- Codes and labels ------------------------------------------------------

std::string code(State s);  // "received", "processing", …
std::string code(Action a);
std::string code(Channel c);
std::string code(Rating r);
State parse_state(std::string_view s);  // each throws invalid_input for an unknown code
Action parse_action(std::string_view s);
Channel parse_channel(std::string_view s);
Rating parse_rating(std::string_view s);
std::string label_vi(State s);  // "Mới tiếp nhận", …
std::string label_vi(Channel c);
std::string label_vi(Rating r);
std::string label_vi(Action a);  // as the history shows it
// A history entry's action: an Action's code, or "receive".
std::string event_label_vi(std::string_view action);

// ---- Workflow --------------------------------------------------------------

// The state an action leads to, or nullopt when `actor` may not take it in
// `from` (docs/feedback.md, "Workflow"):
//   received         officer, leader: assign → processing, transfer → received,
//                    merge → merged, comment; leader: refuse → refused, extend
//   processing       officer, leader: assign, ask_clarification → waiting_citizen,
//                    draft → drafted, transfer → received, merge → merged,
//                    comment; leader: refuse → refused, extend
//   waiting_citizen  citizen: citizen_reply → processing; officer, leader:
//                    resume → processing, comment; leader: extend
//   drafted          leader: approve → answered, return_draft → processing;
//                    officer, leader: comment
//   answered         citizen: rate (stays answered), reopen → processing
//   refused, merged  nothing
std::optional<State> transition(State from, Action action, Actor actor);

// The guards beyond the table, given the case as it stands; the Vietnamese
// reason when the step is refused, nullopt when it may go ahead:
//   extend   only once
//   rate     only once per answer
//   reopen   only once, within kReopenDays calendar days of the answer
inline constexpr int kReopenDays = 30;
std::optional<std::string> refusal(const Case& c, Action action, Instant now);

// ---- Deadlines -------------------------------------------------------------

// Office hours end at 17:00 (+07:00): a case received at 17:00 or later, or
// on a day off, counts from the next working day.
inline constexpr int kCutoffHour = 17;

// The day a receipt counts from: the local day of `t` when it is a working
// day and `t` is before 17:00; otherwise the next working day.
Date counting_day(const WorkCalendar& cal, Instant t);

// The working days a pause stood the clock still: the working days in
// (day it began, day it ended], an open pause ending at `now`. A pause
// begun and ended on one day costs nothing.
int paused_days(const WorkCalendar& cal, const Pause& p, Instant now);

// The legal deadline: the end (23:59:59 +07:00) of the working day that is
// deadline_days + extension_days + the paused working days after the
// counting day of clock_start. Pauses that began before clock_start (a
// reopened case's earlier life) do not count.
Instant due_at(const WorkCalendar& cal, const Case& c, Instant now);

// Whether the case is open (not answered, refused or merged) and its
// deadline passed at `now`; due_soon when it falls within `days` working
// days of `now`'s day.
bool is_open(State s);
bool overdue(const Case& c, Instant now);
bool due_soon(const WorkCalendar& cal, const Case& c, Instant now, int days);

// ---- Routing ---------------------------------------------------------------

// The unit that answers for `code` on `day`: the unit itself while it is
// valid that day, else (merged or split) its first successor, followed
// until one is valid; the last one found when the chain ends. Throws
// not_found for an unknown code.
std::string current_unit(const std::vector<directory::Unit>& units, const std::string& code, Date day);

// The responsible unit of a new case: the place's current unit when the
// category routes by place and a place is given, else the category's unit
// (itself followed to its current unit).

// Folded text as its words of a-z and 0-9 between single spaces, no space
// at either end: "Đường (số) 5, P. Tân-Hòa" → "duong so 5 p tan hoa". What
// search and address matching compare.
std::string folded_words(std::string_view s);

// The commune or ward an address names: the current commune whose name,
// folded, appears in the folded address as whole words ("…, phường Trảng
// Dài, Đồng Nai" → P-TRANGDAI), the longest when several do; "" for none.
std::string place_in_address(std::string_view address, const std::vector<directory::Unit>& units, Date day);
std::string route(const Category& cat, const std::string& place_code, const std::vector<directory::Unit>& units,
                  Date day);

// ---- Codes the citizen holds -----------------------------------------------

// "PA-" and 8 characters of Crockford's base32 (no I, L, O, U) in two
// groups of four: 40 random bits, read over the phone without ambiguity.
std::string new_tracking_code();
// What a citizen typed, in canonical form: upper case, spaces and dashes
// dropped then regrouped, O read as 0 and I, L as 1, the "PA" prefix
// optional; nullopt when it cannot be a code.
std::optional<std::string> normalise_code(std::string_view typed);

// ---- What a case may hold --------------------------------------------------

inline constexpr std::size_t kMinContent = 20, kMaxContent = 5000;  // characters
inline constexpr std::size_t kMaxName = 100, kMaxAnswer = 20000, kMaxNote = 2000;
inline constexpr std::size_t kMaxFiles = 3, kMaxFileBytes = 5 * 1024 * 1024;

struct Submission {
  std::string category_code;
  std::string place_code;  // "" for "không rõ"
  std::string address;
  std::string content;
  std::string name, email, phone;
  bool consent = false;
  bool publish_allowed = false;
  // The public form asks for a way to answer and a real description;
  // Open311 leaves both optional.
  bool contact_required = true;
  std::size_t min_content = kMinContent;
};

// Content of 20 to 5,000 characters, a name of up to 100, an e-mail of the
// plain local@domain form or a Vietnamese phone number (at least one of the
// two), consent given. Trims; returns the submission as stored (the phone
// as digits, "+84" read as "0"). Throws invalid_input naming the field
// (English detail, Vietnamese message).
Submission check_submission(Submission s);
// A new case holding what the citizen sent: the place, the address, the
// content, the contact and the consents. The channel, category, unit and
// clock are the receiving store's to set.
Case new_case(const Submission& s);
// "0912 345 678", "+84 912-345-678" → "0912345678"; nullopt for anything
// that is not 10 or 11 digits starting with 0 once read so.
std::optional<std::string> normalise_phone(std::string_view typed);
bool plausible_email(std::string_view s);

// Images (jpg, png, webp) and PDF, by their bytes.
const std::vector<filetype::Kind>& attachment_kinds();

// ---- Proof of work ---------------------------------------------------------

// The optional proof of work of the public form (off unless configured):
// the page gives a random challenge; the browser finds a nonce such that
// SHA-256(challenge ":" nonce), in hex, begins with `bits` zero bits
// (static/js/pow.js). At most 24 bits; a nonce of at most 20 digits.
inline constexpr int kMaxProofBits = 24;
bool proof_holds(std::string_view challenge, std::string_view nonce, int bits);

// ---- Publication -----------------------------------------------------------

// The text with personal data removed: e-mail addresses, runs of 8 or
// more digits (phone and identity numbers, spaces, dots and dashes
// between digits allowed), and each of `names` (the citizen's name,
// matched without regard to case or marks) become "[đã ẩn]".
std::string redact(std::string_view text, const std::vector<std::string>& names);

// ---- Figures ---------------------------------------------------------------

// The feedback figures of a period [begin, end) as docs/indicators.md
// defines them for records, counted from cases (the statistics page):
//   received   received in the period
//   answered   answered (approved or refused) in the period; on_time when
//              by its deadline
//   pending    received before the end and not answered before it;
//              overdue the pending whose deadline passed before the end
//   rated, satisfied   answered in the period with a rating, and rated
//              very satisfied or satisfied
// Merged cases count nowhere (the case they merged into does).
struct Tally {
  std::int64_t received = 0, answered = 0, on_time = 0, pending = 0, overdue = 0, rated = 0, satisfied = 0;
};
void count(Tally& t, const Case& c, Instant begin, Instant end);

// What the indicators count of a case: its channel in the indicators'
// codes (web and open311 → provincial_portal, hotline_1022, letter →
// other, visit → direct, national_portal), status answered for answered
// and refused cases (the refusal is the answer the decree requires),
// withdrawn for merged ones (the case they merged into counts), open
// otherwise; the id is the national portal's id when there is one, so a
// record of the same case imported from there replaces it.
Figure figure(const Case& c);

}  // namespace cchc::feedback
