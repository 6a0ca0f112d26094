// `cchc documents read` as other systems call it: the JSON contract on a
// corpus document, an illegible number kept null with its raw text, and
// bad usage refused with exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/paths.h"
#include "support/scans.h"
#include "support/server_process.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::run_cchc;

std::string corpus(const char* name) { return testing::source_dir() + "/tests/documents/corpus/" + name; }

json parse_output(const std::string& out) {
  auto at = out.find('{');
  return at == std::string::npos ? json() : json::parse(out.substr(at));
}

TEST(DocumentsCli, ReadPrintsTheContract) {
  std::string out;
  ASSERT_EQ(run_cchc({"documents", "read", corpus("ke-hoach-cchc-2023-van-phong-ubnd.txt"), "--format", "json"}, out),
            0)
      << out;
  auto j = parse_output(out);
  for (const char* field : {"number_symbol", "number", "type_code", "date", "issuer", "place", "title", "signer"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  for (const char* list : {"references", "legal_bases", "recipients", "distribution"})
    EXPECT_TRUE(j[list].is_array()) << list;
  EXPECT_EQ(j["number_symbol"]["value"], "77/KH-VP");
  EXPECT_EQ(j["type_code"]["value"], "KH");
  EXPECT_EQ(j["date"]["value"], "2023-01-11");
  EXPECT_TRUE(j["number_symbol"]["span"].is_array());
  EXPECT_GT(j["date"]["confidence"].get<double>(), 0.5);
  EXPECT_EQ(j["legal_bases"][0]["number_symbol"], "76/NQ-CP");

  ASSERT_EQ(
      run_cchc({"documents", "read", corpus("ke-hoach-thong-tin-tuyen-truyen-cchc-2024.txt"), "--format", "json"}, out),
      0);
  j = parse_output(out);
  EXPECT_TRUE(j["number_symbol"]["value"].is_null());  // illegible on the scan: never guessed
  EXPECT_TRUE(j["date"]["value"].is_null());
  EXPECT_EQ(j["date"]["raw"], "ngay |§ thang 01 ndm 2024");
}

TEST(DocumentsCli, BadUsageIsRefused) {
  std::string out;
  EXPECT_EQ(run_cchc({"documents", "read", "/nonexistent/van-ban.txt"}, out), 2);
  EXPECT_EQ(run_cchc({"documents", "read", corpus("ke-hoach-cchc-2023-van-phong-ubnd.txt"), "--format", "xml"}, out),
            2);
  auto binary = std::filesystem::temp_directory_path() / "cchc-not-text.txt";
  std::ofstream(binary, std::ios::binary) << std::string("\xff\xfe\x00\x01", 4);
  EXPECT_EQ(run_cchc({"documents", "read", binary.string()}, out), 2);
  EXPECT_NE(out.find("not UTF-8"), std::string::npos) << out;
  std::filesystem::remove(binary);
}

}  // namespace
}  // namespace cchc

namespace cchc {
namespace {

using testing::http_request;
using testing::run_cchc;

// The review page over a real server: a commune officer uploads a plan,
// sees its fields with their sources marked, puts it into the library
// (public once the editorial board approves it), is
// stopped until an unmatched unit is chosen, and makes a plan of it;
// another unit's user cannot open it.
TEST(DocumentsServed, ReadCorrectAcceptIntoTheLibraryAndAPlan) {
  auto dir = std::filesystem::temp_directory_path() / ("cchc-docs-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = (dir / "cchc.db").string();
  testing::make_demo_db(db, testing::DemoRecords::without);
  std::string out;
  testing::ServerProcess server(db);
  testing::Browser officer{server.port()}, other{server.port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  ASSERT_EQ(other.sign_in("demo.congtacvien", "demo-editor-dongnai"), 303);
  officer.get("/doc-van-ban");
  const std::string text =
      "UY BAN NHAN DAN\nPHUONG TRANG DAI\nSo: 15/KH-UBND\nTrang Dai, ngay 05 thang 02 nam 2026\n\n"
      "KE HOACH\n\nTuyen truyen cai cach hanh chinh nam 2026\n\n"
      "Can cu Ke hoach so 300/KH-UBND ngay 28/12/2025 cua UBND tinh;\n\n"
      "I. MUC TIEU\n- Ty le ho so truc tuyen dat toi thieu 80%.\n\n"
      "II. TO CHUC THUC HIEN\n1. Phường Trảng Dài\n- Tổ chức hội nghị tuyên truyền, hoàn thành trong Quý I/2026;\n"
      "2. Ban chỉ đạo khu phố\n- Vận động người dân nộp hồ sơ trực tuyến thường xuyên.\n\n"
      "Noi nhan:\n- Luu: VT.\n";
  auto uploaded = officer.post_file("/doc-van-ban", {}, "tep", "ke-hoach.txt", text);
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;
  auto page_path = uploaded.header("location");
  auto page = officer.get(page_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("value=\"15/KH-UBND\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"05/02/2026\""), std::string::npos);
  EXPECT_NE(page.body.find("<mark title=\"Số, ký hiệu\">15/KH-UBND</mark>"), std::string::npos);
  EXPECT_NE(page.body.find("Tuyên truyền cải cách hành chính năm 2026"),
            std::string::npos);                           // the restored title offered
  EXPECT_EQ(other.get(page_path).status, 403);            // another unit's document
  EXPECT_EQ(officer.get(page_path + "/tep").body, text);  // the original kept

  // Into the library, as corrected.
  auto lib = officer.post(
      page_path + "/thu-vien",
      "so_ky_hieu=15%2FKH-UBND&loai=KH&ngay=05%2F02%2F2026&co_quan=" + http::url_encode("UBND phường Trảng Dài") +
          "&trich_yeu=" + http::url_encode("Kế hoạch tuyên truyền cải cách hành chính năm 2026"));
  EXPECT_EQ(lib.status, 303) << lib.body;
  // A unit's document waits for the editorial board: public once approved.
  EXPECT_EQ(http_request(server.port(), "GET", "/cong-thong-tin/van-ban/15-kh-ubnd").status, 404);
  testing::Browser board{server.port()};
  ASSERT_EQ(board.sign_in("demo.banbientap", "demo-editorial_board-dongnai"), 303);
  auto desk = board.get("/bien-tap/van-ban").body;
  auto queued = desk.find("15/KH-UBND");
  ASSERT_NE(queued, std::string::npos) << desk;
  auto approve_end = desk.find("/duyet\"", queued);
  ASSERT_NE(approve_end, std::string::npos);
  auto approve_at = desk.rfind("/bien-tap/van-ban/", approve_end);
  EXPECT_EQ(board.post(desk.substr(approve_at, approve_end + 6 - approve_at), "x=1").status, 303);
  EXPECT_EQ(http_request(server.port(), "GET", "/cong-thong-tin/van-ban/15-kh-ubnd").status, 200);

  // A plan: the second task's unit is not in the directory, so it is chosen first.
  std::string plan_form = "so_ky_hieu=15%2FKH-UBND&ngay=05%2F02%2F2026&trich_yeu=" +
                          http::url_encode("Kế hoạch tuyên truyền cải cách hành chính năm 2026") +
                          "&linh_vuc=direction" +
                          "&nv_0_chon=on&nv_0_noi_dung=" + http::url_encode("Tổ chức hội nghị tuyên truyền") +
                          "&nv_0_han=" + http::url_encode("Quý I/2026") + "&nv_0_don_vi=P-TRANGDAI" +
                          "&nv_1_chon=on&nv_1_noi_dung=" + http::url_encode("Vận động người dân nộp hồ sơ trực tuyến") +
                          "&nv_1_han=" + http::url_encode("Thường xuyên");
  auto refused = officer.post(page_path + "/ke-hoach", plan_form + "&nv_1_don_vi=");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Nhiệm vụ 2: chọn đơn vị chủ trì."), std::string::npos);
  auto made = officer.post(page_path + "/ke-hoach", plan_form + "&nv_1_don_vi=P-TRANGDAI");
  ASSERT_EQ(made.status, 303) << made.body;
  auto after = officer.get(page_path);
  auto at = after.body.find("Đã tạo kế hoạch: <a href=\"/ke-hoach/");
  ASSERT_NE(at, std::string::npos);
  auto hb = after.body.find("/ke-hoach/", at);
  auto href = after.body.substr(hb, after.body.find('"', hb) - hb);
  auto plan = officer.get(href);
  EXPECT_EQ(plan.status, 200);
  EXPECT_NE(plan.body.find("Tổ chức hội nghị tuyên truyền"), std::string::npos);
  EXPECT_NE(plan.body.find("Vận động người dân nộp hồ sơ trực tuyến"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// A photo of a page and a scanned PDF are read by OCR in a background
// job: the upload leads to the job's page, which links the review page.
// The server taking the upload runs no jobs, so until another process on
// the database reads them, that page says the document is being read and
// its forms refuse; once read it shows the reading. Another unit's user
// sees neither.
TEST(DocumentsServed, ScansAndPhotosAreReadInTheBackground) {
  auto dir = std::filesystem::temp_directory_path() / ("cchc-scans-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = (dir / "cchc.db").string();
  testing::make_demo_db(db, testing::DemoRecords::without);
  testing::ServerProcess pages(db, {"--job-workers", "0"});
  testing::Browser officer{pages.port()}, other{pages.port()};
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  ASSERT_EQ(other.sign_in("demo.congtacvien", "demo-editor-dongnai"), 303);
  officer.get("/doc-van-ban");
  const auto pdf = testing::pdf({testing::text_page(testing::scanned_plan_first_page()),
                                 testing::text_page(testing::scanned_plan_second_page())});
  struct Case {
    const char* what;
    std::string file, bytes;
    std::string job = {}, review = {};
  };
  Case cases[] = {
      {"a photo", "anh-chup.jpg", testing::render_page(pdf, 1, "jpeg")},
      {"a scanned PDF", "ban-quet.pdf",
       testing::image_pdf({testing::render_page(pdf, 1, "jpeg"), testing::render_page(pdf, 2, "jpeg")})},
  };
  for (auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto uploaded = officer.post_file("/doc-van-ban", {}, "tep", c.file, c.bytes);
    ASSERT_EQ(uploaded.status, 303) << uploaded.body;
    c.job = uploaded.header("location");
    ASSERT_TRUE(std::regex_match(c.job, std::regex("/cong-viec/[0-9a-f]{32}"))) << c.job;
    EXPECT_EQ(other.get(c.job).status, 404);
    const auto page = officer.get(c.job).body;
    const auto link = page.find("href=\"/doc-van-ban/");
    ASSERT_NE(link, std::string::npos) << page;
    c.review = page.substr(link + 6, page.find('"', link + 6) - link - 6);
    auto waiting = officer.get(c.review);
    ASSERT_EQ(waiting.status, 200);
    EXPECT_NE(waiting.body.find("Văn bản đang được đọc"), std::string::npos) << waiting.body;
    EXPECT_EQ(waiting.header("refresh"), "3");
    auto early = officer.post(c.review + "/thu-vien", "so_ky_hieu=77%2FKH-VP&loai=KH");
    EXPECT_EQ(early.status, 400);
    EXPECT_NE(early.body.find("Văn bản chưa đọc xong"), std::string::npos);
    EXPECT_EQ(other.get(c.review).status, 403);
  }

  // At most five waiting to be read per person: a sixth is refused until
  // one is read.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(officer.post_file("/doc-van-ban", {}, "tep", "them.jpg", cases[0].bytes).status, 303);
  }
  auto sixth = officer.post_file("/doc-van-ban", {}, "tep", "qua-nhieu.jpg", cases[0].bytes);
  EXPECT_EQ(sixth.status, 429);
  EXPECT_NE(sixth.body.find("đang có 5 văn bản chờ đọc"), std::string::npos) << sixth.body.substr(0, 500);

  // Another process on the database reads them.
  testing::ServerProcess worker(db);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto progress = officer.get(c.job);
    for (int i = 0; i < 600 && progress.body.find("Đã đọc xong văn bản") == std::string::npos; ++i) {
      ASSERT_EQ(progress.body.find("form-error"), std::string::npos) << progress.body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      progress = officer.get(c.job);
    }
    ASSERT_NE(progress.body.find("Đã đọc xong văn bản"), std::string::npos) << progress.body;
    auto review = officer.get(c.review);
    ASSERT_EQ(review.status, 200);
    EXPECT_EQ(review.header("refresh"), "");
    EXPECT_NE(review.body.find("value=\"77/KH-VP\""), std::string::npos) << review.body.substr(0, 3000);
    EXPECT_NE(review.body.find("value=\"11/01/2023\""), std::string::npos);
    EXPECT_EQ(officer.get(c.review + "/tep").body, c.bytes);  // the original kept
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cchc
