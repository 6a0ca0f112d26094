// Results' SQL: rankings and publication (store.h).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "assessments/json.h"
#include "assessments/store.h"
#include "assessments/store_support.h"
#include "core/text.h"
#include "db/columns.h"
#include "db/stamps.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

// What a ranking reads of a score: the figures, not the texts.
const db::Columns<Score> kScoreFigures{
    {"criterion_code", &Score::criterion},
    {"self_score", &Score::self},
    {"self_value", &Score::value},
    {"appraised_score", &Score::appraised},
};

}  // namespace

std::vector<LevelRanking> ranking(db::Connection& c, const Round& round) {
  std::vector<LevelRanking> out;
  auto all = participants(c, round.id);
  auto components = component_values(c, round.id);
  std::map<std::string, std::vector<Score>> scores;
  for (const auto& r :
       c.query(fmt::format("SELECT unit_code, {} FROM assessment_scores WHERE round_id = ?", kScoreFigures.list()),
               {round.id})
           .rows) {
    scores[r.str("unit_code")].push_back(kScoreFigures.read(r));
  }
  static const std::map<std::string, double> none;
  for (const auto& level : round.levels) {
    LevelRanking lr{level.level, *load_set(c, level.set_id), {}};
    auto shape = shape_of(lr.set);
    std::vector<Standing> standings;
    for (const auto& p : all) {
      if (p.level != level.level) continue;
      bool late =
          !(p.state == "submitted" && p.submitted_at && on_time(*p.submitted_at, level.deadline, p.extended_until));
      auto k = components.find(p.unit);
      standings.push_back(standing(shape, p.unit, late, scores[p.unit], round.components,
                                   k == components.end() ? none : k->second, round.bands));
    }
    lr.standings = rank_level(std::move(standings));
    out.push_back(std::move(lr));
  }
  return out;
}

void publish(db::Connection& c, std::int64_t round_id, const std::string& decision, const audit::Entry& who,
             Instant now) {
  if (text::code_points(decision) > 100)
    throw invalid_input("decision number over 100 characters", "Số quyết định quá dài.");
  auto round = find_round(c, round_id);
  if (!round) throw not_found("no such round", "Không tìm thấy đợt đánh giá.");
  require_open(*round);
  std::vector<std::string> pending;
  for (const auto& p : participants(c, round_id)) {
    if (p.appraisal != "none" && p.appraisal != "final") pending.push_back(p.unit);
  }
  if (!pending.empty()) {
    std::string list;
    for (const auto& u : pending) list += (list.empty() ? "" : ", ") + u;
    throw conflict("appraisals still under way: " + list, "Còn đơn vị chưa chốt kết quả thẩm định: " + list + ".");
  }
  c.query(
      "UPDATE assessment_rounds SET status = 'published', published_at = ?, published_by = ?, decision = ? "
      "WHERE id = ?",
      {now, who.actor, std::string(text::trim(decision)), round_id});
  json after{{"status", "published"}, {"decision", decision}};
  json levels = json::object();
  for (const auto& lr : ranking(c, *find_round(c, round_id))) levels[lr.level] = standings_to_json(lr.standings);
  after["levels"] = levels;
  db::touch(c, "assessments");
  audit::record(c, who, "publish", "assessment_rounds", round->code, json{{"status", "open"}}.dump(), after.dump(),
                now);
}

}  // namespace cchc::assessments
