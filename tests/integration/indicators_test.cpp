// The indicators capability through the real `cchc serve` and `cchc`
// binaries on the demo province: the API against the command line, pushes
// with API tokens, the upload page and its staged files, manual 766 values,
// exports, open data, the public pages' cache after an import.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/xlsx.h"
#include "http/compression.h"
#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/jobs.h"
#include "support/server_process.h"
#include "support/zip_entry.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::http_request;
using testing::run_cchc;
using testing::ServerProcess;

class IndicatorsServed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::with);
    dir_ = demo_->dir();
    db_ = demo_->db();
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return server_->port(); }
  static json get_json(const std::string& target) {
    auto r = http_request(port(), "GET", target);
    EXPECT_EQ(r.status, 200) << target << "\n" << r.body;
    return json::parse(r.body);
  }
  static json cli_json(const std::vector<std::string>& args) {
    std::string out;
    EXPECT_EQ(run_cchc(args, out), 0) << out;
    return testing::last_json_line(out);  // log lines may surround it
  }
  static json push(const std::string& kind, const std::string& token, const std::string& body, int expect) {
    std::vector<std::pair<std::string, std::string>> h = {{"Content-Type", "application/json"}};
    if (!token.empty()) h.push_back({"Authorization", "Bearer " + token});
    auto r = http_request(port(), "POST", "/api/v1/" + kind, h, body);
    EXPECT_EQ(r.status, expect) << r.body;
    return r.body.empty() || r.body[0] != '{' ? json::object() : json::parse(r.body);
  }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

// A dossier of 2018 (no demo data then), so counts are exact.
std::string dossier(const std::string& id, const std::string& unit, const std::string& status = "finished") {
  json d = {{"id", id},
            {"unit_code", unit},
            {"procedure_code", "2.000123"},
            {"channel", "online"},
            {"online_service", "full"},
            {"received_at", "2018-05-02T08:00:00+07:00"},
            {"due_at", "2018-05-09T17:00:00+07:00"},
            {"finished_at", status == "finished" ? json("2018-05-09T17:00:00+07:00") : json(nullptr)},
            {"status", status},
            {"digitized", true},
            {"result_digitized", 1},
            {"fee_required", 0},
            {"paid_online", 0},
            {"rating", "very_satisfied"},
            {"apology_sent", 0}};
  return d.dump();
}

// A JSON array of records, written with append (GCC 12 misreads "[" + …,
// bug 105651).
std::string array_of(std::initializer_list<std::string> records) {
  std::string out = "[";
  for (const auto& r : records) {
    if (out.size() > 1) out += ',';
    out += r;
  }
  out += ']';
  return out;
}

TEST_F(IndicatorsServed, ApiGivesWhatTheCommandLineGives) {
  for (const char* scope : {"unit", "subtree"}) {
    SCOPED_TRACE(scope);
    auto api = get_json(std::string("/api/v1/indicators?unit=DNI&period=2025-Q2&scope=") + scope);
    auto cli = cli_json({"indicators", "--db", db_, "--unit", "DNI", "--period", "2025-Q2", "--scope", scope});
    EXPECT_EQ(api, cli);
  }
  auto subtree = get_json("/api/v1/indicators?unit=DNI&period=2025-Q2&scope=subtree");
  EXPECT_GT(subtree["received"].get<int>(), 1000);
  EXPECT_EQ(subtree["on_time_rate"]["denominator"], subtree["finished"]);
  // The province unit itself receives nothing: a rate with no denominator is null.
  auto alone = get_json("/api/v1/indicators?unit=DNI&period=2025-Q2&scope=unit");
  EXPECT_EQ(alone["received"], 0);
  EXPECT_TRUE(alone["online_rate"]["value"].is_null());

  auto i766 = get_json("/api/v1/index766?unit=DNI&period=2025-Q2&formula=qd766-observed");
  auto i766_cli =
      cli_json({"index766", "--db", db_, "--unit", "DNI", "--period", "2025-Q2", "--formula", "qd766-observed"});
  EXPECT_EQ(i766, i766_cli);
  EXPECT_EQ(i766["groups"].size(), 6u);
  EXPECT_EQ(i766["formula"], "qd766-observed");

  auto bad = http_request(port(), "GET", "/api/v1/indicators?unit=DNI&period=2025-02-10..2025-03-31");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("whole months"), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/indicators?unit=KHONGCO&period=2025").status, 404);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/index766?unit=DNI&period=2025&formula=qd766").status, 400);
}

TEST_F(IndicatorsServed, RankingsShareRanksAndSetSmallUnitsApart) {
  auto r = get_json("/api/v1/rankings?level=commune&period=2025-Q4&indicator=on_time_rate&minimum=30");
  ASSERT_FALSE(r["ranked"].empty());
  int previous_rank = 0;
  double previous_value = 2;
  for (std::size_t i = 0; i < r["ranked"].size(); ++i) {
    const auto& row = r["ranked"][i];
    double v = row["value"];
    int rank = row["rank"];
    EXPECT_LE(v, previous_value);
    EXPECT_GE(row["sample"].get<int>(), 30);
    if (v == previous_value)
      EXPECT_EQ(rank, previous_rank);
    else
      EXPECT_EQ(rank, int(i) + 1);
    previous_rank = rank;
    previous_value = v;
  }
  // With a minimum above every commune's sample, nobody is ranked.
  auto none = get_json("/api/v1/rankings?level=commune&period=2025-Q4&indicator=on_time_rate&minimum=100000");
  EXPECT_TRUE(none["ranked"].empty());
  EXPECT_EQ(none["not_enough_data"].size(), r["ranked"].size() + r["not_enough_data"].size());
  auto by766 = get_json("/api/v1/rankings?level=department&period=2025&indicator=index766&formula=qd766-legal");
  EXPECT_EQ(by766["formula"], "qd766-legal");
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/rankings?level=commune&period=2025&indicator=received").status, 400);
}

TEST_F(IndicatorsServed, PushesNeedALiveTokenAndStayInItsSubtree) {
  auto issued = cli_json({"tokens", "add", "--db", db_, "--name", "Một cửa phường Trảng Dài", "--unit", "P-TRANGDAI"});
  std::string secret = issued["secret"];
  ASSERT_TRUE(secret.starts_with("cchc_"));

  push("dossiers", "", array_of({dossier("API-1", "P-TRANGDAI")}), 401);
  push("dossiers", "cchc_00000000_not-a-token", array_of({dossier("API-1", "P-TRANGDAI")}), 401);

  // A token issued for Open311 cannot push records.
  auto open311 = cli_json(
      {"tokens", "add", "--db", db_, "--name", "Ứng dụng phản ánh", "--unit", "P-TRANGDAI", "--purpose", "open311"});
  EXPECT_EQ(open311["purpose"], "open311");
  push("dossiers", open311["secret"], array_of({dossier("API-0", "P-TRANGDAI")}), 403);

  auto first = push("dossiers", secret, array_of({dossier("API-1", "P-TRANGDAI")}), 200);
  EXPECT_EQ(first["inserted"], 1);
  // NDJSON, the same record again and a new one: one unchanged, one inserted.
  auto second = push("dossiers", secret,
                     dossier("API-1", "P-TRANGDAI") + "\n" + dossier("API-2", "P-TRANGDAI", "processing") + "\n", 200);
  EXPECT_EQ(second["unchanged"], 1);
  EXPECT_EQ(second["inserted"], 1);

  // A record of another ward rejects the whole batch; nothing is written.
  auto rejected =
      push("dossiers", secret, array_of({dossier("API-3", "P-TRANGDAI"), dossier("API-4", "P-TAMHIEP")}), 422);
  ASSERT_EQ(rejected["errors"].size(), 1u);
  EXPECT_EQ(rejected["errors"][0]["line"], 2);
  EXPECT_NE(rejected["errors"][0]["message"].get<std::string>().find("P-TAMHIEP"), std::string::npos);

  auto figures = get_json("/api/v1/indicators?unit=P-TRANGDAI&period=2018-05&scope=unit");
  EXPECT_EQ(figures["received"], 2);
  EXPECT_EQ(figures["finished"], 1);
  EXPECT_EQ(figures["on_time_rate"]["value"], 1.0);  // finished exactly at due_at

  // Session cookies do not push, even an admin's (no token, no CSRF).
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  auto with_cookie = http_request(port(), "POST", "/api/v1/dossiers",
                                  {{"Cookie", admin.cookie}, {"Content-Type", "application/json"}}, "[]");
  EXPECT_EQ(with_cookie.status, 403);

  std::string out;
  ASSERT_EQ(run_cchc({"tokens", "revoke", "--db", db_, issued["id"]}, out), 0) << out;
  push("dossiers", secret, array_of({dossier("API-5", "P-TRANGDAI")}), 401);
}

// The public page, open data and the API's reads are served from the page
// cache: an import through the API shows on them at once, and a client
// whose copy is current gets 304.
TEST_F(IndicatorsServed, AnImportShowsOnThePublicPagesAtOnceAndACurrentCopyIs304) {
  auto issued = cli_json({"tokens", "add", "--db", db_, "--name", "Một cửa phường Tam Hiệp", "--unit", "P-TAMHIEP"});
  // In 2025, when the ward exists (from 01/07/2025), so open data lists it.
  const std::string page = "/cong-khai/chi-so?ky=2025", open = "/du-lieu-mo/chi-so.json?ky=2025",
                    api = "/api/v1/indicators?unit=P-TAMHIEP&period=2025&scope=unit";
  auto in_2025 = [](std::string d) {
    for (auto at = d.find("2018-05"); at != std::string::npos; at = d.find("2018-05")) d.replace(at, 7, "2025-08");
    return d;
  };
  auto before = http_request(port(), "GET", page);
  ASSERT_EQ(before.status, 200);
  auto etag = before.header("etag");
  ASSERT_FALSE(etag.empty());
  auto current = http_request(port(), "GET", page, {{"If-None-Match", etag}});
  EXPECT_EQ(current.status, 304);
  EXPECT_TRUE(current.body.empty());
  auto api_before = http_request(port(), "GET", api);
  const int received = json::parse(api_before.body)["received"];
  EXPECT_EQ(http_request(port(), "GET", api, {{"If-None-Match", api_before.header("etag")}}).status, 304);
  auto open_before = http_request(port(), "GET", open);

  push("dossiers", issued["secret"],
       array_of({in_2025(dossier("CACHE-1", "P-TAMHIEP")), in_2025(dossier("CACHE-2", "P-TAMHIEP"))}), 200);
  auto after = http_request(port(), "GET", page, {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.header("etag"), etag);
  EXPECT_NE(after.body, before.body);
  auto api_after = http_request(port(), "GET", api, {{"If-None-Match", api_before.header("etag")}});
  ASSERT_EQ(api_after.status, 200);
  EXPECT_EQ(json::parse(api_after.body)["received"], received + 2);
  auto open_after = http_request(port(), "GET", open, {{"If-None-Match", open_before.header("etag")}});
  EXPECT_EQ(open_after.status, 200);
  EXPECT_NE(open_after.body, open_before.body);
  // The new page is kept in turn, and sent encoded as the client asks.
  EXPECT_EQ(http_request(port(), "GET", page, {{"If-None-Match", after.header("etag")}}).status, 304);
  auto br = http_request(port(), "GET", page, {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.header("vary"), "Accept-Encoding");
  EXPECT_EQ(http::unbrotli(br.body), after.body);
}

TEST_F(IndicatorsServed, UploadPreviewsThenImportsAndOfficersStayInTheirUnit) {
  const std::string csv =
      "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n"
      "UP-1,P-TRANGDAI,hotline_1022,2018-06-01T08:00:00+07:00,2018-06-11T17:00:00+07:00,2018-06-05T09:00:00+07:00,"
      "answered,satisfied\n"
      "UP-2,P-TRANGDAI,direct,2018-06-02T08:00:00+07:00,2018-06-12T17:00:00+07:00,,open,\n";
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get("/chi-so/nhap");
  auto preview = officer.post_file("/chi-so/nhap", {{"loai", "feedback"}}, "tep", "phan-anh.csv", csv);
  EXPECT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Tệp hợp lệ: 2 bản ghi phản ánh, kiến nghị"), std::string::npos);
  // The preview wrote nothing.
  EXPECT_EQ(get_json("/api/v1/indicators?unit=P-TRANGDAI&period=2018-06&scope=unit")["feedback_received"], 0);

  auto staged = testing::form_value(preview.body, "tep_da_kiem_tra");
  ASSERT_EQ(staged.size(), 32u) << preview.body;
  // The import is a background job: the confirmation leads to its page.
  auto confirmed = officer.post("/chi-so/nhap/xac-nhan", "loai=feedback&tep_da_kiem_tra=" + staged);
  ASSERT_EQ(confirmed.status, 303) << confirmed.body;
  auto done = testing::follow_job(officer, confirmed.header("location"));
  EXPECT_EQ(done.status, 200);
  EXPECT_NE(done.body.find("Đã nhập phan-anh.csv"), std::string::npos) << done.body;
  EXPECT_NE(done.body.find("2 mới, 0 cập nhật, 0 không đổi"), std::string::npos);
  auto june = get_json("/api/v1/indicators?unit=P-TRANGDAI&period=2018-06&scope=unit");
  EXPECT_EQ(june["feedback_received"], 2);
  EXPECT_EQ(june["feedback_on_time_rate"]["value"], 1.0);

  std::string other = csv;
  other.replace(other.find("UP-2,P-TRANGDAI"), 15, "UP-2,P-TAMHIEP");
  auto refused = officer.post_file("/chi-so/nhap", {{"loai", "feedback"}}, "tep", "khac.csv", other);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Dòng 3: đơn vị &#39;P-TAMHIEP&#39; nằm ngoài phạm vi P-TRANGDAI"), std::string::npos)
      << refused.body;

  EXPECT_EQ(officer.get("/chi-so/don-vi/P-TRANGDAI").status, 200);
  EXPECT_EQ(officer.get("/chi-so/don-vi/SNV").status, 403);
  EXPECT_EQ(officer.get("/quan-tri/ma-truy-cap").status, 403);
}

// A file bigger than any form: 68 000 records, 8,5 MB, whose content as a
// form field would pass 11 MB, over the 10 MB the server takes in a body
// (the 413 a confirmation carrying the file met). The checked file waits on
// the server; the confirmation is its id; the id is its uploader's only, for
// the kind it was checked as, and imports once (in a background job).
TEST_F(IndicatorsServed, ABigUploadIsStagedOnTheServerAndOnlyItsUploaderConfirmsIt) {
  const int n = 68000;
  std::string csv = "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n";
  csv.reserve(std::size_t(n) * 130);
  for (int i = 0; i < n; ++i) {
    csv += fmt::format(
        "LON-{:05},P-TRANGDAI,hotline_1022,2019-03-04T08:00:00+07:00,2019-03-14T17:00:00+07:00,"
        "2019-03-08T09:00:00+07:00,answered,satisfied\n",
        i);
  }
  ASSERT_GT(http::url_encode(csv).size(), std::size_t(10) * 1024 * 1024);
  Browser officer{port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  officer.get("/chi-so/nhap");
  auto checked = officer.post_file("/chi-so/nhap", {{"loai", "feedback"}}, "tep", "lon.csv", csv);
  ASSERT_EQ(checked.status, 200) << checked.body.substr(0, 3000);
  EXPECT_NE(checked.body.find("Tệp hợp lệ: 68.000 bản ghi phản ánh, kiến nghị"), std::string::npos);
  // The confirmation page holds the first records as a table and the id, never the file.
  ASSERT_LT(checked.body.size(), std::size_t(100) * 1024);
  EXPECT_EQ(checked.body.find("LON-67999"), std::string::npos);
  EXPECT_EQ(checked.body.find("<textarea"), std::string::npos);
  auto id = testing::form_value(checked.body, "tep_da_kiem_tra");
  ASSERT_EQ(id.size(), 32u);
  const std::string confirm = "loai=feedback&tep_da_kiem_tra=" + id;
  auto march = [&] {
    return get_json("/api/v1/indicators?unit=P-TRANGDAI&period=2019-03&scope=unit")["feedback_received"];
  };

  // Another user, of the same unit and with the same right, cannot confirm it.
  Browser leader{port()};
  ASSERT_EQ(leader.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  leader.get("/chi-so/nhap");
  auto foreign = leader.post("/chi-so/nhap/xac-nhan", confirm);
  EXPECT_EQ(foreign.status, 422);
  EXPECT_NE(foreign.body.find("Tệp đã kiểm tra không còn trên máy chủ"), std::string::npos) << foreign.body;
  // Nor does its uploader import it as another kind than it was checked as.
  EXPECT_EQ(officer.post("/chi-so/nhap/xac-nhan", "loai=dossiers&tep_da_kiem_tra=" + id).status, 422);
  EXPECT_EQ(march(), 0);

  auto confirmed = officer.post("/chi-so/nhap/xac-nhan", confirm);
  ASSERT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 3000);
  auto done = testing::follow_job(officer, confirmed.header("location"));
  ASSERT_EQ(done.status, 200) << done.body.substr(0, 3000);
  EXPECT_NE(done.body.find("Đã nhập lon.csv: 68.000 bản ghi — 68.000 mới, 0 cập nhật, 0 không đổi"), std::string::npos)
      << done.body.substr(0, 3000);
  EXPECT_EQ(march(), n);
  // Confirmed once: the id is gone.
  auto again = officer.post("/chi-so/nhap/xac-nhan", confirm);
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("Tệp đã kiểm tra không còn trên máy chủ"), std::string::npos);
}

// The overview's workbook for a period without data (the third quarter of
// 2020): its title names the scope, the period and the level; its number
// columns hold numbers or nothing, and a legend says what nothing means.
TEST_F(IndicatorsServed, TheOverviewWorkbookNamesWhatItCoversAndHoldsNumbersOnly) {
  Browser viewer{port()};
  ASSERT_EQ(viewer.sign_in("demo.theodoi", "demo-viewer-dongnai"), 303);
  auto x = viewer.get("/chi-so?cap=commune&ky=2020-Q3&dinh-dang=xlsx");
  ASSERT_EQ(x.status, 200);
  std::string title;  // the first sheet's cells above its header row
  for (const auto& line : xlsx::read_first_sheet(x.body)) {
    const auto& cells = line.second;
    if (!cells.empty() && cells[0] == "Chỉ số") break;
    for (const auto& c : cells) title += c + "\n";
  }
  EXPECT_NE(title.find("Toàn tỉnh"), std::string::npos) << title;
  EXPECT_NE(title.find("Tỉnh Đồng Nai"), std::string::npos) << title;
  EXPECT_NE(title.find("Quý III/2020"), std::string::npos) << title;
  EXPECT_NE(title.find("Xã, phường, đặc khu"), std::string::npos) << title;
  EXPECT_EQ(title.find("2020-Q3"), std::string::npos) << title;
  EXPECT_NE(title.find("chưa có dữ liệu"), std::string::npos) << title;

  // Every cell right of column A that holds text (t="s", "str", "inlineStr")
  // is on the header row; the rows below hold numbers.
  const std::regex cell(R"re(<c r="([A-Z]+)([0-9]+)"([^>]*)>)re");
  for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
    SCOPED_TRACE(sheet);
    auto xml = testing::zip_entry(x.body, sheet);
    ASSERT_FALSE(xml.empty());
    std::set<int> text_rows, number_rows;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), cell); it != std::sregex_iterator(); ++it) {
      if ((*it)[1].str() == "A") continue;
      auto attributes = (*it)[3].str();
      bool text = attributes.find(" t=\"") != std::string::npos && attributes.find(" t=\"n\"") == std::string::npos;
      (text ? text_rows : number_rows).insert(std::stoi((*it)[2].str()));
    }
    ASSERT_EQ(text_rows.size(), 1u) << xml.substr(0, 4000);  // the header
    ASSERT_FALSE(number_rows.empty());
    EXPECT_GT(*number_rows.begin(), *text_rows.begin());
  }
}

TEST_F(IndicatorsServed, ManualValuesScoreAndBadOnesAreRefused) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  auto before = get_json("/api/v1/index766?unit=SNV&period=2025-Q1&formula=qd766-legal");
  EXPECT_FALSE(before["complete"].get<bool>());
  admin.get("/chi-so/766/SNV?ky=2025-Q1");
  auto saved = admin.post("/chi-so/766/SNV?ky=2025-Q1", "tu_PUBLISH_ON_TIME=9&mau_PUBLISH_ON_TIME=10");
  EXPECT_EQ(saved.status, 303);
  auto after = get_json("/api/v1/index766?unit=SNV&period=2025-Q1&formula=qd766-legal");
  const auto& publish = after["groups"][0]["indicators"][0];
  EXPECT_EQ(publish["code"], "PUBLISH_ON_TIME");
  EXPECT_NEAR(publish["points"].get<double>(), 5.4, 1e-9);
  EXPECT_NEAR(after["total"].get<double>() - before["total"].get<double>(), 5.4, 1e-9);

  admin.get("/chi-so/766/SNV?ky=2025-Q1");
  auto bad = admin.post("/chi-so/766/SNV?ky=2025-Q1", "tu_DOSSIER_SYNC=11&mau_DOSSIER_SYNC=10");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Tử số phải từ 0 đến mẫu số."), std::string::npos);
  // A value that is not a whole number is named on the form; nothing is written.
  admin.get("/chi-so/766/SNV?ky=2025-Q1");
  auto typed = admin.post("/chi-so/766/SNV?ky=2025-Q1", "tu_DOSSIER_SYNC=9x&mau_DOSSIER_SYNC=10");
  EXPECT_EQ(typed.status, 422);
  EXPECT_NE(typed.body.find("tử số và mẫu số phải là số nguyên."), std::string::npos);
  auto unchanged = get_json("/api/v1/index766?unit=SNV&period=2025-Q1&formula=qd766-legal");
  EXPECT_EQ(unchanged["total"], after["total"]);
}

TEST_F(IndicatorsServed, EveryTableExportsAndOpenDataIsPublic) {
  Browser viewer{port()};
  ASSERT_EQ(viewer.sign_in("demo.theodoi", "demo-viewer-dongnai"), 303);
  for (const char* page : {"/chi-so?cap=commune&ky=2025-Q3", "/chi-so/don-vi/SNV?ky=2025-Q3", "/chi-so/766/DNI?ky=2025",
                           "/chi-so/xep-hang?cap=department&ky=2025"}) {
    SCOPED_TRACE(page);
    auto html = viewer.get(page);
    EXPECT_EQ(html.status, 200);
    EXPECT_NE(html.body.find("dinh-dang=xlsx"), std::string::npos);
    auto x = viewer.get(std::string(page) + "&dinh-dang=xlsx");
    EXPECT_EQ(x.status, 200);
    EXPECT_EQ(x.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(x.body.substr(0, 2), "PK");
    EXPECT_NE(x.header("content-disposition").find(".xlsx"), std::string::npos);
  }
  auto csv = http_request(port(), "GET", "/du-lieu-mo/chi-so.csv?ky=2025");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("unit_code,unit_name,level,period,received", 0), 0u);
  auto open = json::parse(http_request(port(), "GET", "/du-lieu-mo/chi-so.json?ky=2025").body);
  EXPECT_EQ(open["period"], "2025");
  bool found = false;
  for (const auto& u : open["units"]) {
    if (u["unit"] != "SNV") continue;
    found = true;
    EXPECT_EQ(u["received"], get_json("/api/v1/indicators?unit=SNV&period=2025&scope=subtree")["received"]);
  }
  EXPECT_TRUE(found);
  auto pub = http_request(port(), "GET", "/cong-khai/chi-so?ky=2025");
  EXPECT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("Tỷ lệ giải quyết đúng hạn"), std::string::npos);
}

}  // namespace
}  // namespace cchc
