#include "plans/province.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"

namespace cchc::plans {

using namespace std::chrono;

bool passes(const Task& t, const Filters& f) {
  if (f.plan_id && t.plan_id != *f.plan_id) return false;
  if (!f.area.empty() && t.area_code != f.area) return false;
  if (f.lead_units.empty()) return true;
  return std::any_of(t.leads.begin(), t.leads.end(), [&](const auto& u) {
    return std::find(f.lead_units.begin(), f.lead_units.end(), u) != f.lead_units.end();
  });
}

std::vector<TaskState> filtered(std::vector<TaskState> states, const Filters& f) {
  std::erase_if(states, [&](const TaskState& s) { return !passes(s.task, f); });
  return states;
}

ProvinceSummary summarize(const std::vector<TaskState>& states, Date as_of,
                          const std::map<std::string, std::string>& names, const std::set<std::string>& not_ranked) {
  ProvinceSummary out;
  std::map<std::string, UnitCompletion> units;
  for (const auto& s : states) {
    ++out.by_status[s.status];
    ++out.by_area[s.task.area_code][s.status];
    bool cancelled = s.status == TaskStatus::cancelled;
    const auto& due = s.task.deadline.due;
    bool has_due = due && s.task.deadline.kind != Deadline::Kind::continuous;
    for (const auto& a : s.leads) {
      auto& u = units[a.unit_code];
      u.unit = a.unit_code;
      if (cancelled) continue;
      ++u.assigned;
      bool is_due = has_due && sys_days{*due} <= sys_days{as_of};
      if (is_due) ++u.due;
      switch (a.status) {
        case TaskStatus::done:
          if (is_due) ++u.on_time;
          break;
        case TaskStatus::done_late: ++u.late; break;
        case TaskStatus::overdue: {
          ++u.overdue;
          int days = int((sys_days{as_of} - sys_days{*due}).count());
          out.overdue.push_back({&s, a.unit_code, days, a.percent});
          ++out.heat[a.unit_code][s.task.area_code];
          break;
        }
        case TaskStatus::in_progress: ++u.in_progress; break;
        case TaskStatus::not_started: ++u.not_started; break;
        case TaskStatus::cancelled: break;
      }
    }
  }
  // Each unit's place in Vietnamese name order, computed once: comparisons
  // below are of integers.
  std::vector<std::string> codes;
  for (const auto& [code, u] : units) codes.push_back(code);
  auto name = [&](const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };
  std::sort(codes.begin(), codes.end(),
            [&](const auto& a, const auto& b) { return text::collate_less(name(a), name(b)); });
  std::map<std::string, int> place;
  for (size_t i = 0; i < codes.size(); ++i) place[codes[i]] = int(i);
  std::vector<UnitCompletion> ranked, unranked;
  for (auto& [code, u] : units) {
    if (u.due > 0) u.rate = double(u.on_time) / double(u.due);
    if (u.due > 0 && !not_ranked.count(code)) {
      ranked.push_back(u);
    } else {
      unranked.push_back(u);
    }
  }
  auto tenths = [](double r) { return std::llround(r * 1000.0); };  // 0.1 percentage point
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (tenths(*a.rate) != tenths(*b.rate)) return tenths(*a.rate) > tenths(*b.rate);
    return place[a.unit] < place[b.unit];
  });
  for (size_t i = 0; i < ranked.size(); ++i) {
    ranked[i].rank = i > 0 && tenths(*ranked[i].rate) == tenths(*ranked[i - 1].rate) ? ranked[i - 1].rank : int(i) + 1;
  }
  std::sort(unranked.begin(), unranked.end(),
            [&](const auto& a, const auto& b) { return place[a.unit] < place[b.unit]; });
  out.units = std::move(ranked);
  out.units.insert(out.units.end(), unranked.begin(), unranked.end());
  std::stable_sort(out.overdue.begin(), out.overdue.end(), [&](const auto& a, const auto& b) {
    if (a.days != b.days) return a.days > b.days;
    return place[a.unit] < place[b.unit];
  });
  return out;
}

}  // namespace cchc::plans
