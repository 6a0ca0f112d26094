// Reporting pages: what a unit owes for a period, a task with its report
// form (where the coordinator reviews: coordination/review_routes.cpp), an
// evidence file. A user reports
// only for units of their own subtree that the task names (lead or
// co-operating). The table at the end names every route with its
// permission.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "plans/page_rules.h"
#include "plans/periods.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/rules.h"
#include "plans/store.h"
#include "plans/task_state.h"

namespace cchc::plans {

using nlohmann::json;

namespace report_pages {
namespace {

Date today() { return local_date(now_seconds()); }

std::string role_label(const std::string& role) { return role == "lead" ? "Chủ trì" : "Phối hợp"; }

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
               {"units", unit_options(units_of_user(units, *req.principal, "plans.report"), unit)},
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

// The reports, newest first; `reviews(unit)`: whether the reader reviews
// that unit's reports.
template <class Reviews>
json history_rows(const TaskFacts& f, std::map<std::string, std::string>& names, const Reviews& reviews) {
  json history = json::array();
  for (auto it = f.reports.rbegin(); it != f.reports.rend(); ++it) {
    history.push_back(history_row(*it, period_of_key(f.config, it->period, calendar()), names, reviews(it->unit_code)));
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
  for (const auto& u : units_of_user(f.units, p, "plans.report")) {
    if (task_names(f.task, u.code)) mine.push_back(u);
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

}  // namespace
}  // namespace report_pages

http::Response task_page(Pages& x, http::Request& req, const Report* posted, const json& extra) {
  Date day = report_pages::today();
  auto f = report_pages::task_facts(x.db, req.int_param());
  // The coordinator over the plan's issuing unit reviews its reports.
  bool reviewer = f.plan && may(x.db, req, "plans.review", f.plan->unit_code);
  auto names = names_of(f.units);
  auto state = state_as_of(f.task, f.reports, day);
  const auto& task = f.task;
  // The review's buttons only on the reports of units within the
  // reviewer's reach (the action checks both units).
  std::optional<std::set<std::string>> reviewed;
  if (reviewer) {
    reviewed = x.db.read([&](db::Connection& c) {
      return directory::codes_within(c, directory::reach(*req.principal, "plans.review"));
    });
  }
  auto history = report_pages::history_rows(
      f, names, [&](const std::string& unit) { return reviewer && (!reviewed || reviewed->count(unit) > 0); });
  auto events = report_pages::event_rows(f, names);
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
               {"leads", report_pages::lead_rows(state, names)},
               {"history", history},
               {"no_history", history.empty()},
               {"events", events},
               {"any_events", !events.empty()},
               {"task_id", std::to_string(task.id)},
               {"today", format_date_vi(day)}};
  auto mine = report_pages::reporting_units(f, *req.principal);
  if (!mine.empty() && !task.cancelled_reason && f.plan->status == "issued") {
    data["form"] = report_pages::report_form(f, mine, req, posted, day);
  }
  data.update(extra);
  return http::html(req, x.layout.page(req, "Nhiệm vụ " + task.ref, "plans/task.tpl", data));
}

namespace report_pages {
namespace {

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

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/viec-can-bao-cao", "plans.report", owed_page},
      {http::Verb::post, "/viec-can-bao-cao/khong-doi", "plans.report", report_unchanged},
      {http::Verb::get, "/minh-chung/{id}", "plans.read", evidence},
      {http::Verb::get, "/nhiem-vu/{id}", "plans.read", show_task},
      {http::Verb::post, "/nhiem-vu/{id}/bao-cao", "plans.report", submit, http::upload(1)},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace report_pages

void add_report_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  report_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::plans
