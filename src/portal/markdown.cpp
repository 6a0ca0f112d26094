#include "portal/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "core/errors.h"

namespace cchc::portal {

std::string render_markdown(std::string_view markdown) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  // CMARK_OPT_UNSAFE is never set: safe mode is cmark-gfm's default.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
  if (!parser) throw Error(ErrorKind::internal, "cmark-gfm: no parser");
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), &cmark_node_free);
  if (!doc) throw Error(ErrorKind::internal, "cmark-gfm: no document");
  char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html ? html : "");
  std::free(html);
  return out;
}

}  // namespace cchc::portal
