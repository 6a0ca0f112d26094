#pragma once
// Markdown to HTML for portal items: cmark-gfm in its safe mode, with the
// GitHub extensions for tables, strikethrough and autolinks, and the tag
// filter. Raw HTML is never passed through (it becomes a comment), and
// links and images with javascript:, vbscript:, file: or data: URLs lose
// their URL (data: URLs of PNG, GIF, JPEG and WebP images excepted, which
// cannot run), so what an editor writes cannot run in a reader's browser.
#include <string>
#include <string_view>

namespace cchc::portal {

std::string render_markdown(std::string_view markdown);

// The text a reader sees of the rendered markdown, as plain text for
// excerpts and search snippets: the words of paragraphs, headings, list
// items, table cells, code and links (their text, never their URL), with
// emphasis marks gone and entities decoded ("&amp;" → "&"); raw HTML and
// images left out. Blocks and line breaks become one space; every run of
// white space is one space; no leading or trailing space. Not escaped:
// whoever shows it escapes it once.
std::string markdown_text(std::string_view markdown);

}  // namespace cchc::portal
