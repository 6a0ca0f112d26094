// The portal's pure rules as tables: the workflow (who may do what in which
// state), what an item may hold, markdown safety and its plain text, search
// folding, highlights and snippets, excerpts, whose documents a unit may
// post, bots, diffs.
#include "portal/rules.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/text.h"
#include "portal/markdown.h"

namespace cchc::portal {
namespace {

TEST(Workflow, WhoMayDoWhatInWhichState) {
  using enum State;
  using A = Action;
  const std::optional<State> no;
  struct Case {
    State from;
    Action action;
    Actor actor;
    std::optional<State> to;
  } cases[] = {
      // The unit's editor: writes and submits a draft or a returned item…
      {draft, A::edit, Actor::author, draft},
      {draft, A::submit, Actor::author, submitted},
      {returned, A::edit, Actor::author, returned},
      {returned, A::submit, Actor::author, submitted},
      {submitted, A::comment, Actor::author, submitted},
      {returned, A::comment, Actor::author, returned},
      // … and nothing else: no edits once submitted or published, no
      // approving or withdrawing its own item.
      {submitted, A::edit, Actor::author, no},
      {submitted, A::submit, Actor::author, no},
      {published, A::edit, Actor::author, no},
      {submitted, A::approve, Actor::author, no},
      {submitted, A::send_back, Actor::author, no},
      {published, A::withdraw, Actor::author, no},
      {withdrawn, A::republish, Actor::author, no},
      {draft, A::comment, Actor::author, no},
      // The board: works the queue…
      {submitted, A::edit, Actor::board, submitted},
      {submitted, A::comment, Actor::board, submitted},
      {submitted, A::send_back, Actor::board, returned},
      {submitted, A::approve, Actor::board, published},
      // … corrects or withdraws what is published, puts back what it withdrew…
      {published, A::edit, Actor::board, published},
      {published, A::withdraw, Actor::board, withdrawn},
      {withdrawn, A::republish, Actor::board, published},
      {returned, A::comment, Actor::board, returned},
      {published, A::comment, Actor::board, published},
      // … and never touches a unit's draft, nor skips the queue.
      {draft, A::edit, Actor::board, no},
      {draft, A::approve, Actor::board, no},
      {draft, A::submit, Actor::board, no},
      {returned, A::approve, Actor::board, no},
      {returned, A::edit, Actor::board, no},
      {published, A::approve, Actor::board, no},
      {published, A::send_back, Actor::board, no},
      {withdrawn, A::edit, Actor::board, no},
      {withdrawn, A::withdraw, Actor::board, no},
      {submitted, A::withdraw, Actor::board, no},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(transition(c.from, c.action, c.actor), c.to) << state_code(c.from) << " " << action_code(c.action)
                                                           << " by " << (c.actor == Actor::author ? "author" : "board");
  }
}

TEST(Workflow, StateCodesRoundTrip) {
  for (auto s : {State::draft, State::submitted, State::returned, State::published, State::withdrawn}) {
    EXPECT_EQ(parse_state(state_code(s)), s);
    EXPECT_FALSE(state_label_vi(s).empty());
  }
  EXPECT_THROW(parse_state("approved"), Error);
}

Item valid_item() {
  Item i;
  i.title = "Ra mắt bộ phận một cửa hiện đại";
  i.summary = "Tóm tắt";
  i.body = "Nội dung";
  return i;
}

TEST(Items, WhatAnItemMayHold) {
  struct Case {
    const char* what;
    void (*change)(Item&);
    bool ok;
  } cases[] = {
      {"valid", [](Item&) {}, true},
      {"title of 5 characters", [](Item& i) { i.title = "Tin ắ"; }, true},
      {"title of 4 characters", [](Item& i) { i.title = "Tin "; }, false},
      {"title of 300 characters", [](Item& i) { i.title = std::string(300, 'a'); }, true},
      {"title of 301 characters", [](Item& i) { i.title = std::string(301, 'a'); }, false},
      {"summary of 1000 Vietnamese characters",
       [](Item& i) {
         i.summary.clear();
         for (int k = 0; k < 1000; ++k) i.summary += "ả";
       },
       true},
      {"summary of 1001", [](Item& i) { i.summary = std::string(1001, 'a'); }, false},
      {"body of 100000 bytes", [](Item& i) { i.body = std::string(100000, 'a'); }, true},
      {"body of 100001 bytes", [](Item& i) { i.body = std::string(100001, 'a'); }, false},
      {"10 tags", [](Item& i) { i.tags = std::vector<std::string>(10, "thẻ"); }, true},
      {"11 tags", [](Item& i) { i.tags = std::vector<std::string>(11, "thẻ"); }, false},
      {"tag of 51 characters", [](Item& i) { i.tags = {std::string(51, 'a')}; }, false},
      {"https video", [](Item& i) { i.video_url = "https://www.youtube.com/watch?v=abc"; }, true},
      {"http video", [](Item& i) { i.video_url = "http://www.youtube.com/watch?v=abc"; }, false},
      {"javascript video", [](Item& i) { i.video_url = "javascript:alert(1)"; }, false},
      {"video with a quote", [](Item& i) { i.video_url = "https://x.vn/\"onload=1"; }, false},
      {"video with a space", [](Item& i) { i.video_url = "https://x.vn/a b"; }, false},
  };
  for (const auto& c : cases) {
    auto item = valid_item();
    c.change(item);
    if (c.ok) {
      EXPECT_NO_THROW(check_item(item)) << c.what;
    } else {
      EXPECT_THROW(check_item(item), Error) << c.what;
    }
  }
}

TEST(Items, AnEditChangesOnlyWhatAnEditorWrites) {
  Item stored = valid_item();
  stored.id = 7;
  stored.slug = "tin-cu";
  stored.unit_code = "X1";
  stored.state = State::published;
  stored.featured = false;
  stored.revision = 3;
  stored.publish_at = Instant{std::chrono::seconds{1000}};
  Item edit;
  edit.id = 99;
  edit.slug = "khac";
  edit.unit_code = "X2";
  edit.state = State::draft;
  edit.revision = 1;
  edit.title = "Tiêu đề mới của tin";
  edit.summary = "Tóm tắt mới";
  edit.body = "Nội dung mới";
  edit.video_url = "https://www.youtube.com/watch?v=moi";
  edit.tags = {"một cửa"};
  edit.category_id = 5;
  edit.featured = true;
  struct Case {
    Actor actor;
    bool featured;  // what the item holds after the edit
  } cases[] = {{Actor::author, false}, {Actor::board, true}};
  for (const auto& c : cases) {
    auto after = edited(stored, edit, c.actor);
    EXPECT_EQ(after.title, edit.title);
    EXPECT_EQ(after.summary, edit.summary);
    EXPECT_EQ(after.body, edit.body);
    EXPECT_EQ(after.video_url, edit.video_url);
    EXPECT_EQ(after.tags, edit.tags);
    EXPECT_EQ(after.category_id, 5);
    EXPECT_EQ(after.featured, c.featured);
    EXPECT_EQ(after.id, 7);
    EXPECT_EQ(after.slug, "tin-cu");
    EXPECT_EQ(after.unit_code, "X1");
    EXPECT_EQ(after.state, State::published);
    EXPECT_EQ(after.revision, 3);
    EXPECT_EQ(after.publish_at, stored.publish_at);
  }
}

TEST(Items, TagsAndSlugs) {
  EXPECT_EQ(parse_tags("cải cách, một cửa; chuyển đổi số"),
            (std::vector<std::string>{"cải cách", "một cửa", "chuyển đổi số"}));
  EXPECT_EQ(parse_tags(" Một cửa ;; mot cua, ,"), (std::vector<std::string>{"Một cửa"}));  // same when folded
  EXPECT_TRUE(parse_tags("").empty());
  struct Case {
    const char* title;
    const char* slug;
  } cases[] = {
      {"Đắk Lắk đẩy mạnh chuyển đổi số", "dak-lak-day-manh-chuyen-doi-so"},
      {"Kế hoạch số 77/KH-VP", "ke-hoach-so-77-kh-vp"},
      {"!!!", "bai-viet"},
      {"Một tiêu đề rất dài về cải cách hành chính của tỉnh trong năm hai nghìn không trăm hai mươi sáu và hơn nữa",
       "mot-tieu-de-rat-dai-ve-cai-cach-hanh-chinh-cua-tinh-trong-nam-hai-nghin-khong"},
  };
  for (const auto& c : cases) EXPECT_EQ(slug_base(c.title), c.slug) << c.title;
  EXPECT_LE(slug_base(std::string(200, 'a')).size(), 80u);
}

TEST(Markdown, WhatAnEditorWritesCannotRun) {
  struct Case {
    const char* markdown;
    const char* must_not;  // must not appear in the HTML
    const char* must;      // must appear
  } cases[] = {
      {"<script>alert(1)</script>", "<script", "raw HTML omitted"},
      {"Chào <b onclick=\"x()\">bạn</b>", "onclick", "Chào"},
      {"[bấm](javascript:alert(1))", "javascript:", "bấm</a>"},
      {"[bấm](JaVaScRiPt:alert(1))", "alert", "bấm</a>"},
      {"[bấm](vbscript:msgbox)", "vbscript", "bấm</a>"},
      {"![ảnh](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html", "ảnh"},
      {"<iframe src=\"https://x\"></iframe>", "<iframe", ""},
      {"<img src=x onerror=alert(1)>", "onerror", ""},
      {"**đậm** và ~~gạch~~", "**", "<strong>đậm</strong>"},
      {"| Đơn vị | Tỷ lệ |\n|---|---|\n| Sở | 96 % |", "|---", "<table>"},
      {"[Cổng](https://dichvucong.gov.vn)", "javascript", "href=\"https://dichvucong.gov.vn\""},
  };
  for (const auto& c : cases) {
    auto html = render_markdown(c.markdown);
    EXPECT_EQ(html.find(c.must_not), std::string::npos) << c.markdown << " → " << html;
    EXPECT_NE(html.find(c.must), std::string::npos) << c.markdown << " → " << html;
  }
}

TEST(Search, TermsFoldedWithOrWithoutMarks) {
  struct Case {
    const char* query;
    std::vector<std::string> folded;
    bool marked;
  } cases[] = {
      {"cai cach hanh chinh", {"cai", "cach", "hanh", "chinh"}, false},
      {"cải cách hành chính", {"cai", "cach", "hanh", "chinh"}, true},
      {"Đắk Lắk", {"dak", "lak"}, true},
      {"dak lak", {"dak", "lak"}, false},
      {"ĐỒNG NAI", {"dong", "nai"}, true},
      {"d", {"d"}, false},
      {"đ", {"d"}, true},
      {"77/KH-UBND", {"77", "kh", "ubnd"}, false},
      {"  một   cửa, một cửa!  ", {"mot", "cua"}, true},   // repeated words once
      {"\"cai\" OR cach*", {"cai", "or", "cach"}, false},  // no FTS syntax passes through
      {"", {}, false},
      {"!!! ??", {}, false},
  };
  for (const auto& c : cases) {
    auto t = search_terms(c.query);
    EXPECT_EQ(t.folded, c.folded) << c.query;
    EXPECT_EQ(!t.exact.empty(), c.marked) << c.query;
    if (c.marked) {
      EXPECT_EQ(t.exact.size(), t.folded.size()) << c.query;
    }
  }
  // At most 12 words of at most 40 characters.
  std::string many;
  for (int i = 0; i < 20; ++i) many += "tu" + std::to_string(i) + " ";
  EXPECT_EQ(search_terms(many).folded.size(), 12u);
  EXPECT_TRUE(search_terms(std::string(41, 'a')).folded.empty());
}

TEST(Search, ExactKeysKeepMarksApartAsAsciiWords) {
  struct Case {
    const char* text;
    const char* key;
  } cases[] = {
      {"cải", "cx1ea3i"}, {"Cải CÁCH", "cx1ea3i cxe1ch"}, {"cai cach", "cai cach"}, {"Đắk", "x111x1eafk"},
      {"d đ", "d x111"},  {"77/KH-VP", "77 kh vp"},       {"  a,,b  ", "a b"},
  };
  for (const auto& c : cases) EXPECT_EQ(exact_key(c.text), c.key) << c.text;
  // A query's exact words are the keys of its words: "cải" finds "cải"
  // in a text's key, not "cai" nor "cái".
  auto t = search_terms("cải");
  ASSERT_EQ(t.exact.size(), 1u);
  EXPECT_EQ(t.exact[0], exact_key("CẢI"));
  EXPECT_NE(t.exact[0], exact_key("cái"));
  // Decomposed input (NFD) gives the same key as composed.
  EXPECT_EQ(exact_key("ca\xcc\x89i"), "cx1ea3i");
}

TEST(Search, HighlightsWholeWordsWithOrWithoutMarks) {
  struct Case {
    const char* text;
    std::vector<std::string> terms;
    std::size_t max;
    const char* html;
  } cases[] = {
      {"Cải cách hành chính", {"cai", "cach"}, 0, "<mark>Cải</mark> <mark>cách</mark> hành chính"},
      {"Tỉnh Đắk Lắk", {"dak"}, 0, "Tỉnh <mark>Đắk</mark> Lắk"},
      {"cai cach (OCR)", {"cach"}, 0, "cai <mark>cach</mark> (OCR)"},
      {"cách cáchthức", {"cach"}, 0, "<mark>cách</mark> cáchthức"},  // whole words only
      {"<b>một</b> cửa", {"cua"}, 0, "&lt;b&gt;một&lt;/b&gt; <mark>cửa</mark>"},
      {"không có gì", {"cua"}, 0, "không có gì"},
      {"một hai ba bốn năm sáu bảy tám chín mười", {"bay"}, 12, "… sáu <mark>bảy</mark> tám …"},
      {"một hai ba bốn năm", {}, 8, "một hai …"},
  };
  for (const auto& c : cases) EXPECT_EQ(highlight_html(c.text, c.terms, c.max), c.html) << c.text;
}

TEST(Markdown, PlainTextIsWhatAReaderSees) {
  struct Case {
    const char* markdown;
    const char* text;
  } cases[] = {
      {"**đậm** và ~~gạch~~ và *nghiêng*", "đậm và gạch và nghiêng"},
      {"# Tiêu đề\n\nĐoạn một.\nDòng hai.", "Tiêu đề Đoạn một. Dòng hai."},
      {"[bấm](javascript:alert(1))", "bấm"},
      {"[Cổng dịch vụ công](https://dichvucong.gov.vn) và https://x.gov.vn", "Cổng dịch vụ công và https://x.gov.vn"},
      {"<script>alert(1)</script>", ""},
      {"Chào <b onclick=\"x()\">bạn</b>", "Chào bạn"},
      {"Sở &amp; ngành &lt;script&gt;", "Sở & ngành <script>"},
      {"![ảnh](/cong-thong-tin/anh/abc) Chú thích", "Chú thích"},
      {"- một\n- hai\n\n1. ba", "một hai ba"},
      {"| Đơn vị | Tỷ lệ |\n|---|---|\n| Sở | 96 % |", "Đơn vị Tỷ lệ Sở 96 %"},
      {"`mã` và\n\n```\nkhối   mã\n```", "mã và khối mã"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(markdown_text(c.markdown), c.text) << c.markdown;
}

TEST(Search, SnippetsComeFromTheRenderedTextEscapedOnce) {
  struct Case {
    const char* summary;
    const char* body;
    std::vector<std::string> terms;
    std::size_t max;
    const char* html;
  } cases[] = {
      // Emphasis marks gone, the match highlighted.
      {"",
       "Đã tiếp nhận **150 hồ sơ** trực tuyến.",
       {"ho", "so"},
       0,
       "Đã tiếp nhận 150 <mark>hồ</mark> <mark>sơ</mark> trực tuyến."},
      // A link shows its text, never its target (javascript: or any).
      {"",
       "Xem [hướng dẫn](javascript:alert(1)) và [cổng](https://dichvucong.gov.vn).",
       {"huong"},
       0,
       "Xem <mark>hướng</mark> dẫn và cổng."},
      // Raw HTML is not text of the page.
      {"",
       "Đoạn đầu.\n\n<script>alert(1)</script>\n\nĐoạn sau.",
       {"doan"},
       0,
       "<mark>Đoạn</mark> đầu. <mark>Đoạn</mark> sau."},
      // Entities decoded, then escaped once: never "&amp;lt;".
      {"", "Sở &amp; ngành &lt;script&gt;", {"nganh"}, 0, "Sở &amp; <mark>ngành</mark> &lt;script&gt;"},
      // Without diacritics in the query, the words with them.
      {"Cải cách hành chính", "", {"cai", "cach"}, 0, "<mark>Cải</mark> <mark>cách</mark> hành chính"},
      // The summary, then the body's text.
      {"Tóm tắt.", "**Nội dung** chính", {"noi"}, 0, "Tóm tắt. <mark>Nội</mark> dung chính"},
      // A long text: a window around the match, cut between words.
      {"", "**một** hai ba bốn năm sáu *bảy* tám chín mười", {"bay"}, 12, "… sáu <mark>bảy</mark> tám …"},
      {"", "không có gì", {"cua"}, 0, "không có gì"},
  };
  for (const auto& c : cases) {
    auto html = snippet_html(c.summary, c.body, c.terms, c.max);
    EXPECT_EQ(html, c.html) << c.body;
    for (const char* never : {"**", "](", "&amp;lt;", "javascript", "<script"}) {
      EXPECT_EQ(html.find(never), std::string::npos) << c.body << " → " << html;
    }
  }
  // Cut between characters, never inside one.
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += i == 150 ? "**Đắk** " : "Lắk ";
  auto html = snippet_html("", long_text, {"dak"}, 40);
  EXPECT_TRUE(text::is_valid_utf8(html)) << html;
  EXPECT_NE(html.find("<mark>Đắk</mark>"), std::string::npos) << html;
  EXPECT_EQ(html.find("**"), std::string::npos);
}

TEST(Excerpts, CutAtAWordWithoutSplittingACharacter) {
  struct Case {
    const char* text;
    std::size_t max;
    const char* cut;
  } cases[] = {
      {"một hai ba", 20, "một hai ba"},
      {"một hai ba", 10, "một hai ba"},
      {"một hai ba bốn", 9, "một hai…"},
      {"một hai ba", 7, "một hai…"},
      {"Mộtchữdàiquá", 4, "Mộtc…"},
      {"Đắk Lắk", 2, "Đắ…"},
      {"", 5, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(cut_at_word(c.text, c.max), c.cut) << c.text << " / " << c.max;
    EXPECT_TRUE(text::is_valid_utf8(cut_at_word(c.text, c.max)));
  }
  // An item's excerpt: the summary as written; without one, the body's
  // text (no markdown), cut.
  Item with;
  with.summary = "Tóm tắt của tin";
  with.body = "**Nội dung**";
  EXPECT_EQ(excerpt(with, 5), "Tóm tắt của tin");
  Item without;
  without.body = "Đã tiếp nhận **150 hồ sơ**, xem [hướng dẫn](javascript:alert(1)) &amp; biểu mẫu.";
  EXPECT_EQ(excerpt(without, 300), "Đã tiếp nhận 150 hồ sơ, xem hướng dẫn & biểu mẫu.");
  EXPECT_EQ(excerpt(without, 20), "Đã tiếp nhận 150 hồ…");
}

TEST(DocumentPosting, AUnitPostsOnlyWhatItOrAUnitBelowItIssued) {
  const std::vector<std::string> province = {"Tỉnh Đồng Nai", "Đồng Nai"};
  const std::vector<IssuingUnit> ward = {{"Phường Trảng Dài", "commune"}};
  const std::vector<IssuingUnit> departments = {{"Sở Nội vụ", "department"},
                                                {"Văn phòng Ủy ban nhân dân tỉnh", "department"}};
  const std::vector<IssuingUnit> whole = {{"Tỉnh Đồng Nai", "province"}, {"Phường Trảng Dài", "commune"}};
  struct Case {
    const char* issuer;
    const std::vector<IssuingUnit>* units;
    bool may;
  } cases[] = {
      {"UBND phường Trảng Dài", &ward, true},
      {"Ủy ban nhân dân phường Trảng Dài", &ward, true},
      {"ỦY BAN NHÂN DÂN PHƯỜNG TRẢNG DÀI", &ward, true},
      {"Phường Trảng Dài", &ward, true},
      {"UBND phường Trảng Dài, tỉnh Đồng Nai", &ward, true},
      {"UBND tỉnh Đồng Nai", &ward, false},  // the province's: the board posts it
      {"UBND phường Tam Hiệp", &ward, false},
      {"Văn phòng UBND tỉnh Đồng Nai", &ward, false},
      {"Trảng Dài", &ward, false},
      {"", &ward, false},
      {"Sở Nội vụ", &departments, true},
      {"Sở Nội vụ tỉnh Đồng Nai", &departments, true},
      {"SỞ NỘI VỤ ĐỒNG NAI", &departments, true},
      {"Văn phòng UBND tỉnh Đồng Nai", &departments, true},
      {"UBND Sở Nội vụ", &departments, false},
      {"Sở Tư pháp", &departments, false},
      {"UBND tỉnh Đồng Nai", &whole, true},
      {"UBND phường Trảng Dài", &whole, true},
      {"Chính phủ", &whole, false},
  };
  for (const auto& c : cases) EXPECT_EQ(issuer_names_one_of(c.issuer, *c.units, province), c.may) << c.issuer;

  EXPECT_EQ(issuer_label({"Phường Trảng Dài", "commune"}), "UBND phường Trảng Dài");
  EXPECT_EQ(issuer_label({"Tỉnh Đồng Nai", "province"}), "UBND tỉnh Đồng Nai");
  EXPECT_EQ(issuer_label({"Thành phố Biên Hòa", "district"}), "UBND thành phố Biên Hòa");
  EXPECT_EQ(issuer_label({"Sở Nội vụ", "department"}), "Sở Nội vụ");
  // What the form offers a unit is what the rule takes.
  for (const auto& u : whole) EXPECT_TRUE(issuer_names_one_of(issuer_label(u), whole, province)) << u.name;
}

TEST(Views, BotsDoNotCount) {
  struct Case {
    const char* ua;
    bool bot;
  } cases[] = {
      {"Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36", false},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", false},
      {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true},
      {"Mozilla/5.0 (compatible; bingbot/2.0)", true},
      {"facebookexternalhit/1.1", true},
      {"Zalo link preview", true},
      {"curl/7.88.1", true},
      {"python-requests/2.31", true},
      {"Mozilla/5.0 HeadlessChrome/120.0", true},
      {"", true},
      {"   ", true},
  };
  for (const auto& c : cases) EXPECT_EQ(is_bot(c.ua), c.bot) << c.ua;
}

TEST(Revisions, ReadableWordDiff) {
  EXPECT_EQ(diff_html("Tỉnh có 50 xã", "Tỉnh có 52 xã"), "Tỉnh có <del>50 </del><ins>52 </ins>xã");
  EXPECT_EQ(diff_html("a b", "a b"), "a b");
  EXPECT_EQ(diff_html("", "mới"), "<ins>mới</ins>");
  EXPECT_EQ(diff_html("<x>", ""), "<del>&lt;x&gt;</del>");
  EXPECT_EQ(diff_html("dòng một\ndòng hai", "dòng một\ndòng ba"), "dòng một\ndòng <del>hai</del><ins>ba</ins>");
}

TEST(Review, Median) {
  EXPECT_FALSE(median({}));
  EXPECT_DOUBLE_EQ(*median({3}), 3);
  EXPECT_DOUBLE_EQ(*median({5, 1, 3}), 3);
  EXPECT_DOUBLE_EQ(*median({4, 1, 3, 2}), 2.5);
}

// The approval form's day and time: +07:00, a blank day is "at once", a
// time is hh:mm or refused at its field.
TEST(PortalForms, PublishTimeFromTheApprovalForm) {
  using namespace std::chrono;
  const Instant jan5 = start_of_day(2026y / January / 5);
  const std::optional<Instant> at_once;
  struct Case {
    const char* day;
    const char* time;
    std::optional<Instant> at;
  } cases[] = {
      {"", "", at_once},
      {"  ", "07:30", at_once},  // no day: at once, the time unread
      {"", "25:99", at_once},
      {"05/01/2026", "", jan5},
      {" 05/01/2026 ", " ", jan5},
      {"05/01/2026", "00:00", jan5},
      {"05/01/2026", "07:30", jan5 + hours{7} + minutes{30}},
      {"05/01/2026", " 23:59 ", jan5 + hours{23} + minutes{59}},
      {"2026-01-05", "12:05", jan5 + hours{12} + minutes{5}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(publish_time(c.day, c.time), c.at) << c.day << " " << c.time;
  }
  // 07:30 in +07:00 is 00:30 UTC.
  EXPECT_EQ(publish_time("05/01/2026", "07:30")->time_since_epoch().count(), 1767573000);

  for (const char* time : {"7:30", "07:3", "07.30", "0730", "24:00", "23:60", "-1:30", "+1:30", "-0:30", "07:-5",
                           "07:30:00", "ab:cd", "07: 3", "１２:00"}) {
    try {
      publish_time("05/01/2026", time);
      ADD_FAILURE() << "accepted " << time;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << time;
      EXPECT_EQ(e.field(), "gio_dang") << time;
      EXPECT_EQ(e.message_vi(), "Giờ đăng cần dạng giờ:phút, ví dụ 07:30.");
    }
  }
  EXPECT_THROW(publish_time("31/02/2026", "07:30"), Error);
  EXPECT_THROW(publish_time("hôm nay", ""), Error);
}

TEST(PortalForms, ChosenIdIsAWholeNumberOrNone) {
  struct Case {
    const char* typed;
    std::int64_t id;
  } cases[] = {
      {"7", 7},
      {"0", 0},
      {"007", 7},
      {"123456789012345", 123456789012345},
      {"", 0},
      {"-5", 0},
      {"+5", 0},
      {"5x", 0},
      {" 5", 0},
      {"5.0", 0},
      {"1234567890123456", 0},  // over 15 digits
  };
  for (const auto& c : cases) EXPECT_EQ(chosen_id(c.typed), c.id) << c.typed;
}

TEST(PortalForms, ReviewPeriodDefaultsToTheYearSoFar) {
  using namespace std::chrono;
  const Date today = 2026y / March / 10;
  struct Case {
    const char* from;
    const char* to;
    Date want_from, want_to;
  } cases[] = {
      {"", "", 2026y / January / 1, today},
      {"01/01/2020", "", 2020y / January / 1, today},
      {"", "31/12/2026", 2026y / January / 1, 2026y / December / 31},
      {" 02/01/2026 ", " 02/01/2026 ", 2026y / January / 2, 2026y / January / 2},  // one day
  };
  for (const auto& c : cases) {
    auto p = review_period(c.from, c.to, today);
    EXPECT_EQ(p.from, c.want_from) << c.from << " " << c.to;
    EXPECT_EQ(p.to, c.want_to) << c.from << " " << c.to;
  }
  try {
    review_period("02/01/2026", "01/01/2026", today);
    ADD_FAILURE() << "a period ending before it starts";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(e.message_vi(), "Ngày bắt đầu phải trước ngày kết thúc.");
  }
  EXPECT_THROW(review_period("", "30/02/2026", today), Error);
  EXPECT_THROW(review_period("01/2026", "", today), Error);
}

}  // namespace
}  // namespace cchc::portal
