#include "portal/feeds.h"

#include <fmt/format.h>

namespace cchc::portal {

namespace {

// Atom dates are RFC 3339: the province's time with its offset.
std::string rfc3339(Instant t) { return format_rfc3339_vn(t); }

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters but tab, LF and CR.
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') continue;
        out += ch;
    }
  }
  return out;
}

std::string atom(const Feed& feed) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += fmt::format(
      "<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link href=\"{}\"/>\n<updated>{}</updated>\n",
      xml_escape(feed.title), xml_escape(feed.self_url), xml_escape(feed.self_url), xml_escape(feed.site_url),
      rfc3339(feed.updated));
  for (const auto& e : feed.entries) {
    out += fmt::format(
        "<entry>\n<title>{}</title>\n<id>{}</id>\n<link "
        "href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n"
        "<author><name>{}</name></author>\n<summary>{}</summary>\n</entry>\n",
        xml_escape(e.title), xml_escape(e.url), xml_escape(e.url), rfc3339(e.published), rfc3339(e.updated),
        xml_escape(e.author), xml_escape(e.summary));
  }
  out += "</feed>\n";
  return out;
}

std::string sitemap(const std::vector<SitemapUrl>& urls) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& u : urls) {
    out += "<url><loc>" + xml_escape(u.loc) + "</loc>";
    if (u.lastmod) out += "<lastmod>" + format_iso_date(*u.lastmod) + "</lastmod>";
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace cchc::portal
