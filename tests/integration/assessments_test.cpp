// Assessments through the real `cchc` and `cchc serve` binaries on the demo
// province: the load and rank contracts, a bad file rejected whole, and the
// pages: a commune fills and its leader submits, evidence sniffed, scopes
// enforced, an appraisal with the unit's answer, the public ranking and
// its cache.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "db/database.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/sample_files.h"
#include "support/server_process.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::http_request;
using testing::last_json_line;
using testing::run_cchc;
using testing::ServerProcess;

class AssessmentsServed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::without);
    dir_ = demo_->dir();
    db_ = demo_->db();
    year_ = int(local_date(now_seconds()).year());
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return server_->port(); }
  static std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  static std::string open_round() { return "CCHC-" + std::to_string(year_); }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline int year_ = 0;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

json round_file(const std::string& code) {
  return json::parse(R"({
    "round": {"code": ")" +
                     code + R"(", "name": "Thử nghiệm", "evidence_from": "2018-11-01", "evidence_to": "2019-10-31"},
    "criteria_sets": [
      {"code": "T-SO", "level": "department", "criteria": [
        {"code": "1", "name": "A"}, {"code": "1.1", "parent": "1", "name": "B", "max": 2, "min": 0},
        {"code": "1.2", "parent": "1", "name": "C", "max": 3}]},
      {"code": "T-XA", "level": "commune", "criteria": [{"code": "1", "name": "D", "max": 10}]}],
    "deadlines": {"department": "2019-10-18T23:59:59+07:00", "commune": "2019-10-25T23:59:59+07:00"},
    "participants": ["SNV", "STP", "STC", "SCT", "SXD", "P-TRANGDAI", "P-TAMHIEP"],
    "submissions": [
      {"unit": "SNV", "submitted_at": "2019-10-18T23:59:59+07:00", "scores": {"1.1": 2, "1.2": 3}},
      {"unit": "STP", "submitted_at": "2019-10-19T00:00:00+07:00", "scores": {"1.1": 2, "1.2": 3}},
      {"unit": "STC", "submitted_at": "2019-10-10T10:00:00+07:00", "scores": {"1.1": 2, "1.2": 2},
       "explanations": {"1.2": "Thiếu"}},
      {"unit": "SXD", "submitted_at": "2019-10-11T10:00:00+07:00", "scores": {"1.1": 1.5, "1.2": 3},
       "explanations": {"1.1": "Thiếu"}},
      {"unit": "P-TRANGDAI", "submitted_at": "2019-10-20T10:00:00+07:00", "scores": {"1": 7}, "explanations": {"1": "x"}}],
    "appraisals": [{"unit": "SNV", "scores": {"1.2": 2.5}, "comments": {"1.2": "Chưa đủ"}}]})");
}

TEST_F(AssessmentsServed, LoadAndRankContracts) {
  std::string out;
  ASSERT_EQ(run_cchc({"assessment", "load", "--db", db_, write("t.json", round_file("T-2019").dump())}, out), 0) << out;
  auto summary = last_json_line(out);
  EXPECT_EQ(summary["round"], "T-2019");
  EXPECT_EQ(summary["late"], 3);
  ASSERT_EQ(run_cchc({"assessment", "rank", "--db", db_, "--round", "T-2019", "--format", "json"}, out), 0) << out;
  auto rank = last_json_line(out);
  EXPECT_EQ(rank["round"], "T-2019");
  // SNV 2 + 2.5 = 4.5 ties SXD 1.5 + 3 = 4.5; STC 4; STP one second late, SCT never.
  std::vector<std::tuple<std::string, json, int, bool>> got;
  for (const auto& e : rank["levels"]["department"]) {
    got.emplace_back(e["unit"].get<std::string>(), e["total"], e["rank"].get<int>(), e["late"].get<bool>());
  }
  std::vector<std::tuple<std::string, json, int, bool>> want = {{"SNV", 4.5, 1, false},
                                                                {"SXD", 4.5, 1, false},
                                                                {"STC", 4.0, 3, false},
                                                                {"SCT", nullptr, 4, true},
                                                                {"STP", nullptr, 4, true}};
  EXPECT_EQ(got, want);
  ASSERT_EQ(rank["levels"]["commune"].size(), 2u);
  EXPECT_EQ(rank["levels"]["commune"][0]["unit"], "P-TRANGDAI");
  EXPECT_EQ(rank["levels"]["commune"][1]["unit"], "P-TAMHIEP");
  EXPECT_EQ(rank["levels"]["commune"][1]["rank"], 2);

  // A bad file is rejected whole: exit 2, the problem named, nothing stored.
  auto bad = round_file("T-2020");
  bad["submissions"][2]["explanations"] = json::object();
  EXPECT_EQ(run_cchc({"assessment", "load", "--db", db_, write("bad.json", bad.dump())}, out), 2);
  EXPECT_NE(out.find("unit STC: criterion 1.2 scored 2 below its maximum 3 needs an explanation"), std::string::npos)
      << out;
  EXPECT_NE(run_cchc({"assessment", "rank", "--db", db_, "--round", "T-2020", "--format", "json"}, out), 0);
  EXPECT_NE(run_cchc({"assessment", "load", "--db", db_, write("broken.json", "{\"round\": ")}, out), 0);
  EXPECT_NE(out.find("not valid JSON"), std::string::npos) << out;
}

// The public rankings come from the page cache: a round loaded by the
// command line (another process) but not published leaves /xep-hang as the
// client has it (304); its publication shows at once.
TEST_F(AssessmentsServed, APublicationShowsOnThePublicRankingsAtOnce) {
  auto list = http_request(port(), "GET", "/xep-hang");
  ASSERT_EQ(list.status, 200);
  auto etag = list.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(list.body.find("/xep-hang/T-2021"), std::string::npos);
  std::string out;
  ASSERT_EQ(run_cchc({"assessment", "load", "--db", db_, write("cached.json", round_file("T-2021").dump())}, out), 0)
      << out;
  EXPECT_EQ(http_request(port(), "GET", "/xep-hang", {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(http_request(port(), "GET", "/xep-hang/T-2021").status, 404);  // not published yet

  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  admin.get("/danh-gia/T-2021");  // the publication form's CSRF token
  auto published = admin.post("/danh-gia/T-2021/cong-bo", "quyet_dinh=");
  ASSERT_EQ(published.status, 303) << published.body;
  EXPECT_EQ(published.header("location").find("loi="), std::string::npos) << published.header("location");
  auto after = http_request(port(), "GET", "/xep-hang", {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.header("etag"), etag);
  EXPECT_NE(after.body.find("/xep-hang/T-2021"), std::string::npos);
  auto round = http_request(port(), "GET", "/xep-hang/T-2021");
  EXPECT_EQ(round.status, 200);
  EXPECT_NE(round.body.find("Thử nghiệm"), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/xep-hang/T-2021", {{"If-None-Match", round.header("etag")}}).status, 304);
}

// Two wards' plans may share a number (it is unique per issuing unit and
// year): a document offered as evidence is named by its address, so the
// one chosen is the one attached, not the first of its number.
TEST_F(AssessmentsServed, EvidenceIsTheDocumentChosenNotTheFirstOfItsNumber) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(admin.get("/ke-hoach/moi").status, 200);
  auto plan_of = [&](const std::string& unit) {
    auto made = admin.post("/ke-hoach/moi", "so_ky_hieu=9%2FKH-UBND&trich_yeu=K%E1%BA%BF+ho%E1%BA%A1ch+" + unit +
                                                "&don_vi=" + unit + "&nam=" + std::to_string(year_) +
                                                "&ngay_ban_hanh=15%2F01%2F" + std::to_string(year_) +
                                                "&loai=reform&trang_thai=issued");
    EXPECT_EQ(made.status, 303) << made.body;
    return made.header("location");
  };
  auto tamhiep = plan_of("P-TAMHIEP");  // the first of the number
  auto trangdai = plan_of("P-TRANGDAI");
  ASSERT_TRUE(tamhiep.starts_with("/ke-hoach/"));
  ASSERT_TRUE(trangdai.starts_with("/ke-hoach/"));

  std::string page = "/danh-gia/" + open_round() + "/don-vi/P-TRANGDAI";
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto view = officer.get(page);
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("<option value=\"" + tamhiep + "\">"), std::string::npos);
  EXPECT_NE(view.body.find("<option value=\"" + trangdai + "\">"), std::string::npos);
  auto chosen = officer.post_file(page + "/minh-chung", {{"tieu_chi", "1.1"}, {"van_ban", trangdai}}, "tep", "", "");
  EXPECT_EQ(chosen.status, 303) << chosen.body;
  auto after = officer.get(page);
  EXPECT_NE(after.body.find("<a href=\"" + trangdai + "\">9/KH-UBND — "), std::string::npos);
  EXPECT_EQ(after.body.find("<a href=\"" + tamhiep + "\">"), std::string::npos);
}

TEST_F(AssessmentsServed, ACommuneFillsItsLeaderSubmitsEvidenceIsSniffed) {
  std::string out;
  ASSERT_EQ(
      run_cchc({"assessment", "set-export", "--db", db_, "--set", "CCHC-XA", "--output", (dir_ / "xa.json").string()},
               out),
      0)
      << out;
  json set = json::parse(std::ifstream(dir_ / "xa.json"));
  std::set<std::string> parents;
  for (const auto& c : set["criteria"]) {
    if (c.contains("parent")) parents.insert(c["parent"].get<std::string>());
  }
  // Full marks everywhere: manual at max, yes, measured values of 100 %.
  std::string form;
  for (const auto& c : set["criteria"]) {
    std::string code = c["code"];
    if (parents.contains(code) || code == "1.3") continue;  // 1.3 is scored below max below
    std::string rule = c["rule"];
    if (rule == "manual") form += "&diem_" + code + "=" + std::to_string(c["max"].get<double>());
    if (rule == "yes_no") form += "&diem_" + code + "=co";
    if (rule == "tiers" || rule == "indicator") form += "&gia_tri_" + code + "=100";
  }
  std::string page = "/danh-gia/" + open_round() + "/don-vi/P-TRANGDAI";

  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto view = officer.get(page);
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("name=\"diem_1.3\""), std::string::npos);
  EXPECT_EQ(officer.get("/danh-gia/" + open_round() + "/don-vi/P-TAMHIEP").status, 403);  // another unit
  // A score out of range is refused with the reason; nothing is lost.
  auto wrong = officer.post(page, "diem_1.3=5");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("nằm ngoài khoảng"), std::string::npos);
  EXPECT_EQ(officer.post(page, form.substr(1) + "&diem_1.3=0.5&giai_thich_1.3=").status, 303);
  // 1.1 requires evidence; a ".pdf" that holds HTML is refused.
  auto html =
      officer.post_file(page + "/minh-chung", {{"tieu_chi", "1.1"}}, "tep", "ke-hoach.pdf", testing::sample_html());
  EXPECT_EQ(html.status, 422);
  EXPECT_NE(html.body.find("Nội dung tệp không phải dạng .pdf"), std::string::npos);
  auto pdf =
      officer.post_file(page + "/minh-chung", {{"tieu_chi", "1.1"}}, "tep", "Kế hoạch CCHC.pdf", testing::sample_pdf());
  EXPECT_EQ(pdf.status, 303) << pdf.body;
  // The officer may not submit: the leader does.
  EXPECT_EQ(officer.post(page + "/nop", "x=1").status, 403);

  Browser leader{port()};
  ASSERT_EQ(leader.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  leader.get(page);
  auto missing = leader.post(page + "/nop", "x=1");  // 1.3 below max without explanation
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("1.3"), std::string::npos);
  EXPECT_EQ(leader.post(page + "/nop", "giai_thich_1.3=Ch%C6%B0a+g%E1%BB%ADi+%C4%91%E1%BB%A7+b%C3%A1o+c%C3%A1o").status,
            303);
  auto done = leader.get(page);
  EXPECT_NE(done.body.find("Đã gửi"), std::string::npos);
  EXPECT_EQ(done.body.find("name=\"diem_1.3\""), std::string::npos);  // locked
  EXPECT_EQ(leader.post(page, "diem_1.3=1").status, 422);

  // The evidence file comes back as a download of what was sent.
  auto api = json::parse(leader.get("/api/v1/assessments/" + open_round() + "/units/P-TRANGDAI").body);
  EXPECT_EQ(api["state"], "submitted");
  std::string href;
  for (const auto& e : api["evidence"]) {
    if (e["href"].get<std::string>().starts_with("/danh-gia/tep/")) href = e["href"];
  }
  ASSERT_FALSE(href.empty());
  auto file = leader.get(href);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, testing::sample_pdf());
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_NE(file.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(file.header("x-content-type-options"), "nosniff");
  Browser other{port()};
  ASSERT_EQ(other.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  EXPECT_EQ(http_request(port(), "GET", href).status, 303);  // anonymous: to sign-in
}

TEST_F(AssessmentsServed, AppraisalAnswerAndThePublicPages) {
  // The demo's open round: its departments were due three days ago.
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  std::string round = "/danh-gia/" + open_round();
  ASSERT_EQ(admin.get(round).status, 200);
  // Nobody appraises their own unit: demo.thamdinh is of SNV.
  auto own = admin.post(round + "/phan-cong", "don_vi=SNV&nguoi=demo.thamdinh");
  EXPECT_EQ(own.status, 303);
  EXPECT_NE(own.header("location").find("loi="), std::string::npos);
  // A department that submitted in the demo and nobody appraises yet, with
  // a criterion on a 0.5 step it claimed at least 0.5 on.
  auto ranking = json::parse(admin.get("/api/v1/assessments/" + open_round()).body);
  std::string unit, lowered;
  double self = 0;
  for (const auto& e : ranking["levels"]["department"]) {
    if (e["late"] || e["unit"] == "SNV" || !unit.empty()) continue;
    auto detail =
        json::parse(admin.get("/api/v1/assessments/" + open_round() + "/units/" + e["unit"].get<std::string>()).body);
    if (detail["appraisal"] != "none") continue;
    for (const auto& sc : detail["scores"]) {
      auto code = sc["criterion"].get<std::string>();
      if ((code == "2.1" || code == "5.1" || code == "5.2") && sc["self"].is_number() &&
          sc["self"].get<double>() >= 0.5) {
        unit = e["unit"];
        lowered = code;
        self = sc["self"];
        break;
      }
    }
  }
  ASSERT_FALSE(unit.empty()) << ranking.dump();
  EXPECT_EQ(admin.post(round + "/phan-cong", "don_vi=" + unit + "&nguoi=demo.thamdinh").header("location").find("loi="),
            std::string::npos);
  Browser appraiser{port()};
  ASSERT_EQ(appraiser.sign_in("demo.thamdinh", "demo-appraiser-dongnai"), 303);
  std::string stp = round + "/don-vi/" + unit;
  appraiser.get(stp);
  auto saved = appraiser.post(stp + "/tham-dinh", "tham_dinh_" + lowered + "=" + std::to_string(self - 0.5) +
                                                      "&nhan_xet_" + lowered + "=Thi%E1%BA%BFu+minh+ch%E1%BB%A9ng");
  EXPECT_EQ(saved.status, 303) << saved.body;
  // The unit's page now shows the points lost there and who over-claimed.
  auto risk = appraiser.get(stp).body;
  auto at = risk.find("id=\"diem-bi-mat\"");
  ASSERT_NE(at, std::string::npos);
  auto row = risk.find(">" + lowered + "</a></th>", at);
  ASSERT_NE(row, std::string::npos) << risk.substr(at);
  // lost (at least the 0.5 lowered), then the 0.5 over-claimed
  auto cells = risk.substr(row, risk.find("</tr>", row) - row);
  EXPECT_NE(cells.find("<td class=\"num\">0,5</td><td"), std::string::npos) << cells;
  EXPECT_EQ(appraiser.post(stp + "/chot", "x=1").status, 422);  // a lowered score: the unit answers first
  // The unit gets an officer of its own, to be told of the appraisal.
  const std::string officer_password = "b%E1%BA%A3n+gi%E1%BA%A3i+tr%C3%ACnh+c%E1%BB%A7a+%C4%91%C6%A1n+v%E1%BB%8B";
  Browser users{port()};
  ASSERT_EQ(users.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  users.get("/nguoi-dung");
  ASSERT_EQ(users
                .post("/nguoi-dung", "username=giaitrinh.canbo&display_name=C%C3%A1n+b%E1%BB%99&unit=" + unit +
                                         "&role=unit_officer&password=" + officer_password)
                .status,
            201);
  EXPECT_EQ(appraiser.post(stp + "/gui-giai-trinh", "x=1").status, 303);
  Browser answerer{port()};
  ASSERT_EQ(answerer.sign_in("giaitrinh.canbo", "bản giải trình của đơn vị"), 303);
  auto told_page = answerer.get("/thong-bao").body;
  EXPECT_NE(told_page.find("đề nghị giải trình"), std::string::npos) << told_page;
  EXPECT_NE(told_page.find("href=\"" + stp + "\""), std::string::npos);
  // The hand-over reaches the unit's officers and leaders, once each, and nobody else.
  {
    auto d = db::open(db_);
    auto told = d->read([&](db::Connection& c) {
      return c.query(
          "SELECT n.unit_code, n.href, n.message, u.username FROM notifications n JOIN users u ON u.id = n.user_id "
          "WHERE n.kind = 'appraisal'");
    });
    ASSERT_FALSE(told.empty());
    for (const auto& r : told.rows) {
      EXPECT_EQ(r.str("unit_code"), unit);
      EXPECT_EQ(r.str("href"), stp);
      EXPECT_NE(r.str("message").find("đề nghị giải trình"), std::string::npos);
    }
    auto users = d->read([&](db::Connection& c) {
      return c
          .query(
              "SELECT count(DISTINCT u.id) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.unit_code = "
              "? AND "
              "r.role IN ('unit_officer', 'unit_leader') AND u.active = 1",
              {unit})
          .one()
          .i64("n");
    });
    EXPECT_EQ(std::int64_t(told.rows.size()), users);
  }
  // SNV's appraiser may not touch SNV; an officer may not appraise.
  EXPECT_EQ(appraiser.post(round + "/don-vi/SNV/tham-dinh", "tham_dinh_5.1=0").status, 403);

  // The publication waits for every appraisal under way.
  auto early = admin.post(round + "/cong-bo", "quyet_dinh=");
  EXPECT_NE(early.header("location").find("loi="), std::string::npos);

  // The unit explains; the appraiser's final result answers it, and the unit is told.
  answerer.get(stp);
  auto explained =
      answerer.post(stp + "/giai-trinh", "giai_trinh_" + lowered + "=%C4%90%C3%A3+b%E1%BB%95+sung+minh+ch%E1%BB%A9ng");
  ASSERT_EQ(explained.status, 303) << explained.body;
  EXPECT_EQ(answerer.get("/thong-bao").body.find("của đơn vị đã được chốt"), std::string::npos);
  appraiser.get(stp);
  ASSERT_EQ(appraiser.post(stp + "/chot", "x=1").status, 303);
  auto finalised = answerer.get("/thong-bao").body;
  auto final_at = finalised.find("của đơn vị đã được chốt");
  ASSERT_NE(final_at, std::string::npos) << finalised;
  auto link = finalised.rfind("<a href=\"", final_at);
  ASSERT_NE(link, std::string::npos);
  EXPECT_EQ(finalised.substr(link, finalised.find('>', link) - link), "<a href=\"" + stp + "\"");

  // Public pages: the published rounds only, with their ranking.
  auto list = http_request(port(), "GET", "/xep-hang");
  EXPECT_EQ(list.status, 200);
  std::string last = "CQDT-" + std::to_string(year_ - 1);
  EXPECT_NE(list.body.find("/xep-hang/" + last), std::string::npos);
  EXPECT_EQ(list.body.find("/xep-hang/" + open_round()), std::string::npos);
  auto pub = http_request(port(), "GET", "/xep-hang/" + last);
  EXPECT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("Hạng kỳ trước"), std::string::npos);   // compared with the round before
  EXPECT_NE(pub.body.find("Không xếp hạng"), std::string::npos);  // late units last
  EXPECT_EQ(http_request(port(), "GET", "/xep-hang/" + open_round()).status, 404);
  // The annex and the results workbook of a published round.
  auto docx = admin.get("/danh-gia/" + last + "/phu-luc.docx");
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(admin.get("/danh-gia/" + last + "/ket-qua.xlsx").status, 200);
  EXPECT_EQ(admin.get("/danh-gia/" + last + "/diem-bi-mat").status, 200);
  // An officer does not see an open round's provisional results.
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  EXPECT_EQ(officer.get(round + "/ket-qua.xlsx").status, 403);
  EXPECT_EQ(officer.get("/api/v1/assessments/" + open_round()).status, 403);
}

}  // namespace
}  // namespace cchc
