#pragma once
// Raising reminders as notifications, and the e-mail digest (docs/plans.md,
// "Reminders"). `cchc plans remind` runs it once a working day (a cron job
// or systemd timer); running it twice on a day raises nothing new and mails
// nothing twice.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "coordination/reminders.h"
#include "db/database.h"

namespace cchc::coordination {

ReminderConfig load_reminder_config(db::Connection& c);

struct RaiseResult {
  bool working_day = true;
  int reminders = 0;      // notices the day raises
  int notifications = 0;  // new notifications stored (one per recipient)
};

// The day's reminders over the issued plans of the day's year and the year
// before, and the reports owed for the periods in play (reminders_on), with
// the tasks' descriptions and the units' names their messages say.
struct DayReminders {
  std::vector<Reminder> reminders;
  ReminderConfig config;
  std::map<std::int64_t, std::string> descriptions;  // task id → description
  std::map<std::string, std::string> names;          // unit code → name
};
DayReminders day_reminders(db::Connection& c, Date day);
// Each of `due`'s reminders becomes a notification for its recipients: the
// lead unit's officers and leaders (notices, overdue, reports), its leaders
// (escalate_leader), the nearest coordinator above the unit
// (escalate_coordinator, directory::coordinators_over); and each open report
// request a unit has not answered, before and after its due day
// (request_reminder), one for the unit. Units with no such user: nobody,
// counted in the result's reminders only. In the caller's transaction;
// audited as one entry.
RaiseResult store_reminders(db::Connection& c, Date day, const DayReminders& due, const audit::Entry& who, Instant now);
// On a working day (reminder_day), day_reminders read then store_reminders
// in one transaction; on another day nothing (working_day false).
RaiseResult raise_reminders(db::Database& db, Date day, const audit::Entry& who, Instant now);

// Stores one notification for a user (a reminder another capability raises
// through this mechanism: feedback's) unless the user already has one for
// the same unit and event; true when it was new. It goes out in the next
// digest like the plans' own.
bool notify(db::Connection& c, std::int64_t user_id, const std::string& kind, const std::string& unit_code,
            const std::string& event, const std::string& message, const std::string& href, Instant at);

// Notifies every active user of `unit` holding one of `roles` (its officers
// and leaders unless told otherwise) of a hand-over (a report returned, a
// request received, …); `event` keys it, so the same event is never stored
// twice for a user. Returns how many were stored.
int notify_unit(db::Connection& c, const std::string& unit, const std::string& kind, const std::string& event,
                const std::string& message, const std::string& href, Instant at,
                const std::set<std::string>& roles = {"unit_officer", "unit_leader"});

struct Notification {
  std::int64_t id = 0;
  std::string kind, message, href;
  Instant created_at{};
  bool read = false;
};
std::vector<Notification> user_notifications(db::Connection& c, std::int64_t user_id, int limit = 200);
int unread_count(db::Connection& c, std::int64_t user_id);
void mark_all_read(db::Connection& c, std::int64_t user_id, Instant now);

struct DigestResult {
  int sent = 0;  // e-mails
  int notifications = 0;
  std::vector<std::string> failures;  // "user: reason"
};
// One e-mail per user with an address and notifications not yet mailed,
// listing them; each sent digest marks its notifications mailed. The mail
// goes out outside any transaction: each digest's mark is a transaction of
// its own, written once that digest was sent.
DigestResult send_digests(db::Database& db, const std::string& smtp_url, const std::string& from,
                          const std::string& base_url, Instant now);

}  // namespace cchc::coordination
