// The job pages (routes.h): named handlers over the database and the layout,
// registered from one table at the end. Each reads the job it names only
// for its creator or who sees every job; the progress of a job a runner of
// this process is running comes from memory (jobs/runner.h: live_progress),
// fresher than the table's.
#include "jobs/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text.h"
#include "http/refusal.h"
#include "http/session.h"
#include "jobs/rules.h"
#include "jobs/runner.h"
#include "jobs/store.h"

namespace cchc::jobs {

using nlohmann::json;

namespace {

struct PagesContext {
  db::Database& db;
  views::Layout& layout;
  SeesAll sees_all;
};

std::string job_href(const Job& j) { return "/cong-viec/" + j.id; }

// The job the path names, with its live progress, for its creator or who
// sees every job; not_found for anyone else, as for an unknown id.
Job visible_job(PagesContext& x, const http::Request& req) {
  const auto& id = req.params.at("id");
  auto gone = [] { return not_found("no such job", "Không tìm thấy công việc này."); };
  if (!valid_id(id) || !req.principal) throw gone();
  auto job = x.db.read([&](db::Connection& c) { return find_job(c, id); });
  if (!job) throw gone();
  if (job->created_by != req.principal->username && !(x.sees_all && x.sees_all(*req.principal))) throw gone();
  if (job->state == State::running) {
    if (auto live = live_progress(job->id)) job->progress = *live;
  }
  return *job;
}

// The file name a result is offered as: ASCII letters, digits, '.', '-'
// and '_' only (a Content-Disposition without quoting rules).
std::string safe_filename(const std::string& name) {
  std::string out;
  for (char ch : name) {
    bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
                 ch == '-' || ch == '_';
    out += plain ? ch : '-';
  }
  return out.empty() ? "ket-qua" : out;
}

// The part of the page htmx polls: state, bar and what the job is doing.
json progress_view(const Job& j) {
  const bool open = !finished(j.state);
  json v = {{"_template", "jobs/progress.tpl"},
            {"state", label_vi(j.state)},
            {"polling", open},
            {"poll", job_href(j) + "/tien-do"}};
  const auto& p = j.progress;
  if (percent(p)) {
    v["bar"] = {{"value", std::to_string(std::clamp<std::int64_t>(p.done, 0, p.total))},
                {"max", std::to_string(p.total)},
                {"done", text::format_int(p.done)},
                {"total", text::format_int(p.total)},
                {"percent", percent_text(p)}};
  } else if (j.state == State::done) {
    v["bar"] = {{"value", "1"}, {"max", "1"}, {"done", "1"}, {"total", "1"}, {"percent", "100 %"}};
  } else {
    v["waiting"] = open;
  }
  if (open && !p.message.empty()) v["doing"] = {{"text", p.message}};
  return v;
}

json when(const std::optional<Instant>& at) { return at ? json{{"at", format_datetime_vi(*at)}} : json(false); }

http::Response job_page(PagesContext& x, http::Request& req, const Job& j, json error) {
  const bool open = !finished(j.state);
  json data = {{"title", j.title},
               {"progress", progress_view(j)},
               {"created", format_datetime_vi(j.created_at)},
               {"started", when(j.started_at)},
               {"ended", when(j.finished_at)},
               {"cancel_asked", open && j.cancel_requested},
               {"refresh_seconds", open ? 2 : 0}};
  if (j.state == State::done)
    data["done"] = {{"message", j.progress.message.empty() ? "Công việc đã xong." : j.progress.message}};
  if (j.state == State::failed)
    data["failed"] = {{"text", j.error.empty() ? std::string("Công việc không hoàn thành.") : j.error}};
  if (j.state == State::cancelled) data["cancelled"] = true;
  if (j.state == State::done && !j.result_name.empty()) {
    data["download"] = {{"href", job_href(j) + "/ket-qua"}, {"name", j.result_name}};
  }
  if (open && !j.cancel_requested) {
    data["cancel"] = {{"action", job_href(j) + "/huy"}, {"csrf", req.session ? req.session->csrf_token : ""}};
  }
  if (!j.return_to.empty()) {
    data["back"] = {{"href", j.return_to}, {"label", j.return_label.empty() ? "Quay lại" : j.return_label}};
  }
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, j.title, "jobs/job.tpl", data));
}

http::Response show_job(PagesContext& x, http::Request& req) { return job_page(x, req, visible_job(x, req), nullptr); }

// The fragment alone; a finished job has the page reload whole (its
// outcome, result and links are outside the fragment).
http::Response show_progress(PagesContext& x, http::Request& req) {
  auto j = visible_job(x, req);
  auto res = http::html(req, x.layout.fragment("jobs/progress.tpl", progress_view(j)));
  if (finished(j.state)) res.set("HX-Refresh", "true");
  return res;
}

http::Response download_result(PagesContext& x, http::Request& req) {
  auto j = visible_job(x, req);
  auto result =
      j.state == State::done ? x.db.read([&](db::Connection& c) { return result_of(c, j.id); }) : std::nullopt;
  if (!result) throw not_found("the job has no result", "Công việc này không có tệp kết quả.");
  return http::attachment(req, result->content_type, std::move(result->bytes), safe_filename(result->name));
}

// Cancels once its box is ticked: a queued job at once, a running one when
// its handler next checks (the page says so until then).
http::Response cancel_job(PagesContext& x, http::Request& req) {
  auto j = visible_job(x, req);
  return http::refusing(
      [&] {
        if (req.form_param("xac_nhan").value_or("") != "1") {
          throw invalid_input("tick the box to cancel", "Hãy đánh dấu ô xác nhận trước khi hủy công việc.")
              .at("xac_nhan");
        }
        audit::Entry who{req.principal->username, req.client_address, "", "", "", {}, {}};
        x.db.write([&](db::Connection& c) { return request_cancel(c, j.id, who, now_seconds()); });
        return http::redirect(req, job_href(j));
      },
      [&](const http::Refusal& r) { return job_page(x, req, j, r.json()); });
}

http::Response list_jobs(PagesContext& x, http::Request& req) {
  auto all = x.db.read([&](db::Connection& c) { return jobs_of(c, req.principal->username); });
  json rows = json::array();
  for (auto& j : all) {
    if (j.state == State::running) {
      if (auto live = live_progress(j.id)) j.progress = *live;
    }
    rows.push_back({{"href", job_href(j)},
                    {"title", j.title},
                    {"state", label_vi(j.state)},
                    {"percent", percent_text(j.progress)},
                    {"created", format_datetime_vi(j.created_at)}});
  }
  return http::html(req,
                    x.layout.page(req, "Công việc của bạn", "jobs/list.tpl", {{"rows", rows}, {"none", rows.empty()}}));
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, SeesAll sees_all) {
  const http::RouteTo<PagesContext> routes[] = {
      {http::Verb::get, "/cong-viec", "signed_in", list_jobs},
      {http::Verb::get, "/cong-viec/{id}", "signed_in", show_job},
      {http::Verb::get, "/cong-viec/{id}/tien-do", "signed_in", show_progress},
      {http::Verb::get, "/cong-viec/{id}/ket-qua", "signed_in", download_result},
      {http::Verb::post, "/cong-viec/{id}/huy", "signed_in", cancel_job},
  };
  http::add_routes(router, std::make_shared<PagesContext>(PagesContext{db, layout, std::move(sees_all)}), routes);
}

}  // namespace cchc::jobs
