// `cchc documents read` as other systems call it: the JSON contract on a
// corpus document, an illegible number kept null with its raw text, and
// bad usage refused with exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/paths.h"
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

}  // namespace
}  // namespace cchc
