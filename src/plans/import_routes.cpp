// The matrix import (/ke-hoach/{id}/nhap): the sheet checked, the unit
// names it could not match shown to resolve, then confirmed from the staged
// file; the table at the end names the routes with their permissions.
#include <fmt/format.h>

#include <functional>
#include <memory>

#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/staged.h"
#include "http/refusal.h"
#include "plans/matrix.h"
#include "plans/names.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/rules.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

namespace import_pages {
namespace {

constexpr size_t kMaxMatrixBytes = 5u << 20;

json error_list(const std::vector<LineError>& errors) {
  json out = json::array();
  for (const auto& e : errors)
    out.push_back({{"line", e.line ? std::to_string(e.line) : "—"}, {"message", e.message_vi}});
  return out;
}

http::Response import_page(Pages& x, http::Request& req, const Plan& plan, json data,
                           http::Status status = http::Status::ok) {
  data["csrf"] = csrf_token(req);
  data["plan"] = {{"id", std::to_string(plan.id)}, {"number", plan.number}};
  data["plan_id"] = std::to_string(plan.id);
  return http::html(req, x.layout.page(req, "Nhập bảng nhiệm vụ " + plan.number, "plans/import.tpl", data), status);
}

// A refused import: the upload form again, with the reason.
http::Response import_refused(Pages& x, http::Request& req, const Plan& plan, const http::Refusal& r) {
  return import_page(x, req, plan, {{"upload", true}, {"error", r.json()}});
}

http::Response import_form(Pages& x, http::Request& req) {
  return import_page(x, req, managed_plan(x.db, req), {{"upload", true}});
}

// The user's choices for unresolved names: ten_<i> the name, chon_<i> a
// unit code or "level:<code>".
Resolutions resolutions_of(const http::Request& req) {
  Resolutions resolutions;
  for (int i = 0; i < 500; ++i) {
    auto name = req.form_param(fmt::format("ten_{}", i));
    if (!name) break;
    auto target = req.form_param(fmt::format("chon_{}", i)).value_or("");
    if (!target.empty()) resolutions[unit_key(*name)] = target;
  }
  return resolutions;
}

// The names to resolve, each with its candidates first, then every level
// group and open unit.
json unresolved_rows(const MatrixImport& out, const std::vector<UnitRow>& units,
                     std::map<std::string, std::string>& names) {
  json unresolved = json::array();
  int i = 0;
  for (const auto& u : out.unresolved) {
    json options = json::array();
    for (const auto& c : u.candidates) options.push_back({{"value", c}, {"label", names[c] + " (gợi ý)"}});
    for (const auto& [level, label] :
         std::vector<std::pair<std::string, std::string>>{{"level:department", "Tất cả sở, ban, ngành"},
                                                          {"level:district", "Tất cả UBND cấp huyện"},
                                                          {"level:commune", "Tất cả UBND cấp xã"}}) {
      options.push_back({{"value", level}, {"label", label}});
    }
    for (const auto& unit : units) {
      if (unit.open) options.push_back({{"value", unit.code}, {"label", unit.name}});
    }
    std::string lines;
    for (int l : u.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
    unresolved.push_back({{"i", std::to_string(i++)},
                          {"name", u.name},
                          {"lines", lines},
                          {"why", u.ambiguous ? "Có nhiều đơn vị gần giống" : "Không tìm thấy đơn vị"},
                          {"options", options}});
  }
  return unresolved;
}

// The first ten rows, and every row whose deadline did not read (counted in `unread`).
json preview_rows(const MatrixImport& out, const std::map<std::string, std::string>& names, int& unread) {
  json preview = json::array();
  for (size_t r = 0; r < out.rows.size(); ++r) {
    const auto& row = out.rows[r];
    unread += deadline_unread(*row.deadline);
    if (r >= 10 && !deadline_unread(*row.deadline)) continue;
    preview.push_back({{"line", std::to_string(row.line)},
                       {"description", row.description},
                       {"lead", names_text(row.leads, names)},
                       {"deadline", format_deadline(*row.deadline)},
                       {"unread", deadline_unread(*row.deadline)}});
  }
  return preview;
}

// A matrix that reads, staged as `staged`: what is still to resolve and a
// preview, with the confirmation.
http::Response ready_page(Pages& x, http::Request& req, const Plan& plan, const MatrixImport& out, json data,
                          const std::string& staged, const std::string& filename) {
  auto units = x.db.read([](db::Connection& c) { return unit_rows(c); });
  auto names = names_of(units);
  json unresolved = unresolved_rows(out, units, names);
  int unread = 0;
  json preview = preview_rows(out, names, unread);
  bool has_tasks = !x.db.read([&](db::Connection& c) { return plan_tasks(c, plan.id); }).empty();
  data["ready"] = {{"staged", staged},
                   {"filename", filename},
                   {"unresolved", unresolved},
                   {"any_unresolved", !unresolved.empty()},
                   {"preview", preview},
                   {"unread", unread},
                   {"any_unread", unread > 0},
                   {"has_tasks", has_tasks},
                   {"rows", text::format_int(std::int64_t(out.rows.size()))}};
  return import_page(x, req, plan, data);
}

// Both steps: the check of an uploaded file, which stages it on the server
// when it reads (directory/staged.h), and the confirmation of the staged
// file (its id and the user's choices for unresolved names), which imports
// it or shows what is still to resolve. A refusal of the import is thrown
// to the handler's http::refusing.
http::Response matrix_step(Pages& x, http::Request& req, const Plan& plan, const std::string& content,
                           const std::string& filename, std::string staged, bool confirm) {
  bool replace = req.form_param("thay_the") == "1";
  std::function<void(db::Connection&)> forget_staged;
  if (!staged.empty()) {
    forget_staged = [&staged](db::Connection& c) {
      if (!directory::remove_staged(c, staged)) {
        throw invalid_input("the staged upload was imported meanwhile", directory::kStagedGoneVi);
      }
    };
  }
  auto out = import_matrix(x.db, plan.id, content, resolutions_of(req), confirm, replace, directory::actor(req),
                           now_seconds(), forget_staged);
  json data = {{"filename", filename}, {"rows", text::format_int(std::int64_t(out.rows.size()))}};
  if (!out.errors.empty()) {
    data["upload"] = true;
    data["problems"] = {{"count", text::format_int(std::int64_t(out.errors.size()))},
                        {"errors", error_list(out.errors)}};
    return import_page(x, req, plan, data, http::Status::unprocessable_entity);
  }
  if (out.ok() && confirm) return http::redirect(req, fmt::format("/ke-hoach/{}?da-nhap={}", plan.id, out.written));
  if (staged.empty()) {
    try {
      staged = x.db.write([&](db::Connection& c) {
        return directory::stage_upload(c, fmt::format("plan:{}", plan.id), filename, content, req.principal->username,
                                       req.principal->unit_code, now_seconds());
      });
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::too_large) throw;
      return import_page(x, req, plan, {{"upload", true}, {"error", {{"message", e.message_vi()}}}},
                         http::Status::payload_too_large);
    }
  }
  return ready_page(x, req, plan, out, data, staged, filename);
}

http::Response import_check(Pages& x, http::Request& req) {
  auto plan = managed_plan(x.db, req);
  auto f = req.files().find("tep");
  bool chosen = f != req.files().end() && !f->second.content.empty();
  if (chosen && f->second.content.size() > kMaxMatrixBytes) {
    return import_page(x, req, plan, {{"upload", true}, {"error", {{"message", "Tệp lớn hơn 5 MB."}}}},
                       http::Status::payload_too_large);
  }
  return http::refusing(
      [&] {
        if (!chosen) throw invalid_input("no file was chosen", "Hãy chọn một tệp XLSX hoặc CSV.").at("tep");
        return matrix_step(x, req, plan, f->second.content, f->second.filename, "", false);
      },
      [&](const http::Refusal& r) { return import_refused(x, req, plan, r); });
}

// The form's body is the staged id and the choices (at most a form's
// fields), never the file.
http::Response import_confirm(Pages& x, http::Request& req) {
  auto plan = managed_plan(x.db, req);
  const auto& p = *req.principal;
  return http::refusing(
      [&] {
        auto staged = x.db.read([&](db::Connection& c) {
          return directory::staged_upload(c, req.form_param("tep_da_kiem_tra").value_or(""),
                                          fmt::format("plan:{}", plan.id), p.username, p.unit_code, now_seconds());
        });
        return matrix_step(x, req, plan, staged.content, staged.filename, staged.id, req.form_param("xac_nhan") == "1");
      },
      [&](const http::Refusal& r) { return import_refused(x, req, plan, r); });
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/ke-hoach/{id}/nhap", "plans.manage", import_form},
      {http::Verb::post, "/ke-hoach/{id}/nhap", "plans.manage", import_check, http::upload(1)},
      {http::Verb::post, "/ke-hoach/{id}/nhap/xac-nhan", "plans.manage", import_confirm,
       http::staged_confirm(http::BodyLimits::kFormBytes)},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace import_pages

void add_import_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  import_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::plans
