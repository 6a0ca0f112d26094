// The matrix editor: add, change, reorder, delete and cancel task rows in
// the browser, without JavaScript (plans/store.h, "The matrix editor").
#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/session.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

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

}  // namespace

void add_editor_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  // The form for a new row or a change: `action` posts it.
  auto form = [&db, &layout](http::Request& req, const Plan& plan, const TaskInput& in, const std::string& action,
                             const std::string& title, json extra, http::Status status) {
    auto areas = db.read([](db::Connection& c) { return load_areas(c); });
    json area_options = json::array();
    for (const auto& a : areas) {
      area_options.push_back({{"code", a.code}, {"name", a.name}, {"selected", a.code == in.area_code}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
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
    return http::html(req, layout.page(req, title, "plans/task_form.tpl", data), status);
  };
  auto plan_of_task = [&db](std::int64_t task_id) {
    auto t = db.read([&](db::Connection& c) { return find_task(c, task_id); });
    if (!t) throw not_found("no such task", "Không tìm thấy nhiệm vụ.");
    return std::pair(*t, need_plan(db, t->plan_id));
  };

  // ---- The editor: every row with its actions.
  router.add(http::Verb::get, "/ke-hoach/{id}/sua-nhiem-vu", "plans.manage", [&db, &layout](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    std::vector<Task> tasks;
    std::map<std::int64_t, bool> reported;
    std::map<std::string, std::string> names;
    std::map<std::string, std::string> area_names;
    db.read([&](db::Connection& c) {
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
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}}},
                 {"rows", rows},
                 {"none", rows.empty()}};
    return http::html(req, layout.page(req, "Sửa bảng nhiệm vụ " + plan.number, "plans/editor.tpl", data));
  });

  router.add(http::Verb::get, "/ke-hoach/{id}/them-nhiem-vu", "plans.manage", [&db, form](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    return form(req, plan, TaskInput{}, fmt::format("/ke-hoach/{}/them-nhiem-vu", plan.id), "Thêm nhiệm vụ",
                json::object(), http::Status::ok);
  });
  router.add(http::Verb::post, "/ke-hoach/{id}/them-nhiem-vu", "plans.manage", [&db, form](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    auto in = input_of(req);
    try {
      auto task = add_task(db, plan.id, in, directory::actor(req), now_seconds());
      return http::redirect(req, fmt::format("/ke-hoach/{}/sua-nhiem-vu#nv-{}", plan.id, task.id));
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return form(req, plan, in, fmt::format("/ke-hoach/{}/them-nhiem-vu", plan.id), "Thêm nhiệm vụ",
                  {{"error", {{"message", e.message_vi()}}}}, http::Status::unprocessable_entity);
    }
  });

  router.add(http::Verb::get, "/nhiem-vu/{id}/sua", "plans.manage", [&db, form, plan_of_task](http::Request& req) {
    auto [task, plan] = plan_of_task(req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    auto names = names_of(db.read([](db::Connection& c) { return unit_rows(c); }));
    return form(
        req, plan, input_of(task, names), fmt::format("/nhiem-vu/{}/sua", task.id), "Sửa nhiệm vụ " + task.ref,
        {{"editing", true}, {"task_id", std::to_string(task.id)}, {"reason", task.cancelled_reason.value_or("")}},
        http::Status::ok);
  });
  router.add(http::Verb::post, "/nhiem-vu/{id}/sua", "plans.manage", [&db, form, plan_of_task](http::Request& req) {
    auto [task, plan] = plan_of_task(req.int_param());
    require(db, req, "plans.manage", plan.unit_code);
    auto in = input_of(req);
    try {
      update_task(db, task.id, in, directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return form(req, plan, in, fmt::format("/nhiem-vu/{}/sua", task.id), "Sửa nhiệm vụ " + task.ref,
                  {{"editing", true}, {"task_id", std::to_string(task.id)}, {"error", {{"message", e.message_vi()}}}},
                  http::Status::unprocessable_entity);
    }
    return http::redirect(req, fmt::format("/ke-hoach/{}/sua-nhiem-vu#nv-{}", plan.id, task.id));
  });

  // Row actions: up, down, delete, cancel (with a reason) or reopen.
  auto action = [&db, plan_of_task](auto&& apply) {
    return [&db, plan_of_task, apply](http::Request& req) {
      auto [task, plan] = plan_of_task(req.int_param());
      require(db, req, "plans.manage", plan.unit_code);
      apply(req, task);
      return http::redirect(req, fmt::format("/ke-hoach/{}/sua-nhiem-vu#nv-{}", plan.id, task.id));
    };
  };
  router.add(http::Verb::post, "/nhiem-vu/{id}/len", "plans.manage", action([&db](http::Request& req, const Task& t) {
               move_task(db, t.id, -1, directory::actor(req), now_seconds());
             }));
  router.add(http::Verb::post, "/nhiem-vu/{id}/xuong", "plans.manage", action([&db](http::Request& req, const Task& t) {
               move_task(db, t.id, +1, directory::actor(req), now_seconds());
             }));
  router.add(http::Verb::post, "/nhiem-vu/{id}/xoa", "plans.manage", action([&db](http::Request& req, const Task& t) {
               delete_task(db, t.id, directory::actor(req), now_seconds());
             }));
  router.add(http::Verb::post, "/nhiem-vu/{id}/huy", "plans.manage", action([&db](http::Request& req, const Task& t) {
               auto reason = req.form_param("ly_do").value_or("");
               if (req.form_param("mo_lai") != "1" && std::string(text::trim(reason)).empty()) {
                 throw invalid_input("a reason is needed to cancel a task", "Cần ghi lý do hủy nhiệm vụ.");
               }
               cancel_task(db, t.id, req.form_param("mo_lai") == "1" ? "" : reason, directory::actor(req),
                           now_seconds());
             }));
}

}  // namespace cchc::plans
