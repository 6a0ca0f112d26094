// The public rankings of published rounds, served from the page cache
// (http/page_cache.h), and the JSON API: named handlers, registered from
// the tables at the end.
#include <fmt/format.h>

#include "assessments/json.h"
#include "assessments/route_support.h"
#include "assessments/routes.h"
#include "assessments/tables.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

std::string public_href(const Round& r) { return "/xep-hang/" + http::url_encode(r.code); }

// The published rounds.
http::Response public_list(RouteContext& x, http::Request& req) {
  auto rounds = x.db.read([](db::Connection& c) { return list_rounds(c); });
  json rows = json::array();
  for (const auto& r : rounds) {
    if (r.status != "published") continue;
    rows.push_back({{"href", public_href(r)},
                    {"name", r.name},
                    {"year", std::to_string(r.year)},
                    {"status", round_status_vi(r)},
                    {"decision", r.decision}});
  }
  return http::html(req, x.layout.page(req, "Kết quả đánh giá, xếp hạng", "assessments/public_list.tpl",
                                       {{"rounds", rows}, {"none", rows.empty()}}));
}

// A published round: each level's ranking against the previous round (when
// published too), its areas, the bands.
http::Response public_round(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  if (round.status != "published") throw not_found("not published", "Kết quả của đợt đánh giá này chưa được công bố.");
  json data = x.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    std::map<std::string, std::map<std::string, Standing>> previous;
    if (auto prev = round.previous.empty() ? std::nullopt : find_round(c, round.previous);
        prev && prev->status == "published") {
      for (const auto& lr : ranking(c, *prev)) {
        for (const auto& s : lr.standings) previous[lr.level][s.unit] = s;
      }
    }
    json levels = json::array();
    for (const auto& lr : ranking(c, round)) {
      json areas = json::array();
      for (const auto& k : lr.set.criteria) {
        if (k.parent.empty())
          areas.push_back({{"code", k.code}, {"name", k.name}, {"max", score_vi(node_max(lr.set, k.code))}});
      }
      levels.push_back({{"name", names.levels[lr.level]},
                        {"table", views::to_view(results_table(round, lr, names, previous[lr.level]))},
                        {"areas", areas},
                        {"max", score_vi(max_total(lr.set))}});
    }
    json bands = json::array();
    for (const auto& b : round.bands) bands.push_back({{"name", b.name}, {"min", score_vi(b.min_percent) + "%"}});
    return json{{"round",
                 {{"name", round.name},
                  {"status", round_status_vi(round)},
                  {"decision", round.decision},
                  {"window", format_date_vi(round.evidence_from) + " - " + format_date_vi(round.evidence_to)},
                  {"xlsx", "/danh-gia/" + http::url_encode(round.code) + "/ket-qua.xlsx"}}},
                {"has_decision", !round.decision.empty()},
                {"levels", levels},
                {"bands", bands}};
  });
  return http::html(req, x.layout.page(req, round.name, "assessments/public_round.tpl", data));
}

http::Response api_rounds(RouteContext& x, http::Request& req) {
  auto rounds = x.db.read([](db::Connection& c) { return list_rounds(c); });
  json out = json::array();
  for (const auto& r : rounds) out.push_back(round_to_json(r));
  return http::json(req, json{{"rounds", out}}.dump());
}

http::Response api_round(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  require_results_visible(x.db, req, round);
  auto body = x.db.read([&](db::Connection& c) {
    json levels = json::object();
    for (const auto& lr : ranking(c, round)) levels[lr.level] = standings_to_json(lr.standings);
    return json{{"round", round_to_json(round)}, {"levels", levels}};
  });
  return http::json(req, body.dump());
}

http::Response api_unit(RouteContext& x, http::Request& req) {
  auto round = need_round(x.db, req.params.at("code"));
  const auto& unit = req.params.at("unit");
  auto body = x.db.read([&](db::Connection& c) {
    auto p = find_participant(c, round.id, unit);
    if (!p) throw not_found("the unit does not take part in this round");
    json scores = json::array();
    auto opt = [](std::optional<double> v) { return v ? json(*v) : json(); };
    for (const auto& s : unit_scores(c, round.id, unit)) {
      scores.push_back({{"criterion", s.criterion},
                        {"self", opt(s.self)},
                        {"value", opt(s.value)},
                        {"explanation", s.explanation},
                        {"appraised", opt(s.appraised)},
                        {"comment", s.comment},
                        {"answer", s.answer}});
    }
    json evidence = json::array();
    for (const auto& e : unit_evidence(c, round.id, unit)) {
      evidence.push_back({{"id", e.id},
                          {"title", e.title},
                          {"reference", e.reference},
                          {"href", e.href},
                          {"criteria", e.criteria},
                          {"date", e.doc_date ? json(format_iso_date(*e.doc_date)) : json()}});
    }
    auto instant = [](std::optional<Instant> t) { return t ? json(format_rfc3339_vn(*t)) : json(); };
    return json{{"round", round.code},
                {"unit", unit},
                {"level", p->level},
                {"state", p->state},
                {"submitted_at", instant(p->submitted_at)},
                {"extended_until", instant(p->extended_until)},
                {"appraisal", p->appraisal},
                {"answer_due", instant(p->answer_due)},
                {"scores", scores},
                {"evidence", evidence}};
  });
  return http::json(req, body.dump());
}

}  // namespace

void add_public_routes(http::Router& router, const std::shared_ptr<RouteContext>& x, http::PageCache& pages) {
  x->layout.add_nav({"Kết quả xếp hạng", "/xep-hang", http::kPublic});
  // Published rounds (a round is locked once published) and unit names.
  const http::PageRule rankings{.kinds = {"assessments", "units"}};
  const http::CachedTo<RouteContext> cached[] = {
      {"/xep-hang", public_list, rankings},
      {"/xep-hang/{code}", public_round, rankings},
  };
  http::add_cached_routes(router, pages, x, cached);
  const http::RouteTo<RouteContext> routes[] = {
      {http::Verb::get, "/api/v1/assessments", "assessments.read", api_rounds},
      {http::Verb::get, "/api/v1/assessments/{code}", "assessments.read", api_round},
      {http::Verb::get, "/api/v1/assessments/{code}/units/{unit}", "assessments.read", api_unit},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::assessments
