#include "directory/routes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/rules.h"
#include "directory/signin.h"
#include "directory/staged.h"
#include "directory/store.h"
#include "http/refusal.h"

namespace cchc::directory {

using nlohmann::json;

namespace {

// Only local paths: "/x", never "//host" or "http://…".
// Where sign-in leads: the page asked for, else the person's work list.
std::string safe_next(const std::optional<std::string>& next) {
  if (!next || !text::is_local_path(*next)) return "/viec-cua-toi";
  return *next;
}

// What a staged unit file was checked as (directory/staged.h).
constexpr const char* kUnitsPurpose = "units";

std::map<std::string, std::string> level_names(db::Database& db) {
  std::map<std::string, std::string> out;
  for (const auto& l : load_levels(db)) out[l.code] = l.name;
  return out;
}

// dd/mm/yyyy or yyyy-mm-dd; empty → today.
Date parse_day(const std::optional<std::string>& s) {
  if (!s || s->empty()) return local_date(now_seconds());
  if (s->size() == 10 && (*s)[2] == '/' && (*s)[5] == '/') {
    return parse_iso_date(s->substr(6, 4) + "-" + s->substr(3, 2) + "-" + s->substr(0, 2));
  }
  return parse_iso_date(*s);
}

std::string validity_vi(const Unit& u) {
  return "từ " + format_date_vi(u.valid_from) + (u.valid_to ? " đến " + format_date_vi(*u.valid_to) : "");
}

json unit_link(const Unit& u, const std::map<std::string, std::string>& levels) {
  auto l = levels.find(u.level);
  return {{"code", u.code},
          {"name", u.name},
          {"level", l == levels.end() ? u.level : l->second},
          {"validity", validity_vi(u)}};
}

json tree_node(const Tree& tree, const Unit& u, Date d, const std::map<std::string, std::string>& levels, int depth) {
  json node = unit_link(u, levels);
  node["_template"] = "directory/node.tpl";
  auto kids = tree.children(u.code, d);
  if (!kids.empty()) {
    node["branch"] = true;
    node["open"] = depth < 1;
    json children = json::array();
    for (const Unit* k : kids) children.push_back({{"node", tree_node(tree, *k, d, levels, depth + 1)}});
    node["children"] = children;
    node["child_count"] = std::to_string(kids.size());
  }
  return node;
}

struct Context {
  views::Layout& layout;
  http::SessionStore& sessions;
  db::Database& db;
};

// ---- Signing in and out, the password ----------------------------------------------------

http::Response sign_in_page(Context& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  data["csrf"] = x.sessions.form_token(req);
  if (!data.contains("next")) data["next"] = safe_next(req.query_param("tiep"));
  if (req.principal) data["signed_in"] = json{{"username", req.principal->username}};
  return http::html(req, x.layout.page(req, "Đăng nhập", "directory/sign_in.tpl", data), status);
}

http::Response show_sign_in(Context& x, http::Request& req) { return sign_in_page(x, req, json::object()); }

// Wrong credentials are 401 and too many tries 429, each with the form again.
http::Response sign_in(Context& x, http::Request& req) {
  auto username = req.form_param("username").value_or("");
  auto password = req.form_param("password").value_or("");
  auto next = safe_next(req.form_param("tiep"));
  auto now = now_seconds();
  auto result = check_sign_in(x.db, username, password.substr(0, 1024), req.client_address, now);
  json data = {{"next", next}, {"username_value", username.substr(0, 64)}};
  if (result.outcome == SignIn::Outcome::throttled) {
    data["error"] = json{{"message", "Bạn đã nhập sai quá nhiều lần. Xin vui lòng thử lại sau 15 phút."}};
    return sign_in_page(x, req, data, http::Status::too_many_requests);
  }
  if (result.outcome == SignIn::Outcome::bad_credentials) {
    data["error"] = json{{"message", "Tên đăng nhập hoặc mật khẩu không đúng."}};
    return sign_in_page(x, req, data, http::Status::unauthorized);
  }
  x.sessions.start_for_user(req, result.user->id, now);
  return http::redirect(req, next);
}

http::Response sign_out(Context& x, http::Request& req) {
  x.sessions.end_for_user(req.principal->id);
  x.db.write([&](db::Connection& c) {
    auto e = actor(req);
    e.action = "sign_out";
    e.entity = "sessions";
    e.entity_id = req.principal->username;
    audit::append(c, e, now_seconds());
  });
  auto res = http::redirect(req, "/");
  res.insert(http::field::set_cookie, x.sessions.clear_cookie());
  req.session.reset();
  return res;
}

http::Response password_page(Context& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  data["csrf"] = req.session->csrf_token;
  return http::html(req, x.layout.page(req, "Đổi mật khẩu", "directory/password.tpl", data), status);
}

http::Response show_password_form(Context& x, http::Request& req) {
  return password_page(x, req, {{"saved", req.query_param("da-luu").has_value()}});
}

// Too many wrong current passwords is 429, like sign-in; every other
// refusal shows the form again.
http::Response change_password(Context& x, http::Request& req) {
  auto current = req.form_param("current").value_or("");
  auto fresh = req.form_param("new").value_or("");
  auto user = find_user(x.db, req.principal->id);
  if (!user) throw forbidden("no such user");
  return http::refusing(
      [&] {
        switch (check_current_password(x.db, *user, current, req.client_address, now_seconds())) {
          case PasswordCheck::ok: break;
          case PasswordCheck::wrong:
            throw invalid_input("the current password is wrong", "Mật khẩu hiện tại không đúng.").at("current");
          case PasswordCheck::throttled:
            return password_page(
                x, req,
                {{"error",
                  {{"message", "Mật khẩu hiện tại đã bị nhập sai nhiều lần. Xin vui lòng thử lại sau 15 phút."}}}},
                http::Status::too_many_requests);
        }
        if (fresh != req.form_param("confirm").value_or("")) {
          throw invalid_input("the new passwords differ", "Hai lần nhập mật khẩu mới không khớp.").at("confirm");
        }
        set_password(x.db, req.principal->id, fresh, actor(req), now_seconds(), req.session->token_hash);
        return http::redirect(req, "/doi-mat-khau?da-luu=1");
      },
      [&](const http::Refusal& r) {
        return password_page(x, req, {{"error", r.json()}});
      });
}

// ---- The unit tree and a unit --------------------------------------------------------------

// The units matching `q` (name or code, without accents), as links.
json search_units(const std::vector<const Unit*>& visible, const std::string& q,
                  const std::map<std::string, std::string>& levels) {
  auto key = text::fold(q.substr(0, 100));
  json results = json::array();
  for (const Unit* u : visible) {
    if (text::fold(u->name).find(key) != std::string::npos || text::fold(u->code).find(key) != std::string::npos) {
      results.push_back(unit_link(*u, levels));
    }
  }
  return json{{"results", results}, {results.empty() ? "no_results" : "results_section", true}};
}

// The visible units whose parent is not visible, each with its branch.
json tree_roots(const Tree& tree, const std::vector<const Unit*>& visible, Date day,
                const std::map<std::string, std::string>& levels) {
  json roots = json::array();
  std::set<std::string> shown;
  for (const Unit* u : visible) shown.insert(u->code);
  for (const Unit* u : visible) {
    if (!shown.count(u->parent_code)) roots.push_back({{"node", tree_node(tree, *u, day, levels, 0)}});
  }
  return roots;
}

http::Response units_page(Context& x, http::Request& req) {
  Date day = parse_day(req.query_param("ngay"));
  auto tree = load_tree(x.db);
  auto levels = level_names(x.db);
  const auto& p = *req.principal;
  // The units the user reads: every unit, or the subtrees it reaches (a
  // coordinator's wider one included), each once.
  auto reach_of = reach(p, "units.read");
  std::vector<const Unit*> visible;
  if (reach_of.everywhere) {
    visible = tree.as_of(day);
  } else {
    std::set<std::string> seen;
    for (const auto& root : reach_of.roots) {
      for (const Unit* u : tree.subtree(root, day)) {
        if (seen.insert(u->code).second) visible.push_back(u);
      }
    }
  }
  json data = {{"date_label", format_date_vi(day)},
               {"date_iso", format_iso_date(day)},
               {"manage", holds(p, "units.manage")},
               {"date_value", req.query_param("ngay").value_or("")},
               {"count", text::format_int(std::int64_t(visible.size()))}};
  auto q = req.query_param("q").value_or("");
  if (!q.empty()) {
    data["q"] = q;
    data["search"] = search_units(visible, q, levels);
  } else {
    data["roots"] = tree_roots(tree, visible, day, levels);
    data["tree_section"] = !data["roots"].empty();
  }
  return http::html(req, x.layout.page(req, "Cơ cấu tổ chức", "directory/units.tpl", data));
}

http::Response unit_page(Context& x, http::Request& req) {
  auto tree = load_tree(x.db);
  const Unit* u = tree.find(req.params.at("unit"));
  if (!u) throw not_found("no such unit", "Không tìm thấy đơn vị.");
  auto levels = level_names(x.db);
  json data = unit_link(*u, levels);
  data["short_name"] = u->short_name.empty() ? "—" : u->short_name;
  auto v = validity_vi(*u);
  v[0] = 'T';
  data["validity"] = v + (u->valid_to ? "" : " (đang hoạt động)");
  json ancestors = json::array(), successors = json::array(), predecessors = json::array(), children = json::array();
  for (const Unit* a : tree.ancestors(u->code)) ancestors.push_back(unit_link(*a, levels));
  for (const auto& s : u->successor_codes) {
    if (const Unit* su = tree.find(s)) successors.push_back(unit_link(*su, levels));
  }
  for (const auto& other : tree.all()) {
    if (std::find(other.successor_codes.begin(), other.successor_codes.end(), u->code) != other.successor_codes.end()) {
      predecessors.push_back(unit_link(other, levels));
    }
  }
  Date day = u->valid_to ? *u->valid_to : local_date(now_seconds());
  for (const Unit* k : tree.children(u->code, day)) children.push_back(unit_link(*k, levels));
  data["ancestors"] = ancestors;
  data["successors"] = successors;
  data["successors_section"] = !successors.empty();
  data["predecessors"] = predecessors;
  data["predecessors_section"] = !predecessors.empty();
  data["children"] = children;
  data["children_section"] = !children.empty();
  data["manage"] = holds(*req.principal, "units.manage");
  return http::html(req, x.layout.page(req, u->name, "directory/unit.tpl", data));
}

// ---- Importing and exporting units ---------------------------------------------------------

http::Response import_page(Context& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  data["csrf"] = req.session->csrf_token;
  return http::html(req, x.layout.page(req, "Nhập đơn vị từ tệp CSV", "directory/import.tpl", data), status);
}

http::Response show_import_form(Context& x, http::Request& req) { return import_page(x, req, {{"upload", true}}); }

// A file with problems is 422 with each problem on its line; a sound one
// waits on the server (directory/staged.h) and the page asks to confirm
// it, carrying its id only. Staging beyond the space allowed is 413.
http::Response preview_import(Context& x, http::Request& req, const http::FormFile& file) {
  auto result = preview_units(x.db, file.content);
  json preview = {{"filename", file.filename}};
  if (!result.ok()) {
    json problems = json::array();
    for (const auto& e : result.errors) {
      problems.push_back({{"line", e.line ? std::to_string(e.line) : "—"}, {"message", e.message_vi}});
    }
    preview["problems"] = problems;
    preview["problem_count"] = std::to_string(result.errors.size());
    preview["problems_section"] = true;
    return import_page(x, req, {{"preview", preview}}, http::Status::unprocessable_entity);
  }
  std::string staged;
  try {
    staged = x.db.write([&](db::Connection& c) {
      return stage_upload(c, kUnitsPurpose, file.filename, file.content, req.principal->username,
                          req.principal->unit_code, now_seconds());
    });
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::too_large) throw;
    return import_page(x, req, {{"upload", true}, {"error", {{"message", e.message_vi()}}}},
                       http::Status::payload_too_large);
  }
  preview["ready_section"] = json{{"inserted", std::to_string(result.inserted)},
                                  {"updated", std::to_string(result.updated)},
                                  {"unchanged", std::to_string(result.unchanged)},
                                  {"filename", file.filename},
                                  {"staged", staged},
                                  {"csrf", req.session->csrf_token}};
  return import_page(x, req, {{"preview", preview}});
}

http::Response check_import(Context& x, http::Request& req) {
  return http::refusing(
      [&] {
        auto file = req.files().find("tep");
        if (file == req.files().end() || file->second.content.empty()) {
          throw invalid_input("no file chosen", "Xin vui lòng chọn một tệp CSV.").at("tep");
        }
        return preview_import(x, req, file->second);
      },
      [&](const http::Refusal& r) {
        return import_page(x, req, {{"upload", true}, {"error", r.json()}});
      });
}

// The staged file read, imported and removed in one transaction; a file
// imported meanwhile (or never staged) is refused.
http::Response confirm_import(Context& x, http::Request& req) {
  auto id = req.form_param("tep_da_kiem_tra").value_or("");
  auto who = actor(req);
  const auto& p = *req.principal;
  return http::refusing(
      [&] {
        std::string filename;
        ImportResult result;
        x.db.write([&](db::Connection& c) {
          auto staged = staged_upload(c, id, kUnitsPurpose, p.username, p.unit_code, now_seconds());
          filename = staged.filename;
          result = import_units(c, staged.content, who, now_seconds());
          if (!remove_staged(c, staged.id)) {
            throw invalid_input("the staged upload was imported meanwhile", kStagedGoneVi);
          }
        });
        if (!result.ok()) throw invalid_input(result.errors.front().message, result.errors.front().message_vi);
        return import_page(x, req,
                           {{"done",
                             {{"filename", filename},
                              {"inserted", std::to_string(result.inserted)},
                              {"updated", std::to_string(result.updated)},
                              {"unchanged", std::to_string(result.unchanged)}}}});
      },
      [&](const http::Refusal& r) {
        return import_page(x, req, {{"upload", true}, {"error", r.json()}});
      });
}

http::Response export_csv(Context& x, http::Request& req) {
  Date day = parse_day(req.query_param("ngay"));
  auto csv = export_units(x.db, day);
  x.db.write([&](db::Connection& c) {
    auto e = actor(req);
    e.action = "export";
    e.entity = "units";
    e.entity_id = format_iso_date(day);
    audit::append(c, e, now_seconds());
  });
  return http::attachment(req, "text/csv; charset=utf-8", std::move(csv), "don-vi-" + format_iso_date(day) + ".csv");
}

// ---- Editing a unit ------------------------------------------------------------------------

http::Response edit_page(Context& x, http::Request& req, const Unit& u, json extra,
                         http::Status status = http::Status::ok) {
  auto tree = load_tree(x.db);
  json levels = json::array(), parents = json::array();
  for (const auto& l : load_levels(x.db))
    levels.push_back({{"code", l.code}, {"name", l.name}, {"selected", l.code == u.level}});
  std::vector<const Unit*> all;
  for (const auto& other : tree.all()) all.push_back(&other);
  std::sort(all.begin(), all.end(), [](const Unit* a, const Unit* b) { return text::collate_less(a->name, b->name); });
  for (const Unit* other : all) {
    if (other->code != u.code)
      parents.push_back({{"code", other->code}, {"name", other->name}, {"selected", other->code == u.parent_code}});
  }
  std::string successors;
  for (const auto& sc : u.successor_codes) successors += (successors.empty() ? "" : ";") + sc;
  json data = {{"code", u.code},
               {"name", u.name},
               {"short_name", u.short_name},
               {"levels", levels},
               {"parents", parents},
               {"valid_from", format_iso_date(u.valid_from)},
               {"valid_to", u.valid_to ? format_iso_date(*u.valid_to) : ""},
               {"successors", successors},
               {"csrf", req.session->csrf_token}};
  data.update(extra);
  return http::html(req, x.layout.page(req, "Sửa đơn vị", "directory/edit.tpl", data), status);
}

http::Response show_edit_form(Context& x, http::Request& req) {
  auto tree = load_tree(x.db);
  const Unit* u = tree.find(req.params.at("unit"));
  if (!u) throw not_found("no such unit", "Không tìm thấy đơn vị.");
  return edit_page(x, req, *u, json::object());
}

// An edit is an import of one line: the same checks, the same audit. Its
// problems show as a list (422), each without the import's "Dòng N: ".
http::Response save_unit(Context& x, http::Request& req) {
  auto tree = load_tree(x.db);
  const Unit* old = tree.find(req.params.at("unit"));
  if (!old) throw not_found("no such unit", "Không tìm thấy đơn vị.");
  auto f = [&](const char* name) { return req.form_param(name).value_or(""); };
  std::string line = csv::format_row({old->code, f("name"), f("level"), f("parent"), f("valid_from"), f("valid_to"),
                                      f("successors"), f("short_name")});
  auto result =
      import_units(x.db, "code,name,level,parent_code,valid_from,valid_to,successor_codes,short_name\n" + line,
                   actor(req), now_seconds());
  if (!result.ok()) {
    Unit shown = *old;
    shown.name = f("name");
    shown.short_name = f("short_name");
    json messages = json::array();
    for (const auto& e : result.errors) {
      auto m = e.message_vi;
      if (auto colon = m.find(": "); m.starts_with("Dòng ") && colon != std::string::npos) m = m.substr(colon + 2);
      messages.push_back(m);
    }
    return edit_page(x, req, shown, {{"error", {{"messages", messages}}}}, http::Status::unprocessable_entity);
  }
  return http::redirect(req, "/don-vi/" + old->code);
}

// ---- Users ---------------------------------------------------------------------------------

// The units open today, by name.
std::vector<const Unit*> open_units_by_name(const Tree& tree) {
  auto open = tree.as_of(local_date(now_seconds()));
  std::sort(open.begin(), open.end(),
            [](const Unit* a, const Unit* b) { return text::collate_less(a->name, b->name); });
  return open;
}

json role_boxes(const std::vector<std::string>& checked) {
  json roles = json::array();
  for (const auto& r : kRoles) {
    roles.push_back({{"code", r},
                     {"label", role_label_vi(r)},
                     {"checked", std::find(checked.begin(), checked.end(), r) != checked.end()}});
  }
  return roles;
}

std::vector<std::string> roles_of(const http::Request& req) {
  std::vector<std::string> out;
  auto [a, b] = req.form().equal_range("role");
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

// The list of users and the form of a new one (`data` may hold what was
// typed: form_unit, form_roles, …).
http::Response users_page(Context& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  auto tree = load_tree(x.db);
  json users = json::array();
  for (const auto& u : list_users(x.db)) {
    std::string roles;
    for (const auto& r : u.roles) roles += (roles.empty() ? "" : ", ") + role_label_vi(r);
    const Unit* unit = tree.find(u.unit_code);
    users.push_back({{"username", u.username},
                     {"display_name", u.display_name},
                     {"locked", !u.active},
                     {"unit", unit ? unit->name : u.unit_code},
                     {"roles", roles}});
  }
  json units = json::array(), scopes = json::array();
  auto selected = data.value("form_unit", std::string());
  auto scope = data.value("form_scope", std::string());
  for (const Unit* u : open_units_by_name(tree)) {
    units.push_back({{"code", u->code}, {"name", u->name}, {"selected", u->code == selected}});
    scopes.push_back({{"code", u->code}, {"name", u->name}, {"selected", u->code == scope}});
  }
  data["users"] = users;
  data["units"] = units;
  data["scopes"] = scopes;
  data["roles"] = role_boxes(data.value("form_roles", std::vector<std::string>{}));
  data["csrf"] = req.session->csrf_token;
  return http::html(req, x.layout.page(req, "Người dùng", "directory/users.tpl", data), status);
}

http::Response show_users(Context& x, http::Request& req) { return users_page(x, req, json::object()); }

// A user made is 201 with the page again, showing the password generated
// when none was typed.
http::Response create_user(Context& x, http::Request& req) {
  NewUser nu;
  nu.username = req.form_param("username").value_or("");
  nu.display_name = req.form_param("display_name").value_or("");
  nu.unit_code = req.form_param("unit").value_or("");
  nu.roles = roles_of(req);
  nu.coordinates = req.form_param("pham_vi").value_or("");
  if (std::find(nu.roles.begin(), nu.roles.end(), "coordinator") == nu.roles.end()) nu.coordinates.clear();
  nu.password = req.form_param("password").value_or("");
  bool generated = nu.password.empty();
  if (generated) nu.password = generate_password();
  return http::refusing(
      [&] {
        auto user = add_user(x.db, nu, actor(req), now_seconds());
        json created = {{"username", user.username}};
        if (generated) created["password_section"] = json{{"password", nu.password}};
        return users_page(x, req, {{"created", created}}, http::Status::created);
      },
      [&](const http::Refusal& r) {
        return users_page(x, req,
                          {{"form_username", nu.username},
                           {"form_display_name", nu.display_name},
                           {"form_unit", nu.unit_code},
                           {"form_roles", nu.roles},
                           {"form_scope", nu.coordinates},
                           {"error", r.json()}});
      });
}

http::Response user_page(Context& x, http::Request& req, const User& u, json extra) {
  auto tree = load_tree(x.db);
  json units = json::array(), scopes = json::array();
  auto scope = u.scopes.count("coordinator") ? u.scopes.at("coordinator") : std::string();
  for (const Unit* other : open_units_by_name(tree)) {
    units.push_back({{"code", other->code}, {"name", other->name}, {"selected", other->code == u.unit_code}});
    scopes.push_back({{"code", other->code}, {"name", other->name}, {"selected", other->code == scope}});
  }
  json data = {{"username", u.username},
               {"display_name", u.display_name},
               {"units", units},
               {"scopes", scopes},
               {"roles", role_boxes(u.roles)},
               {"active", u.active},
               {"csrf", req.session->csrf_token}};
  data.update(extra);
  return http::html(req, x.layout.page(req, "Người dùng " + u.username, "directory/user.tpl", data));
}

User need_user(Context& x, const http::Request& req) {
  auto u = find_user(x.db, req.params.at("username"));
  if (!u) throw not_found("no such user", "Không tìm thấy người dùng.");
  return *u;
}

http::Response show_user(Context& x, http::Request& req) {
  return user_page(x, req, need_user(x, req), {{"saved", req.query_param("da-luu").has_value()}});
}

// A refused change shows the user as stored, with why.
http::Response save_user(Context& x, http::Request& req) {
  auto u = need_user(x, req);
  UserChange change{req.form_param("display_name").value_or(""), req.form_param("unit").value_or(""), roles_of(req),
                    req.form_param("active").has_value(), req.form_param("pham_vi")};
  // The form always posts the scope; without the role it means nothing.
  if (std::find(change.roles.begin(), change.roles.end(), "coordinator") == change.roles.end()) {
    change.coordinates = "";
  }
  return http::refusing(
      [&] {
        if (locks_self_out(u.id == req.principal->id, change.active, change.roles)) {
          throw invalid_input("an administrator cannot lock themself out",
                              "Không thể tự khóa tài khoản hoặc bỏ vai trò quản trị của chính mình.");
        }
        update_user(x.db, u.id, change, actor(req), now_seconds());
        return http::redirect(req, "/nguoi-dung/" + u.username + "?da-luu=1");
      },
      [&](const http::Refusal& r) {
        return user_page(x, req, u, {{"error", r.json()}});
      });
}

// ---- The audit log -------------------------------------------------------------------------

http::Response audit_log(Context& x, http::Request& req) {
  audit::Filter f;
  auto opt = [&](const char* name) {
    auto v = req.query_param(name);
    return v && !v->empty() ? std::optional<std::string>(v->substr(0, 100)) : std::nullopt;
  };
  f.actor = opt("nguoi");
  f.entity = opt("doi-tuong");
  f.action = opt("thao-tac");
  if (auto from = opt("tu-ngay")) f.from = start_of_day(parse_day(from));
  if (auto to = opt("den-ngay")) f.to = start_of_day(parse_day(to)) + std::chrono::days(1);
  f.limit = 200;
  json entries = json::array();
  for (const auto& e : audit::list(x.db, f)) {
    entries.push_back({{"seq", text::format_int(e.seq)},
                       {"at", format_datetime_vi(e.at)},
                       {"actor", e.actor},
                       {"address", e.address},
                       {"action", e.action},
                       {"entity", e.entity},
                       {"entity_id", e.entity_id}});
  }
  json data = {{"entries", entries},
               {"count", text::format_int(std::int64_t(entries.size()))},
               {"actor", f.actor.value_or("")},
               {"entity", f.entity.value_or("")},
               {"action", f.action.value_or("")},
               {"from", req.query_param("tu-ngay").value_or("")},
               {"to", req.query_param("den-ngay").value_or("")}};
  return http::html(req, x.layout.page(req, "Nhật ký hệ thống", "directory/audit.tpl", data));
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, http::SessionStore& sessions, db::Database& db) {
  layout.add_nav({"Cơ cấu tổ chức", "/don-vi", "units.read"});
  layout.add_nav({"Người dùng", "/nguoi-dung", "users.manage"});
  layout.add_nav({"Nhật ký hệ thống", "/nhat-ky", "audit.read"});
  auto x = std::make_shared<Context>(Context{layout, sessions, db});
  const http::RouteTo<Context> routes[] = {
      {http::Verb::get, "/dang-nhap", http::kPublic, show_sign_in},
      {http::Verb::post, "/dang-nhap", http::kPublic, sign_in},
      {http::Verb::post, "/dang-xuat", "signed_in", sign_out},
      {http::Verb::get, "/doi-mat-khau", "signed_in", show_password_form},
      {http::Verb::post, "/doi-mat-khau", "signed_in", change_password},
      {http::Verb::get, "/don-vi", "units.read", units_page},
      {http::Verb::get, "/don-vi/{unit}", "units.read", unit_page},
      {http::Verb::get, "/quan-tri/don-vi/nhap", "units.manage", show_import_form},
      {http::Verb::post, "/quan-tri/don-vi/nhap", "units.manage", check_import, http::upload(1)},
      {http::Verb::post, "/quan-tri/don-vi/nhap/xac-nhan", "units.manage", confirm_import, http::staged_confirm()},
      {http::Verb::get, "/quan-tri/don-vi/xuat", "units.manage", export_csv},
      {http::Verb::get, "/don-vi/{unit}/sua", "units.manage", show_edit_form},
      {http::Verb::post, "/don-vi/{unit}/sua", "units.manage", save_unit},
      {http::Verb::get, "/nguoi-dung", "users.manage", show_users},
      {http::Verb::post, "/nguoi-dung", "users.manage", create_user},
      {http::Verb::get, "/nguoi-dung/{username}", "users.manage", show_user},
      {http::Verb::post, "/nguoi-dung/{username}", "users.manage", save_user},
      {http::Verb::get, "/nhat-ky", "audit.read", audit_log},
  };
  http::add_routes(router, x, routes);
  add_storage_routes(router, layout, db);
}

}  // namespace cchc::directory
