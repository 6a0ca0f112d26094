// Report requests' pages (requests.h): the coordinator (plans.review) asks,
// reviews and compiles; a unit's officers and leaders (plans.report, for
// their own unit) answer.
#include <fmt/format.h>

#include <set>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/session.h"
#include "plans/requests.h"
#include "plans/route_support.h"
#include "plans/routes.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

std::string href(std::int64_t id) { return fmt::format("/yeu-cau-bao-cao/{}", id); }

json kind_options(const std::string& selected) {
  json out = json::array();
  for (const char* k : {"adhoc", "review", "thematic", "figure"}) {
    out.push_back({{"value", k}, {"label", request_kind_label_vi(k)}, {"selected", selected == k}});
  }
  return out;
}

std::vector<std::string> all_of(const http::Request& req, const std::string& name) {
  std::vector<std::string> out;
  auto [a, b] = req.form().equal_range(name);
  for (auto it = a; it != b && out.size() < 2000; ++it) out.push_back(it->second);
  return out;
}

bool late(const RequestAnswer& a, const ReportRequest& r) {
  return a.submitted_at && std::chrono::sys_days{local_date(*a.submitted_at)} > std::chrono::sys_days{r.due};
}

ReportRequest need_request(db::Database& db, std::int64_t id) {
  auto r = db.read([&](db::Connection& c) { return find_request(c, id); });
  if (!r) throw not_found("no such request", "Không tìm thấy yêu cầu báo cáo.");
  return *r;
}

}  // namespace

void add_request_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  layout.add_nav({"Yêu cầu báo cáo", "/yeu-cau-bao-cao", "plans.report"});

  // ---- The list: every request for the coordinator, the unit's for others.
  router.add(http::Verb::get, "/yeu-cau-bao-cao", "plans.report", [&db, &layout](http::Request& req) {
    bool coordinator = directory::holds(*req.principal, "plans.review");
    Date today = local_date(now_seconds());
    json rows = json::array();
    db.read([&](db::Connection& c) {
      for (const auto& r : list_requests(c, coordinator ? "" : req.principal->unit_code)) {
        auto answers = request_answers(c, r.id);
        int sent = 0;
        std::string mine;
        for (const auto& a : answers) {
          sent += a.state == "submitted" || a.state == "accepted";
          if (a.unit_code == req.principal->unit_code) mine = answer_state_label_vi(a.state);
        }
        rows.push_back({{"href", href(r.id)},
                        {"title", r.title},
                        {"kind", request_kind_label_vi(r.kind)},
                        {"due", format_date_vi(r.due)},
                        {"overdue", r.status == "open" && std::chrono::sys_days{r.due} < std::chrono::sys_days{today}},
                        {"closed", r.status == "closed"},
                        {"answered", fmt::format("{}/{}", sent, answers.size())},
                        {"mine", mine.empty() ? "—" : mine}});
      }
    });
    json data = {{"rows", rows}, {"none", rows.empty()}, {"coordinator", coordinator}};
    return http::html(req, layout.page(req, "Yêu cầu báo cáo", "plans/requests.tpl", data));
  });

  // ---- A new request.
  auto new_page = [&db, &layout](http::Request& req, json values, json error, http::Status status) {
    json units = json::array(), levels = json::array();
    db.read([&](db::Connection& c) {
      std::set<std::string> chosen;
      for (const auto& u : values.value("units", std::vector<std::string>{})) chosen.insert(u);
      for (const auto& u : unit_rows(c)) {
        if (u.open) units.push_back({{"code", u.code}, {"name", u.name}, {"selected", chosen.count(u.code) > 0}});
      }
      std::set<std::string> lv;
      for (const auto& l : values.value("levels", std::vector<std::string>{})) lv.insert(l);
      for (const auto& [code, name] : unit_levels(c)) {
        levels.push_back({{"code", code}, {"name", name}, {"checked", lv.count(code) > 0}});
      }
    });
    json subtree = json::array();
    for (const auto& u : units) {
      subtree.push_back(
          {{"code", u["code"]}, {"name", u["name"]}, {"selected", values.value("subtree", "") == u["code"]}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"kinds", kind_options(values.value("kind", "adhoc"))},
                 {"title", values.value("title", "")},
                 {"body", values.value("body", "")},
                 {"outline", values.value("outline", "")},
                 {"figure_unit", values.value("figure_unit", "")},
                 {"due", values.value("due", "")},
                 {"days", values.value("days", "")},
                 {"units", units},
                 {"subtree_units", subtree},
                 {"levels", levels}};
    if (!error.is_null()) data["error"] = error;
    return http::html(req, layout.page(req, "Tạo yêu cầu báo cáo", "plans/request_new.tpl", data), status);
  };
  router.add(http::Verb::get, "/yeu-cau-bao-cao/moi", "plans.review",
             [new_page](http::Request& req) { return new_page(req, json::object(), nullptr, http::Status::ok); });
  router.add(http::Verb::post, "/yeu-cau-bao-cao/moi", "plans.review", [&db, new_page](http::Request& req) {
    auto field = [&](const char* name) { return req.form_param(name).value_or(""); };
    json values = {
        {"kind", field("loai")},        {"title", field("trich_yeu")},         {"body", field("noi_dung")},
        {"outline", field("de_cuong")}, {"figure_unit", field("don_vi_tinh")}, {"due", field("han")},
        {"days", field("so_ngay")},     {"units", all_of(req, "don_vi")},      {"levels", all_of(req, "cap")},
        {"subtree", field("nhanh")}};
    try {
      ReportRequest r;
      r.kind = field("loai");
      r.title = field("trich_yeu");
      r.body = field("noi_dung");
      std::string outline = field("de_cuong");
      for (std::size_t start = 0; start <= outline.size();) {
        auto end = outline.find('\n', start);
        r.outline.emplace_back(text::trim(outline.substr(start, end == std::string::npos ? end : end - start)));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      r.figure_unit = field("don_vi_tinh");
      r.due = request_due(field("han"), field("so_ngay"), local_date(now_seconds()), calendar());
      r.issuer_unit = req.principal->unit_code;
      auto units = db.read([&](db::Connection& c) { return unit_rows(c); });
      r.recipients =
          resolve_recipients(units, all_of(req, "don_vi"), all_of(req, "cap"), field("nhanh"), r.issuer_unit);
      auto stored = create_request(db, r, directory::actor(req), now_seconds());
      return http::redirect(req, href(stored.id) + "?da-gui=1");
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return new_page(req, values, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
    }
  });

  // ---- A request: its text; the answers (coordinator) or the unit's form.
  auto show = [&db, &layout](http::Request& req, const RequestAnswer* posted, json error, http::Status status) {
    auto r = need_request(db, req.int_param());
    bool coordinator = directory::holds(*req.principal, "plans.review");
    std::vector<RequestAnswer> answers;
    std::map<std::string, std::string> names;
    db.read([&](db::Connection& c) {
      answers = request_answers(c, r.id);
      names = names_of(unit_rows(c));
    });
    const auto& unit = req.principal->unit_code;
    auto mine = std::find_if(answers.begin(), answers.end(), [&](const auto& a) { return a.unit_code == unit; });
    if (!coordinator && mine == answers.end()) {
      throw forbidden("the request is not addressed to the user's unit", "Yêu cầu này không gửi đến đơn vị của bạn.");
    }
    std::vector<std::string> headings = r.outline.empty() ? std::vector<std::string>{"Nội dung báo cáo"} : r.outline;
    auto sections_json = [&](const RequestAnswer& a) {
      json out = json::array();
      for (std::size_t i = 0; i < headings.size(); ++i) {
        out.push_back(
            {{"i", std::to_string(i)}, {"heading", headings[i]}, {"text", i < a.sections.size() ? a.sections[i] : ""}});
      }
      return out;
    };
    json rows = json::array();
    int sent = 0;
    for (const auto& a : answers) {
      sent += a.state == "submitted" || a.state == "accepted";
      if (!coordinator) continue;
      json files = json::array();
      for (const auto& [id, name] : a.files)
        files.push_back({{"href", fmt::format("/yeu-cau-bao-cao/tep/{}", id)}, {"name", name}});
      rows.push_back({{"unit", names[a.unit_code]},
                      {"unit_code", a.unit_code},
                      {"state", answer_state_label_vi(a.state)},
                      {"state_code", a.state},
                      {"at", a.submitted_at ? format_datetime_vi(*a.submitted_at) : "—"},
                      {"late", late(a, r)},
                      {"sections", a.state == "none" ? json::array() : sections_json(a)},
                      {"figure", text_section(a.figure ? text::format_figure(*a.figure) + " " + r.figure_unit : "")},
                      {"files", files},
                      {"review_note", text_section(a.review_note)},
                      {"can_review", a.state == "submitted"}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"id", std::to_string(r.id)},
                 {"title", r.title},
                 {"kind", request_kind_label_vi(r.kind)},
                 {"body", text_section(r.body)},
                 {"due", format_date_vi(r.due)},
                 {"issuer", names[r.issuer_unit]},
                 {"outline", json(r.outline)},
                 {"has_outline", !r.outline.empty()},
                 {"closed", r.status == "closed"},
                 {"is_open", r.status == "open"},
                 {"coordinator", coordinator},
                 {"rows", rows},
                 {"answered", text::format_int(sent)},
                 {"total", text::format_int(std::int64_t(answers.size()))},
                 {"notice_sent", req.query_param("da-gui").has_value()},
                 {"notice_answered", req.query_param("da-tra-loi").has_value()}};
    if (mine != answers.end() && directory::holds(*req.principal, "plans.report")) {
      RequestAnswer shown = posted ? *posted : *mine;
      json files = json::array();
      for (const auto& [id, name] : mine->files)
        files.push_back({{"href", fmt::format("/yeu-cau-bao-cao/tep/{}", id)}, {"name", name}});
      data["mine"] = {{"state", answer_state_label_vi(mine->state)},
                      {"returned", text_section(mine->state == "returned" ? mine->review_note : "")},
                      {"can_answer", r.status == "open" && mine->state != "accepted"},
                      {"sections", sections_json(shown)},
                      {"is_figure", r.kind == "figure"},
                      {"figure_unit", r.figure_unit},
                      {"figure_value", shown.figure ? text::decimal_input(*shown.figure) : ""},
                      {"files", files}};
    }
    if (!error.is_null()) data["error"] = error;
    return http::html(req, layout.page(req, r.title, "plans/request.tpl", data), status);
  };
  router.add(http::Verb::get, "/yeu-cau-bao-cao/{id}", "plans.report",
             [show](http::Request& req) { return show(req, nullptr, nullptr, http::Status::ok); });

  // ---- A unit answers (its own unit only).
  router.add(http::Verb::post, "/yeu-cau-bao-cao/{id}/tra-loi", "plans.report", http::upload(1),
             [&db, show](http::Request& req) {
               auto r = need_request(db, req.int_param());
               RequestAnswer a;
               a.unit_code = req.principal->unit_code;
               for (std::size_t i = 0; i < std::max<std::size_t>(1, r.outline.size()); ++i) {
                 a.sections.push_back(req.form_param(fmt::format("phan_{}", i)).value_or(""));
               }
               try {
                 if (auto f = text::trim(req.form_param("so_lieu").value_or("")); !f.empty()) {
                   a.figure = text::parse_decimal(f);
                   if (!a.figure)
                     throw invalid_input("the figure is not a number", "Số liệu không hợp lệ (ví dụ: 95,5).");
                 }
                 std::optional<EvidenceFile> file;
                 if (auto f = req.files().find("tep"); f != req.files().end() && !f->second.filename.empty()) {
                   file = EvidenceFile{f->second.filename, f->second.content};
                 }
                 submit_answer(db, r.id, a, directory::actor(req), now_seconds(), file ? &*file : nullptr);
               } catch (const Error& e) {
                 if (e.kind() != ErrorKind::invalid_input) throw;
                 return show(req, &a, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
               }
               return http::redirect(req, href(r.id) + "?da-tra-loi=1");
             });

  // ---- The coordinator accepts or returns an answer; closes or reopens.
  router.add(http::Verb::post, "/yeu-cau-bao-cao/{id}/duyet", "plans.review", [&db, show](http::Request& req) {
    auto id = req.int_param();
    try {
      review_answer(db, id, req.form_param("don_vi").value_or(""), req.form_param("thao_tac").value_or(""),
                    req.form_param("ly_do").value_or(""), directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return show(req, nullptr, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
    }
    return http::redirect(req, href(id) + "#tra-loi");
  });
  router.add(http::Verb::post, "/yeu-cau-bao-cao/{id}/trang-thai", "plans.review", [&db](http::Request& req) {
    auto id = req.int_param();
    set_request_status(db, id, req.form_param("trang_thai").value_or(""), directory::actor(req), now_seconds());
    return http::redirect(req, href(id));
  });

  // ---- The compiled view and its Word draft.
  router.add(http::Verb::get, "/yeu-cau-bao-cao/{id}/tong-hop", "plans.review", [&db, &layout](http::Request& req) {
    auto r = need_request(db, req.int_param());
    std::vector<RequestAnswer> answers;
    std::vector<UnitRow> units;
    db.read([&](db::Connection& c) {
      answers = request_answers(c, r.id);
      units = unit_rows(c);
    });
    auto names = names_of(units);
    if (req.query_param("dinh-dang").value_or("") == "docx") {
      auto issuer = issuer_of(r.issuer_unit, units);
      return http::attachment(req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              request_docx(r, answers, names, issuer), fmt::format("bao-cao-tong-hop-{}.docx", r.id));
    }
    // The same compilation as the Word draft above: the two cannot disagree.
    auto compiled = compile_request(r, answers, names);
    json figures = json::array(), parts = json::array(), missing = json::array();
    for (const auto& f : compiled.figures) {
      figures.push_back({{"unit", f.unit}, {"value", f.text}, {"pending", f.pending}});
    }
    for (const auto& p : compiled.parts) {
      json items = json::array();
      for (const auto& e : p.entries) items.push_back({{"unit", e.unit}, {"text", e.text}, {"pending", e.pending}});
      parts.push_back({{"heading", p.heading}, {"items", items}, {"empty", items.empty()}});
    }
    for (const auto& m : compiled.missing) missing.push_back({{"unit", m.unit}, {"returned", m.returned}});
    json figure_total = false;
    if (!compiled.figure_total.empty()) {
      figure_total = {{"text", compiled.figure_total}, {"pending", compiled.total_pending}};
    }
    json data = {{"id", std::to_string(r.id)},
                 {"title", r.title},
                 {"due", format_date_vi(r.due)},
                 {"is_figure", compiled.is_figure},
                 {"figure_unit", compiled.figure_unit},
                 {"figures", figures},
                 {"any_figures", !figures.empty()},
                 {"no_figures", figures.empty()},
                 {"figure_total", figure_total},
                 {"parts", parts},
                 {"missing", missing},
                 {"all_answered", missing.empty()},
                 {"sent", text::format_int(std::int64_t(compiled.sent))},
                 {"missing_count", text::format_int(std::int64_t(missing.size()))},
                 {"total", text::format_int(std::int64_t(compiled.total))}};
    return http::html(req, layout.page(req, "Tổng hợp: " + r.title, "plans/request_compiled.tpl", data));
  });

  router.add(http::Verb::get, "/yeu-cau-bao-cao/tep/{id}", "plans.report", [&db](http::Request& req) {
    auto file = db.read([&](db::Connection& c) { return find_request_file(c, req.int_param()); });
    if (!file) throw not_found("no such file", "Không tìm thấy tệp.");
    // The coordinator, and the unit that sent it.
    if (!directory::holds(*req.principal, "plans.review") && file->unit_code != req.principal->unit_code) {
      throw forbidden("another unit's file", "Bạn không có quyền xem tệp này.");
    }
    return http::attachment(req, file->content_type, std::move(file->content), file->filename);
  });
}

}  // namespace cchc::plans
