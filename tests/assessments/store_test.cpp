// Assessments' storage on both backends: a round loaded from its file and
// ranked; a bad file rejected whole with nothing written; the round's
// workflow from draft to publication with its deadlines, extensions,
// evidence and appraisal rules; every write of a ranking stamped.
#include "assessments/store.h"

#include <gtest/gtest.h>

#include "assessments/json.h"
#include "assessments/load.h"
#include "db/migrate.h"
#include "db/stamps.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "support/sample_files.h"
#include "support/test_db.h"

namespace cchc::assessments {
namespace {

using namespace std::chrono;
using nlohmann::json;

class AssessmentStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, AssessmentStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
    "STP,Sở Tư pháp,department,P,2004-01-01,,\n"
    "STC,Sở Tài chính,department,P,2004-01-01,,\n"
    "SCT,Sở Công Thương,department,P,2004-01-01,,\n"
    "H1,UBND huyện Một,district,P,2004-01-01,,\n"
    "X1,UBND xã Một,commune,H1,2004-01-01,,\n"
    "X2,UBND xã Hai,commune,H1,2004-01-01,,\n";

// Department set: 1.1 (0-2), 1.2 (0-3), 2 (penalty 0 to −2); commune set: 1 (0-10).
json round_file() {
  return json::parse(R"({
    "round": {"code": "CQDT-2019", "name": "Đánh giá chính quyền điện tử 2019",
              "evidence_from": "2018-11-01", "evidence_to": "2019-10-31"},
    "criteria_sets": [
      {"code": "CQDT-SO", "level": "department", "criteria": [
        {"code": "1", "name": "Hạ tầng"},
        {"code": "1.1", "parent": "1", "name": "Máy tính", "max": 2, "min": 0},
        {"code": "1.2", "parent": "1", "name": "Mạng", "max": 3},
        {"code": "2", "name": "Vi phạm", "max": 0, "min": -2}]},
      {"code": "CQDT-XA", "level": "commune", "criteria": [{"code": "1", "name": "Ứng dụng", "max": 10}]}],
    "deadlines": {"department": "2019-10-18T23:59:59+07:00", "commune": "2019-10-25T23:59:59+07:00"},
    "participants": ["SNV", "STP", "STC", "SCT", "X1", "X2"],
    "submissions": [
      {"unit": "SNV", "submitted_at": "2019-10-18T23:59:59+07:00", "scores": {"1.1": 2, "1.2": 3, "2": 0}},
      {"unit": "STP", "submitted_at": "2019-10-19T00:00:00+07:00", "scores": {"1.1": 2, "1.2": 3, "2": 0}},
      {"unit": "STC", "submitted_at": "2019-10-10T10:00:00+07:00", "scores": {"1.1": 1.5, "1.2": 3, "2": -0.5},
       "explanations": {"1.1": "Thiếu máy", "2": "Một vi phạm"}},
      {"unit": "X1", "submitted_at": "2019-10-20T10:00:00+07:00", "scores": {"1": 7}, "explanations": {"1": "Chưa đủ"}}],
    "appraisals": [{"unit": "SNV", "scores": {"1.2": 1}, "comments": {"1.2": "Chưa đủ minh chứng"}}]})");
}

void seed_units(db::Database& db) {
  db::migrate(db);
  ASSERT_TRUE(directory::import_units(db, kUnits, kWho, Instant{}).ok());
}

std::vector<std::tuple<std::string, std::optional<double>, int, bool>> level_rows(const std::vector<LevelRanking>& r,
                                                                                  const std::string& level) {
  std::vector<std::tuple<std::string, std::optional<double>, int, bool>> out;
  for (const auto& lr : r) {
    if (lr.level != level) continue;
    for (const auto& s : lr.standings) out.emplace_back(s.unit, s.total, s.rank, s.late);
  }
  return out;
}

TEST_P(AssessmentStore, LoadsARoundAndRanksIt) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto loaded = load_round(*t->db, round_file_from_json(round_file()), {}, kWho, now_seconds());
  EXPECT_EQ(loaded.participants, 6);
  EXPECT_EQ(loaded.submissions, 4);
  EXPECT_EQ(loaded.late, 3);  // STP one second late, SCT and X2 never submitted
  auto ranking = t->db->read([&](db::Connection& c) { return assessments::ranking(c, loaded.round); });
  using Row = std::tuple<std::string, std::optional<double>, int, bool>;
  // SNV: 2 + 1 (appraised) + 0 = 3; STC: 1.5 + 3 − 0.5 = 4.
  EXPECT_EQ(
      level_rows(ranking, "department"),
      (std::vector<Row>{
          {"STC", 4, 1, false}, {"SNV", 3, 2, false}, {"SCT", std::nullopt, 3, true}, {"STP", std::nullopt, 3, true}}));
  EXPECT_EQ(level_rows(ranking, "commune"), (std::vector<Row>{{"X1", 7, 1, false}, {"X2", std::nullopt, 2, true}}));
  // Loading the same round twice is a conflict; its sets are not stored again.
  EXPECT_THROW(load_round(*t->db, round_file_from_json(round_file()), {}, kWho, now_seconds()), Error);
  auto sets = t->db->read([](db::Connection& c) { return list_sets(c); });
  EXPECT_EQ(sets.size(), 2u);
}

TEST_P(AssessmentStore, ABadFileIsRejectedWhole) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  struct Case {
    const char* what;
    std::function<void(json&)> change;
  } cases[] = {
      {"score above max", [](json& f) { f["submissions"][0]["scores"]["1.1"] = 3; }},
      {"below max unexplained", [](json& f) { f["submissions"][2]["explanations"].erase("1.1"); }},
      {"a leaf unscored", [](json& f) { f["submissions"][0]["scores"].erase("1.2"); }},
      {"penalty above zero", [](json& f) { f["submissions"][0]["scores"]["2"] = 1; }},
      {"unknown participant", [](json& f) { f["participants"].push_back("NOPE"); }},
      {"district without a set", [](json& f) { f["participants"].push_back("H1"); }},
      {"appraisal out of range", [](json& f) { f["appraisals"][0]["scores"]["1.2"] = 4; }},
      {"appraisal of a unit without submission",
       [](json& f) {
         f["appraisals"].push_back({{"unit", "SCT"}});
       }},
      {"level without a deadline", [](json& f) { f["deadlines"].erase("commune"); }},
      {"set with a bad tree", [](json& f) { f["criteria_sets"][0]["criteria"][1]["parent"] = "9"; }},
      {"deadline without offset", [](json& f) { f["deadlines"]["department"] = "2019-10-18T23:59:59"; }},
      {"score as text", [](json& f) { f["submissions"][0]["scores"]["1.1"] = "2"; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto f = round_file();
    c.change(f);
    EXPECT_THROW(load_round(*t->db, round_file_from_json(f), {}, kWho, now_seconds()), Error);
  }
  // Nothing of any attempt was written.
  t->db->read([](db::Connection& c) {
    for (const char* table : {"criteria_sets", "criteria", "assessment_rounds", "round_units", "assessment_scores"}) {
      EXPECT_EQ(c.query(std::string("SELECT COUNT(*) AS n FROM ") + table).one().i64("n"), 0) << table;
    }
  });
}

// An open round: departments due in a week from `now`, communes in two.
Round open_round(db::Database& db, Instant now, bool evidence_required = false,
                 std::vector<Component> components = {}) {
  auto f = round_file_from_json(round_file());
  auto dept = f.sets[0];
  dept.criteria[1].evidence_required = evidence_required;
  auto dept_id = db.write([&](db::Connection& c) { return store_set(c, dept, {}, kWho, now); });
  auto commune_id = db.write([&](db::Connection& c) { return store_set(c, f.sets[1], {}, kWho, now); });
  NewRound nr;
  nr.round.code = "CQDT-2026";
  nr.round.name = "Đánh giá 2026";
  nr.round.year = 2026;
  nr.round.evidence_from = parse_iso_date("2025-11-01");
  nr.round.evidence_to = parse_iso_date("2026-10-31");
  nr.round.levels = {{"department", dept_id, now + days{7}}, {"commune", commune_id, now + days{14}}};
  nr.round.components = std::move(components);
  nr.participants = {"SNV", "STP", "STC", "X1"};
  return db.write([&](db::Connection& c) { return create_round(c, nr, kWho, now); });
}

// Every write that can change a round's ranking gives the "assessments"
// data stamp a fresh value in its transaction (the public rankings' cached
// pages are kept under it); a refused one leaves it.
TEST_P(AssessmentStore, EveryWriteOfARankingGivesAFreshStamp) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto& db = *t->db;
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");  // a Monday
  directory::add_user(db, {"tdv.stp", "tdv.stp", "STP", {"appraiser"}, "Thẩm-định-2026-an-toàn"}, kWho, now);
  const audit::Entry stp{"tdv.stp", "127.0.0.1", "", "", "", {}, {}};
  auto stamp = [&] { return db.read([](db::Connection& c) { return db::stamp(c, "assessments"); }); };
  Round round;
  auto write = [&](auto step) { db.write([&](db::Connection& c) { step(c); }); };
  struct Step {
    const char* what;
    std::function<void()> run;
  };
  const Step steps[] = {
      {"create a round",
       [&] {
         round = open_round(db, now, false, {{"KS", "Khảo sát", 1, 10}});
       }},
      {"save a draft",
       [&] {
         save_draft(db, round.id, "SNV", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
       }},
      {"submit", [&] { submit(db, round.id, "SNV", kWho, now); }},
      {"extend a deadline",
       [&] { write([&](db::Connection& c) { extend(c, round.id, "STP", now + days{10}, "Lý do", kWho, now); }); }},
      {"set a component", [&] { set_component(db, round.id, "SNV", "KS", 7, kWho, now); }},
      {"appraise",
       [&] {
         assign_appraiser(db, round.id, "SNV", "tdv.stp", kWho, now);
         save_appraisal(db, round.id, "SNV", {{"1.2", 2}}, {{"1.2", "Thiếu biên bản"}}, "STP", stp, now);
       }},
      {"send for the unit's answer",
       [&] { write([&](db::Connection& c) { send_for_answer(c, round.id, "SNV", "STP", stp, now); }); }},
      {"answer",
       [&] { write([&](db::Connection& c) {
               answer(c, round.id, "SNV", {{"1.2", "Đã bổ sung"}}, kWho, now);
             }); }},
      {"finalise", [&] { write([&](db::Connection& c) { finalise(c, round.id, "SNV", "STP", stp, now); }); }},
      {"publish", [&] { write([&](db::Connection& c) { publish(c, round.id, "", kWho, now + days{30}); }); }},
  };
  for (const auto& s : steps) {
    SCOPED_TRACE(s.what);
    auto before = stamp();
    s.run();
    EXPECT_NE(stamp(), before);
  }
  auto before = stamp();
  EXPECT_THROW(write([&](db::Connection& c) { publish(c, round.id, "", kWho, now); }), Error);  // published already
  EXPECT_THROW(set_component(db, round.id, "SNV", "KS", 8, kWho, now), Error);
  EXPECT_EQ(stamp(), before);
}

TEST_P(AssessmentStore, SelfAssessmentDeadlinesAndExtensions) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");
  auto round = open_round(*t->db, now);
  auto& db = *t->db;

  save_draft(db, round.id, "SNV", {{{"1.1", 1}, {"1.2", 3}}, {}, {}}, kWho, now);
  EXPECT_THROW(save_draft(db, round.id, "SNV", {{{"1.1", 7}}, {}, {}}, kWho, now), Error);  // out of range
  // Incomplete: 2 unscored, 1.1 below max unexplained.
  try {
    submit(db, round.id, "SNV", kWho, now);
    ADD_FAILURE() << "an incomplete self-assessment was submitted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_NE(std::string(e.what()).find("criterion 2 has no score"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("1.1"), std::string::npos);
  }
  save_draft(db, round.id, "SNV", {{{"2", 0}}, {}, {{"1.1", "Còn thiếu 3 máy trạm"}}}, kWho, now);
  submit(db, round.id, "SNV", kWho, now);
  auto p = db.read([&](db::Connection& c) { return find_participant(c, round.id, "SNV"); });
  EXPECT_EQ(p->state, "submitted");
  // Locked once submitted.
  EXPECT_THROW(save_draft(db, round.id, "SNV", {{{"1.1", 2}}, {}, {}}, kWho, now), Error);
  EXPECT_THROW(submit(db, round.id, "SNV", kWho, now), Error);

  // STP misses the deadline by one second; an extension lets it in.
  Instant deadline = now + days{7};
  save_draft(db, round.id, "STP", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
  EXPECT_THROW(submit(db, round.id, "STP", kWho, deadline + seconds{1}), Error);
  auto extend_stp = [&](const std::string& reason) {
    db.write([&](db::Connection& c) {
      extend(c, round.id, "STP", deadline + days{3}, reason, kWho, deadline + seconds{1});
    });
  };
  EXPECT_THROW(extend_stp(""), Error);  // no reason
  extend_stp("Mất điện diện rộng ngày 12/10");
  submit(db, round.id, "STP", kWho, deadline + days{3});  // the extension's own second
  // STC, at its deadline's own second, is on time.
  save_draft(db, round.id, "STC", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
  submit(db, round.id, "STC", kWho, deadline);
  auto ranking = db.read([&](db::Connection& c) { return assessments::ranking(c, *find_round(c, round.id)); });
  using Row = std::tuple<std::string, std::optional<double>, int, bool>;
  EXPECT_EQ(level_rows(ranking, "department"),
            (std::vector<Row>{{"STC", 5, 1, false}, {"STP", 5, 1, false}, {"SNV", 4, 3, false}}));
  EXPECT_EQ(level_rows(ranking, "commune"), (std::vector<Row>{{"X1", std::nullopt, 1, true}}));
  // Every step is in the audit log.
  auto entries = db.read([](db::Connection& c) {
    return c.query("SELECT action FROM audit_log WHERE entity LIKE 'assessment%' ORDER BY seq").rows.size();
  });
  EXPECT_GE(entries, 8u);
}

TEST_P(AssessmentStore, EvidenceFilesAndDocuments) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");
  auto round = open_round(*t->db, now, /*evidence_required=*/true);
  auto& db = *t->db;
  save_draft(db, round.id, "SNV", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
  // 1.1 requires evidence.
  EXPECT_THROW(submit(db, round.id, "SNV", kWho, now), Error);
  auto add_file = [&](const std::string& name, const std::string& bytes, const std::vector<std::string>& criteria) {
    return db.write(
        [&](db::Connection& c) { return add_file_evidence(c, round.id, "SNV", name, bytes, criteria, kWho, now); });
  };
  // A ".pdf" holding HTML is refused, and nothing is stored.
  EXPECT_THROW(add_file("bao-cao.pdf", testing::sample_html(), {"1.1"}), Error);
  // A document outside the evidence window is refused.
  EXPECT_THROW(add_document_evidence(db, round.id, "SNV",
                                     {"12/KH-UBND", "Kế hoạch", "/ke-hoach/1", parse_iso_date("2025-10-31")}, {"1.1"},
                                     kWho, now),
               Error);
  EXPECT_THROW(add_file("bao-cao.pdf", testing::sample_pdf(), {"9.9"}), Error);
  auto file = add_file("Báo cáo hạ tầng.pdf", testing::sample_pdf(), {"1.1", "1.2"});
  EXPECT_EQ(file.file_id.size(), 32u);
  EXPECT_EQ(file.criteria, (std::vector<std::string>{"1.1", "1.2"}));
  auto doc = add_document_evidence(db, round.id, "SNV",
                                   {"12/KH-UBND", "Kế hoạch CCHC", "/ke-hoach/1", parse_iso_date("2025-11-01")},
                                   {"1.2"}, kWho, now);
  auto stored = db.read([&](db::Connection& c) { return find_file(c, file.file_id); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->content, testing::sample_pdf());
  EXPECT_EQ(stored->content_type, "application/pdf");
  EXPECT_EQ(stored->filename, "bao-cao-ha-tang.pdf");
  submit(db, round.id, "SNV", kWho, now);
  EXPECT_THROW(db.write([&](db::Connection& c) { remove_evidence(c, round.id, "SNV", doc.id, kWho, now); }),
               Error);  // locked
  auto all = db.read([&](db::Connection& c) { return unit_evidence(c, round.id, "SNV"); });
  EXPECT_EQ(all.size(), 2u);
}

TEST_P(AssessmentStore, AppraisalAnswerFinalisePublish) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto& db = *t->db;
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");  // a Monday
  auto round = open_round(db, now);
  auto make = [&](const char* name, const char* unit) {
    directory::add_user(db, {name, name, unit, {"appraiser"}, "Thẩm-định-2026-an-toàn"}, kWho, now);
  };
  make("tdv.snv", "SNV");
  make("tdv.stp", "STP");
  save_draft(db, round.id, "SNV", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
  submit(db, round.id, "SNV", kWho, now);

  // Nobody appraises their own unit: not even the coordinator can assign it.
  EXPECT_THROW(assign_appraiser(db, round.id, "SNV", "tdv.snv", kWho, now), Error);
  assign_appraiser(db, round.id, "SNV", "tdv.stp", kWho, now);
  audit::Entry stp{"tdv.stp", "127.0.0.1", "", "", "", {}, {}};
  audit::Entry snv{"tdv.snv", "127.0.0.1", "", "", "", {}, {}};
  try {
    save_appraisal(db, round.id, "SNV", {{"1.2", 2}}, {}, "SNV", snv, now);
    ADD_FAILURE() << "an unassigned appraiser of the unit itself appraised it";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::forbidden);
  }
  EXPECT_THROW(save_appraisal(db, round.id, "SNV", {{"1.2", 5}}, {}, "STP", stp, now), Error);  // out of range
  save_appraisal(db, round.id, "SNV", {{"1.2", 2}}, {{"1.2", "Thiếu biên bản nghiệm thu"}}, "STP", stp, now);
  auto snv_answers = [&](const std::map<std::string, std::string>& answers, Instant at) {
    db.write([&](db::Connection& c) { answer(c, round.id, "SNV", answers, kWho, at); });
  };
  auto stp_finalises = [&](Instant at) {
    db.write([&](db::Connection& c) { finalise(c, round.id, "SNV", "STP", stp, at); });
  };
  // Not sent yet: the unit cannot answer, the appraiser cannot finalise.
  EXPECT_THROW(snv_answers({{"1.2", "x"}}, now), Error);
  EXPECT_THROW(stp_finalises(now), Error);
  db.write([&](db::Connection& c) { send_for_answer(c, round.id, "SNV", "STP", stp, now); });
  auto p = db.read([&](db::Connection& c) { return find_participant(c, round.id, "SNV"); });
  EXPECT_EQ(p->appraisal, "awaiting_answer");
  // 5 working days after Monday 05/10/2026 is Monday 12/10/2026, to its end.
  EXPECT_EQ(format_rfc3339_vn(*p->answer_due), "2026-10-12T23:59:59+07:00");
  // Publication waits for every appraisal to be final.
  EXPECT_THROW(db.write([&](db::Connection& c) { publish(c, round.id, "", kWho, now); }), Error);
  EXPECT_THROW(snv_answers({{"1.2", ""}}, now), Error);  // empty answer
  snv_answers({{"1.2", "Biên bản đã bổ sung, xem minh chứng"}}, now + hours{2});
  EXPECT_THROW(snv_answers({{"1.2", "Lần hai"}}, now + hours{3}), Error);  // once only
  stp_finalises(now + hours{4});
  EXPECT_THROW(save_appraisal(db, round.id, "SNV", {{"1.2", 3}}, {}, "STP", stp, now + hours{5}), Error);  // final
  db.write([&](db::Connection& c) { publish(c, round.id, "1234/QĐ-UBND", kWho, now + days{30}); });
  auto published = db.read([&](db::Connection& c) { return *find_round(c, round.id); });
  EXPECT_EQ(published.status, "published");
  EXPECT_EQ(published.decision, "1234/QĐ-UBND");
  auto ranking = db.read([&](db::Connection& c) { return assessments::ranking(c, published); });
  using Row = std::tuple<std::string, std::optional<double>, int, bool>;
  EXPECT_EQ(level_rows(ranking, "department"),
            (std::vector<Row>{{"SNV", 4, 1, false}, {"STC", std::nullopt, 2, true}, {"STP", std::nullopt, 2, true}}));
  // Published rounds do not change.
  EXPECT_THROW(save_draft(db, round.id, "STP", {{{"1.1", 2}}, {}, {}}, kWho, now), Error);
  EXPECT_THROW(db.write([&](db::Connection& c) { publish(c, round.id, "", kWho, now); }), Error);
}

TEST_P(AssessmentStore, AnswerWindowPassesThenFinalise) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto& db = *t->db;
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");
  auto round = open_round(db, now);
  directory::add_user(db, {"tdv.stp", "tdv", "STP", {"appraiser"}, "Thẩm-định-2026-an-toàn"}, kWho, now);
  save_draft(db, round.id, "SNV", {{{"1.1", 2}, {"1.2", 3}, {"2", 0}}, {}, {}}, kWho, now);
  submit(db, round.id, "SNV", kWho, now);
  assign_appraiser(db, round.id, "SNV", "tdv.stp", kWho, now);
  audit::Entry stp{"tdv.stp", "127.0.0.1", "", "", "", {}, {}};
  save_appraisal(db, round.id, "SNV", {{"1.1", 1}}, {}, "STP", stp, now);
  db.write([&](db::Connection& c) { send_for_answer(c, round.id, "SNV", "STP", stp, now); });
  auto due = parse_rfc3339("2026-10-12T23:59:59+07:00");
  auto stp_finalises = [&](Instant at) {
    db.write([&](db::Connection& c) { finalise(c, round.id, "SNV", "STP", stp, at); });
  };
  EXPECT_THROW(stp_finalises(due), Error);  // the unit still has until the end of the day
  auto snv_answers = [&](const std::map<std::string, std::string>& answers, Instant at) {
    db.write([&](db::Connection& c) { answer(c, round.id, "SNV", answers, kWho, at); });
  };
  EXPECT_THROW(snv_answers({{"1.1", "Muộn"}}, due + seconds{1}), Error);
  stp_finalises(due + seconds{1});
}

}  // namespace
}  // namespace cchc::assessments

namespace cchc::assessments {
namespace {

TEST_P(AssessmentStore, AnAppraisalThatLowersNothingIsFinalisedAtOnce) {
  CCHC_TEST_DB(t, GetParam());
  seed_units(*t->db);
  auto& db = *t->db;
  auto now = parse_rfc3339("2026-10-05T09:00:00+07:00");
  auto round = open_round(db, now);
  directory::add_user(db, {"tdv.stp", "tdv", "STP", {"appraiser"}, "Thẩm-định-2026-an-toàn"}, kWho, now);
  save_draft(db, round.id, "SNV", {{{"1.1", 1}, {"1.2", 3}, {"2", 0}}, {}, {{"1.1", "Thiếu máy"}}}, kWho, now);
  submit(db, round.id, "SNV", kWho, now);
  assign_appraiser(db, round.id, "SNV", "tdv.stp", kWho, now);
  audit::Entry stp{"tdv.stp", "127.0.0.1", "", "", "", {}, {}};
  // Agreeing (or finding more) takes nothing from the unit: no answer needed.
  save_appraisal(db, round.id, "SNV", {{"1.1", 1.5}}, {{"1.1", "Đã đủ minh chứng cho 1,5 điểm"}}, "STP", stp, now);
  db.write([&](db::Connection& c) { finalise(c, round.id, "SNV", "STP", stp, now); });
  auto p = db.read([&](db::Connection& c) { return find_participant(c, round.id, "SNV"); });
  EXPECT_EQ(p->appraisal, "final");
}

}  // namespace
}  // namespace cchc::assessments
