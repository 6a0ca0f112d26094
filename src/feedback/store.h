#pragma once
// The feedback store (docs/feedback.md): categories, receipt, the workflow
// steps, the queue, published answers and their search. Every write takes
// the caller's connection and runs in its transaction with its history, its
// audit entry and the indicators' record of the case (Sinks::figure), so
// the figures never disagree with the cases. receive, import_cases and act,
// each called alone by several pages, also have a db::Database& form that
// opens one. send_acknowledgements is not a write of this kind: it mails
// outside any transaction.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "core/calendar.h"
#include "db/database.h"
#include "directory/model.h"
#include "feedback/model.h"
#include "feedback/rules.h"

namespace cchc::feedback {

// What feedback writes into other capabilities, wired by app/sources.cpp.
struct Notice;
struct Sinks {
  // The indicators' record of a case, replaced by id, in the caller's
  // transaction (indicators::store_feedback).
  std::function<void(db::Connection&, const Figure&)> figure;
  // A reminder as notifications for its audience, through the plans'
  // reminder mechanism (in-app notifications and the e-mail digest);
  // returns the notifications that were new.
  std::function<int(db::Connection&, const Notice&)> notify;
};

// A reminder of a case: due soon, overdue, or overdue long enough to go to
// the coordinator.
struct Notice {
  enum class Audience { handlers, coordinator };
  Audience audience = Audience::handlers;  // the unit's officers and leaders | those holding feedback.manage
  std::string unit_code;
  std::string kind;   // "feedback_due_soon" | "feedback_overdue" | "feedback_escalated"
  std::string event;  // unique per case, kind and day: raising twice a day notifies once
  std::string message, href;
};

// The day's reminders over every open case (docs/feedback.md,
// "Reminders"): the deadline of a case still waiting for the citizen is
// recomputed (the pause has grown), with its figure; a case due within
// kDueSoonDays working days reminds the unit's handlers, an overdue one
// its handlers and leaders, and one overdue by more than kEscalateDays
// working days the coordinator. Returns the new notifications.
inline constexpr int kDueSoonDays = 2, kEscalateDays = 5;
int raise_reminders(db::Connection& c, const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who,
                    Instant now);

// ---- Categories ----

std::vector<Category> categories(db::Connection& c, bool active_only);
std::optional<Category> find_category(db::Connection& c, std::int64_t id);
std::optional<Category> find_category(db::Connection& c, std::string_view code);
// Adds (id 0) or updates a category: a code of a-z, 0-9 and '-' (2-50),
// a name (2-200 characters), deadline 1-60 working days, extension 0-60, a
// legal source, an existing unit. Throws invalid_input, not_found, conflict
// (a code in use).
Category save_category(db::Connection& c, Category cat, const audit::Entry& who, Instant now);

// ---- Receipt ----

struct Upload {
  std::string filename;
  std::string bytes;
};

struct Intake {
  Channel channel = Channel::web;
  Submission submission;
  std::string external_id;  // national_portal: its id (required there, unique)
  std::optional<double> lat, lon;
  // When the call, letter or visit came (officer-entered channels); now
  // when unset. Never in the future.
  std::optional<Instant> received_at;
  std::vector<Upload> files;  // at most kMaxFiles, each checked by its bytes
  std::string ip;             // for the rate limits, stored only as a digest
};

struct Receipt {
  Case kase;
  std::string secret;  // the private link's secret: shown once, stored as its SHA-256
};

// Checks the submission (rules.h), the category (active), the place (a
// commune or ward of the tree, current or merged since, or none) and the files; routes the case, sets its
// deadline, and stores it with its files, a "receive" event and the audit
// entry. Throws invalid_input naming the problem, conflict for an external
// id already received.
Receipt receive(db::Connection& c, const Intake& in, const std::vector<directory::Unit>& units, const WorkCalendar& cal,
                const Sinks& sinks, const audit::Entry& who, Instant now);
Receipt receive(db::Database& db, const Intake& in, const std::vector<directory::Unit>& units, const WorkCalendar& cal,
                const Sinks& sinks, const audit::Entry& who, Instant now);

// Cases received elsewhere (the national portal's feedback), from CSV with
// the header
//   external_id,received_at,category,place,content,name,email,phone,publish
// (received_at RFC 3339 with an offset, category a category's code, place a
// commune's code or empty, publish 1 or 0). The whole file is checked
// first: any bad line rejects it, every bad line named, nothing written. A
// case already received with the same external id is left as it is
// (unchanged), so a file may be imported again. Consent was given where the
// case was first sent.
struct ImportResult {
  std::vector<LineError> errors;
  int inserted = 0, unchanged = 0;
  bool ok() const { return errors.empty(); }
};
ImportResult import_cases(db::Connection& c, std::string_view csv_text, Channel channel,
                          const std::vector<directory::Unit>& units, const WorkCalendar& cal, const Sinks& sinks,
                          const audit::Entry& who, Instant now);
ImportResult import_cases(db::Database& db, std::string_view csv_text, Channel channel,
                          const std::vector<directory::Unit>& units, const WorkCalendar& cal, const Sinks& sinks,
                          const audit::Entry& who, Instant now);

// The abuse limits of the public form and Open311 (docs/feedback.md): at most
// kPerAddressPerHour cases from one network address in the last hour and
// kPerContactPerDay from one e-mail address or phone number in the last 24
// hours. The Vietnamese reason when `in` is over a limit.
inline constexpr int kPerAddressPerHour = 5, kPerContactPerDay = 3;
std::optional<std::string> over_limit(db::Connection& c, const Intake& in, Instant now);

// ---- Acknowledgements ----

// Queues the e-mail acknowledging a case (its code, unit, deadline and the
// private link at `link_path`) to the case's address; nothing when it has
// none.
void queue_acknowledgement(db::Connection& c, const Case& k, const std::string& link_path, const std::string& province,
                           Instant now);

// Queues the e-mail telling the citizen of a step: the question asked
// (waiting_citizen), the answer (answered) or the refusal with its reason
// (refused); nothing in another state or without an address. The private
// link is not in it: only its hash is kept; the acknowledgement carried it.
void queue_update(db::Connection& c, const Case& k, const std::string& province, Instant now);

// Mails up to `limit` queued acknowledgements through `smtp_url`, the link
// made absolute with `base_url`. A sent one forgets its link; a failure is
// retried on later calls, five times at most. Returns the mails sent. Each
// mail is claimed first (for kMailClaim from the claim, migration 0033), so
// that senders in several processes never send one twice; it goes out with no
// transaction open (an SMTP exchange may take seconds, 30 at most) and its
// outcome is written in a transaction of its own. A sender that dies
// mid-send leaves its claim to run out; the mail is tried again then.
// `now` is the time the call starts; the clock moves on from it.
inline constexpr int kMailAttempts = 5;
inline constexpr std::chrono::seconds kMailClaim{120};
int send_acknowledgements(db::Database& db, const std::string& smtp_url, const std::string& from,
                          const std::string& base_url, Instant now, int limit = 20);

// ---- Reading cases ----

std::optional<Case> find_case(db::Connection& c, std::int64_t id);
std::optional<Case> find_by_code(db::Connection& c, std::string_view code);
std::optional<Case> find_by_secret(db::Connection& c, std::string_view secret);
std::vector<Event> history(db::Connection& c, std::int64_t case_id);
std::vector<File> files(db::Connection& c, std::int64_t case_id);
struct FileContent {
  File file;
  std::string bytes;
};
std::optional<FileContent> file(db::Connection& c, std::int64_t case_id, std::int64_t file_id);
// Records that an official looked at the file (then it may be previewed).
void mark_checked(db::Connection& c, std::int64_t case_id, std::int64_t file_id, const audit::Entry& who, Instant now);

struct QueueFilter {
  std::vector<std::string> units;  // the responsible units shown
  std::optional<State> state;      // one state, or every open state
  bool include_closed = false;     // with no state: answered, refused and merged too
};
struct QueuePage {
  std::vector<Case> cases;  // most urgent (earliest due) first
  std::int64_t total = 0;
};
QueuePage queue(db::Connection& c, const QueueFilter& f, int offset, int limit);

// ---- Workflow ----

struct Step {
  Action action = Action::comment;
  Actor actor = Actor::officer;
  std::string note;      // transfer, refuse, extend, return_draft: the reason (required); ask: the question
  std::string unit;      // transfer: the receiving unit
  std::string assignee;  // assign: the officer's username
  std::string answer;    // draft: the answer
  int extension_days = 0;
  std::int64_t merge_into = 0;
  bool publish = false;  // approve: publish the answer (when the citizen allowed it)
  std::optional<Rating> rating;
};

// Takes one step (rules.h: transition, refusal) and its effects: assign sets
// the assignee, transfer the unit, ask opens a pause and citizen_reply or
// resume closes it, draft keeps the answer, approve answers (and publishes
// with personal data removed), refuse answers with the legal reason, extend
// lengthens the deadline, merge points at the other case (open, same unit),
// reopen restarts the clock, rate keeps the rating. Recomputes the
// deadline; writes the history, the audit entry and the figure. Throws
// forbidden when the actor may not take the step in the case's state,
// invalid_input for a missing or bad input or a guard's refusal, not_found
// for an unknown case; a refused step changes nothing.
Case act(db::Connection& c, std::int64_t case_id, const Step& step, const std::vector<directory::Unit>& units,
         const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who, Instant now);
Case act(db::Database& db, std::int64_t case_id, const Step& step, const std::vector<directory::Unit>& units,
         const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who, Instant now);

// ---- Published answers ----

struct PublicFilter {
  std::string query;  // words, with or without diacritics
  std::int64_t category_id = 0;
  std::string unit_code;
  std::optional<Date> from, to;  // answered in [from, to], local days
};
struct PublicPage {
  std::vector<Case> cases;  // latest answer first
  std::int64_t total = 0;
};
PublicPage published(db::Connection& c, const PublicFilter& f, int offset, int limit);
// The units with any published answer (the answers page's filter).
std::vector<std::string> publishing_units(db::Connection& c);

// Cases received in [from, to), of the given categories (all when none),
// open or closed (either when unset), latest first, at most `limit`:
// Open311's requests list.
struct RequestFilter {
  Instant from{}, to{};
  std::vector<std::int64_t> categories;
  std::optional<bool> open;
  int limit = 1000;
};
std::vector<Case> requests(db::Connection& c, const RequestFilter& f);

// The cases of `units` that count in [begin, end): received before the end
// and not answered before the beginning (the statistics page).
std::vector<Case> cases_of_period(db::Connection& c, const std::vector<std::string>& units, Instant begin, Instant end);

// Every case's figure, for checking the indicators against the cases.
std::vector<Figure> figures(db::Connection& c);

}  // namespace cchc::feedback
