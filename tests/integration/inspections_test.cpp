// Inspections through the real `cchc serve` on the demo province: a plan
// made on its page, units drawn by a rule and added by hand, announced
// (each unit told), a record with a recommendation, the unit fixing it with
// evidence, the team returning it, scopes enforced; the demo's overdue
// recommendation on the urging page and the work list; the exports and API.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/dates.h"
#include "db/database.h"
#include "http/middleware.h"
#include "inspections/store.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/zip_entry.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::run_cchc;
using testing::ServerProcess;

class InspectionsServed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::without);
    dir_ = demo_->dir();
    db_ = demo_->db();
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static unsigned short port() { return server_->port(); }
  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

std::string enc(const std::string& s) { return http::url_encode(s); }

// The id after `prefix` in a Location header or a page ("/kiem-tra/ke-hoach/7?…" → "7").
std::string id_after(const std::string& text, const std::string& prefix) {
  auto at = text.find(prefix);
  if (at == std::string::npos) return "";
  at += prefix.size();
  auto end = at;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return text.substr(at, end - at);
}

// A department's coordinator inspects its own units (issue 36): plans in
// its own name, visits and draws among its subtree only; the province's
// plan is not its to change.
TEST_F(InspectionsServed, ADepartmentsCoordinatorInspectsItsOwnUnits) {
  Browser vp{port()};
  ASSERT_EQ(vp.sign_in("demo.dieuphoi.vp", "demo-coordinator-dongnai"), 303);
  const Date today = local_date(now_seconds());
  const std::string day = enc(format_date_vi(today)), y = std::to_string(int(today.year()));
  vp.get("/kiem-tra/ke-hoach/moi");
  auto form = [&](const char* issuer) {
    return "so=3%2FKH-VP&trich_yeu=" + enc("Kiểm tra nội bộ cải cách hành chính") + "&nam=" + y +
           "&don_vi_ban_hanh=" + issuer + "&linh_vuc=procedures&ten_0=" + enc("Lê Văn Cường") +
           "&don_vi_0=VP-UBND&vai_tro_0=head";
  };
  EXPECT_EQ(vp.post("/kiem-tra/ke-hoach/moi", form("SNV")).status, 403);  // not in its name
  auto created = vp.post("/kiem-tra/ke-hoach/moi", form("VP-UBND"));
  ASSERT_EQ(created.status, 303) << created.body;
  const auto plan_id = id_after(created.header("location"), "/kiem-tra/ke-hoach/");
  ASSERT_FALSE(plan_id.empty());
  const auto plan = "/kiem-tra/ke-hoach/" + plan_id;
  // The units offered are its own; another is refused.
  auto plan_page = vp.get(plan).body;
  EXPECT_NE(plan_page.find("value=\"VP-HCTC\""), std::string::npos);
  EXPECT_EQ(plan_page.find("value=\"STP\""), std::string::npos);
  EXPECT_EQ(vp.post(plan + "/don-vi", "don_vi=VP-HCTC&ngay=" + day).status, 303);
  EXPECT_EQ(vp.post(plan + "/don-vi", "don_vi=STP&ngay=" + day).status, 403);
  // Drawn: as many as asked for, from its own units only.
  ASSERT_EQ(vp.post(plan + "/chon", "tieu_chi=not_inspected&so=10&ngay=" + day).status, 303);
  auto db = db::open(db_);
  auto id = std::stoll(plan_id);
  auto visits = db->read([&](db::Connection& c) { return inspections::visits_of(c, id); });
  ASSERT_GE(visits.size(), 2u);
  const std::set<std::string> own = {"VP-HCTC", "VP-TH", "VP-KSTTHC", "VP-CTTDT", "TTPVHCC"};
  for (const auto& v : visits) EXPECT_TRUE(own.count(v.unit_code)) << v.unit_code;
  // The province's plan: read, not changed.
  auto province_plan = db->read([](db::Connection& c) {
    return c.query("SELECT id FROM inspection_plans WHERE issuer_unit = 'SNV' ORDER BY id LIMIT 1").one().i64("id");
  });
  EXPECT_EQ(vp.get("/kiem-tra/ke-hoach/" + std::to_string(province_plan) + "/sua").status, 403);
}

TEST_F(InspectionsServed, APlanFromItsPageToAFixReturned) {
  Browser admin{port()}, officer{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  Date today = local_date(now_seconds());
  const auto vi = [](Date d) { return enc(format_date_vi(d)); };
  const std::string y = std::to_string(int(today.year()));

  // The year's page lists the demo plan and its figures, with a table for each.
  auto year_page = admin.get("/kiem-tra");
  ASSERT_EQ(year_page.status, 200);
  EXPECT_NE(year_page.body.find("15/KH-SNV"), std::string::npos);
  EXPECT_NE(year_page.body.find("id=\"don-vi-duoc-kiem-tra\""), std::string::npos);
  EXPECT_NE(year_page.body.find("id=\"ket-qua-khac-phuc\""), std::string::npos);

  // A refused plan keeps what was typed (two heads); officers may not plan.
  admin.get("/kiem-tra/ke-hoach/moi");
  std::string form = "so=46%2FKH-SNV&trich_yeu=" + enc("Kiểm tra chuyên đề thủ tục hành chính") + "&nam=" + y +
                     "&don_vi_ban_hanh=SNV&linh_vuc=procedures&ten_0=" + enc("Nguyễn Văn An") +
                     "&don_vi_0=SNV&vai_tro_0=head&ten_1=" + enc("Trần Thị Bình") + "&don_vi_1=STP&vai_tro_1=";
  auto refused = admin.post("/kiem-tra/ke-hoach/moi", form + "head");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Đoàn kiểm tra cần đúng một trưởng đoàn."), std::string::npos);
  EXPECT_NE(refused.body.find("Kiểm tra chuyên đề thủ tục hành chính"), std::string::npos);
  officer.get("/viec-cua-toi");
  EXPECT_EQ(officer.post("/kiem-tra/ke-hoach/moi", form + "member").status, 403);
  auto created = admin.post("/kiem-tra/ke-hoach/moi", form + "member");
  ASSERT_EQ(created.status, 303) << created.body;
  auto plan = id_after(created.header("location"), "/kiem-tra/ke-hoach/");
  ASSERT_FALSE(plan.empty());
  const std::string plan_page = "/kiem-tra/ke-hoach/" + plan;
  // Edited: the form holds what is stored; the change is kept.
  auto edit = admin.get(plan_page + "/sua");
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("value=\"Kiểm tra chuyên đề thủ tục hành chính\""), std::string::npos);
  auto changed = form + "member";
  changed.replace(changed.find(enc("Kiểm tra chuyên đề")), enc("Kiểm tra chuyên đề").size(),
                  enc("Kiểm tra chuyên đề lần hai"));
  EXPECT_EQ(admin.post(plan_page + "/sua", changed).status, 303);
  EXPECT_NE(admin.get(plan_page).body.find("Kiểm tra chuyên đề lần hai thủ tục hành chính"), std::string::npos);

  // The demo commune by hand; two units drawn by a rule, each with why.
  EXPECT_EQ(admin.post(plan_page + "/don-vi", "don_vi=P-TRANGDAI&ngay=" + vi(today) + "&ly_do=" + enc("Theo phản ánh"))
                .status,
            303);
  auto twice = admin.post(plan_page + "/don-vi", "don_vi=P-TRANGDAI&ngay=" + vi(today));
  EXPECT_EQ(twice.status, 422);
  EXPECT_NE(twice.body.find("Đơn vị đã có trong kế hoạch kiểm tra."), std::string::npos);
  auto drawn = admin.post(plan_page + "/chon", "tieu_chi=not_inspected&so=3&cap=department&ngay=" + vi(today));
  ASSERT_EQ(drawn.status, 303);
  auto page = admin.get(plan_page).body;
  EXPECT_NE(page.find("Theo phản ánh"), std::string::npos);
  EXPECT_NE(page.find("Chưa được kiểm tra"), std::string::npos);  // the rule's reason
  EXPECT_EQ(admin.post(plan_page + "/chon", "tieu_chi=lowest_ranked&so=0&ngay=" + vi(today)).status, 422);

  // Announced: the commune's officer is told, and a letter is offered.
  ASSERT_EQ(admin.post(plan_page + "/thong-bao", "x=1").status, 303);
  auto told = officer.get("/thong-bao").body;
  EXPECT_NE(told.find("Đơn vị sẽ được kiểm tra công tác cải cách hành chính ngày " + format_date_vi(today)),
            std::string::npos);
  page = admin.get(plan_page).body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, std::regex(R"re(href="/kiem-tra/(\d+)">Phường Trảng Dài)re")));
  std::string visit = "/kiem-tra/" + m[1].str();
  auto letter = admin.get(visit + "/thong-bao.docx");
  ASSERT_EQ(letter.status, 200);
  auto xml = testing::zip_entry(letter.body, "word/document.xml");
  EXPECT_NE(xml.find("THÔNG BÁO"), std::string::npos);
  EXPECT_NE(xml.find("Cải cách thủ tục hành chính"), std::string::npos);  // the content, from the plan's areas
  EXPECT_NE(xml.find("Trưởng đoàn: Nguyễn Văn An (Sở Nội vụ)"), std::string::npos);
  // Asked of the ward's chair; a notice has no "Kính gửi:", so it names the
  // ward among its recipients rather than "Như trên".
  EXPECT_NE(xml.find("tại Ủy ban nhân dân phường Trảng Dài như sau:"), std::string::npos);
  EXPECT_NE(xml.find("Đề nghị Chủ tịch Ủy ban nhân dân phường Trảng Dài chỉ đạo chuẩn bị"), std::string::npos);
  EXPECT_NE(xml.find("- Ủy ban nhân dân phường Trảng Dài;"), std::string::npos);
  EXPECT_EQ(xml.find("Như trên"), std::string::npos);

  // The record, then a shortcoming due in five working days.
  EXPECT_EQ(admin.post(visit + "/ket-qua", "linh_vuc=procedures&loai=tot&noi_dung=x").status, 422);  // record first
  ASSERT_EQ(admin.post(visit + "/bien-ban", "ngay=" + vi(today) + "&ket_luan=" + enc("Cơ bản hoàn thành")).status, 303);
  auto bad_due = admin.post(visit + "/ket-qua", "linh_vuc=procedures&loai=han-che&noi_dung=" + enc("Niêm yết cũ") +
                                                    "&kien_nghi=" + enc("Cập nhật niêm yết") + "&don_vi=P-TRANGDAI");
  EXPECT_EQ(bad_due.status, 422);  // no deadline
  EXPECT_NE(bad_due.body.find("Nhập thời hạn khắc phục"), std::string::npos);
  // A recommendation typed on a good point is refused at its form, what was
  // typed kept, nothing saved (issue 34, bug 1).
  auto good_with_fix =
      admin.post(visit + "/ket-qua", "linh_vuc=procedures&loai=tot&noi_dung=" + enc("Niêm yết cũ") +
                                         "&kien_nghi=" + enc("Thay bảng niêm yết") + "&don_vi=P-TRANGDAI&so_ngay=7");
  EXPECT_EQ(good_with_fix.status, 422);
  EXPECT_NE(good_with_fix.body.find("id=\"loi-ket-qua\""), std::string::npos);
  EXPECT_NE(good_with_fix.body.find("Thay bảng niêm yết</textarea>"), std::string::npos);
  EXPECT_NE(good_with_fix.body.find("value=\"7\""), std::string::npos);
  EXPECT_EQ(admin.get(visit).body.find("Niêm yết cũ"), std::string::npos);
  // No kind chosen: a recommendation makes it a shortcoming; nothing at all is refused.
  EXPECT_EQ(admin.post(visit + "/ket-qua", "linh_vuc=procedures&noi_dung=x").status, 422);
  ASSERT_EQ(admin
                .post(visit + "/ket-qua", "linh_vuc=procedures&loai=han-che&noi_dung=" + enc("Niêm yết cũ") +
                                              "&kien_nghi=" + enc("Cập nhật niêm yết thủ tục") +
                                              "&don_vi=P-TRANGDAI&so_ngay=5")
                .status,
            303);
  auto record = admin.get(visit).body;
  auto rec = id_after(record, "id=\"kn-");
  ASSERT_FALSE(rec.empty());
  // On the officer's work list and in their notifications.
  EXPECT_NE(officer.get("/viec-cua-toi").body.find("Cập nhật niêm yết thủ tục"), std::string::npos);
  EXPECT_NE(officer.get("/thong-bao").body.find("Kiến nghị sau kiểm tra cần khắc phục"), std::string::npos);

  // The unit reports its fix with evidence; the team returns it with a reason.
  EXPECT_EQ(admin.post("/kiem-tra/kien-nghi/" + rec + "/khac-phuc", "noi_dung=x").status,
            403);  // the team is not the unit
  officer.get(visit);
  auto fixed = officer.post_file("/kiem-tra/kien-nghi/" + rec + "/khac-phuc", {{"noi_dung", "Đã cập nhật niêm yết"}},
                                 "tep", "anh-niem-yet.pdf", "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
  ASSERT_EQ(fixed.status, 303) << fixed.body;
  record = admin.get(visit).body;
  EXPECT_NE(record.find("Đã báo cáo, chờ đoàn kiểm tra xem xét"), std::string::npos);
  EXPECT_NE(record.find("anh-niem-yet.pdf"), std::string::npos);
  // The evidence is read by the team's coordinator and the unit, and by no
  // other unit, whatever id it tries.
  auto file = "/kiem-tra/tep/" + id_after(record, "/kiem-tra/tep/");
  EXPECT_EQ(admin.get(file).status, 200);
  EXPECT_EQ(officer.get(file).status, 200);
  Browser stranger{port()};
  ASSERT_EQ(stranger.sign_in("demo.congtacvien", "demo-editor-dongnai"), 303);
  EXPECT_EQ(stranger.get(file).status, 404);
  EXPECT_EQ(admin.post("/kiem-tra/kien-nghi/" + rec + "/duyet", "thao_tac=send_back&ly_do=").status, 422);
  ASSERT_EQ(admin
                .post("/kiem-tra/kien-nghi/" + rec + "/duyet",
                      "thao_tac=send_back&ly_do=" + enc("Chưa có ảnh chụp bảng niêm yết"))
                .status,
            303);
  EXPECT_NE(officer.get("/thong-bao").body.find("Chưa có ảnh chụp bảng niêm yết"), std::string::npos);
  EXPECT_NE(officer.get("/viec-cua-toi").body.find("Kiến nghị sau kiểm tra bị trả lại cần khắc phục tiếp"),
            std::string::npos);
  EXPECT_EQ(officer.post("/kiem-tra/kien-nghi/" + rec + "/duyet", "thao_tac=accept").status, 403);

  // The officer may not report for another unit's recommendation.
  auto api = json::parse(admin.get("/api/v1/inspections?year=" + y).body);
  std::string other;
  for (const auto& p : api["plans"]) {
    for (const auto& v : p["inspections"]) {
      for (const auto& f : v["findings"]) {
        if (f["shortcoming"] == true && f["responsible_unit"] != "P-TRANGDAI" && f["state"] == "open") {
          other = std::to_string(f["id"].get<int>());
        }
      }
    }
  }
  ASSERT_FALSE(other.empty());
  officer.get("/viec-cua-toi");
  EXPECT_EQ(officer.post("/kiem-tra/kien-nghi/" + other + "/khac-phuc", "noi_dung=x").status, 403);
}

// A visit whose day has passed is never announced: the refusal shows at
// the button, names the unit and its day, the row is marked, nobody is
// told, and no notice is drawn up for that day.
TEST_F(InspectionsServed, AVisitOnAPastDayIsNeverAnnounced) {
  Browser admin{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  // Last year's plan: its every day has passed.
  const int last = int(local_date(now_seconds()).year()) - 1;
  const Date past{std::chrono::year{last} / std::chrono::December / 1};
  admin.get("/kiem-tra/ke-hoach/moi");
  auto created = admin.post("/kiem-tra/ke-hoach/moi",
                            "so=47%2FKH-SNV&trich_yeu=" + enc("Kiểm tra công tác cải cách hành chính bổ sung") +
                                "&nam=" + std::to_string(last) + "&don_vi_ban_hanh=SNV&linh_vuc=procedures&ten_0=" +
                                enc("Nguyễn Văn An") + "&don_vi_0=SNV&vai_tro_0=head");
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 600);
  const std::string plan_page = "/kiem-tra/ke-hoach/" + id_after(created.header("location"), "/kiem-tra/ke-hoach/");
  ASSERT_EQ(admin.post(plan_page + "/don-vi", "don_vi=STP&ngay=" + enc(format_date_vi(past))).status, 303);
  auto refused = admin.post(plan_page + "/thong-bao", "x=1");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"loi-thong-bao\""), std::string::npos);
  EXPECT_NE(refused.body.find("Không thông báo lịch kiểm tra cho ngày đã qua: Sở Tư pháp (ngày " +
                              format_date_vi(past) + ")"),
            std::string::npos);
  auto page = admin.get(plan_page).body;
  EXPECT_NE(page.find("Ngày đã qua, chưa thông báo"), std::string::npos);
  EXPECT_NE(page.find("Dự thảo, chưa thông báo"), std::string::npos);  // nothing was announced
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, std::regex(R"re(href="/kiem-tra/(\d+)">Sở Tư pháp)re")));
  EXPECT_EQ(admin.get("/kiem-tra/" + m[1].str() + "/thong-bao.docx").status, 400);
}

TEST_F(InspectionsServed, TheDemoOverdueIsUrgedAndTheYearExports) {
  Browser admin{port()}, officer{port()};
  ASSERT_EQ(admin.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(officer.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
  const std::string y = std::to_string(int(local_date(now_seconds()).year()));
  // The demo commune's overdue recommendation is on its urging page and its work list.
  auto urging = admin.get("/don-doc/P-TRANGDAI").body;
  EXPECT_NE(urging.find("Kiến nghị sau kiểm tra quá hạn chưa khắc phục"), std::string::npos);
  EXPECT_NE(officer.get("/viec-cua-toi").body.find("Kiến nghị sau kiểm tra"), std::string::npos);
  // The figures, as JSON: shares of units inspected, recommendations by state.
  auto f = json::parse(admin.get("/api/v1/inspections/figures?year=" + y).body);
  EXPECT_EQ(f["year"], std::stoi(y));
  EXPECT_GE(f["inspected"].get<int>(), 1);
  EXPECT_LE(f["inspected"].get<int>(), f["units"].get<int>());
  EXPECT_EQ(f["recommendations"].get<int>(), f["fixed"].get<int>() + f["open"].get<int>());
  EXPECT_GE(f["overdue"].get<int>(), 1);
  EXPECT_TRUE(f["fixed_percent"].is_number());
  // A plan objective "100 % of recommendations fixed" takes its value from the records.
  std::string out, line, plan_id;
  ASSERT_EQ(run_cchc({"plans", "list", "--db", db_}, out), 0) << out;
  for (std::istringstream in(out); std::getline(in, line);) {
    if (!line.starts_with("{")) continue;
    auto p = json::parse(line);
    if (p["year"] == std::stoi(y) && p["kind"] == "reform" && p["unit"] == "DNI") {
      plan_id = std::to_string(p["id"].get<int>());  // the province's, not an office's own
    }
  }
  ASSERT_FALSE(plan_id.empty()) << out;
  const std::string plan_path = "/ke-hoach/" + plan_id;
  admin.get(plan_path);
  ASSERT_EQ(
      admin
          .post(plan_path + "/muc-tieu", "linh_vuc=direction&noi_dung=" + enc("Kiến nghị sau kiểm tra được khắc phục") +
                                             "&chi_tieu=100&don_vi_tinh=%25&cap=&chi_so=recommendations_fixed")
          .status,
      303);
  auto objective = admin.get(plan_path).body;
  auto row = objective.find("Kiến nghị sau kiểm tra được khắc phục");
  ASSERT_NE(row, std::string::npos);
  auto tr = objective.substr(row, objective.find("</tr>", row) - row);
  double percent = std::round(1000.0 * f["fixed"].get<int>() / f["recommendations"].get<int>()) / 10.0;
  auto shown = fmt::format("{:.1f} %", percent);
  std::replace(shown.begin(), shown.end(), '.', ',');
  EXPECT_NE(tr.find(shown), std::string::npos) << shown << " in " << tr;
  EXPECT_NE(tr.find("Chưa đạt"), std::string::npos) << tr;  // some are still open
  // `cchc plans remind` reminds the demo commune of its overdue recommendation
  // on the first working day after its due day, once.
  auto listed = json::parse(admin.get("/api/v1/inspections?year=" + y).body);
  std::optional<Date> due;
  for (const auto& p : listed["plans"]) {
    for (const auto& v : p["inspections"]) {
      for (const auto& fi : v["findings"]) {
        if (fi["responsible_unit"] == "P-TRANGDAI" && fi["state"] == "open" && fi["overdue"] == true) {
          due = parse_iso_date(fi["due"].get<std::string>());
        }
      }
    }
  }
  ASSERT_TRUE(due);
  const auto& cal = WorkCalendar::vietnam();
  auto after = cal.add_working_days(*due, 1);
  std::string reminded;
  ASSERT_EQ(run_cchc({"plans", "remind", "--db", db_, "--as-of", format_iso_date(after)}, reminded), 0) << reminded;
  std::smatch count;
  ASSERT_TRUE(std::regex_search(reminded, count, std::regex(R"(inspections: (\d+) new notifications)"))) << reminded;
  EXPECT_GE(std::stoi(count[1]), 1) << reminded;
  EXPECT_NE(officer.get("/thong-bao").body.find("Đã quá hạn khắc phục kiến nghị sau kiểm tra"), std::string::npos);
  ASSERT_EQ(run_cchc({"plans", "remind", "--db", db_, "--as-of", format_iso_date(after)}, reminded), 0);
  EXPECT_NE(reminded.find("inspections: 0 new notifications"), std::string::npos) << reminded;
  // The follow-up board filters by state; the summary exports.
  auto overdue = admin.get("/kiem-tra/theo-doi?trang-thai=overdue");
  ASSERT_EQ(overdue.status, 200);
  EXPECT_NE(overdue.body.find("quá hạn"), std::string::npos);
  EXPECT_EQ(admin.get("/kiem-tra/theo-doi?trang-thai=lost").status, 400);
  auto xlsx = admin.get("/kiem-tra/tong-hop.xlsx?nam=" + y);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto docx = admin.get("/kiem-tra/tong-hop.docx?nam=" + y);
  ASSERT_EQ(docx.status, 200);
  auto xml = testing::zip_entry(docx.body, "word/document.xml");
  EXPECT_NE(xml.find("Kết quả kiểm tra công tác cải cách hành chính năm " + y), std::string::npos);
  EXPECT_NE(xml.find("II. KẾT QUẢ KHẮC PHỤC KIẾN NGHỊ SAU KIỂM TRA"), std::string::npos);
  EXPECT_EQ(admin.get("/kiem-tra/tong-hop?nam=" + y).status, 200);
  // Signed out, nothing.
  EXPECT_EQ(testing::http_request(port(), "GET", "/api/v1/inspections/figures").status, 401);
}

}  // namespace
}  // namespace cchc
