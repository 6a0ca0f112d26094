// The portal over a real server on the demo data: the editorial workflow
// through its pages (a commune editor, the board), who may do what, the
// public cache (304 for a known ETag, a new page after publishing and after
// withdrawing), markdown safety on the published page, search without
// diacritics and its snippets as plain text, the documents library through
// the board, images checked by content and hidden until publication,
// feeds and the sitemap, views counted without bots.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "db/database.h"
#include "http/message.h"
#include "http/middleware.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/sample_files.h"
#include "support/server_process.h"
#include "support/zip_entry.h"

namespace cchc {
namespace {

using testing::Browser;
using testing::http_request;
using testing::run_cchc;
using testing::ServerProcess;

class PortalServed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::without, {"--base-url", "https://cchc.example.org/"});
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

std::string item_id(const testing::HttpResult& created) {
  auto loc = created.header("location");  // /bien-tap/{id}?da-luu
  auto id = loc.substr(std::string("/bien-tap/").size());
  return id.substr(0, id.find('?'));
}

// A unique word so that searches see only this test's item.
const std::string kWord = "Xoanvietcchc";

std::string form(const std::string& title, const std::string& body) {
  return "tieu_de=" + http::url_encode(title) + "&chuyen_muc=4&tom_tat=" + http::url_encode("Tóm tắt " + kWord) +
         "&noi_dung=" + http::url_encode(body) + "&tu_khoa=" + http::url_encode("một cửa, thử nghiệm");
}

TEST_F(PortalServed, ACommuneItemThroughTheBoardToTheReadersAndBack) {
  Browser editor{port()}, board{port()}, other{port()};
  ASSERT_EQ(editor.sign_in("demo.ctvxa", "demo-editor-dongnai"), 303);
  ASSERT_EQ(board.sign_in("demo.banbientap", "demo-editorial_board-dongnai"), 303);
  ASSERT_EQ(other.sign_in("demo.congtacvien", "demo-editor-dongnai"), 303);
  for (auto* b : {&editor, &board, &other}) b->get("/bien-tap/moi");  // a form: the session's CSRF token

  // Anonymous readers: the home page with an ETag; the same again is 304.
  auto home = http_request(port(), "GET", "/cong-thong-tin");
  ASSERT_EQ(home.status, 200);
  auto etag = home.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin", {{"If-None-Match", etag}}).status, 304);

  // A refused form keeps what was typed (no category chosen).
  auto refused =
      editor.post("/bien-tap/moi", "tieu_de=" + http::url_encode("Tin chưa chọn chuyên mục") + "&noi_dung=abc");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Tin chưa chọn chuyên mục"), std::string::npos);
  EXPECT_NE(refused.body.find("Vui lòng chọn chuyên mục"), std::string::npos);

  // The commune editor drafts an item with hostile markdown and submits it.
  std::string title = "Phường Trảng Dài thử nghiệm tiếp nhận hồ sơ " + kWord;
  auto created =
      editor.post("/bien-tap/moi", form(title, "Đoạn đầu.\n\n<script>alert(1)</script>\n\n[bấm](javascript:alert(1))"));
  ASSERT_EQ(created.status, 303) << created.body;
  auto id = item_id(created);
  std::string page = "/bien-tap/" + id;
  // Another unit's editor and the board do not see a draft.
  EXPECT_EQ(other.get(page).status, 403);
  EXPECT_EQ(board.get(page).status, 403);
  EXPECT_EQ(editor.post(page + "/gui", "x=1").status, 303);
  // The editor cannot approve; the board returns it with a reason.
  EXPECT_EQ(editor.post(page + "/duyet", "x=1").status, 403);
  EXPECT_EQ(board.get(page).status, 200);
  EXPECT_EQ(board.post(page + "/tra-lai", "ly_do=").status, 400);  // a reason is required
  EXPECT_EQ(board.post(page + "/tra-lai", "ly_do=" + http::url_encode("Bổ sung ảnh")).status, 303);
  EXPECT_NE(editor.get(page).body.find("Bổ sung ảnh"), std::string::npos);  // the unit sees why
  // …and is told: the return is in the editor's notifications, with the reason and the item.
  auto told = editor.get("/thong-bao").body;
  EXPECT_NE(told.find("bị Ban biên tập trả lại: Bổ sung ảnh"), std::string::npos) << told;
  EXPECT_NE(told.find("href=\"" + page + "\""), std::string::npos);
  EXPECT_EQ(other.get("/thong-bao").body.find("Bổ sung ảnh"), std::string::npos);  // another unit's editor is not
  // Fixed and submitted again; still nothing public.
  EXPECT_EQ(editor
                .post(page, form(title, "Đoạn đầu đã sửa " + kWord +
                                            ".\n\n<script>alert(1)</script>\n\n[bấm](javascript:alert(1))"))
                .status,
            303);
  EXPECT_EQ(editor.post(page + "/gui", "x=1").status, 303);
  auto before = http_request(port(), "GET", "/cong-thong-tin/tim-kiem?q=" + kWord);
  EXPECT_NE(before.body.find("Tìm thấy 0 kết quả"), std::string::npos);

  // A publication time that is not hh:mm is refused, and nothing is published.
  auto late = board.post(page + "/duyet", "ngay_dang=05%2F01%2F2030&gio_dang=25%3A00");
  EXPECT_EQ(late.status, 400);
  EXPECT_NE(late.body.find("Giờ đăng cần dạng giờ:phút, ví dụ 07:30."), std::string::npos);
  // Published: the cached pages are new, search finds it without marks.
  EXPECT_EQ(board.post(page + "/duyet", "ngay_dang=&gio_dang=").status, 303);
  auto after = http_request(port(), "GET", "/cong-thong-tin", {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.header("etag"), etag);
  auto found = http_request(port(), "GET", "/cong-thong-tin/tim-kiem?q=phuong+trang+dai+thu+nghiem+" + kWord);
  EXPECT_NE(found.body.find("Tìm thấy 1 kết quả"), std::string::npos) << found.body.substr(0, 300);
  auto slug_at = found.body.find("/cong-thong-tin/bai-viet/");
  ASSERT_NE(slug_at, std::string::npos);
  auto href = found.body.substr(slug_at, found.body.find('"', slug_at) - slug_at);
  auto article = http_request(port(), "GET", href);
  ASSERT_EQ(article.status, 200);
  EXPECT_NE(article.body.find("Đoạn đầu đã sửa"), std::string::npos);
  EXPECT_EQ(article.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(article.body.find("javascript:"), std::string::npos);
  EXPECT_NE(article.body.find("property=\"og:title\""), std::string::npos);
  EXPECT_NE(article.body.find("https://cchc.example.org" + href), std::string::npos);  // canonical, og:url
  EXPECT_NE(article.body.find("Phường Trảng Dài"), std::string::npos);                 // the supplying unit
  EXPECT_EQ(http_request(port(), "GET", href + "/ban-in").status, 200);
  // Feeds and the sitemap list it under the configured address.
  auto atom = http_request(port(), "GET", "/cong-thong-tin/chuyen-muc/thu-tuc-hanh-chinh-mot-cua/atom.xml");
  EXPECT_EQ(atom.header("content-type"), "application/atom+xml; charset=utf-8");
  EXPECT_NE(atom.body.find("<link href=\"https://cchc.example.org" + href + "\"/>"), std::string::npos);
  auto sitemap = http_request(port(), "GET", "/sitemap.xml");
  EXPECT_NE(sitemap.body.find("<loc>https://cchc.example.org" + href + "</loc>"), std::string::npos);

  // Withdrawn with a reason: gone from the public pages and from search.
  EXPECT_EQ(editor.post(page + "/go", "ly_do=x").status, 403);
  EXPECT_EQ(board.post(page + "/go", "ly_do=" + http::url_encode("Thông tin cần kiểm tra lại")).status, 303);
  EXPECT_EQ(http_request(port(), "GET", href).status, 404);
  auto gone = http_request(port(), "GET", "/cong-thong-tin/tim-kiem?q=" + kWord);
  EXPECT_NE(gone.body.find("Tìm thấy 0 kết quả"), std::string::npos);
}

// Search results show the text a reader sees: no markdown marks, no link
// targets, entities escaped once, the match highlighted.
TEST_F(PortalServed, SearchSnippetsShowTheTextNotTheMarkdown) {
  Browser editor{port()}, board{port()};
  ASSERT_EQ(editor.sign_in("demo.ctvxa", "demo-editor-dongnai"), 303);
  ASSERT_EQ(board.sign_in("demo.banbientap", "demo-editorial_board-dongnai"), 303);
  editor.get("/bien-tap/moi");
  const std::string word = "Trichdoancchc";
  std::string body = "Phường đã tiếp nhận **150 hồ sơ** " + word +
                     " trong tháng, xem [hướng dẫn](https://dichvucong.gov.vn) hoặc [bấm](javascript:alert(1)); "
                     "ký hiệu &lt;script&gt; và &amp; vẫn hiện đúng.";
  auto created =
      editor.post("/bien-tap/moi", "tieu_de=" + http::url_encode("Phường Trảng Dài tiếp nhận hồ sơ tháng này") +
                                       "&chuyen_muc=4&tom_tat=" + http::url_encode("Kết quả tiếp nhận hồ sơ.") +
                                       "&noi_dung=" + http::url_encode(body));
  ASSERT_EQ(created.status, 303) << created.body;
  std::string page = "/bien-tap/" + item_id(created);
  EXPECT_EQ(editor.post(page + "/gui", "x=1").status, 303);
  board.get(page);
  EXPECT_EQ(board.post(page + "/duyet", "ngay_dang=&gio_dang=").status, 303);

  auto found = http_request(port(), "GET", "/cong-thong-tin/tim-kiem?q=" + word);
  ASSERT_EQ(found.status, 200);
  auto from = found.body.find("<ol class=\"results\">");
  ASSERT_NE(from, std::string::npos);
  auto results = found.body.substr(from, found.body.find("</ol>", from) - from);
  EXPECT_NE(results.find("Kết quả tiếp nhận hồ sơ. Phường đã tiếp nhận 150 hồ sơ <mark>" + word + "</mark>"),
            std::string::npos)
      << results;
  EXPECT_NE(results.find("xem hướng dẫn hoặc bấm; ký hiệu &lt;script&gt; và &amp; vẫn hiện đúng."), std::string::npos)
      << results;
  for (const char* never : {"**", "](", "&amp;lt;", "&amp;amp;", "javascript", "dichvucong.gov.vn"}) {
    EXPECT_EQ(results.find(never), std::string::npos) << never << " in " << results;
  }
}

// The documents library goes through the editorial board: a ward's
// document waits until the board approves it; a document another body
// issued is refused at its field, what was typed kept.
TEST_F(PortalServed, AWardsDocumentWaitsForTheBoardAndAnotherBodysIsRefused) {
  Browser editor{port()}, board{port()};
  ASSERT_EQ(editor.sign_in("demo.ctvxa", "demo-editor-dongnai"), 303);
  ASSERT_EQ(board.sign_in("demo.banbientap", "demo-editorial_board-dongnai"), 303);
  ASSERT_EQ(editor.get("/bien-tap/van-ban").status, 200);
  ASSERT_EQ(board.get("/bien-tap/van-ban").status, 200);
  auto document = [](const std::string& number, const std::string& issuer, const std::string& subject) {
    return "loai=KH&so_ky_hieu=" + http::url_encode(number) + "&ngay_ban_hanh=" + http::url_encode("05/01/2026") +
           "&co_quan=" + http::url_encode(issuer) + "&trich_yeu=" + http::url_encode(subject);
  };

  // The province's plan, posted by the ward: refused at the issuer's field.
  const std::string province_subject = "Kế hoạch cải cách hành chính của tỉnh năm 2026 Vanbantinhcchc";
  auto refused = editor.post("/bien-tap/van-ban", document("9173/KH-UBND", "UBND tỉnh Đồng Nai", province_subject));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("<p class=\"form-error\" id=\"co_quan_loi\" role=\"alert\">Đơn vị chỉ đăng được văn bản "
                              "do UBND phường Trảng Dài hoặc đơn vị trực thuộc ban hành."),
            std::string::npos)
      << refused.body;
  EXPECT_NE(refused.body.find("aria-describedby=\"co_quan_loi\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"UBND tỉnh Đồng Nai\""), std::string::npos);  // what was typed, kept
  EXPECT_NE(refused.body.find("value=\"9173/KH-UBND\""), std::string::npos);
  EXPECT_NE(refused.body.find(province_subject), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin/van-ban/9173-kh-ubnd").status, 404);

  // The ward's own: sent to the board, not public, not found.
  auto sent = editor.post("/bien-tap/van-ban", document("9174/KH-UBND", "UBND phường Trảng Dài",
                                                        "Kế hoạch tuyên truyền của phường Vanbanphuongcchc"));
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), "/bien-tap/van-ban?da-gui");
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin/van-ban/9174-kh-ubnd").status, 404);
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin/van-ban").body.find("9174/KH-UBND"), std::string::npos);
  EXPECT_NE(http_request(port(), "GET", "/cong-thong-tin/tim-kiem?q=Vanbanphuongcchc").body.find("Tìm thấy 0 kết quả"),
            std::string::npos);
  auto own = editor.get("/bien-tap/van-ban").body;
  EXPECT_NE(own.find("9174/KH-UBND</strong>"), std::string::npos) << own;  // the unit sees where it is
  EXPECT_NE(own.find("Chờ duyệt"), std::string::npos);

  // In the board's queue; the ward's editor cannot approve it, the board does.
  auto desk = board.get("/bien-tap/van-ban").body;
  auto queued = desk.find("9174/KH-UBND");
  ASSERT_NE(queued, std::string::npos) << desk;
  auto approve_end = desk.find("/duyet\"", queued);
  ASSERT_NE(approve_end, std::string::npos);
  auto approve_at = desk.rfind("/bien-tap/van-ban/", approve_end);
  auto approve = desk.substr(approve_at, approve_end + 6 - approve_at);
  EXPECT_EQ(editor.post(approve, "x=1").status, 403);
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin/van-ban/9174-kh-ubnd").status, 404);
  EXPECT_EQ(board.post(approve, "x=1").status, 303);
  EXPECT_EQ(http_request(port(), "GET", "/cong-thong-tin/van-ban/9174-kh-ubnd").status, 200);
  EXPECT_NE(http_request(port(), "GET", "/cong-thong-tin/van-ban").body.find("9174/KH-UBND"), std::string::npos);
}

TEST_F(PortalServed, ImagesAreSniffedAndHiddenUntilPublication) {
  Browser editor{port()};
  ASSERT_EQ(editor.sign_in("demo.ctvxa", "demo-editor-dongnai"), 303);
  editor.get("/bien-tap/moi");
  auto created = editor.post("/bien-tap/moi", form("Ảnh hội nghị trực tuyến của phường", "Nội dung"));
  ASSERT_EQ(created.status, 303);
  std::string page = "/bien-tap/" + item_id(created);
  // HTML named .png is refused; a PNG is kept under a random id.
  auto html = editor.post_file(page + "/anh", {}, "anh", "anh.png", testing::sample_html());
  EXPECT_EQ(html.status, 400);
  auto png = editor.post_file(page + "/anh", {}, "anh", "hoi-nghi.png", testing::sample_png());
  EXPECT_EQ(png.status, 303);
  auto body = editor.get(page).body;
  auto at = body.find("href=\"/cong-thong-tin/anh/");
  ASSERT_NE(at, std::string::npos);
  auto src = body.substr(at + 6, std::string("/cong-thong-tin/anh/").size() + 32);
  // Not public yet: its editor sees it, a reader does not.
  auto own = editor.get(src);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.header("content-type"), "image/png");
  EXPECT_EQ(own.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(own.body, testing::sample_png());
  EXPECT_EQ(http_request(port(), "GET", src).status, 404);
}

TEST_F(PortalServed, TheReviewOfAPeriodAsAPageAWorkbookAndADraftReport) {
  Browser admin{port()}, editor{port()};
  ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
  ASSERT_EQ(editor.sign_in("demo.ctvxa", "demo-editor-dongnai"), 303);
  auto today = format_date_vi(local_date(now_seconds()));
  std::string query = "?tu-ngay=01%2F01%2F2020&den-ngay=" + http::url_encode(today);
  auto page = admin.get("/bien-tap/so-ket" + query);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Toàn tỉnh"), std::string::npos);
  EXPECT_NE(page.body.find("Phường Trảng Dài"), std::string::npos);  // a demo unit that supplied items
  auto xlsx = admin.get("/bien-tap/so-ket/bang.xlsx" + query);
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), http::kXlsxType);
  auto docx = admin.get("/bien-tap/so-ket/bao-cao.docx" + query);
  EXPECT_EQ(docx.status, 200);
  EXPECT_NE(testing::zip_entry(docx.body, "word/document.xml").find("SỞ NỘI VỤ"), std::string::npos);
  EXPECT_EQ(admin.get("/bien-tap/so-ket?tu-ngay=02%2F01%2F2026&den-ngay=01%2F01%2F2026").status, 400);
  EXPECT_EQ(editor.get("/bien-tap/so-ket").status, 403);  // the review is the board's and the coordinator's

  // The units' accounts (issue 36): the demo's review request to the
  // communes is offered and taken by default; the communes that answered
  // write under their names, each heading as the request gave it.
  const std::string title =
      "Báo cáo sơ kết công tác cải cách hành chính năm " + std::to_string(int(local_date(now_seconds()).year()));
  EXPECT_NE(page.body.find("selected>" + title + "</option>"), std::string::npos);
  auto xml = testing::zip_entry(docx.body, "word/document.xml");
  EXPECT_NE(xml.find("Kết quả thực hiện:"), std::string::npos);
  EXPECT_NE(xml.find("Hoàn thành các nhiệm vụ được giao trong kỳ."), std::string::npos);
  EXPECT_NE(xml.find("Đề nghị tập huấn thêm về số hóa hồ sơ."), std::string::npos);
  // The commune whose answer was returned, and the demo commune that has
  // not answered, keep the line to write on.
  EXPECT_NE(xml.find("Đánh giá của đơn vị"), std::string::npos);
  auto none =
      testing::zip_entry(admin.get("/bien-tap/so-ket/bao-cao.docx" + query + "&yeu-cau=0").body, "word/document.xml");
  EXPECT_EQ(none.find("Hoàn thành các nhiệm vụ được giao trong kỳ."), std::string::npos);
  // Answers not yet accepted are the coordinator's to read: not in the
  // administrator's draft, in the province's coordinator's, marked.
  EXPECT_EQ(xml.find("chưa duyệt"), std::string::npos);
  Browser province{port()}, office{port()};
  ASSERT_EQ(province.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
  ASSERT_EQ(office.sign_in("demo.dieuphoi.vp", "demo-coordinator-dongnai"), 303);
  auto coordinators =
      testing::zip_entry(province.get("/bien-tap/so-ket/bao-cao.docx" + query).body, "word/document.xml");
  EXPECT_NE(coordinators.find("(Báo cáo của đơn vị, chưa duyệt)"), std::string::npos);
  // The province's coordinator reads the review; a department's does not.
  EXPECT_EQ(province.get("/bien-tap/so-ket").status, 200);
  EXPECT_EQ(office.get("/bien-tap/so-ket").status, 403);
}

TEST_F(PortalServed, ViewsAreCountedWithoutBots) {
  // A server of its own, stopped at the end so that it writes its counts.
  auto db = (dir_ / "views.db").string();
  testing::make_demo_db(db, testing::DemoRecords::without);
  std::string out;
  auto slug = [&] {
    auto d = db::open(db);
    return d->read([](db::Connection& c) {
      return c.query("SELECT slug FROM portal_items WHERE state = 'published' ORDER BY id LIMIT 1").one().str("slug");
    });
  }();
  auto count = [&] {
    auto d = db::open(db);
    return d->read([&](db::Connection& c) {
      return c
          .query(
              "SELECT CAST(coalesce(sum(v.views), 0) AS BIGINT) AS n FROM portal_views v JOIN portal_items i "
              "ON v.kind = 'item' AND v.ref_id = i.id WHERE i.slug = ?",
              {slug})
          .one()
          .i64("n");
    });
  };
  auto before = count();
  {
    ServerProcess server(db);
    const std::string path = "/cong-thong-tin/bai-viet/" + slug;
    const std::pair<std::string, std::string> phone = {"User-Agent",
                                                       "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"};
    for (int i = 0; i < 3; ++i) EXPECT_EQ(http_request(server.port(), "GET", path, {phone}).status, 200);
    EXPECT_EQ(http_request(server.port(), "GET", path, {{"User-Agent", "Googlebot/2.1"}}).status, 200);
    EXPECT_EQ(http_request(server.port(), "GET", path).status, 200);  // no user agent: not a person
    EXPECT_EQ(server.stop(SIGTERM, std::chrono::seconds{10}), 0);
  }
  EXPECT_EQ(count(), before + 3);
  // Nothing personal is stored: the table holds counts per item and day only.
  auto d = db::open(db);
  auto columns = d->read([](db::Connection& c) { return c.query("SELECT * FROM portal_views LIMIT 1").one().size(); });
  EXPECT_EQ(columns, 4u);  // kind, ref_id, day, views
}

}  // namespace
}  // namespace cchc
