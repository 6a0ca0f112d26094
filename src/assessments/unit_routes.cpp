// A unit's self-assessment page and what is done on it: the draft (saved
// by the form, autosaved by htmx when scripts run), evidence, submission by
// the unit leader, the appraisal, the unit's answer, finalising; and the
// evidence files, served only as downloads.
#include <fmt/format.h>

#include "assessments/route_support.h"
#include "assessments/routes.h"
#include "assessments/tables.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
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

struct Page {
  Round round;
  Participant participant;
  RoundLevel level;
  CriteriaSet set;
  std::vector<Score> scores;
  std::vector<Evidence> evidence;
  std::vector<std::string> appraisers;
  std::string unit_name;
};

Page load_page(db::Database& db, const std::string& code, const std::string& unit) {
  auto round = need_round(db, code);
  return db.read([&](db::Connection& c) {
    auto p = find_participant(c, round.id, unit);
    if (!p) throw not_found("the unit does not take part in this round", "Đơn vị không tham gia đợt đánh giá này.");
    Page page{round,
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

bool assigned(const Page& p, const http::Request& req) {
  return std::count(p.appraisers.begin(), p.appraisers.end(), req.principal->username) > 0;
}

// The form's self-assessment fields: manual scores (diem_), yes/no (diem_
// "co"/"khong"), measured values (gia_tri_), explanations (giai_thich_);
// indicator values computed from the sources where there are records.
SelfInput self_input(const http::Request& req, const Page& page, const Sources& sources) {
  SelfInput in;
  in.computed = computed_values(sources, page.set, page.round, page.participant.unit);
  std::vector<LineError> errors;
  for (const auto* c : leaves(page.set)) {
    auto field = [&](const char* prefix) { return req.form_param(prefix + c->code); };
    try {
      if (c->rule == Rule::manual) {
        if (auto v = text::parse_decimal(field("diem_").value_or(""))) in.scores[c->code] = *v;
      } else if (c->rule == Rule::yes_no) {
        auto v = field("diem_").value_or("");
        if (v == "co") in.scores[c->code] = c->max;
        if (v == "khong") in.scores[c->code] = c->min;
      } else if (c->rule == Rule::tiers || !in.computed.contains(c->code)) {
        if (auto v = text::parse_decimal(field("gia_tri_").value_or(""))) in.values[c->code] = *v;
      }
    } catch (const Error&) {
      errors.push_back({0, fmt::format("criterion {}: not a number", c->code),
                        fmt::format("Tiêu chí {}: cần nhập một số (ví dụ 2 hoặc 1,5).", c->code)});
    }
    if (auto e = field("giai_thich_")) in.explanations[c->code] = *e;
  }
  if (!errors.empty()) throw rejected(errors);
  return in;
}

std::vector<std::string> criteria_field(const http::Request& req) {
  std::vector<std::string> out;
  auto [a, b] = req.form().equal_range("tieu_chi");
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

}  // namespace

void add_unit_routes(http::Router& router, views::Layout& layout, db::Database& db, const Sources& sources) {
  // ---- An evidence file: to whoever may read the unit's self-assessment.
  router.add(http::Verb::get, "/danh-gia/tep/{file}", "assessments.read", [&db](http::Request& req) {
    auto file = db.read([&](db::Connection& c) { return find_file(c, req.params.at("file")); });
    if (!file) throw not_found("no such file", "Không tìm thấy tệp minh chứng.");
    directory::require(db, req, "assessments.read", file->unit);
    return http::attachment(req, file->content_type, std::move(file->content), file->filename);
  });

  auto page = [&db, &layout, &sources](http::Request& req, json extra, http::Status status) {
    auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
    auto now = now_seconds();
    const auto& unit = p.participant.unit;
    bool open = p.round.status == "open";
    bool draft = p.participant.state != "submitted";
    bool self = directory::may(db, req, "assessments.self", unit);
    bool edit = open && draft && self && now <= deadline_of(p.participant, p.level);
    bool submit_right = edit && directory::may(db, req, "assessments.submit", unit);
    bool mine = assigned(p, req);
    const auto& a = p.participant.appraisal;
    bool appraise = open && !draft && mine && (a == "none" || a == "appraising" || a == "answered");
    bool answer =
        open && self && a == "awaiting_answer" && p.participant.answer_due && now <= *p.participant.answer_due;
    bool show_appraisal = mine || directory::province_wide(*req.principal) || a == "awaiting_answer" ||
                          a == "answered" || a == "final" || !open;
    auto computed = edit ? computed_values(sources, p.set, p.round, unit) : std::map<std::string, double>{};

    std::map<std::string, const Score*> by_code;
    for (const auto& s : p.scores) by_code[s.criterion] = &s;
    std::map<std::string, std::vector<const Evidence*>> evidence_of;
    for (const auto& e : p.evidence) {
      for (const auto& code : e.criteria) evidence_of[code].push_back(&e);
    }
    auto lf = leaves(p.set);
    json rows = json::array();
    double self_total = 0, final_total = 0;
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
               {"colspan", show_appraisal ? "9" : "6"}};
      if (!is_leaf) {
        rows.push_back(row);
        continue;
      }
      const Score* s = by_code.count(c.code) ? by_code[c.code] : nullptr;
      // The self score as a flag and a value (0 when unscored): GCC 12 takes
      // an optional read inside the row's initialiser list for uninitialised.
      const bool scored = s && s->self;
      const double score = scored ? *s->self : 0;
      self_total += score;
      final_total += s && s->appraised ? *s->appraised : score;
      json ev = json::array();
      for (const auto* e : evidence_of[c.code]) {
        ev.push_back({{"title", e->reference.empty() ? e->title : e->reference + " — " + e->title}, {"href", e->href}});
      }
      auto comp = computed.find(c.code);
      // edit, appraise, answer and show_appraisal repeat the page's flags so
      // that the row's names resolve inside them (views/renderer.h).
      row.update(
          {{"leaf", true},
           {"rule", rule_label_vi(c, sources.indicators)},
           {"manual", c.rule == Rule::manual},
           {"yes_no", c.rule == Rule::yes_no},
           {"measured", c.rule == Rule::tiers || (c.rule == Rule::indicator && comp == computed.end())},
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
           {"files", ev},
           {"appraised", s && s->appraised ? score_vi(*s->appraised) : ""},
           {"comment", s ? s->comment : ""},
           {"answer_text", s ? s->answer : ""},
           {"edit", edit},
           {"view", !edit},
           {"edit_manual", edit && c.rule == Rule::manual},
           {"edit_yes_no", edit && c.rule == Rule::yes_no},
           {"edit_measured", edit && (c.rule == Rule::tiers || (c.rule == Rule::indicator && comp == computed.end()))},
           {"has_value", s && s->value},
           {"appraise", appraise},
           {"view_appraisal", show_appraisal && !appraise},
           {"answer", answer},
           {"view_answer", show_appraisal && !answer},
           {"show_appraisal", show_appraisal}});
      rows.push_back(row);
    }
    json evidence = json::array();
    for (const auto& e : p.evidence) {
      std::string criteria;
      for (const auto& code : e.criteria) criteria += (criteria.empty() ? "" : ", ") + code;
      evidence.push_back({{"id", std::to_string(e.id)},
                          {"title", e.reference.empty() ? e.title : e.reference + " — " + e.title},
                          {"href", e.href},
                          {"kind", e.file_id.empty() ? "Văn bản trong hệ thống" : "Tệp tải lên"},
                          {"criteria", criteria},
                          {"href_remove", unit_href(p.round, unit) + "/minh-chung/" + std::to_string(e.id) + "/xoa"},
                          {"edit", edit}});
    }
    json leaf_options = json::array();
    for (const auto* c : lf)
      leaf_options.push_back({{"code", c->code}, {"id", "mc-" + dom_id(c->code)}, {"name", c->name}});
    json documents = json::array();
    if (edit && sources.documents) {
      for (const auto& d : sources.documents()) {
        if (d.date && *d.date >= p.round.evidence_from && *d.date <= p.round.evidence_to) {
          documents.push_back({{"href", d.href}, {"label", d.reference + " — " + d.title}});
        }
      }
    }
    // Points at risk: what the unit lost where, and what would win it back.
    json risk = json::array();
    if (!draft) {
      for (const auto& r : points_at_risk(p.set, p.scores)) {
        std::string back;
        if (r.next_from) back = fmt::format("Đạt {} để được thêm điểm", text::format_decimal(*r.next_from, 2));
        if (r.full_from && (!r.next_from || *r.full_from != *r.next_from)) {
          back += (back.empty() ? "" : "; ") +
                  fmt::format("đạt {} để được điểm tối đa", text::format_decimal(*r.full_from, 2));
        }
        risk.push_back({{"code", r.criterion},
                        {"id", dom_id(r.criterion)},
                        {"lost", score_vi(r.lost)},
                        {"over", r.over_claim ? score_vi(*r.over_claim) : ""},
                        {"value", r.value ? text::format_decimal(*r.value, 2) : ""},
                        {"back", back}});
      }
    }
    auto href = unit_href(p.round, unit);
    json data{
        {"csrf", req.session ? req.session->csrf_token : ""},
        {"round",
         {{"name", p.round.name},
          {"href", "/danh-gia/" + http::url_encode(p.round.code)},
          {"window", format_date_vi(p.round.evidence_from) + " - " + format_date_vi(p.round.evidence_to)}}},
        {"unit", {{"name", p.unit_name}, {"code", unit}}},
        {"href", href},
        {"set", fmt::format("{} (phiên bản {})", p.set.name, p.set.version)},
        {"deadline", format_datetime_vi(deadline_of(p.participant, p.level))},
        {"extended", p.participant.extended_until.has_value()},
        {"state", submission_label_vi(p.participant, p.level, now)},
        {"submitted_at", p.participant.submitted_at ? format_datetime_vi(*p.participant.submitted_at) : ""},
        {"appraisal_state", appraisal_status_vi(p.participant, now)},
        {"answer_due", p.participant.answer_due ? format_datetime_vi(*p.participant.answer_due) : ""},  // `answer` only
        {"self_total", score_vi(self_total)},
        {"final_total", score_vi(final_total)},
        {"max_total", score_vi(max_total(p.set))},
        {"rows", rows},
        {"edit", edit},
        {"submit", submit_right},
        {"appraise", appraise},
        {"can_send", open && mine && a == "appraising"},
        {"can_finalise", open && mine && !draft && a != "final" &&
                             (a != "awaiting_answer" || (p.participant.answer_due && now > *p.participant.answer_due))},
        {"answer", answer},
        {"show_appraisal", show_appraisal},
        {"late_closed", open && draft && self && !edit},
        {"evidence", evidence},
        {"has_evidence", !evidence.empty()},
        {"no_evidence", evidence.empty()},
        {"risk", risk},
        {"has_risk", !risk.empty()},
        {"leaf_options", leaf_options},
        {"documents", documents},
        {"has_documents", !documents.empty()}};
    if (req.query_param("da-luu")) data["notice"] = {{"message", "Đã lưu bản nháp."}};
    if (req.query_param("da-gui")) data["notice"] = {{"message", "Đã gửi bản tự đánh giá. Bản đã gửi không thể sửa."}};
    if (req.query_param("da-cap-nhat")) data["notice"] = {{"message", "Đã cập nhật."}};
    data.update(extra);
    return http::html(req, layout.page(req, "Tự đánh giá — " + p.unit_name, "assessments/unit.tpl", data), status);
  };

  // Runs an action; an invalid or refused one shows the page again with
  // the reason (a fragment for htmx's autosave).
  auto act = [page, &layout](http::Request& req, const std::function<void()>& action, const std::string& done) {
    bool htmx = !req.header("HX-Request").empty();
    try {
      action();
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input && e.kind() != ErrorKind::conflict) throw;
      auto message = e.message_vi().empty() ? std::string(e.what()) : e.message_vi();
      if (htmx) return http::html(req, layout.fragment("assessments/saved.tpl", {{"error", {{"message", message}}}}));
      return page(req, {{"error", {{"message", message}}}}, http::Status::unprocessable_entity);
    }
    if (htmx)
      return http::html(
          req, layout.fragment("assessments/saved.tpl", {{"saved", true}, {"at", format_datetime_vi(now_seconds())}}));
    return http::redirect(req, "/danh-gia/" + http::url_encode(req.params.at("code")) + "/don-vi/" +
                                   http::url_encode(req.params.at("unit")) + "?" + done);
  };

  router.add(http::Verb::get, "/danh-gia/{code}/don-vi/{unit}", "assessments.read",
             [page](http::Request& req) { return page(req, json::object(), http::Status::ok); });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}", "assessments.self",
             [&db, &sources, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     save_draft(db, p.round.id, p.participant.unit, self_input(req, p, sources), directory::actor(req),
                                now_seconds());
                   },
                   "da-luu=1");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/nop", "assessments.submit",
             [&db, &sources, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     auto who = directory::actor(req);
                     save_draft(db, p.round.id, p.participant.unit, self_input(req, p, sources), who, now_seconds());
                     submit(db, p.round.id, p.participant.unit, who, now_seconds());
                   },
                   "da-gui=1");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/minh-chung", "assessments.self", http::upload(1),
             [&db, &sources, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     auto criteria = criteria_field(req);
                     auto who = directory::actor(req);
                     auto f = req.files().find("tep");
                     if (f != req.files().end() && !f->second.filename.empty()) {
                       add_file_evidence(db, p.round.id, p.participant.unit, f->second.filename, f->second.content,
                                         criteria, who, now_seconds());
                       return;
                     }
                     // A document is chosen by its address: its number is unique
                     // only per issuing unit and year.
                     auto chosen = req.form_param("van_ban").value_or("");
                     if (chosen.empty() || !sources.documents) {
                       throw invalid_input("choose a file or a document", "Cần chọn tệp hoặc văn bản làm minh chứng.");
                     }
                     for (const auto& d : sources.documents()) {
                       if (d.href == chosen) {
                         add_document_evidence(db, p.round.id, p.participant.unit, d, criteria, who, now_seconds());
                         return;
                       }
                     }
                     throw invalid_input("no such document", "Không tìm thấy văn bản đã chọn.");
                   },
                   "da-cap-nhat=1#minh-chung");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/minh-chung/{id}/xoa", "assessments.self",
             [&db, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     auto id = text::parse_decimal(req.params.at("id"));
                     remove_evidence(db, p.round.id, p.participant.unit, std::int64_t(id.value_or(0)),
                                     directory::actor(req), now_seconds());
                   },
                   "da-cap-nhat=1#minh-chung");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/tham-dinh", "assessments.appraise",
             [&db, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     std::map<std::string, double> scores;
                     std::map<std::string, std::string> comments;
                     std::vector<LineError> errors;
                     for (const auto* c : leaves(p.set)) {
                       try {
                         if (auto v = text::parse_decimal(req.form_param("tham_dinh_" + c->code).value_or("")))
                           scores[c->code] = *v;
                       } catch (const Error&) {
                         errors.push_back({0, fmt::format("criterion {}: not a number", c->code),
                                           fmt::format("Tiêu chí {}: điểm thẩm định phải là một số.", c->code)});
                       }
                       if (auto t = req.form_param("nhan_xet_" + c->code); t && !text::trim(*t).empty())
                         comments[c->code] = *t;
                     }
                     if (!errors.empty()) throw rejected(errors);
                     save_appraisal(db, p.round.id, p.participant.unit, scores, comments, req.principal->unit_code,
                                    directory::actor(req), now_seconds());
                   },
                   "da-cap-nhat=1");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/gui-giai-trinh", "assessments.appraise",
             [&db, act, &sources](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     auto now = now_seconds();
                     send_for_answer(db, p.round.id, p.participant.unit, req.principal->unit_code,
                                     directory::actor(req), now);
                     if (!sources.notify) return;
                     db.write([&](db::Connection& c) {
                       sources.notify(c, p.participant.unit, "appraisal",
                                      fmt::format("appraisal:{}:{}", p.round.id, now.time_since_epoch().count()),
                                      "Kết quả thẩm định " + p.round.name + " đã gửi đơn vị, đề nghị giải trình",
                                      unit_href(p.round, p.participant.unit), now);
                     });
                   },
                   "da-cap-nhat=1");
             });
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/giai-trinh", "assessments.self",
             [&db, act](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     std::map<std::string, std::string> answers;
                     for (const auto* c : leaves(p.set)) {
                       if (auto t = req.form_param("giai_trinh_" + c->code)) answers[c->code] = *t;
                     }
                     answer(db, p.round.id, p.participant.unit, answers, directory::actor(req), now_seconds());
                   },
                   "da-cap-nhat=1");
             });
  // The final result answers the unit's explanation: the unit is told.
  router.add(http::Verb::post, "/danh-gia/{code}/don-vi/{unit}/chot", "assessments.appraise",
             [&db, act, &sources](http::Request& req) {
               return act(
                   req,
                   [&] {
                     auto p = load_page(db, req.params.at("code"), req.params.at("unit"));
                     auto now = now_seconds();
                     finalise(db, p.round.id, p.participant.unit, req.principal->unit_code, directory::actor(req), now);
                     if (!sources.notify) return;
                     db.write([&](db::Connection& c) {
                       sources.notify(c, p.participant.unit, "appraisal_final",
                                      fmt::format("appraisal-final:{}:{}", p.round.id, now.time_since_epoch().count()),
                                      "Kết quả thẩm định " + p.round.name + " của đơn vị đã được chốt",
                                      unit_href(p.round, p.participant.unit), now);
                     });
                   },
                   "da-cap-nhat=1");
             });
}

}  // namespace cchc::assessments
