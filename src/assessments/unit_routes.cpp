// A unit's self-assessment page and what is done on it: the draft (saved
// by the form, autosaved by htmx when scripts run), evidence, submission by
// the unit leader, the appraisal, the unit's answer, finalising; and the
// evidence files, served only as downloads. Who may do what on the page is
// rules.h's unit_rights.
#include <fmt/format.h>

#include <algorithm>

#include "assessments/route_support.h"
#include "assessments/routes.h"
#include "assessments/rules.h"
#include "assessments/tables.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "http/session.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

std::string unit_href(const Round& r, const std::string& unit) {
  return "/danh-gia/" + http::url_encode(r.code) + "/don-vi/" + http::url_encode(unit);
}

std::string dom_id(std::string code) {
  for (auto& ch : code) {
    if (ch == '.') ch = '-';
  }
  return "tc-" + code;
}

// What the page and its actions read of one participant.
struct UnitPage {
  Round round;
  Participant participant;
  RoundLevel level;
  CriteriaSet set;
  std::vector<Score> scores;
  std::vector<Evidence> evidence;
  std::vector<std::string> appraisers;
  std::string unit_name;
};

// The participant of the path's {code} and {unit}; not_found otherwise.
UnitPage load_unit_page(db::Database& db, const http::Request& req) {
  const auto& unit = req.params.at("unit");
  auto round = need_round(db, req.params.at("code"));
  return db.read([&](db::Connection& c) {
    auto p = find_participant(c, round.id, unit);
    if (!p) throw not_found("the unit does not take part in this round", "Đơn vị không tham gia đợt đánh giá này.");
    UnitPage page{round,
                  *p,
                  {},
                  {},
                  unit_scores(c, round.id, unit),
                  unit_evidence(c, round.id, unit),
                  assessments::appraisers(c, round.id, unit),
                  names_for(c).units[unit]};
    for (const auto& l : round.levels) {
      if (l.level == p->level) page.level = l;
    }
    page.set = *load_set(c, page.level.set_id);
    return page;
  });
}

UnitRights rights_on(RouteContext& x, const http::Request& req, const UnitPage& p, Instant now) {
  const auto& unit = p.participant.unit;
  UnitViewer who;
  who.self = directory::may(x.db, req, "assessments.self", unit);
  who.submits = who.self && directory::may(x.db, req, "assessments.submit", unit);
  who.appraiser = std::count(p.appraisers.begin(), p.appraisers.end(), req.principal->username) > 0;
  who.province_wide = directory::province_wide(*req.principal) || runs_rounds(x.db, req);
  return unit_rights(p.participant, p.round.status == "open", deadline_of(p.participant, p.level), who, now);
}

// ---- The page ------------------------------------------------------------------------------

struct Totals {
  double self = 0, with_appraisal = 0;  // the unit's claims; with the appraised scores where set
};

// A leaf's cells: the claim, its evidence, the appraisal and the answer.
// The page's flags (edit, appraise, answer, show_appraisal) are repeated so
// that the row's names resolve inside them (views/renderer.h).
void fill_leaf(json& row, const Criterion& c, const Score* s, const json& files,
               const std::map<std::string, double>& computed, const UnitRights& can, const Sources& sources,
               Totals& totals) {
  // The self score as a flag and a value (0 when unscored): GCC 12 takes
  // an optional read inside the row's initialiser list for uninitialised.
  const bool scored = s && s->self;
  const double score = scored ? *s->self : 0;
  totals.self += score;
  totals.with_appraisal += s && s->appraised ? *s->appraised : score;
  auto comp = computed.find(c.code);
  const bool measured = c.rule == Rule::tiers || (c.rule == Rule::indicator && comp == computed.end());
  row.update({{"leaf", true},
              {"rule", rule_label_vi(c, sources.indicators)},
              {"manual", c.rule == Rule::manual},
              {"yes_no", c.rule == Rule::yes_no},
              {"measured", measured},
              {"computed", comp != computed.end()},
              {"computed_value", comp != computed.end() ? text::format_decimal(comp->second, 2) : ""},
              {"min", score_vi(c.min)},
              {"step", c.step ? score_vi(*c.step) : ""},
              {"score", scored ? score_vi(score) : ""},
              {"scored", scored},
              {"yes", scored && score >= c.max - 1e-9},
              {"no", scored && score < c.max - 1e-9},
              {"value", s && s->value ? text::decimal_input(*s->value) : ""},
              {"value_shown", s && s->value ? text::format_figure(*s->value) : ""},
              {"explanation", s ? s->explanation : ""},
              {"below_max", scored && score < c.max - 1e-9},
              {"evidence_required", c.evidence_required},
              {"files", files},
              {"appraised", s && s->appraised ? score_vi(*s->appraised) : ""},
              {"comment", s ? s->comment : ""},
              {"answer_text", s ? s->answer : ""},
              {"edit", can.edit},
              {"view", !can.edit},
              {"edit_manual", can.edit && c.rule == Rule::manual},
              {"edit_yes_no", can.edit && c.rule == Rule::yes_no},
              {"edit_measured", can.edit && measured},
              {"has_value", s && s->value},
              {"appraise", can.appraise},
              {"view_appraisal", can.show_appraisal && !can.appraise},
              {"answer", can.answer},
              {"view_answer", can.show_appraisal && !can.answer},
              {"show_appraisal", can.show_appraisal}});
}

// Every node of the set in order: areas and groups as headings, leaves
// with their cells; `totals` the self and final sums.
json criterion_rows(const UnitPage& p, const UnitRights& can, const std::map<std::string, double>& computed,
                    const Sources& sources, Totals& totals) {
  std::map<std::string, const Score*> by_code;
  for (const auto& s : p.scores) by_code[s.criterion] = &s;
  std::map<std::string, json> files_of;
  for (const auto& e : p.evidence) {
    for (const auto& code : e.criteria) {
      auto& files = files_of.try_emplace(code, json::array()).first->second;
      files.push_back({{"title", e.reference.empty() ? e.title : e.reference + " — " + e.title}, {"href", e.href}});
    }
  }
  auto lf = leaves(p.set);
  json rows = json::array();
  for (const auto& c : p.set.criteria) {
    bool is_leaf = std::find(lf.begin(), lf.end(), &c) != lf.end();
    json row{{"code", c.code},
             {"id", dom_id(c.code)},
             {"name", c.name},
             {"guidance", c.guidance},
             {"has_guidance", !c.guidance.empty()},
             {"max", score_vi(node_max(p.set, c.code))},
             {"group", !is_leaf},
             {"area", c.parent.empty()},
             {"colspan", can.show_appraisal ? "9" : "6"}};
    if (is_leaf) {
      auto s = by_code.find(c.code);
      auto f = files_of.find(c.code);
      fill_leaf(row, c, s == by_code.end() ? nullptr : s->second, f == files_of.end() ? json::array() : f->second,
                computed, can, sources, totals);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

json evidence_rows(const UnitPage& p, bool edit) {
  json out = json::array();
  for (const auto& e : p.evidence) {
    std::string criteria;
    for (const auto& code : e.criteria) criteria += (criteria.empty() ? "" : ", ") + code;
    out.push_back(
        {{"id", std::to_string(e.id)},
         {"title", e.reference.empty() ? e.title : e.reference + " — " + e.title},
         {"href", e.href},
         {"kind", e.file_id.empty() ? "Văn bản trong hệ thống" : "Tệp tải lên"},
         {"criteria", criteria},
         {"href_remove", unit_href(p.round, p.participant.unit) + "/minh-chung/" + std::to_string(e.id) + "/xoa"},
         {"edit", edit}});
  }
  return out;
}

// The documents dated within the evidence window, to cite while editing.
json document_options(const UnitPage& p, const Sources& sources, bool edit) {
  json out = json::array();
  if (!edit || !sources.documents) return out;
  for (const auto& d : sources.documents()) {
    if (d.date && *d.date >= p.round.evidence_from && *d.date <= p.round.evidence_to) {
      out.push_back({{"href", d.href}, {"label", d.reference + " — " + d.title}});
    }
  }
  return out;
}

// Points at risk once submitted: what the unit lost where, and what would
// win it back.
json risk_rows(const UnitPage& p) {
  json out = json::array();
  if (p.participant.state != "submitted") return out;
  for (const auto& r : points_at_risk(p.set, p.scores)) {
    out.push_back({{"code", r.criterion},
                   {"id", dom_id(r.criterion)},
                   {"lost", score_vi(r.lost)},
                   {"over", r.over_claim ? score_vi(*r.over_claim) : ""},
                   {"value", r.value ? text::format_decimal(*r.value, 2) : ""},
                   {"back", win_back_vi(r)}});
  }
  return out;
}

json unit_page_data(RouteContext& x, const http::Request& req, const UnitPage& p, Instant now) {
  const auto can = rights_on(x, req, p, now);
  const auto& unit = p.participant.unit;
  auto computed = can.edit ? computed_values(x.sources, p.set, p.round, unit) : std::map<std::string, double>{};
  Totals totals;
  auto rows = criterion_rows(p, can, computed, x.sources, totals);
  auto evidence = evidence_rows(p, can.edit);
  auto risk = risk_rows(p);
  auto documents = document_options(p, x.sources, can.edit);
  json leaf_options = json::array();
  for (const auto* c : leaves(p.set))
    leaf_options.push_back({{"code", c->code}, {"id", "mc-" + dom_id(c->code)}, {"name", c->name}});
  const auto& part = p.participant;
  return json{{"csrf", req.session ? req.session->csrf_token : ""},
              {"round",
               {{"name", p.round.name},
                {"href", "/danh-gia/" + http::url_encode(p.round.code)},
                {"window", format_date_vi(p.round.evidence_from) + " - " + format_date_vi(p.round.evidence_to)}}},
              {"unit", {{"name", p.unit_name}, {"code", unit}}},
              {"href", unit_href(p.round, unit)},
              {"set", fmt::format("{} (phiên bản {})", p.set.name, p.set.version)},
              {"deadline", format_datetime_vi(deadline_of(part, p.level))},
              {"extended", part.extended_until.has_value()},
              {"state", submission_label_vi(part, p.level, now)},
              {"submitted_at", part.submitted_at ? format_datetime_vi(*part.submitted_at) : ""},
              {"appraisal_state", appraisal_status_vi(part, now)},
              {"answer_due", part.answer_due ? format_datetime_vi(*part.answer_due) : ""},  // `answer` only
              {"self_total", score_vi(totals.self)},
              {"final_total", score_vi(totals.with_appraisal)},
              {"max_total", score_vi(max_total(p.set))},
              {"rows", rows},
              {"edit", can.edit},
              {"submit", can.submit},
              {"appraise", can.appraise},
              {"can_send", can.send},
              {"can_finalise", can.finalise},
              {"answer", can.answer},
              {"show_appraisal", can.show_appraisal},
              {"late_closed", can.late_closed},
              {"evidence", evidence},
              {"has_evidence", !evidence.empty()},
              {"no_evidence", evidence.empty()},
              {"risk", risk},
              {"has_risk", !risk.empty()},
              {"leaf_options", leaf_options},
              {"documents", documents},
              {"has_documents", !documents.empty()}};
}

// The page, with the notice its query names and `error` (a refusal's).
http::Response unit_page(RouteContext& x, http::Request& req, json error) {
  auto p = load_unit_page(x.db, req);
  auto data = unit_page_data(x, req, p, now_seconds());
  if (req.query_param("da-luu")) data["notice"] = {{"message", "Đã lưu bản nháp."}};
  if (req.query_param("da-gui")) data["notice"] = {{"message", "Đã gửi bản tự đánh giá. Bản đã gửi không thể sửa."}};
  if (req.query_param("da-cap-nhat")) data["notice"] = {{"message", "Đã cập nhật."}};
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, x.layout.page(req, "Tự đánh giá — " + p.unit_name, "assessments/unit.tpl", data));
}

http::Response show_unit(RouteContext& x, http::Request& req) { return unit_page(x, req, nullptr); }

// ---- What is done on it --------------------------------------------------------------------

// Runs a change to the unit's self-assessment. The page's forms go back to
// the page with `done` in the query, or, refused, show the page again with
// the reason (422). htmx's autosave gets the status line instead: when the
// draft was saved, or the reason; both 200, since htmx swaps in only a 2xx
// answer.
http::Response on_unit(RouteContext& x, http::Request& req, const std::function<void()>& change, const char* done) {
  if (!req.header("HX-Request").empty()) {
    auto res = http::refusing(
        [&] {
          change();
          return http::html(req, x.layout.fragment("assessments/saved.tpl",
                                                   {{"saved", true}, {"at", format_datetime_vi(now_seconds())}}));
        },
        [&](const http::Refusal& r) {
          return http::html(req, x.layout.fragment("assessments/saved.tpl", {{"error", r.json()}}));
        });
    res.result(http::Status::ok);
    return res;
  }
  return http::refusing(
      [&] {
        change();
        return http::redirect(req, "/danh-gia/" + http::url_encode(req.params.at("code")) + "/don-vi/" +
                                       http::url_encode(req.params.at("unit")) + "?" + done);
      },
      [&](const http::Refusal& r) { return unit_page(x, req, r.json()); });
}

// The form's self-assessment fields (rules.h claim_of) and explanations
// ("giai_thich_"); indicator values computed from the sources where there
// are records. Throws invalid_input listing every number it cannot read.
SelfInput self_input(const http::Request& req, const UnitPage& page, const Sources& sources) {
  SelfInput in;
  in.computed = computed_values(sources, page.set, page.round, page.participant.unit);
  std::vector<LineError> errors;
  for (const auto* c : leaves(page.set)) {
    auto typed = [&](const char* prefix) { return req.form_param(prefix + c->code).value_or(""); };
    auto claim = claim_of(*c, in.computed.contains(c->code), typed("diem_"), typed("gia_tri_"));
    if (claim.problem) errors.push_back(*claim.problem);
    if (claim.score) in.scores[c->code] = *claim.score;
    if (claim.value) in.values[c->code] = *claim.value;
    if (auto e = req.form_param("giai_thich_" + c->code)) in.explanations[c->code] = *e;
  }
  if (!errors.empty()) throw rejected(errors);
  return in;
}

http::Response save_self(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        save_draft(x.db, p.round.id, p.participant.unit, self_input(req, p, x.sources), directory::actor(req),
                   now_seconds());
      },
      "da-luu=1");
}

http::Response submit_self(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        auto who = directory::actor(req);
        save_draft(x.db, p.round.id, p.participant.unit, self_input(req, p, x.sources), who, now_seconds());
        submit(x.db, p.round.id, p.participant.unit, who, now_seconds());
      },
      "da-gui=1");
}

// Evidence is an uploaded file ("tep") or a document already in cchc,
// chosen by its address ("van_ban": its number is unique only per issuing
// unit and year), for the criteria ticked ("tieu_chi").
void attach_evidence(RouteContext& x, const http::Request& req) {
  auto p = load_unit_page(x.db, req);
  std::vector<std::string> criteria;
  auto [a, b] = req.form().equal_range("tieu_chi");
  for (auto it = a; it != b; ++it) criteria.push_back(it->second);
  auto who = directory::actor(req);
  auto f = req.files().find("tep");
  if (f != req.files().end() && !f->second.filename.empty()) {
    x.db.write([&](db::Connection& c) {
      return add_file_evidence(c, p.round.id, p.participant.unit, f->second.filename, f->second.content, criteria, who,
                               now_seconds());
    });
    return;
  }
  auto chosen = req.form_param("van_ban").value_or("");
  if (chosen.empty() || !x.sources.documents) {
    throw invalid_input("choose a file or a document", "Cần chọn tệp hoặc văn bản làm minh chứng.");
  }
  for (const auto& d : x.sources.documents()) {
    if (d.href == chosen) {
      add_document_evidence(x.db, p.round.id, p.participant.unit, d, criteria, who, now_seconds());
      return;
    }
  }
  throw invalid_input("no such document", "Không tìm thấy văn bản đã chọn.").at("van_ban");
}

http::Response add_evidence(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req, [&] { attach_evidence(x, req); }, "da-cap-nhat=1#minh-chung");
}

http::Response drop_evidence(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        auto id = parse_int(req.params.at("id")).value_or(0);
        x.db.write([&](db::Connection& c) {
          remove_evidence(c, p.round.id, p.participant.unit, id, directory::actor(req), now_seconds());
        });
      },
      "da-cap-nhat=1#minh-chung");
}

// The appraiser's scores ("tham_dinh_", rules.h appraised_of) and comments
// ("nhan_xet_", when not blank). Throws invalid_input listing every score
// it cannot read.
void appraise_unit(RouteContext& x, const http::Request& req) {
  auto p = load_unit_page(x.db, req);
  std::map<std::string, double> scores;
  std::map<std::string, std::string> comments;
  std::vector<LineError> errors;
  for (const auto* c : leaves(p.set)) {
    auto typed = appraised_of(*c, req.form_param("tham_dinh_" + c->code).value_or(""));
    if (typed.problem) errors.push_back(*typed.problem);
    if (typed.score) scores[c->code] = *typed.score;
    if (auto t = req.form_param("nhan_xet_" + c->code); t && !text::trim(*t).empty()) comments[c->code] = *t;
  }
  if (!errors.empty()) throw rejected(errors);
  save_appraisal(x.db, p.round.id, p.participant.unit, scores, comments, req.principal->unit_code,
                 directory::actor(req), now_seconds());
}

http::Response appraise_post(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req, [&] { appraise_unit(x, req); }, "da-cap-nhat=1");
}

// Tells the unit (its notifications) that the appraisal reached a step, in
// the step's transaction.
void tell_unit(db::Connection& c, RouteContext& x, const UnitPage& p, const char* kind, const std::string& key,
               const std::string& message, Instant now) {
  if (!x.sources.notify) return;
  x.sources.notify(c, p.participant.unit, kind, key, message, unit_href(p.round, p.participant.unit), now);
}

http::Response send_appraisal(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        auto now = now_seconds();
        x.db.write([&](db::Connection& c) {
          send_for_answer(c, p.round.id, p.participant.unit, req.principal->unit_code, directory::actor(req), now);
          tell_unit(c, x, p, "appraisal", fmt::format("appraisal:{}:{}", p.round.id, now.time_since_epoch().count()),
                    "Kết quả thẩm định " + p.round.name + " đã gửi đơn vị, đề nghị giải trình", now);
        });
      },
      "da-cap-nhat=1");
}

http::Response answer_post(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        std::map<std::string, std::string> answers;
        for (const auto* c : leaves(p.set)) {
          if (auto t = req.form_param("giai_trinh_" + c->code)) answers[c->code] = *t;
        }
        x.db.write([&](db::Connection& c) {
          answer(c, p.round.id, p.participant.unit, answers, directory::actor(req), now_seconds());
        });
      },
      "da-cap-nhat=1");
}

// The final result answers the unit's explanation: the unit is told.
http::Response finalise_post(RouteContext& x, http::Request& req) {
  return on_unit(
      x, req,
      [&] {
        auto p = load_unit_page(x.db, req);
        auto now = now_seconds();
        x.db.write([&](db::Connection& c) {
          finalise(c, p.round.id, p.participant.unit, req.principal->unit_code, directory::actor(req), now);
          tell_unit(c, x, p, "appraisal_final",
                    fmt::format("appraisal-final:{}:{}", p.round.id, now.time_since_epoch().count()),
                    "Kết quả thẩm định " + p.round.name + " của đơn vị đã được chốt", now);
        });
      },
      "da-cap-nhat=1");
}

// An evidence file, to whoever may read the unit's self-assessment.
http::Response evidence_file(RouteContext& x, http::Request& req) {
  auto file = x.db.read([&](db::Connection& c) { return find_file(c, req.params.at("file")); });
  if (!file) throw not_found("no such file", "Không tìm thấy tệp minh chứng.");
  directory::require(x.db, req, "assessments.read", file->unit);
  return http::attachment(req, file->content_type, std::move(file->content), file->filename);
}

}  // namespace

void add_unit_routes(http::Router& router, const std::shared_ptr<RouteContext>& x) {
  const http::RouteTo<RouteContext> routes[] = {
      {http::Verb::get, "/danh-gia/tep/{file}", "assessments.read", evidence_file},
      {http::Verb::get, "/danh-gia/{code}/don-vi/{unit}", "assessments.read", show_unit},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}", "assessments.self", save_self},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/nop", "assessments.submit", submit_self},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/minh-chung", "assessments.self", add_evidence,
       http::upload(1)},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/minh-chung/{id}/xoa", "assessments.self", drop_evidence},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/tham-dinh", "assessments.appraise", appraise_post},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/gui-giai-trinh", "assessments.appraise", send_appraisal},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/giai-trinh", "assessments.self", answer_post},
      {http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/chot", "assessments.appraise", finalise_post},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::assessments
