// Background jobs through the real `cchc serve` on the demo province: the
// upload's import followed on its job page to the result, seen by its
// owner (and the administrator) only; a job waiting for a worker polls,
// can be cancelled, and survives the server's restart, run by the next
// server on the database; the administrator's rebuild of every rollup;
// the province view's workbook made in the background.
#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <optional>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/ooxml.h"
#include "http/message.h"
#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/jobs.h"
#include "support/server_process.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::Browser;

constexpr auto npos = std::string::npos;

// Feedback of P-TRANGDAI received in `month` of 2018 (no demo data then),
// one record per id.
std::string feedback_csv(const std::string& month, std::initializer_list<const char*> ids) {
  std::string csv = "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n";
  for (const char* id : ids) {
    csv += std::string(id) + ",P-TRANGDAI,hotline_1022,2018-" + month + "-01T08:00:00+07:00,2018-" + month +
           "-11T17:00:00+07:00,2018-" + month + "-05T09:00:00+07:00,answered,satisfied\n";
  }
  return csv;
}

int received(unsigned short port, const std::string& month) {
  auto r =
      testing::http_request(port, "GET", "/api/v1/indicators?unit=P-TRANGDAI&period=2018-" + month + "&scope=unit");
  EXPECT_EQ(r.status, 200) << r.body;
  return json::parse(r.body)["feedback_received"].get<int>();
}

// Checks `csv` on the upload page and confirms it; the confirmation's
// answer (303 to the job's page).
testing::HttpResult upload(Browser& b, const std::string& filename, const std::string& csv) {
  b.get("/chi-so/nhap");
  auto checked = b.post_file("/chi-so/nhap", {{"loai", "feedback"}}, "tep", filename, csv);
  EXPECT_EQ(checked.status, 200) << checked.body.substr(0, 2000);
  return b.post("/chi-so/nhap/xac-nhan",
                "loai=feedback&tep_da_kiem_tra=" + testing::form_value(checked.body, "tep_da_kiem_tra"));
}

TEST(JobsServed, AnImportIsFollowedToItsResultWhichOnlyItsOwnerSees) {
  testing::DemoServer demo(testing::DemoRecords::without);
  Browser officer{demo.port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto confirmed = upload(officer, "phan-anh-7.csv", feedback_csv("07", {"JOB-1", "JOB-2"}));
  ASSERT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 2000);
  const auto job = confirmed.header("location");
  ASSERT_TRUE(std::regex_match(job, std::regex("/cong-viec/[0-9a-f]{32}"))) << job;

  auto page = testing::follow_job(officer, job);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1>Nhập tệp phan-anh-7.csv</h1>"), npos) << page.body;
  EXPECT_NE(page.body.find("<strong>Đã xong</strong>"), npos);
  EXPECT_NE(page.body.find("Đã nhập phan-anh-7.csv: 2 bản ghi — 2 mới, 0 cập nhật, 0 không đổi."), npos);
  EXPECT_NE(page.body.find("<progress max=\"2\" value=\"2\""), npos);
  EXPECT_NE(page.body.find("Đã xử lý 2/2 (100 %)"), npos);
  EXPECT_TRUE(std::regex_search(page.body, std::regex("Tạo lúc</dt><dd>\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}</dd>")));
  // Finished: no polling, no refresh, nothing to cancel; its receipt and the way back.
  EXPECT_EQ(page.body.find("hx-trigger"), npos);
  EXPECT_EQ(page.body.find("http-equiv=\"refresh\""), npos);
  EXPECT_EQ(page.body.find(job + "/huy"), npos);
  EXPECT_NE(page.body.find("<a href=\"" + job + "/ket-qua\">"), npos);
  EXPECT_NE(page.body.find("<a href=\"/chi-so/nhap\">Nhập tệp khác</a>"), npos);
  EXPECT_EQ(received(demo.port(), "07"), 2);

  auto receipt = officer.get(job + "/ket-qua");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(receipt.header("content-disposition"), "attachment; filename=\"bien-nhan-phan-anh-7-csv.csv\"");
  EXPECT_NE(receipt.body.find("tep,loai,ban_ghi,moi,cap_nhat,khong_doi,nguoi_nhap,thoi_gian\r\n"), npos);
  EXPECT_NE(receipt.body.find("phan-anh-7.csv,feedback,2,2,0,0,demo.canbo,"), npos) << receipt.body;
  // htmx polling a finished job reloads the whole page.
  auto fragment = officer.get(job + "/tien-do");
  EXPECT_EQ(fragment.status, 200);
  EXPECT_EQ(fragment.header("hx-refresh"), "true");
  EXPECT_NE(officer.get("/cong-viec").body.find("href=\"" + job + "\""), npos);
  // Cancelling a finished job changes nothing.
  EXPECT_EQ(officer.post(job + "/huy", "xac_nhan=1").status, 303);
  EXPECT_NE(officer.get(job).body.find("<strong>Đã xong</strong>"), npos);

  // Another user of the same unit and rights: as if there were no such job.
  Browser leader{demo.port()};
  ASSERT_EQ(leader.sign_in("demo.lanhdao", "demo-unit_leader-dongnai"), 303);
  for (const auto& path : {job, job + "/tien-do", job + "/ket-qua"}) EXPECT_EQ(leader.get(path).status, 404) << path;
  EXPECT_EQ(leader.post(job + "/huy", "xac_nhan=1").status, 404);
  EXPECT_EQ(leader.get("/cong-viec").body.find(job), npos);
  // The administrator sees every job.
  Browser admin{demo.port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  EXPECT_EQ(admin.get(job).status, 200);
  EXPECT_EQ(admin.get(job + "/ket-qua").status, 200);
}

TEST(JobsServed, AQueuedJobPollsCanBeCancelledAndSurvivesARestart) {
  // No worker in this server: its jobs wait for another process.
  testing::DemoServer demo(testing::DemoRecords::without, {"--job-workers", "0"});
  Browser officer{demo.port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto first = upload(officer, "thang-8.csv", feedback_csv("08", {"JQ-1"}));
  ASSERT_EQ(first.status, 303);
  const auto cancelled = first.header("location");

  auto waiting = officer.get(cancelled);
  ASSERT_EQ(waiting.status, 200);
  EXPECT_NE(waiting.body.find("<strong>Đang chờ</strong>"), npos) << waiting.body;
  EXPECT_NE(waiting.body.find("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"), npos);
  EXPECT_NE(waiting.body.find("hx-get=\"" + cancelled + "/tien-do\" hx-trigger=\"every 1s\""), npos);
  EXPECT_NE(waiting.body.find("<progress aria-label=\"Tiến độ\"></progress>"), npos);  // no total yet
  EXPECT_NE(waiting.body.find("action=\"" + cancelled + "/huy\""), npos);
  auto fragment = officer.get(cancelled + "/tien-do");
  EXPECT_EQ(fragment.header("hx-refresh"), "");
  EXPECT_EQ(fragment.body.find("<html"), npos);  // the fragment alone
  EXPECT_NE(fragment.body.find("hx-trigger=\"every 1s\""), npos);

  // Cancelling asks first: without the box ticked, nothing happens.
  auto unticked = officer.post(cancelled + "/huy", "");
  EXPECT_EQ(unticked.status, 422);
  EXPECT_NE(unticked.body.find("Hãy đánh dấu ô xác nhận"), npos);
  EXPECT_NE(officer.get(cancelled).body.find("<strong>Đang chờ</strong>"), npos);

  auto second = upload(officer, "thang-9.csv", feedback_csv("09", {"JQ-2", "JQ-3"}));
  ASSERT_EQ(second.status, 303);
  const auto survivor = second.header("location");
  EXPECT_NE(survivor, cancelled);

  EXPECT_EQ(officer.post(cancelled + "/huy", "xac_nhan=1").status, 303);
  auto gone = officer.get(cancelled);
  EXPECT_NE(gone.body.find("<strong>Đã hủy</strong>"), npos);
  EXPECT_EQ(gone.body.find("http-equiv=\"refresh\""), npos);

  // The server stops with a job still queued; the next one on the
  // database runs it, and never the cancelled one.
  ASSERT_EQ(demo.server().stop(SIGTERM, std::chrono::seconds(10)), 0) << demo.server().log();
  testing::ServerProcess next(demo.db());
  Browser again{next.port()};
  ASSERT_EQ(again.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto done = testing::follow_job(again, survivor);
  EXPECT_NE(done.body.find("Đã nhập thang-9.csv: 2 bản ghi — 2 mới, 0 cập nhật, 0 không đổi."), npos) << done.body;
  EXPECT_EQ(received(next.port(), "09"), 2);
  EXPECT_EQ(received(next.port(), "08"), 0);
  EXPECT_NE(again.get(cancelled).body.find("<strong>Đã hủy</strong>"), npos);
}

// The administrator's rebuild: asked on its page (its box ticked), run as a
// job, the indicators as they were; refused to a unit officer.
// PDFs are made by a job (app/pdf_jobs.h); with no worker in this server
// they wait, and one person may have at most five waiting: the sixth
// document is refused (429) until one is made.
TEST(JobsServed, APersonHasAtMostFivePdfsWaiting) {
  testing::DemoServer demo(testing::DemoRecords::without, {"--job-workers", "0"});
  Browser admin{demo.port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  std::smatch m;
  const auto plans = admin.get("/ke-hoach").body;
  ASSERT_TRUE(std::regex_search(plans, m, std::regex("/ke-hoach/([0-9]+)\""))) << plans.substr(0, 500);
  const std::string report = "/ke-hoach/" + m[1].str() + "/bao-cao-ky?dinh-dang=docx&ky=";
  std::vector<int> statuses;
  for (const char* period : {"2025-q1", "2025-q3", "2024-q1", "2024-q3", "2023-q1", "2023-q3"}) {
    statuses.push_back(admin.post("/cong-viec/tao-pdf", "nguon=" + http::url_encode(report + period)).status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{303, 303, 303, 303, 303, 429}));
  const auto list = admin.get("/cong-viec").body;
  std::size_t waiting = 0;
  for (auto at = list.find("Tạo bản PDF"); at != npos; at = list.find("Tạo bản PDF", at + 1)) ++waiting;
  EXPECT_EQ(waiting, 5u) << list;
}

TEST(JobsServed, TheAdministratorRebuildsTheRollupsAsAJob) {
  testing::DemoServer demo(testing::DemoRecords::without);
  Browser officer{demo.port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  auto imported = upload(officer, "thang-10.csv", feedback_csv("10", {"JR-1", "JR-2", "JR-3"}));
  ASSERT_EQ(imported.status, 303);
  ASSERT_EQ(testing::follow_job(officer, imported.header("location")).status, 200);
  EXPECT_EQ(officer.get("/chi-so/tinh-lai").status, 403);
  EXPECT_EQ(officer.post("/chi-so/tinh-lai", "xac_nhan=1").status, 403);

  Browser admin{demo.port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  EXPECT_NE(admin.get("/chi-so/chi-tieu").body.find("<a href=\"/chi-so/tinh-lai\">"), npos);
  auto form = admin.get("/chi-so/tinh-lai");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"xac_nhan\""), npos);
  auto unticked = admin.post("/chi-so/tinh-lai", "");
  EXPECT_EQ(unticked.status, 422);
  EXPECT_NE(unticked.body.find("Hãy đánh dấu ô xác nhận trước khi tính lại."), npos);

  auto started = admin.post("/chi-so/tinh-lai", "xac_nhan=1");
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 2000);
  const auto job = started.header("location");
  ASSERT_TRUE(std::regex_match(job, std::regex("/cong-viec/[0-9a-f]{32}"))) << job;
  auto page = testing::follow_job(admin, job);
  EXPECT_NE(page.body.find("<h1>Tính lại số liệu tổng hợp chỉ số</h1>"), npos) << page.body;
  EXPECT_NE(page.body.find("<strong>Đã xong</strong>"), npos);
  EXPECT_TRUE(std::regex_search(page.body, std::regex("Đã tính lại số liệu tổng hợp từ [0-9.]+ bản ghi\\.")));
  EXPECT_NE(page.body.find("<a href=\"/chi-so\">Về trang chỉ số</a>"), npos);
  EXPECT_EQ(received(demo.port(), "10"), 3);
  // The officer who may not start it does not see it either.
  EXPECT_EQ(officer.get(job).status, 404);
  EXPECT_EQ(officer.post(job + "/huy", "xac_nhan=1").status, 404);
  auto log = admin.get("/nhat-ky?thao-tac=rebuild");
  EXPECT_NE(log.body.find("indicator_rollups"), npos);
}

// The parts of a workbook the cchc exports write, but its core properties,
// whose creation time is the second the file was made.
std::map<std::string, std::optional<std::string>> workbook_parts(const std::string& bytes) {
  ooxml::Package package(bytes, [](const std::string& why) { return invalid_input(why); });
  std::map<std::string, std::optional<std::string>> parts;
  for (std::string name :
       {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml"}) {
    parts[name] = package.part(name);
  }
  for (int i = 1; i <= 6; ++i) {
    auto name = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    parts[name] = package.part(name);
  }
  return parts;
}

// The province view's workbook made by a background job is the one the
// request makes for the same filters; the job is its creator's; a form
// that cannot be read is refused before anything is queued.
TEST(JobsServed, TheProvinceWorkbookMadeInTheBackgroundIsTheRequestsWorkbook) {
  testing::DemoServer demo(testing::DemoRecords::without);
  Browser admin{demo.port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  auto page = admin.get("/ke-hoach/tong-hop");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"/ke-hoach/tong-hop/xuat\""), npos);
  EXPECT_NE(page.body.find("Xuất Excel trong nền"), npos);

  for (const std::string& filters : {std::string(""), std::string("don-vi=SNV")}) {
    SCOPED_TRACE(filters);
    auto direct = admin.get("/ke-hoach/tong-hop?" + filters + (filters.empty() ? "" : "&") + "dinh-dang=xlsx");
    ASSERT_EQ(direct.status, 200);
    ASSERT_EQ(direct.header("content-type"), http::kXlsxType);
    auto started = admin.post("/ke-hoach/tong-hop/xuat", filters);
    ASSERT_EQ(started.status, 303) << started.body.substr(0, 2000);
    const auto job = started.header("location");
    ASSERT_TRUE(std::regex_match(job, std::regex("/cong-viec/[0-9a-f]{32}"))) << job;
    auto done = testing::follow_job(admin, job);
    EXPECT_NE(done.body.find("<strong>Đã xong</strong>"), npos) << done.body;
    EXPECT_TRUE(std::regex_search(
        done.body, std::regex("Đã xuất tình hình thực hiện kế hoạch năm \\d{4}: [0-9.]+ nhiệm vụ, [0-9.]+ lượt")));
    EXPECT_NE(done.body.find("<a href=\"/ke-hoach/tong-hop" + std::string(filters.empty() ? "" : "?don-vi=SNV") +
                             "\">Về trang tổng hợp</a>"),
              npos);
    auto file = admin.get(job + "/ket-qua");
    ASSERT_EQ(file.status, 200);
    EXPECT_EQ(file.header("content-type"), http::kXlsxType);
    EXPECT_EQ(file.header("content-disposition"), direct.header("content-disposition"));
    auto want = workbook_parts(direct.body);
    ASSERT_TRUE(want["xl/worksheets/sheet5.xml"]);  // five sheets
    EXPECT_FALSE(want["xl/worksheets/sheet6.xml"]);
    EXPECT_EQ(workbook_parts(file.body), want);

    // Someone else (here a unit officer, who may read the view) does not see it.
    Browser officer{demo.port()};
    ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
    EXPECT_EQ(officer.get(job + "/ket-qua").status, 404);
    EXPECT_EQ(officer.post(job + "/huy", "xac_nhan=1").status, 404);
  }
  EXPECT_EQ(admin.post("/ke-hoach/tong-hop/xuat", "nam=20x5").status, 400);
  EXPECT_EQ(admin.post("/ke-hoach/tong-hop/xuat", "ke-hoach=abc").status, 400);
}

}  // namespace
}  // namespace cchc
