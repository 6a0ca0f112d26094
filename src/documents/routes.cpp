// The review page: thin handlers over the reader, the uploads store and the
// sinks; every field's source marked in the text beside it.
#include "documents/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/deadline.h"
#include "core/errors.h"
#include "core/filetype.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "documents/extract.h"
#include "documents/json.h"
#include "documents/reader.h"
#include "http/middleware.h"

namespace cchc::documents {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxFile = 20u << 20;

std::string csrf(const http::Request& req) { return req.session ? req.session->csrf_token : ""; }

// The text, HTML-escaped, each field's source wrapped in <mark> with the
// field's name (overlapping spans: the first one kept).
std::string marked_html(const std::string& text, std::vector<std::tuple<std::size_t, std::size_t, std::string>> spans) {
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t at = 0;
  auto escape = [&](std::string_view s) { text::append_html_escaped(out, s); };
  for (const auto& [b, e, name] : spans) {
    if (b < at || e <= b || e > text.size()) continue;
    escape(std::string_view(text).substr(at, b - at));
    out += "<mark title=\"" + name + "\">";
    escape(std::string_view(text).substr(b, e - b));
    out += "</mark>";
    at = e;
  }
  escape(std::string_view(text).substr(at));
  return out;
}

std::string value_of(const json& field) { return field["value"].is_string() ? field["value"].get<std::string>() : ""; }

Upload need_upload(db::Database& db, const http::Request& req) {
  auto u = db.read([&](db::Connection& c) { return find_upload(c, req.params.at("id")); });
  if (!u) throw not_found("no such document", "Không tìm thấy văn bản đã tải lên.");
  directory::require(db, req, "documents.read", u->unit_code);
  return *u;
}

std::vector<std::pair<std::string, std::string>> open_units(db::Database& db) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& u : directory::load_units(db)) {
    if (!u.valid_to) out.emplace_back(u.code, u.name);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return text::collate_less(a.second, b.second); });
  return out;
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sinks sinks_in) {
  layout.add_nav({"Đọc văn bản", "/doc-van-ban", "documents.read"});
  auto sinks = std::make_shared<Sinks>(std::move(sinks_in));

  router.add(http::Verb::get, "/doc-van-ban", "documents.read", [&db, &layout](http::Request& req) {
    json list = json::array();
    db.read([&](db::Connection& c) {
      for (const auto& u : recent_uploads(c, req.principal->unit_code, 30)) {
        list.push_back({{"name", u.name},
                        {"href", "/doc-van-ban/" + u.id},
                        {"at", format_datetime_vi(u.uploaded_at)},
                        {"done", !u.library_href.empty() || !u.plan_href.empty()}});
      }
    });
    json data{{"csrf", csrf(req)}, {"uploads", list}, {"has_uploads", !list.empty()}};
    return http::html(req, layout.page(req, "Đọc văn bản", "documents/index.tpl", data));
  });

  router.add(http::Verb::post, "/doc-van-ban", "documents.read", http::upload(1), [&db](http::Request& req) {
    const auto& files = req.files();
    auto f = files.find("tep");
    if (f == files.end() || f->second.content.empty()) {
      throw invalid_input("choose a file", "Vui lòng chọn tệp văn bản (TXT, Markdown, DOCX hoặc PDF).");
    }
    if (f->second.content.size() > kMaxFile) throw invalid_input("file over 20 MiB", "Tệp quá 20 MB.");
    Upload u;
    u.name = text::slug(f->second.filename).substr(0, 120);
    u.bytes = f->second.content;
    u.text = text_of(u.bytes);
    u.content_type = filetype::sniff(u.bytes);
    std::vector<KnownUnit> units;
    for (const auto& [code, name] : open_units(db)) units.push_back({code, name});
    u.reading = to_json(read(u.text, units)).dump();
    u.unit_code = req.principal->unit_code;
    auto id = save_upload(db, std::move(u), directory::actor(req), now_seconds());
    return http::redirect(req, "/doc-van-ban/" + id);
  });

  auto show = [&db, &layout, sinks](http::Request& req, const Upload& u, const std::string& error) {
    auto r = json::parse(u.reading);
    std::vector<std::tuple<std::size_t, std::size_t, std::string>> spans;
    auto mark = [&](const json& f, const char* name) {
      if (f.contains("span") && !f["raw"].get<std::string>().empty()) {
        spans.emplace_back(f["span"][0].get<std::size_t>(), f["span"][1].get<std::size_t>(), name);
      }
    };
    mark(r["number_symbol"], "Số, ký hiệu");
    mark(r["date"], "Ngày ban hành");
    mark(r["issuer"], "Cơ quan ban hành");
    mark(r["title"], "Trích yếu");
    mark(r["signer"]["title"], "Người ký");
    for (const auto& ref : r["legal_bases"]) spans.emplace_back(ref["span"][0], ref["span"][1], "Căn cứ");
    for (const auto& t : r["targets"]) spans.emplace_back(t["span"][0], t["span"][1], "Chỉ tiêu");
    auto units = open_units(db);
    json tasks = json::array();
    int i = 0;
    for (const auto& t : r["tasks"]) {
      json options = json::array();
      std::string code = t["unit_code"].is_string() ? t["unit_code"].get<std::string>() : "";
      for (const auto& [c, n] : units) options.push_back({{"code", c}, {"name", n}, {"selected", c == code}});
      tasks.push_back({{"i", i++},
                       {"unit", value_of(t["unit"])},
                       {"matched", !code.empty()},
                       {"text", t["text"]},
                       {"deadline", t["deadline"].is_null() ? "" : t["deadline"]["text"].get<std::string>()},
                       {"units", options}});
    }
    json targets = json::array();
    int j = 0;
    for (const auto& t : r["targets"]) {
      if (t["indicator"].is_null()) continue;  // a plan's objective is tied to an indicator here
      auto add = [&](const std::string& level, double value) {
        targets.push_back({{"j", j++},
                           {"text", t["phrase"]},
                           {"indicator", t["indicator"]},
                           {"level", level},
                           {"value", text::format_decimal(value, 1)}});
      };
      if (t["value"].is_number()) add("", t["value"].get<double>());
      for (const auto& [level, value] : t["levels"].items()) add(level, value.get<double>());
    }
    json areas = json::array();
    if (sinks->plan_areas) {
      for (const auto& [code, name] : sinks->plan_areas()) areas.push_back({{"code", code}, {"name", name}});
    }
    json types = json::array();
    auto type = value_of(r["type_code"]);
    for (const char* code : {"KH", "QĐ", "BC", "TB", "CV", "NQ", "CT", "HD", "CTr", "QC"}) {
      types.push_back({{"code", code}, {"name", type_name(code)}, {"selected", type == code}});
    }
    auto date =
        r["date"]["value"].is_string() ? format_date_vi(parse_iso_date(r["date"]["value"].get<std::string>())) : "";
    json unread = json::array();
    for (const auto& name : r["unread"]) unread.push_back(name);
    json data{
        {"csrf", csrf(req)},
        {"name", u.name},
        {"action", "/doc-van-ban/" + u.id},
        {"text_html", marked_html(u.text, spans)},
        {"number_symbol", value_of(r["number_symbol"])},
        {"types", types},
        {"date", date},
        {"date_raw", r["date"]["value"].is_null() ? r["date"]["raw"].get<std::string>() : ""},
        {"issuer", value_of(r["issuer"])},
        {"title", r["restored_title"]["value"].is_string() ? value_of(r["restored_title"]) : value_of(r["title"])},
        {"title_as_read", value_of(r["title"])},
        {"restored", r["restored_title"]["value"].is_string()},
        {"tasks", tasks},
        {"has_tasks", !tasks.empty()},
        {"targets", targets},
        {"has_targets", !targets.empty()},
        {"areas", areas},
        {"library_href", u.library_href},
        {"in_library", !u.library_href.empty()},
        {"plan_href", u.plan_href},
        {"is_plan", !u.plan_href.empty()},
        {"unread", unread},
        {"has_unread", !unread.empty()},
        {"saved", req.query_param("da-luu").has_value()}};
    if (!error.empty()) data["error"] = {{"message", error}};
    return http::html(req, layout.page(req, "Đọc văn bản: " + u.name, "documents/review.tpl", data),
                      error.empty() ? http::Status::ok : http::Status::unprocessable_entity);
  };

  router.add(http::Verb::get, "/doc-van-ban/{id}", "documents.read",
             [&db, show](http::Request& req) { return show(req, need_upload(db, req), ""); });

  router.add(http::Verb::get, "/doc-van-ban/{id}/tep", "documents.read", [&db](http::Request& req) {
    auto u = need_upload(db, req);
    return http::attachment(req, u.content_type, std::move(u.bytes), u.name.empty() ? "van-ban" : u.name);
  });

  auto date_of = [](const http::Request& req) -> std::optional<Date> {
    auto d = std::string(text::trim(req.form_param("ngay").value_or("")));
    if (d.empty()) return std::nullopt;
    return parse_date_input(d);
  };

  router.add(http::Verb::post, "/doc-van-ban/{id}/thu-vien", "documents.read",
             [&db, sinks, show, date_of](http::Request& req) {
               auto u = need_upload(db, req);
               LibraryEntry e{req.form_param("so_ky_hieu").value_or(""), req.form_param("loai").value_or(""),
                              req.form_param("co_quan").value_or(""), req.form_param("trich_yeu").value_or(""),
                              std::nullopt};
               try {
                 e.issued_on = date_of(req);
                 auto href = sinks->add_to_library(e, u, *req.principal, directory::actor(req));
                 record_outcome(db, u.id, "library", href, directory::actor(req), now_seconds());
               } catch (const Error& err) {
                 if (err.kind() != ErrorKind::invalid_input) throw;
                 return show(req, u, err.message_vi().empty() ? err.what() : err.message_vi());
               }
               return http::redirect(req, "/doc-van-ban/" + u.id + "?da-luu");
             });

  router.add(
      http::Verb::post, "/doc-van-ban/{id}/ke-hoach", "documents.read",
      [&db, sinks, show, date_of](http::Request& req) {
        auto u = need_upload(db, req);
        directory::require(db, req, "plans.manage", req.principal->unit_code);
        PlanDraft p;
        p.number = std::string(text::trim(req.form_param("so_ky_hieu").value_or("")));
        p.title = std::string(text::trim(req.form_param("trich_yeu").value_or("")));
        p.area_code = req.form_param("linh_vuc").value_or("");
        p.unit_code = req.principal->unit_code;
        std::vector<std::string> problems;
        try {
          p.issued_on = date_of(req);
        } catch (const Error& e) {
          problems.push_back(e.message_vi());
        }
        p.year = int((p.issued_on ? *p.issued_on : local_date(now_seconds())).year());
        for (int i = 0; i < 500; ++i) {
          auto key = fmt::format("nv_{}_", i);
          if (!req.form_param(key + "noi_dung")) break;
          if (!req.form_param(key + "chon")) continue;
          PlanTask t{req.form_param(key + "noi_dung").value_or(""), req.form_param(key + "han").value_or(""),
                     req.form_param(key + "don_vi").value_or("")};
          // Unmatched units are resolved first; a deadline must be readable.
          if (t.lead_unit_code.empty()) problems.push_back(fmt::format("Nhiệm vụ {}: chọn đơn vị chủ trì.", i + 1));
          try {
            parse_deadline(t.deadline_text);
          } catch (const Error&) {
            problems.push_back(fmt::format(
                "Nhiệm vụ {}: thời hạn \"{}\" chưa đọc được (ví dụ: Quý I/2024, trước ngày 21/6/2024, Thường xuyên).",
                i + 1, t.deadline_text));
          }
          p.tasks.push_back(std::move(t));
        }
        for (int j = 0; j < 500; ++j) {
          auto key = fmt::format("ct_{}_", j);
          if (!req.form_param(key + "noi_dung")) break;
          if (!req.form_param(key + "chon")) continue;
          auto value = text::parse_decimal(req.form_param(key + "gia_tri").value_or(""));
          if (!value) continue;
          p.targets.push_back({req.form_param(key + "noi_dung").value_or(""),
                               req.form_param(key + "chi_so").value_or(""), req.form_param(key + "cap").value_or(""),
                               *value});
        }
        if (!problems.empty()) {
          std::string all;
          for (const auto& s : problems) all += (all.empty() ? "" : " ") + s;
          return show(req, u, all);
        }
        try {
          auto href = sinks->create_plan(p, directory::actor(req));
          record_outcome(db, u.id, "plan", href, directory::actor(req), now_seconds());
        } catch (const Error& err) {
          if (err.kind() != ErrorKind::invalid_input) throw;
          return show(req, u, err.message_vi().empty() ? err.what() : err.message_vi());
        }
        return http::redirect(req, "/doc-van-ban/" + u.id + "?da-luu");
      });
}

}  // namespace cchc::documents
