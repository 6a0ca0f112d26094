// Tasks: read with their units, and the matrix editor's rows (store.h).
#include "plans/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "plans/json.h"
#include "plans/matrix.h"
#include "plans/rows.h"

namespace cchc::plans {

using nlohmann::json;
using namespace std::chrono;

const db::Columns<Task> kTaskRow{
    {"id", &Task::id},
    {"plan_id", &Task::plan_id},
    {"ord", &Task::ord},
    {"ref", &Task::ref},
    {"area_code", &Task::area_code},
    {"objective_text", &Task::objective},
    {"description", &Task::description},
    {"output", &Task::output},
    {"deadline_text", &Task::deadline_text},
    {"deadline_kind"},
    {"due_on"},
    {"deadline_milestones",
     [](const db::Row& r, Task& t) {
       t.deadline = deadline_from(r.str("deadline_kind"), r.opt_date("due_on"), r.str("deadline_text"),
                                  decode_milestones(r.str("deadline_milestones")));
     }},
    {"cancelled_reason", &Task::cancelled_reason},
};

std::vector<Task> tasks_of(db::Connection& c, const db::Result& rows, const std::string& units_sql,
                           const std::vector<db::Param>& params) {
  auto out = kTaskRow.read_all(rows);
  std::map<std::int64_t, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  if (out.empty()) return out;
  for (const auto& r : c.query(units_sql, params).rows) {
    auto it = index.find(r.i64("task_id"));
    if (it == index.end()) continue;
    auto& t = out[it->second];
    (r.str("role") == "lead" ? t.leads : t.cooperates).push_back(r.str("unit_code"));
  }
  return out;
}

Task need_task(db::Connection& c, std::int64_t task_id) {
  auto t = find_task(c, task_id);
  if (!t) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
  return *t;
}

std::vector<Task> plan_tasks(db::Connection& c, std::int64_t plan_id) {
  auto rows =
      c.query(fmt::format("SELECT {} FROM plan_tasks t WHERE t.plan_id = ? ORDER BY t.ord, t.id", kTaskRow.list("t")),
              {plan_id});
  return tasks_of(c, rows,
                  "SELECT u.task_id, u.unit_code, u.role FROM task_units u JOIN plan_tasks t ON t.id = u.task_id "
                  "WHERE t.plan_id = ? ORDER BY u.task_id, u.role, u.unit_code",
                  {plan_id});
}

std::optional<Task> find_task(db::Connection& c, std::int64_t task_id) {
  auto rows = c.query(fmt::format("SELECT {} FROM plan_tasks t WHERE t.id = ?", kTaskRow.list("t")), {task_id});
  auto tasks = tasks_of(
      c, rows, "SELECT task_id, unit_code, role FROM task_units WHERE task_id = ? ORDER BY role, unit_code", {task_id});
  if (tasks.empty()) return std::nullopt;
  return tasks.front();
}

// ---- The matrix editor -----------------------------------------------------------

namespace {

// The input checked and its unit names resolved, against the units valid on
// the plan's date; throws invalid_input listing every problem. When
// `current` (the row being changed) kept a deadline an import could not
// read, that same text may stay.
MatrixRow resolve_input(db::Connection& c, const Plan& plan, const TaskInput& in, const Task* current = nullptr) {
  std::vector<std::string> problems_en, problems_vi;
  auto problem = [&](std::string en, std::string vi) {
    problems_en.push_back(std::move(en));
    problems_vi.push_back(std::move(vi));
  };
  MatrixRow row;
  row.ref = std::string(text::trim(in.ref));
  row.area_code = in.area_code;
  row.objective = text::nfc(text::trim(in.objective));
  row.description = text::nfc(text::trim(in.description));
  row.output = text::nfc(text::trim(in.output));
  row.lead_cell = in.leads;
  row.cooperate_cell = in.cooperates;
  auto areas = load_areas(c);
  if (std::none_of(areas.begin(), areas.end(), [&](const auto& a) { return a.code == in.area_code; })) {
    problem("unknown area", "Lĩnh vực không hợp lệ.");
  }
  if (row.description.empty()) problem("the task is empty", "Chưa có nội dung nhiệm vụ.");
  if (text::code_points(row.description) > 4000 || text::code_points(row.output) > 1000 ||
      text::code_points(row.objective) > 2000 || text::code_points(row.ref) > 20) {
    problem("a field is too long", "Có trường quá dài (nhiệm vụ 4.000, kết quả 1.000, mục tiêu 2.000, STT 20 ký tự).");
  }
  try {
    row.deadline = parse_deadline(in.deadline_text);
  } catch (const Error& e) {
    // A deadline an import kept unread may stay as it is; a new one must read.
    if (current && current->deadline.kind == Deadline::Kind::unparsed &&
        text::nfc(text::trim(in.deadline_text)) == format_deadline(current->deadline)) {
      row.deadline = current->deadline;
    } else {
      problem(e.what(), e.message_vi());
    }
  }
  std::vector<MatrixRow> rows = {row};
  for (const auto& u : resolve_units(rows, plan_matcher(c, plan), {})) {
    problem(
        fmt::format("unit '{}' {}", u.name, u.ambiguous ? "is ambiguous" : "matches no unit"),
        fmt::format("Không xác định được đơn vị \"{}\"{}.", u.name, u.ambiguous ? " (có nhiều đơn vị gần giống)" : ""));
  }
  row = rows[0];
  if (row.leads.empty() && std::string(text::trim(in.leads)).empty()) {
    problem("no lead unit", "Chưa có cơ quan chủ trì.");
  }
  if (!problems_en.empty()) {
    std::string en, vi;
    for (size_t i = 0; i < problems_en.size(); ++i) {
      en += (i ? "; " : "") + problems_en[i];
      vi += (i ? " " : "") + problems_vi[i];
    }
    throw invalid_input(en, vi);
  }
  return row;
}

void write_units(db::Connection& c, std::int64_t task_id, const MatrixRow& row) {
  c.query("DELETE FROM task_units WHERE task_id = ?", {task_id});
  for (const auto& u : row.leads) c.query("INSERT INTO task_units VALUES (?, ?, 'lead')", {task_id, u});
  for (const auto& u : row.cooperates) c.query("INSERT INTO task_units VALUES (?, ?, 'cooperate')", {task_id, u});
}

}  // namespace

Task add_task(db::Connection& c, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  auto plan = find_plan(c, plan_id);
  if (!plan) throw not_found("no such plan", "Không tìm thấy kế hoạch.");
  auto row = resolve_input(c, *plan, in);
  std::int64_t t = now.time_since_epoch().count();
  auto ord =
      c.query("SELECT COALESCE(MAX(ord), 0) + 1 AS n FROM plan_tasks WHERE plan_id = ?", {plan_id}).one().i64("n");
  auto id = c.query(
                 "INSERT INTO plan_tasks (plan_id, ord, ref, area_code, objective_text, description, output, "
                 "deadline_text, deadline_kind, due_on, deadline_milestones, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {plan_id, ord, row.ref, row.area_code, row.objective, row.description, row.output,
                  format_deadline(*row.deadline), kind_code(row.deadline->kind), opt_iso(row.deadline->due),
                  encode_milestones(row.deadline->milestones), t, t})
                .one()
                .i64("id");
  write_units(c, id, row);
  auto task = need_task(c, id);
  audit::record(c, who, "create", "plan_tasks", std::to_string(id), std::nullopt, to_json(task).dump(), now);
  touch(c, Changed::task, id);
  return task;
}

Task add_task(db::Database& db, std::int64_t plan_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_task(c, plan_id, in, who, now); });
}

Task update_task(db::Connection& c, std::int64_t task_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  auto before = need_task(c, task_id);
  auto plan = find_plan(c, before.plan_id);
  auto row = resolve_input(c, *plan, in, &before);
  c.query(
      "UPDATE plan_tasks SET ref = ?, area_code = ?, objective_text = ?, description = ?, output = ?, "
      "deadline_text = ?, deadline_kind = ?, due_on = ?, deadline_milestones = ?, updated_at = ? WHERE id = ?",
      {row.ref, row.area_code, row.objective, row.description, row.output, format_deadline(*row.deadline),
       kind_code(row.deadline->kind), opt_iso(row.deadline->due), encode_milestones(row.deadline->milestones),
       std::int64_t(now.time_since_epoch().count()), task_id});
  write_units(c, task_id, row);
  auto after = need_task(c, task_id);
  audit::record(c, who, "update", "plan_tasks", std::to_string(task_id), to_json(before).dump(), to_json(after).dump(),
                now);
  touch(c, Changed::task, task_id);
  return after;
}

Task update_task(db::Database& db, std::int64_t task_id, const TaskInput& in, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return update_task(c, task_id, in, who, now); });
}

void move_task(db::Connection& c, std::int64_t task_id, int direction, const audit::Entry& who, Instant now) {
  auto task = need_task(c, task_id);
  auto rows = c.query("SELECT id, ord FROM plan_tasks WHERE plan_id = ? ORDER BY ord, id", {task.plan_id});
  std::vector<std::int64_t> ids;
  for (const auto& r : rows.rows) ids.push_back(r.i64("id"));
  auto at = size_t(std::find(ids.begin(), ids.end(), task_id) - ids.begin());
  long to = long(at) + (direction < 0 ? -1 : 1);
  if (to < 0 || to >= long(ids.size())) return;  // already first or last
  std::swap(ids[at], ids[size_t(to)]);
  for (size_t i = 0; i < ids.size(); ++i) c.query("UPDATE plan_tasks SET ord = ? WHERE id = ?", {int(i) + 1, ids[i]});
  audit::record(c, who, "move", "plan_tasks", std::to_string(task_id), std::nullopt, json{{"position", to + 1}}.dump(),
                now);
  touch(c, Changed::plan, task.plan_id);  // every row of the plan may have a new place
}

void move_task(db::Database& db, std::int64_t task_id, int direction, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { move_task(c, task_id, direction, who, now); });
}

void delete_task(db::Connection& c, std::int64_t task_id, const audit::Entry& who, Instant now) {
  auto task = need_task(c, task_id);
  if (!c.query("SELECT 1 FROM task_reports WHERE task_id = ?", {task_id}).empty()) {
    throw Error(ErrorKind::conflict, "the task has reports; cancel it instead",
                "Nhiệm vụ đã có báo cáo nên không xóa được; hãy hủy nhiệm vụ và ghi lý do.");
  }
  c.query("DELETE FROM notifications WHERE task_id = ?", {task_id});
  c.query("DELETE FROM task_units WHERE task_id = ?", {task_id});
  c.query("DELETE FROM plan_tasks WHERE id = ?", {task_id});
  audit::record(c, who, "delete", "plan_tasks", std::to_string(task_id), to_json(task).dump(), std::nullopt, now);
  touch(c, Changed::task, task_id);
}

void delete_task(db::Database& db, std::int64_t task_id, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { delete_task(c, task_id, who, now); });
}

void cancel_task(db::Connection& c, std::int64_t task_id, const std::string& reason, const audit::Entry& who,
                 Instant now) {
  auto why = text::nfc(text::trim(reason));
  if (text::code_points(why) > 1000)
    throw invalid_input("the reason is over 1000 characters", "Lý do quá 1.000 ký tự.");
  auto before = need_task(c, task_id);
  c.query("UPDATE plan_tasks SET cancelled_reason = ?, updated_at = ? WHERE id = ?",
          {why.empty() ? db::Param(nullptr) : db::Param(why), std::int64_t(now.time_since_epoch().count()), task_id});
  audit::record(c, who, why.empty() ? "reopen" : "cancel", "plan_tasks", std::to_string(task_id),
                to_json(before).dump(), json{{"cancelled_reason", why}}.dump(), now);
  touch(c, Changed::task, task_id);
}

void cancel_task(db::Database& db, std::int64_t task_id, const std::string& reason, const audit::Entry& who,
                 Instant now) {
  db.write([&](db::Connection& c) { cancel_task(c, task_id, reason, who, now); });
}

}  // namespace cchc::plans
