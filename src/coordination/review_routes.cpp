// The coordinator's review of the units' task reports (review.h): a step on
// one report, from the task page, and the reports waiting, oldest first.
#include <fmt/format.h>

#include <memory>

#include "coordination/review.h"
#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "plans/periods.h"

namespace cchc::coordination {

using nlohmann::json;

namespace review_pages {
namespace {

Date today() { return local_date(now_seconds()); }

// Accept, return with a reason, answer; a refusal shows on the task page.
http::Response review(Pages& x, http::Request& req) {
  auto id = req.int_param();
  auto unit = req.form_param("don_vi").value_or("");
  auto period = req.form_param("ky").value_or("");
  ReviewInput in{req.form_param("thao_tac").value_or(""), req.form_param("ly_do").value_or(""),
                 req.form_param("tra_loi_kho_khan").value_or(""), req.form_param("tra_loi_de_xuat").value_or("")};
  require(x.db, req, "plans.review", unit);
  // The plan's issuing unit too: a department's coordinator reviews its
  // divisions' reports on the department's plans, not on the province's.
  auto issuer = x.db.read([&](db::Connection& c) {
    auto task = plans::find_task(c, id);
    auto plan = task ? plans::find_plan(c, task->plan_id) : std::nullopt;
    return plan ? plan->unit_code : std::string();
  });
  if (!issuer.empty()) require(x.db, req, "plans.review", issuer);
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
        return plans::task_page(x, req, nullptr, {{"error", refused.json()}});
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
          {"period", plans::period_of_key(config, r.period, calendar()).label},
          {"period_key", r.period},
          {"summary", plans::report_summary(r)},
          {"at", format_datetime_vi(r.reported_at)},
          {"waiting", text::format_int(working_days_waiting(local_date(r.reported_at), day, calendar()))},
          {"raised", !r.difficulties.empty() || !r.proposals.empty()}};
}

http::Response queue(Pages& x, http::Request& req) {
  Date day = today();
  std::vector<ReviewItem> items;
  std::vector<UnitRow> units;
  std::vector<ReportPeriod> config;
  int total = 0;
  auto period = req.query_param("ky").value_or("");
  x.db.read([&](db::Connection& c) {
    config = plans::load_report_periods(c);
    if (!period.empty()) plans::period_of_key(config, period, calendar());  // refuses an unknown period
    auto within = directory::codes_within(c, directory::reach(*req.principal, "plans.review"));
    items = review_queue(c, within, period);
    total = review_queue_size(c, within);
    units = plans::unit_rows(c);
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

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::post, "/nhiem-vu/{id}/duyet", "plans.review", review},
      {http::Verb::get, "/duyet-bao-cao", "plans.review", queue},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace review_pages

void add_review_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  review_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
