#include "plans/json.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

json iso_day(const std::optional<Date>& d) { return d ? json(format_iso_date(*d)) : json(); }

}  // namespace

json to_json(const Plan& p) {
  return {{"id", p.id},
          {"number", p.number},
          {"kind", p.kind},
          {"unit", p.unit_code},
          {"issued_on", iso_day(p.issued_on)},
          {"title", p.title},
          {"year", p.year},
          {"parent_id", p.parent_id ? json(*p.parent_id) : json()},
          {"status", p.status},
          {"legal_bases", p.legal_bases},
          {"objectives", p.objectives}};
}

json to_json(const Deadline& d) {
  json milestones = json::array();
  for (const auto& m : d.milestones) milestones.push_back({{"due", format_iso_date(m.due)}, {"text", m.text}});
  return {
      {"kind", kind_code(d.kind)}, {"due", iso_day(d.due)}, {"text", format_deadline(d)}, {"milestones", milestones}};
}

json to_json(const Task& t) {
  return {{"id", t.id},
          {"ref", t.ref},
          {"area", t.area_code},
          {"objective", t.objective},
          {"description", t.description},
          {"output", t.output},
          {"lead_units", t.leads},
          {"cooperating_units", t.cooperates},
          {"deadline", to_json(t.deadline)},
          {"cancelled_reason", t.cancelled_reason ? json(*t.cancelled_reason) : json()}};
}

json to_json(const TaskState& s) {
  json out = to_json(s.task);
  out["status"] = status_code(s.status);
  out["percent"] = s.percent;
  out["done_on"] = iso_day(s.done_on);
  json leads = json::array();
  for (const auto& a : s.leads) {
    leads.push_back({{"unit", a.unit_code},
                     {"status", status_code(a.status)},
                     {"percent", a.percent},
                     {"done_on", iso_day(a.done_on)},
                     {"last_period", a.last_period ? json(*a.last_period) : json()}});
  }
  out["leads"] = leads;
  return out;
}

json to_json(const Report& r) {
  return {{"task_id", r.task_id},
          {"unit", r.unit_code},
          {"period", r.period},
          {"role", r.role},
          {"progress", r.progress},
          {"percent", r.percent},
          {"done_on", iso_day(r.done_on)},
          {"narrative", r.narrative},
          {"evidence", r.evidence},
          {"unchanged", r.unchanged},
          {"reported_by", r.reported_by},
          {"reported_at", format_rfc3339_vn(r.reported_at)},
          {"difficulties", r.difficulties},
          {"proposals", r.proposals},
          {"difficulties_answer", r.difficulties_answer},
          {"proposals_answer", r.proposals_answer},
          {"review", r.review},
          {"review_note", r.review_note},
          {"counted", r.counted}};
}

json summary_json(const std::vector<TaskState>& states) {
  json out = {{"total", states.size()}};
  for (auto s : {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::done, TaskStatus::done_late,
                 TaskStatus::overdue, TaskStatus::cancelled}) {
    out[status_code(s)] = std::count_if(states.begin(), states.end(), [&](const auto& x) { return x.status == s; });
  }
  return out;
}

json status_json(const Plan& plan, const std::vector<TaskState>& states, Date as_of) {
  json tasks = json::array();
  for (const auto& s : states) tasks.push_back(to_json(s));
  return {
      {"plan", to_json(plan)}, {"as_of", format_iso_date(as_of)}, {"summary", summary_json(states)}, {"tasks", tasks}};
}

}  // namespace cchc::plans
