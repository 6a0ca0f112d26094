// Pages that change indicator data: the batch upload, targets, API tokens.
#include <fmt/format.h>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/staged.h"
#include "directory/tokens.h"
#include "http/session.h"
#include "indicators/dashboard.h"
#include "indicators/routes.h"

namespace cchc::indicators {

using nlohmann::json;

namespace {

constexpr std::size_t kPreviewRows = 10;

Kind kind_of(const std::string& s) {
  if (s == "dossiers") return Kind::dossiers;
  if (s == "feedback") return Kind::feedback;
  throw invalid_input("kind must be dossiers or feedback", "Hãy chọn loại dữ liệu: hồ sơ hoặc phản ánh, kiến nghị.");
}

// JSON when the name says so or the text starts like JSON; else CSV.
Format format_of(const std::string& filename, std::string_view text) {
  if (filename.ends_with(".json") || filename.ends_with(".ndjson")) return Format::json;
  auto t = text::trim(text);
  return !t.empty() && (t.front() == '[' || t.front() == '{') ? Format::json : Format::csv;
}

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

const char* kind_name(Kind k) { return k == Kind::dossiers ? "dossiers" : "feedback"; }

// What a staged upload was checked as (directory/staged.h): a file checked
// as feedback is never imported as dossiers.
std::string upload_purpose(Kind k) { return std::string("indicators:") + kind_name(k); }

json kind_options(Kind selected) {
  return json::array(
      {{{"code", "dossiers"}, {"name", "Hồ sơ thủ tục hành chính"}, {"checked", selected == Kind::dossiers}},
       {{"code", "feedback"}, {"name", "Phản ánh, kiến nghị"}, {"checked", selected == Kind::feedback}}});
}

}  // namespace

void add_admin_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  layout.add_nav({"Mã truy cập API", "/quan-tri/ma-truy-cap", "indicators.manage"});

  // ---- Upload: check (a dry run with a preview), then confirm.
  auto upload_page = [&layout](http::Request& req, json data, http::Status status) {
    data["csrf"] = req.session ? req.session->csrf_token : "";
    if (!data.contains("kinds")) data["kinds"] = kind_options(Kind::dossiers);
    return http::html(req, layout.page(req, "Nhập dữ liệu hồ sơ, phản ánh", "indicators/upload.tpl", data), status);
  };
  router.add(http::Verb::get, "/chi-so/nhap", "indicators.import", [upload_page](http::Request& req) {
    return upload_page(req, {{"upload", true}}, http::Status::ok);
  });
  // The checked file is staged on the server (directory/staged.h); the
  // confirmation carries its id only, so its body is a small form whatever
  // the file's size, and it imports exactly the file that was checked.
  router.add(
      http::Verb::post, "/chi-so/nhap", "indicators.import", http::upload(1), [&db, upload_page](http::Request& req) {
        auto kind = kind_of(req.form_param("loai").value_or(""));
        auto file = req.files().find("tep");
        if (file == req.files().end() || file->second.content.empty()) {
          return upload_page(req,
                             {{"upload", true},
                              {"kinds", kind_options(kind)},
                              {"error", {{"message", "Hãy chọn một tệp CSV hoặc JSON."}}}},
                             http::Status::bad_request);
        }
        const auto& f = file->second;
        ImportRequest r{kind,         f.content, format_of(f.filename, f.content), scope_unit_of(*req.principal), true,
                        kPreviewRows, {}};
        r.max_records = kRequestRecords;
        auto outcome = import_batch(db, r, directory::actor(req), now_seconds());
        json data = {{"filename", f.filename},
                     {"kind", kind_name(kind)},
                     {"kind_label", kind == Kind::dossiers ? "hồ sơ" : "phản ánh, kiến nghị"},
                     {"records", text::format_int(std::int64_t(outcome.records))}};
        if (!outcome.ok()) {
          data["problems"] = {{"count", text::format_int(std::int64_t(outcome.errors.size()))},
                              {"errors", error_list(outcome.errors)},
                              {"more", more_errors(outcome.errors)}};
          data["upload"] = true;
          data["kinds"] = kind_options(kind);
          return upload_page(req, data, http::Status::unprocessable_entity);
        }
        std::string staged;
        try {
          staged = db.write([&](db::Connection& c) {
            return directory::stage_upload(c, upload_purpose(kind), f.filename, f.content, req.principal->username,
                                           req.principal->unit_code, now_seconds());
          });
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::too_large) throw;
          return upload_page(
              req, {{"upload", true}, {"kinds", kind_options(kind)}, {"error", {{"message", e.message_vi()}}}},
              http::Status::payload_too_large);
        }
        data["ready"] = {{"staged", staged}, {"preview", preview_table(outcome.preview_csv)}};
        return upload_page(req, data, http::Status::ok);
      });
  router.add(http::Verb::post, "/chi-so/nhap/xac-nhan", "indicators.import", http::staged_confirm(),
             [&db, upload_page](http::Request& req) {
               auto kind = kind_of(req.form_param("loai").value_or(""));
               auto id = req.form_param("tep_da_kiem_tra").value_or("");
               const auto& who = *req.principal;
               auto refused = [&](const std::string& message, http::Status status) {
                 return upload_page(
                     req, {{"upload", true}, {"kinds", kind_options(kind)}, {"error", {{"message", message}}}}, status);
               };
               directory::StagedUpload staged;
               try {
                 staged = db.read([&](db::Connection& c) {
                   return directory::staged_upload(c, id, upload_purpose(kind), who.username, who.unit_code,
                                                   now_seconds());
                 });
               } catch (const Error& e) {
                 if (e.kind() != ErrorKind::invalid_input) throw;
                 return refused(e.message_vi(), http::Status::bad_request);
               }
               ImportRequest r{
                   kind, staged.content, format_of(staged.filename, staged.content), scope_unit_of(who), false, 0, {}};
               r.max_records = kRequestRecords;
               r.in_transaction = [&staged](db::Connection& c) {
                 if (!directory::remove_staged(c, staged.id)) {
                   throw invalid_input("the staged upload was imported meanwhile", directory::kStagedGoneVi);
                 }
               };
               ImportOutcome outcome;
               try {
                 outcome = import_batch(db, r, directory::actor(req), now_seconds());
               } catch (const Error& e) {
                 if (e.kind() != ErrorKind::invalid_input) throw;
                 return refused(e.message_vi(), http::Status::bad_request);
               }
               if (!outcome.ok()) {
                 // The data changed since the check (a unit closed, say): the file
                 // must be checked again.
                 db.write([&](db::Connection& c) { directory::remove_staged(c, staged.id); });
                 return upload_page(req,
                                    {{"upload", true},
                                     {"kinds", kind_options(kind)},
                                     {"problems",
                                      {{"filename", staged.filename},
                                       {"count", text::format_int(std::int64_t(outcome.errors.size()))},
                                       {"errors", error_list(outcome.errors)},
                                       {"more", more_errors(outcome.errors)}}}},
                                    http::Status::unprocessable_entity);
               }
               return upload_page(req,
                                  {{"done",
                                    {{"filename", staged.filename},
                                     {"records", text::format_int(std::int64_t(outcome.records))},
                                     {"inserted", text::format_int(outcome.summary.inserted)},
                                     {"updated", text::format_int(outcome.summary.updated)},
                                     {"unchanged", text::format_int(outcome.summary.unchanged)}}}},
                                  http::Status::ok);
             });

  // ---- Targets per indicator, level and year.
  auto targets_page = [&db, &layout](http::Request& req, json data, http::Status status) {
    auto all = db.read([](db::Connection& c) { return targets(c); });
    std::map<std::string, std::string> levels;
    for (const auto& l : directory::load_levels(db)) levels[l.code] = l.name;
    json rows = json::array();
    for (const auto& t : all) {
      rows.push_back({{"year", std::to_string(t.year)},
                      {"indicator", rate_indicator(t.indicator).name_vi},
                      {"level", levels.count(t.level) ? levels[t.level] : t.level},
                      {"target", text::format_percent(t.target * 100, 1)}});
    }
    data["rows"] = rows;
    if (req.principal && directory::holds(*req.principal, "indicators.manage")) {
      json indicators = json::array(), level_list = json::array();
      for (const auto& i : rate_indicators()) indicators.push_back({{"code", i.code}, {"name", i.name_vi}});
      for (const auto& [code, name] : levels) level_list.push_back({{"code", code}, {"name", name}});
      data["form"] = {
          {"csrf", req.session ? req.session->csrf_token : ""}, {"indicators", indicators}, {"levels", level_list}};
    }
    return http::html(req, layout.page(req, "Chỉ tiêu", "indicators/targets.tpl", data), status);
  };
  router.add(http::Verb::get, "/chi-so/chi-tieu", "indicators.read", [targets_page](http::Request& req) {
    return targets_page(req, {{"saved", req.query_param("da-luu").has_value()}}, http::Status::ok);
  });
  router.add(http::Verb::post, "/chi-so/chi-tieu", "indicators.manage", [&db, targets_page](http::Request& req) {
    try {
      Target t;
      t.indicator = req.form_param("chi_so").value_or("");
      t.level = req.form_param("cap").value_or("");
      auto year = req.form_param("nam").value_or("");
      auto percent = req.form_param("chi_tieu").value_or("");
      std::replace(percent.begin(), percent.end(), ',', '.');
      std::size_t used = 0;
      t.year = std::stoi(year, &used);
      if (used != year.size()) throw std::invalid_argument("year");
      t.target = std::stod(percent, &used) / 100.0;
      if (used != percent.size()) throw std::invalid_argument("target");
      set_targets(db, {t}, directory::actor(req), now_seconds());
    } catch (const std::logic_error&) {
      return targets_page(
          req, {{"error", {{"message", "Năm phải là số nguyên, chỉ tiêu là số phần trăm (VD: 96 hoặc 96,5)."}}}},
          http::Status::bad_request);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return targets_page(req, {{"error", {{"message", e.message_vi()}}}}, http::Status::bad_request);
    }
    return http::redirect(req, "/chi-so/chi-tieu?da-luu=1");
  });

  // ---- API tokens.
  auto tokens_page = [&db, &layout](http::Request& req, json data, http::Status status) {
    auto all = db.read([](db::Connection& c) { return directory::list_tokens(c); });
    json rows = json::array();
    for (const auto& t : all) {
      rows.push_back({{"id", t.id},
                      {"name", t.name},
                      {"unit", t.unit_code},
                      {"purpose", t.purpose == directory::kPurposeOpen311 ? "Phản ánh qua Open311"
                                                                          : "Gửi hồ sơ, phản ánh (chỉ số)"},
                      {"created", format_datetime_vi(t.created_at) + " (" + t.created_by + ")"},
                      {"last_used", t.last_used_at ? format_datetime_vi(*t.last_used_at) : "Chưa dùng"},
                      {"revoked", t.revoked_at ? json{{"at", format_datetime_vi(*t.revoked_at)}} : json(false)},
                      {"live", !t.revoked_at}});
    }
    json units = json::array();
    db.read([&](db::Connection& c) {
      for (const auto& u : directory::load_units(c)) {
        if (!u.valid_to) units.push_back({{"code", u.code}, {"name", u.name + " (" + u.code + ")"}});
      }
    });
    data["rows"] = rows;
    data["units"] = units;
    data["csrf"] = req.session ? req.session->csrf_token : "";
    return http::html(req, layout.page(req, "Mã truy cập API", "indicators/tokens.tpl", data), status);
  };
  router.add(http::Verb::get, "/quan-tri/ma-truy-cap", "indicators.manage",
             [tokens_page](http::Request& req) { return tokens_page(req, json::object(), http::Status::ok); });
  router.add(http::Verb::post, "/quan-tri/ma-truy-cap", "indicators.manage", [&db, tokens_page](http::Request& req) {
    try {
      auto issued = directory::issue_token(
          db, req.form_param("ten").value_or(""), req.form_param("don_vi").value_or(""),
          req.form_param("muc_dich").value_or(directory::kPurposeIndicators), directory::actor(req), now_seconds());
      return tokens_page(req, {{"issued", {{"name", issued.token.name}, {"secret", issued.secret}}}},
                         http::Status::created);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input && e.kind() != ErrorKind::not_found) throw;
      return tokens_page(req, {{"error", {{"message", e.message_vi()}}}}, http::Status::bad_request);
    }
  });
  router.add(http::Verb::post, "/quan-tri/ma-truy-cap/{id}/thu-hoi", "indicators.manage", [&db](http::Request& req) {
    directory::revoke_token(db, req.params.at("id"), directory::actor(req), now_seconds());
    return http::redirect(req, "/quan-tri/ma-truy-cap");
  });
}

}  // namespace cchc::indicators
