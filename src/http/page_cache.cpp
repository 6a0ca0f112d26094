#include "http/page_cache.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/secrets.h"
#include "db/stamps.h"
#include "http/compression.h"
#include "http/session.h"

namespace cchc::http {

namespace {

// Content codings of a kept page, by index.
enum Coding { identity = 0, gzipped = 1, brotli_coded = 2 };
constexpr std::string_view kCodingName[] = {"", "gzip", "br"};
constexpr std::size_t kCompressFrom = 1024;  // bytes; as the server's own gzip

// Fields the cache sets itself on every answer, dropped from the render's.
bool set_by_cache(std::string_view name) {
  for (auto own : {field::content_length, field::cache_control, field::etag, field::vary, field::content_encoding}) {
    if (same_name(name, own)) return true;
  }
  return false;
}

// The key of a signed-in page: the session (its token's digest, which
// stands for its CSRF token too), what the layout shows of it (display
// preferences) and of its user (who, their unit and roles), then the
// target. It starts with '~', which no origin-form target (a public page's
// key) does.
std::string session_key(const Request& req) {
  const auto& s = *req.session;
  const auto& p = *req.principal;
  std::string key = "~";
  key += s.token_hash;
  key += '\n';
  key += std::to_string(p.id);
  for (const std::string* part : {&p.username, &p.display_name, &p.unit_code}) {
    key += '\x1f';
    key += *part;
  }
  key += '\x1f';
  for (const auto& role : p.roles) {
    key += role;
    if (auto scope = p.scopes.find(role); scope != p.scopes.end()) key += '@' + scope->second;
    key += ',';
  }
  key += '\x1f';
  key += s.prefs.dump();
  key += '\n';
  key += req.target;
  return key;
}

}  // namespace

struct PageCache::Entry {
  std::string key;
  std::shared_ptr<const std::string> body;
  Headers headers;                  // the render's, but those the cache sets
  std::array<std::string, 3> tags;  // the ETag of each coding
  bool compressible = false;
  std::vector<std::int64_t> stamps;
  std::string day;  // the local day a daily page was made on; "" otherwise
  std::optional<Instant> expires;
  bool signed_in = false;  // kept for one session: private, no-store
  std::function<void(const Request&)> on_serve;
  std::size_t bytes = 0;               // counted against the bound; under the cache's mutex
  std::atomic<std::uint64_t> used{0};  // the cache's tick when last served
  struct Encoded {
    std::once_flag once;
    std::shared_ptr<const std::string> bytes;
  };
  std::array<Encoded, 3> encoded;  // [gzipped], [brotli_coded]
};

PageCache::PageCache(db::Database& db, Options options) : db_(db), options_(std::move(options)) {}

PageCache::~PageCache() = default;

Handler PageCache::serve(PageRule rule, PageRender render) {
  return [this, rule = std::move(rule), render = std::move(render)](Request& req) {
    return answer(req, rule, render, Audience::anyone);
  };
}

Handler PageCache::serve(PageRule rule, Handler render) {
  return serve(std::move(rule), PageRender([render = std::move(render)](Request& req) {
                 return Page{render(req), {}};
               }));
}

Handler PageCache::serve_signed_in(PageRule rule, Handler render) {
  if (std::find(rule.kinds.begin(), rule.kinds.end(), db::kWritesStamp) == rule.kinds.end()) {
    rule.kinds.emplace_back(db::kWritesStamp);
  }
  PageRender page([render = std::move(render)](Request& req) { return Page{render(req), {}}; });
  return [this, rule = std::move(rule), page = std::move(page)](Request& req) {
    return answer(req, rule, page, Audience::session);
  };
}

std::size_t PageCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t PageCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

Response PageCache::answer(Request& req, const PageRule& rule, const PageRender& render, Audience audience) {
  auto made_for_them = [&] {
    auto page = render(req);
    if (page.on_serve) page.on_serve(req);
    return std::move(page.response);
  };
  if (req.bearer || (req.method != Verb::get && req.method != Verb::head)) return made_for_them();
  const bool for_session = audience == Audience::session;
  if (for_session ? !req.session || !req.principal || req.session->is_new : req.session || req.principal) {
    return made_for_them();
  }
  const auto now = options_.clock();
  auto stamps = rule.kinds.empty() ? std::vector<std::int64_t>{}
                                   : db_.read([&](db::Connection& c) { return db::stamps(c, rule.kinds); });
  auto day = rule.daily ? format_iso_date(local_date(now)) : std::string();
  auto key = for_session ? session_key(req) : req.target;
  auto entry = find(key);
  if (!entry || entry->stamps != stamps || entry->day != day || (entry->expires && now >= *entry->expires)) {
    // The stamps and the expiry are read before the render: a write during
    // it leaves the page under the older stamps, so the next request
    // renders again.
    std::optional<Instant> expires;
    if (rule.expires) expires = db_.read([&](db::Connection& c) { return rule.expires(c, now); });
    // A signed-in page is kept only while the request still has the
    // session it was keyed by (a render that signs out or starts another
    // has none or a new one).
    const std::string token = for_session ? req.session->token_hash : std::string();
    auto page = render(req);
    const auto& res = page.response;
    bool same_visitor =
        for_session ? req.session && !req.session->is_new && req.session->token_hash == token : !req.session;
    // A download made for one person (a signed-in route's workbook) is
    // sent, not kept: it is rarely asked for twice and would push pages out.
    bool keepable = res.result() == Status::ok && same_visitor && req.new_form_cookie.empty() &&
                    !res.headers().contains(field::set_cookie) && !res.headers().contains(field::content_encoding) &&
                    !(for_session && res.headers().contains(field::content_disposition));
    if (!keepable) {
      if (page.on_serve) page.on_serve(req);
      return std::move(page.response);
    }
    entry = keep(key, std::move(page), std::move(stamps), std::move(day), expires, audience);
  }
  entry->used = ++tick_;
  if (entry->on_serve) entry->on_serve(req);
  return respond(req, *entry);
}

std::shared_ptr<PageCache::Entry> PageCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

std::shared_ptr<PageCache::Entry> PageCache::keep(const std::string& key, Page page, std::vector<std::int64_t> stamps,
                                                  std::string day, std::optional<Instant> expires, Audience audience) {
  auto e = std::make_shared<Entry>();
  e->key = key;
  e->signed_in = audience == Audience::session;
  auto& res = page.response;
  e->body = res.shared_body() ? res.shared_body() : std::make_shared<const std::string>(std::move(res.body()));
  for (const auto& f : res.headers()) {
    if (!set_by_cache(f.name)) e->headers.insert(f.name, f.value);
  }
  auto hash = sha256_hex(*e->body);
  hash.resize(32);
  e->tags = {fmt::format("\"{}\"", hash), fmt::format("\"{}-gz\"", hash), fmt::format("\"{}-br\"", hash)};
  e->compressible = e->body->size() > kCompressFrom && is_compressible(res[field::content_type]);
  e->stamps = std::move(stamps);
  e->day = std::move(day);
  e->expires = expires;
  e->on_serve = std::move(page.on_serve);
  e->bytes = e->body->size();
  e->used = ++tick_;
  std::lock_guard lock(mutex_);
  auto& slot = entries_[key];
  if (slot) bytes_ -= slot->bytes;
  slot = e;
  bytes_ += e->bytes;
  evict_locked();
  return e;
}

void PageCache::evict_locked() {
  while (!entries_.empty() && (entries_.size() > options_.entries || bytes_ > options_.bytes)) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
      return a.second->used.load() < b.second->used.load();
    });
    bytes_ -= oldest->second->bytes;
    entries_.erase(oldest);
  }
}

const std::shared_ptr<const std::string>& PageCache::encoded(Entry& e, int coding) {
  auto& slot = e.encoded[std::size_t(coding)];
  std::call_once(slot.once, [&] {
    slot.bytes = std::make_shared<const std::string>(coding == brotli_coded ? brotli(*e.body) : gzip(*e.body));
    std::lock_guard lock(mutex_);
    auto it = entries_.find(e.key);
    if (it == entries_.end() || it->second.get() != &e) return;  // dropped meanwhile: counted nowhere
    e.bytes += slot.bytes->size();
    bytes_ += slot.bytes->size();
    evict_locked();
  });
  return slot.bytes;
}

Response PageCache::respond(const Request& req, Entry& e) {
  Response res{Status::ok, req.version};
  int coding = identity;
  if (e.compressible) {
    auto accepted = req.header(field::accept_encoding);
    coding = accepts_coding(accepted, "br") ? brotli_coded : accepts_coding(accepted, "gzip") ? gzipped : identity;
  }
  // Every coding's tag names the same content: any of them is revalidated.
  auto asked = req.header(field::if_none_match);
  bool unchanged = !asked.empty() && std::any_of(e.tags.begin(), e.tags.end(),
                                                 [&](const std::string& tag) { return etag_listed(asked, tag); });
  if (!unchanged) {
    for (const auto& f : e.headers) res.insert(f.name, f.value);
  }
  res.set(field::etag, e.tags[std::size_t(coding)]);
  // A signed-in page is never kept by a shared cache, nor by the browser.
  res.set(field::cache_control, e.signed_in ? "private, no-store" : "public, max-age=0, must-revalidate");
  if (e.compressible) res.set(field::vary, "Accept-Encoding");
  if (unchanged) {
    res.result(Status::not_modified);
    return res;
  }
  if (coding == identity) {
    res.share_body(e.body);
  } else {
    res.set(field::content_encoding, kCodingName[coding]);
    res.share_body(encoded(e, coding));
  }
  res.prepare_payload();
  return res;
}

}  // namespace cchc::http
