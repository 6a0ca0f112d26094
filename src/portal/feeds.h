#pragma once
// Feeds and the sitemap as XML text: Atom 1.0 (RFC 4287) per category and
// for the whole portal, and sitemap.xml (sitemaps.org 0.9).
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::portal {

struct FeedEntry {
  std::string title, url, summary, author;  // url absolute; author: the unit
  Instant published{}, updated{};
};
struct Feed {
  std::string title, self_url, site_url;  // absolute
  Instant updated{};                      // the newest entry's update (or any fixed time when none)
  std::vector<FeedEntry> entries;
};
std::string atom(const Feed& feed);

struct SitemapUrl {
  std::string loc;  // absolute
  std::optional<Date> lastmod;
};
std::string sitemap(const std::vector<SitemapUrl>& urls);

// Text escaped for XML character data and attribute values.
std::string xml_escape(std::string_view s);

}  // namespace cchc::portal
