#include "views/renderer.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "support/paths.h"

namespace cchc::views {
namespace {

const CtemplateRenderer& renderer() {
  static const CtemplateRenderer r(testing::source_dir() + "/templates");
  return r;
}

// The text an edit form shows must come back as it is when the form is sent
// unchanged: line breaks, blank lines, markdown marks and a leading break
// included (an HTML parser drops one line feed right after <textarea>).
TEST(Renderer, TextareasKeepTheTextByteForByte) {
  struct Case {
    const char* body;
    const char* shown;  // what follows <textarea …> up to </textarea>
  } cases[] = {
      {"## Kết quả\r\n\r\n- Tỷ lệ 98 %\r\n- Đúng hạn", "\n## Kết quả\r\n\r\n- Tỷ lệ 98 %\r\n- Đúng hạn"},
      {"\nmở đầu bằng dòng trống", "\n\nmở đầu bằng dòng trống"},
      {"a\tb  c", "\na\tb  c"},
      {"<b>\"x\" & 'y'</b>", "\n&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"},
      {"", "\n"},
  };
  for (const auto& c : cases) {
    auto html = renderer().render("portal/item_fields.tpl", {{"body", c.body}, {"summary", c.body}});
    for (const std::string id : {"noi_dung", "tom_tat"}) {
      auto open = html.find("<textarea id=\"" + id + "\"");
      ASSERT_NE(open, std::string::npos) << id;
      auto start = html.find('>', open) + 1;
      auto end = html.find("</textarea>", start);
      EXPECT_EQ(html.substr(start, end - start), c.shown) << id << " of " << c.body;
    }
  }
}

TEST(Renderer, TheTaskFormKeepsLineBreaksInEachTextarea) {
  auto html = renderer().render(
      "plans/task_form.tpl",
      {{"objective", "một\nhai"}, {"description", "ba\n\nbốn"}, {"editing", true}, {"reason", "năm\r\nsáu"}});
  EXPECT_NE(html.find(">\nmột\nhai</textarea>"), std::string::npos) << html;
  EXPECT_NE(html.find(">\nba\n\nbốn</textarea>"), std::string::npos) << html;
  EXPECT_NE(html.find(">\nnăm\r\nsáu</textarea>"), std::string::npos) << html;
}

// A nested list or object reusing an enclosing section's name would show
// the enclosing one when empty: refused whatever its values. A flag may
// repeat an enclosing one unless it hides what is shown above; plain values
// may take any name.
TEST(Renderer, NestedSectionsMayNotReuseAnEnclosingName) {
  using nlohmann::json;
  struct Case {
    const char* what;
    json data;
    bool refused;
  } cases[] = {
      {"empty list under a list",
       {{"files", json::array({{{"href", "/a"}}})}, {"rows", json::array({{{"files", json::array()}}})}},
       true},
      {"full list under a list",
       {{"files", json::array({{{"href", "/a"}}})},
        {"rows", json::array({{{"files", json::array({{{"href", "/b"}}})}}})}},
       true},
      {"false under true", {{"edit", true}, {"rows", json::array({{{"edit", false}}})}}, true},
      {"true under true", {{"edit", true}, {"rows", json::array({{{"edit", true}}})}}, false},
      {"false under false", {{"edit", false}, {"rows", json::array({{{"edit", false}}})}}, false},
      {"true under false", {{"edit", false}, {"rows", json::array({{{"edit", true}}})}}, false},
      {"list under a flag", {{"edit", false}, {"rows", json::array({{{"edit", json::array()}}})}}, true},
      {"list under an empty list",
       {{"files", json::array()}, {"rows", json::array({{{"files", json::array()}}})}},
       true},
      {"object under a flag", {{"edit", false}, {"unit", {{"edit", {{"x", "1"}}}}}}, true},
      {"distinct names through an include",
       {{"edit", true}, {"part", {{"_template", "portal/item_fields.tpl"}, {"board", true}}}},
       false},
      {"an included template starts afresh",
       {{"board", true}, {"part", {{"_template", "portal/item_fields.tpl"}, {"board", false}}}},
       false},
      {"under a section inside an include",
       {{"part",
         {{"_template", "portal/item_fields.tpl"}, {"board", true}, {"rows", json::array({{{"board", false}}})}}}},
       true},
      {"text under a list", {{"title", json::array({{{"x", "1"}}})}, {"rows", json::array({{{"title", "t"}}})}}, false},
      {"distinct names", {{"files", json::array()}, {"rows", json::array({{{"leaf_files", json::array()}}})}}, false},
  };
  for (const auto& c : cases) {
    bool refused = false;
    try {
      renderer().render("portal/item_fields.tpl", c.data);
    } catch (const Error& e) {
      refused = e.kind() == ErrorKind::internal;
    }
    EXPECT_EQ(refused, c.refused) << c.what;
  }
}

// Why a row repeats the page's flag: inside a section found in the page's
// dictionary, names resolve in the page's dictionary, not the row's.
TEST(Renderer, ARowsNamesResolveInsideTheFlagItRepeats) {
  using nlohmann::json;
  auto html =
      renderer().render("assessments/unit.tpl",
                        {{"edit", true},
                         {"code", "PAGE"},
                         {"rows", json::array({{{"leaf", true}, {"edit", true}, {"code", "1.3"}, {"id", "tc-1-3"}}})}});
  EXPECT_NE(html.find("name=\"giai_thich_1.3\""), std::string::npos) << html;
  EXPECT_EQ(html.find("name=\"giai_thich_PAGE\""), std::string::npos) << html;
}

}  // namespace
}  // namespace cchc::views
