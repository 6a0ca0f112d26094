// Report requests' pages (requests.h): the coordinator (plans.review) asks,
// reviews and compiles; a unit's officers and leaders (plans.report, for
// their own unit) answer. The table at the end names every route with its
// permission.
#include <fmt/format.h>

#include <memory>
#include <set>

#include "coordination/requests.h"
#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"

namespace cchc::coordination {

using nlohmann::json;

namespace request_pages {
namespace {

Date today() { return local_date(now_seconds()); }

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

json file_links(const RequestAnswer& a) {
  json files = json::array();
  for (const auto& [id, name] : a.files) {
    files.push_back({{"href", fmt::format("/yeu-cau-bao-cao/tep/{}", id)}, {"name", name}});
  }
  return files;
}

// ---- The list: every request for the coordinator, the unit's for others -------------------------

// The requests a coordinator sent from its subtree, and those sent to the
// user's unit.
std::vector<ReportRequest> requests_seen(db::Connection& c, const http::Principal& p) {
  auto reach = directory::reach(p, "plans.review");
  if (reach.none()) return list_requests(c, p.unit_code);
  auto all = list_requests(c, "");
  auto within = directory::codes_within(c, reach);
  if (!within) return all;  // every unit (the province's coordinator)
  std::set<std::int64_t> to_mine;
  for (const auto& r : list_requests(c, p.unit_code)) to_mine.insert(r.id);
  std::erase_if(all, [&](const auto& r) { return !within->count(r.issuer_unit) && !to_mine.count(r.id); });
  return all;
}

// Whether the user coordinates the request: holds plans.review on its
// issuing unit.
bool coordinates(Pages& x, const http::Request& req, const ReportRequest& r) {
  return may(x.db, req, "plans.review", r.issuer_unit);
}

// The request of the path ({id}), when the user coordinates it; forbidden
// otherwise.
ReportRequest coordinated_request(Pages& x, const http::Request& req) {
  auto r = need_request(x.db, req.int_param());
  require(x.db, req, "plans.review", r.issuer_unit);
  return r;
}

http::Response list(Pages& x, http::Request& req) {
  bool coordinator = directory::holds(*req.principal, "plans.review");
  Date day = today();
  json rows = json::array();
  x.db.read([&](db::Connection& c) {
    for (const auto& r : requests_seen(c, *req.principal)) {
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
                      {"overdue", r.status == "open" && std::chrono::sys_days{r.due} < std::chrono::sys_days{day}},
                      {"closed", r.status == "closed"},
                      {"answered", fmt::format("{}/{}", sent, answers.size())},
                      {"mine", mine.empty() ? "—" : mine}});
    }
  });
  json data = {{"rows", rows}, {"none", rows.empty()}, {"coordinator", coordinator}};
  return http::html(req, x.layout.page(req, "Yêu cầu báo cáo", "plans/requests.tpl", data));
}

// ---- A new request ---------------------------------------------------------------------------------

// The form, with `values` as typed ({} for a new one) and a refusal's `error`.
http::Response new_page(Pages& x, http::Request& req, const json& values, const json& error) {
  json units = json::array(), levels = json::array();
  x.db.read([&](db::Connection& c) {
    std::set<std::string> chosen;
    for (const auto& u : values.value("units", std::vector<std::string>{})) chosen.insert(u);
    for (const auto& u : units_of_user(plans::unit_rows(c), *req.principal, "plans.review")) {
      if (u.open) units.push_back({{"code", u.code}, {"name", u.name}, {"selected", chosen.count(u.code) > 0}});
    }
    std::set<std::string> lv;
    for (const auto& l : values.value("levels", std::vector<std::string>{})) lv.insert(l);
    for (const auto& [code, name] : plans::unit_levels(c)) {
      levels.push_back({{"code", code}, {"name", name}, {"checked", lv.count(code) > 0}});
    }
  });
  json subtree = json::array();
  for (const auto& u : units) {
    subtree.push_back(
        {{"code", u["code"]}, {"name", u["name"]}, {"selected", values.value("subtree", "") == u["code"]}});
  }
  json data = {{"csrf", csrf_token(req)},
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
  return http::html(req, x.layout.page(req, "Tạo yêu cầu báo cáo", "plans/request_new.tpl", data));
}

http::Response new_form(Pages& x, http::Request& req) { return new_page(x, req, json::object(), nullptr); }

std::string field(const http::Request& req, const char* name) { return req.form_param(name).value_or(""); }

// The request as the form states it: its due day and its recipients read
// (request_due, resolve_recipients), which may refuse.
ReportRequest request_from_form(Pages& x, const http::Request& req) {
  ReportRequest r;
  r.kind = field(req, "loai");
  r.title = field(req, "trich_yeu");
  r.body = field(req, "noi_dung");
  r.outline = outline_lines(field(req, "de_cuong"));
  r.figure_unit = field(req, "don_vi_tinh");
  r.due = request_due(field(req, "han"), field(req, "so_ngay"), today(), calendar());
  r.issuer_unit = req.principal->unit_code;
  auto units =
      units_of_user(x.db.read([&](db::Connection& c) { return plans::unit_rows(c); }), *req.principal, "plans.review");
  r.recipients =
      resolve_recipients(units, all_of(req, "don_vi"), all_of(req, "cap"), field(req, "nhanh"), r.issuer_unit);
  return r;
}

http::Response create(Pages& x, http::Request& req) {
  json values = {
      {"kind", field(req, "loai")},        {"title", field(req, "trich_yeu")},         {"body", field(req, "noi_dung")},
      {"outline", field(req, "de_cuong")}, {"figure_unit", field(req, "don_vi_tinh")}, {"due", field(req, "han")},
      {"days", field(req, "so_ngay")},     {"units", all_of(req, "don_vi")},           {"levels", all_of(req, "cap")},
      {"subtree", field(req, "nhanh")}};
  return http::refusing(
      [&] {
        auto stored = create_request(x.db, request_from_form(x, req), directory::actor(req), now_seconds());
        return http::redirect(req, href(stored.id) + "?da-gui=1");
      },
      [&](const http::Refusal& r) { return new_page(x, req, values, r.json()); });
}

// ---- A request: its text; the answers (coordinator) or the unit's form --------------------------

// One heading and its text of an answer, for each heading of the request.
json sections_json(const std::vector<std::string>& headings, const RequestAnswer& a) {
  json out = json::array();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    out.push_back(
        {{"i", std::to_string(i)}, {"heading", headings[i]}, {"text", i < a.sections.size() ? a.sections[i] : ""}});
  }
  return out;
}

json answer_row(const ReportRequest& r, const RequestAnswer& a, const std::vector<std::string>& headings,
                std::map<std::string, std::string>& names) {
  return {{"unit", names[a.unit_code]},
          {"unit_code", a.unit_code},
          {"state", answer_state_label_vi(a.state)},
          {"state_code", a.state},
          {"at", a.submitted_at ? format_datetime_vi(*a.submitted_at) : "—"},
          {"late", late(a, r)},
          {"sections", a.state == "none" ? json::array() : sections_json(headings, a)},
          {"figure", text_section(a.figure ? text::format_figure(*a.figure) + " " + r.figure_unit : "")},
          {"files", file_links(a)},
          {"review_note", text_section(a.review_note)},
          {"can_review", a.state == "submitted"}};
}

// The unit's own answer and its form: what was posted, else what it sent.
json own_answer(const ReportRequest& r, const RequestAnswer& mine, const RequestAnswer* posted,
                const std::vector<std::string>& headings) {
  const RequestAnswer& shown = posted ? *posted : mine;
  return {{"state", answer_state_label_vi(mine.state)},
          {"returned", text_section(mine.state == "returned" ? mine.review_note : "")},
          {"can_answer", r.status == "open" && mine.state != "accepted"},
          {"sections", sections_json(headings, shown)},
          {"is_figure", r.kind == "figure"},
          {"figure_unit", r.figure_unit},
          {"figure_value", shown.figure ? text::decimal_input(*shown.figure) : ""},
          {"files", file_links(mine)}};
}

// The request page; `posted` is the unit's answer as sent, `error` a refusal's.
http::Response request_page(Pages& x, http::Request& req, const RequestAnswer* posted, const json& error) {
  auto r = need_request(x.db, req.int_param());
  bool coordinator = coordinates(x, req, r);
  std::vector<RequestAnswer> answers;
  std::map<std::string, std::string> names;
  x.db.read([&](db::Connection& c) {
    answers = request_answers(c, r.id);
    names = names_of(plans::unit_rows(c));
  });
  const auto& unit = req.principal->unit_code;
  auto mine = std::find_if(answers.begin(), answers.end(), [&](const auto& a) { return a.unit_code == unit; });
  if (!coordinator && mine == answers.end()) {
    throw forbidden("the request is not addressed to the user's unit", "Yêu cầu này không gửi đến đơn vị của bạn.");
  }
  std::vector<std::string> headings = r.outline.empty() ? std::vector<std::string>{"Nội dung báo cáo"} : r.outline;
  json rows = json::array();
  int sent = 0;
  for (const auto& a : answers) {
    sent += a.state == "submitted" || a.state == "accepted";
    if (coordinator) rows.push_back(answer_row(r, a, headings, names));
  }
  json data = {{"csrf", csrf_token(req)},
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
    data["mine"] = own_answer(r, *mine, posted, headings);
  }
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, r.title, "plans/request.tpl", data));
}

http::Response show(Pages& x, http::Request& req) { return request_page(x, req, nullptr, nullptr); }

// ---- A unit answers (its own unit only) --------------------------------------------------------------

http::Response answer(Pages& x, http::Request& req) {
  auto r = need_request(x.db, req.int_param());
  RequestAnswer a;
  a.unit_code = req.principal->unit_code;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, r.outline.size()); ++i) {
    a.sections.push_back(req.form_param(fmt::format("phan_{}", i)).value_or(""));
  }
  return http::refusing(
      [&] {
        if (auto f = text::trim(req.form_param("so_lieu").value_or("")); !f.empty()) {
          a.figure = text::parse_decimal(f);
          if (!a.figure) throw invalid_input("the figure is not a number", "Số liệu không hợp lệ (ví dụ: 95,5).");
        }
        auto file = evidence_file(req, "tep");
        submit_answer(x.db, r.id, a, directory::actor(req), now_seconds(), file ? &*file : nullptr);
        return http::redirect(req, href(r.id) + "?da-tra-loi=1");
      },
      [&](const http::Refusal& refused) { return request_page(x, req, &a, refused.json()); });
}

// ---- The coordinator accepts or returns an answer; closes or reopens -----------------------------

http::Response review(Pages& x, http::Request& req) {
  auto id = coordinated_request(x, req).id;
  return http::refusing(
      [&] {
        review_answer(x.db, id, field(req, "don_vi"), field(req, "thao_tac"), field(req, "ly_do"),
                      directory::actor(req), now_seconds());
        return http::redirect(req, href(id) + "#tra-loi");
      },
      [&](const http::Refusal& refused) { return request_page(x, req, nullptr, refused.json()); });
}

http::Response set_status(Pages& x, http::Request& req) {
  auto id = coordinated_request(x, req).id;
  set_request_status(x.db, id, field(req, "trang_thai"), directory::actor(req), now_seconds());
  return http::redirect(req, href(id));
}

// ---- The compiled view and its Word draft -------------------------------------------------------------

// The page of compile_request: the same compilation as the Word draft, so
// the two cannot disagree.
json compiled_view(const ReportRequest& r, const CompiledRequest& compiled) {
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
  return {{"id", std::to_string(r.id)},
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
}

http::Response compiled(Pages& x, http::Request& req) {
  auto r = coordinated_request(x, req);
  std::vector<RequestAnswer> answers;
  std::vector<UnitRow> units;
  x.db.read([&](db::Connection& c) {
    answers = request_answers(c, r.id);
    units = plans::unit_rows(c);
  });
  auto names = names_of(units);
  if (req.query_param("dinh-dang").value_or("") == "docx") {
    auto issuer = issuer_of(r.issuer_unit, units);
    return http::attachment(req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            request_docx(r, answers, names, issuer), fmt::format("bao-cao-tong-hop-{}.docx", r.id));
  }
  auto data = compiled_view(r, compile_request(r, answers, names));
  return http::html(req, x.layout.page(req, "Tổng hợp: " + r.title, "plans/request_compiled.tpl", data));
}

// A file of an answer: to the coordinator, and to the unit that sent it.
http::Response answer_file(Pages& x, http::Request& req) {
  auto file = x.db.read([&](db::Connection& c) { return find_request_file(c, req.int_param()); });
  if (!file) throw not_found("no such file", "Không tìm thấy tệp.");
  if (!may(x.db, req, "plans.review", file->unit_code) && file->unit_code != req.principal->unit_code) {
    throw forbidden("another unit's file", "Bạn không có quyền xem tệp này.");
  }
  return http::attachment(req, file->content_type, std::move(file->content), file->filename);
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/yeu-cau-bao-cao", "plans.report", list},
      {http::Verb::get, "/yeu-cau-bao-cao/moi", "plans.review", new_form},
      {http::Verb::post, "/yeu-cau-bao-cao/moi", "plans.review", create},
      {http::Verb::get, "/yeu-cau-bao-cao/{id}", "plans.report", show},
      {http::Verb::post, "/yeu-cau-bao-cao/{id}/tra-loi", "plans.report", answer, http::upload(1)},
      {http::Verb::post, "/yeu-cau-bao-cao/{id}/duyet", "plans.review", review},
      {http::Verb::post, "/yeu-cau-bao-cao/{id}/trang-thai", "plans.review", set_status},
      {http::Verb::get, "/yeu-cau-bao-cao/{id}/tong-hop", "plans.review", compiled},
      {http::Verb::get, "/yeu-cau-bao-cao/tep/{id}", "plans.report", answer_file},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace request_pages

void add_request_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  layout.add_nav({"Yêu cầu báo cáo", "/yeu-cau-bao-cao", "plans.report"});
  request_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
