#include "coordination/notify.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "coordination/requests.h"
#include "core/calendar.h"
#include "core/mail.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/read.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::coordination {

namespace {

int setting_int(db::Connection& c, const char* key, int fallback) {
  auto rows = c.query("SELECT value FROM settings WHERE key = ?", {key});
  if (rows.empty()) return fallback;
  try {
    return std::stoi(rows.rows[0].str("value"));
  } catch (const std::exception&) {
    return fallback;
  }
}

// The value of `key` in `m`, or "" (a task or unit read apart from the notices).
template <class K>
std::string at_or_empty(const std::map<K, std::string>& m, const K& key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

}  // namespace

ReminderConfig load_reminder_config(db::Connection& c) {
  ReminderConfig config;
  auto rows = c.query("SELECT value FROM settings WHERE key = 'plans.reminder_days'");
  if (!rows.empty()) {
    config.days_before.clear();
    std::string v = rows.rows[0].str("value");
    size_t start = 0;
    while (start <= v.size()) {
      auto comma = v.find(',', start);
      auto piece = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      try {
        int n = std::stoi(piece);
        if (n > 0 && n <= 60) config.days_before.push_back(n);
      } catch (const std::exception&) {}
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  config.leader_after = setting_int(c, "plans.escalate_leader_after", config.leader_after);
  config.coordinator_after = setting_int(c, "plans.escalate_coordinator_after", config.coordinator_after);
  return config;
}

DayReminders day_reminders(db::Connection& c, Date day) {
  const auto& cal = WorkCalendar::vietnam();
  DayReminders d;
  std::vector<TaskState> states;
  std::vector<OwedReport> owed;
  d.config = load_reminder_config(c);
  for (const auto& u : plans::unit_rows(c)) d.names[u.code] = u.name;
  int y = int(day.year());
  for (int year : {y - 1, y}) {
    std::set<std::int64_t> issued;
    for (const auto& p : plans::list_plans(c, year)) {
      if (p.status == "issued") issued.insert(p.id);
    }
    for (auto& s : plans::states_as_of(plans::year_tasks(c, year), day)) {
      if (issued.count(s.task.plan_id)) states.push_back(std::move(s));
    }
  }
  // Reports owed for the periods in play (the current one, the one just
  // past, the ad-hoc ones), by each lead unit.
  std::set<std::string> leads;
  for (const auto& s : states) leads.insert(s.task.leads.begin(), s.task.leads.end());
  for (const auto& period : plans::periods_in_play(plans::load_report_periods(c), day, cal)) {
    for (const auto& unit : leads) {
      for (const auto& o : plans::owed_by(c, unit, period, day)) {
        if (plans::report_owed(o))
          owed.push_back({unit, o.task.id, period.key, period.due, o.current.has_value(), period.label});
      }
    }
  }
  d.reminders = reminders_on(day, states, owed, d.config, cal);
  for (const auto& s : states) d.descriptions[s.task.id] = s.task.description;
  return d;
}

RaiseResult store_reminders(db::Connection& c, Date day, const DayReminders& due, const audit::Entry& who,
                            Instant now) {
  const auto& cal = WorkCalendar::vietnam();
  RaiseResult out;
  out.reminders = int(due.reminders.size());
  const std::int64_t t = now.time_since_epoch().count();
  for (const auto& r : due.reminders) {
    std::vector<std::int64_t> recipients;
    switch (r.kind) {
      case Reminder::Kind::escalate_leader: recipients = directory::active_user_ids(c, r.unit, {"unit_leader"}); break;
      case Reminder::Kind::escalate_coordinator: recipients = directory::coordinators_over(c, r.unit); break;
      default: recipients = directory::active_user_ids(c, r.unit, {"unit_officer", "unit_leader"});
    }
    auto message = message_vi(r, at_or_empty(due.descriptions, r.task_id), at_or_empty(due.names, r.unit));
    auto href = r.period.empty() ? fmt::format("/nhiem-vu/{}", r.task_id)
                                 : fmt::format("/viec-can-bao-cao?don-vi={}&ky={}", r.unit, r.period);
    auto event = r.event(day);
    for (auto user : recipients) {
      if (!c.query("SELECT 1 FROM notifications WHERE user_id = ? AND task_id = ? AND unit_code = ? AND event = ?",
                   {user, r.task_id, r.unit, event})
               .empty()) {
        continue;
      }
      c.query(
          "INSERT INTO notifications (user_id, kind, task_id, unit_code, period, event, message, href, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {user, kind_code(r.kind), r.task_id, r.unit, r.period, event, message, href, t});
      ++out.notifications;
    }
  }
  // Report requests not answered: before and after their due day.
  for (const auto& request : list_requests(c)) {
    if (request.status != "open") continue;
    auto key = request_reminder(request.due, day, due.config.days_before, cal);
    if (!key) continue;
    bool after = key->starts_with("after");
    for (const auto& a : request_answers(c, request.id)) {
      if (a.state != "none" && a.state != "returned") continue;
      ++out.reminders;
      out.notifications +=
          notify_unit(c, a.unit_code, "request", fmt::format("request:{}:{}", request.id, *key),
                      fmt::format("{} yêu cầu báo cáo \"{}\" (hạn {})", after ? "Đã quá hạn" : "Sắp đến hạn",
                                  text::cut_utf8(request.title, 200), format_date_vi(request.due)),
                      fmt::format("/yeu-cau-bao-cao/{}", request.id), now);
    }
  }
  audit::Entry e = who;
  e.action = "remind";
  e.entity = "notifications";
  e.entity_id = format_iso_date(day);
  e.after_json = nlohmann::json{{"reminders", out.reminders}, {"notifications", out.notifications}}.dump();
  audit::append(c, e, now);
  return out;
}

RaiseResult raise_reminders(db::Database& db, Date day, const audit::Entry& who, Instant now) {
  if (!reminder_day(day, WorkCalendar::vietnam())) return RaiseResult{false, 0, 0};
  auto due = db.read([&](db::Connection& c) { return day_reminders(c, day); });
  return db.write([&](db::Connection& c) { return store_reminders(c, day, due, who, now); });
}

bool notify(db::Connection& c, std::int64_t user_id, const std::string& kind, const std::string& unit_code,
            const std::string& event, const std::string& message, const std::string& href, Instant at) {
  if (!c.query("SELECT 1 FROM notifications WHERE user_id = ? AND task_id IS NULL AND unit_code = ? AND event = ?",
               {user_id, unit_code, event})
           .empty()) {
    return false;
  }
  c.query(
      "INSERT INTO notifications (user_id, kind, unit_code, event, message, href, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {user_id, kind, unit_code, event, message, href, at});
  return true;
}

int notify_unit(db::Connection& c, const std::string& unit, const std::string& kind, const std::string& event,
                const std::string& message, const std::string& href, Instant at, const std::set<std::string>& roles) {
  int n = 0;
  for (auto user : directory::active_user_ids(c, unit, roles))
    n += notify(c, user, kind, unit, event, message, href, at);
  return n;
}

std::vector<Notification> user_notifications(db::Connection& c, std::int64_t user_id, int limit) {
  static const db::Columns<Notification> row{
      {"id", &Notification::id},
      {"kind", &Notification::kind},
      {"message", &Notification::message},
      {"href", &Notification::href},
      {"created_at", &Notification::created_at},
      {"read_at", [](const db::Row& r, Notification& n) { n.read = !r.is_null("read_at"); }},
  };
  return row.read_all(c.query(fmt::format("SELECT {} FROM notifications WHERE user_id = ? "
                                          "ORDER BY created_at DESC, id DESC LIMIT ?",
                                          row.list()),
                              {user_id, limit}));
}

int unread_count(db::Connection& c, std::int64_t user_id) {
  return int(c.query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id})
                 .one()
                 .i64("n"));
}

void mark_all_read(db::Connection& c, std::int64_t user_id, Instant now) {
  // No audit entry (reading is not a change of record), but pages may show
  // what is unread: the signed-in pages kept are renewed.
  if (c.query("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
              {std::int64_t(now.time_since_epoch().count()), user_id})
          .affected > 0) {
    audit::changed(c);
  }
}

DigestResult send_digests(db::Database& db, const std::string& smtp_url, const std::string& from,
                          const std::string& base_url, Instant now) {
  struct Pending {
    std::string email, name;
    std::vector<std::int64_t> ids;
    std::string lines;
  };
  std::map<std::int64_t, Pending> pending;
  db.read([&](db::Connection& c) {
    auto contacts = directory::mail_contacts(c);
    for (const auto& r : c.query("SELECT id, user_id, message, href FROM notifications WHERE emailed_at IS NULL "
                                 "ORDER BY user_id, created_at, id")
                             .rows) {
      auto contact = contacts.find(r.i64("user_id"));
      if (contact == contacts.end()) continue;
      auto& p = pending[r.i64("user_id")];
      p.email = contact->second.email;
      p.name = contact->second.display_name;
      p.ids.push_back(r.i64("id"));
      p.lines += "- " + r.str("message") + "\n  " + base_url + r.str("href") + "\n";
    }
  });
  DigestResult out;
  for (const auto& entry : pending) {
    const auto& p = entry.second;  // named, not bound: the write below captures it (clang 14)
    mail::Message m{from, p.email, fmt::format("[CCHC] {} nhắc việc về nhiệm vụ cải cách hành chính", p.ids.size()),
                    fmt::format("Kính gửi {},\n\nHệ thống quản lý cải cách hành chính xin nhắc các việc sau:\n\n{}\n"
                                "Xem và báo cáo tại {}/viec-can-bao-cao.\n\nĐây là thư tự động, xin không trả lời.\n",
                                p.name, p.lines, base_url)};
    try {
      mail::send(smtp_url, m, now);
    } catch (const Error& e) {
      out.failures.push_back(fmt::format("{}: {}", p.email, e.what()));
      continue;
    }
    db.write([&](db::Connection& c) {
      for (auto id : p.ids) {
        c.query("UPDATE notifications SET emailed_at = ? WHERE id = ?",
                {std::int64_t(now.time_since_epoch().count()), id});
      }
    });
    ++out.sent;
    out.notifications += int(p.ids.size());
  }
  return out;
}

}  // namespace cchc::coordination
