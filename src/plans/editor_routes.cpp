// The matrix editor: add, change, reorder, delete and cancel task rows in
// the browser, without JavaScript (plans/store.h, "The matrix editor").
// The table at the end names every route with its permission.
#include <fmt/format.h>

#include <memory>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/refusal.h"
#include "plans/page_rules.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/rules.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace editor_pages {
namespace {

TaskInput input_of(const http::Request& req) {
  TaskInput in;
  in.area_code = req.form_param("linh_vuc").value_or("");
  in.ref = req.form_param("stt").value_or("");
  in.objective = req.form_param("muc_tieu").value_or("");
  in.description = req.form_param("nhiem_vu").value_or("");
  in.output = req.form_param("ket_qua").value_or("");
  in.leads = req.form_param("chu_tri").value_or("");
  in.cooperates = req.form_param("phoi_hop").value_or("");
  in.deadline_text = req.form_param("thoi_han").value_or("");
  return in;
}

TaskInput input_of(const Task& t, const std::map<std::string, std::string>& names) {
  return {t.area_code,
          t.ref,
          t.objective,
          t.description,
          t.output,
          t.deadline_text,
          names_text(t.leads, names),
          names_text(t.cooperates, names)};
}

std::string editor_href(std::int64_t plan_id, std::int64_t task_id) {
  return fmt::format("/ke-hoach/{}/sua-nhiem-vu#nv-{}", plan_id, task_id);
}

// The task of the path and its plan, when the user manages the plan's unit.
std::pair<Task, Plan> managed_task(Pages& x, const http::Request& req) {
  auto t = x.db.read([&](db::Connection& c) { return find_task(c, req.int_param()); });
  if (!t) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
  auto plan = need_plan(x.db, t->plan_id);
  require(x.db, req, "plans.manage", plan.unit_code);
  return {*t, plan};
}

// ---- The editor: every row with its actions -----------------------------------------------------

http::Response editor(Pages& x, http::Request& req) {
  auto plan = managed_plan(x.db, req);
  std::vector<Task> tasks;
  std::map<std::int64_t, bool> reported;
  std::map<std::string, std::string> names;
  std::map<std::string, std::string> area_names;
  x.db.read([&](db::Connection& c) {
    tasks = plan_tasks(c, plan.id);
    for (const auto& r : plan_reports(c, plan.id)) reported[r.task_id] = true;
    names = names_of(unit_rows(c));
    for (const auto& a : load_areas(c)) area_names[a.code] = a.name;
  });
  json rows = json::array();
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& t = tasks[i];
    rows.push_back({{"id", std::to_string(t.id)},
                    {"ref", t.ref},
                    {"area", area_names[t.area_code]},
                    {"description", t.description},
                    {"leads", names_text(t.leads, names)},
                    {"deadline", format_deadline(t.deadline)},
                    {"unread", deadline_unread(t.deadline)},
                    {"cancelled", t.cancelled_reason.has_value()},
                    {"reason", t.cancelled_reason.value_or("")},
                    {"can_up", i > 0},
                    {"can_down", i + 1 < tasks.size()},
                    {"can_delete", !reported[t.id]}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}}},
               {"rows", rows},
               {"none", rows.empty()}};
  return http::html(req, x.layout.page(req, "Sửa bảng nhiệm vụ " + plan.number, "plans/editor.tpl", data));
}

// ---- A row's form: a new row or a change; `action` posts it ---------------------------------------

http::Response task_form(Pages& x, http::Request& req, const Plan& plan, const TaskInput& in, const std::string& action,
                         const std::string& title, const json& extra) {
  auto areas = x.db.read([](db::Connection& c) { return load_areas(c); });
  json area_options = json::array();
  for (const auto& a : areas) {
    area_options.push_back({{"code", a.code}, {"name", a.name}, {"selected", a.code == in.area_code}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"title", title},
               {"action", action},
               {"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}}},
               {"areas", area_options},
               {"ref", in.ref},
               {"objective", in.objective},
               {"description", in.description},
               {"output", in.output},
               {"leads", in.leads},
               {"cooperates", in.cooperates},
               {"deadline", in.deadline_text}};
  data.update(extra);
  return http::html(req, x.layout.page(req, title, "plans/task_form.tpl", data));
}

std::string add_href(const Plan& plan) { return fmt::format("/ke-hoach/{}/them-nhiem-vu", plan.id); }
std::string edit_href(const Task& task) { return fmt::format("/nhiem-vu/{}/sua", task.id); }

http::Response add_form(Pages& x, http::Request& req) {
  auto plan = managed_plan(x.db, req);
  return task_form(x, req, plan, TaskInput{}, add_href(plan), "Thêm nhiệm vụ", json::object());
}

http::Response add_row(Pages& x, http::Request& req) {
  auto plan = managed_plan(x.db, req);
  auto in = input_of(req);
  return http::refusing(
      [&] {
        auto task = add_task(x.db, plan.id, in, directory::actor(req), now_seconds());
        return http::redirect(req, editor_href(plan.id, task.id));
      },
      [&](const http::Refusal& r) {
        return task_form(x, req, plan, in, add_href(plan), "Thêm nhiệm vụ", {{"error", r.json()}});
      });
}

http::Response edit_form(Pages& x, http::Request& req) {
  auto [task, plan] = managed_task(x, req);
  auto names = names_of(x.db.read([](db::Connection& c) { return unit_rows(c); }));
  return task_form(
      x, req, plan, input_of(task, names), edit_href(task), "Sửa nhiệm vụ " + task.ref,
      {{"editing", true}, {"task_id", std::to_string(task.id)}, {"reason", task.cancelled_reason.value_or("")}});
}

http::Response save_row(Pages& x, http::Request& req) {
  const auto found = managed_task(x, req);
  const Task& task = found.first;
  const Plan& plan = found.second;
  auto in = input_of(req);
  return http::refusing(
      [&] {
        update_task(x.db, task.id, in, directory::actor(req), now_seconds());
        return http::redirect(req, editor_href(plan.id, task.id));
      },
      [&](const http::Refusal& r) {
        return task_form(x, req, plan, in, edit_href(task), "Sửa nhiệm vụ " + task.ref,
                         {{"editing", true}, {"task_id", std::to_string(task.id)}, {"error", r.json()}});
      });
}

// ---- Row actions: up, down, delete, cancel (with a reason) or reopen ---------------------------------

// Applies `apply(task)` to the task of the path, then shows its row in the editor.
template <class F>
http::Response on_row(Pages& x, http::Request& req, F apply) {
  auto [task, plan] = managed_task(x, req);
  apply(task);
  return http::redirect(req, editor_href(plan.id, task.id));
}

http::Response up(Pages& x, http::Request& req) {
  return on_row(x, req, [&](const Task& t) { move_task(x.db, t.id, -1, directory::actor(req), now_seconds()); });
}

http::Response down(Pages& x, http::Request& req) {
  return on_row(x, req, [&](const Task& t) { move_task(x.db, t.id, +1, directory::actor(req), now_seconds()); });
}

http::Response delete_row(Pages& x, http::Request& req) {
  return on_row(x, req, [&](const Task& t) { delete_task(x.db, t.id, directory::actor(req), now_seconds()); });
}

// Cancelling needs a reason; "mo_lai=1" reopens. A refusal is an error
// page (the button sits in the editor's row, with no form to show again).
http::Response cancel(Pages& x, http::Request& req) {
  return on_row(x, req, [&](const Task& t) {
    auto reason = cancel_reason(req.form_param("mo_lai") == "1", req.form_param("ly_do").value_or(""));
    cancel_task(x.db, t.id, reason, directory::actor(req), now_seconds());
  });
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/ke-hoach/{id}/sua-nhiem-vu", "plans.manage", editor},
      {http::Verb::get, "/ke-hoach/{id}/them-nhiem-vu", "plans.manage", add_form},
      {http::Verb::post, "/ke-hoach/{id}/them-nhiem-vu", "plans.manage", add_row},
      {http::Verb::get, "/nhiem-vu/{id}/sua", "plans.manage", edit_form},
      {http::Verb::post, "/nhiem-vu/{id}/sua", "plans.manage", save_row},
      {http::Verb::post, "/nhiem-vu/{id}/len", "plans.manage", up},
      {http::Verb::post, "/nhiem-vu/{id}/xuong", "plans.manage", down},
      {http::Verb::post, "/nhiem-vu/{id}/xoa", "plans.manage", delete_row},
      {http::Verb::post, "/nhiem-vu/{id}/huy", "plans.manage", cancel},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace editor_pages

void add_editor_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  editor_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::plans
