// The page cache (http/page_cache.h) on a real database, both backends: a
// page is rendered once and served from memory until a data stamp it
// declares changes (another kind's write leaves it alone), its expiry time
// comes, or the local day changes for a daily page; at most so many pages
// and bytes; a matching If-None-Match is 304; its gzip and br encodings
// decode to the body and are made once; sessions and refusals are never
// kept; through the server, HEAD has the GET's length and no body.
// Signed-in pages: kept per session as its user sees it (two users, two
// sessions of one user, a role or a display preference changed: each its
// own page), renewed by every audited change and by audit::changed but not
// by entries that only record an event, never kept without a signed-in
// session or from a render that ends it, never public.
#include "http/page_cache.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "audit/audit.h"
#include "core/secrets.h"
#include "db/migrate.h"
#include "db/stamps.h"
#include "http/compression.h"
#include "http/server.h"
#include "http/session.h"
#include "support/http_client.h"
#include "support/test_db.h"

namespace cchc::http {
namespace {

class PageCaches : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, PageCaches, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

// 09:00 on 10/03/2026, +07:00.
const Instant kMorning =
    start_of_day(Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}}) + std::chrono::hours{9};

// A page over 1 KiB (so worth compressing) showing the stored number.
struct Site {
  db::Database& db;
  int renders = 0;
  Response page(Request& req) {
    ++renders;
    auto n = db.read([](db::Connection& c) { return c.query("SELECT n FROM shown").one().i64("n"); });
    std::string body = "<h1>Số " + std::to_string(n) + "</h1>";
    for (int i = 0; i < 60; ++i) body += "<p>Cải cách hành chính, dòng " + std::to_string(i) + ".</p>";
    return html(req, body);
  }
};

void store(db::Database& db, int n, const char* kind) {
  db.write([&](db::Connection& c) {
    c.query("UPDATE shown SET n = ?", {n});
    db::touch(c, kind);
  });
}

// The body as sent, read without unsharing it.
const std::string& sent(const Response& r) { return r.body(); }

Request get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request req;
  req.method = Verb::get;
  req.target = target;
  req.path = target.substr(0, target.find('?'));
  for (const auto& [k, v] : headers) req.headers.set(k, v);
  return req;
}

struct Fixture {
  std::unique_ptr<testing::TestDatabase> t;
  Instant now = kMorning;
  std::unique_ptr<Site> site;
  std::unique_ptr<PageCache> cache;
  Handler handler;

  explicit Fixture(std::unique_ptr<testing::TestDatabase> db, PageRule rule = {.kinds = {"portal"}},
                   PageCache::Options options = {})
      : t(std::move(db)) {
    db::migrate(*t->db);
    t->db->write([](db::Connection& c) {
      c.execute_script("CREATE TABLE shown (n BIGINT); INSERT INTO shown (n) VALUES (1);");
    });
    site = std::make_unique<Site>(Site{*t->db});
    options.clock = [this] { return now; };
    cache = std::make_unique<PageCache>(*t->db, std::move(options));
    handler = cache->serve(std::move(rule), Handler([this](Request& req) { return site->page(req); }));
  }
  Response fetch(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    auto req = get(target, std::move(headers));
    return handler(req);
  }
  std::string shown(const std::string& target = "/p") {
    auto res = fetch(target);
    EXPECT_EQ(res.result(), Status::ok);
    const auto& body = sent(res);
    auto start = body.find("Số ") + std::string("Số ").size();
    return body.substr(start, body.find('<', start) - start);
  }
};

#define CCHC_FIXTURE(f, ...)                            \
  std::string why_;                                     \
  auto db_ = testing::make_test_db(GetParam(), why_);   \
  if (!db_) {                                           \
    if (std::getenv("CCHC_REQUIRE_PG")) FAIL() << why_; \
    GTEST_SKIP() << why_;                               \
  }                                                     \
  Fixture f(std::move(db_), ##__VA_ARGS__)

TEST_P(PageCaches, KeptUntilADeclaredStampChanges) {
  CCHC_FIXTURE(f);
  EXPECT_EQ(f.shown(), "1");
  EXPECT_EQ(f.shown(), "1");
  EXPECT_EQ(f.site->renders, 1);
  auto res = f.fetch("/p");
  EXPECT_NE(res.shared_body(), nullptr);  // sent from the kept buffer
  EXPECT_EQ(res[field::cache_control], "public, max-age=0, must-revalidate");
  EXPECT_EQ(res[field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(res[field::content_length], std::to_string(sent(res).size()));
  // Another kind's write leaves the page; an unstamped write is not seen
  // (every writer of the data touches its stamp).
  store(*f.t->db, 2, "units");
  EXPECT_EQ(f.shown(), "1");
  f.t->db->write([](db::Connection& c) { db::touch(c, "portal"); });
  EXPECT_EQ(f.shown(), "2");
  EXPECT_EQ(f.site->renders, 2);
  // A write from another connection of its own (another process).
  auto other = db::open(f.t->spec);
  store(*other, 3, "portal");
  EXPECT_EQ(f.shown(), "3");
  // Each target its own page.
  EXPECT_EQ(f.shown("/p?trang=2"), "3");
  EXPECT_EQ(f.site->renders, 4);
  EXPECT_EQ(f.cache->size(), 2u);
}

TEST_P(PageCaches, AnExpiryTimeEndsAPage) {
  int asked = 0;
  CCHC_FIXTURE(f, PageRule{.kinds = {"portal"}, .expires = [&](db::Connection&, Instant now) -> std::optional<Instant> {
                             ++asked;
                             return now + std::chrono::minutes{30};
                           }});
  EXPECT_EQ(f.shown(), "1");
  store(*f.t->db, 2, "units");  // seen only once the page ends
  f.now += std::chrono::minutes{29};
  EXPECT_EQ(f.shown(), "1");
  f.now += std::chrono::minutes{1};
  EXPECT_EQ(f.shown(), "2");
  EXPECT_EQ(f.site->renders, 2);
  EXPECT_EQ(asked, 2);  // once a render
}

TEST_P(PageCaches, ADailyPageEndsWithTheLocalDay) {
  CCHC_FIXTURE(f, PageRule{.daily = true});
  EXPECT_EQ(f.shown(), "1");
  store(*f.t->db, 2, "portal");  // no kinds declared: only the day counts
  struct Row {
    std::chrono::minutes later;  // after 09:00 on 10/03
    bool rendered;
  };
  const Row rows[] = {
      {std::chrono::hours{14} + std::chrono::minutes{59}, false},  // 23:59 local
      {std::chrono::hours{15}, true},                              // 00:00 on 11/03 local (17:00 UTC)
      {std::chrono::hours{20}, false},
      {std::chrono::hours{39}, true},  // 00:00 on 12/03
  };
  int renders = f.site->renders;
  for (const auto& r : rows) {
    SCOPED_TRACE(r.later.count());
    f.now = kMorning + r.later;
    f.shown();
    EXPECT_EQ(f.site->renders, renders + (r.rendered ? 1 : 0));
    renders = f.site->renders;
  }
}

TEST_P(PageCaches, AtMostSoManyPagesAndBytesTheLeastRecentlyServedDroppedFirst) {
  CCHC_FIXTURE(f, PageRule{.kinds = {"portal"}}, PageCache::Options{.entries = 2});
  f.shown("/a");
  f.shown("/b");
  f.shown("/a");  // /b is now the least recently served
  f.shown("/c");
  EXPECT_EQ(f.cache->size(), 2u);
  const int renders = f.site->renders;
  f.shown("/a");
  f.shown("/c");
  EXPECT_EQ(f.site->renders, renders);
  f.shown("/b");  // dropped: rendered again
  EXPECT_EQ(f.site->renders, renders + 1);

  // Bytes: a bound of two bodies and a little keeps two pages.
  std::string why;
  auto db = testing::make_test_db(GetParam(), why);
  ASSERT_TRUE(db) << why;
  auto body = sent(f.fetch("/a")).size();
  Fixture small(std::move(db), PageRule{.kinds = {"portal"}}, PageCache::Options{.bytes = 2 * body + 100});
  for (const char* t : {"/a", "/b", "/c", "/d"}) small.shown(t);
  EXPECT_EQ(small.cache->size(), 2u);
  EXPECT_LE(small.cache->bytes(), 2 * body + 100);
  // Encodings count too: a gzip copy of one page leaves room for fewer.
  small.fetch("/d", {{"Accept-Encoding", "gzip"}});
  EXPECT_LE(small.cache->bytes(), 2 * body + 100);
}

TEST_P(PageCaches, AMatchingIfNoneMatchIs304) {
  CCHC_FIXTURE(f);
  auto first = f.fetch("/p");
  auto etag = std::string(first[field::etag]);
  ASSERT_EQ(etag.size(), 34u);  // a strong tag: 32 hex digits in quotes
  auto zipped_tag = std::string(f.fetch("/p", {{"Accept-Encoding", "gzip"}})[field::etag]);
  EXPECT_NE(zipped_tag, etag);
  struct Row {
    std::string if_none_match;
    Status status;
  };
  const Row rows[] = {
      {etag, Status::not_modified},
      {"\"other\", " + etag, Status::not_modified},
      {"W/" + etag, Status::not_modified},
      {zipped_tag, Status::not_modified},  // the same content, encoded
      {"*", Status::not_modified},
      {"\"other\"", Status::ok},
      {"", Status::ok},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.if_none_match);
    auto res = r.if_none_match.empty() ? f.fetch("/p") : f.fetch("/p", {{"If-None-Match", r.if_none_match}});
    EXPECT_EQ(res.result(), r.status);
    EXPECT_EQ(res[field::etag], etag);
    if (r.status == Status::not_modified) {
      EXPECT_TRUE(sent(res).empty());
      EXPECT_FALSE(res.headers().contains(field::content_type));
    }
  }
  store(*f.t->db, 2, "portal");
  auto changed = f.fetch("/p", {{"If-None-Match", etag}});
  EXPECT_EQ(changed.result(), Status::ok);
  EXPECT_NE(changed[field::etag], etag);
}

TEST_P(PageCaches, EncodingsDecodeToTheBodyAndAreMadeOnce) {
  CCHC_FIXTURE(f);
  auto plain = f.fetch("/p");
  EXPECT_EQ(plain[field::content_encoding], "");
  EXPECT_EQ(plain[field::vary], "Accept-Encoding");
  struct Row {
    const char* accept;
    const char* coding;
    std::string (*decode)(std::string_view);
  };
  const Row rows[] = {
      {"gzip", "gzip", gunzip},
      {"gzip, deflate, br", "br", unbrotli},
      {"br;q=0, gzip", "gzip", gunzip},
      {"identity", "", nullptr},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.accept);
    auto res = f.fetch("/p", {{"Accept-Encoding", r.accept}});
    EXPECT_EQ(res[field::content_encoding], r.coding);
    EXPECT_EQ(res[field::vary], "Accept-Encoding");
    EXPECT_EQ(res[field::content_length], std::to_string(sent(res).size()));
    EXPECT_EQ(r.decode ? r.decode(sent(res)) : sent(res), sent(plain));
    if (r.decode) {
      EXPECT_LT(sent(res).size(), sent(plain).size());
    }
    auto again = f.fetch("/p", {{"Accept-Encoding", r.accept}});
    EXPECT_EQ(again.shared_body(), res.shared_body());  // the same buffer: made once
  }
  EXPECT_EQ(f.site->renders, 1);
}

TEST_P(PageCaches, SessionsRefusalsAndFormsAreNeverKept) {
  int served = 0;
  CCHC_FIXTURE(f);
  // What the page does on every serve runs for kept pages and the rest.
  auto counting = f.cache->serve(PageRule{.kinds = {"portal"}}, PageRender([&](Request& req) {
                                   return Page{f.site->page(req), [&](const Request&) { ++served; }};
                                 }));
  auto signed_in = get("/p");
  signed_in.session = std::make_shared<Session>();
  EXPECT_EQ(counting(signed_in).shared_body(), nullptr);
  auto token = get("/p");
  token.bearer = true;
  counting(token);
  EXPECT_EQ(f.cache->size(), 0u);
  EXPECT_EQ(f.site->renders, 2);
  for (int i = 0; i < 2; ++i) {
    auto anonymous = get("/p");
    counting(anonymous);
  }
  EXPECT_EQ(f.site->renders, 3);
  EXPECT_EQ(served, 4);

  // A refusal, a page that starts a session or a form cookie: not kept.
  int refused = 0;
  auto refusing = f.cache->serve(PageRule{}, Handler([&](Request& req) {
                                   ++refused;
                                   if (req.path == "/form") req.new_form_cookie = "token";
                                   if (req.path == "/session") req.session = std::make_shared<Session>();
                                   return req.path == "/missing" ? html(req, "no", Status::not_found) : html(req, "ok");
                                 }));
  for (const char* path : {"/missing", "/form", "/session"}) {
    for (int i = 0; i < 2; ++i) {
      auto req = get(path);
      refusing(req);
    }
  }
  EXPECT_EQ(refused, 6);
}

// Through the server: a HEAD has the GET's headers and Content-Length and
// no body; the server sends the kept encoding as it is.
TEST_P(PageCaches, ThroughTheServerHeadHasNoBody) {
  if (!spdlog::get("access")) spdlog::create<spdlog::sinks::null_sink_mt>("access");
  CCHC_FIXTURE(f);
  ServerConfig config;
  config.port = 0;
  config.threads = 1;
  Server server(
      config,
      [&](Request& req) {
        req.path = "/p";
        return f.handler(req);
      },
      [](Request& req, Status s) { return make_response(req, s, "text/plain", "refused"); },
      std::make_shared<Metrics>());
  server.listen();
  std::thread runner([&] { server.run(); });
  auto got = testing::http_request(server.port(), "GET", "/p");
  auto head = testing::raw_exchange(server.port(), "HEAD /p HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(head.find("Content-Length: " + std::to_string(got.body.size()) + "\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("ETag: " + got.header("etag")), std::string::npos);
  EXPECT_TRUE(head.ends_with("\r\n\r\n")) << head;
  auto zipped = testing::http_request(server.port(), "GET", "/p", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_EQ(gunzip(zipped.body), got.body);  // gzipped once, not twice
  server.stop();
  runner.join();
}

// ---- Signed-in pages --------------------------------------------------------------------------

class SignedInPageCaches : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, SignedInPageCaches, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

// A signed-in page as the layout makes one: the stored number, the user's
// name and roles, the session's form token and display preference.
struct Desk {
  db::Database& db;
  int renders = 0;
  Response page(Request& req) {
    ++renders;
    auto n = db.read([](db::Connection& c) { return c.query("SELECT n FROM shown").one().i64("n"); });
    std::string body = "<h1>Số " + std::to_string(n) + "</h1>";
    if (req.principal) {
      body += "<p>" + req.principal->display_name + "</p>";
      for (const auto& r : req.principal->roles) body += "<p>" + r + "</p>";
    }
    if (req.session) {
      body += "<input name=\"_csrf\" value=\"" + req.session->csrf_token + "\">";
      if (req.session->prefs.value("text_size", "") == "large") body += "<p class=\"text-large\"></p>";
    }
    return html(req, body);
  }
};

std::shared_ptr<Session> session_for(const std::string& name, std::int64_t user) {
  auto s = std::make_shared<Session>();
  s->token_hash = sha256_hex("token of " + name);
  s->csrf_token = "csrf-of-" + name;
  s->user_id = user;
  return s;
}

Request signed_in(const std::string& target, std::shared_ptr<Session> s, std::optional<Principal> p) {
  auto req = get(target);
  req.session = std::move(s);
  req.principal = std::move(p);
  return req;
}

const audit::Entry kClerk{"demo.canbo", "127.0.0.1", "update", "plans", "1", std::nullopt, std::nullopt};

struct DeskFixture {
  std::unique_ptr<testing::TestDatabase> t;
  std::unique_ptr<Desk> desk;
  std::unique_ptr<PageCache> cache;
  Handler handler;
  Principal alice{1, "alice", "Nguyễn Thị An", "P-TRANGDAI", {"unit_officer"}};
  Principal bob{2, "bob", "Trần Văn Bình", "P-TAMHIEP", {"unit_officer"}};

  explicit DeskFixture(std::unique_ptr<testing::TestDatabase> db) : t(std::move(db)) {
    db::migrate(*t->db);
    t->db->write([](db::Connection& c) {
      c.execute_script("CREATE TABLE shown (n BIGINT); INSERT INTO shown (n) VALUES (1);");
    });
    desk = std::make_unique<Desk>(Desk{*t->db});
    cache = std::make_unique<PageCache>(*t->db);
    handler =
        cache->serve_signed_in(PageRule{.daily = true}, Handler([this](Request& req) { return desk->page(req); }));
  }
  Response fetch(const std::string& target, std::shared_ptr<Session> s, std::optional<Principal> p) {
    auto req = signed_in(target, std::move(s), std::move(p));
    return handler(req);
  }
  // Changes the number shown, with no stamp touched, then runs `also` in
  // the same transaction.
  void store_then(int n, const std::function<void(db::Connection&)>& also) {
    t->db->write([&](db::Connection& c) {
      c.query("UPDATE shown SET n = ?", {n});
      also(c);
    });
  }
};

#define CCHC_DESK(f)                                    \
  std::string why_;                                     \
  auto db_ = testing::make_test_db(GetParam(), why_);   \
  if (!db_) {                                           \
    if (std::getenv("CCHC_REQUIRE_PG")) FAIL() << why_; \
    GTEST_SKIP() << why_;                               \
  }                                                     \
  DeskFixture f(std::move(db_))

TEST_P(SignedInPageCaches, KeptForItsSessionUntilAnyChangeIsAudited) {
  CCHC_DESK(f);
  auto mine = session_for("alice", 1);
  auto first = f.fetch("/viec-cua-toi", mine, f.alice);
  auto again = f.fetch("/viec-cua-toi", mine, f.alice);
  EXPECT_EQ(f.desk->renders, 1);
  ASSERT_NE(again.shared_body(), nullptr);
  EXPECT_EQ(again.shared_body(), first.shared_body());  // the kept buffer
  EXPECT_EQ(again[field::cache_control], "private, no-store");
  EXPECT_EQ(again[field::etag], first[field::etag]);
  struct Row {
    const char* write;
    std::function<void(db::Connection&)> also;
    bool renewed;
  };
  auto entry = [](const char* action) {
    return [action](db::Connection& c) {
      auto e = kClerk;
      e.action = action;
      audit::append(c, e, kMorning);
    };
  };
  const Row rows[] = {
      {"no stamp touched", [](db::Connection&) {}, false},
      {"another kind's stamp", [](db::Connection& c) { db::touch(c, "portal"); }, false},
      {"an update audited", entry("update"), true},
      {"a creation audited", entry("create"), true},
      {"an import audited", entry("import"), true},
      {"a denial", entry("deny"), false},
      {"an export", entry("export"), false},
      {"a sign-in", entry("sign_in"), false},
      {"a failed sign-in", entry("sign_in_failed"), false},
      {"a sign-out", entry("sign_out"), false},
      {"a write without an entry (a notification read)", [](db::Connection& c) { audit::changed(c); }, true},
  };
  int n = 1;
  std::string shown = "1";
  for (const auto& r : rows) {
    SCOPED_TRACE(r.write);
    f.store_then(++n, r.also);
    if (r.renewed) shown = std::to_string(n);
    auto res = f.fetch("/viec-cua-toi", mine, f.alice);
    EXPECT_NE(sent(res).find("<h1>Số " + shown + "</h1>"), std::string::npos) << sent(res);
  }
  // A write that rolls back leaves the page.
  const int renders = f.desk->renders;
  EXPECT_THROW(f.store_then(++n,
                            [](db::Connection& c) {
                              audit::append(c, kClerk, kMorning);
                              throw std::runtime_error("the write fails");
                            }),
               std::runtime_error);
  f.fetch("/viec-cua-toi", mine, f.alice);
  EXPECT_EQ(f.desk->renders, renders);
}

TEST_P(SignedInPageCaches, EachSessionAndWhatItsUserIsSeesItsOwnPage) {
  CCHC_DESK(f);
  auto a1 = session_for("alice-1", 1), a2 = session_for("alice-2", 1), b = session_for("bob", 2);
  struct Row {
    const char* who;
    std::shared_ptr<Session> session;
    Principal principal;
    std::string csrf, name;
  };
  auto promoted = f.alice;
  promoted.roles.push_back("unit_leader");
  const Row rows[] = {
      {"alice", a1, f.alice, "csrf-of-alice-1", "Nguyễn Thị An"},
      {"alice's other session", a2, f.alice, "csrf-of-alice-2", "Nguyễn Thị An"},
      {"bob", b, f.bob, "csrf-of-bob", "Trần Văn Bình"},
      {"alice given a role", a1, promoted, "csrf-of-alice-1", "unit_leader"},
  };
  for (int round = 0; round < 2; ++round) {
    for (const auto& r : rows) {
      SCOPED_TRACE(std::string(r.who) + (round ? ", again" : ""));
      auto res = f.fetch("/ke-hoach", r.session, r.principal);
      EXPECT_NE(sent(res).find("value=\"" + r.csrf + "\""), std::string::npos);
      EXPECT_NE(sent(res).find(r.name), std::string::npos);
    }
  }
  EXPECT_EQ(f.desk->renders, 4);  // once each, then kept
  EXPECT_EQ(f.cache->size(), 4u);
  // A display preference changed: that session's page anew, with it.
  a1->prefs["text_size"] = "large";
  auto large = f.fetch("/ke-hoach", a1, f.alice);
  EXPECT_EQ(f.desk->renders, 5);
  EXPECT_NE(sent(large).find("text-large"), std::string::npos);
  EXPECT_EQ(sent(f.fetch("/ke-hoach", a2, f.alice)).find("text-large"), std::string::npos);
  // Each target its own page.
  f.fetch("/ke-hoach?nam=2025", a1, f.alice);
  EXPECT_EQ(f.desk->renders, 6);
}

TEST_P(SignedInPageCaches, NeverKeptWithoutASignedInSessionNorFromARenderThatEndsIt) {
  CCHC_DESK(f);
  auto visitor = session_for("visitor", 0);
  visitor->user_id.reset();
  for (int i = 0; i < 2; ++i) {
    f.fetch("/p", nullptr, std::nullopt);            // no session (the permission check sends it to sign in)
    f.fetch("/p", visitor, std::nullopt);            // a visitor's session: preferences, no user
    auto token = signed_in("/p", nullptr, f.alice);  // an API token's principal
    token.bearer = true;
    f.handler(token);
  }
  EXPECT_EQ(f.desk->renders, 6);
  EXPECT_EQ(f.cache->size(), 0u);

  // A render that signs out, starts another session, sets a cookie or
  // refuses: sent, not kept.
  int rendered = 0;
  auto ending =
      f.cache->serve_signed_in(PageRule{}, Handler([&](Request& req) {
                                 ++rendered;
                                 if (req.path == "/dang-xuat") req.session.reset();
                                 if (req.path == "/moi") req.session = session_for("fresh", 1);
                                 if (req.path == "/tai-ve") {
                                   return attachment(req, "application/vnd.ms-excel", "PK workbook", "bang.xlsx");
                                 }
                                 auto res = req.path == "/thieu" ? html(req, "no", Status::not_found) : html(req, "ok");
                                 if (req.path == "/cookie") res.insert(field::set_cookie, "x=1");
                                 return res;
                               }));
  // … and a download (a workbook made for one person): made each time.
  for (const char* path : {"/dang-xuat", "/moi", "/cookie", "/thieu", "/tai-ve"}) {
    for (int i = 0; i < 2; ++i) {
      auto req = signed_in(path, session_for("alice", 1), f.alice);
      ending(req);
    }
  }
  EXPECT_EQ(rendered, 10);
  EXPECT_EQ(f.cache->size(), 0u);

  // The public cache still keeps nothing for a signed-in request.
  auto open = f.cache->serve(PageRule{}, Handler([&](Request& req) { return f.desk->page(req); }));
  auto req = signed_in("/", session_for("alice", 1), f.alice);
  EXPECT_EQ(open(req).shared_body(), nullptr);
}

}  // namespace
}  // namespace cchc::http
