// The plans JSON API (docs/api/openapi.yaml): the same objects as
// `cchc plans status` (plans/json.h). A refusal is application/problem+json
// from the error mapper.
#include <fmt/format.h>

#include <memory>

#include "core/errors.h"
#include "directory/permissions.h"
#include "plans/json.h"
#include "plans/page_rules.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace plans_api {
namespace {

struct Api {
  db::Database& db;
};

// A JSON field of a type, or the fallback when absent or null.
template <class T>
T field(const json& body, const char* name, T fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw invalid_input(fmt::format("field '{}' has the wrong type", name));
  }
}

// ?year=YYYY; every year when absent.
http::Response list(Api& x, http::Request& req) {
  int year = 0;
  if (auto y = req.query_param("year"); y && !y->empty()) {
    auto parsed = year_of_text(*y);
    if (!parsed) throw invalid_input("year must be YYYY");
    year = *parsed;
  }
  json plans = json::array();
  for (const auto& p : x.db.read([&](db::Connection& c) { return list_plans(c, year); })) plans.push_back(to_json(p));
  return http::json(req, json{{"plans", plans}}.dump());
}

// A plan's tasks and their status as of ?as_of=YYYY-MM-DD (today by default).
http::Response status(Api& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  auto a = req.query_param("as_of");
  Date as_of = a && !a->empty() ? parse_iso_date(*a) : local_date(now_seconds());
  auto states = x.db.read([&](db::Connection& c) { return plan_states(c, plan.id, as_of); });
  return http::json(req, status_json(plan, states, as_of).dump());
}

// A plan's reports, of ?period= or all.
http::Response reports(Api& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  auto period = req.query_param("period").value_or("");
  json out = json::array();
  for (const auto& r : x.db.read([&](db::Connection& c) { return plan_reports(c, plan.id); })) {
    if (period.empty() || r.period == period) out.push_back(to_json(r));
  }
  return http::json(req, json{{"plan", plan.number}, {"reports", out}}.dump());
}

// The report a JSON body states (the role is not in it).
Report report_of(const http::Request& req) {
  json body;
  try {
    body = json::parse(req.body);
  } catch (const json::exception&) {
    throw invalid_input("the body is not JSON");
  }
  if (!body.is_object()) throw invalid_input("the body must be a JSON object");
  Report r;
  r.task_id = req.int_param("task");
  r.unit_code = field<std::string>(body, "unit", "");
  r.period = field<std::string>(body, "period", "");
  r.progress = field<std::string>(body, "progress", "in_progress");
  r.percent = field<int>(body, "percent", 0);
  r.narrative = field<std::string>(body, "narrative", "");
  r.evidence = field<std::string>(body, "evidence", "");
  r.difficulties = field<std::string>(body, "difficulties", "");
  r.proposals = field<std::string>(body, "proposals", "");
  r.unchanged = field<bool>(body, "unchanged", false);
  if (auto d = field<std::string>(body, "done_on", ""); !d.empty()) r.done_on = parse_iso_date(d);
  return r;
}

// A unit's report on a task for a period. The role follows from the task:
// lead when the unit leads it, else co-operating.
http::Response submit(Api& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  Report r = report_of(req);
  require(x.db, req, "plans.report", r.unit_code);
  auto task = x.db.read([&](db::Connection& c) { return find_task(c, r.task_id); });
  if (!task || task->plan_id != plan.id) throw not_found("no such task in this plan");
  r.role = report_role(*task, r.unit_code);
  auto stored = submit_report(x.db, r, directory::actor(req), now_seconds());
  return http::json(req, to_json(stored).dump(), http::Status::created);
}

void add(http::Router& router, std::shared_ptr<Api> api) {
  const http::RouteTo<Api> routes[] = {
      {http::Verb::get, "/api/v1/plans", "plans.read", list},
      {http::Verb::get, "/api/v1/plans/{id}", "plans.read", status},
      {http::Verb::get, "/api/v1/plans/{id}/reports", "plans.read", reports},
      {http::Verb::post, "/api/v1/plans/{id}/tasks/{task}/reports", "plans.report", submit,
       http::document_body(http::kMiB)},
  };
  http::add_routes(router, std::move(api), routes);
}

}  // namespace
}  // namespace plans_api

void add_api_routes(http::Router& router, db::Database& db) {
  plans_api::add(router, std::make_shared<plans_api::Api>(plans_api::Api{db}));
}

}  // namespace cchc::plans
