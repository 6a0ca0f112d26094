#pragma once
// The coordinator's review of the units' task reports (docs/plans.md,
// "Review"): a report is accepted, returned with a reason, or its
// difficulties and proposals answered; the reports waiting, oldest first;
// the reports returned to a unit. The reports themselves are plans'
// (plans/store.h: find_report, write_review, reports_in_review).
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "coordination/model.h"
#include "core/calendar.h"
#include "db/database.h"

namespace cchc::coordination {

// ---- Rules (pure) ----------------------------------------------------------

// The review of a report, a table: each action, the states it may start
// from, the state it leaves and whether it needs a reason. A unit's new or
// changed report is always pending (resubmitting a returned one included).
//
//   action   from                          to         reason
//   accept   pending                       accepted   no
//   return   pending, accepted             returned   yes (1-2,000 characters)
//   answer   pending, accepted, returned   (same)     no (the answers to difficulties and proposals)
struct ReviewStep {
  std::string_view action;
  std::vector<std::string_view> from;
  std::string_view to;  // "" = unchanged
  bool needs_reason = false;
};
const std::vector<ReviewStep>& review_steps();
// The state `action` leaves a report in `state` in; invalid_input for an
// unknown action or a missing or too long reason, conflict when the action
// cannot start from `state`.
std::string review_after(std::string_view state, std::string_view action, std::string_view reason);

// Working days a report made on `made` has waited for its review by
// `today`; 0 when the calendar does not cover both days.
int working_days_waiting(Date made, Date today, const WorkCalendar& calendar);

// ---- Storage ----------------------------------------------------------------

struct ReviewInput {
  std::string action;  // accept | return | answer
  std::string reason;  // why it is returned
  // The answers to the report's difficulties and proposals: with any
  // action; an empty one leaves the stored answer as it is.
  std::string difficulties_answer, proposals_answer;
};
// The coordinator's step on a unit's report of a period: accepted,
// returned with a reason (the unit's officers and leaders are notified,
// with a link to the report form), or its difficulties and proposals
// answered (an answer that changes is notified to them too, with a link to
// the task's reports). Each step is kept in report_events and audited. not_found for
// no such report; conflict when the step cannot start from its state.
Report review_report(db::Connection& c, std::int64_t task_id, const std::string& unit, const std::string& period,
                     const ReviewInput& in, const audit::Entry& who, Instant now);
Report review_report(db::Database& db, std::int64_t task_id, const std::string& unit, const std::string& period,
                     const ReviewInput& in, const audit::Entry& who, Instant now);

// A report waiting for the coordinator, with its task and plan.
using ReviewItem = plans::ReportOnTask;
// Pending reports of issued plans by the units in `within` (nullopt: every
// unit), oldest first, at most `limit`; `period` "" for every period.
using UnitSet = std::optional<std::set<std::string>>;
std::vector<ReviewItem> review_queue(db::Connection& c, const UnitSet& within, const std::string& period = "",
                                     int limit = 500);
int review_queue_size(db::Connection& c, const UnitSet& within);
// The unit's reports the coordinator returned, oldest first.
std::vector<ReviewItem> returned_to(db::Connection& c, const std::string& unit);

}  // namespace cchc::coordination
