// The public portal: thin handlers over the store, registered from two
// tables at the end: the pages, each served from the page cache under
// what it shows (http/page_cache.h), and the files, served as they are.
// Nothing here needs a sign-in.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/read.h"
#include "http/middleware.h"
#include "portal/feeds.h"
#include "portal/markdown.h"
#include "portal/page_support.h"
#include "portal/routes.h"
#include "portal/store.h"

namespace cchc::portal {

using nlohmann::json;

namespace {

constexpr int kPerPage = 12;

// A public page as rendered, and what it is a view of (counted on every
// serve, from the cache or not).
struct Rendered {
  http::Response response;
  std::optional<ViewOf> view;
};

// A public page: the portal's menu of categories above it.
Rendered page(const http::Request& req, const Portal& p, const std::string& title, const std::string& tpl, json data,
              std::optional<ViewOf> view = std::nullopt) {
  json cats = json::array();
  p.db.read([&](db::Connection& c) {
    for (const auto& cat : categories(c, true)) {
      cats.push_back(
          {{"name", cat.name}, {"href", category_href(cat)}, {"current", req.path.starts_with(category_href(cat))}});
    }
  });
  data["menu"] = {{"_template", "portal/menu.tpl"}, {"categories", cats}, {"quick_search", tpl != "portal/search.tpl"}};
  return {http::html(req, p.layout.page(req, title, tpl, std::move(data))), view};
}

Rendered xml(const http::Request& req, std::string content_type, std::string body) {
  return {http::make_response(req, http::Status::ok, std::move(content_type), std::move(body)), std::nullopt};
}

// ---- Pages, each cached (a handler returns what it is a view of) ---------------

Rendered home_page(const Portal& p, http::Request& req) {
  auto now = now_seconds();
  json data = p.db.read([&](db::Connection& c) {
    Names names = names_for(c);
    json featured = json::array(), sections = json::array();
    for (const auto& i : portal::featured(c, now, 3)) featured.push_back(item_card(i, names));
    featured = cards(std::move(featured), 3);
    for (const auto& cat : names.categories) {
      auto latest = published(c, cat.id, now, 0, 4);
      if (latest.items.empty()) continue;
      json items = json::array();
      for (const auto& i : latest.items) items.push_back(item_card(i, names));
      sections.push_back({{"name", cat.name},
                          {"href", category_href(cat)},
                          {"cards", cards(std::move(items), 3)},
                          {"more", latest.total > 4},
                          {"id", "cm-" + cat.slug}});
    }
    json docs = json::array();
    for (const auto& d : documents(c, {}, 0, 5).documents) docs.push_back(document_card(d));
    return json{{"featured", featured},
                {"has_featured", !featured["items"].empty()},
                {"sections", sections},
                {"documents", docs},
                {"has_documents", !docs.empty()}};
  });
  auto widgets = [](const std::function<std::vector<Widget>()>& f) {
    json out = json::array();
    if (f) {
      for (const auto& w : f()) out.push_back({{"label", w.label}, {"value", w.value}, {"href", w.href}});
    }
    return out;
  };
  data["headline"] = widgets(p.sources.headline);
  data["has_headline"] = !data["headline"].empty();
  data["rankings"] = widgets(p.sources.rankings);
  data["has_rankings"] = !data["rankings"].empty();
  data["feed"] = "/cong-thong-tin/atom.xml";
  data["og"] = og(*p.base_url, "/cong-thong-tin", p.layout.site().province_name + ": cải cách hành chính",
                  "Tin tức, văn bản và kết quả cải cách hành chính của tỉnh.");
  return page(req, p, "Cổng thông tin cải cách hành chính", "portal/home.tpl", std::move(data));
}

Rendered category_page(const Portal& p, http::Request& req) {
  auto now = now_seconds();
  int page_no = page_param(req);
  json data = p.db.read([&](db::Connection& c) {
    auto cat = find_category(c, req.params.at("slug"));
    if (!cat || !cat->active) throw not_found("no such category", "Không tìm thấy chuyên mục.");
    Names names = names_for(c);
    auto list = published(c, cat->id, now, (page_no - 1) * kPerPage, kPerPage);
    json items = json::array();
    for (const auto& i : list.items) items.push_back(item_card(i, names));
    bool empty = items.empty();
    return json{{"name", cat->name},
                {"description", cat->description},
                {"cards", cards(std::move(items), 2)},
                {"empty", empty},
                {"feed_href", category_href(*cat) + "/atom.xml"},
                {"pages", pagination(category_href(*cat), "", page_no, list.total, kPerPage)}};
  });
  auto name = data["name"].get<std::string>();
  data["og"] = og(*p.base_url, req.path, name, data["description"].get<std::string>());
  data["feed"] = data["feed_href"];
  return page(req, p, name, "portal/category.tpl", std::move(data));
}

// The Atom feed of a category (`slug`), or of everything.
Rendered atom_feed(const Portal& p, http::Request& req, const std::optional<std::string>& slug) {
  auto now = now_seconds();
  auto body = p.db.read([&](db::Connection& c) {
    std::optional<Category> cat;
    if (slug) {
      cat = find_category(c, *slug);
      if (!cat || !cat->active) throw not_found("no such category", "Không tìm thấy chuyên mục.");
    }
    auto units = directory::unit_names(c);
    const auto& base = *p.base_url;
    Feed f;
    f.title = cat ? cat->name + " — Cổng thông tin cải cách hành chính" : "Cổng thông tin cải cách hành chính";
    f.site_url = base + (cat ? category_href(*cat) : std::string("/cong-thong-tin"));
    f.self_url = f.site_url + "/atom.xml";
    f.updated = Instant{};
    for (const auto& i : published(c, cat ? cat->id : 0, now, 0, 30).items) {
      f.entries.push_back(
          {i.title, base + item_href(i), excerpt(i, 300), units[i.unit_code], *i.publish_at, i.updated_at});
      f.updated = std::max(f.updated, i.updated_at);
    }
    return atom(f);
  });
  return xml(req, "application/atom+xml; charset=utf-8", std::move(body));
}

Rendered site_feed(const Portal& p, http::Request& req) { return atom_feed(p, req, std::nullopt); }
Rendered category_feed(const Portal& p, http::Request& req) { return atom_feed(p, req, req.params.at("slug")); }

// An article, or its print view.
Rendered article(const Portal& p, http::Request& req, bool print) {
  auto now = now_seconds();
  json data = p.db.read([&](db::Connection& c) {
    auto item = find_item(c, req.params.at("slug"));
    if (!item || !is_public(*item, now)) throw not_found("no such item", "Không tìm thấy tin bài.");
    Names names = names_for(c);
    json d = item_card(*item, names);
    d["summary"] = item->summary;  // the lead as written, above the body
    d["description"] = excerpt(*item, 300);
    d["id"] = item->id;
    d["body"] = render_markdown(item->body);
    d["video"] = item->video_url;
    d["has_video"] = !item->video_url.empty();
    json tags = json::array();
    for (const auto& t : item->tags)
      tags.push_back({{"name", t}, {"href", "/cong-thong-tin/tim-kiem?q=" + http::url_encode(t)}});
    d["tags"] = tags;
    d["has_tags"] = !tags.empty();
    d["updated"] = item->revision > 1 ? format_date_vi(local_date(item->updated_at)) : "";
    d["was_updated"] = item->revision > 1;
    json rel = json::array();
    for (const auto& r : related(c, *item, now, 4)) rel.push_back(item_card(r, names));
    d["related"] = rel;
    d["has_related"] = !rel.empty();
    d["print_href"] = item_href(*item) + "/ban-in";
    return d;
  });
  ViewOf view{"item", data["id"].get<std::int64_t>()};
  auto title = data["title"].get<std::string>();
  if (print) {
    data["province_name"] = p.layout.site().province_name;
    data["url"] = *p.base_url + data["href"].get<std::string>();
    return Rendered{http::html(req, p.layout.fragment("portal/print.tpl", data)), view};
  }
  data["og"] = og(*p.base_url, data["href"].get<std::string>(), title, data["description"].get<std::string>(), true);
  return page(req, p, title, "portal/article.tpl", std::move(data), view);
}

Rendered article_page(const Portal& p, http::Request& req) { return article(p, req, false); }
Rendered print_page(const Portal& p, http::Request& req) { return article(p, req, true); }

// The library's filter as the query gives it.
DocumentFilter library_filter(const http::Request& req) {
  DocumentFilter f;
  f.type_code = std::string(text::trim(req.query_param("loai").value_or("")));
  f.issuer = std::string(text::trim(req.query_param("co-quan").value_or("")));
  if (auto y = req.query_param("nam"); y && !y->empty()) {
    // A whole number or nothing: "2024x" is refused, not read as 2024.
    auto year = parse_int<int>(*y);
    if (!year) throw invalid_input("year must be a number", "Năm không hợp lệ.");
    f.year = *year;
  }
  return f;
}

Rendered library_page(const Portal& p, http::Request& req) {
  auto f = library_filter(req);
  int page_no = page_param(req);
  json data = p.db.read([&](db::Connection& c) {
    auto list = documents(c, f, (page_no - 1) * kPerPage, kPerPage);
    json docs = json::array();
    for (const auto& d : list.documents) docs.push_back(document_card(d));
    json types = json::array(), years = json::array(), issuers = json::array();
    for (const auto& [code, name] : document_types()) {
      types.push_back({{"code", code}, {"name", name}, {"selected", code == f.type_code}});
    }
    for (int y : document_years(c)) years.push_back({{"year", y}, {"selected", y == f.year}});
    for (const auto& i : document_issuers(c)) issuers.push_back({{"name", i}, {"selected", i == f.issuer}});
    std::string query = "loai=" + http::url_encode(f.type_code) + "&nam=" + (f.year ? std::to_string(f.year) : "") +
                        "&co-quan=" + http::url_encode(f.issuer);
    return json{{"documents", docs},
                {"empty", docs.empty()},
                {"types", types},
                {"years", years},
                {"issuers", issuers},
                {"total", text::format_int(list.total)},
                {"pages", pagination("/cong-thong-tin/van-ban", query, page_no, list.total, kPerPage)}};
  });
  data["og"] = og(*p.base_url, "/cong-thong-tin/van-ban", "Văn bản cải cách hành chính",
                  "Kế hoạch, báo cáo, quyết định về cải cách hành chính.");
  return page(req, p, "Văn bản", "portal/documents.tpl", std::move(data));
}

Rendered document_page(const Portal& p, http::Request& req) {
  json data = p.db.read([&](db::Connection& c) {
    auto d = find_document(c, req.params.at("slug"));
    if (!d) throw not_found("no such document", "Không tìm thấy văn bản.");
    auto card = document_card(*d);
    card["id"] = d->id;
    card["unit"] = directory::unit_names(c)[d->unit_code];
    card["posted"] = format_date_vi(local_date(d->posted_at));
    return card;
  });
  ViewOf view{"document", data["id"].get<std::int64_t>()};
  auto title = data["label"].get<std::string>();
  data["og"] = og(*p.base_url, data["href"].get<std::string>(), title, data["subject"].get<std::string>());
  return page(req, p, title, "portal/document.tpl", std::move(data), view);
}

// A search hit as a card, its words marked; nullopt when the hit is gone.
std::optional<json> hit_card(db::Connection& c, const Hit& h, const Names& names, const Terms& terms) {
  if (h.kind == "item") {
    auto i = find_item(c, h.ref_id);
    if (!i) return std::nullopt;
    auto card = item_card(*i, names);
    card["title_html"] = highlight_html(i->title, terms.folded);
    card["snippet_html"] = snippet_html(i->summary, i->body, terms.folded, 240);
    card["kind"] = "Tin bài";
    return card;
  }
  auto d = find_document(c, h.ref_id);
  if (!d) return std::nullopt;
  auto card = document_card(*d);
  card["title_html"] = highlight_html(card["label"].get<std::string>(), terms.folded);
  card["snippet_html"] = highlight_html(d->subject, terms.folded, 240);
  card["kind"] = "Văn bản";
  return card;
}

Rendered search_page(const Portal& p, http::Request& req) {
  auto q = req.query_param("q").value_or("");
  if (q.size() > 500) throw invalid_input("query over 500 bytes", "Từ khóa tìm kiếm quá dài.");
  if (!text::is_valid_utf8(q)) throw invalid_input("query is not UTF-8", "Từ khóa tìm kiếm không hợp lệ.");
  auto terms = search_terms(q);
  SearchFilter f;
  auto cat_slug = req.query_param("chuyen-muc").value_or("");
  f.unit_code = std::string(text::trim(req.query_param("don-vi").value_or("")));
  auto from = std::string(text::trim(req.query_param("tu-ngay").value_or("")));
  auto to = std::string(text::trim(req.query_param("den-ngay").value_or("")));
  if (!from.empty()) f.from = parse_date_input(from);
  if (!to.empty()) f.to = parse_date_input(to);
  int page_no = page_param(req);
  auto now = now_seconds();
  json data = p.db.read([&](db::Connection& c) {
    Names names = names_for(c);
    json cats = json::array();
    for (const auto& cat : names.categories) {
      bool selected = cat.slug == cat_slug;
      if (selected) f.category_id = cat.id;
      cats.push_back({{"slug", cat.slug}, {"name", cat.name}, {"selected", selected}});
    }
    json units = json::array();
    for (const auto& [code, name] : names.units) {
      units.push_back({{"code", code}, {"name", name}, {"selected", code == f.unit_code}});
    }
    auto found = search(c, terms, f, now, (page_no - 1) * kPerPage, kPerPage);
    json hits = json::array();
    for (const auto& h : found.hits) {
      if (auto card = hit_card(c, h, names, terms)) hits.push_back(std::move(*card));
    }
    std::string query = "q=" + http::url_encode(q) + "&chuyen-muc=" + http::url_encode(cat_slug) +
                        "&don-vi=" + http::url_encode(f.unit_code) + "&tu-ngay=" + http::url_encode(from) +
                        "&den-ngay=" + http::url_encode(to);
    return json{{"q", q},
                {"categories", cats},
                {"units", units},
                {"from", from},
                {"to", to},
                {"hits", hits},
                {"searched", !terms.folded.empty()},
                {"none", !terms.folded.empty() && hits.empty()},
                {"total", text::format_int(found.total)},
                {"pages", pagination("/cong-thong-tin/tim-kiem", query, page_no, found.total, kPerPage)}};
  });
  return page(req, p, q.empty() ? "Tìm kiếm" : "Tìm kiếm: " + q, "portal/search.tpl", std::move(data));
}

// Every public page.
Rendered sitemap_page(const Portal& p, http::Request& req) {
  auto now = now_seconds();
  auto body = p.db.read([&](db::Connection& c) {
    const auto& base = *p.base_url;
    std::vector<SitemapUrl> urls = {{base + "/cong-thong-tin", std::nullopt},
                                    {base + "/cong-thong-tin/van-ban", std::nullopt}};
    for (const auto& cat : categories(c, true)) urls.push_back({base + category_href(cat), std::nullopt});
    int offset = 0;
    for (;;) {
      auto batch = published(c, 0, now, offset, 500);
      for (const auto& i : batch.items) urls.push_back({base + item_href(i), local_date(i.updated_at)});
      offset += 500;
      if (offset >= batch.total || offset >= 45000) break;
    }
    for (const auto& d : documents(c, {}, 0, 5000).documents) {
      urls.push_back({base + document_card(d)["href"].get<std::string>(), local_date(d.posted_at)});
    }
    return sitemap(urls);
  });
  return xml(req, "application/xml; charset=utf-8", std::move(body));
}

// ---- Files, never cached: an image may be its editors' only -------------------

// Public with its item; before that, to its editors and the board.
http::Response item_image(const Portal& p, http::Request& req) {
  auto now = now_seconds();
  auto shown = p.db.read([&](db::Connection& c) -> std::optional<StoredImage> {
    auto img = find_image(c, req.params.at("id"));
    if (!img) return std::nullopt;
    auto item = find_item(c, img->item_id);
    if (item && is_public(*item, now)) return img;
    if (item && may_see_unpublished(p.db, req, *item)) return img;
    return std::nullopt;
  });
  if (!shown) throw not_found("no such image", "Không tìm thấy ảnh.");
  auto res = http::make_response(req, http::Status::ok, shown->file.content_type, std::move(shown->file.bytes));
  res.set(http::field::cache_control, "public, max-age=86400, immutable");
  res.set(http::field::content_disposition, "inline; filename=\"" + shown->file.name + "\"");
  return res;
}

http::Response published_document_file(const Portal& p, http::Request& req) {
  auto file = p.db.read([&](db::Connection& c) -> std::optional<StoredFile> {
    auto d = find_document(c, req.params.at("slug"));
    return d ? document_file(c, d->id) : std::nullopt;
  });
  if (!file) throw not_found("no file for this document", "Văn bản này chưa có tệp đính kèm.");
  return http::attachment(req, file->content_type, std::move(file->bytes), file->name);
}

// A public page served from the page cache, and what it shows.
struct CachedPage {
  const char* path;
  Rendered (*render)(const Portal&, http::Request&);
  const http::PageRule& rule;
};

}  // namespace

void add_public_routes(http::Router& router, const Portal& p) {
  p.layout.add_nav({"Cổng thông tin", "/cong-thong-tin", http::kPublic});
  // The portal's items, documents and categories with their units' names,
  // until the next scheduled publication; the home page also shows the
  // last full year's figures and the published rankings.
  const http::PageRule portal_rule{.kinds = {"portal", "units"}, .expires = next_scheduled};
  const http::PageRule home_rule{
      .kinds = {"portal", "units", "indicators", "assessments"}, .daily = true, .expires = next_scheduled};
  const CachedPage pages[] = {
      {"/cong-thong-tin", home_page, home_rule},
      {"/cong-thong-tin/chuyen-muc/{slug}", category_page, portal_rule},
      {"/cong-thong-tin/atom.xml", site_feed, portal_rule},
      {"/cong-thong-tin/chuyen-muc/{slug}/atom.xml", category_feed, portal_rule},
      {"/cong-thong-tin/bai-viet/{slug}", article_page, portal_rule},
      {"/cong-thong-tin/bai-viet/{slug}/ban-in", print_page, portal_rule},
      {"/cong-thong-tin/van-ban", library_page, portal_rule},
      {"/cong-thong-tin/van-ban/{slug}", document_page, portal_rule},
      {"/cong-thong-tin/tim-kiem", search_page, portal_rule},
      {"/sitemap.xml", sitemap_page, portal_rule},
  };
  for (const auto& cached : pages) {
    auto paged = [&p, render = cached.render](http::Request& req) {
      auto r = render(p, req);
      http::Page page{std::move(r.response), {}};
      if (r.view) {
        page.on_serve = [&views = p.views, view = *r.view](const http::Request& seen) {
          views.count(seen, view, now_seconds());
        };
      }
      return page;
    };
    router.add(http::Verb::get, cached.path, http::kPublic, p.pages.serve(cached.rule, http::PageRender(paged)));
  }
  const http::RouteTo<const Portal> files[] = {
      {http::Verb::get, "/cong-thong-tin/anh/{id}", http::kPublic, item_image},
      {http::Verb::get, "/cong-thong-tin/van-ban/{slug}/tep", http::kPublic, published_document_file},
  };
  http::add_routes(router, p, files);
}

}  // namespace cchc::portal
