// Reporting pages: what a unit owes for a period, and a task with its
// report form. A user reports only for units of their own subtree that the
// task names (lead or co-operating).
#include <fmt/format.h>

#include <sstream>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/session.h"
#include "plans/notify.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

std::string role_label(const std::string& role) { return role == "lead" ? "Chủ trì" : "Phối hợp"; }

std::string progress_label(const std::string& p) {
  if (p == "done") return "Đã hoàn thành";
  if (p == "in_progress") return "Đang thực hiện";
  return "Chưa thực hiện";
}

bool reported_late(const Report& r, const PeriodOfYear& p) {
  return std::chrono::sys_days{local_date(r.reported_at)} > std::chrono::sys_days{p.due};
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

}  // namespace

void add_report_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  // ---- What a unit owes for a period.
  router.add(http::Verb::get, "/viec-can-bao-cao", "plans.report", [&db, &layout](http::Request& req) {
    Date today = local_date(now_seconds());
    std::vector<UnitRow> units;
    std::vector<ReportPeriod> config;
    db.read([&](db::Connection& c) {
      units = unit_rows(c);
      config = load_report_periods(c);
    });
    auto unit = req.query_param("don-vi").value_or(req.principal->unit_code);
    require(db, req, "plans.report", unit);
    auto k = req.query_param("ky");
    auto period = k && !k->empty() ? period_of_key(config, *k, calendar()) : current_period(config, today, calendar());
    auto owed = db.read([&](db::Connection& c) { return owed_by(c, unit, period, today); });
    auto names = names_of(units);
    json rows = json::array();
    auto count = count_owed(owed);
    for (const auto& o : owed) {
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
        row["current"] = {
            {"summary", report_summary(*o.current)},     {"at", format_datetime_vi(o.current->reported_at)},
            {"late", reported_late(*o.current, period)}, {"review", review_label_vi(o.current->review)},
            {"review_code", o.current->review},          {"returned", o.current->review == "returned"},
            {"reason", o.current->review_note}};
      }
      rows.push_back(row);
    }
    bool past_due = std::chrono::sys_days{today} > std::chrono::sys_days{period.due};
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"period",
                  {{"key", period.key},
                   {"label", period.label},
                   {"due", format_date_vi(period.due)},
                   {"first", format_date_vi(period.first)},
                   {"last", format_date_vi(period.last)}}},
                 {"past_due", past_due},
                 {"unit", {{"code", unit}, {"name", names[unit]}}},
                 {"units", unit_options(units_of_user(units, *req.principal), unit)},
                 {"periods", period_options(config, int(today.year()), today, period.key)},
                 {"rows", rows},
                 {"none", rows.empty()},
                 {"unit_code", unit},
                 {"period_key", period.key},
                 {"owed", text::format_int(count.owed)},
                 {"reported", text::format_int(count.made)},
                 {"missing", text::format_int(count.missing())},
                 {"contributions", text_section(count.contributions ? text::format_int(count.contributions) : "")}};
    if (req.query_param("da-bao-cao")) data["notice"] = true;
    return http::html(req, layout.page(req, "Việc cần báo cáo", "plans/owed.tpl", data));
  });

  // ---- "No change since last period", in one action.
  router.add(http::Verb::post, "/viec-can-bao-cao/khong-doi", "plans.report", [&db](http::Request& req) {
    Report r;
    auto task = req.form_param("nhiem_vu").value_or("");
    if (task.empty() || task.size() > 12 || task.find_first_not_of("0123456789") != std::string::npos) {
      throw invalid_input("bad task id", "Nhiệm vụ không hợp lệ.");
    }
    r.task_id = std::stoll(task);
    r.unit_code = req.form_param("don_vi").value_or("");
    r.period = req.form_param("ky").value_or("");
    r.role = req.form_param("vai_tro").value_or("lead");
    r.unchanged = true;
    require(db, req, "plans.report", r.unit_code);
    submit_report(db, r, directory::actor(req), now_seconds());
    return http::redirect(req, owed_href(r.period, r.unit_code) + "&da-bao-cao=" + task + "#nv-" + task);
  });

  // ---- An evidence file, to whoever may read plans.
  router.add(http::Verb::get, "/minh-chung/{id}", "plans.read", [&db](http::Request& req) {
    auto file = db.read([&](db::Connection& c) { return find_evidence_file(c, req.int_param()); });
    if (!file) throw not_found("no such file", "Không tìm thấy tệp minh chứng.");
    return http::attachment(req, file->content_type, std::move(file->content), file->filename);
  });

  // ---- The signed-in user's notifications (reminders and escalations).
  router.add(http::Verb::get, "/thong-bao", "signed_in", [&db, &layout](http::Request& req) {
    auto list = db.read([&](db::Connection& c) { return user_notifications(c, req.principal->id); });
    json rows = json::array();
    int unread = 0;
    for (const auto& n : list) {
      unread += n.read ? 0 : 1;
      rows.push_back(
          {{"message", n.message}, {"href", n.href}, {"at", format_datetime_vi(n.created_at)}, {"unread", !n.read}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"rows", rows},
                 {"none", rows.empty()},
                 {"unread", text::format_int(unread)},
                 {"any_unread", unread > 0}};
    return http::html(req, layout.page(req, "Thông báo", "plans/notifications.tpl", data));
  });
  router.add(http::Verb::post, "/thong-bao/da-doc", "signed_in", [&db](http::Request& req) {
    mark_all_read(db, req.principal->id, now_seconds());
    return http::redirect(req, "/thong-bao");
  });

  // ---- A task: its state, report history and the report form.
  auto task_page = [&db, &layout](http::Request& req, const Report* form_values, json extra, http::Status status) {
    auto id = req.int_param();
    Date today = local_date(now_seconds());
    std::optional<Task> task;
    std::optional<Plan> plan;
    std::vector<Report> reports;
    std::vector<ReportEvent> report_events;
    std::vector<UnitRow> units;
    std::vector<ReportPeriod> config;
    bool reviewer = directory::holds(*req.principal, "plans.review");
    db.read([&](db::Connection& c) {
      task = find_task(c, id);
      if (!task) return;
      plan = find_plan(c, task->plan_id);
      reports = task_reports(c, id);
      report_events = task_report_events(c, id);
      units = unit_rows(c);
      config = load_report_periods(c);
    });
    if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
    auto names = names_of(units);
    auto state = state_as_of(*task, reports, today);

    json leads = json::array();
    for (const auto& a : state.leads) {
      leads.push_back({{"unit", names[a.unit_code]},
                       {"status", status_label_vi(a.status)},
                       {"status_code", status_code(a.status)},
                       {"percent", std::to_string(a.percent) + " %"},
                       {"done_on", a.done_on ? format_date_vi(*a.done_on) : "—"}});
    }
    json history = json::array();
    for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
      const auto& r = *it;
      PeriodOfYear p = period_of_key(config, r.period, calendar());
      json evidence = json::array();
      std::string line;
      for (std::istringstream in(r.evidence); std::getline(in, line);) {
        if (!line.empty()) evidence.push_back({{"href", line}});
      }
      history.push_back({{"period", p.label},
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
                         {"reviewer", reviewer}});
    }
    json events = json::array();
    for (const auto& e : report_events) {
      events.push_back({{"at", format_datetime_vi(e.at)},
                        {"unit", names[e.unit_code]},
                        {"period", period_of_key(config, e.period, calendar()).label},
                        {"event", event_label(e.event)},
                        {"note", e.note}});
    }

    // The form: for the units of the task the user may report for.
    std::vector<UnitRow> mine;
    for (const auto& u : units_of_user(units, *req.principal)) {
      bool named = std::count(task->leads.begin(), task->leads.end(), u.code) ||
                   std::count(task->cooperates.begin(), task->cooperates.end(), u.code);
      if (named && directory::holds(*req.principal, "plans.report")) mine.push_back(u);
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"task",
                  {{"id", std::to_string(task->id)},
                   {"ref", task->ref},
                   {"description", task->description},
                   {"objective", task->objective},
                   {"output", task->output},
                   {"deadline", format_deadline(task->deadline)},
                   {"leads", names_text(task->leads, names)},
                   {"cooperates", task->cooperates.empty() ? "—" : names_text(task->cooperates, names)},
                   {"status", status_label_vi(state.status)},
                   {"status_code", status_code(state.status)},
                   {"percent", std::to_string(state.percent) + " %"},
                   {"cancelled", task->cancelled_reason.value_or("")}}},
                 {"plan", {{"id", std::to_string(plan->id)}, {"number", plan->number}}},
                 {"leads", leads},
                 {"history", history},
                 {"no_history", history.empty()},
                 {"events", events},
                 {"any_events", !events.empty()},
                 {"task_id", std::to_string(task->id)},
                 {"today", format_date_vi(today)}};
    if (!mine.empty() && !task->cancelled_reason && plan->status == "issued") {
      auto selected_unit = req.query_param("don-vi").value_or(form_values ? form_values->unit_code : mine.front().code);
      auto k = req.query_param("ky");
      auto period_key = form_values ? form_values->period : k ? *k : current_period(config, today, calendar()).key;
      // Prefill: what was posted, else the unit's report for the period, else its latest.
      Report prefill;
      prefill.progress = "in_progress";
      for (const auto& r : reports) {
        if (r.unit_code == selected_unit) prefill = r;
      }
      for (const auto& r : reports) {
        if (r.unit_code == selected_unit && r.period == period_key) prefill = r;
      }
      if (form_values) prefill = *form_values;
      data["form"] = {{"units", unit_options(mine, selected_unit)},
                      {"periods", period_options(config, plan->year + 1, today, period_key)},
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
      for (const auto& r : reports) {
        if (r.unit_code == selected_unit && r.period == period_key && r.review == "returned" && !form_values) {
          data["form"]["returned"] = {{"reason", r.review_note}};
        }
      }
    }
    data.update(extra);
    return http::html(req, layout.page(req, "Nhiệm vụ " + task->ref, "plans/task.tpl", data), status);
  };
  router.add(http::Verb::get, "/nhiem-vu/{id}", "plans.read",
             [task_page](http::Request& req) { return task_page(req, nullptr, json::object(), http::Status::ok); });
  router.add(
      http::Verb::post, "/nhiem-vu/{id}/bao-cao", "plans.report", http::upload(1),
      [&db, task_page](http::Request& req) {
        Report r;
        r.task_id = req.int_param();
        r.unit_code = req.form_param("don_vi").value_or("");
        r.period = req.form_param("ky").value_or("");
        r.progress = req.form_param("tinh_trang").value_or("");
        r.narrative = req.form_param("noi_dung").value_or("");
        r.evidence = req.form_param("minh_chung").value_or("");
        r.difficulties = req.form_param("kho_khan").value_or("");
        r.proposals = req.form_param("de_xuat").value_or("");
        require(db, req, "plans.report", r.unit_code);
        try {
          auto percent = std::string(text::trim(req.form_param("ty_le").value_or("0")));
          if (percent.empty()) percent = "0";
          if (percent.size() > 3 || percent.find_first_not_of("0123456789") != std::string::npos) {
            throw invalid_input("percent must be a whole number 0-100", "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.");
          }
          r.percent = parse_int<int>(percent).value_or(0);  // three digits at most: always a number
          auto done_on = std::string(text::trim(req.form_param("ngay_hoan_thanh").value_or("")));
          if (r.progress == "done") {
            r.done_on = done_on.empty() ? local_date(now_seconds()) : parse_date_input(done_on);
          }
          auto task = db.read([&](db::Connection& c) { return find_task(c, r.task_id); });
          if (!task) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
          r.role = std::count(task->leads.begin(), task->leads.end(), r.unit_code) ? "lead" : "cooperate";
          std::optional<EvidenceFile> file;
          if (auto f = req.files().find("tep_minh_chung"); f != req.files().end() && !f->second.filename.empty()) {
            file = EvidenceFile{f->second.filename, f->second.content};
          }
          submit_report(db, r, directory::actor(req), now_seconds(), file ? &*file : nullptr);
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::invalid_input) throw;
          return task_page(req, &r, {{"error", {{"message", e.message_vi()}}}}, http::Status::unprocessable_entity);
        }
        return http::redirect(req, owed_href(r.period, r.unit_code) + "&da-bao-cao=" + std::to_string(r.task_id));
      });

  // ---- The reporting periods of a year and their due days (the coordinator).
  auto periods_page = [&db, &layout](http::Request& req, int year, json error, http::Status status) {
    auto config = db.read([&](db::Connection& c) { return load_report_periods(c); });
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
    Date today = local_date(now_seconds());
    json years = json::array();
    for (int y = int(today.year()) + 1; y >= int(today.year()) - 2; --y) {
      years.push_back({{"value", std::to_string(y)}, {"label", fmt::format("Năm {}", y)}, {"selected", y == year}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"year", std::to_string(year)},
                 {"years", years},
                 {"rows", rows},
                 {"notice", req.query_param("da-luu").has_value()}};
    if (!error.is_null()) {
      data["error"] = error;
      if (error.contains("name")) data["typed"] = error;  // the ad-hoc period's form, as typed
    }
    data["any_adhoc"] = std::any_of(rows.begin(), rows.end(), [](const json& r) { return r["adhoc"].get<bool>(); });
    return http::html(req, layout.page(req, "Kỳ báo cáo và hạn gửi báo cáo", "plans/periods.tpl", data), status);
  };
  auto year_of = [](const std::optional<std::string>& s) {
    Date today = local_date(now_seconds());
    auto y = parse_int<int>(s.value_or("")).value_or(int(today.year()));
    if (y < 2000 || y > 2100) throw invalid_input("year 2000-2100", "Năm không hợp lệ.");
    return y;
  };
  router.add(http::Verb::get, "/ky-bao-cao", "plans.review", [periods_page, year_of](http::Request& req) {
    return periods_page(req, year_of(req.query_param("nam")), nullptr, http::Status::ok);
  });
  // An ad-hoc period (đột xuất) of a year, and its removal while unreported.
  router.add(http::Verb::post, "/ky-bao-cao/dot-xuat", "plans.review", [&db, periods_page](http::Request& req) {
    auto field = [&](const char* name) { return std::string(text::trim(req.form_param(name).value_or(""))); };
    int year = int(local_date(now_seconds()).year());
    try {
      auto first = parse_date_input(field("tu_ngay"));
      auto last = parse_date_input(field("den_ngay"));
      auto due = parse_date_input(field("han"));
      year = int(first.year());
      add_adhoc_period(db, field("ten"), first, last, due, directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      json typed = {{"message", e.message_vi()},
                    {"name", field("ten")},
                    {"first", field("tu_ngay")},
                    {"last", field("den_ngay")},
                    {"due", field("han")}};
      return periods_page(req, year, typed, http::Status::unprocessable_entity);
    }
    return http::redirect(req, fmt::format("/ky-bao-cao?nam={}&da-luu=1", year));
  });
  router.add(http::Verb::post, "/ky-bao-cao/dot-xuat/{code}/xoa", "plans.review",
             [&db, periods_page](http::Request& req) {
               auto code = req.params.at("code");
               int year = int(local_date(now_seconds()).year());
               for (const auto& p : db.read([&](db::Connection& c) { return load_report_periods(c); })) {
                 if (p.code == code && p.only_year) year = *p.only_year;
               }
               try {
                 remove_adhoc_period(db, code, directory::actor(req), now_seconds());
               } catch (const Error& e) {
                 if (e.kind() != ErrorKind::invalid_input) throw;
                 return periods_page(req, year, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
               }
               return http::redirect(req, fmt::format("/ky-bao-cao?nam={}&da-luu=1", year));
             });
  router.add(http::Verb::post, "/ky-bao-cao", "plans.review", [&db, periods_page, year_of](http::Request& req) {
    int year = year_of(req.form_param("nam"));
    std::map<std::string, std::optional<Date>> due;
    try {
      for (const auto& p : db.read([&](db::Connection& c) { return load_report_periods(c); })) {
        if (p.only_year && *p.only_year != year) continue;
        auto text = std::string(text::trim(req.form_param("han_" + p.code).value_or("")));
        due[p.code] = text.empty() ? std::nullopt : std::optional(parse_date_input(text));
      }
      set_period_days(db, year, due, directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return periods_page(req, year, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
    }
    return http::redirect(req, fmt::format("/ky-bao-cao?nam={}&da-luu=1", year));
  });

  // ---- The coordinator's review: accept, return with a reason, answer.
  router.add(http::Verb::post, "/nhiem-vu/{id}/duyet", "plans.review", [&db, task_page](http::Request& req) {
    auto id = req.int_param();
    auto unit = req.form_param("don_vi").value_or("");
    auto period = req.form_param("ky").value_or("");
    ReviewInput in{req.form_param("thao_tac").value_or(""), req.form_param("ly_do").value_or(""),
                   req.form_param("tra_loi_kho_khan").value_or(""), req.form_param("tra_loi_de_xuat").value_or("")};
    require(db, req, "plans.review", unit);
    try {
      review_report(db, id, unit, period, in, directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return task_page(req, nullptr, {{"error", {{"message", e.message_vi()}}}}, http::Status::unprocessable_entity);
    }
    if (req.form_param("tiep").value_or("") == "hang-doi") {
      return http::redirect(
          req, "/duyet-bao-cao?ky=" + http::url_encode(req.form_param("loc_ky").value_or("")) + "&da-duyet=1");
    }
    return http::redirect(req, fmt::format("/nhiem-vu/{}?da-duyet=1#bao-cao", id));
  });

  // ---- Reports waiting for the coordinator, oldest first.
  router.add(http::Verb::get, "/duyet-bao-cao", "plans.review", [&db, &layout](http::Request& req) {
    Date today = local_date(now_seconds());
    std::vector<ReviewItem> items;
    std::vector<UnitRow> units;
    std::vector<ReportPeriod> config;
    int total = 0;
    auto period = req.query_param("ky").value_or("");
    db.read([&](db::Connection& c) {
      config = load_report_periods(c);
      if (!period.empty()) period_of_key(config, period, calendar());  // refuses an unknown period
      items = review_queue(c, period);
      total = review_queue_size(c);
      units = unit_rows(c);
    });
    auto names = names_of(units);
    json rows = json::array();
    for (const auto& it : items) {
      const auto& r = it.report;
      auto p = period_of_key(config, r.period, calendar());
      int waiting = calendar().covers(local_date(r.reported_at)) && calendar().covers(today)
                        ? calendar().working_days_between(local_date(r.reported_at), today)
                        : 0;
      rows.push_back({{"task_id", std::to_string(r.task_id)},
                      {"href", fmt::format("/nhiem-vu/{}?don-vi={}&ky={}#bao-cao", r.task_id,
                                           http::url_encode(r.unit_code), http::url_encode(r.period))},
                      {"task", it.task.ref + ". " + it.task.description},
                      {"plan", it.plan_number},
                      {"unit", names[r.unit_code]},
                      {"unit_code", r.unit_code},
                      {"period", p.label},
                      {"period_key", r.period},
                      {"summary", report_summary(r)},
                      {"at", format_datetime_vi(r.reported_at)},
                      {"waiting", text::format_int(waiting)},
                      {"raised", !r.difficulties.empty() || !r.proposals.empty()}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"rows", rows},
                 {"none", rows.empty()},
                 {"shown", text::format_int(std::int64_t(rows.size()))},
                 {"total", text::format_int(total)},
                 {"period_key_filter", period},
                 {"periods", period_options(config, int(today.year()), today, period)},
                 {"notice", req.query_param("da-duyet").has_value()}};
    return http::html(req, layout.page(req, "Duyệt báo cáo nhiệm vụ", "plans/review_queue.tpl", data));
  });
}

}  // namespace cchc::plans
