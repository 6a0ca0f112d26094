// Round pages: the list, a new round, a round with its participants and
// ranking, the coordinator's actions, the exports and points at risk. Each
// handler parses, calls the rules and the store, and renders; the tables at
// the end name every route with its permission.
#include "assessments/routes.h"

#include <fmt/format.h>

#include <algorithm>

#include "assessments/route_support.h"
#include "assessments/rules.h"
#include "assessments/tables.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/middleware.h"
#include "http/refusal.h"
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
std::string participant_href(const Round& r, const std::string& unit) {
  return round_href(r) + "/don-vi/" + http::url_encode(unit);
}
std::string trimmed(const http::Request& req, const std::string& name) {
  return std::string(text::trim(req.form_param(name).value_or("")));
}
std::string window_vi(const Round& r) {
  return format_date_vi(r.evidence_from) + " - " + format_date_vi(r.evidence_to);
}

// ---- The rounds ----------------------------------------------------------------------------

http::Response rounds_page(RouteContext& x, http::Request& req) {
  auto rounds = x.db.read([](db::Connection& c) { return list_rounds(c); });
  json rows = json::array();
  for (const auto& r : rounds) {
    rows.push_back({{"code", r.code},
                    {"href", round_href(r)},
                    {"name", r.name},
                    {"year", std::to_string(r.year)},
                    {"window", window_vi(r)},
                    {"status", round_status_vi(r)}});
  }
  json data{{"rounds", rows}, {"none", rows.empty()}, {"can_manage", runs_rounds(x.db, req)}};
  return http::html(req, x.layout.page(req, "Đánh giá, xếp hạng", "assessments/rounds.tpl", data));
}

// ---- A new round (the coordinator) ---------------------------------------------------------

// The form, with the sets of each level but the province's to choose from;
// `error` (a refusal's) above it. What was typed is not kept.
http::Response new_round_form(RouteContext& x, http::Request& req, json error) {
  auto data = x.db.read([&](db::Connection& c) {
    int y = int(local_date(now_seconds()).year());
    json levels = json::array();
    auto sets = list_sets(c);
    for (const auto& level : directory::load_levels(c)) {
      const auto& code = level.code;
      const auto& name = level.name;
      if (code == "province" || !level.ranked) continue;  // divisions are not ranked
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
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, x.layout.page(req, "Tạo đợt đánh giá", "assessments/round_form.tpl", data));
}

http::Response show_new_round(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  return new_round_form(x, req, nullptr);
}

// The round as the form gives it: code, name, year, window, previous round,
// bands, one extra component, and each level with a chosen set and its
// deadline (the day's last second). Throws invalid_input for what cannot be
// read; the store checks the rest.
Round round_of_form(RouteContext& x, const http::Request& req) {
  Round r;
  r.code = trimmed(req, "ma");
  r.name = trimmed(req, "ten");
  auto year = text::parse_decimal(req.form_param("nam").value_or(""));
  if (!year) throw invalid_input("year required", "Cần nhập năm đánh giá.").at("nam");
  r.year = int(*year);
  r.evidence_from = parse_date_input(req.form_param("tu_ngay").value_or(""));
  r.evidence_to = parse_date_input(req.form_param("den_ngay").value_or(""));
  r.previous = trimmed(req, "ky_truoc");
  r.bands = parse_bands(req.form_param("xep_loai").value_or(""));
  auto component = trimmed(req, "thanh_phan_ten");
  if (!component.empty()) {
    auto weight = text::parse_decimal(req.form_param("thanh_phan_trong_so").value_or(""));
    auto max = text::parse_decimal(req.form_param("thanh_phan_toi_da").value_or(""));
    r.components.push_back({"thanh-phan-1", component, weight.value_or(0), max.value_or(100)});
  }
  auto levels = x.db.read([](db::Connection& c) { return level_names(c); });
  for (const auto& [code, name] : levels) {
    auto set = req.form_param("bo_" + code).value_or("");
    if (set.empty()) continue;
    auto id = text::parse_decimal(set);
    auto deadline = parse_date_input(req.form_param("han_" + code).value_or(""));
    r.levels.push_back({code, std::int64_t(id.value_or(0)), last_second_of(deadline)});
  }
  return r;
}

http::Response create_round_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  return http::refusing(
      [&] {
        NewRound nr;
        nr.round = round_of_form(x, req);
        nr.participants = round_participants(directory::load_units(x.db), nr.round.levels, nr.round.evidence_to);
        auto round =
            x.db.write([&](db::Connection& c) { return create_round(c, nr, directory::actor(req), now_seconds()); });
        return http::redirect(req, round_href(round));
      },
      [&](const http::Refusal& r) { return new_round_form(x, req, r.json()); });
}

// ---- A round -------------------------------------------------------------------------------

// What the round page shows of each level and of its viewer.
struct RoundView {
  const Round& round;
  bool manage;       // the coordinator, the round open
  bool provisional;  // results_visible
  Instant now;
};

// The active appraisers, as "name (unit)", for the coordinator's picker.
json appraiser_options(db::Database& db, Names& names) {
  json out = json::array();
  for (const auto& u : directory::list_users(db)) {
    if (u.active && std::count(u.roles.begin(), u.roles.end(), "appraiser")) {
      out.push_back(
          {{"username", u.username}, {"label", fmt::format("{} ({})", u.display_name, names.units[u.unit_code])}});
    }
  }
  return out;
}

json participant_row(db::Connection& c, const RoundView& v, const Participant& p, const RoundLevel& l, Names& names) {
  std::string who;
  for (const auto& w : appraisers(c, v.round.id, p.unit)) who += (who.empty() ? "" : ", ") + w;
  return json{{"unit", p.unit},
              {"name", names.units[p.unit]},
              {"href", participant_href(v.round, p.unit)},
              {"state", submission_label_vi(p, l, v.now)},
              {"submitted_at", p.submitted_at ? format_datetime_vi(*p.submitted_at) : ""},
              {"appraisal", appraisal_status_vi(p, v.now)},
              {"appraisers", who},
              {"extension", p.extended_until ? format_datetime_vi(*p.extended_until) + " — " + p.extension_reason : ""},
              {"manage", v.manage},
              {"may_extend", v.manage && p.state != "submitted"}};
}

// A level: its set, deadline, participants and, when visible, its ranking.
json level_view(db::Connection& c, const RoundView& v, const RoundLevel& l, const std::vector<Participant>& all,
                const std::vector<LevelRanking>& rankings, Names& names) {
  auto set = *load_set(c, l.set_id);
  json rows = json::array();
  int submitted = 0;
  for (const auto& p : all) {
    if (p.level != l.level) continue;
    submitted += p.state == "submitted";
    rows.push_back(participant_row(c, v, p, l, names));
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
      level["ranking"] = views::to_view(results_table(v.round, lr, names, previous_of(c, v.round, l.level)));
  }
  return level;
}

json round_summary(const Round& round) {
  return {{"code", round.code},
          {"name", round.name},
          {"year", std::to_string(round.year)},
          {"window", window_vi(round)},
          {"status", round_status_vi(round)},
          {"decision", round.decision},
          {"bands", bands_text(round.bands)},
          {"previous", round.previous},
          {"href", round_href(round)}};
}

json round_data(RouteContext& x, db::Connection& c, const http::Request& req, const RoundView& v) {
  const auto& round = v.round;
  auto names = names_for(c);
  auto all = participants(c, round.id);
  auto rankings = v.provisional ? ranking(c, round) : std::vector<LevelRanking>{};
  json levels = json::array();
  for (const auto& l : round.levels) levels.push_back(level_view(c, v, l, all, rankings, names));
  json mine = json::array();
  for (const auto& u : appraised_by(c, round.id, req.principal->username)) {
    mine.push_back({{"name", names.units[u]}, {"href", participant_href(round, u)}});
  }
  auto own = find_participant(c, round.id, req.principal->unit_code);
  json components = json::array();
  for (const auto& k : round.components) {
    components.push_back(
        {{"code", k.code}, {"name", k.name}, {"weight", score_vi(k.weight)}, {"max", score_vi(k.max_value)}});
  }
  json unit_options = json::array();
  for (const auto& p : all) unit_options.push_back({{"code", p.unit}, {"name", names.units[p.unit]}});
  return json{
      {"csrf", req.session ? req.session->csrf_token : ""},
      {"round", round_summary(round)},
      {"has_previous", !round.previous.empty()},
      {"levels", levels},
      {"mine", mine},
      {"has_mine", !mine.empty()},
      {"own", own ? json{{"href", participant_href(round, own->unit)}, {"name", names.units[own->unit]}} : json()},
      {"has_own", own.has_value()},
      {"provisional", v.provisional && round.status == "open"},
      {"show_ranking", v.provisional},
      {"published", round.status == "published"},
      {"manage", v.manage},
      {"components", components},
      {"has_components", !components.empty()},
      {"unit_options", unit_options},
      {"appraiser_options", v.manage ? appraiser_options(x.db, names) : json::array()},
      {"notice", req.query_param("da-luu").has_value()}};
}

http::Response round_page(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  RoundView v{round, runs_rounds(x.db, req) && round.status == "open", results_visible(x.db, req, round),
              now_seconds()};
  json data = x.db.read([&](db::Connection& c) { return round_data(x, c, req, v); });
  if (auto e = req.query_param("loi")) data["error"] = {{"message", *e}};
  return http::html(req, x.layout.page(req, round.name, "assessments/round.tpl", data));
}

// ---- The coordinator's actions on a round -------------------------------------------------

// Runs an action on the round and goes back to its page: "?da-luu=1" when
// done, "?loi=<reason>" when refused (the page shows it).
http::Response back_to_round(http::Request& req, const Round& r, const std::function<void()>& act) {
  try {
    act();
  } catch (const Error& e) {
    auto refused = http::refusal_of(e);
    if (!refused) throw;
    return http::redirect(req, round_href(r) + "?loi=" + http::url_encode(refused->message));
  }
  return http::redirect(req, round_href(r) + "?da-luu=1");
}

http::Response extend_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  auto round = need_round(x.db, req.params.at("code"));
  return back_to_round(req, round, [&] {
    auto day = parse_date_input(req.form_param("den_ngay").value_or(""));
    x.db.write([&](db::Connection& c) {
      extend(c, round.id, req.form_param("don_vi").value_or(""), last_second_of(day),
             req.form_param("ly_do").value_or(""), directory::actor(req), now_seconds());
    });
  });
}

http::Response assign_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  auto round = need_round(x.db, req.params.at("code"));
  return back_to_round(req, round, [&] {
    try {
      assign_appraiser(x.db, round.id, req.form_param("don_vi").value_or(""), req.form_param("nguoi").value_or(""),
                       directory::actor(req), now_seconds());
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::forbidden) throw;
      throw invalid_input(e.what(), e.message_vi());  // back to the page, with the reason
    }
  });
}

http::Response component_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  auto round = need_round(x.db, req.params.at("code"));
  return back_to_round(req, round, [&] {
    auto value = text::parse_decimal(req.form_param("gia_tri").value_or(""));
    if (!value) throw invalid_input("value required", "Cần nhập giá trị.");
    set_component(x.db, round.id, req.form_param("don_vi").value_or(""), req.form_param("thanh_phan").value_or(""),
                  *value, directory::actor(req), now_seconds());
  });
}

http::Response publish_post(RouteContext& x, http::Request& req) {
  require_runs_rounds(x.db, req);
  auto round = need_round(x.db, req.params.at("code"));
  return back_to_round(req, round, [&] {
    x.db.write([&](db::Connection& c) {
      publish(c, round.id, req.form_param("quyet_dinh").value_or(""), directory::actor(req), now_seconds());
    });
  });
}

// ---- Exports and points at risk -------------------------------------------------------------

http::Response results_xlsx(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  require_results_visible(x.db, req, round);
  auto tables = x.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    std::vector<views::Table> out;
    for (const auto& lr : ranking(c, round))
      out.push_back(results_table(round, lr, names, previous_of(c, round, lr.level)));
    return out;
  });
  return http::attachment(req, http::kXlsxType, views::to_xlsx(tables), text::slug("ket-qua-" + round.code) + ".xlsx");
}

http::Response annex_file(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  require_results_visible(x.db, req, round);
  auto bytes = x.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    return annex_docx(round, ranking(c, round), names, views::issuer_for("", "", "", province_name(c), "QĐ"));
  });
  return http::attachment(req, http::kDocxType, std::move(bytes), text::slug("phu-luc-" + round.code) + ".docx");
}

http::Response risk_page(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  require_results_visible(x.db, req, round);
  json data = x.db.read([&](db::Connection& c) {
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
  return http::html(req, x.layout.page(req, "Điểm bị mất — " + round.name, "assessments/risk.tpl", data));
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sources sources,
                http::PageCache& pages) {
  layout.add_nav({"Đánh giá, xếp hạng", "/danh-gia", "assessments.read"});
  auto x = std::make_shared<RouteContext>(RouteContext{db, layout, std::move(sources)});
  add_set_routes(router, x);
  const http::RouteTo<RouteContext> rounds[] = {
      {http::Verb::get, "/danh-gia", "assessments.read", rounds_page},
      {http::Verb::get, "/danh-gia/moi", "assessments.manage", show_new_round},
      {http::Verb::post, "/danh-gia/moi", "assessments.manage", create_round_post},
  };
  http::add_routes(router, x, rounds);
  add_unit_routes(router, x);
  add_public_routes(router, x, pages);
  const http::RouteTo<RouteContext> a_round[] = {
      {http::Verb::get, "/danh-gia/{code}", "assessments.read", round_page},
      {http::Verb::post, "/danh-gia/{code}/gia-han", "assessments.manage", extend_post},
      {http::Verb::post, "/danh-gia/{code}/phan-cong", "assessments.manage", assign_post},
      {http::Verb::post, "/danh-gia/{code}/thanh-phan", "assessments.manage", component_post},
      {http::Verb::post, "/danh-gia/{code}/cong-bo", "assessments.manage", publish_post},
      {http::Verb::get, "/danh-gia/{code}/ket-qua.xlsx", "assessments.read", results_xlsx},
      {http::Verb::get, "/danh-gia/{code}/phu-luc.docx", "assessments.read", annex_file},
      {http::Verb::get, "/danh-gia/{code}/diem-bi-mat", "assessments.read", risk_page},
  };
  http::add_routes(router, x, a_round);
}

}  // namespace cchc::assessments
