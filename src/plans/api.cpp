// The plans JSON API (docs/api/openapi.yaml): the same objects as
// `cchc plans status` (plans/json.h).
#include <fmt/format.h>

#include "core/errors.h"
#include "core/parse.h"
#include "directory/permissions.h"
#include "plans/json.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

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

}  // namespace

void add_api_routes(http::Router& router, db::Database& db) {
  router.add(http::Verb::get, "/api/v1/plans", "plans.read", [&db](http::Request& req) {
    int year = 0;
    if (auto y = req.query_param("year"); y && !y->empty()) {
      auto parsed = y->size() == 4 ? parse_int<int>(*y) : std::nullopt;
      if (!parsed || *parsed < 1000) throw invalid_input("year must be YYYY");
      year = *parsed;
    }
    json plans = json::array();
    for (const auto& p : db.read([&](db::Connection& c) { return list_plans(c, year); })) plans.push_back(to_json(p));
    return http::json(req, json{{"plans", plans}}.dump());
  });

  router.add(http::Verb::get, "/api/v1/plans/{id}", "plans.read", [&db](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    auto a = req.query_param("as_of");
    Date as_of = a && !a->empty() ? parse_iso_date(*a) : local_date(now_seconds());
    auto states = db.read([&](db::Connection& c) { return plan_states(c, plan.id, as_of); });
    return http::json(req, status_json(plan, states, as_of).dump());
  });

  router.add(http::Verb::get, "/api/v1/plans/{id}/reports", "plans.read", [&db](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    auto period = req.query_param("period").value_or("");
    json out = json::array();
    for (const auto& r : db.read([&](db::Connection& c) { return plan_reports(c, plan.id); })) {
      if (period.empty() || r.period == period) out.push_back(to_json(r));
    }
    return http::json(req, json{{"plan", plan.number}, {"reports", out}}.dump());
  });

  // A unit's report on a task for a period. The role follows from the task:
  // lead when the unit leads it, else co-operating.
  router.add(http::Verb::post, "/api/v1/plans/{id}/tasks/{task}/reports", "plans.report",
             http::document_body(http::kMiB), [&db](http::Request& req) {
               auto plan = need_plan(db, req.int_param());
               json body;
               try {
                 body = json::parse(req.message.body());
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
               require(db, req, "plans.report", r.unit_code);
               auto task = db.read([&](db::Connection& c) { return find_task(c, r.task_id); });
               if (!task || task->plan_id != plan.id) throw not_found("no such task in this plan");
               r.role = std::count(task->leads.begin(), task->leads.end(), r.unit_code) ? "lead" : "cooperate";
               auto stored = submit_report(db, r, directory::actor(req), now_seconds());
               return http::json(req, to_json(stored).dump(), http::Status::created);
             });
}

}  // namespace cchc::plans
