#pragma once
// Plans as JSON: the one form the API, the CLI and the audit log write.
//
//   plan    {"id", "number", "kind", "unit", "issued_on", "title", "year",
//            "parent_id", "status", "legal_bases", "objectives"}
//   task    {"id", "ref", "area", "objective", "description", "output",
//            "lead_units", "cooperating_units",
//            "deadline": {"kind", "due", "text", "milestones": [{"due", "text"}]},
//            "cancelled_reason"}
//   state   task + {"status", "percent", "done_on",
//            "leads": [{"unit", "status", "percent", "done_on", "last_period"}]}
//   report  {"task_id", "unit", "period", "role", "progress", "percent",
//            "done_on", "narrative", "evidence", "unchanged", "reported_by",
//            "reported_at", "difficulties", "proposals", "difficulties_answer",
//            "proposals_answer", "review" (pending | accepted | returned),
//            "review_note", "counted"}
// Days are "YYYY-MM-DD"; instants RFC 3339 in +07:00; absent values null.
#include <nlohmann/json.hpp>

#include "plans/model.h"

namespace cchc::plans {

nlohmann::json to_json(const Plan& p);
nlohmann::json to_json(const Deadline& d);
nlohmann::json to_json(const Task& t);
nlohmann::json to_json(const TaskState& s);
nlohmann::json to_json(const Report& r);
// {"total": n, "not_started": n, "in_progress": n, "done": n, "done_late": n, "overdue": n, "cancelled": n}
nlohmann::json summary_json(const std::vector<TaskState>& states);
// {"plan": plan, "as_of": day, "summary": summary, "tasks": [state …]}:
// `cchc plans status` and GET /api/v1/plans/{id}.
nlohmann::json status_json(const Plan& plan, const std::vector<TaskState>& states, Date as_of);

}  // namespace cchc::plans
