// Reporting pages: what a unit owes for a period, a task with its report
// form, the coordinator's review and the reporting periods. A user reports
// only for units of their own subtree that the task names (lead or
// co-operating). The table at the end names every route with its
// permission.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "plans/notify.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/rules.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace report_pages {
namespace {

Date today() { return local_date(now_seconds()); }

std::string role_label(const std::string& role) { return role == "lead" ? "Chủ trì" : "Phối hợp"; }

std::string progress_label(const std::string& p) {
  if (p == "done") return "Đã hoàn thành";
  if (p == "in_progress") return "Đang thực hiện";
  return "Chưa thực hiện";
}

std::string report_summary(const Report& r) { return fmt::format("{}, {} %", progress_label(r.progress), r.percent); }

std::string event_label(const std::string& e) {
  if (e == "submitted") return "Gửi báo cáo";
  if (e == "resubmitted") return "Gửi lại sau khi sửa";
  if (e == "accepted") return "Chấp nhận";
  if (e == "returned") return "Trả lại";
  if (e == "answered") return "Trả lời khó khăn, đề xuất";
  return e;
}

std::string owed_href(const std::string& period, const std::string& unit) {
  return fmt::format("/viec-can-bao-cao?ky={}&don-vi={}", http::url_encode(period), http::url_encode(unit));
}

std::string periods_href(int year) { return fmt::format("/ky-bao-cao?nam={}&da-luu=1", year); }

std::string trimmed(const http::Request& req, const std::string& name) {
  return std::string(text::trim(req.form_param(name).value_or("")));
}

// ---- What a unit owes for a period -----------------------------------------------------------

json owed_row(const Owed& o, const std::string& unit, const PeriodOfYear& period) {
  json row = {{"task_id", std::to_string(o.task.id)},
              {"ref", o.task.ref},
              {"plan", o.plan_number},
              {"description", o.task.description},
              {"href", fmt::format("/nhiem-vu/{}?don-vi={}&ky={}", o.task.id, http::url_encode(unit),
                                   http::url_encode(period.key))},
              {"role", role_label(o.role)},
              {"role_code", o.role},
              {"deadline", format_deadline(o.task.deadline)},
              {"status", status_label_vi(o.status)},
              {"status_code", status_code(o.status)},
              {"previous", o.previous ? report_summary(*o.previous) : "Chưa có"},
              {"can_repeat", o.previous.has_value() && !o.current.has_value()}};
  if (o.current) {
    row["current"] = {{"summary", report_summary(*o.current)},     {"at", format_datetime_vi(o.current->reported_at)},
                      {"late", reported_late(*o.current, period)}, {"review", review_label_vi(o.current->review)},
                      {"review_code", o.current->review},          {"returned", o.current->review == "returned"},
                      {"reason", o.current->review_note}};
  }
  return row;
}

http::Response owed_page(Pages& x, http::Request& req) {
  Date day = today();
  std::vector<UnitRow> units;
  std::vector<ReportPeriod> config;
  x.db.read([&](db::Connection& c) {
    units = unit_rows(c);
    config = load_report_periods(c);
  });
  auto unit = req.query_param("don-vi").value_or(req.principal->unit_code);
  require(x.db, req, "plans.report", unit);
  auto k = req.query_param("ky");
  auto period = k && !k->empty() ? period_of_key(config, *k, calendar()) : current_period(config, day, calendar());
  auto owed = x.db.read([&](db::Connection& c) { return owed_by(c, unit, period, day); });
  auto names = names_of(units);
  json rows = json::array();
  auto count = count_owed(owed);
  for (const auto& o : owed) rows.push_back(owed_row(o, unit, period));
  bool past_due = std::chrono::sys_days{day} > std::chrono::sys_days{period.due};
  json data = {{"csrf", csrf_token(req)},
               {"period",
                {{"key", period.key},
                 {"label", period.label},
                 {"due", format_date_vi(period.due)},
                 {"first", format_date_vi(period.first)},
                 {"last", format_date_vi(period.last)}}},
               {"past_due", past_due},
               {"unit", {{"code", unit}, {"name", names[unit]}}},
               {"units", unit_options(units_of_user(units, *req.principal), unit)},
               {"periods", period_options(config, int(day.year()), day, period.key)},
               {"rows", rows},
               {"none", rows.empty()},
               {"unit_code", unit},
               {"period_key", period.key},
               {"owed", text::format_int(count.owed)},
               {"reported", text::format_int(count.made)},
               {"missing", text::format_int(count.missing())},
               {"contributions", text_section(count.contributions ? text::format_int(count.contributions) : "")}};
  if (req.query_param("da-bao-cao")) data["notice"] = true;
  return http::html(req, x.layout.page(req, "Việc cần báo cáo", "plans/owed.tpl", data));
}

// "No change since last period", in one action.
http::Response report_unchanged(Pages& x, http::Request& req) {
  auto task = req.form_param("nhiem_vu").value_or("");
  auto id = id_of_text(task);
  if (!id) throw invalid_input("bad task id", "Nhiệm vụ không hợp lệ.");
  Report r;
  r.task_id = *id;
  r.unit_code = req.form_param("don_vi").value_or("");
  r.period = req.form_param("ky").value_or("");
  r.role = req.form_param("vai_tro").value_or("lead");
  r.unchanged = true;
  require(x.db, req, "plans.report", r.unit_code);
  submit_report(x.db, r, directory::actor(req), now_seconds());
  return http::redirect(req, owed_href(r.period, r.unit_code) + "&da-bao-cao=" + task + "#nv-" + task);
}

// An evidence file, to whoever may read plans.
http::Response evidence(Pages& x, http::Request& req) {
  auto file = x.db.read([&](db::Connection& c) { return find_evidence_file(c, req.int_param()); });
  if (!file) throw not_found("no such file", "Không tìm thấy tệp minh chứng.");
  return http::attachment(req, file->content_type, std::move(file->content), file->filename);
}

// ---- The signed-in user's notifications (reminders and escalations) ------------------------

http::Response notifications(Pages& x, http::Request& req) {
  auto list = x.db.read([&](db::Connection& c) { return user_notifications(c, req.principal->id); });
  json rows = json::array();
  int unread = 0;
  for (const auto& n : list) {
    unread += n.read ? 0 : 1;
    rows.push_back(
        {{"message", n.message}, {"href", n.href}, {"at", format_datetime_vi(n.created_at)}, {"unread", !n.read}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"rows", rows},
               {"none", rows.empty()},
               {"unread", text::format_int(unread)},
               {"any_unread", unread > 0}};
  return http::html(req, x.layout.page(req, "Thông báo", "plans/notifications.tpl", data));
}

http::Response mark_read(Pages& x, http::Request& req) {
  mark_all_read(x.db, req.principal->id, now_seconds());
  return http::redirect(req, "/thong-bao");
}

// ---- A task: its state, report history and the report form ------------------------------------

// What the task page shows, read in one go.
struct TaskFacts {
  Task task;
  std::optional<Plan> plan;
  std::vector<Report> reports;
  std::vector<ReportEvent> events;
  std::vector<UnitRow> units;
  std::vector<ReportPeriod> config;
};

TaskFacts task_facts(db::Database& db, std::int64_t id) {
  std::optional<Task> task;
  TaskFacts f;
  db.read([&](db::Connection& c) {
    task = find_task(c, id);
    if (!task) return;
    f.plan = find_plan(c, task->plan_id);
    f.reports = task_reports(c, id);
    f.events = task_report_events(c, id);
    f.units = unit_rows(c);
    f.config = load_report_periods(c);
  });
  if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
  f.task = std::move(*task);
  return f;
}

json lead_rows(const TaskState& state, std::map<std::string, std::string>& names) {
  json leads = json::array();
  for (const auto& a : state.leads) {
    leads.push_back({{"unit", names[a.unit_code]},
                     {"status", status_label_vi(a.status)},
                     {"status_code", status_code(a.status)},
                     {"percent", std::to_string(a.percent) + " %"},
                     {"done_on", a.done_on ? format_date_vi(*a.done_on) : "—"}});
  }
  return leads;
}

json history_row(const Report& r, const PeriodOfYear& p, std::map<std::string, std::string>& names, bool reviewer) {
  json evidence = json::array();
  std::string line;
  for (std::istringstream in(r.evidence); std::getline(in, line);) {
    if (!line.empty()) evidence.push_back({{"href", line}});
  }
  return {{"period", p.label},
          {"unit", names[r.unit_code]},
          {"role", role_label(r.role)},
          {"progress", progress_label(r.progress)},
          {"percent", std::to_string(r.percent) + " %"},
          {"done_on", text_section(r.done_on ? format_date_vi(*r.done_on) : "")},
          {"narrative", r.narrative},
          {"evidence", evidence},
          {"unchanged", r.unchanged},
          {"at", format_datetime_vi(r.reported_at)},
          {"by", r.reported_by},
          {"late", reported_late(r, p)},
          {"review", review_label_vi(r.review)},
          {"review_code", r.review},
          {"review_note", text_section(r.review_note)},
          {"counted", r.counted},
          {"difficulties", text_section(r.difficulties)},
          {"proposals", text_section(r.proposals)},
          {"difficulties_answer", text_section(r.difficulties_answer)},
          {"proposals_answer", text_section(r.proposals_answer)},
          {"unit_code", r.unit_code},
          {"period_key", r.period},
          {"can_accept", reviewer && r.review == "pending"},
          {"can_return", reviewer && r.review != "returned"},
          {"can_answer", reviewer && (!r.difficulties.empty() || !r.proposals.empty())},
          {"reviewer", reviewer}};
}

// The reports, newest first.
json history_rows(const TaskFacts& f, std::map<std::string, std::string>& names, bool reviewer) {
  json history = json::array();
  for (auto it = f.reports.rbegin(); it != f.reports.rend(); ++it) {
    history.push_back(history_row(*it, period_of_key(f.config, it->period, calendar()), names, reviewer));
  }
  return history;
}

json event_rows(const TaskFacts& f, std::map<std::string, std::string>& names) {
  json events = json::array();
  for (const auto& e : f.events) {
    events.push_back({{"at", format_datetime_vi(e.at)},
                      {"unit", names[e.unit_code]},
                      {"period", period_of_key(f.config, e.period, calendar()).label},
                      {"event", event_label(e.event)},
                      {"note", e.note}});
  }
  return events;
}

// The units of the task the user may report for.
std::vector<UnitRow> reporting_units(const TaskFacts& f, const http::Principal& p) {
  std::vector<UnitRow> mine;
  for (const auto& u : units_of_user(f.units, p)) {
    if (task_names(f.task, u.code) && directory::holds(p, "plans.report")) mine.push_back(u);
  }
  return mine;
}

// The report form for one of `mine`: what was posted (`posted`), else the
// unit's report of the period, else its latest.
json report_form(const TaskFacts& f, const std::vector<UnitRow>& mine, const http::Request& req, const Report* posted,
                 Date day) {
  auto selected_unit = req.query_param("don-vi").value_or(posted ? posted->unit_code : mine.front().code);
  auto k = req.query_param("ky");
  auto period_key = posted ? posted->period : k ? *k : current_period(f.config, day, calendar()).key;
  Report prefill = posted ? *posted : report_prefill(f.reports, selected_unit, period_key);
  json form = {{"units", unit_options(mine, selected_unit)},
               {"periods", period_options(f.config, f.plan->year + 1, day, period_key)},
               {"not_started", prefill.progress == "not_started"},
               {"in_progress", prefill.progress == "in_progress"},
               {"done", prefill.progress == "done"},
               {"percent", std::to_string(prefill.percent)},
               {"done_on", prefill.done_on ? format_date_vi(*prefill.done_on) : ""},
               {"narrative", prefill.narrative},
               {"evidence", prefill.evidence},
               {"difficulties", prefill.difficulties},
               {"proposals", prefill.proposals}};
  // The coordinator's reason, when the unit's report of this period was returned.
  for (const auto& r : f.reports) {
    if (r.unit_code == selected_unit && r.period == period_key && r.review == "returned" && !posted) {
      form["returned"] = {{"reason", r.review_note}};
    }
  }
  return form;
}

// The task page; `posted` is the report form as sent, `extra` what a
// refusal adds ({"error": …}).
http::Response task_page(Pages& x, http::Request& req, const Report* posted, const json& extra) {
  Date day = today();
  auto f = task_facts(x.db, req.int_param());
  bool reviewer = directory::holds(*req.principal, "plans.review");
  auto names = names_of(f.units);
  auto state = state_as_of(f.task, f.reports, day);
  const auto& task = f.task;
  auto history = history_rows(f, names, reviewer);
  auto events = event_rows(f, names);
  json data = {{"csrf", csrf_token(req)},
               {"task",
                {{"id", std::to_string(task.id)},
                 {"ref", task.ref},
                 {"description", task.description},
                 {"objective", task.objective},
                 {"output", task.output},
                 {"deadline", format_deadline(task.deadline)},
                 {"leads", names_text(task.leads, names)},
                 {"cooperates", task.cooperates.empty() ? "—" : names_text(task.cooperates, names)},
                 {"status", status_label_vi(state.status)},
                 {"status_code", status_code(state.status)},
                 {"percent", std::to_string(state.percent) + " %"},
                 {"cancelled", task.cancelled_reason.value_or("")}}},
               {"plan", {{"id", std::to_string(f.plan->id)}, {"number", f.plan->number}}},
               {"leads", lead_rows(state, names)},
               {"history", history},
               {"no_history", history.empty()},
               {"events", events},
               {"any_events", !events.empty()},
               {"task_id", std::to_string(task.id)},
               {"today", format_date_vi(day)}};
  auto mine = reporting_units(f, *req.principal);
  if (!mine.empty() && !task.cancelled_reason && f.plan->status == "issued") {
    data["form"] = report_form(f, mine, req, posted, day);
  }
  data.update(extra);
  return http::html(req, x.layout.page(req, "Nhiệm vụ " + task.ref, "plans/task.tpl", data));
}

http::Response show_task(Pages& x, http::Request& req) { return task_page(x, req, nullptr, json::object()); }

// The report form's fields that are taken as typed.
Report report_from_form(const http::Request& req) {
  Report r;
  r.task_id = req.int_param();
  r.unit_code = req.form_param("don_vi").value_or("");
  r.period = req.form_param("ky").value_or("");
  r.progress = req.form_param("tinh_trang").value_or("");
  r.narrative = req.form_param("noi_dung").value_or("");
  r.evidence = req.form_param("minh_chung").value_or("");
  r.difficulties = req.form_param("kho_khan").value_or("");
  r.proposals = req.form_param("de_xuat").value_or("");
  return r;
}

http::Response submit(Pages& x, http::Request& req) {
  Report r = report_from_form(req);
  require(x.db, req, "plans.report", r.unit_code);
  return http::refusing(
      [&] {
        r.percent = report_percent(req.form_param("ty_le").value_or("0"));
        r.done_on = report_done_on(r.progress, req.form_param("ngay_hoan_thanh").value_or(""), today());
        auto task = x.db.read([&](db::Connection& c) { return find_task(c, r.task_id); });
        if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
        r.role = report_role(*task, r.unit_code);
        auto file = evidence_file(req, "tep_minh_chung");
        submit_report(x.db, r, directory::actor(req), now_seconds(), file ? &*file : nullptr);
        return http::redirect(req, owed_href(r.period, r.unit_code) + "&da-bao-cao=" + std::to_string(r.task_id));
      },
      [&](const http::Refusal& refused) {
        return task_page(x, req, &r, {{"error", refused.json()}});
      });
}

// ---- The coordinator's review: accept, return with a reason, answer ---------------------------

http::Response review(Pages& x, http::Request& req) {
  auto id = req.int_param();
  auto unit = req.form_param("don_vi").value_or("");
  auto period = req.form_param("ky").value_or("");
  ReviewInput in{req.form_param("thao_tac").value_or(""), req.form_param("ly_do").value_or(""),
                 req.form_param("tra_loi_kho_khan").value_or(""), req.form_param("tra_loi_de_xuat").value_or("")};
  require(x.db, req, "plans.review", unit);
  return http::refusing(
      [&] {
        review_report(x.db, id, unit, period, in, directory::actor(req), now_seconds());
        if (req.form_param("tiep").value_or("") == "hang-doi") {
          return http::redirect(
              req, "/duyet-bao-cao?ky=" + http::url_encode(req.form_param("loc_ky").value_or("")) + "&da-duyet=1");
        }
        return http::redirect(req, fmt::format("/nhiem-vu/{}?da-duyet=1#bao-cao", id));
      },
      [&](const http::Refusal& refused) {
        return task_page(x, req, nullptr, {{"error", refused.json()}});
      });
}

// Reports waiting for the coordinator, oldest first.
json review_row(const ReviewItem& it, const std::vector<ReportPeriod>& config,
                std::map<std::string, std::string>& names, Date day) {
  const auto& r = it.report;
  return {{"task_id", std::to_string(r.task_id)},
          {"href", fmt::format("/nhiem-vu/{}?don-vi={}&ky={}#bao-cao", r.task_id, http::url_encode(r.unit_code),
                               http::url_encode(r.period))},
          {"task", it.task.ref + ". " + it.task.description},
          {"plan", it.plan_number},
          {"unit", names[r.unit_code]},
          {"unit_code", r.unit_code},
          {"period", period_of_key(config, r.period, calendar()).label},
          {"period_key", r.period},
          {"summary", report_summary(r)},
          {"at", format_datetime_vi(r.reported_at)},
          {"waiting", text::format_int(working_days_waiting(local_date(r.reported_at), day, calendar()))},
          {"raised", !r.difficulties.empty() || !r.proposals.empty()}};
}

http::Response review_queue_page(Pages& x, http::Request& req) {
  Date day = today();
  std::vector<ReviewItem> items;
  std::vector<UnitRow> units;
  std::vector<ReportPeriod> config;
  int total = 0;
  auto period = req.query_param("ky").value_or("");
  x.db.read([&](db::Connection& c) {
    config = load_report_periods(c);
    if (!period.empty()) period_of_key(config, period, calendar());  // refuses an unknown period
    items = review_queue(c, period);
    total = review_queue_size(c);
    units = unit_rows(c);
  });
  auto names = names_of(units);
  json rows = json::array();
  for (const auto& it : items) rows.push_back(review_row(it, config, names, day));
  json data = {{"csrf", csrf_token(req)},
               {"rows", rows},
               {"none", rows.empty()},
               {"shown", text::format_int(std::int64_t(rows.size()))},
               {"total", text::format_int(total)},
               {"period_key_filter", period},
               {"periods", period_options(config, int(day.year()), day, period)},
               {"notice", req.query_param("da-duyet").has_value()}};
  return http::html(req, x.layout.page(req, "Duyệt báo cáo nhiệm vụ", "plans/review_queue.tpl", data));
}

// ---- The reporting periods of a year and their due days (the coordinator) ----------------------

json period_rows(const std::vector<ReportPeriod>& config, int year) {
  json rows = json::array();
  for (const auto& p : periods_of_year(config, year, calendar())) {
    auto own = std::find_if(config.begin(), config.end(),
                            [&](const auto& x) { return p.key == fmt::format("{}-{}", year, x.code); });
    bool set = own != config.end() && own->due_in.count(year);
    auto plain = *own;
    plain.due_in.clear();
    rows.push_back({{"code", own->code},
                    {"label", p.label},
                    {"first", format_date_vi(p.first)},
                    {"last", format_date_vi(p.last)},
                    {"due", set ? format_date_vi(own->due_in.at(year)) : ""},
                    {"default_due", format_date_vi(periods_of_year({plain}, year, calendar()).front().due)},
                    {"effective", format_date_vi(p.due)},
                    {"adhoc", p.adhoc}});
  }
  return rows;
}

// The periods page; `error` is a refusal's ({"message": …}), with the
// ad-hoc period's form as typed when it has "name".
http::Response periods_page(Pages& x, http::Request& req, int year, const json& error) {
  auto config = x.db.read([&](db::Connection& c) { return load_report_periods(c); });
  json rows = period_rows(config, year);
  Date day = today();
  json years = json::array();
  for (int y = int(day.year()) + 1; y >= int(day.year()) - 2; --y) {
    years.push_back({{"value", std::to_string(y)}, {"label", fmt::format("Năm {}", y)}, {"selected", y == year}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"year", std::to_string(year)},
               {"years", years},
               {"rows", rows},
               {"notice", req.query_param("da-luu").has_value()}};
  if (!error.is_null()) {
    data["error"] = error;
    if (error.contains("name")) data["typed"] = error;  // the ad-hoc period's form, as typed
  }
  data["any_adhoc"] = std::any_of(rows.begin(), rows.end(), [](const json& r) { return r["adhoc"].get<bool>(); });
  return http::html(req, x.layout.page(req, "Kỳ báo cáo và hạn gửi báo cáo", "plans/periods.tpl", data));
}

http::Response periods(Pages& x, http::Request& req) {
  return periods_page(x, req, page_year(req.query_param("nam").value_or(""), int(today().year())), nullptr);
}

// An ad-hoc period (đột xuất) of a year.
http::Response add_adhoc(Pages& x, http::Request& req) {
  int year = int(today().year());
  return http::refusing(
      [&] {
        auto first = parse_date_input(trimmed(req, "tu_ngay"));
        auto last = parse_date_input(trimmed(req, "den_ngay"));
        auto due = parse_date_input(trimmed(req, "han"));
        year = int(first.year());
        add_adhoc_period(x.db, trimmed(req, "ten"), first, last, due, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) {
        json typed = refused.json();
        typed["name"] = trimmed(req, "ten");
        typed["first"] = trimmed(req, "tu_ngay");
        typed["last"] = trimmed(req, "den_ngay");
        typed["due"] = trimmed(req, "han");
        return periods_page(x, req, year, typed);
      });
}

// An ad-hoc period's removal, while nothing is reported for it.
http::Response remove_adhoc(Pages& x, http::Request& req) {
  auto code = req.params.at("code");
  int year = int(today().year());
  for (const auto& p : x.db.read([&](db::Connection& c) { return load_report_periods(c); })) {
    if (p.code == code && p.only_year) year = *p.only_year;
  }
  return http::refusing(
      [&] {
        remove_adhoc_period(x.db, code, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) { return periods_page(x, req, year, refused.json()); });
}

// The due days of a year's periods ("han_<code>"; blank: the default).
http::Response set_due_days(Pages& x, http::Request& req) {
  int year = page_year(req.form_param("nam").value_or(""), int(today().year()));
  return http::refusing(
      [&] {
        std::map<std::string, std::optional<Date>> due;
        for (const auto& p : x.db.read([&](db::Connection& c) { return load_report_periods(c); })) {
          if (p.only_year && *p.only_year != year) continue;
          auto text = trimmed(req, "han_" + p.code);
          due[p.code] = text.empty() ? std::nullopt : std::optional(parse_date_input(text));
        }
        set_period_days(x.db, year, due, directory::actor(req), now_seconds());
        return http::redirect(req, periods_href(year));
      },
      [&](const http::Refusal& refused) { return periods_page(x, req, year, refused.json()); });
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/viec-can-bao-cao", "plans.report", owed_page},
      {http::Verb::post, "/viec-can-bao-cao/khong-doi", "plans.report", report_unchanged},
      {http::Verb::get, "/minh-chung/{id}", "plans.read", evidence},
      {http::Verb::get, "/thong-bao", "signed_in", notifications},
      {http::Verb::post, "/thong-bao/da-doc", "signed_in", mark_read},
      {http::Verb::get, "/nhiem-vu/{id}", "plans.read", show_task},
      {http::Verb::post, "/nhiem-vu/{id}/bao-cao", "plans.report", submit, http::upload(1)},
      {http::Verb::get, "/ky-bao-cao", "plans.review", periods},
      {http::Verb::post, "/ky-bao-cao/dot-xuat", "plans.review", add_adhoc},
      {http::Verb::post, "/ky-bao-cao/dot-xuat/{code}/xoa", "plans.review", remove_adhoc},
      {http::Verb::post, "/ky-bao-cao", "plans.review", set_due_days},
      {http::Verb::post, "/nhiem-vu/{id}/duyet", "plans.review", review},
      {http::Verb::get, "/duyet-bao-cao", "plans.review", review_queue_page},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace report_pages

void add_report_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  report_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::plans
