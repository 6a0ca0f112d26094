#include "assessments/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::assessments {

namespace {

bool code_chars(std::string_view s, std::string_view extra) {
  return std::all_of(s.begin(), s.end(), [&](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
           extra.find(ch) != std::string_view::npos;
  });
}

// A score as pages write it: up to 4 decimals, comma, no trailing zeros.
std::string vi(double v) {
  auto s = text::format_decimal(v, 4);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}
std::string en(double v) { return fmt::format("{}", round_total(v)); }

LineError problem(int line, std::string en_text, std::string vi_text) {
  return LineError{line, std::move(en_text), std::move(vi_text)};
}

bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }

const Criterion* find(const CriteriaSet& set, std::string_view code) {
  for (const auto& c : set.criteria) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

std::set<std::string> parents_of(const CriteriaSet& set) {
  std::set<std::string> out;
  for (const auto& c : set.criteria) {
    if (!c.parent.empty()) out.insert(c.parent);
  }
  return out;
}

// Every node's area (the root above it), by code: area_of for the whole set
// at once, through a code → parent map instead of a search per step.
std::map<std::string, std::string, std::less<>> area_by_code(const CriteriaSet& set) {
  std::map<std::string, std::string, std::less<>> parent, out;
  for (const auto& c : set.criteria) parent.emplace(c.code, c.parent);
  for (const auto& c : set.criteria) {
    std::string current = c.code;
    for (int guard = 0; guard < 64; ++guard) {
      auto it = parent.find(current);
      if (it == parent.end() || it->second.empty()) break;
      current = it->second;
    }
    out.emplace(c.code, std::move(current));
  }
  return out;
}

}  // namespace

std::string rule_code(Rule r) {
  switch (r) {
    case Rule::manual: return "manual";
    case Rule::yes_no: return "yes_no";
    case Rule::tiers: return "tiers";
    case Rule::indicator: return "indicator";
  }
  return "manual";
}

Rule parse_rule(std::string_view code) {
  if (code == "manual" || code.empty()) return Rule::manual;
  if (code == "yes_no") return Rule::yes_no;
  if (code == "tiers") return Rule::tiers;
  if (code == "indicator") return Rule::indicator;
  throw invalid_input(fmt::format("unknown scoring rule '{}': use manual, yes_no, tiers or indicator", code),
                      "Cách chấm điểm không hợp lệ.");
}

std::vector<LineError> check_set(const CriteriaSet& set, const std::set<std::string>& indicators) {
  std::vector<LineError> errors;
  if (set.code.empty() || set.code.size() > 40 || !code_chars(set.code, "-_.")) {
    errors.push_back(problem(0, fmt::format("set code '{}' must be 1-40 letters, digits, '-', '_' or '.'", set.code),
                             "Mã bộ tiêu chí phải gồm 1-40 chữ cái, chữ số, '-', '_' hoặc '.'."));
  }
  auto name_len = text::code_points(set.name);
  if (name_len == 0 || name_len > 300) {
    errors.push_back(problem(0, "set name must be 1-300 characters", "Tên bộ tiêu chí phải có 1-300 ký tự."));
  }
  if (set.criteria.empty()) {
    errors.push_back(problem(0, "a criteria set needs at least one criterion", "Bộ tiêu chí chưa có tiêu chí nào."));
  }
  auto parents = parents_of(set);
  std::map<std::string, std::string> parent_of;
  for (const auto& c : set.criteria) parent_of.emplace(c.code, c.parent);
  std::set<std::string> seen;
  int line = 0;
  for (const auto& c : set.criteria) {
    ++line;
    auto at = [&](std::string en_text, std::string vi_text) {
      errors.push_back(problem(line, fmt::format("criterion {}: {}", c.code, en_text),
                               fmt::format("Tiêu chí {}: {}", c.code, vi_text)));
    };
    if (c.code.empty() || c.code.size() > 20 || !code_chars(c.code, ".")) {
      at("code must be 1-20 letters, digits or '.'", "mã phải gồm 1-20 chữ cái, chữ số hoặc dấu chấm.");
    }
    if (!seen.insert(c.code).second) at("code used twice", "mã bị trùng.");
    if (!c.parent.empty()) {
      // The parent must be in the set, and the chain above must end at an
      // area (no cycle).
      bool ok = parent_of.contains(c.parent);
      std::string up = c.parent;
      for (std::size_t steps = 0; ok && !up.empty(); ++steps) {
        if (up == c.code || steps > set.criteria.size())
          ok = false;
        else
          up = parent_of[up];
      }
      if (!ok) {
        at(fmt::format("parent '{}' must be another criterion of the set, without cycles", c.parent),
           fmt::format("tiêu chí cha '{}' không có trong bộ tiêu chí hoặc tạo thành vòng.", c.parent));
      }
    }
    auto len = text::code_points(c.name);
    if (len == 0 || len > 1000) at("name must be 1-1000 characters", "tên phải có 1-1.000 ký tự.");
    if (text::code_points(c.guidance) > 10000) at("guidance over 10000 characters", "hướng dẫn quá 10.000 ký tự.");
    if (parents.contains(c.code)) continue;  // only leaves are scored
    if (!(std::isfinite(c.max) && std::isfinite(c.min)) || c.max < 0 || c.max <= c.min || c.max > 1000 ||
        c.min < -1000) {
      at(fmt::format("needs max > min, max ≥ 0, both within ±1000 (max {}, min {})", en(c.max), en(c.min)),
         "điểm tối đa phải lớn hơn điểm tối thiểu, không âm và trong khoảng ±1.000.");
      continue;
    }
    if (c.step) {
      double steps = (c.max - c.min) / *c.step;
      if (!(*c.step > 0) || std::fabs(steps - std::round(steps)) > 1e-9) {
        at("step must be > 0 and divide max − min", "bước điểm phải dương và chia hết khoảng điểm.");
      }
    }
    if (c.rule == Rule::tiers || c.rule == Rule::indicator) {
      if (c.tiers.empty()) at("a tiers or indicator rule needs tiers", "cách chấm theo mức cần có các mức.");
      for (std::size_t i = 0; i < c.tiers.size(); ++i) {
        const auto& t = c.tiers[i];
        if (!std::isfinite(t.from) || (i > 0 && !(t.from < c.tiers[i - 1].from))) {
          at("tier thresholds must decrease strictly", "ngưỡng các mức phải giảm dần.");
        }
        if (!(t.score >= c.min - 1e-9 && t.score <= c.max + 1e-9)) {
          at(fmt::format("tier score {} outside [{}, {}]", en(t.score), en(c.min), en(c.max)),
             "điểm của mức nằm ngoài khoảng điểm của tiêu chí.");
        }
      }
    }
    if (c.rule == Rule::indicator && !indicators.contains(c.indicator)) {
      at(fmt::format("unknown indicator '{}'", c.indicator), "chỉ số dùng để tính điểm không tồn tại.");
    }
  }
  return errors;
}

std::vector<const Criterion*> leaves(const CriteriaSet& set) {
  auto parents = parents_of(set);
  std::vector<const Criterion*> out;
  for (const auto& c : set.criteria) {
    if (!parents.contains(c.code)) out.push_back(&c);
  }
  return out;
}

double max_total(const CriteriaSet& set) {
  double sum = 0;
  for (const auto* c : leaves(set)) sum += c->max;
  return round_total(sum);
}

std::string area_of(const CriteriaSet& set, std::string_view code) {
  std::string current(code);
  for (int guard = 0; guard < 64; ++guard) {
    const auto* c = find(set, current);
    if (!c || c->parent.empty()) return current;
    current = c->parent;
  }
  return current;
}

double node_max(const CriteriaSet& set, std::string_view code) {
  double sum = 0;
  for (const auto* leaf : leaves(set)) {
    // Walk up from the leaf: does `code` lie on its path?
    std::string current = leaf->code;
    for (int guard = 0; guard < 64 && !current.empty(); ++guard) {
      if (current == code) {
        sum += leaf->max;
        break;
      }
      const auto* c = find(set, current);
      current = c ? c->parent : "";
    }
  }
  return round_total(sum);
}

double tier_score(const Criterion& c, double value) {
  for (const auto& t : c.tiers) {
    if (value >= t.from - 1e-9) return t.score;
  }
  return c.min;
}

std::optional<LineError> check_score(const Criterion& c, double score) {
  auto bad = [&](std::string en_text, std::string vi_text) {
    return problem(0, fmt::format("criterion {}: score {} {}", c.code, en(score), en_text),
                   fmt::format("Tiêu chí {}: điểm {} {}", c.code, vi(score), vi_text));
  };
  if (!std::isfinite(score) || score < c.min - 1e-9 || score > c.max + 1e-9) {
    return bad(fmt::format("is outside [{}, {}]", en(c.min), en(c.max)),
               fmt::format("nằm ngoài khoảng từ {} đến {}.", vi(c.min), vi(c.max)));
  }
  switch (c.rule) {
    case Rule::manual:
      if (c.step) {
        double k = (score - c.min) / *c.step;
        if (std::fabs(k - std::round(k)) > 1e-9) {
          return bad(fmt::format("is not on a step of {} from {}", en(*c.step), en(c.min)),
                     fmt::format("phải theo bước {} điểm.", vi(*c.step)));
        }
      }
      break;
    case Rule::yes_no:
      if (!near(score, c.max) && !near(score, c.min)) {
        return bad(fmt::format("must be {} (yes) or {} (no)", en(c.max), en(c.min)),
                   fmt::format("chỉ được {} (có) hoặc {} (không).", vi(c.max), vi(c.min)));
      }
      break;
    case Rule::tiers:
    case Rule::indicator: {
      bool ok = near(score, c.min) ||
                std::any_of(c.tiers.begin(), c.tiers.end(), [&](const Tier& t) { return near(t.score, score); });
      if (!ok) return bad("is not the score of any tier", "không phải điểm của mức nào.");
      break;
    }
  }
  return std::nullopt;
}

namespace {

std::map<std::string, const Criterion*> leaf_map(const CriteriaSet& set) {
  std::map<std::string, const Criterion*> out;
  for (const auto* c : leaves(set)) out.emplace(c->code, c);
  return out;
}

void check_scores(const std::map<std::string, const Criterion*>& leafs, const std::map<std::string, double>& scores,
                  std::vector<LineError>& errors) {
  for (const auto& [code, score] : scores) {
    auto c = leafs.find(code);
    if (c == leafs.end()) {
      errors.push_back(problem(0, fmt::format("'{}' is not a scored criterion of the set", code),
                               fmt::format("'{}' không phải tiêu chí được chấm điểm của bộ tiêu chí.", code)));
      continue;
    }
    if (auto p = check_score(*c->second, score)) errors.push_back(*p);
  }
}

void check_texts(const std::map<std::string, const Criterion*>& leafs, const std::map<std::string, std::string>& texts,
                 const char* what_en, const char* what_vi, std::vector<LineError>& errors) {
  for (const auto& [code, t] : texts) {
    if (!leafs.contains(code)) {
      errors.push_back(problem(0, fmt::format("{} for '{}', which is not a scored criterion", what_en, code),
                               fmt::format("{} cho '{}', không phải tiêu chí được chấm điểm.", what_vi, code)));
    } else if (text::code_points(t) > 5000) {
      errors.push_back(problem(0, fmt::format("criterion {}: {} over 5000 characters", code, what_en),
                               fmt::format("Tiêu chí {}: {} quá 5.000 ký tự.", code, what_vi)));
    }
  }
}

}  // namespace

std::vector<LineError> check_submission(const CriteriaSet& set, const std::map<std::string, double>& scores,
                                        const std::map<std::string, std::string>& explanations) {
  std::vector<LineError> errors;
  auto leafs = leaf_map(set);
  check_scores(leafs, scores, errors);
  check_texts(leafs, explanations, "explanation", "giải thích", errors);
  for (const auto* c : leaves(set)) {
    auto s = scores.find(c->code);
    if (s == scores.end()) {
      errors.push_back(problem(0, fmt::format("criterion {} has no score", c->code),
                               fmt::format("Tiêu chí {} chưa có điểm.", c->code)));
      continue;
    }
    if (s->second < c->max - 1e-9) {
      auto e = explanations.find(c->code);
      if (e == explanations.end() || text::trim(e->second).empty()) {
        errors.push_back(problem(0,
                                 fmt::format("criterion {} scored {} below its maximum {} needs an explanation",
                                             c->code, en(s->second), en(c->max)),
                                 fmt::format("Tiêu chí {} tự chấm {} điểm, thấp hơn điểm tối đa {}: cần giải thích.",
                                             c->code, vi(s->second), vi(c->max))));
      }
    }
  }
  return errors;
}

std::vector<LineError> check_draft(const CriteriaSet& set, const std::map<std::string, double>& scores) {
  std::vector<LineError> errors;
  check_scores(leaf_map(set), scores, errors);
  return errors;
}

std::vector<LineError> check_appraisal(const CriteriaSet& set, const std::map<std::string, double>& scores,
                                       const std::map<std::string, std::string>& comments) {
  std::vector<LineError> errors;
  auto leafs = leaf_map(set);
  check_scores(leafs, scores, errors);
  check_texts(leafs, comments, "comment", "nhận xét", errors);
  return errors;
}

bool on_time(Instant submitted_at, Instant deadline, std::optional<Instant> extended_until) {
  auto last = extended_until && *extended_until > deadline ? *extended_until : deadline;
  return submitted_at <= last;
}

Instant last_second_of(Date d) { return start_of_day(d) + std::chrono::hours{24} - std::chrono::seconds{1}; }

std::vector<std::string> round_participants(const std::vector<directory::Unit>& units,
                                            const std::vector<RoundLevel>& levels, Date as_of) {
  std::vector<std::string> out;
  for (const auto& u : units) {
    for (const auto& l : levels) {
      if (u.level == l.level && u.valid_on(as_of)) out.push_back(u.code);
    }
  }
  return out;
}

namespace {

// The number typed in `field`: nullopt when blank, or when it cannot be
// read (then `unreadable` is set).
std::optional<double> typed_number(std::string_view field, bool& unreadable) {
  try {
    return text::parse_decimal(field);
  } catch (const Error&) {
    unreadable = true;
    return std::nullopt;
  }
}

LineError not_a_number(const Criterion& c, const std::string& vi_text) {
  return LineError{0, fmt::format("criterion {}: not a number", c.code), vi_text};
}

}  // namespace

Claim claim_of(const Criterion& c, bool computed, std::string_view score_field, std::string_view value_field) {
  Claim out;
  bool unreadable = false;
  if (c.rule == Rule::manual) {
    out.score = typed_number(score_field, unreadable);
  } else if (c.rule == Rule::yes_no) {
    if (score_field == "co") out.score = c.max;
    if (score_field == "khong") out.score = c.min;
  } else if (c.rule == Rule::tiers || !computed) {
    out.value = typed_number(value_field, unreadable);
  }
  if (unreadable)
    out.problem = not_a_number(c, fmt::format("Tiêu chí {}: cần nhập một số (ví dụ 2 hoặc 1,5).", c.code));
  return out;
}

Claim appraised_of(const Criterion& c, std::string_view score_field) {
  Claim out;
  bool unreadable = false;
  out.score = typed_number(score_field, unreadable);
  if (unreadable) out.problem = not_a_number(c, fmt::format("Tiêu chí {}: điểm thẩm định phải là một số.", c.code));
  return out;
}

UnitRights unit_rights(const Participant& p, bool round_open, Instant deadline, const UnitViewer& who, Instant now) {
  const bool draft = p.state != "submitted";
  const auto& a = p.appraisal;
  const bool answer_open = p.answer_due && now <= *p.answer_due;
  UnitRights r;
  r.edit = round_open && draft && who.self && now <= deadline;
  r.submit = r.edit && who.submits;
  r.appraise = round_open && !draft && who.appraiser && (a == "none" || a == "appraising" || a == "answered");
  r.answer = round_open && who.self && a == "awaiting_answer" && answer_open;
  r.show_appraisal =
      who.appraiser || who.province_wide || a == "awaiting_answer" || a == "answered" || a == "final" || !round_open;
  r.send = round_open && who.appraiser && a == "appraising";
  r.finalise = round_open && who.appraiser && !draft && a != "final" &&
               (a != "awaiting_answer" || (p.answer_due && now > *p.answer_due));
  r.late_closed = round_open && draft && who.self && !r.edit;
  return r;
}

double round_total(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0.0 : r;  // no "-0"
}

SetShape shape_of(const CriteriaSet& set) {
  SetShape shape;
  auto areas = area_by_code(set);
  for (const auto* leaf : leaves(set)) {
    shape.leaves.emplace_back(leaf, areas.at(leaf->code));
    shape.max_total += leaf->max;
  }
  shape.max_total = round_total(shape.max_total);
  return shape;
}

Standing standing(const CriteriaSet& set, const std::string& unit, bool late, const std::vector<Score>& scores,
                  const std::vector<Component>& components, const std::map<std::string, double>& component_values,
                  const std::vector<Band>& bands) {
  return standing(shape_of(set), unit, late, scores, components, component_values, bands);
}

Standing standing(const SetShape& shape, const std::string& unit, bool late, const std::vector<Score>& scores,
                  const std::vector<Component>& components, const std::map<std::string, double>& component_values,
                  const std::vector<Band>& bands) {
  Standing s;
  s.unit = unit;
  s.late = late;
  double most = shape.max_total;
  for (const auto& c : components) most += c.weight * c.max_value;
  s.max_total = round_total(most);
  if (late) return s;
  std::map<std::string, const Score*> by_code;
  for (const auto& sc : scores) by_code.emplace(sc.criterion, &sc);
  double sum = 0;
  for (const auto& [leaf, area] : shape.leaves) {
    auto it = by_code.find(leaf->code);
    double points = 0;
    if (it != by_code.end()) {
      const auto& sc = *it->second;
      points = sc.appraised ? *sc.appraised : sc.self.value_or(0);
    }
    sum += points;
    s.areas[area] += points;
  }
  for (auto& [code, v] : s.areas) v = round_total(v);
  s.criteria_total = round_total(sum);
  double total = sum;
  for (const auto& c : components) {
    auto v = component_values.find(c.code);
    if (v == component_values.end()) continue;
    s.components[c.code] = round_total(c.weight * v->second);
    total += c.weight * v->second;
  }
  s.total = round_total(total);
  if (s.max_total > 0) s.percent = round_total(*s.total / s.max_total * 100.0);
  s.band = band_of(bands, s.percent);
  return s;
}

std::vector<Standing> rank_level(std::vector<Standing> standings) {
  std::vector<Standing> ranked, late;
  for (auto& s : standings) (s.total && !s.late ? ranked : late).push_back(std::move(s));
  std::sort(ranked.begin(), ranked.end(), [](const Standing& a, const Standing& b) {
    if (*a.total != *b.total) return *a.total > *b.total;
    return a.unit < b.unit;
  });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    ranked[i].rank = i > 0 && *ranked[i].total == *ranked[i - 1].total ? ranked[i - 1].rank : int(i) + 1;
  }
  std::sort(late.begin(), late.end(), [](const Standing& a, const Standing& b) { return a.unit < b.unit; });
  const int late_rank = int(ranked.size()) + 1;
  for (auto& s : late) {
    s.rank = late_rank;
    s.total.reset();
    s.criteria_total.reset();
    s.percent.reset();
    s.band.clear();
    ranked.push_back(std::move(s));
  }
  return ranked;
}

std::string band_of(const std::vector<Band>& bands, std::optional<double> percent) {
  if (!percent) return "";
  auto sorted = bands;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Band& a, const Band& b) { return a.min_percent > b.min_percent; });
  for (const auto& b : sorted) {
    if (*percent >= b.min_percent - 1e-9) return b.name;
  }
  return "";
}

std::vector<Band> default_bands() { return {{"Tốt", 90}, {"Khá", 80}, {"Trung bình", 65}, {"Yếu", 0}}; }

std::vector<Band> parse_bands(std::string_view text_in) {
  std::vector<Band> out;
  auto t = text::trim(text_in);
  while (!t.empty()) {
    auto end = t.find(';');
    auto part = text::trim(t.substr(0, end));
    t = end == std::string_view::npos ? std::string_view{} : t.substr(end + 1);
    if (part.empty()) continue;
    auto colon = part.rfind(':');
    auto min = colon == std::string_view::npos ? std::nullopt : text::parse_decimal(text::trim(part.substr(colon + 1)));
    if (!min) {
      throw invalid_input("bands are written \"name: minimum %; …\"",
                          "Mức xếp loại cần dạng \"Tên: tỷ lệ tối thiểu; …\", ví dụ \"Tốt: 90; Khá: 80\".");
    }
    out.push_back({std::string(text::trim(part.substr(0, colon))), *min});
  }
  return out;
}

std::string bands_text(const std::vector<Band>& bands) {
  std::string out;
  for (const auto& b : bands) out += (out.empty() ? "" : "; ") + b.name + ": " + vi(b.min_percent);
  return out;
}

std::vector<AtRisk> points_at_risk(const CriteriaSet& set, const std::vector<Score>& scores) {
  std::map<std::string, const Score*> by_code;
  for (const auto& sc : scores) by_code.emplace(sc.criterion, &sc);
  std::vector<AtRisk> out;
  auto areas = area_by_code(set);
  for (const auto* leaf : leaves(set)) {
    AtRisk r;
    r.criterion = leaf->code;
    r.area = areas.at(leaf->code);
    r.max = leaf->max;
    double final_score = leaf->min;
    if (auto it = by_code.find(leaf->code); it != by_code.end()) {
      const auto& sc = *it->second;
      r.self = sc.self;
      r.appraised = sc.appraised;
      r.value = sc.value;
      final_score = sc.appraised ? *sc.appraised : sc.self.value_or(leaf->min);
    }
    r.lost = round_total(leaf->max - final_score);
    if (r.self && r.appraised && *r.appraised < *r.self - 1e-9) r.over_claim = round_total(*r.self - *r.appraised);
    if (leaf->rule == Rule::tiers || leaf->rule == Rule::indicator) {
      // Tiers are highest first: the next tier up is the last one above the
      // points now held; full points the first with the top score.
      for (auto t = leaf->tiers.rbegin(); t != leaf->tiers.rend(); ++t) {
        if (t->score > final_score + 1e-9) {
          r.next_from = t->from;
          break;
        }
      }
      double top = leaf->min;
      for (const auto& t : leaf->tiers) top = std::max(top, t.score);
      for (const auto& t : leaf->tiers) {
        if (near(t.score, top)) r.full_from = t.from;  // the lowest value that still gives the top
      }
      if (r.lost <= 0) r.next_from.reset();
    }
    if (r.lost > 0 || r.over_claim) out.push_back(r);
  }
  return out;
}

std::string win_back_vi(const AtRisk& r) {
  std::string out;
  if (r.next_from) out = fmt::format("Đạt {} để được thêm điểm", text::format_decimal(*r.next_from, 2));
  if (r.full_from && (!r.next_from || *r.full_from != *r.next_from)) {
    out += (out.empty() ? "" : "; ") + fmt::format("đạt {} để được điểm tối đa", text::format_decimal(*r.full_from, 2));
  }
  return out;
}

}  // namespace cchc::assessments
