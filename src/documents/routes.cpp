// The review page: named handlers over the reader, the uploads store and
// the sinks, registered from the table at the end; every field's source
// marked in the text beside it.
#include "documents/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/filetype.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "documents/extract.h"
#include "documents/json.h"
#include "documents/ocr.h"
#include "documents/reader.h"
#include "documents/reading.h"
#include "documents/rules.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "jobs/runner.h"
#include "jobs/store.h"

namespace cchc::documents {

using nlohmann::json;

namespace {

// What every handler of the page works with; the router shares it.
struct ReviewContext {
  db::Database& db;
  views::Layout& layout;
  Sinks sinks;
};

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

// The upload, once read: what the accept forms work on.
Upload need_read_upload(db::Database& db, const http::Request& req) {
  auto u = need_upload(db, req);
  if (u.reading.empty()) {
    throw invalid_input("the document has not been read yet",
                        "Văn bản chưa đọc xong; xin vui lòng chờ trong giây lát.");
  }
  return u;
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

// ---- Uploads -------------------------------------------------------------------------------

// The unit's recent uploads and the upload form.
http::Response uploads_page(ReviewContext& x, http::Request& req) {
  json list = json::array();
  x.db.read([&](db::Connection& c) {
    for (const auto& u : recent_uploads(c, req.principal->unit_code, 30)) {
      list.push_back({{"name", u.name},
                      {"href", "/doc-van-ban/" + u.id},
                      {"at", format_datetime_vi(u.uploaded_at)},
                      {"done", !u.library_href.empty() || !u.plan_href.empty()}});
    }
  });
  json data{{"csrf", csrf(req)}, {"uploads", list}, {"has_uploads", !list.empty()}};
  return http::html(req, x.layout.page(req, "Đọc văn bản", "documents/index.tpl", data));
}

// Keeps the uploaded file ("tep") and reads it against today's units: a
// text or Word file at once, then its review page; a PDF or an image (a
// scan, a photo: OCR) in a background job enqueued with it, then the job's
// page, whose link leads to the review page once read. No file, or one
// over 20 MiB, is an error page (the form has no place for one).
http::Response upload_post(ReviewContext& x, http::Request& req) {
  const auto& files = req.files();
  auto f = files.find("tep");
  if (f == files.end() || f->second.content.empty()) {
    throw invalid_input(
        "choose a file",
        "Vui lòng chọn tệp văn bản (TXT, Markdown, DOCX, PDF hoặc ảnh chụp, ảnh quét PNG, JPEG, TIFF).");
  }
  if (f->second.content.size() > kMaxFile) throw invalid_input("file over 20 MiB", "Tệp quá 20 MB.");
  Upload u;
  u.name = text::slug(f->second.filename).substr(0, 120);
  u.bytes = f->second.content;
  u.content_type = filetype::sniff(u.bytes);
  u.unit_code = req.principal->unit_code;
  if (read_in_background(u.bytes)) {
    if (u.content_type != "application/pdf" && !ocr_available()) {
      throw unavailable("OCR is not installed", "Máy chủ chưa cài bộ nhận dạng chữ (OCR) nên chưa đọc được ảnh.");
    }
    std::string job_id;
    x.db.write([&](db::Connection& c) {
      if (jobs::unfinished_of(c, kReadJob, req.principal->username) >= kMaxReadingPerPerson) {
        throw Error(ErrorKind::busy, fmt::format("{} documents are being read already", kMaxReadingPerPerson),
                    fmt::format("Anh/chị đang có {} văn bản chờ đọc; xin vui lòng chờ đọc xong rồi tải lên tiếp.",
                                kMaxReadingPerPerson));
      }
      auto id = save_upload(c, u, directory::actor(req), now_seconds());
      job_id =
          jobs::enqueue(c, read_job(id, u.name, req.principal->username, req.principal->unit_code, req.client_address),
                        now_seconds());
    });
    jobs::wake_runners();
    return http::redirect(req, "/cong-viec/" + job_id);
  }
  u.text = text_of(u.bytes);
  u.reading = to_json(read(u.text, open_known_units(x.db))).dump();
  auto id =
      x.db.write([&](db::Connection& c) { return save_upload(c, std::move(u), directory::actor(req), now_seconds()); });
  return http::redirect(req, "/doc-van-ban/" + id);
}

http::Response original_file(ReviewContext& x, http::Request& req) {
  auto u = need_upload(x.db, req);
  return http::attachment(req, u.content_type, std::move(u.bytes), u.name.empty() ? "van-ban" : u.name);
}

// ---- The review page -----------------------------------------------------------------------

using Spans = std::vector<std::tuple<std::size_t, std::size_t, std::string>>;

// Where each field of the reading came from, named as the page labels it.
Spans spans_of(const json& r) {
  Spans spans;
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
  return spans;
}

// The tasks read, each with the units to choose its lead from (the matched
// one selected).
json task_rows(const json& r, const std::vector<std::pair<std::string, std::string>>& units) {
  json rows = json::array();
  int i = 0;
  for (const auto& t : r["tasks"]) {
    json options = json::array();
    std::string code = t["unit_code"].is_string() ? t["unit_code"].get<std::string>() : "";
    for (const auto& [c, n] : units) options.push_back({{"code", c}, {"name", n}, {"selected", c == code}});
    rows.push_back({{"i", i++},
                    {"unit", value_of(t["unit"])},
                    {"matched", !code.empty()},
                    {"text", t["text"]},
                    {"deadline", t["deadline"].is_null() ? "" : t["deadline"]["text"].get<std::string>()},
                    {"units", options}});
  }
  return rows;
}

// The targets tied to an indicator (a plan's objective is), one row for the
// whole unit's value and one per level.
json target_rows(const json& r) {
  json rows = json::array();
  int j = 0;
  for (const auto& t : r["targets"]) {
    if (t["indicator"].is_null()) continue;
    auto add = [&](const std::string& level, double value) {
      rows.push_back({{"j", j++},
                      {"text", t["phrase"]},
                      {"indicator", t["indicator"]},
                      {"level", level},
                      {"value", text::format_decimal(value, 1)}});
    };
    if (t["value"].is_number()) add("", t["value"].get<double>());
    for (const auto& [level, value] : t["levels"].items()) add(level, value.get<double>());
  }
  return rows;
}

json type_options(const json& r) {
  json types = json::array();
  auto type = value_of(r["type_code"]);
  for (const char* code : {"KH", "QĐ", "BC", "TB", "CV", "NQ", "CT", "HD", "CTr", "QC"}) {
    types.push_back({{"code", code}, {"name", type_name(code)}, {"selected", type == code}});
  }
  return types;
}

// The upload's text with its marks beside the fields to correct; `error`
// (a refusal's) above them.
http::Response review_page(ReviewContext& x, http::Request& req, const Upload& u, json error) {
  auto r = json::parse(u.reading);
  auto tasks = task_rows(r, open_units(x.db));
  auto targets = target_rows(r);
  json areas = json::array();
  if (x.sinks.plan_areas) {
    for (const auto& [code, name] : x.sinks.plan_areas()) areas.push_back({{"code", code}, {"name", name}});
  }
  auto date =
      r["date"]["value"].is_string() ? format_date_vi(parse_iso_date(r["date"]["value"].get<std::string>())) : "";
  json unread = json::array();
  for (const auto& name : r["unread"]) unread.push_back(name);
  json data{{"csrf", csrf(req)},
            {"name", u.name},
            {"action", "/doc-van-ban/" + u.id},
            {"text_html", marked_html(u.text, spans_of(r))},
            {"number_symbol", value_of(r["number_symbol"])},
            {"types", type_options(r)},
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
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, x.layout.page(req, "Đọc văn bản: " + u.name, "documents/review.tpl", data));
}

// An upload its job has not read (yet): being read, with a link to the
// job's progress, refreshing itself; or not read, with the job's reason.
http::Response unread_page(ReviewContext& x, http::Request& req, const Upload& u) {
  auto job = x.db.read([&](db::Connection& c) { return jobs::newest_with_key(c, read_job_key(u.id)); });
  const bool reading = job && (job->state == jobs::State::queued || job->state == jobs::State::running);
  json data{{"name", u.name},
            {"file", "/doc-van-ban/" + u.id + "/tep"},
            {"reading", reading},
            {"unread", !reading},
            {"job", job ? "/cong-viec/" + job->id : ""},
            {"has_job", job.has_value()},
            {"reason", job && job->state == jobs::State::failed ? job->error : ""}};
  auto out = http::html(req, x.layout.page(req, "Đọc văn bản", "documents/unread.tpl", data));
  out.set(http::field::cache_control, "no-store");
  if (reading) out.set("Refresh", "3");
  return out;
}

http::Response review_get(ReviewContext& x, http::Request& req) {
  auto u = need_upload(x.db, req);
  if (u.reading.empty()) return unread_page(x, req, u);
  return review_page(x, req, u, nullptr);
}

// ---- Accepting it --------------------------------------------------------------------------

std::optional<Date> issued_on_of(const http::Request& req) {
  auto d = std::string(text::trim(req.form_param("ngay").value_or("")));
  if (d.empty()) return std::nullopt;
  return parse_date_input(d);
}

http::Response to_library(ReviewContext& x, http::Request& req) {
  auto u = need_read_upload(x.db, req);
  return http::refusing(
      [&] {
        LibraryEntry e{req.form_param("so_ky_hieu").value_or(""), req.form_param("loai").value_or(""),
                       req.form_param("co_quan").value_or(""), req.form_param("trich_yeu").value_or(""),
                       issued_on_of(req)};
        auto href = x.sinks.add_to_library(e, u, *req.principal, directory::actor(req));
        record_outcome(x.db, u.id, "library", href, directory::actor(req), now_seconds());
        return http::redirect(req, "/doc-van-ban/" + u.id + "?da-luu");
      },
      [&](const http::Refusal& r) { return review_page(x, req, u, r.json()); });
}

// The tasks ticked on the form ("nv_<i>_chon"), each with what keeps it
// from the plan (rules.h task_problems) added to `problems`.
std::vector<PlanTask> tasks_of_form(const http::Request& req, std::vector<std::string>& problems) {
  std::vector<PlanTask> out;
  for (int i = 0; i < 500; ++i) {
    auto key = fmt::format("nv_{}_", i);
    if (!req.form_param(key + "noi_dung")) break;
    if (!req.form_param(key + "chon")) continue;
    PlanTask t{req.form_param(key + "noi_dung").value_or(""), req.form_param(key + "han").value_or(""),
               req.form_param(key + "don_vi").value_or("")};
    auto found = task_problems(i + 1, t.lead_unit_code, t.deadline_text);
    problems.insert(problems.end(), found.begin(), found.end());
    out.push_back(std::move(t));
  }
  return out;
}

// The targets ticked on the form ("ct_<j>_chon") with a value.
std::vector<PlanTarget> targets_of_form(const http::Request& req) {
  std::vector<PlanTarget> out;
  for (int j = 0; j < 500; ++j) {
    auto key = fmt::format("ct_{}_", j);
    if (!req.form_param(key + "noi_dung")) break;
    if (!req.form_param(key + "chon")) continue;
    auto value = text::parse_decimal(req.form_param(key + "gia_tri").value_or(""));
    if (!value) continue;
    out.push_back({req.form_param(key + "noi_dung").value_or(""), req.form_param(key + "chi_so").value_or(""),
                   req.form_param(key + "cap").value_or(""), *value});
  }
  return out;
}

// The plan as the form gives it, for the signed-in person's unit. Throws
// invalid_input naming every problem: an unreadable date, each task's.
PlanDraft plan_draft_of(const http::Request& req) {
  PlanDraft p;
  p.number = std::string(text::trim(req.form_param("so_ky_hieu").value_or("")));
  p.title = std::string(text::trim(req.form_param("trich_yeu").value_or("")));
  p.area_code = req.form_param("linh_vuc").value_or("");
  p.unit_code = req.principal->unit_code;
  std::vector<std::string> problems;
  try {
    p.issued_on = issued_on_of(req);
  } catch (const Error& e) {
    problems.push_back(e.message_vi());
  }
  p.year = int((p.issued_on ? *p.issued_on : local_date(now_seconds())).year());
  p.tasks = tasks_of_form(req, problems);
  p.targets = targets_of_form(req);
  if (!problems.empty()) {
    std::string all;
    for (const auto& s : problems) all += (all.empty() ? "" : " ") + s;
    throw invalid_input(fmt::format("the plan has {} problems", problems.size()), all);
  }
  return p;
}

http::Response to_plan(ReviewContext& x, http::Request& req) {
  auto u = need_read_upload(x.db, req);
  directory::require(x.db, req, "plans.manage", req.principal->unit_code);
  return http::refusing(
      [&] {
        auto href = x.sinks.create_plan(plan_draft_of(req), directory::actor(req));
        record_outcome(x.db, u.id, "plan", href, directory::actor(req), now_seconds());
        return http::redirect(req, "/doc-van-ban/" + u.id + "?da-luu");
      },
      [&](const http::Refusal& r) { return review_page(x, req, u, r.json()); });
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sinks sinks) {
  layout.add_nav({"Đọc văn bản", "/doc-van-ban", "documents.read"});
  auto x = std::make_shared<ReviewContext>(ReviewContext{db, layout, std::move(sinks)});
  const http::RouteTo<ReviewContext> routes[] = {
      {http::Verb::get, "/doc-van-ban", "documents.read", uploads_page},
      {http::Verb::post, "/doc-van-ban", "documents.read", upload_post, http::upload(1)},
      {http::Verb::get, "/doc-van-ban/{id}", "documents.read", review_get},
      {http::Verb::get, "/doc-van-ban/{id}/tep", "documents.read", original_file},
      {http::Verb::post, "/doc-van-ban/{id}/thu-vien", "documents.read", to_library},
      {http::Verb::post, "/doc-van-ban/{id}/ke-hoach", "documents.read", to_plan},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::documents
