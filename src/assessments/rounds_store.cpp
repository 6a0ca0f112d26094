// Rounds' SQL: creating one, reading rounds, participants and scores (store.h).
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "assessments/json.h"
#include "assessments/store.h"
#include "assessments/store_support.h"
#include "core/text.h"
#include "db/columns.h"
#include "db/stamps.h"
#include "directory/read.h"

namespace cchc::assessments {

namespace {

bool round_code_ok(std::string_view s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '_' ||
           ch == '.';
  });
}

// A round's own columns; its levels and components are read apart
// (round_with_parts).
const db::Columns<Round> kRoundRow{
    {"id", &Round::id},
    {"code", &Round::code},
    {"name", &Round::name},
    {"year", &Round::year},
    {"evidence_from", &Round::evidence_from},
    {"evidence_to", &Round::evidence_to},
    {"previous_code", &Round::previous},
    {"answer_days", &Round::answer_days},
    {"bands", &Round::bands, [](const std::string& s) { return bands_from_json(nlohmann::json::parse(s)); }},
    {"status", &Round::status},
    {"published_at", &Round::published_at},
    {"published_by", &Round::published_by},
    {"decision", &Round::decision},
};

const db::Columns<Participant> kParticipantRow{
    {"unit_code", &Participant::unit},
    {"level_code", &Participant::level},
    {"extended_until", &Participant::extended_until},
    {"extension_reason", &Participant::extension_reason},
    {"state", &Participant::state},
    {"submitted_at", &Participant::submitted_at},
    {"submitted_by", &Participant::submitted_by},
    {"appraisal", &Participant::appraisal},
    {"answer_due", &Participant::answer_due},
};

const db::Columns<Score> kScoreRow{
    {"criterion_code", &Score::criterion},
    {"self_score", &Score::self},
    {"self_value", &Score::value},
    {"explanation", &Score::explanation},
    {"appraised_score", &Score::appraised},
    {"appraisal_comment", &Score::comment},
    {"answer", &Score::answer},
};

const db::Columns<RoundLevel> kRoundLevelRow{
    {"level_code", &RoundLevel::level},
    {"set_id", &RoundLevel::set_id},
    {"deadline", &RoundLevel::deadline},
};

const db::Columns<Component> kComponentRow{
    {"code", &Component::code},
    {"name", &Component::name},
    {"weight", &Component::weight},
    {"max_value", &Component::max_value},
};

// A round with its levels (the directory's levels only, in their rank
// order) and its components (in their order).
Round round_with_parts(db::Connection& c, const db::Row& r) {
  Round x = kRoundRow.read(r);
  std::map<std::string, int> rank;
  for (const auto& l : directory::load_levels(c)) rank[l.code] = l.rank;
  for (auto& l : kRoundLevelRow.read_all(
           c.query(fmt::format("SELECT {} FROM round_levels WHERE round_id = ?", kRoundLevelRow.list()), {x.id}))) {
    if (rank.contains(l.level)) x.levels.push_back(std::move(l));
  }
  std::stable_sort(x.levels.begin(), x.levels.end(),
                   [&](const auto& a, const auto& b) { return rank.at(a.level) < rank.at(b.level); });
  x.components = kComponentRow.read_all(c.query(
      fmt::format("SELECT {} FROM round_components WHERE round_id = ? ORDER BY ord", kComponentRow.list()), {x.id}));
  return x;
}

std::optional<Round> first_round(db::Connection& c, const db::Result& rows) {
  if (rows.empty()) return std::nullopt;
  return round_with_parts(c, rows.one());
}

// The problems of a new round, each participant's level when there are none.
std::vector<LineError> check_new_round(db::Connection& c, const NewRound& nr,
                                       std::map<std::string, std::string>& unit_levels) {
  const auto& r = nr.round;
  std::vector<LineError> errors;
  auto bad = [&](std::string en, std::string vi) { errors.push_back({0, std::move(en), std::move(vi)}); };
  if (!round_code_ok(r.code))
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
    if (!round_code_ok(k.code) || !seen_components.insert(k.code).second || k.name.empty() || !(k.weight > 0) ||
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
  return errors;
}

}  // namespace

Round create_round(db::Connection& c, const NewRound& nr, const audit::Entry& who, Instant now) {
  const auto& r = nr.round;
  std::map<std::string, std::string> unit_levels;
  if (auto errors = check_new_round(c, nr, unit_levels); !errors.empty()) throw rejected(errors);
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
  db::touch(c, "assessments");
  audit::record(c, who, "create", "assessment_rounds", r.code, std::nullopt, after.dump(), now);
  return stored;
}

std::optional<Round> find_round(db::Connection& c, const std::string& code) {
  return first_round(c,
                     c.query(fmt::format("SELECT {} FROM assessment_rounds WHERE code = ?", kRoundRow.list()), {code}));
}

std::optional<Round> find_round(db::Connection& c, std::int64_t id) {
  return first_round(c, c.query(fmt::format("SELECT {} FROM assessment_rounds WHERE id = ?", kRoundRow.list()), {id}));
}

std::vector<Round> list_rounds(db::Connection& c) {
  std::vector<Round> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM assessment_rounds ORDER BY year DESC, code", kRoundRow.list())).rows) {
    out.push_back(round_with_parts(c, r));
  }
  return out;
}

std::vector<Participant> participants(db::Connection& c, std::int64_t round_id) {
  return kParticipantRow.read_all(
      c.query(fmt::format("SELECT {} FROM round_units WHERE round_id = ? ORDER BY unit_code", kParticipantRow.list()),
              {round_id}));
}

std::optional<Participant> find_participant(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  auto rows =
      c.query(fmt::format("SELECT {} FROM round_units WHERE round_id = ? AND unit_code = ?", kParticipantRow.list()),
              {round_id, unit});
  if (rows.empty()) return std::nullopt;
  return kParticipantRow.read(rows.one());
}

std::vector<Score> unit_scores(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  return kScoreRow.read_all(
      c.query(fmt::format("SELECT {} FROM assessment_scores WHERE round_id = ? AND unit_code = ?", kScoreRow.list()),
              {round_id, unit}));
}

std::map<std::string, std::map<std::string, double>> component_values(db::Connection& c, std::int64_t round_id) {
  std::map<std::string, std::map<std::string, double>> out;
  for (const auto& r :
       c.query("SELECT unit_code, component_code, value FROM component_values WHERE round_id = ?", {round_id}).rows) {
    out[r.str("unit_code")][r.str("component_code")] = r.f64("value");
  }
  return out;
}

}  // namespace cchc::assessments
