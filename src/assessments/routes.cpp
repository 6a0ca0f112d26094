// Round pages: the list, a new round, a round with its participants and
// ranking, the coordinator's actions, the exports and points at risk.
#include "assessments/routes.h"

#include <fmt/format.h>

#include "assessments/route_support.h"
#include "assessments/tables.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/middleware.h"
#include "http/session.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

// The previous round's standings by unit, for the level (none without one).
std::map<std::string, Standing> previous_of(db::Connection& c, const Round& round, const std::string& level) {
  std::map<std::string, Standing> out;
  if (round.previous.empty()) return out;
  auto prev = find_round(c, round.previous);
  if (!prev) return out;
  for (const auto& lr : ranking(c, *prev)) {
    if (lr.level != level) continue;
    for (const auto& s : lr.standings) out[s.unit] = s;
  }
  return out;
}

std::string round_href(const Round& r) { return "/danh-gia/" + http::url_encode(r.code); }

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sources sources) {
  layout.add_nav({"Đánh giá, xếp hạng", "/danh-gia", "assessments.read"});
  auto shared = std::make_shared<Sources>(std::move(sources));
  add_set_routes(router, layout, db, *shared);

  // ---- The rounds.
  router.add(http::Verb::get, "/danh-gia", "assessments.read", [&db, &layout](http::Request& req) {
    auto rounds = db.read([](db::Connection& c) { return list_rounds(c); });
    json rows = json::array();
    for (const auto& r : rounds) {
      rows.push_back({{"code", r.code},
                      {"href", round_href(r)},
                      {"name", r.name},
                      {"year", std::to_string(r.year)},
                      {"window", format_date_vi(r.evidence_from) + " - " + format_date_vi(r.evidence_to)},
                      {"status", round_status_vi(r)}});
    }
    json data{{"rounds", rows},
              {"none", rows.empty()},
              {"can_manage", directory::holds(*req.principal, "assessments.manage")}};
    return http::html(req, layout.page(req, "Đánh giá, xếp hạng", "assessments/rounds.tpl", data));
  });

  // ---- A new round (the coordinator).
  auto form_page = [&db, &layout](http::Request& req, json extra, http::Status status) {
    auto data = db.read([&](db::Connection& c) {
      Date today = local_date(now_seconds());
      int y = int(today.year());
      json levels = json::array();
      auto sets = list_sets(c);
      for (const auto& [code, name] : level_names(c)) {
        if (code == "province") continue;
        json options = json::array();
        for (const auto& s : sets) {
          if (s.level == code)
            options.push_back(
                {{"id", std::to_string(s.id)}, {"label", fmt::format("{} (phiên bản {})", s.name, s.version)}});
        }
        levels.push_back({{"code", code},
                          {"name", name},
                          {"sets", options},
                          {"has_sets", !options.empty()},
                          {"no_sets", options.empty()}});
      }
      return json{{"csrf", req.session ? req.session->csrf_token : ""},
                  {"levels", levels},
                  {"year", std::to_string(y)},
                  {"bands", bands_text(default_bands())},
                  {"from", format_date_vi(Date{std::chrono::year{y - 1} / std::chrono::November / 1})},
                  {"to", format_date_vi(Date{std::chrono::year{y} / std::chrono::October / 31})}};
    });
    data.update(extra);
    return http::html(req, layout.page(req, "Tạo đợt đánh giá", "assessments/round_form.tpl", data), status);
  };
  router.add(http::Verb::get, "/danh-gia/moi", "assessments.manage",
             [form_page](http::Request& req) { return form_page(req, json::object(), http::Status::ok); });
  router.add(http::Verb::post, "/danh-gia/moi", "assessments.manage", [&db, form_page](http::Request& req) {
    NewRound nr;
    try {
      nr.round.code = std::string(text::trim(req.form_param("ma").value_or("")));
      nr.round.name = std::string(text::trim(req.form_param("ten").value_or("")));
      auto year = text::parse_decimal(req.form_param("nam").value_or(""));
      if (!year) throw invalid_input("year required", "Cần nhập năm đánh giá.");
      nr.round.year = int(*year);
      nr.round.evidence_from = parse_date_input(req.form_param("tu_ngay").value_or(""));
      nr.round.evidence_to = parse_date_input(req.form_param("den_ngay").value_or(""));
      nr.round.previous = std::string(text::trim(req.form_param("ky_truoc").value_or("")));
      nr.round.bands = parse_bands(req.form_param("xep_loai").value_or(""));
      auto comp_name = std::string(text::trim(req.form_param("thanh_phan_ten").value_or("")));
      if (!comp_name.empty()) {
        auto weight = text::parse_decimal(req.form_param("thanh_phan_trong_so").value_or(""));
        auto max = text::parse_decimal(req.form_param("thanh_phan_toi_da").value_or(""));
        nr.round.components.push_back({"thanh-phan-1", comp_name, weight.value_or(0), max.value_or(100)});
      }
      Date as_of = nr.round.evidence_to;
      db.read([&](db::Connection& c) {
        for (const auto& [code, name] : level_names(c)) {
          auto set = req.form_param("bo_" + code).value_or("");
          if (set.empty()) continue;
          auto id = text::parse_decimal(set);
          auto deadline = parse_date_input(req.form_param("han_" + code).value_or(""));
          nr.round.levels.push_back({code, std::int64_t(id.value_or(0)),
                                     start_of_day(deadline) + std::chrono::hours{24} - std::chrono::seconds{1}});
        }
      });
      // Participants: every unit of the round's levels valid on the window's last day.
      for (const auto& u : directory::load_units(db)) {
        for (const auto& l : nr.round.levels) {
          if (u.level == l.level && u.valid_on(as_of)) nr.participants.push_back(u.code);
        }
      }
      auto round = create_round(db, nr, directory::actor(req), now_seconds());
      return http::redirect(req, round_href(round));
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input && e.kind() != ErrorKind::conflict) throw;
      return form_page(req, {{"error", {{"message", e.message_vi().empty() ? e.what() : e.message_vi()}}}},
                       http::Status::unprocessable_entity);
    }
  });

  add_unit_routes(router, layout, db, *shared);
  add_public_routes(router, layout, db);

  // ---- A round.
  router.add(http::Verb::get, "/danh-gia/{code}", "assessments.read", [&db, &layout, shared](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    auto now = now_seconds();
    bool manage = directory::holds(*req.principal, "assessments.manage") && round.status == "open";
    bool provisional = results_visible(req, round);
    json data = db.read([&](db::Connection& c) {
      auto names = names_for(c);
      auto all = participants(c, round.id);
      json appraiser_options = json::array();
      if (manage) {
        for (const auto& u : directory::list_users(db)) {
          if (u.active && std::count(u.roles.begin(), u.roles.end(), "appraiser")) {
            appraiser_options.push_back({{"username", u.username},
                                         {"label", fmt::format("{} ({})", u.display_name, names.units[u.unit_code])}});
          }
        }
      }
      json levels = json::array();
      auto rankings = provisional ? ranking(c, round) : std::vector<LevelRanking>{};
      for (const auto& l : round.levels) {
        auto set = *load_set(c, l.set_id);
        json rows = json::array();
        int submitted = 0;
        for (const auto& p : all) {
          if (p.level != l.level) continue;
          submitted += p.state == "submitted";
          auto who = appraisers(c, round.id, p.unit);
          std::string who_text;
          for (const auto& w : who) who_text += (who_text.empty() ? "" : ", ") + w;
          json row{
              {"unit", p.unit},
              {"name", names.units[p.unit]},
              {"href", round_href(round) + "/don-vi/" + http::url_encode(p.unit)},
              {"state", submission_label_vi(p, l, now)},
              {"submitted_at", p.submitted_at ? format_datetime_vi(*p.submitted_at) : ""},
              {"appraisal", appraisal_status_vi(p, now)},
              {"appraisers", who_text},
              {"extension", p.extended_until ? format_datetime_vi(*p.extended_until) + " — " + p.extension_reason : ""},
              {"manage", manage},
              {"may_extend", manage && p.state != "submitted"}};
          rows.push_back(row);
        }
        json level{{"code", l.level},
                   {"name", names.levels[l.level]},
                   {"set", fmt::format("{} (phiên bản {})", set.name, set.version)},
                   {"set_href", fmt::format("/danh-gia/bo-tieu-chi/{}", set.id)},
                   {"deadline", format_datetime_vi(l.deadline)},
                   {"max", score_vi(max_total(set))},
                   {"count", std::to_string(rows.size())},
                   {"submitted", std::to_string(submitted)},
                   {"participants", rows}};
        for (const auto& lr : rankings) {
          if (lr.level == l.level)
            level["ranking"] = views::to_view(results_table(round, lr, names, previous_of(c, round, l.level)));
        }
        levels.push_back(level);
      }
      json mine = json::array();
      for (const auto& u : appraised_by(c, round.id, req.principal->username)) {
        mine.push_back({{"name", names.units[u]}, {"href", round_href(round) + "/don-vi/" + http::url_encode(u)}});
      }
      auto own = find_participant(c, round.id, req.principal->unit_code);
      json components = json::array();
      for (const auto& k : round.components) {
        components.push_back(
            {{"code", k.code}, {"name", k.name}, {"weight", score_vi(k.weight)}, {"max", score_vi(k.max_value)}});
      }
      json unit_options = json::array();
      for (const auto& p : all) unit_options.push_back({{"code", p.unit}, {"name", names.units[p.unit]}});
      return json{{"csrf", req.session ? req.session->csrf_token : ""},
                  {"round",
                   {{"code", round.code},
                    {"name", round.name},
                    {"year", std::to_string(round.year)},
                    {"window", format_date_vi(round.evidence_from) + " - " + format_date_vi(round.evidence_to)},
                    {"status", round_status_vi(round)},
                    {"decision", round.decision},
                    {"bands", bands_text(round.bands)},
                    {"previous", round.previous},
                    {"href", round_href(round)}}},
                  {"has_previous", !round.previous.empty()},
                  {"levels", levels},
                  {"mine", mine},
                  {"has_mine", !mine.empty()},
                  {"own", own ? json{{"href", round_href(round) + "/don-vi/" + http::url_encode(own->unit)},
                                     {"name", names.units[own->unit]}}
                              : json()},
                  {"has_own", own.has_value()},
                  {"provisional", provisional && round.status == "open"},
                  {"show_ranking", provisional},
                  {"published", round.status == "published"},
                  {"manage", manage},
                  {"components", components},
                  {"has_components", !components.empty()},
                  {"unit_options", unit_options},
                  {"appraiser_options", appraiser_options},
                  {"notice", req.query_param("da-luu").has_value()}};
    });
    if (auto e = req.query_param("loi")) data["error"] = {{"message", *e}};
    return http::html(req, layout.page(req, round.name, "assessments/round.tpl", data));
  });

  // ---- The coordinator's actions on a round.
  auto back = [](http::Request& req, const Round& r, const std::function<void()>& act) {
    try {
      act();
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input && e.kind() != ErrorKind::conflict) throw;
      return http::redirect(
          req, round_href(r) + "?loi=" + http::url_encode(e.message_vi().empty() ? e.what() : e.message_vi()));
    }
    return http::redirect(req, round_href(r) + "?da-luu=1");
  };
  router.add(http::Verb::post, "/danh-gia/{code}/gia-han", "assessments.manage", [&db, back](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    return back(req, round, [&] {
      auto day = parse_date_input(req.form_param("den_ngay").value_or(""));
      extend(db, round.id, req.form_param("don_vi").value_or(""),
             start_of_day(day) + std::chrono::hours{24} - std::chrono::seconds{1}, req.form_param("ly_do").value_or(""),
             directory::actor(req), now_seconds());
    });
  });
  router.add(http::Verb::post, "/danh-gia/{code}/phan-cong", "assessments.manage", [&db, back](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    return back(req, round, [&] {
      try {
        assign_appraiser(db, round.id, req.form_param("don_vi").value_or(""), req.form_param("nguoi").value_or(""),
                         directory::actor(req), now_seconds());
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::forbidden) throw;
        throw invalid_input(e.what(), e.message_vi());  // back to the page, with the reason
      }
    });
  });
  router.add(http::Verb::post, "/danh-gia/{code}/thanh-phan", "assessments.manage", [&db, back](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    return back(req, round, [&] {
      auto value = text::parse_decimal(req.form_param("gia_tri").value_or(""));
      if (!value) throw invalid_input("value required", "Cần nhập giá trị.");
      set_component(db, round.id, req.form_param("don_vi").value_or(""), req.form_param("thanh_phan").value_or(""),
                    *value, directory::actor(req), now_seconds());
    });
  });
  router.add(http::Verb::post, "/danh-gia/{code}/cong-bo", "assessments.manage", [&db, back](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    return back(req, round, [&] {
      publish(db, round.id, req.form_param("quyet_dinh").value_or(""), directory::actor(req), now_seconds());
    });
  });

  // ---- Exports.
  router.add(http::Verb::get, "/danh-gia/{code}/ket-qua.xlsx", "assessments.read", [&db](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    require_results_visible(req, round);
    auto tables = db.read([&](db::Connection& c) {
      auto names = names_for(c);
      std::vector<views::Table> out;
      for (const auto& lr : ranking(c, round))
        out.push_back(results_table(round, lr, names, previous_of(c, round, lr.level)));
      return out;
    });
    return http::attachment(req, http::kXlsxType, views::to_xlsx(tables),
                            text::slug("ket-qua-" + round.code) + ".xlsx");
  });
  router.add(http::Verb::get, "/danh-gia/{code}/phu-luc.docx", "assessments.read", [&db](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    require_results_visible(req, round);
    auto bytes = db.read([&](db::Connection& c) {
      auto names = names_for(c);
      return annex_docx(round, ranking(c, round), names, views::issuer_for("", "", "", province_name(c), "QĐ"));
    });
    return http::attachment(req, http::kDocxType, std::move(bytes), text::slug("phu-luc-" + round.code) + ".docx");
  });

  // ---- Points at risk.
  router.add(http::Verb::get, "/danh-gia/{code}/diem-bi-mat", "assessments.read", [&db, &layout](http::Request& req) {
    auto round = need_round(db, req.params.at("code"));
    require_results_visible(req, round);
    json data = db.read([&](db::Connection& c) {
      auto names = names_for(c);
      json levels = json::array();
      for (const auto& lr : ranking(c, round)) {
        std::map<std::string, std::vector<AtRisk>> risks;
        for (const auto& s : lr.standings) {
          if (!s.late) risks[s.unit] = points_at_risk(lr.set, unit_scores(c, round.id, s.unit));
        }
        levels.push_back({{"name", names.levels[lr.level]}, {"table", views::to_view(risk_table(lr, risks, names))}});
      }
      return json{{"round", {{"name", round.name}, {"href", round_href(round)}}}, {"levels", levels}};
    });
    return http::html(req, layout.page(req, "Điểm bị mất — " + round.name, "assessments/risk.tpl", data));
  });
}

}  // namespace cchc::assessments
