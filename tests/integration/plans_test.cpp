// Reform plans through the real `cchc` and `cchc serve` binaries on the
// demo province: the command-line contracts (deadline parse, plans import,
// plans status), the API against the command line, the matrix import page
// with a name to resolve, reporting and its permission cases, exports.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <zip.h>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/xlsx.h"
#include "db/database.h"
#include "plans/store.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::http_request;
using testing::last_json_line;
using testing::run_cchc;
using testing::ServerProcess;

std::string url_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += char(c);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class PlansServed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::without);
    dir_ = demo_->dir();
    db_ = demo_->db();
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return server_->port(); }
  static std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // The demo plan: the one plan of the current year.
  static json demo_plan() {
    auto r = http_request(port(), "GET", "/api/v1/plans");
    EXPECT_EQ(r.status, 401);  // plans are read when signed in
    std::string out, line;
    EXPECT_EQ(run_cchc({"plans", "list", "--db", db_}, out), 0) << out;
    int year = int(local_date(now_seconds()).year());
    for (std::istringstream in(out); std::getline(in, line);) {
      if (!line.starts_with("{")) continue;
      auto plan = json::parse(line);
      if (plan["year"] == year) return plan;
    }
    return json();
  }
  // The demo's reporting periods, latest last ("2026-q3", "2026-year").
  static std::vector<std::string> reported_periods(Browser& b, int plan_id) {
    auto reports = json::parse(b.get("/api/v1/plans/" + std::to_string(plan_id) + "/reports").body);
    std::map<std::string, int> rank = {{"q1", 1}, {"h1", 2}, {"q3", 3}, {"year", 4}};
    std::set<std::string> keys;
    for (const auto& r : reports["reports"]) keys.insert(r["period"].get<std::string>());
    std::vector<std::string> out(keys.begin(), keys.end());
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
      return std::pair(a.substr(0, 4), rank[a.substr(5)]) < std::pair(b.substr(0, 4), rank[b.substr(5)]);
    });
    return out;
  }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

TEST_F(PlansServed, DeadlineParseContract) {
  struct Case {
    const char* text;
    const char* kind;
    const char* due;  // "" = null
  } cases[] = {
      {"trước ngày 21/6/2024", "date", "2024-06-21"},
      {"Tháng 11/2022", "month", "2022-11-30"},
      {"Quý IV/2022", "quarter", "2022-12-31"},
      {"Quy IV/2022", "quarter", "2022-12-31"},
      {"6 tháng đầu năm 2024", "half", "2024-06-30"},
      {"Trong năm 2023", "year", "2023-12-31"},
      {"Thuong xuyen", "continuous", ""},
      {"Theo tiến độ phê duyệt", "schedule", ""},
      {"Theo hướng dẫn của Bộ Nội vụ", "instruction", ""},
      {"Theo yeu cau cua UBND tinh", "instruction", ""},
      {"Theo lộ trình của Chính phủ", "schedule", ""},
      {"Tháng 1, 2/2022", "month", "2022-02-28"},
      {"Quý I và Quý III/2024", "quarter", "2024-09-30"},
      {"Thường xuyên; riêng năm 2023 trước 15/3/2023", "continuous", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string out;
    ASSERT_EQ(run_cchc({"deadline", "parse", c.text, "--format", "json"}, out), 0) << out;
    auto j = last_json_line(out);
    EXPECT_EQ(j["kind"], c.kind);
    if (*c.due) {
      EXPECT_EQ(j["due"], c.due);
    } else
      EXPECT_TRUE(j["due"].is_null());
    EXPECT_TRUE(j["text"].is_string());
  }
  std::string out;
  ASSERT_EQ(run_cchc({"deadline", "parse", "Quý I và Quý III/2024", "--format", "json"}, out), 0);
  EXPECT_EQ(last_json_line(out)["milestones"], (json::array({{{"due", "2024-03-31"}, {"text", "Quý I/2024"}}})));
  ASSERT_EQ(run_cchc({"deadline", "parse", "Thường xuyên; riêng năm 2023 trước 15/3/2023", "--format", "json"}, out),
            0);
  EXPECT_EQ(last_json_line(out)["milestones"],
            (json::array({{{"due", "2023-03-15"}, {"text", "riêng năm 2023 trước 15/3/2023"}}})));
  for (const char* bad : {"sớm nhất có thể", "Quý V/2022", "31/02/2024"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(run_cchc({"deadline", "parse", bad, "--format", "json"}, out), 2);
    EXPECT_NE(out.find("cannot read"), std::string::npos);
  }
}

TEST_F(PlansServed, ImportFailsWithUnmatchedUnitsListedThenSucceedsOnceResolved) {
  std::string out;
  ASSERT_EQ(run_cchc({"plans", "add", "--db", db_, "--number", "15/KH-SNV", "--unit", "SNV", "--year", "2024",
                      "--title", "Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ", "--status", "issued",
                      "--issued-on", "2024-01-15"},
                     out),
            0)
      << out;
  auto csv = write("matrix.csv",
                   "STT,Nhiệm vụ/Hoạt động,Kết quả/Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành\n"
                   "I,Cải cách thể chế,,,,\n"
                   "1,Rà soát văn bản,Báo cáo,Phòng Pháp chế,Sở Tư pháp,Quý I/2024\n"
                   "2,Tập huấn,Lớp tập huấn,So Noi vu,,trước ngày 30/6/2024\n"
                   "3,Theo dõi,Báo cáo,Phòng Pháp chế,,Thuong xuyen\n");
  EXPECT_EQ(run_cchc({"plans", "import", "--db", db_, "--plan", "15/KH-SNV", csv}, out), 2);
  EXPECT_NE(out.find("unit 'Phòng Pháp chế' on line(s) 3, 5: matches no unit"), std::string::npos) << out;
  EXPECT_NE(out.find("nothing was written"), std::string::npos);

  ASSERT_EQ(
      run_cchc({"plans", "import", "--db", db_, "--plan", "15/KH-SNV", csv, "--resolve", "Phòng Pháp chế=SNV"}, out), 0)
      << out;
  EXPECT_NE(out.find("3 tasks imported into plan 15/KH-SNV"), std::string::npos) << out;

  ASSERT_EQ(
      run_cchc({"plans", "status", "--db", db_, "--plan", "15/KH-SNV", "--as-of", "2024-04-01", "--format", "json"},
               out),
      0);
  auto status = last_json_line(out);
  ASSERT_EQ(status["tasks"].size(), 3u);
  EXPECT_EQ(status["as_of"], "2024-04-01");
  EXPECT_EQ(status["tasks"][0]["deadline"],
            (json{{"kind", "quarter"}, {"due", "2024-03-31"}, {"text", "Quý I/2024"}, {"milestones", json::array()}}));
  EXPECT_EQ(status["tasks"][0]["status"], "overdue");
  EXPECT_EQ(status["tasks"][0]["lead_units"], json::array({"SNV"}));
  EXPECT_EQ(status["tasks"][0]["cooperating_units"], json::array({"STP"}));
  EXPECT_EQ(status["tasks"][1]["status"], "not_started");
  EXPECT_EQ(status["tasks"][2]["status"], "not_started");  // continuous: never overdue
  EXPECT_EQ(status["summary"]["overdue"], 1);

  // The API gives the same object as the command line.
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto id = status["plan"]["id"].get<int>();
  auto api = admin.get("/api/v1/plans/" + std::to_string(id) + "?as_of=2024-04-01");
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(json::parse(api.body), status);
  EXPECT_EQ(admin.get("/api/v1/plans/999999").status, 404);
  // An id is the whole path segment a whole number from 1, or it names nothing.
  for (const std::string& bad :
       std::vector<std::string>{std::to_string(id) + "x", "0", "-1", "99999999999999999999", "%2B1"}) {
    EXPECT_EQ(admin.get("/api/v1/plans/" + bad).status, 404) << bad;
  }
  EXPECT_EQ(admin.get("/api/v1/plans/" + std::to_string(id) + "?as_of=01/04/2024").status, 400);
  auto list = json::parse(admin.get("/api/v1/plans?year=2024").body);
  ASSERT_EQ(list["plans"].size(), 1u);
  EXPECT_EQ(list["plans"][0]["number"], "15/KH-SNV");
}

TEST_F(PlansServed, TheImportPageAsksForNamesItCannotPlace) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(admin.get("/ke-hoach/moi").status, 200);
  auto created = admin.post("/ke-hoach/moi",
                            "so_ky_hieu=20%2FKH-UBND&trich_yeu=K%E1%BA%BF+ho%E1%BA%A1ch+th%E1%BB%AD&don_vi=DNI&"
                            "nam=2024&ngay_ban_hanh=20%2F01%2F2024&loai=reform&trang_thai=issued");
  ASSERT_EQ(created.status, 303) << created.body;
  auto plan_path = created.header("location");
  ASSERT_TRUE(plan_path.starts_with("/ke-hoach/"));
  // The same number of the same unit and year again: the form comes back
  // with the reason and what was typed.
  auto again = admin.post("/ke-hoach/moi", "so_ky_hieu=20%2FKH-UBND&trich_yeu=X&don_vi=DNI&nam=2024&trang_thai=draft");
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("Đã có kế hoạch số 20/KH-UBND của đơn vị này trong năm 2024."), std::string::npos);
  EXPECT_NE(again.body.find("value=\"20/KH-UBND\""), std::string::npos);
  // A number is unique per issuing unit and year only: another unit's, and
  // the same unit's of another year, are stored.
  auto other_unit =
      admin.post("/ke-hoach/moi", "so_ky_hieu=20%2FKH-UBND&trich_yeu=Y&don_vi=SNV&nam=2024&trang_thai=draft");
  EXPECT_EQ(other_unit.status, 303) << other_unit.body;
  auto other_year =
      admin.post("/ke-hoach/moi", "so_ky_hieu=20%2FKH-UBND&trich_yeu=Z&don_vi=DNI&nam=2023&trang_thai=draft");
  EXPECT_EQ(other_year.status, 303) << other_year.body;
  // The command line names a plan by its number, unit and year: the number
  // alone is refused (exit 2) naming the plans it could be.
  std::string out;
  EXPECT_EQ(run_cchc({"plans", "status", "--db", db_, "--plan", "20/KH-UBND", "--as-of", "2024-04-01"}, out), 2);
  EXPECT_NE(out.find("3 plans are numbered '20/KH-UBND' (DNI 2024, SNV 2024, DNI 2023)"), std::string::npos) << out;
  ASSERT_EQ(
      run_cchc({"plans", "status", "--db", db_, "--plan", "20/KH-UBND", "--unit", "SNV", "--as-of", "2024-04-01"}, out),
      0)
      << out;
  EXPECT_EQ(last_json_line(out)["plan"]["unit"], "SNV");
  ASSERT_EQ(run_cchc({"plans", "status", "--db", db_, "--plan", "20/KH-UBND", "--unit", "DNI", "--year", "2023",
                      "--as-of", "2024-04-01"},
                     out),
            0)
      << out;
  EXPECT_EQ(last_json_line(out)["plan"]["year"], 2023);

  std::string csv =
      "STT,Mục tiêu,Nhiệm vụ/Hoạt động,Kết quả/Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành\n"
      "I,Cai cach thu tuc hanh chinh,,,,,\n"
      "1,100% TTHC,Công bố TTHC,Quyết định,Ban Dân tộc,Các sở ban ngành,Thường xuyên\n"
      "2,,Số hóa hồ sơ,Dữ liệu,Trung tâm Phục vụ HCC,,Quý III/2024\n";
  admin.get(plan_path + "/nhap");
  auto checked = admin.post_file(plan_path + "/nhap", {}, "tep", "matrix.csv", csv);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_NE(checked.body.find("Ban Dân tộc"), std::string::npos);
  EXPECT_NE(checked.body.find("Không tìm thấy đơn vị"), std::string::npos);
  // The checked file waits on the server; the page carries its id.
  EXPECT_EQ(checked.body.find("name=\"noi_dung\""), std::string::npos);
  auto staged = testing::form_value(checked.body, "tep_da_kiem_tra");
  ASSERT_EQ(staged.size(), 32u);
  // Confirming without choosing writes nothing and asks again, with the same file.
  auto unresolved = admin.post(plan_path + "/nhap/xac-nhan",
                               "tep_da_kiem_tra=" + staged + "&ten_0=Ban+D%C3%A2n+t%E1%BB%99c&chon_0=&xac_nhan=1");
  EXPECT_EQ(unresolved.status, 200);
  EXPECT_NE(unresolved.body.find("Ban Dân tộc"), std::string::npos);
  EXPECT_EQ(testing::form_value(unresolved.body, "tep_da_kiem_tra"), staged);
  auto done = admin.post(plan_path + "/nhap/xac-nhan",
                         "tep_da_kiem_tra=" + staged + "&ten_0=Ban+D%C3%A2n+t%E1%BB%99c&chon_0=SNV&xac_nhan=1");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_NE(done.header("location").find("da-nhap=2"), std::string::npos);
  // Imported once.
  auto twice = admin.post(plan_path + "/nhap/xac-nhan",
                          "tep_da_kiem_tra=" + staged + "&ten_0=Ban+D%C3%A2n+t%E1%BB%99c&chon_0=SNV&xac_nhan=1");
  EXPECT_EQ(twice.status, 422);  // a refused form: the upload page again, with the reason
  EXPECT_NE(twice.body.find("Tệp đã kiểm tra không còn trên máy chủ"), std::string::npos);
  auto page = admin.get(done.header("location"));
  EXPECT_NE(page.body.find("Đã nhập 2 nhiệm vụ."), std::string::npos);
  EXPECT_NE(page.body.find("Công bố TTHC"), std::string::npos);

  // The matrix exports as a workbook that reads back with the same header.
  auto xlsx = admin.get(plan_path + "?dinh-dang=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto rows = xlsx::read_first_sheet(xlsx.body);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[1].second[2], "Nhiệm vụ/Hoạt động");
  EXPECT_EQ(rows[2].second[0], "I");
  EXPECT_EQ(rows[3].second[4], "Sở Nội vụ");

  // A file that is not a matrix: the reason, in Vietnamese.
  auto bad = admin.post_file(plan_path + "/nhap", {}, "tep", "x.csv", "a,b\n1,2\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Không tìm thấy dòng tiêu đề"), std::string::npos);
}

TEST_F(PlansServed, AUnitReportsOnlyItsOwnTasks) {
  auto plan = demo_plan();
  ASSERT_TRUE(plan.is_object());
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto owed = officer.get("/viec-can-bao-cao");
  ASSERT_EQ(owed.status, 200);
  EXPECT_NE(owed.body.find("Cập nhật tin bài về cải cách hành chính của xã"), std::string::npos);
  // Another unit's list is refused.
  EXPECT_EQ(officer.get("/viec-can-bao-cao?don-vi=SNV").status, 403);

  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto status = json::parse(admin.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>())).body);
  int own = 0, other = 0;
  for (const auto& t : status["tasks"]) {
    if (t["lead_units"] == json::array({"P-TRANGDAI"}) && t["deadline"]["kind"] == "quarter") own = t["id"];
    if (t["lead_units"] == json::array({"SNV"}) && t["cooperating_units"].size() < 3) other = t["id"];
  }
  ASSERT_TRUE(own && other);
  Date today = local_date(now_seconds());
  std::string period = std::to_string(int(today.year())) + "-q3";
  std::string form = "don_vi=P-TRANGDAI&ky=" + period + "&tinh_trang=done&ty_le=100&ngay_hoan_thanh=&noi_dung=Xong";
  officer.get("/nhiem-vu/" + std::to_string(own));
  auto ok = officer.post("/nhiem-vu/" + std::to_string(own) + "/bao-cao", form);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_NE(ok.header("location").find("da-bao-cao="), std::string::npos);
  // Reporting for a unit outside the officer's subtree, or on a task the unit
  // is not named in, is refused.
  EXPECT_EQ(officer
                .post("/nhiem-vu/" + std::to_string(own) + "/bao-cao",
                      "don_vi=SNV&ky=" + period + "&tinh_trang=in_progress&ty_le=10")
                .status,
            403);
  EXPECT_EQ(officer.post("/nhiem-vu/" + std::to_string(other) + "/bao-cao", form).status, 403);
  // A bad report comes back with the reason and loses nothing typed.
  auto bad = officer.post(
      "/nhiem-vu/" + std::to_string(own) + "/bao-cao",
      "don_vi=P-TRANGDAI&ky=" + period + "&tinh_trang=in_progress&ty_le=150&noi_dung=Gi%E1%BB%AF+l%E1%BA%A1i");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Tỷ lệ hoàn thành phải từ 0 đến 100."), std::string::npos);
  EXPECT_NE(bad.body.find("Giữ lại"), std::string::npos);
  // "Đang thực hiện" at 100 % contradicts itself: refused, what was typed kept.
  auto full =
      officer.post("/nhiem-vu/" + std::to_string(own) + "/bao-cao",
                   "don_vi=P-TRANGDAI&ky=" + period + "&tinh_trang=in_progress&ty_le=100&noi_dung=Tr%E1%BB%8Dn");
  EXPECT_EQ(full.status, 422);
  EXPECT_NE(full.body.find("Nhiệm vụ đang thực hiện thì tỷ lệ hoàn thành dưới 100 %."), std::string::npos);
  EXPECT_NE(full.body.find("Trọn"), std::string::npos);
  // Nor does the demo hold one.
  {
    auto d = db::open(db_);
    auto n = d->read([](db::Connection& c) {
      return c.query("SELECT COUNT(*) AS n FROM task_reports WHERE progress = 'in_progress' AND percent >= 100")
          .one()
          .i64("n");
    });
    EXPECT_EQ(n, 0);
  }

  // Evidence as a file: stored with the report, served back as it was; a
  // file of a type a browser would run is refused, and the report with it.
  std::string pdf = "%PDF-1.4\n% minh chung\n%%EOF\n";
  officer.get("/nhiem-vu/" + std::to_string(own));
  auto with_file = officer.post_file("/nhiem-vu/" + std::to_string(own) + "/bao-cao",
                                     {{"don_vi", "P-TRANGDAI"},
                                      {"ky", period},
                                      {"tinh_trang", "done"},
                                      {"ty_le", "100"},
                                      {"noi_dung", "Kèm biên bản"}},
                                     "tep_minh_chung", "Biên bản họp.pdf", pdf);
  ASSERT_EQ(with_file.status, 303) << with_file.body;
  auto reports = json::parse(
      admin.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>()) + "/reports?period=" + period).body);
  std::string link;
  for (const auto& rep : reports["reports"]) {
    if (rep["task_id"] == own && rep["unit"] == "P-TRANGDAI") link = rep["evidence"];
  }
  ASSERT_TRUE(link.starts_with("/minh-chung/")) << link;
  auto served = officer.get(link);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body, pdf);
  EXPECT_EQ(served.header("content-type"), "application/pdf");
  EXPECT_NE(served.header("content-disposition").find("bien-ban-hop.pdf"), std::string::npos);
  auto svg = officer.post_file(
      "/nhiem-vu/" + std::to_string(own) + "/bao-cao",
      {{"don_vi", "P-TRANGDAI"}, {"ky", period}, {"tinh_trang", "done"}, {"ty_le", "100"}, {"noi_dung", "Thử ảnh"}},
      "tep_minh_chung", "anh.svg", "<svg onload='alert(1)'/>");
  EXPECT_EQ(svg.status, 422);
  EXPECT_NE(svg.body.find("Không nhận tệp dạng này"), std::string::npos);
  reports = json::parse(
      admin.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>()) + "/reports?period=" + period).body);
  for (const auto& rep : reports["reports"]) {
    if (rep["task_id"] == own && rep["unit"] == "P-TRANGDAI") {
      EXPECT_EQ(rep["narrative"], "Kèm biên bản");
    }
  }

  auto after = json::parse(admin.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>())).body);
  for (const auto& t : after["tasks"]) {
    if (t["id"] == own) {
      EXPECT_EQ(t["leads"][0]["percent"], 100);
    }
  }
  // A viewer reads plans but reports nothing.
  Browser viewer{port()};
  ASSERT_EQ(viewer.sign_in("demo.theodoi", "demo-viewer-dongnai"), 303);
  auto list = viewer.get("/ke-hoach");
  ASSERT_EQ(list.status, 200);
  // The demo plan's row: its 46 tasks.
  auto row = list.body.find(plan["number"].get<std::string>() + "</a>");
  ASSERT_NE(row, std::string::npos);
  auto cells = list.body.substr(row, list.body.find("</tr>", row) - row);
  EXPECT_NE(cells.find("<td class=\"num\">46</td>"), std::string::npos) << cells;
  EXPECT_EQ(viewer.get("/viec-can-bao-cao").status, 403);
  // Without a session the API answers 401.
  EXPECT_EQ(
      http_request(port(), "POST", "/api/v1/plans/1/tasks/1/reports", {{"Content-Type", "application/json"}}, "{}")
          .status,
      401);
}

TEST_F(PlansServed, AnAdhocPeriodIsAddedOwedOnTheWorkListAndRemoved) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(admin.get("/ky-bao-cao").status, 200);
  Date today = local_date(now_seconds());
  auto vi = [](Date d) { return url_encode(format_date_vi(d)); };
  const std::string name = "Báo cáo đột xuất thử nghiệm";
  // Refused (the due day before the last): 422, the reason, what was typed kept.
  auto refused = admin.post("/ky-bao-cao/dot-xuat",
                            "ten=" + url_encode(name) + "&tu_ngay=" + vi(today) + "&den_ngay=" + vi(today) +
                                "&han=" + vi(Date{std::chrono::sys_days{today} - std::chrono::days{1}}));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Hạn gửi báo cáo phải từ"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"" + name + "\""), std::string::npos);
  // Today only, due today: in play, so the coordinator's unit owes its reports.
  auto added = admin.post("/ky-bao-cao/dot-xuat", "ten=" + url_encode(name) + "&tu_ngay=" + vi(today) +
                                                      "&den_ngay=" + vi(today) + "&han=" + vi(today));
  ASSERT_EQ(added.status, 303) << added.body;
  auto page = admin.get(added.header("location")).body;
  EXPECT_NE(page.find(name + " <span class=\"muted\">(đột xuất)</span>"), std::string::npos);
  auto at = page.find("/ky-bao-cao/dot-xuat/dx");
  ASSERT_NE(at, std::string::npos);
  auto code = page.substr(at + 21, page.find('/', at + 21) - at - 21);
  auto key = std::to_string(int(today.year())) + "-" + code;
  auto owed = admin.get("/viec-can-bao-cao?don-vi=SNV&ky=" + key);
  ASSERT_EQ(owed.status, 200);
  EXPECT_NE(owed.body.find(name), std::string::npos);
  auto work = admin.get("/viec-cua-toi").body;
  EXPECT_NE(work.find("nhiệm vụ kỳ " + name), std::string::npos) << work;
  EXPECT_NE(work.find("ky=" + key), std::string::npos);
  // Removed while unreported: gone from the year and from the work list.
  EXPECT_EQ(admin.post("/ky-bao-cao/dot-xuat/" + code + "/xoa", "x=1").status, 303);
  EXPECT_EQ(admin.get("/ky-bao-cao").body.find(name), std::string::npos);
  EXPECT_EQ(admin.get("/viec-cua-toi").body.find(name), std::string::npos);
  EXPECT_EQ(admin.get("/viec-can-bao-cao?don-vi=SNV&ky=" + key).status, 400);
  // Officers may not set periods.
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get("/viec-cua-toi");
  EXPECT_EQ(
      officer
          .post("/ky-bao-cao/dot-xuat", "ten=x&tu_ngay=" + vi(today) + "&den_ngay=" + vi(today) + "&han=" + vi(today))
          .status,
      403);
}

TEST_F(PlansServed, UnchangedSinceLastPeriodIsOneAction) {
  Browser leader{port()};
  ASSERT_EQ(leader.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto plan = demo_plan();
  auto periods = reported_periods(leader, plan["id"].get<int>());
  ASSERT_FALSE(periods.empty());
  const auto& period = periods.back();
  auto page = leader.get("/viec-can-bao-cao?don-vi=SNV&ky=" + period);
  ASSERT_EQ(page.status, 200);
  // The demo leaves some tasks reported last period and not yet this one:
  // they offer "Không thay đổi".
  auto at = page.body.find("action=\"/viec-can-bao-cao/khong-doi\"");
  ASSERT_NE(at, std::string::npos) << page.body;
  auto task = testing::form_value(page.body.substr(at), "nhiem_vu");
  auto role = testing::form_value(page.body.substr(at), "vai_tro");
  auto r =
      leader.post("/viec-can-bao-cao/khong-doi", "nhiem_vu=" + task + "&don_vi=SNV&ky=" + period + "&vai_tro=" + role);
  ASSERT_EQ(r.status, 303) << r.body;
  auto location = r.header("location");
  EXPECT_NE(location.find("#nv-" + task), std::string::npos);  // back to the row
  auto after = leader.get(location.substr(0, location.find('#')));
  EXPECT_NE(after.body.find("Đã ghi nhận báo cáo."), std::string::npos);
  auto reports = json::parse(
      leader.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>()) + "/reports?period=" + period).body);
  bool found = false;
  for (const auto& rep : reports["reports"]) {
    if (std::to_string(rep["task_id"].get<int>()) == task && rep["unit"] == "SNV") found = rep["unchanged"] == true;
  }
  EXPECT_TRUE(found);
  // With no earlier report there is nothing to repeat.
  auto none = leader.post("/viec-can-bao-cao/khong-doi",
                          "nhiem_vu=" + task + "&don_vi=SNV&ky=" + period.substr(0, 5) + "q1&vai_tro=" + role);
  EXPECT_EQ(none.status, 400);
}

TEST_F(PlansServed, TheMatrixEditorWorksWithoutJavaScript) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  admin.get("/ke-hoach/moi");
  auto created = admin.post("/ke-hoach/moi",
                            "so_ky_hieu=40%2FKH-SNV&trich_yeu=Th%E1%BB%AD&don_vi=SNV&nam=2026&"
                            "trang_thai=issued&loai=reform");
  ASSERT_EQ(created.status, 303);
  auto plan = created.header("location");
  admin.get(plan + "/them-nhiem-vu");
  // A unit name that matches nothing: the form comes back with the reason and what was typed.
  auto bad = admin.post(plan + "/them-nhiem-vu",
                        "linh_vuc=procedures&stt=1&nhiem_vu=C%C3%B4ng+b%E1%BB%91&chu_tri=C%C3%B4ng+an+t%E1%BB%89nh&"
                        "thoi_han=Qu%C3%BD+IV%2F2026");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Không xác định được đơn vị &quot;Công an tỉnh&quot;."), std::string::npos);
  EXPECT_NE(bad.body.find("Công bố"), std::string::npos);
  for (const char* task : {"Th%E1%BB%A9+nh%E1%BA%A5t", "Th%E1%BB%A9+hai"}) {
    auto ok = admin.post(plan + "/them-nhiem-vu",
                         std::string("linh_vuc=procedures&nhiem_vu=") + task +
                             "&chu_tri=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5&thoi_han=Qu%C3%BD+IV%2F2026");
    ASSERT_EQ(ok.status, 303) << ok.body;
  }
  auto editor = admin.get(plan + "/sua-nhiem-vu");
  ASSERT_EQ(editor.status, 200);
  auto first = editor.body.find("Thứ nhất"), second = editor.body.find("Thứ hai");
  ASSERT_LT(first, second);
  // Move the first down.
  auto at = editor.body.find("/xuong\"");
  ASSERT_NE(at, std::string::npos);
  auto start = editor.body.rfind("/nhiem-vu/", at);
  auto first_id = editor.body.substr(start + 10, at - start - 10);
  EXPECT_EQ(admin.post("/nhiem-vu/" + first_id + "/xuong", "x=1").status, 303);
  editor = admin.get(plan + "/sua-nhiem-vu");
  EXPECT_GT(editor.body.find("Thứ nhất"), editor.body.find("Thứ hai"));
  // Cancel needs a reason; with one the task is cancelled.
  EXPECT_EQ(admin.post("/nhiem-vu/" + first_id + "/huy", "ly_do=").status, 400);
  EXPECT_EQ(admin.post("/nhiem-vu/" + first_id + "/huy", "ly_do=Kh%C3%B4ng+c%C3%B2n+ph%C3%B9+h%E1%BB%A3p").status, 303);
  EXPECT_NE(admin.get(plan + "/sua-nhiem-vu").body.find("(Đã hủy: Không còn phù hợp)"), std::string::npos);
  EXPECT_EQ(admin.post("/nhiem-vu/" + first_id + "/xoa", "x=1").status, 303);
  EXPECT_EQ(admin.get(plan + "/sua-nhiem-vu").body.find("Thứ nhất"), std::string::npos);
  // A commune officer may not edit a department's plan.
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  EXPECT_EQ(officer.get(plan + "/sua-nhiem-vu").status, 403);
}

TEST_F(PlansServed, ObjectivesTakeTheirValueFromTheIndicatorsOrByHand) {
  // Three dossiers of SNV in March 2026: two on time, one late.
  const std::string header =
      "id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,"
      "digitized,result_digitized,fee_required,paid_online,rating,apology_sent\n";
  auto csv = write("hs.csv", header +
                                 "OBJ-1,SNV,1.001,online,full,2026-03-02T08:00:00+07:00,2026-03-09T17:00:00+07:00,"
                                 "2026-03-05T10:00:00+07:00,,finished,1,1,0,0,,0\n"
                                 "OBJ-2,SNV,1.001,online,full,2026-03-02T08:00:00+07:00,2026-03-09T17:00:00+07:00,"
                                 "2026-03-06T10:00:00+07:00,,finished,1,1,0,0,,0\n"
                                 "OBJ-3,SNV,1.001,direct,none,2026-03-02T08:00:00+07:00,2026-03-04T17:00:00+07:00,"
                                 "2026-03-06T10:00:00+07:00,,finished,0,0,0,0,,1\n");
  std::string out;
  ASSERT_EQ(run_cchc({"import", "dossiers", "--db", db_, csv}, out), 0) << out;
  auto plan = demo_plan();
  auto path = "/ke-hoach/" + std::to_string(plan["id"].get<int>());
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  admin.get(path);
  ASSERT_EQ(admin
                .post(path + "/muc-tieu",
                      "linh_vuc=procedures&noi_dung=T%E1%BB%B7+l%E1%BB%87+%C4%91%C3%BAng+h%E1%BA%A1n&"
                      "chi_tieu=96&don_vi_tinh=%25&cap=&chi_so=on_time_rate")
                .status,
            303);
  ASSERT_EQ(admin
                .post(path + "/muc-tieu",
                      "linh_vuc=civil_service&noi_dung=B%E1%BB%93i+d%C6%B0%E1%BB%A1ng&chi_tieu=50&"
                      "don_vi_tinh=%25&cap=&chi_so=")
                .status,
            303);
  EXPECT_EQ(admin.post(path + "/muc-tieu", "linh_vuc=procedures&noi_dung=X&chi_tieu=abc&chi_so=").status, 400);
  EXPECT_EQ(admin.post(path + "/muc-tieu", "linh_vuc=procedures&noi_dung=X&chi_tieu=1&chi_so=nope").status, 400);
  auto page = admin.get(path);
  // 2 of 3 finished on time: 66,7 % against ≥ 96 %.
  auto row = page.body.find("Tỷ lệ đúng hạn");
  ASSERT_NE(row, std::string::npos);
  auto tr = page.body.substr(row, page.body.find("</tr>", row) - row);
  EXPECT_NE(tr.find("66,7 %"), std::string::npos) << tr;
  EXPECT_NE(tr.find("Chưa đạt"), std::string::npos) << tr;
  EXPECT_NE(tr.find("Tự động: Tỷ lệ hồ sơ giải quyết đúng hạn năm"), std::string::npos) << tr;
  // The hand-reported one: no data until a value is entered, then judged.
  auto manual = page.body.find("Bồi dưỡng");
  ASSERT_NE(manual, std::string::npos);
  auto form = page.body.find("/ket-qua\"", manual);
  auto start = page.body.rfind("/muc-tieu/", form);
  auto id = page.body.substr(start + 10, form - start - 10);
  EXPECT_NE(page.body.substr(manual, form - manual).find("Chưa có số liệu"), std::string::npos);
  auto saved = admin.post("/muc-tieu/" + id + "/ket-qua", "ket_qua=55%2C5");
  ASSERT_EQ(saved.status, 303) << id << saved.body.substr(saved.body.find("<main"), 600);
  page = admin.get(path);
  manual = page.body.find("Bồi dưỡng");
  auto tr2 = page.body.substr(manual, page.body.find("</tr>", manual) - manual);
  EXPECT_NE(tr2.find("55,5 %"), std::string::npos) << tr2;
  EXPECT_NE(tr2.find("Đạt"), std::string::npos) << tr2;
  // The form holds the value with every decimal typed, so saving it again changes nothing.
  ASSERT_EQ(admin.post("/muc-tieu/" + id + "/ket-qua", "ket_qua=55%2C55").status, 303);
  EXPECT_NE(admin.get(path).body.find("id=\"kq-" + id + "\" name=\"ket_qua\" value=\"55,55\""), std::string::npos);
  ASSERT_EQ(admin.post("/muc-tieu/" + id + "/xoa", "x=1").status, 303);
  EXPECT_EQ(admin.get(path).body.find("/muc-tieu/" + id + "/"), std::string::npos);
  Browser viewer{port()};
  ASSERT_EQ(viewer.sign_in("demo.theodoi", "demo-viewer-dongnai"), 303);
  EXPECT_EQ(viewer.post(path + "/muc-tieu", "linh_vuc=procedures&noi_dung=X").status, 403);
}

// The words of a .docx's document part.
std::string docx_text(const std::string& docx) {
  zip_error_t err;
  zip_error_init(&err);
  zip_t* z = zip_open_from_source(zip_source_buffer_create(docx.data(), docx.size(), 0, &err), ZIP_RDONLY, &err);
  if (!z) return {};
  zip_stat_t st;
  std::string xml;
  if (zip_stat(z, "word/document.xml", 0, &st) == 0) {
    xml.resize(st.size);
    zip_file_t* f = zip_fopen(z, "word/document.xml", 0);
    zip_fread(f, xml.data(), st.size);
    zip_fclose(f);
  }
  zip_discard(z);
  return xml;
}

TEST_F(PlansServed, TheCoordinatorCompilesTheReportAndUrgesLaggingUnits) {
  auto plan = demo_plan();
  auto id = std::to_string(plan["id"].get<int>());
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto page = admin.get("/ke-hoach/" + id + "/bao-cao-ky");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Kết quả thực hiện Kế hoạch số " + plan["number"].get<std::string>()), std::string::npos);
  auto docx = admin.get("/ke-hoach/" + id + "/bao-cao-ky?dinh-dang=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  auto text = docx_text(docx.body);
  EXPECT_NE(text.find("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"), std::string::npos);
  EXPECT_NE(text.find("Số:        /BC-UBND"), std::string::npos);
  EXPECT_NE(text.find("Đồng Nai, ngày     tháng     năm"), std::string::npos);
  EXPECT_NE(text.find("II. TỒN TẠI, HẠN CHẾ"), std::string::npos);
  // The same draft as PDF, by LibreOffice in a background job. The link
  // (a GET) queues nothing: it offers a button, whose POST queues the job
  // and leads to its page, which offers the PDF once made. Asked for
  // again, the same document is the job running, then the PDF made.
  const std::string docx_url = "/ke-hoach/" + id + "/bao-cao-ky?dinh-dang=docx";
  const std::string pdf_url = docx_url + "&pdf=1";
  auto offer = admin.get(pdf_url);
  ASSERT_EQ(offer.status, 200) << offer.body.substr(0, 300);
  EXPECT_NE(offer.body.find("action=\"/cong-viec/tao-pdf\""), std::string::npos);
  EXPECT_EQ(testing::form_value(offer.body, "nguon"), docx_url);
  EXPECT_EQ(admin.get(pdf_url).status, 200) << "a GET queues no job";
  auto queued = admin.post("/cong-viec/tao-pdf", "nguon=" + url_encode(docx_url));
  ASSERT_EQ(queued.status, 303) << queued.body.substr(0, 300);
  const std::string job = queued.header("location");
  ASSERT_TRUE(std::regex_match(job, std::regex("/cong-viec/[0-9a-f]{32}"))) << job;
  EXPECT_EQ(admin.post("/cong-viec/tao-pdf", "nguon=" + url_encode(docx_url)).header("location"), job)
      << "sent twice: the same job";
  auto progress = admin.get(job);
  for (int i = 0; i < 1200 && progress.body.find(job + "/ket-qua") == std::string::npos; ++i) {
    ASSERT_EQ(progress.body.find("form-error"), std::string::npos) << "the conversion failed: " << progress.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    progress = admin.get(job);
  }
  ASSERT_NE(progress.body.find(job + "/ket-qua"), std::string::npos) << progress.body;
  auto pdf = admin.get(job + "/ket-qua");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.header("content-disposition").find(".pdf"), std::string::npos);
  EXPECT_EQ(admin.get(pdf_url).header("location"), job + "/ket-qua") << "made before: the PDF itself";
  // What the button may send: a page of this site that gives a Word document.
  for (const std::string& bad :
       std::vector<std::string>{"https://example.org/x.docx", "//example.org/x", "/ke-hoach/" + id, "/khong-co"}) {
    SCOPED_TRACE(bad);
    auto refused = admin.post("/cong-viec/tao-pdf", "nguon=" + url_encode(bad));
    EXPECT_TRUE(refused.status == 400 || refused.status == 404) << refused.status;
  }
  // A path given with a doubled slash offers its own page, never a link to
  // another host.
  auto doubled = admin.get("//ke-hoach/don-doc/SNV?pdf=1");
  ASSERT_EQ(doubled.status, 200) << doubled.body.substr(0, 300);
  EXPECT_EQ(testing::form_value(doubled.body, "nguon"), "/ke-hoach/don-doc/SNV");
  EXPECT_EQ(doubled.body.find("href=\"//ke-hoach"), std::string::npos);

  auto xlsx = admin.get("/ke-hoach/" + id + "/bao-cao-ky?dinh-dang=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto rows = xlsx::read_first_sheet(xlsx.body);
  ASSERT_GT(rows.size(), 40u);
  EXPECT_EQ(rows[1].second[7], "Kết quả thực hiện trong kỳ");
  EXPECT_EQ(admin.get("/ke-hoach/" + id + "/bao-cao-ky?ky=2020-q5").status, 400);

  // The province view links an urging letter for each unit with overdue tasks.
  auto view = admin.get("/ke-hoach/tong-hop");
  ASSERT_EQ(view.status, 200);
  auto link = view.body.find("/ke-hoach/don-doc/SNV?nam=");
  ASSERT_NE(link, std::string::npos);
  auto letter = admin.get(view.body.substr(link, view.body.find('"', link) - link));
  ASSERT_EQ(letter.status, 200);
  auto words = docx_text(letter.body);
  EXPECT_NE(words.find("Kính gửi: Sở Nội vụ."), std::string::npos);
  EXPECT_NE(words.find("V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính"), std::string::npos);
  EXPECT_NE(words.find("nhiệm vụ quá hạn chưa hoàn thành"), std::string::npos);
  // The department's head by title; days overdue are working days.
  EXPECT_NE(words.find("Đề nghị Giám đốc Sở Nội vụ quan tâm chỉ đạo"), std::string::npos);
  EXPECT_EQ(words.find("Thủ trưởng"), std::string::npos);
  EXPECT_NE(words.find(" ngày làm việc; tỷ lệ hoàn thành"), std::string::npos);
  EXPECT_EQ(words.find(" ngày; tỷ lệ hoàn thành"), std::string::npos);
  // The compiled report has no "Kính gửi:", so no "Như trên".
  EXPECT_EQ(text.find("Như trên"), std::string::npos);
  // A commune's officer may not write to a department.
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  EXPECT_EQ(officer.get("/ke-hoach/don-doc/SNV").status, 403);
  EXPECT_EQ(officer.get("/ke-hoach/don-doc/SNV?pdf=1").status, 403);
  EXPECT_EQ(officer.post("/cong-viec/tao-pdf", "nguon=" + url_encode("/ke-hoach/don-doc/SNV")).status, 403)
      << "the button runs the route's own checks";
  EXPECT_EQ(officer.get("/ke-hoach/tong-hop").body.find("/ke-hoach/don-doc/"), std::string::npos);
}

// A figure request: the compiled page shows what the Word draft says (one
// compilation): the unit's figure as it gave it, a whole number without
// decimals, and the total.
TEST_F(PlansServed, AFigureRequestCompilesTheSameOnThePageAndInTheDraft) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(admin.get("/yeu-cau-bao-cao/moi").status, 200);
  Date due{std::chrono::sys_days{local_date(now_seconds())} + std::chrono::days{10}};
  auto created =
      admin.post("/yeu-cau-bao-cao/moi", "loai=figure&trich_yeu=" + url_encode("Số hồ sơ tiếp nhận trong tháng") +
                                             "&noi_dung=&de_cuong=&don_vi_tinh=" + url_encode("hồ sơ") +
                                             "&han=" + url_encode(format_date_vi(due)) +
                                             "&so_ngay=&don_vi=P-TRANGDAI&don_vi=SKHCN&nhanh=");
  ASSERT_EQ(created.status, 303) << created.body;
  auto location = created.header("location");
  auto path = location.substr(0, location.find('?'));
  ASSERT_TRUE(path.starts_with("/yeu-cau-bao-cao/")) << location;

  // The ward answers with a count, the coordinator accepts it.
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  ASSERT_EQ(officer.get(path).status, 200);
  auto answered = officer.post(path + "/tra-loi", "so_lieu=1234&phan_0=");
  ASSERT_EQ(answered.status, 303) << answered.body;
  // Its form holds the figure as typed (a grouped "1.234" would read back as 1,234).
  EXPECT_NE(officer.get(path).body.find("name=\"so_lieu\" value=\"1234\""), std::string::npos);
  auto request_page = admin.get(path).body;
  EXPECT_NE(request_page.find("1.234 hồ sơ"), std::string::npos) << request_page;
  EXPECT_EQ(request_page.find("1.234,00"), std::string::npos);
  ASSERT_EQ(admin.post(path + "/duyet", "don_vi=P-TRANGDAI&thao_tac=accept&ly_do=").status, 303);

  auto page = admin.get(path + "/tong-hop");
  ASSERT_EQ(page.status, 200);
  const auto& html = page.body;
  EXPECT_NE(html.find("<th scope=\"row\">Phường Trảng Dài</th><td class=\"num\">1.234</td>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<th scope=\"row\">Tổng cộng</th><td class=\"num\">1.234</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("1.234,00"), std::string::npos);
  EXPECT_EQ(html.find("Chưa có đơn vị báo cáo nội dung này"), std::string::npos) << html;
  EXPECT_NE(html.find("Các đơn vị chưa gửi báo cáo (1/2)"), std::string::npos);
  EXPECT_NE(html.find("<li>Sở Khoa học và Công nghệ</li>"), std::string::npos);

  // The Word draft says the same.
  auto docx = admin.get(path + "/tong-hop?dinh-dang=docx");
  ASSERT_EQ(docx.status, 200);
  auto text = docx_text(docx.body);
  EXPECT_NE(text.find("- Phường Trảng Dài: 1.234<"), std::string::npos) << text;
  EXPECT_NE(text.find("Tổng cộng: 1.234<"), std::string::npos) << text;
  EXPECT_NE(text.find("- Sở Khoa học và Công nghệ<"), std::string::npos) << text;
  EXPECT_EQ(text.find("1.234,00"), std::string::npos);
  EXPECT_EQ(text.find("Chưa có đơn vị báo cáo nội dung này"), std::string::npos);
}

// When the coordinator answers a unit's difficulties and proposals, the
// unit is told, with a link to the task's reports where the answer shows.
TEST_F(PlansServed, TheUnitIsToldWhenItsDifficultiesAreAnswered) {
  auto plan = demo_plan();
  ASSERT_TRUE(plan.is_object());
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto status = json::parse(admin.get("/api/v1/plans/" + std::to_string(plan["id"].get<int>())).body);
  int own = 0;
  for (const auto& t : status["tasks"]) {
    if (t["lead_units"] == json::array({"P-TRANGDAI"}) && t["deadline"]["kind"] == "quarter") own = t["id"];
  }
  ASSERT_TRUE(own);
  auto task = "/nhiem-vu/" + std::to_string(own);
  std::string period = std::to_string(int(local_date(now_seconds()).year())) + "-q1";
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get(task);
  auto sent =
      officer.post(task + "/bao-cao", "don_vi=P-TRANGDAI&ky=" + period +
                                          "&tinh_trang=in_progress&ty_le=50&noi_dung=" + url_encode("Đang niêm yết") +
                                          "&kho_khan=" + url_encode("Thiếu bảng niêm yết điện tử.") +
                                          "&de_xuat=" + url_encode("Đề nghị hỗ trợ kinh phí."));
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string answer = "Sở sẽ cấp bảng niêm yết điện tử trong quý tới.";
  EXPECT_EQ(officer.get("/thong-bao").body.find(answer), std::string::npos);

  admin.get(task);
  auto answered = admin.post(task + "/duyet", "don_vi=P-TRANGDAI&ky=" + period +
                                                  "&thao_tac=answer&ly_do=&tra_loi_kho_khan=" + url_encode(answer) +
                                                  "&tra_loi_de_xuat=");
  ASSERT_EQ(answered.status, 303) << answered.body;
  auto told = officer.get("/thong-bao").body;
  auto at = told.find(answer);
  ASSERT_NE(at, std::string::npos) << told;
  auto row = told.substr(told.rfind("<tr>", at), told.find("</tr>", at) - told.rfind("<tr>", at));
  EXPECT_NE(row.find("khó khăn, vướng mắc"), std::string::npos) << row;
  EXPECT_NE(row.find("href=\"" + task + "?don-vi=P-TRANGDAI"), std::string::npos) << row;
  EXPECT_NE(row.find("#cac-bao-cao\""), std::string::npos) << row;
  EXPECT_NE(row.find("Chưa đọc"), std::string::npos) << row;
  // The link leads to the answer.
  auto shown = officer.get(task + "?don-vi=P-TRANGDAI&ky=" + period).body;
  EXPECT_NE(shown.find("<strong>Trả lời:</strong> " + answer), std::string::npos);
}

// The letter urging a ward for everything it owes: to its People's
// Committee, its chair named, periods by their labels, each item ending
// with one full stop.
TEST_F(PlansServed, TheUrgingLetterIsAddressedToTheCommitteeAndItsChair) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  auto page = admin.get("/don-doc/P-TRANGDAI");
  ASSERT_EQ(page.status, 200);
  auto sent = admin.post("/don-doc/P-TRANGDAI", "so=126%2FSNV-CCHC&so_ngay=10");
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 600);
  auto location = sent.header("location");
  auto at = location.find("da-gui=");
  ASSERT_NE(at, std::string::npos) << location;
  auto id = location.substr(at + 7, location.find('#', at) - at - 7);
  auto letter = admin.get("/don-doc/P-TRANGDAI/van-ban/" + id);
  ASSERT_EQ(letter.status, 200);
  auto words = docx_text(letter.body);
  EXPECT_NE(words.find("Kính gửi: Ủy ban nhân dân phường Trảng Dài."), std::string::npos);
  EXPECT_NE(words.find("Ủy ban nhân dân phường Trảng Dài còn "), std::string::npos);
  EXPECT_NE(words.find("Đề nghị Chủ tịch Ủy ban nhân dân phường Trảng Dài chỉ đạo"), std::string::npos);
  EXPECT_NE(words.find("- Như trên;"), std::string::npos);
  EXPECT_EQ(words.find("Kính gửi: Phường"), std::string::npos);
  EXPECT_EQ(words.find("Thủ trưởng"), std::string::npos);
  EXPECT_EQ(words.find(".."), std::string::npos);
  int y = int(local_date(now_seconds()).year());
  for (int year : {y - 1, y}) {
    for (const char* code : {"-year", "-q1", "-h1", "-q3", "-dx"}) {
      EXPECT_EQ(words.find(std::to_string(year) + code), std::string::npos) << year << code;
    }
  }
}

// Issue 36's contract: a coordinator of a unit's subtree, made on the
// command line, signs in to the province coordinator's pages and sees and
// acts on its subtree only: the reports on its own plans, urging its own
// units, requests to its own units; a unit officer is refused the queue.
TEST_F(PlansServed, ACoordinatorOfASubtreeReviewsItsSubtreeOnly) {
  std::string out;
  ASSERT_EQ(run_cchc({"user", "add", "--db", db_, "--username", "vp.dieuphoi", "--unit", "VP-UBND", "--role",
                      "coordinator", "--name", "Điều phối Văn phòng"},
                     out),
            0)
      << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex("password \\(shown once\\): ([A-Za-z0-9]{16})")));
  const std::string password = m[1].str();
  // A scope must hold the user's unit: Sở Tư pháp is not under the office.
  EXPECT_EQ(run_cchc({"user", "add", "--db", db_, "--username", "x.dieuphoi", "--unit", "VP-UBND", "--role",
                      "coordinator", "--scope", "STP"},
                     out),
            2);
  EXPECT_NE(out.find("is not within 'STP'"), std::string::npos) << out;

  // The office's own plan, whose task the office's centre leads, with a
  // report waiting; and a province plan's report by the office itself.
  const int year = int(local_date(now_seconds()).year());
  const std::string period = std::to_string(year) + "-q1";
  const audit::Entry who{"cli:test", "cli", "", "", "", {}, {}};
  auto db = db::open(db_);
  plans::Plan own;
  own.number = "7/KH-VP";
  own.unit_code = "VP-UBND";
  own.title = "Kế hoạch cải cách hành chính của Văn phòng";
  own.year = year;
  own.issued_on = Date{std::chrono::year{year} / 1 / 15};
  own.status = "issued";
  own = plans::create_plan(*db, own, who, now_seconds());
  plans::TaskInput task;
  task.area_code = "procedures";
  task.description = "Số hóa hồ sơ tại Trung tâm";
  task.output = "Báo cáo";
  task.deadline_text = "Quý IV/" + std::to_string(year);
  task.leads = "Trung tâm Phục vụ hành chính công tỉnh";
  plans::add_task(*db, own.id, task, who, now_seconds());
  auto own_task = db->read([&](db::Connection& c) { return plans::plan_tasks(c, own.id); }).at(0);
  plans::Report r;
  r.task_id = own_task.id;
  r.unit_code = "TTPVHCC";
  r.period = period;
  r.progress = "in_progress";
  r.percent = 40;
  plans::submit_report(*db, r, who, now_seconds());
  auto province_report = db->read([&](db::Connection& c) {
    return c
        .query(
            "SELECT r.task_id, r.period FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id "
            "JOIN plans p ON p.id = t.plan_id WHERE r.unit_code = 'VP-UBND' AND r.review = 'pending' "
            "AND p.unit_code = 'DNI' ORDER BY r.task_id LIMIT 1")
        .one();
  });
  const auto province_task = std::to_string(province_report.i64("task_id"));
  const auto province_period = province_report.str("period");
  const auto province_number = demo_plan()["number"].get<std::string>();

  Browser vp{port()}, province{port()}, officer{port()};
  ASSERT_EQ(vp.sign_in("vp.dieuphoi", password), 303);
  ASSERT_EQ(province.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  // The queue: the office's coordinator sees its plan's report only; the
  // province's sees both; an officer is refused.
  auto queue = vp.get("/duyet-bao-cao");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("7/KH-VP"), std::string::npos);
  EXPECT_EQ(queue.body.find(province_number), std::string::npos) << province_number;
  auto whole = province.get("/duyet-bao-cao");
  EXPECT_NE(whole.body.find("7/KH-VP"), std::string::npos);
  EXPECT_NE(whole.body.find(province_number), std::string::npos);
  EXPECT_EQ(officer.get("/duyet-bao-cao").status, 403);
  // The task pages offer the review where it may be done, and only there.
  const std::string accept = "name=\"thao_tac\" value=\"accept\"";
  EXPECT_NE(vp.get("/nhiem-vu/" + std::to_string(own_task.id)).body.find(accept), std::string::npos);
  EXPECT_EQ(vp.get("/nhiem-vu/" + province_task).body.find(accept), std::string::npos);
  EXPECT_NE(province.get("/nhiem-vu/" + province_task).body.find(accept), std::string::npos);
  // Acting: a province plan's report is not the office's to review, even
  // its own; its centre's report on its own plan is.
  EXPECT_EQ(
      vp.post("/nhiem-vu/" + province_task + "/duyet", "don_vi=VP-UBND&ky=" + province_period + "&thao_tac=accept")
          .status,
      403);
  auto accepted = vp.post("/nhiem-vu/" + std::to_string(own_task.id) + "/duyet",
                          "don_vi=TTPVHCC&ky=" + period + "&thao_tac=accept");
  EXPECT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(db->read([&](db::Connection& c) { return plans::task_reports(c, own_task.id); }).at(0).review, "accepted");
  // Urging and requests: its own units only.
  EXPECT_EQ(vp.get("/don-doc/TTPVHCC").status, 200);
  EXPECT_EQ(vp.get("/don-doc/STP").status, 403);
  auto index = vp.get("/don-doc");
  EXPECT_NE(index.body.find("/don-doc/TTPVHCC"), std::string::npos);
  EXPECT_EQ(index.body.find("/don-doc/STP\""), std::string::npos);
  // Requests: the province's coordinator sees the demo's request to the
  // communes; the office's does not, as it did not send it.
  const std::string request_title = "Báo cáo sơ kết công tác cải cách hành chính năm " + std::to_string(year);
  auto all_requests = province.get("/yeu-cau-bao-cao");
  ASSERT_EQ(all_requests.status, 200);
  EXPECT_NE(all_requests.body.find(request_title), std::string::npos);
  auto office_requests = vp.get("/yeu-cau-bao-cao");
  ASSERT_EQ(office_requests.status, 200);
  EXPECT_EQ(office_requests.body.find(request_title), std::string::npos);
  auto form = vp.get("/yeu-cau-bao-cao/moi");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"TTPVHCC\""), std::string::npos);
  EXPECT_EQ(form.body.find("value=\"STP\""), std::string::npos);
  // The province's settings are the province's coordinator's: the office
  // reads the periods, the province's coordinator edits them.
  const std::string period_form = "<form method=\"post\" action=\"/ky-bao-cao\"";
  auto periods = vp.get("/ky-bao-cao");
  ASSERT_EQ(periods.status, 200);
  EXPECT_EQ(periods.body.find(period_form), std::string::npos);
  EXPECT_NE(periods.body.find("Các kỳ báo cáo năm"), std::string::npos);
  EXPECT_NE(province.get("/ky-bao-cao").body.find(period_form), std::string::npos);
  EXPECT_EQ(vp.post("/ky-bao-cao/dot-xuat", "ten=X").status, 403);
  EXPECT_EQ(vp.post("/danh-gia/moi", "ma=X").status, 403);
}

}  // namespace
}  // namespace cchc
