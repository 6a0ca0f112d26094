#include "assessments/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "assessments/json.h"
#include "core/calendar.h"
#include "core/filetype.h"
#include "core/secrets.h"
#include "core/text.h"
#include "directory/read.h"
#include "directory/storage.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

Error conflict(const std::string& en, std::string vi) { return Error(ErrorKind::conflict, en, std::move(vi)); }

bool code_ok(std::string_view s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '_' ||
           ch == '.';
  });
}

Criterion criterion_of(const db::Row& r) {
  Criterion c;
  c.code = r.str("code");
  c.parent = r.str("parent_code");
  c.name = r.str("name");
  c.guidance = r.str("guidance");
  c.max = r.f64("max_score");
  c.min = r.f64("min_score");
  c.rule = parse_rule(r.str("rule"));
  c.step = r.opt_f64("step");
  if (auto t = r.str("tiers"); !t.empty()) c.tiers = tiers_from_json(json::parse(t));
  c.indicator = r.str("indicator");
  c.evidence_required = r.i64("evidence_required") != 0;
  return c;
}

Round round_of(db::Connection& c, const db::Row& r) {
  Round x;
  x.id = r.i64("id");
  x.code = r.str("code");
  x.name = r.str("name");
  x.year = int(r.i64("year"));
  x.evidence_from = parse_iso_date(r.str("evidence_from"));
  x.evidence_to = parse_iso_date(r.str("evidence_to"));
  x.previous = r.str("previous_code");
  x.answer_days = int(r.i64("answer_days"));
  x.bands = bands_from_json(json::parse(r.str("bands")));
  x.status = r.str("status");
  x.published_at = r.opt_instant("published_at");
  x.published_by = r.opt_str("published_by").value_or("");
  x.decision = r.str("decision");
  std::map<std::string, int> rank;
  for (const auto& l : directory::load_levels(c)) rank[l.code] = l.rank;
  for (const auto& l :
       c.query("SELECT level_code, set_id, deadline FROM round_levels WHERE round_id = ?", {x.id}).rows) {
    if (rank.contains(l.str("level_code"))) {
      x.levels.push_back({l.str("level_code"), l.i64("set_id"), l.instant("deadline")});
    }
  }
  std::stable_sort(x.levels.begin(), x.levels.end(),
                   [&](const auto& a, const auto& b) { return rank.at(a.level) < rank.at(b.level); });
  for (const auto& k : c.query("SELECT code, name, weight, max_value FROM round_components WHERE round_id = ? "
                               "ORDER BY ord",
                               {x.id})
                           .rows) {
    x.components.push_back({k.str("code"), k.str("name"), k.f64("weight"), k.f64("max_value")});
  }
  return x;
}

const char* kRoundColumns =
    "SELECT id, code, name, year, evidence_from, evidence_to, previous_code, answer_days, bands, status, "
    "published_at, published_by, decision FROM assessment_rounds ";

Participant participant_of(const db::Row& r) {
  Participant p;
  p.unit = r.str("unit_code");
  p.level = r.str("level_code");
  p.extended_until = r.opt_instant("extended_until");
  p.extension_reason = r.str("extension_reason");
  p.state = r.str("state");
  p.submitted_at = r.opt_instant("submitted_at");
  p.submitted_by = r.str("submitted_by");
  p.appraisal = r.str("appraisal");
  p.answer_due = r.opt_instant("answer_due");
  return p;
}

const char* kParticipantColumns =
    "SELECT unit_code, level_code, extended_until, extension_reason, state, submitted_at, submitted_by, appraisal, "
    "answer_due FROM round_units ";

// The round (open: not published) and the participant, or errors.
struct Context {
  Round round;
  Participant participant;
  CriteriaSet set;
  const RoundLevel* level = nullptr;
};
Context context(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  auto round = find_round(c, round_id);
  if (!round) throw not_found("no such round", "Không tìm thấy đợt đánh giá.");
  auto p = find_participant(c, round_id, unit);
  if (!p) {
    throw not_found(fmt::format("unit '{}' does not take part in round {}", unit, round->code),
                    "Đơn vị không tham gia đợt đánh giá này.");
  }
  Context ctx{*round, *p, {}, nullptr};
  for (const auto& l : ctx.round.levels) {
    if (l.level == p->level) ctx.level = &l;
  }
  if (!ctx.level) throw Error(ErrorKind::internal, "participant's level has no criteria set");
  ctx.set = *load_set(c, ctx.level->set_id);
  return ctx;
}
void require_open(const Round& r) {
  if (r.status != "open") {
    throw conflict(fmt::format("round {} is published and can no longer change", r.code),
                   "Đợt đánh giá đã công bố kết quả, không thể thay đổi.");
  }
}
void touch_participant(db::Connection& c, std::int64_t round_id, const std::string& unit, Instant now) {
  c.query("UPDATE round_units SET updated_at = ? WHERE round_id = ? AND unit_code = ?", {now, round_id, unit});
}
std::string entity_id(const Round& r, const std::string& unit) { return r.code + "/" + unit; }

const Criterion* leaf(const CriteriaSet& set, const std::string& code) {
  for (const auto* l : leaves(set)) {
    if (l->code == code) return l;
  }
  return nullptr;
}

void check_criteria_list(const CriteriaSet& set, const std::vector<std::string>& criteria) {
  if (criteria.empty()) {
    throw invalid_input("evidence must be attached to at least one criterion",
                        "Cần chọn ít nhất một tiêu chí mà minh chứng đáp ứng.");
  }
  for (const auto& code : criteria) {
    if (!leaf(set, code)) {
      throw invalid_input(fmt::format("'{}' is not a scored criterion of the set", code),
                          fmt::format("'{}' không phải tiêu chí được chấm điểm.", code));
    }
  }
}

std::int64_t insert_evidence(db::Connection& c, const Context& ctx, const std::string& unit, const std::string& file_id,
                             const KnownDocument& doc, const std::vector<std::string>& criteria,
                             const audit::Entry& who, Instant now) {
  auto id =
      c.query(
           "INSERT INTO assessment_evidence (round_id, unit_code, file_id, reference, title, doc_date, href, "
           "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {ctx.round.id, unit, file_id.empty() ? db::Param(nullptr) : db::Param(file_id), doc.reference, doc.title,
            doc.date ? db::Param(format_iso_date(*doc.date)) : db::Param(nullptr), doc.href, who.actor, now})
          .one()
          .i64("id");
  std::set<std::string> unique(criteria.begin(), criteria.end());
  for (const auto& code : unique) {
    c.query("INSERT INTO evidence_criteria (evidence_id, criterion_code) VALUES (?, ?)", {id, code});
  }
  audit::record(c, who, "create", "assessment_evidence", entity_id(ctx.round, unit) + "/" + std::to_string(id),
                std::nullopt,
                json{{"file_id", file_id},
                     {"reference", doc.reference},
                     {"title", doc.title},
                     {"criteria", std::vector<std::string>(unique.begin(), unique.end())}}
                    .dump(),
                now);
  touch_participant(c, ctx.round.id, unit, now);
  return id;
}

void require_draft(const Context& ctx) {
  require_open(ctx.round);
  if (ctx.participant.state == "submitted") {
    throw conflict("the self-assessment is submitted and locked", "Bản tự đánh giá đã gửi, không thể sửa.");
  }
}

// Whether `unit` is the appraiser's own: the same unit, one under it or one
// above it, the province's root (which is above every unit) excepted.
bool own_unit(db::Connection& c, const std::string& unit, const std::string& appraiser_unit) {
  if (unit == appraiser_unit) return true;
  auto is_root = [&](const std::string& code) {
    auto u = directory::find_unit(c, code);
    return !u || u->parent_code.empty();
  };
  return (!is_root(appraiser_unit) && directory::unit_within(c, unit, appraiser_unit)) ||
         (!is_root(unit) && directory::unit_within(c, appraiser_unit, unit));
}

void require_appraiser(db::Connection& c, const Context& ctx, const std::string& unit, const audit::Entry& who,
                       const std::string& appraiser_unit) {
  auto mine = appraisers(c, ctx.round.id, unit);
  if (std::find(mine.begin(), mine.end(), who.actor) == mine.end()) {
    throw forbidden("you are not assigned to appraise this unit", "Bạn không được phân công thẩm định đơn vị này.");
  }
  if (own_unit(c, unit, appraiser_unit)) {
    throw forbidden("nobody appraises their own unit", "Không được thẩm định đơn vị của chính mình.");
  }
  if (ctx.participant.state != "submitted") {
    throw conflict("the unit has not submitted its self-assessment", "Đơn vị chưa gửi bản tự đánh giá.");
  }
}

}  // namespace

// ---- Criteria sets -------------------------------------------------------

std::int64_t store_set(db::Connection& c, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now) {
  auto errors = check_set(set, indicators);
  if (!directory::is_level(c, set.level)) {
    errors.push_back({0, fmt::format("set {}: unknown level '{}'", set.code, set.level),
                      fmt::format("Bộ tiêu chí {}: cấp đơn vị '{}' không tồn tại.", set.code, set.level)});
  }
  if (!errors.empty()) throw rejected(errors);
  auto canonical = set_to_json(set);
  canonical.erase("version");
  auto fingerprint = sha256_hex(canonical.dump());
  auto same = c.query("SELECT id FROM criteria_sets WHERE code = ? AND fingerprint = ? ORDER BY version DESC",
                      {set.code, fingerprint});
  if (!same.empty()) return same.rows.front().i64("id");
  auto version =
      c.query("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM criteria_sets WHERE code = ?", {set.code}).one().i64("v");
  auto id = c.query(
                 "INSERT INTO criteria_sets (code, version, name, level_code, fingerprint, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {set.code, version, set.name, set.level, fingerprint, now})
                .one()
                .i64("id");
  int ord = 0;
  for (const auto& k : set.criteria) {
    c.query(
        "INSERT INTO criteria (set_id, code, parent_code, ord, name, guidance, max_score, min_score, rule, step, "
        "tiers, indicator, evidence_required) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, k.code, k.parent, ++ord, k.name, k.guidance, k.max, k.min, rule_code(k.rule), k.step,
         k.tiers.empty() ? std::string() : tiers_to_json(k.tiers).dump(), k.indicator, k.evidence_required});
  }
  canonical["version"] = version;
  audit::record(c, who, "create", "criteria_sets", fmt::format("{}@{}", set.code, version), std::nullopt,
                canonical.dump(), now);
  return id;
}

CriteriaSet import_set(db::Database& db, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return *load_set(c, store_set(c, set, indicators, who, now)); });
}

std::optional<CriteriaSet> load_set(db::Connection& c, std::int64_t id) {
  auto head = c.query("SELECT id, code, version, name, level_code FROM criteria_sets WHERE id = ?", {id});
  if (head.empty()) return std::nullopt;
  const auto& h = head.one();
  CriteriaSet s{h.i64("id"), h.str("code"), int(h.i64("version")), h.str("name"), h.str("level_code"), {}};
  for (const auto& r : c.query("SELECT code, parent_code, name, guidance, max_score, min_score, rule, step, tiers, "
                               "indicator, evidence_required FROM criteria WHERE set_id = ? ORDER BY ord",
                               {id})
                           .rows) {
    s.criteria.push_back(criterion_of(r));
  }
  return s;
}

std::vector<CriteriaSet> list_sets(db::Connection& c) {
  std::vector<CriteriaSet> out;
  for (const auto& h : c.query("SELECT id, code, version, name, level_code FROM criteria_sets "
                               "ORDER BY code, version DESC")
                           .rows) {
    out.push_back({h.i64("id"), h.str("code"), int(h.i64("version")), h.str("name"), h.str("level_code"), {}});
  }
  return out;
}

// ---- Rounds --------------------------------------------------------------

Round create_round(db::Connection& c, const NewRound& nr, const audit::Entry& who, Instant now) {
  const auto& r = nr.round;
  std::vector<LineError> errors;
  auto bad = [&](std::string en, std::string vi) { errors.push_back({0, std::move(en), std::move(vi)}); };
  if (!code_ok(r.code))
    bad("round code must be 1-40 letters, digits, '-', '_' or '.'", "Mã đợt đánh giá không hợp lệ.");
  auto len = text::code_points(r.name);
  if (len == 0 || len > 300) bad("round name must be 1-300 characters", "Tên đợt đánh giá phải có 1-300 ký tự.");
  if (r.year < 2000 || r.year > 2100) bad("year must be 2000-2100", "Năm đánh giá không hợp lệ.");
  if (r.evidence_from > r.evidence_to) {
    bad("the evidence window must start before it ends",
        "Thời gian tính minh chứng: ngày bắt đầu phải trước ngày kết thúc.");
  }
  if (r.answer_days < 1 || r.answer_days > 30) bad("answer days must be 1-30", "Số ngày giải trình phải từ 1 đến 30.");
  if (r.levels.empty())
    bad("a round needs at least one level with a criteria set", "Đợt đánh giá cần ít nhất một bộ tiêu chí.");
  for (const auto& b : r.bands) {
    if (b.name.empty() || text::code_points(b.name) > 50 || !(b.min_percent >= 0 && b.min_percent <= 100)) {
      bad("a band needs a name (≤ 50 characters) and a minimum of 0-100 %",
          "Mức xếp loại cần tên và ngưỡng từ 0 đến 100%.");
    }
  }
  std::set<std::string> seen_components;
  for (const auto& k : r.components) {
    if (!code_ok(k.code) || !seen_components.insert(k.code).second || k.name.empty() || !(k.weight > 0) ||
        !(k.max_value > 0) || k.weight * k.max_value > 1000) {
      bad(fmt::format("component '{}' needs a unique code, a name, weight > 0 and max > 0", k.code),
          "Thành phần điểm cần mã riêng, tên, trọng số và giá trị tối đa dương.");
    }
  }
  std::set<std::string> levels;
  for (const auto& l : r.levels) {
    if (!levels.insert(l.level).second)
      bad(fmt::format("level '{}' given twice", l.level), "Một cấp được khai báo hai lần.");
    auto set = c.query("SELECT level_code FROM criteria_sets WHERE id = ?", {l.set_id});
    if (set.empty() || set.one().str("level_code") != l.level) {
      bad(fmt::format("level '{}' needs a criteria set of that level", l.level),
          fmt::format("Cấp '{}' cần bộ tiêu chí của cấp đó.", l.level));
    }
  }
  std::map<std::string, std::string> unit_levels;
  std::set<std::string> seen_units;
  for (const auto& u : nr.participants) {
    if (!seen_units.insert(u).second) {
      bad(fmt::format("unit '{}' listed twice", u), fmt::format("Đơn vị {} được liệt kê hai lần.", u));
      continue;
    }
    auto unit = directory::find_unit(c, u);
    if (!unit) {
      bad(fmt::format("unknown unit '{}'", u), fmt::format("Đơn vị {} không tồn tại.", u));
      continue;
    }
    auto level = unit->level;
    if (!levels.contains(level)) {
      bad(fmt::format("unit '{}' is of level '{}', which the round has no criteria set for", u, level),
          fmt::format("Đơn vị {} thuộc cấp chưa có bộ tiêu chí trong đợt này.", u));
    }
    unit_levels[u] = level;
  }
  if (!errors.empty()) throw rejected(errors);
  if (!c.query("SELECT 1 FROM assessment_rounds WHERE code = ?", {r.code}).empty()) {
    throw conflict(fmt::format("round {} exists", r.code), "Mã đợt đánh giá đã được dùng.");
  }
  auto bands = r.bands.empty() ? default_bands() : r.bands;
  auto id = c.query(
                 "INSERT INTO assessment_rounds (code, name, year, evidence_from, evidence_to, previous_code, "
                 "answer_days, bands, status, decision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', '', ?) "
                 "RETURNING id",
                 {r.code, r.name, r.year, format_iso_date(r.evidence_from), format_iso_date(r.evidence_to), r.previous,
                  r.answer_days, bands_to_json(bands).dump(), now})
                .one()
                .i64("id");
  for (const auto& l : r.levels) {
    c.query("INSERT INTO round_levels (round_id, level_code, set_id, deadline) VALUES (?, ?, ?, ?)",
            {id, l.level, l.set_id, l.deadline});
  }
  int ord = 0;
  for (const auto& k : r.components) {
    c.query("INSERT INTO round_components (round_id, code, name, weight, max_value, ord) VALUES (?, ?, ?, ?, ?, ?)",
            {id, k.code, k.name, k.weight, k.max_value, ++ord});
  }
  for (const auto& [u, level] : unit_levels) {
    c.query("INSERT INTO round_units (round_id, unit_code, level_code, updated_at) VALUES (?, ?, ?, ?)",
            {id, u, level, now});
  }
  auto stored = *find_round(c, id);
  auto after = round_to_json(stored);
  after["participants"] = nr.participants;
  audit::record(c, who, "create", "assessment_rounds", r.code, std::nullopt, after.dump(), now);
  return stored;
}

Round create_round(db::Database& db, const NewRound& r, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return create_round(c, r, who, now); });
}

std::optional<Round> find_round(db::Connection& c, const std::string& code) {
  auto rows = c.query(std::string(kRoundColumns) + "WHERE code = ?", {code});
  if (rows.empty()) return std::nullopt;
  return round_of(c, rows.one());
}

std::optional<Round> find_round(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kRoundColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return round_of(c, rows.one());
}

std::vector<Round> list_rounds(db::Connection& c) {
  std::vector<Round> out;
  for (const auto& r : c.query(std::string(kRoundColumns) + "ORDER BY year DESC, code").rows) {
    out.push_back(round_of(c, r));
  }
  return out;
}

std::vector<Participant> participants(db::Connection& c, std::int64_t round_id) {
  std::vector<Participant> out;
  for (const auto& r :
       c.query(std::string(kParticipantColumns) + "WHERE round_id = ? ORDER BY unit_code", {round_id}).rows) {
    out.push_back(participant_of(r));
  }
  return out;
}

std::optional<Participant> find_participant(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  auto rows = c.query(std::string(kParticipantColumns) + "WHERE round_id = ? AND unit_code = ?", {round_id, unit});
  if (rows.empty()) return std::nullopt;
  return participant_of(rows.one());
}

std::vector<Score> unit_scores(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  std::vector<Score> out;
  for (const auto& r : c.query("SELECT criterion_code, self_score, self_value, explanation, appraised_score, "
                               "appraisal_comment, answer FROM assessment_scores WHERE round_id = ? AND unit_code = ?",
                               {round_id, unit})
                           .rows) {
    out.push_back({r.str("criterion_code"), r.opt_f64("self_score"), r.opt_f64("self_value"), r.str("explanation"),
                   r.opt_f64("appraised_score"), r.str("appraisal_comment"), r.str("answer")});
  }
  return out;
}

std::map<std::string, std::map<std::string, double>> component_values(db::Connection& c, std::int64_t round_id) {
  std::map<std::string, std::map<std::string, double>> out;
  for (const auto& r :
       c.query("SELECT unit_code, component_code, value FROM component_values WHERE round_id = ?", {round_id}).rows) {
    out[r.str("unit_code")][r.str("component_code")] = r.f64("value");
  }
  return out;
}

// ---- Self-assessment -----------------------------------------------------

void save_draft(db::Database& db, std::int64_t round_id, const std::string& unit, const SelfInput& in,
                const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    // A measured value decides the score under a tiers rule.
    auto scores = in.scores;
    std::vector<LineError> errors;
    for (const auto& [code, v] : in.values) {
      const auto* k = leaf(ctx.set, code);
      if (!k || (k->rule != Rule::tiers && k->rule != Rule::indicator)) {
        errors.push_back({0, fmt::format("criterion {} takes no measured value", code),
                          fmt::format("Tiêu chí {} không nhập giá trị đo.", code)});
        continue;
      }
      if (!std::isfinite(v) || v < 0 || v > 1e9) {
        errors.push_back({0, fmt::format("criterion {}: value out of range", code),
                          fmt::format("Tiêu chí {}: giá trị không hợp lệ.", code)});
        continue;
      }
      scores[code] = tier_score(*k, v);
    }
    for (const auto& [code, v] : in.computed) {
      const auto* k = leaf(ctx.set, code);
      if (!k || k->rule != Rule::indicator)
        throw Error(ErrorKind::internal, "computed value for a non-indicator criterion");
      scores[code] = tier_score(*k, v);
    }
    for (const auto& [code, e] : in.explanations) {
      if (!leaf(ctx.set, code)) {
        errors.push_back({0, fmt::format("'{}' is not a scored criterion of the set", code),
                          fmt::format("'{}' không phải tiêu chí được chấm điểm.", code)});
      } else if (text::code_points(e) > 5000) {
        errors.push_back({0, fmt::format("criterion {}: explanation over 5000 characters", code),
                          fmt::format("Tiêu chí {}: giải thích quá 5.000 ký tự.", code)});
      }
    }
    auto more = check_draft(ctx.set, scores);
    errors.insert(errors.end(), more.begin(), more.end());
    if (!errors.empty()) throw rejected(errors);
    std::set<std::string> codes;
    for (const auto& [k, v] : scores) codes.insert(k);
    for (const auto& [k, v] : in.explanations) codes.insert(k);
    json after = json::object();
    for (const auto& code : codes) {
      auto s = scores.find(code);
      std::optional<double> value;
      if (auto v = in.values.find(code); v != in.values.end()) value = v->second;
      if (auto v = in.computed.find(code); v != in.computed.end()) value = v->second;
      auto e = in.explanations.find(code);
      bool exists =
          !c.query("SELECT 1 FROM assessment_scores WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
                   {round_id, unit, code})
               .empty();
      if (!exists) {
        c.query("INSERT INTO assessment_scores (round_id, unit_code, criterion_code, updated_at) VALUES (?, ?, ?, ?)",
                {round_id, unit, code, now});
      }
      if (s != scores.end()) {
        c.query(
            "UPDATE assessment_scores SET self_score = ?, self_value = ?, updated_at = ? "
            "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
            {s->second, value, now, round_id, unit, code});
        after[code]["score"] = s->second;
      }
      if (e != in.explanations.end()) {
        c.query(
            "UPDATE assessment_scores SET explanation = ?, updated_at = ? "
            "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
            {std::string(text::trim(e->second)), now, round_id, unit, code});
        after[code]["explanation"] = e->second;
      }
    }
    touch_participant(c, round_id, unit, now);
    audit::record(c, who, "update", "assessment_drafts", entity_id(ctx.round, unit), std::nullopt, after.dump(), now);
  });
}

void submit(db::Database& db, std::int64_t round_id, const std::string& unit, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    if (!may_submit(now, ctx.level->deadline, ctx.participant.extended_until)) {
      throw conflict("the deadline has passed; ask the coordinator for an extension",
                     "Đã quá hạn gửi bản tự đánh giá. Đề nghị liên hệ cơ quan thường trực để được gia hạn.");
    }
    std::map<std::string, double> scores;
    std::map<std::string, std::string> explanations;
    for (const auto& s : unit_scores(c, round_id, unit)) {
      if (s.self) scores[s.criterion] = *s.self;
      if (!s.explanation.empty()) explanations[s.criterion] = s.explanation;
    }
    auto errors = check_submission(ctx.set, scores, explanations);
    std::set<std::string> with_evidence;
    for (const auto& e : unit_evidence(c, round_id, unit)) with_evidence.insert(e.criteria.begin(), e.criteria.end());
    for (const auto* l : leaves(ctx.set)) {
      if (l->evidence_required && !with_evidence.contains(l->code)) {
        errors.push_back({0, fmt::format("criterion {} requires evidence", l->code),
                          fmt::format("Tiêu chí {} cần có tài liệu kiểm chứng.", l->code)});
      }
    }
    if (!errors.empty()) throw rejected(errors);
    c.query(
        "UPDATE round_units SET state = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ? "
        "WHERE round_id = ? AND unit_code = ?",
        {now, who.actor, now, round_id, unit});
    json after{{"state", "submitted"}, {"submitted_at", format_rfc3339_vn(now)}, {"scores", scores}};
    audit::record(c, who, "submit", "assessment_submissions", entity_id(ctx.round, unit), std::nullopt, after.dump(),
                  now);
  });
}

void extend(db::Database& db, std::int64_t round_id, const std::string& unit, Instant until, const std::string& reason,
            const audit::Entry& who, Instant now) {
  auto len = text::code_points(text::trim(reason));
  if (len == 0 || len > 1000) {
    throw invalid_input("an extension needs a reason of 1-1000 characters",
                        "Cần ghi lý do gia hạn (tối đa 1.000 ký tự).");
  }
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    if (until <= now || until <= ctx.level->deadline) {
      throw invalid_input("an extension must end after now and after the level's deadline",
                          "Hạn gia hạn phải sau thời điểm hiện tại và sau hạn chung của cấp.");
    }
    c.query(
        "UPDATE round_units SET extended_until = ?, extension_reason = ?, updated_at = ? "
        "WHERE round_id = ? AND unit_code = ?",
        {until, std::string(text::trim(reason)), now, round_id, unit});
    json before = ctx.participant.extended_until ? json(format_rfc3339_vn(*ctx.participant.extended_until)) : json();
    audit::record(c, who, "extend", "assessment_deadlines", entity_id(ctx.round, unit),
                  json{{"extended_until", before}}.dump(),
                  json{{"extended_until", format_rfc3339_vn(until)}, {"reason", reason}}.dump(), now);
  });
}

void set_component(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& component,
                   double value, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    auto k = std::find_if(ctx.round.components.begin(), ctx.round.components.end(),
                          [&](const Component& x) { return x.code == component; });
    if (k == ctx.round.components.end()) throw not_found("no such component", "Không có thành phần điểm này.");
    if (!std::isfinite(value) || value < 0 || value > k->max_value) {
      throw invalid_input(fmt::format("value must be 0-{}", k->max_value),
                          fmt::format("Giá trị phải từ 0 đến {}.", text::format_decimal(k->max_value, 2)));
    }
    c.query("DELETE FROM component_values WHERE round_id = ? AND unit_code = ? AND component_code = ?",
            {round_id, unit, component});
    c.query("INSERT INTO component_values (round_id, unit_code, component_code, value) VALUES (?, ?, ?, ?)",
            {round_id, unit, component, value});
    audit::record(c, who, "update", "assessment_components", entity_id(ctx.round, unit) + "/" + component, std::nullopt,
                  json{{"value", value}}.dump(), now);
  });
}

// ---- Evidence ------------------------------------------------------------

std::vector<Evidence> unit_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  std::vector<Evidence> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r :
       c.query("SELECT e.id, e.file_id, e.reference, e.title, e.doc_date, e.href, f.filename, "
               "f.content_type FROM assessment_evidence e LEFT JOIN assessment_files f ON f.id = e.file_id "
               "WHERE e.round_id = ? AND e.unit_code = ? ORDER BY e.id",
               {round_id, unit})
           .rows) {
    Evidence e;
    e.id = r.i64("id");
    e.file_id = r.opt_str("file_id").value_or("");
    e.reference = r.str("reference");
    e.title = r.str("title");
    e.href = r.str("href");
    e.filename = r.opt_str("filename").value_or("");
    e.content_type = r.opt_str("content_type").value_or("");
    if (auto d = r.opt_str("doc_date")) e.doc_date = parse_iso_date(*d);
    index[e.id] = out.size();
    out.push_back(std::move(e));
  }
  for (const auto& r : c.query("SELECT ec.evidence_id, ec.criterion_code FROM evidence_criteria ec "
                               "JOIN assessment_evidence e ON e.id = ec.evidence_id "
                               "WHERE e.round_id = ? AND e.unit_code = ? ORDER BY ec.criterion_code",
                               {round_id, unit})
                           .rows) {
    out[index.at(r.i64("evidence_id"))].criteria.push_back(r.str("criterion_code"));
  }
  return out;
}

Evidence add_file_evidence(db::Database& db, std::int64_t round_id, const std::string& unit,
                           const std::string& filename, const std::string& bytes,
                           const std::vector<std::string>& criteria, const audit::Entry& who, Instant now) {
  auto accepted = filetype::check(filename, bytes, filetype::evidence_kinds(), 10u << 20);
  auto file_id = text::random_hex(16);
  auto id = db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    check_criteria_list(ctx.set, criteria);
    directory::within_files(
        c.query("SELECT COUNT(*) AS n FROM assessment_files WHERE round_id = ? AND unit_code = ?", {round_id, unit})
            .one()
            .i64("n"),
        kMaxEvidenceFiles, "mỗi đơn vị trong một kỳ đánh giá");
    directory::make_room(c, who.actor, bytes.size());
    c.query(
        "INSERT INTO assessment_files (id, round_id, unit_code, filename, content_type, size, sha256, content, "
        "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {file_id, round_id, unit, accepted.name, accepted.content_type, std::int64_t(bytes.size()), sha256_hex(bytes),
         text::base64(bytes), who.actor, now});
    return insert_evidence(c, ctx, unit, file_id, {"", accepted.name, "/danh-gia/tep/" + file_id, std::nullopt},
                           criteria, who, now);
  });
  return db.read([&](db::Connection& c) {
    for (auto& e : unit_evidence(c, round_id, unit)) {
      if (e.id == id) return e;
    }
    throw Error(ErrorKind::internal, "evidence vanished");
  });
}

Evidence add_document_evidence(db::Database& db, std::int64_t round_id, const std::string& unit,
                               const KnownDocument& doc, const std::vector<std::string>& criteria,
                               const audit::Entry& who, Instant now) {
  auto id = db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    check_criteria_list(ctx.set, criteria);
    if (!doc.date) {
      throw invalid_input(
          fmt::format("document {} has no date to place in the evidence window", doc.reference),
          fmt::format("Văn bản {} chưa có ngày ban hành nên không xác định được thời gian minh chứng.", doc.reference));
    }
    if (*doc.date < ctx.round.evidence_from || *doc.date > ctx.round.evidence_to) {
      throw invalid_input(fmt::format("document {} of {} is outside the evidence window {} to {}", doc.reference,
                                      format_iso_date(*doc.date), format_iso_date(ctx.round.evidence_from),
                                      format_iso_date(ctx.round.evidence_to)),
                          fmt::format("Văn bản {} ngày {} nằm ngoài thời gian tính minh chứng ({} - {}).",
                                      doc.reference, format_date_vi(*doc.date), format_date_vi(ctx.round.evidence_from),
                                      format_date_vi(ctx.round.evidence_to)));
    }
    return insert_evidence(c, ctx, unit, "", doc, criteria, who, now);
  });
  return db.read([&](db::Connection& c) {
    for (auto& e : unit_evidence(c, round_id, unit)) {
      if (e.id == id) return e;
    }
    throw Error(ErrorKind::internal, "evidence vanished");
  });
}

void remove_evidence(db::Database& db, std::int64_t round_id, const std::string& unit, std::int64_t evidence_id,
                     const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_draft(ctx);
    auto row = c.query("SELECT file_id, title FROM assessment_evidence WHERE id = ? AND round_id = ? AND unit_code = ?",
                       {evidence_id, round_id, unit});
    if (row.empty()) throw not_found("no such evidence", "Không tìm thấy minh chứng.");
    auto file = row.one().opt_str("file_id");
    c.query("DELETE FROM evidence_criteria WHERE evidence_id = ?", {evidence_id});
    c.query("DELETE FROM assessment_evidence WHERE id = ?", {evidence_id});
    if (file) c.query("DELETE FROM assessment_files WHERE id = ?", {*file});
    audit::record(c, who, "delete", "assessment_evidence",
                  entity_id(ctx.round, unit) + "/" + std::to_string(evidence_id),
                  json{{"title", row.one().str("title")}}.dump(), std::nullopt, now);
    touch_participant(c, round_id, unit, now);
  });
}

std::optional<EvidenceFileBytes> find_file(db::Connection& c, const std::string& file_id) {
  auto rows = c.query("SELECT round_id, unit_code, filename, content_type, content FROM assessment_files WHERE id = ?",
                      {file_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "stored evidence file is not base64");
  return EvidenceFileBytes{r.i64("round_id"), r.str("unit_code"), r.str("filename"), r.str("content_type"), *bytes};
}

// ---- Appraisal -----------------------------------------------------------

void assign_appraiser(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& username,
                      const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    // Usernames are stored lower case, and round_appraisers holds them as
    // stored: another spelling is no user.
    auto user = directory::find_user(c, username);
    if (!user || !user->active || user->username != username) {
      throw not_found(fmt::format("no active user '{}'", username), "Không tìm thấy người dùng.");
    }
    if (std::find(user->roles.begin(), user->roles.end(), "appraiser") == user->roles.end()) {
      throw invalid_input(fmt::format("user '{}' is not an appraiser", username),
                          "Người dùng không có vai trò thành viên tổ thẩm định.");
    }
    if (own_unit(c, unit, user->unit_code)) {
      throw forbidden("nobody appraises their own unit", "Không được phân công thẩm định đơn vị của chính mình.");
    }
    if (!c.query("SELECT 1 FROM round_appraisers WHERE round_id = ? AND unit_code = ? AND username = ?",
                 {round_id, unit, username})
             .empty()) {
      return;
    }
    c.query("INSERT INTO round_appraisers (round_id, unit_code, username) VALUES (?, ?, ?)",
            {round_id, unit, username});
    audit::record(c, who, "assign", "assessment_appraisers", entity_id(ctx.round, unit), std::nullopt,
                  json{{"appraiser", username}}.dump(), now);
  });
}

std::vector<std::string> appraisers(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT username FROM round_appraisers WHERE round_id = ? AND unit_code = ? "
                               "ORDER BY username",
                               {round_id, unit})
                           .rows) {
    out.push_back(r.str("username"));
  }
  return out;
}

std::vector<std::string> appraised_by(db::Connection& c, std::int64_t round_id, const std::string& username) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT unit_code FROM round_appraisers WHERE round_id = ? AND username = ? "
                               "ORDER BY unit_code",
                               {round_id, username})
                           .rows) {
    out.push_back(r.str("unit_code"));
  }
  return out;
}

void save_appraisal(db::Database& db, std::int64_t round_id, const std::string& unit,
                    const std::map<std::string, double>& scores, const std::map<std::string, std::string>& comments,
                    const std::string& appraiser_unit, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    require_appraiser(c, ctx, unit, who, appraiser_unit);
    if (ctx.participant.appraisal == "final") {
      throw conflict("the appraisal is final", "Kết quả thẩm định đã chốt, không thể sửa.");
    }
    if (ctx.participant.appraisal == "awaiting_answer") {
      throw conflict("the unit is answering the appraisal", "Đơn vị đang giải trình; chưa thể sửa kết quả thẩm định.");
    }
    if (auto errors = check_appraisal(ctx.set, scores, comments); !errors.empty()) throw rejected(errors);
    json before = json::object(), after = json::object();
    std::map<std::string, Score> old;
    for (auto& s : unit_scores(c, round_id, unit)) old[s.criterion] = s;
    auto ensure = [&](const std::string& code) {
      if (!old.contains(code)) {
        c.query("INSERT INTO assessment_scores (round_id, unit_code, criterion_code, updated_at) VALUES (?, ?, ?, ?)",
                {round_id, unit, code, now});
        old[code] = Score{code, {}, {}, {}, {}, {}, {}};
      }
    };
    for (const auto& [code, v] : scores) {
      ensure(code);
      if (old[code].appraised) before[code]["score"] = *old[code].appraised;
      c.query(
          "UPDATE assessment_scores SET appraised_score = ?, updated_at = ? "
          "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
          {v, now, round_id, unit, code});
      after[code]["score"] = v;
    }
    for (const auto& [code, t] : comments) {
      ensure(code);
      before[code]["comment"] = old[code].comment;
      c.query(
          "UPDATE assessment_scores SET appraisal_comment = ?, updated_at = ? "
          "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
          {std::string(text::trim(t)), now, round_id, unit, code});
      after[code]["comment"] = t;
    }
    if (ctx.participant.appraisal == "none") {
      c.query("UPDATE round_units SET appraisal = 'appraising' WHERE round_id = ? AND unit_code = ?", {round_id, unit});
    }
    touch_participant(c, round_id, unit, now);
    audit::record(c, who, "appraise", "assessment_appraisals", entity_id(ctx.round, unit), before.dump(), after.dump(),
                  now);
  });
}

void send_for_answer(db::Database& db, std::int64_t round_id, const std::string& unit,
                     const std::string& appraiser_unit, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    require_appraiser(c, ctx, unit, who, appraiser_unit);
    if (ctx.participant.appraisal != "appraising") {
      throw conflict("only an appraisal under way can be sent for the unit's answer",
                     "Chỉ gửi đơn vị giải trình khi đang thẩm định và chưa gửi lần nào.");
    }
    const auto& cal = WorkCalendar::vietnam();
    Date due_day = cal.add_working_days(local_date(now), ctx.round.answer_days);
    Instant due = start_of_day(due_day) + std::chrono::hours(24) - std::chrono::seconds(1);
    c.query(
        "UPDATE round_units SET appraisal = 'awaiting_answer', answer_due = ?, updated_at = ? "
        "WHERE round_id = ? AND unit_code = ?",
        {due, now, round_id, unit});
    audit::record(c, who, "send_for_answer", "assessment_appraisals", entity_id(ctx.round, unit), std::nullopt,
                  json{{"answer_due", format_rfc3339_vn(due)}}.dump(), now);
  });
}

void answer(db::Database& db, std::int64_t round_id, const std::string& unit,
            const std::map<std::string, std::string>& answers, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    if (ctx.participant.appraisal != "awaiting_answer") {
      throw conflict("the unit may answer once, when the appraisal is sent to it",
                     "Đơn vị chỉ giải trình một lần, khi tổ thẩm định gửi kết quả.");
    }
    if (ctx.participant.answer_due && now > *ctx.participant.answer_due) {
      throw conflict("the time to answer has passed", "Đã hết thời hạn giải trình.");
    }
    std::vector<LineError> errors;
    std::map<std::string, std::string> given;
    for (const auto& [code, t] : answers) {
      auto trimmed = std::string(text::trim(t));
      if (trimmed.empty()) continue;
      if (!leaf(ctx.set, code)) {
        errors.push_back({0, fmt::format("'{}' is not a scored criterion", code),
                          fmt::format("'{}' không phải tiêu chí được chấm điểm.", code)});
      } else if (text::code_points(trimmed) > 5000) {
        errors.push_back({0, fmt::format("criterion {}: answer over 5000 characters", code),
                          fmt::format("Tiêu chí {}: nội dung giải trình quá 5.000 ký tự.", code)});
      }
      given[code] = trimmed;
    }
    if (given.empty())
      errors.push_back({0, "an answer needs text on at least one criterion", "Cần nhập nội dung giải trình."});
    if (!errors.empty()) throw rejected(errors);
    for (const auto& [code, t] : given) {
      if (c.query("SELECT 1 FROM assessment_scores WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
                  {round_id, unit, code})
              .empty()) {
        c.query("INSERT INTO assessment_scores (round_id, unit_code, criterion_code, updated_at) VALUES (?, ?, ?, ?)",
                {round_id, unit, code, now});
      }
      c.query(
          "UPDATE assessment_scores SET answer = ?, updated_at = ? WHERE round_id = ? AND unit_code = ? "
          "AND criterion_code = ?",
          {t, now, round_id, unit, code});
    }
    c.query("UPDATE round_units SET appraisal = 'answered', updated_at = ? WHERE round_id = ? AND unit_code = ?",
            {now, round_id, unit});
    audit::record(c, who, "answer", "assessment_appraisals", entity_id(ctx.round, unit), std::nullopt,
                  json(given).dump(), now);
  });
}

void finalise(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& appraiser_unit,
              const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    auto ctx = context(c, round_id, unit);
    require_open(ctx.round);
    require_appraiser(c, ctx, unit, who, appraiser_unit);
    const auto& p = ctx.participant;
    // The unit's right to answer matters where the appraisal took points
    // off; an appraisal that lowered nothing may be finalised at once.
    bool lowered = false;
    for (const auto& s : unit_scores(c, round_id, unit)) {
      if (s.appraised && s.self && *s.appraised < *s.self - 1e-9) lowered = true;
    }
    bool may = p.appraisal == "answered" || (p.appraisal == "awaiting_answer" && p.answer_due && now > *p.answer_due) ||
               ((p.appraisal == "appraising" || p.appraisal == "none") && !lowered);
    if (!may) {
      throw conflict("finalise after the unit answered or its time to answer passed",
                     "Chỉ chốt kết quả sau khi đơn vị giải trình hoặc hết thời hạn giải trình.");
    }
    c.query("UPDATE round_units SET appraisal = 'final', updated_at = ? WHERE round_id = ? AND unit_code = ?",
            {now, round_id, unit});
    audit::record(c, who, "finalise", "assessment_appraisals", entity_id(ctx.round, unit),
                  json{{"appraisal", p.appraisal}}.dump(), json{{"appraisal", "final"}}.dump(), now);
  });
}

// ---- Ranking and publication ---------------------------------------------

std::vector<LevelRanking> ranking(db::Connection& c, const Round& round) {
  std::vector<LevelRanking> out;
  auto all = participants(c, round.id);
  auto components = component_values(c, round.id);
  std::map<std::string, std::vector<Score>> scores;
  for (const auto& r : c.query("SELECT unit_code, criterion_code, self_score, self_value, appraised_score "
                               "FROM assessment_scores WHERE round_id = ?",
                               {round.id})
                           .rows) {
    scores[r.str("unit_code")].push_back({r.str("criterion_code"), r.opt_f64("self_score"), r.opt_f64("self_value"), "",
                                          r.opt_f64("appraised_score"), "", ""});
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

void publish(db::Database& db, std::int64_t round_id, const std::string& decision, const audit::Entry& who,
             Instant now) {
  if (text::code_points(decision) > 100)
    throw invalid_input("decision number over 100 characters", "Số quyết định quá dài.");
  db.write([&](db::Connection& c) {
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
    audit::record(c, who, "publish", "assessment_rounds", round->code, json{{"status", "open"}}.dump(), after.dump(),
                  now);
  });
}

}  // namespace cchc::assessments
