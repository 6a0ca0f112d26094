#include "portal/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <utility>

#include "core/errors.h"

namespace cchc::portal {

namespace {

// CMARK_OPT_UNSAFE is never set: safe mode is cmark-gfm's default.
constexpr int kMarkdownOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;

using MarkdownParser = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using MarkdownNode = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// A parser with the GitHub extensions attached, fed `markdown` and
// finished: the document, and the parser that holds its extensions.
std::pair<MarkdownParser, MarkdownNode> parse_markdown(std::string_view markdown) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  MarkdownParser parser(cmark_parser_new(kMarkdownOptions), &cmark_parser_free);
  if (!parser) throw Error(ErrorKind::internal, "cmark-gfm: no parser");
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  MarkdownNode doc(cmark_parser_finish(parser.get()), &cmark_node_free);
  if (!doc) throw Error(ErrorKind::internal, "cmark-gfm: no document");
  return {std::move(parser), std::move(doc)};
}

// Appends `s` to `out` with every run of ASCII white space as one space,
// and none at the start.
void append_words(std::string& out, std::string_view s) {
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == '\v') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
}

}  // namespace

std::string render_markdown(std::string_view markdown) {
  auto [parser, doc] = parse_markdown(markdown);
  char* html = cmark_render_html(doc.get(), kMarkdownOptions, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html ? html : "");
  std::free(html);
  return out;
}

std::string markdown_text(std::string_view markdown) {
  auto [parser, doc] = parse_markdown(markdown);
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(doc.get()), &cmark_iter_free);
  if (!iter) throw Error(ErrorKind::internal, "cmark-gfm: no iterator");
  std::string out;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    auto type = cmark_node_get_type(node);
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
        if (const char* literal = cmark_node_get_literal(node)) append_words(out, literal);
        if (type == CMARK_NODE_CODE_BLOCK) append_words(out, " ");
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: append_words(out, " "); break;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: break;  // raw HTML: never shown to a reader (safe mode)
      case CMARK_NODE_IMAGE:
        // An image shows no words; its description is not text of the page.
        if (event == CMARK_EVENT_ENTER) cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
        break;
      default:
        // Leaving a block (paragraph, heading, item, table cell, …): a space.
        if (event == CMARK_EVENT_EXIT && (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
          append_words(out, " ");
        }
        break;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cchc::portal
