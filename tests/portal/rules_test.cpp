// The portal's pure rules as tables: the workflow (who may do what in which
// state), what an item may hold, markdown safety, search folding and
// highlights, bots, diffs.
#include "portal/rules.h"

#include <gtest/gtest.h>

#include "core/errors.h"
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

}  // namespace
}  // namespace cchc::portal
