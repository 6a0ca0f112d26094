#include "assessments/json.h"

#include <fmt/format.h>

#include "assessments/rules.h"
#include "core/errors.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

Error bad(const std::string& where, const std::string& what) {
  return invalid_input(fmt::format("{}: {}", where, what), fmt::format("Tệp không hợp lệ ở {}: {}.", where, what));
}

const json& need(const json& j, const char* key, const std::string& where) {
  if (!j.is_object() || !j.contains(key) || j.at(key).is_null())
    throw bad(where, fmt::format("\"{}\" is required", key));
  return j.at(key);
}

std::string str(const json& j, const std::string& where) {
  if (!j.is_string()) throw bad(where, "must be a string");
  return j.get<std::string>();
}
std::string opt_str(const json& j, const char* key, const std::string& where, std::string fallback = {}) {
  if (!j.contains(key) || j.at(key).is_null()) return fallback;
  return str(j.at(key), where + "." + key);
}
double num(const json& j, const std::string& where) {
  if (!j.is_number()) throw bad(where, "must be a number");
  return j.get<double>();
}
std::optional<double> opt_num(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return num(j.at(key), where + "." + key);
}
Date date(const json& j, const std::string& where) {
  try {
    return parse_iso_date(str(j, where));
  } catch (const Error&) {
    throw bad(where, "must be a date YYYY-MM-DD");
  }
}
Instant instant(const json& j, const std::string& where) {
  try {
    return parse_rfc3339(str(j, where));
  } catch (const Error&) {
    throw bad(where, "must be a date-time with an offset, e.g. 2019-10-18T23:59:59+07:00");
  }
}
template <class T, class F>
std::map<std::string, T> object_map(const json& j, const std::string& where, F&& read) {
  std::map<std::string, T> out;
  if (j.is_null()) return out;
  if (!j.is_object()) throw bad(where, "must be an object");
  for (const auto& [k, v] : j.items()) out.emplace(k, read(v, where + "." + k));
  return out;
}
const json& array(const json& j, const std::string& where) {
  if (!j.is_array()) throw bad(where, "must be an array");
  return j;
}
json opt_number(std::optional<double> v) { return v ? json(*v) : json(); }

}  // namespace

json tiers_to_json(const std::vector<Tier>& tiers) {
  json out = json::array();
  for (const auto& t : tiers) out.push_back({{"from", t.from}, {"score", t.score}});
  return out;
}

std::vector<Tier> tiers_from_json(const json& j) {
  std::vector<Tier> out;
  std::size_t i = 0;
  for (const auto& t : array(j, "tiers")) {
    auto where = fmt::format("tiers[{}]", i++);
    out.push_back({num(need(t, "from", where), where + ".from"), num(need(t, "score", where), where + ".score")});
  }
  return out;
}

json bands_to_json(const std::vector<Band>& bands) {
  json out = json::array();
  for (const auto& b : bands) out.push_back({{"name", b.name}, {"min_percent", b.min_percent}});
  return out;
}

std::vector<Band> bands_from_json(const json& j) {
  std::vector<Band> out;
  std::size_t i = 0;
  for (const auto& b : array(j, "bands")) {
    auto where = fmt::format("bands[{}]", i++);
    out.push_back(
        {str(need(b, "name", where), where + ".name"), num(need(b, "min_percent", where), where + ".min_percent")});
  }
  return out;
}

json set_to_json(const CriteriaSet& set) {
  json criteria = json::array();
  std::set<std::string> parents;
  for (const auto& c : set.criteria) {
    if (!c.parent.empty()) parents.insert(c.parent);
  }
  for (const auto& c : set.criteria) {
    json k{{"code", c.code}, {"name", c.name}};
    if (!c.parent.empty()) k["parent"] = c.parent;
    if (!c.guidance.empty()) k["guidance"] = c.guidance;
    if (!parents.contains(c.code)) {
      k["max"] = c.max;
      k["min"] = c.min;
      k["rule"] = rule_code(c.rule);
      if (c.step) k["step"] = *c.step;
      if (!c.tiers.empty()) k["tiers"] = tiers_to_json(c.tiers);
      if (!c.indicator.empty()) k["indicator"] = c.indicator;
      k["evidence_required"] = c.evidence_required;
    }
    criteria.push_back(std::move(k));
  }
  json out{{"code", set.code}, {"name", set.name}, {"level", set.level}, {"criteria", criteria}};
  if (set.version) out["version"] = set.version;
  return out;
}

CriteriaSet set_from_json(const json& j) {
  CriteriaSet s;
  std::string where = "criteria set";
  s.code = str(need(j, "code", where), where + ".code");
  where = "criteria set " + s.code;
  s.name = opt_str(j, "name", where, s.code);
  s.level = str(need(j, "level", where), where + ".level");
  std::size_t i = 0;
  for (const auto& k : array(need(j, "criteria", where), where + ".criteria")) {
    auto at = fmt::format("{}.criteria[{}]", where, i++);
    Criterion c;
    c.code = str(need(k, "code", at), at + ".code");
    at = fmt::format("{} criterion {}", where, c.code);
    c.parent = opt_str(k, "parent", at);
    c.name = opt_str(k, "name", at, c.code);
    c.guidance = opt_str(k, "guidance", at);
    c.max = opt_num(k, "max", at).value_or(0);
    c.min = opt_num(k, "min", at).value_or(0);
    c.rule = parse_rule(opt_str(k, "rule", at, "manual"));
    c.step = opt_num(k, "step", at);
    if (k.contains("tiers") && !k.at("tiers").is_null()) c.tiers = tiers_from_json(k.at("tiers"));
    c.indicator = opt_str(k, "indicator", at);
    if (k.contains("evidence_required") && !k.at("evidence_required").is_null()) {
      if (!k.at("evidence_required").is_boolean()) throw bad(at + ".evidence_required", "must be true or false");
      c.evidence_required = k.at("evidence_required").get<bool>();
    }
    s.criteria.push_back(std::move(c));
  }
  return s;
}

json round_to_json(const Round& r) {
  json levels = json::array();
  for (const auto& l : r.levels) {
    levels.push_back({{"level", l.level}, {"set_id", l.set_id}, {"deadline", format_rfc3339_vn(l.deadline)}});
  }
  json components = json::array();
  for (const auto& k : r.components) {
    components.push_back({{"code", k.code}, {"name", k.name}, {"weight", k.weight}, {"max_value", k.max_value}});
  }
  return {{"code", r.code},
          {"name", r.name},
          {"year", r.year},
          {"evidence_from", format_iso_date(r.evidence_from)},
          {"evidence_to", format_iso_date(r.evidence_to)},
          {"previous", r.previous},
          {"answer_days", r.answer_days},
          {"bands", bands_to_json(r.bands)},
          {"components", components},
          {"levels", levels},
          {"status", r.status},
          {"published_at", r.published_at ? json(format_rfc3339_vn(*r.published_at)) : json()},
          {"decision", r.decision}};
}

json standings_to_json(const std::vector<Standing>& standings) {
  json out = json::array();
  for (const auto& s : standings) {
    out.push_back({{"unit", s.unit},
                   {"total", opt_number(s.total)},
                   {"rank", s.rank},
                   {"late", s.late},
                   {"criteria_total", opt_number(s.criteria_total)},
                   {"max_total", s.max_total},
                   {"percent", opt_number(s.percent)},
                   {"band", s.band},
                   {"areas", s.areas}});
  }
  return out;
}

namespace {

// The file's "round" object.
Round round_of_file(const json& r) {
  const std::string where = "round";
  Round round;
  round.code = str(need(r, "code", where), "round.code");
  round.name = opt_str(r, "name", where, round.code);
  round.evidence_from = date(need(r, "evidence_from", where), "round.evidence_from");
  round.evidence_to = date(need(r, "evidence_to", where), "round.evidence_to");
  round.year = r.contains("year") ? int(num(r.at("year"), "round.year")) : int(round.evidence_to.year());
  round.previous = opt_str(r, "previous", where);
  if (r.contains("answer_days")) round.answer_days = int(num(r.at("answer_days"), "round.answer_days"));
  if (r.contains("bands")) round.bands = bands_from_json(r.at("bands"));
  if (r.contains("components")) {
    std::size_t i = 0;
    for (const auto& k : array(r.at("components"), "round.components")) {
      auto at = fmt::format("round.components[{}]", i++);
      round.components.push_back({str(need(k, "code", at), at + ".code"), opt_str(k, "name", at),
                                  opt_num(k, "weight", at).value_or(1), opt_num(k, "max_value", at).value_or(100)});
      if (round.components.back().name.empty()) round.components.back().name = round.components.back().code;
    }
  }
  round.status = opt_str(r, "status", where, "open");
  if (round.status != "open" && round.status != "published") throw bad("round.status", "must be open or published");
  round.decision = opt_str(r, "decision", where);
  return round;
}

double number_at(const json& v, const std::string& w) { return num(v, w); }
std::string text_at(const json& v, const std::string& w) { return str(v, w); }

std::vector<RoundFile::Submission> submissions_of_file(const json& list) {
  std::vector<RoundFile::Submission> out;
  std::size_t i = 0;
  for (const auto& s : array(list, "submissions")) {
    auto at = fmt::format("submissions[{}]", i++);
    RoundFile::Submission sub;
    sub.unit = str(need(s, "unit", at), at + ".unit");
    if (s.contains("submitted_at") && !s.at("submitted_at").is_null()) {
      sub.submitted_at = instant(s.at("submitted_at"), at + ".submitted_at");
    }
    sub.scores = object_map<double>(need(s, "scores", at), at + ".scores", number_at);
    if (s.contains("values")) sub.values = object_map<double>(s.at("values"), at + ".values", number_at);
    if (s.contains("explanations")) {
      sub.explanations = object_map<std::string>(s.at("explanations"), at + ".explanations", text_at);
    }
    out.push_back(std::move(sub));
  }
  return out;
}

std::vector<RoundFile::Appraisal> appraisals_of_file(const json& list) {
  std::vector<RoundFile::Appraisal> out;
  std::size_t i = 0;
  for (const auto& a : array(list, "appraisals")) {
    auto at = fmt::format("appraisals[{}]", i++);
    RoundFile::Appraisal ap;
    ap.unit = str(need(a, "unit", at), at + ".unit");
    if (a.contains("scores")) ap.scores = object_map<double>(a.at("scores"), at + ".scores", number_at);
    if (a.contains("comments")) ap.comments = object_map<std::string>(a.at("comments"), at + ".comments", text_at);
    if (a.contains("answers")) ap.answers = object_map<std::string>(a.at("answers"), at + ".answers", text_at);
    out.push_back(std::move(ap));
  }
  return out;
}

}  // namespace

RoundFile round_file_from_json(const json& j) {
  if (!j.is_object()) throw bad("the file", "must be a JSON object");
  RoundFile f;
  f.round = round_of_file(need(j, "round", "the file"));
  for (const auto& s : array(need(j, "criteria_sets", "the file"), "criteria_sets")) f.sets.push_back(set_from_json(s));
  f.deadlines = object_map<Instant>(need(j, "deadlines", "the file"), "deadlines",
                                    [](const json& v, const std::string& w) { return instant(v, w); });
  std::size_t i = 0;
  for (const auto& p : array(need(j, "participants", "the file"), "participants")) {
    f.participants.push_back(str(p, fmt::format("participants[{}]", i++)));
  }
  if (j.contains("submissions")) f.submissions = submissions_of_file(j.at("submissions"));
  if (j.contains("appraisals")) f.appraisals = appraisals_of_file(j.at("appraisals"));
  if (j.contains("extensions")) {
    f.extensions =
        object_map<RoundFile::Extension>(j.at("extensions"), "extensions", [](const json& v, const std::string& w) {
          return RoundFile::Extension{instant(need(v, "until", w), w + ".until"), opt_str(v, "reason", w)};
        });
  }
  if (j.contains("component_values")) {
    f.component_values = object_map<std::map<std::string, double>>(
        j.at("component_values"), "component_values",
        [&](const json& v, const std::string& w) { return object_map<double>(v, w, number_at); });
  }
  if (j.contains("appraisers")) {
    f.appraisers = object_map<std::vector<std::string>>(j.at("appraisers"), "appraisers",
                                                        [&](const json& v, const std::string& w) {
                                                          std::vector<std::string> out;
                                                          for (const auto& u : array(v, w)) out.push_back(str(u, w));
                                                          return out;
                                                        });
  }
  return f;
}

}  // namespace cchc::assessments
