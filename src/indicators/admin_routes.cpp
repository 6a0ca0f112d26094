// Pages that change indicator data: the batch upload (its import a
// background job, indicators/upload.h), the rebuild of every rollup (a
// background job too), targets, API tokens.
// Named handlers over the database and the layout, registered from one
// table at the end; a refused form is shown again (http/refusal.h).
#include <fmt/format.h>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/staged.h"
#include "directory/tokens.h"
#include "http/refusal.h"
#include "http/session.h"
#include "indicators/dashboard.h"
#include "indicators/routes.h"
#include "indicators/rules.h"
#include "indicators/upload.h"
#include "jobs/runner.h"

namespace cchc::indicators {

using nlohmann::json;

namespace {

constexpr std::size_t kPreviewRows = 10;

// Records outside the user's unit subtree are refused unless the user is
// province-wide.
std::optional<std::string> scope_unit_of(const http::Principal& p) {
  if (directory::province_wide(p)) return std::nullopt;
  return p.unit_code;
}

json preview_table(const std::string& preview_csv) {
  auto records = csv::parse(preview_csv);
  json head = json::array(), rows = json::array();
  for (std::size_t i = 0; i < records.size(); ++i) {
    json cells = json::array();
    for (const auto& f : records[i].fields) cells.push_back({{"text", f}});
    if (i == 0)
      head = cells;
    else
      rows.push_back({{"cells", cells}});
  }
  return {{"head", head}, {"rows", rows}};
}

json error_list(const LineErrors& errors) {
  json out = json::array();
  for (const auto& e : errors) out.push_back({{"line", std::to_string(e.line)}, {"message", e.message_vi}});
  return out;
}

// How many problems the list leaves out, for the page ("" when none, so
// the template shows nothing).
std::string more_errors(const LineErrors& errors) {
  return errors.unreported() ? text::format_int(std::int64_t(errors.unreported())) : "";
}

json kind_options(Kind selected) {
  return json::array(
      {{{"code", "dossiers"}, {"name", "Hồ sơ thủ tục hành chính"}, {"checked", selected == Kind::dossiers}},
       {{"code", "feedback"}, {"name", "Phản ánh, kiến nghị"}, {"checked", selected == Kind::feedback}}});
}

// The problems of a refused batch, for the page: how many, the listed ones
// and how many more.
json batch_problems(const LineErrors& errors) {
  return {{"count", text::format_int(std::int64_t(errors.size()))},
          {"errors", error_list(errors)},
          {"more", more_errors(errors)}};
}

struct AdminContext {
  db::Database& db;
  views::Layout& layout;
};

// ---- Upload: check (a dry run with a preview), then confirm ---------------------

http::Response upload_page(AdminContext& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  data["csrf"] = req.session ? req.session->csrf_token : "";
  if (!data.contains("kinds")) data["kinds"] = kind_options(Kind::dossiers);
  return http::html(req, x.layout.page(req, "Nhập dữ liệu hồ sơ, phản ánh", "indicators/upload.tpl", data), status);
}

// The upload form again, the refusal above it.
http::Response upload_refused(AdminContext& x, http::Request& req, Kind kind, const http::Refusal& r) {
  return upload_page(x, req, {{"upload", true}, {"kinds", kind_options(kind)}, {"error", r.json()}});
}

http::Response show_upload(AdminContext& x, http::Request& req) { return upload_page(x, req, {{"upload", true}}); }

// Checks the file (a dry run): a refused batch lists its problems; a good
// one is staged (directory/staged.h) and previewed with the form that
// confirms it.
http::Response check_file(AdminContext& x, http::Request& req, Kind kind) {
  auto file = req.files().find("tep");
  if (file == req.files().end() || file->second.content.empty()) {
    throw invalid_input("choose a file", "Hãy chọn một tệp CSV hoặc JSON.").at("tep");
  }
  const auto& f = file->second;
  ImportRequest r{kind,         f.content, upload_format(f.filename, f.content), scope_unit_of(*req.principal), true,
                  kPreviewRows, {}};
  r.max_records = kRequestRecords;
  auto outcome = import_batch(x.db, r, directory::actor(req), now_seconds());
  json data = {{"filename", f.filename},
               {"kind", kind_code(kind)},
               {"kind_label", kind == Kind::dossiers ? "hồ sơ" : "phản ánh, kiến nghị"},
               {"records", text::format_int(std::int64_t(outcome.records))}};
  if (!outcome.ok()) {
    data["problems"] = batch_problems(outcome.errors);
    data["upload"] = true;
    data["kinds"] = kind_options(kind);
    return upload_page(x, req, data, http::Status::unprocessable_entity);
  }
  std::string staged;
  try {
    staged = x.db.write([&](db::Connection& c) {
      return directory::stage_upload(c, upload_purpose(kind), f.filename, f.content, req.principal->username,
                                     req.principal->unit_code, now_seconds());
    });
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::too_large) throw;
    return upload_page(x, req,
                       {{"upload", true}, {"kinds", kind_options(kind)}, {"error", {{"message", e.message_vi()}}}},
                       http::Status::payload_too_large);
  }
  data["ready"] = {{"staged", staged}, {"preview", preview_table(outcome.preview_csv)}};
  return upload_page(x, req, data);
}

http::Response check_upload(AdminContext& x, http::Request& req) {
  auto kind = upload_kind(req.form_param("loai").value_or(""));
  return http::refusing([&] { return check_file(x, req, kind); },
                        [&](const http::Refusal& r) { return upload_refused(x, req, kind, r); });
}

// Hands the staged file the confirmation names to a background job
// (indicators/upload.h), only for the user who checked it as this kind, and
// sends them to the job's page: the import runs on a worker, never on an
// I/O thread, and imports the file once.
http::Response import_staged(AdminContext& x, http::Request& req, Kind kind) {
  const auto& who = *req.principal;
  auto staged = x.db.read([&](db::Connection& c) {
    return directory::staged_upload_head(c, req.form_param("tep_da_kiem_tra").value_or(""), upload_purpose(kind),
                                         who.username, who.unit_code, now_seconds());
  });
  auto id = jobs::submit(
      x.db,
      import_job(kind, staged.id, staged.filename, who.username, who.unit_code, scope_unit_of(who), req.client_address),
      now_seconds());
  return http::redirect(req, "/cong-viec/" + id);
}

// The checked file is staged on the server (directory/staged.h); the
// confirmation carries its id only, so its body is a small form whatever
// the file's size, and the job imports exactly the file that was checked.
http::Response confirm_upload(AdminContext& x, http::Request& req) {
  auto kind = upload_kind(req.form_param("loai").value_or(""));
  return http::refusing([&] { return import_staged(x, req, kind); },
                        [&](const http::Refusal& r) { return upload_refused(x, req, kind, r); });
}

// ---- Rebuild: every rollup recomputed from the stored records, as a job --------------

http::Response rebuild_page(AdminContext& x, http::Request& req, json data) {
  data["csrf"] = req.session ? req.session->csrf_token : "";
  return http::html(req, x.layout.page(req, "Tính lại số liệu tổng hợp", "indicators/rebuild.tpl", data));
}

http::Response show_rebuild(AdminContext& x, http::Request& req) { return rebuild_page(x, req, json::object()); }

// Once its box is ticked (it rewrites every rollup), hands the rebuild to a
// background job (indicators/upload.h) and sends the administrator to its
// page; asked while one waits or runs, that one's page.
http::Response start_rebuild(AdminContext& x, http::Request& req) {
  return http::refusing(
      [&] {
        if (req.form_param("xac_nhan").value_or("") != "1") {
          throw invalid_input("tick the box to rebuild", "Hãy đánh dấu ô xác nhận trước khi tính lại.").at("xac_nhan");
        }
        const auto& who = *req.principal;
        auto id = jobs::submit(x.db, rebuild_job(who.username, who.unit_code, req.client_address), now_seconds());
        return http::redirect(req, "/cong-viec/" + id);
      },
      [&](const http::Refusal& r) {
        return rebuild_page(x, req, {{"error", r.json()}});
      });
}

// ---- Targets per indicator, level and year ----------------------------------------

http::Response targets_page(AdminContext& x, http::Request& req, json data) {
  auto all = x.db.read([](db::Connection& c) { return targets(c); });
  std::map<std::string, std::string> levels;
  for (const auto& l : directory::load_levels(x.db)) levels[l.code] = l.name;
  json rows = json::array();
  for (const auto& t : all) {
    rows.push_back({{"year", std::to_string(t.year)},
                    {"indicator", rate_indicator(t.indicator).name_vi},
                    {"level", levels.count(t.level) ? levels[t.level] : t.level},
                    {"target", text::format_percent(t.target * 100, 1)}});
  }
  data["rows"] = rows;
  if (req.principal && directory::may_act_on_province(x.db, *req.principal, "indicators.targets")) {
    json indicators = json::array(), level_list = json::array();
    for (const auto& i : rate_indicators()) indicators.push_back({{"code", i.code}, {"name", i.name_vi}});
    for (const auto& [code, name] : levels) level_list.push_back({{"code", code}, {"name", name}});
    data["form"] = {
        {"csrf", req.session ? req.session->csrf_token : ""}, {"indicators", indicators}, {"levels", level_list}};
  }
  if (req.principal && directory::holds(*req.principal, "indicators.manage")) {
    data["rebuild"] = {{"href", "/chi-so/tinh-lai"}};
  }
  return http::html(req, x.layout.page(req, "Chỉ tiêu", "indicators/targets.tpl", data));
}

http::Response show_targets(AdminContext& x, http::Request& req) {
  return targets_page(x, req, {{"saved", req.query_param("da-luu").has_value()}});
}

// The province's targets: for its coordinator (targets hold province-wide).
http::Response post_target(AdminContext& x, http::Request& req) {
  directory::require_province(x.db, req, "indicators.targets");
  return http::refusing(
      [&] {
        auto typed = read_target(req.form_param("nam").value_or(""), req.form_param("chi_tieu").value_or(""));
        Target t{req.form_param("chi_so").value_or(""), req.form_param("cap").value_or(""), typed.year, typed.share};
        set_targets(x.db, {t}, directory::actor(req), now_seconds());
        return http::redirect(req, "/chi-so/chi-tieu?da-luu=1");
      },
      [&](const http::Refusal& r) {
        return targets_page(x, req, {{"error", r.json()}});
      });
}

// ---- API tokens ---------------------------------------------------------------------

http::Response tokens_page(AdminContext& x, http::Request& req, json data, http::Status status = http::Status::ok) {
  auto all = x.db.read([](db::Connection& c) { return directory::list_tokens(c); });
  json rows = json::array();
  for (const auto& t : all) {
    rows.push_back(
        {{"id", t.id},
         {"name", t.name},
         {"unit", t.unit_code},
         {"purpose", t.purpose == directory::kPurposeOpen311 ? "Phản ánh qua Open311" : "Gửi hồ sơ, phản ánh (chỉ số)"},
         {"created", format_datetime_vi(t.created_at) + " (" + t.created_by + ")"},
         {"last_used", t.last_used_at ? format_datetime_vi(*t.last_used_at) : "Chưa dùng"},
         {"revoked", t.revoked_at ? json{{"at", format_datetime_vi(*t.revoked_at)}} : json(false)},
         {"live", !t.revoked_at}});
  }
  json units = json::array();
  x.db.read([&](db::Connection& c) {
    for (const auto& u : directory::load_units(c)) {
      if (!u.valid_to) units.push_back({{"code", u.code}, {"name", u.name + " (" + u.code + ")"}});
    }
  });
  data["rows"] = rows;
  data["units"] = units;
  data["csrf"] = req.session ? req.session->csrf_token : "";
  return http::html(req, x.layout.page(req, "Mã truy cập API", "indicators/tokens.tpl", data), status);
}

http::Response show_tokens(AdminContext& x, http::Request& req) { return tokens_page(x, req, json::object()); }

// A new token: its secret is shown once, here.
http::Response issue_api_token(AdminContext& x, http::Request& req) {
  return http::refusing(
      [&] {
        directory::IssuedToken issued;
        try {
          issued = directory::issue_token(
              x.db, req.form_param("ten").value_or(""), req.form_param("don_vi").value_or(""),
              req.form_param("muc_dich").value_or(directory::kPurposeIndicators), directory::actor(req), now_seconds());
        } catch (const Error& e) {
          // A unit that does not exist is a refusal of the unit typed, not a missing page.
          if (e.kind() != ErrorKind::not_found) throw;
          throw invalid_input(e.what(), e.message_vi()).at("don_vi");
        }
        return tokens_page(x, req, {{"issued", {{"name", issued.token.name}, {"secret", issued.secret}}}},
                           http::Status::created);
      },
      [&](const http::Refusal& r) {
        return tokens_page(x, req, {{"error", r.json()}});
      });
}

http::Response revoke_api_token(AdminContext& x, http::Request& req) {
  directory::revoke_token(x.db, req.params.at("id"), directory::actor(req), now_seconds());
  return http::redirect(req, "/quan-tri/ma-truy-cap");
}

}  // namespace

void add_admin_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  layout.add_nav({"Mã truy cập API", "/quan-tri/ma-truy-cap", "indicators.manage"});
  const http::RouteTo<AdminContext> routes[] = {
      {http::Verb::get, "/chi-so/nhap", "indicators.import", show_upload},
      {http::Verb::post, "/chi-so/nhap", "indicators.import", check_upload, http::upload(1)},
      {http::Verb::post, "/chi-so/nhap/xac-nhan", "indicators.import", confirm_upload, http::BodyLimits{16 * 1024}},
      {http::Verb::get, "/chi-so/tinh-lai", "indicators.manage", show_rebuild},
      {http::Verb::post, "/chi-so/tinh-lai", "indicators.manage", start_rebuild, http::BodyLimits{16 * 1024}},
      {http::Verb::get, "/chi-so/chi-tieu", "indicators.read", show_targets},
      {http::Verb::post, "/chi-so/chi-tieu", "indicators.targets", post_target},
      {http::Verb::get, "/quan-tri/ma-truy-cap", "indicators.manage", show_tokens},
      {http::Verb::post, "/quan-tri/ma-truy-cap", "indicators.manage", issue_api_token},
      {http::Verb::post, "/quan-tri/ma-truy-cap/{id}/thu-hoi", "indicators.manage", revoke_api_token},
  };
  http::add_routes(router, std::make_shared<AdminContext>(AdminContext{db, layout}), routes);
}

}  // namespace cchc::indicators
