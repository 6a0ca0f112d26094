// The storage suite: every case runs against SQLite and PostgreSQL.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/errors.h"
#include "core/secrets.h"
#include "db/migrate.h"
#include "db/postgres/postgres.h"
#include "http/session.h"
#include "support/test_db.h"

namespace cchc {
namespace {

using db::Connection;

class Storage : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Backends, Storage, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

TEST_P(Storage, MigratesOnceAndRecordsVersions) {
  CCHC_TEST_DB(t, GetParam());
  auto all = db::migrations_for(t->db->backend());
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(db::schema_version(*t->db), 0);
  auto applied = db::migrate(*t->db);
  EXPECT_EQ(applied.size(), all.size());
  EXPECT_EQ(db::schema_version(*t->db), all.back().version);
  EXPECT_TRUE(db::migrate(*t->db).empty());  // nothing pending the second time
  auto rows = t->db->read(
      [](Connection& c) { return c.query("SELECT version, name FROM schema_migrations ORDER BY version"); });
  ASSERT_EQ(rows.rows.size(), all.size());
  EXPECT_EQ(rows.rows[0].str("name"), all[0].name);
}

TEST_P(Storage, ConcurrentMigrationsApplyEachVersionOnce) {
  CCHC_TEST_DB(t, GetParam());
  auto second = db::open(t->spec);
  std::vector<int> a, b;
  std::thread other([&] { b = db::migrate(*second); });
  a = db::migrate(*t->db);
  other.join();
  EXPECT_EQ(a.size() + b.size(), db::migrations_for(t->db->backend()).size());
}

// The migration that makes a document's number unique per issuing unit and
// year (document_numbers) on a database an older cchc left with plans,
// their children and an inspection plan: every row keeps its id and its
// references, new ids go on after them, foreign keys hold as before, and
// the number is taken only within its unit and year.
TEST_P(Storage, DocumentNumbersMigrateKeepingEveryRowAndReference) {
  CCHC_TEST_DB(t, GetParam());
  auto all = db::migrations_for(t->db->backend());
  auto mine = std::find_if(all.begin(), all.end(), [](const auto& m) { return m.name == "document_numbers"; });
  ASSERT_NE(mine, all.end());
  // The schema before it, as migrate() leaves it.
  t->db->write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  });
  for (auto m = all.begin(); m != mine; ++m) {
    t->db->write([&](Connection& c) {
      c.execute_script(m->sql);
      c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)", {m->version, m->name});
    });
  }
  t->db->write([](Connection& c) {
    c.execute_script(
        "INSERT INTO units (code, name, level, parent_code, valid_from, name_folded) VALUES "
        " ('P', 'Tỉnh', 'province', NULL, '2004-01-01', 'tinh'),"
        " ('SNV', 'Sở Nội vụ', 'department', 'P', '2004-01-01', 'so noi vu'),"
        " ('W1', 'Phường Một', 'commune', 'P', '2004-01-01', 'phuong mot'),"
        " ('W2', 'Phường Hai', 'commune', 'P', '2004-01-01', 'phuong hai');"
        "INSERT INTO plans (number, kind, unit_code, issued_on, title, year, parent_id, status, created_at, "
        "updated_at) VALUES"
        " ('300/KH-UBND', 'reform', 'P', '2023-12-28', 'Tỉnh 2024', 2024, NULL, 'issued', 1, 1),"
        " ('15/KH-UBND', 'reform', 'W1', '2024-02-05', 'Phường Một 2024', 2024, 1, 'issued', 1, 1),"
        " ('16/KH-UBND', 'reform', 'W2', NULL, 'Phường Hai 2024', 2024, 1, 'draft', 1, 1);"
        "INSERT INTO plan_tasks (plan_id, ord, area_code, description, deadline_text, deadline_kind, created_at, "
        "updated_at) VALUES (2, 1, 'direction', 'Tuyên truyền', 'Quý I/2024', 'quarter', 1, 1);"
        "INSERT INTO plan_requirements (plan_id, levels, due_on, set_by, set_at) VALUES "
        " (1, 'commune', '2024-03-01', 'a', 1);"
        "INSERT INTO inspection_plans (year, number, title, issuer_unit, issued_on, status, created_by, created_at) "
        "VALUES (2024, '45/KH-SNV', 'Kiểm tra', 'SNV', '2024-01-05', 'draft', 'a', 1);"
        "INSERT INTO inspection_team (plan_id, ord, name, unit_code, role) VALUES (1, 1, 'Nguyễn Văn An', 'SNV', "
        "'head');"
        "INSERT INTO inspections (plan_id, unit_code, scheduled_on, state) VALUES (1, 'W1', '2024-05-01', "
        "'scheduled');");
  });

  auto applied = db::migrate(*t->db);
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), mine->version);
  auto kept = t->db->read([](Connection& c) {
    std::string out;
    for (const auto& r : c.query("SELECT id, number, unit_code, issued_on, parent_id FROM plans ORDER BY id").rows) {
      out += std::to_string(r.i64("id")) + " " + r.str("number") + " " + r.str("unit_code") + " " +
             r.opt_str("issued_on").value_or("-") + " " +
             (r.is_null("parent_id") ? std::string("-") : std::to_string(r.i64("parent_id"))) + "\n";
    }
    for (const auto& r : c.query("SELECT plan_id FROM plan_tasks").rows)
      out += "task " + std::to_string(r.i64("plan_id")) + "\n";
    for (const auto& r : c.query("SELECT plan_id FROM plan_requirements").rows) {
      out += "requirement " + std::to_string(r.i64("plan_id")) + "\n";
    }
    for (const auto& r : c.query("SELECT id, number, issuer_unit FROM inspection_plans").rows) {
      out +=
          "inspection plan " + std::to_string(r.i64("id")) + " " + r.str("number") + " " + r.str("issuer_unit") + "\n";
    }
    for (const auto& r : c.query("SELECT plan_id FROM inspection_team").rows)
      out += "member " + std::to_string(r.i64("plan_id")) + "\n";
    for (const auto& r : c.query("SELECT plan_id FROM inspections").rows)
      out += "visit " + std::to_string(r.i64("plan_id")) + "\n";
    return out;
  });
  EXPECT_EQ(kept,
            "1 300/KH-UBND P 2023-12-28 -\n"
            "2 15/KH-UBND W1 2024-02-05 1\n"
            "3 16/KH-UBND W2 - 1\n"
            "task 2\n"
            "requirement 1\n"
            "inspection plan 1 45/KH-SNV SNV\n"
            "member 1\n"
            "visit 1\n");

  auto add_plan = [&](const char* number, const char* unit, const char* issued_on, int year) {
    return t->db->write([&](Connection& c) {
      return c
          .query(
              "INSERT INTO plans (number, kind, unit_code, issued_on, title, year, status, created_at, updated_at) "
              "VALUES (?, 'reform', ?, ?, 'Kế hoạch', ?, 'draft', 2, 2) RETURNING id",
              {number, unit, *issued_on ? db::Param(issued_on) : db::Param(nullptr), year})
          .one()
          .i64("id");
    });
  };
  // Another ward's 15/KH-UBND, and the first ward's of another year: new ids after the kept ones.
  EXPECT_EQ(add_plan("15/KH-UBND", "W2", "2024-03-01", 2024), 4);
  EXPECT_EQ(add_plan("15/KH-UBND", "W1", "", 2025), 5);
  // The same unit and year: refused by the database too (the year of the
  // issue date, else the plan's year).
  EXPECT_THROW(add_plan("15/KH-UBND", "W1", "", 2024), Error);
  EXPECT_THROW(add_plan("300/KH-UBND", "P", "2023-06-01", 2023), Error);
  EXPECT_THROW(t->db->write([](Connection& c) {
    c.query(
        "INSERT INTO inspection_plans (year, number, title, issuer_unit, status, created_by, created_at) "
        "VALUES (2024, '45/KH-SNV', 'Lại', 'SNV', 'draft', 'a', 2)");
  }),
               Error);
  t->db->write([](Connection& c) {
    c.query(
        "INSERT INTO inspection_plans (year, number, title, issuer_unit, status, created_by, created_at) "
        "VALUES (2024, '45/KH-SNV', 'Phường', 'W1', 'draft', 'a', 2)");
  });
  // Foreign keys still hold.
  EXPECT_THROW(t->db->write([](Connection& c) {
    c.query(
        "INSERT INTO plan_tasks (plan_id, ord, area_code, description, deadline_text, deadline_kind, created_at, "
        "updated_at) VALUES (99, 1, 'direction', 'x', 'Quý I/2024', 'quarter', 1, 1)");
  }),
               Error);
}

TEST_P(Storage, TypedValuesRoundTrip) {
  CCHC_TEST_DB(t, GetParam());
  t->db->write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE sample (id BIGINT PRIMARY KEY, big BIGINT, ratio DOUBLE PRECISION, "
        "label TEXT, maybe TEXT)");
    c.query("INSERT INTO sample (id, big, ratio, label, maybe) VALUES (?, ?, ?, ?, ?)",
            {1, std::int64_t{9007199254740993LL}, 96.45, "Đắk Lắk — ‘quote’ ? '", nullptr});
    c.query("INSERT INTO sample (id, big, ratio, label, maybe) VALUES (?, ?, ?, ?, ?)",
            {2, -1, 0.0, "", std::optional<std::string>("có")});
  });
  auto rows =
      t->db->read([](Connection& c) { return c.query("SELECT id, big, ratio, label, maybe FROM sample ORDER BY id"); });
  ASSERT_EQ(rows.rows.size(), 2u);
  const auto& r = rows.rows[0];
  EXPECT_EQ(r.i64("big"), 9007199254740993LL);
  EXPECT_DOUBLE_EQ(r.f64("ratio"), 96.45);
  EXPECT_EQ(r.str("label"), "Đắk Lắk — ‘quote’ ? '");
  EXPECT_TRUE(r.is_null("maybe"));
  EXPECT_EQ(r.opt_str("maybe"), std::nullopt);
  EXPECT_EQ(rows.rows[1].opt_str("maybe"), "có");
  EXPECT_EQ(rows.rows[1].str("label"), "");
  EXPECT_THROW(r.str("big"), Error);          // wrong type
  EXPECT_THROW(r.i64("nonexistent"), Error);  // no such column
  auto count = t->db->write([](Connection& c) {
    return c.query("UPDATE sample SET ratio = ? WHERE id >= ?", {1.5, 1}).affected;
  });
  EXPECT_EQ(count, 2);
}

// Streaming: every row once, in order, typed by position; NULLs told
// apart; parameters bound; an error from the query or from the callback
// reaches the caller and leaves the connection usable.
TEST_P(Storage, StreamsRowsOneAtATime) {
  CCHC_TEST_DB(t, GetParam());
  t->db->write([](Connection& c) {
    c.execute_script("CREATE TABLE streamed (id BIGINT PRIMARY KEY, label TEXT, maybe BIGINT, flag BOOLEAN)");
    for (int i = 1; i <= 2500; ++i) {
      c.query("INSERT INTO streamed (id, label, maybe, flag) VALUES (?, ?, ?, ?)",
              {i, fmt::format("Dòng {}", i), i % 3 == 0 ? db::Param(nullptr) : db::Param(i * 10), i % 2 == 0});
    }
  });
  struct Case {
    std::int64_t from;
    std::int64_t rows;
  };
  for (const Case& k : {Case{0, 2500}, Case{2400, 100}, Case{2500, 0}}) {
    std::int64_t n = 0, last = k.from, nulls = 0, flags = 0;
    t->db->read([&](Connection& c) {
      c.stream("SELECT id, label, maybe, flag FROM streamed WHERE id > ? ORDER BY id", {k.from},
               [&](const db::RowView& r) {
                 EXPECT_EQ(r.i64(0), last + 1);
                 last = r.i64(0);
                 EXPECT_EQ(r.text(1), fmt::format("Dòng {}", last));
                 if (r.is_null(2)) {
                   ++nulls;
                   EXPECT_EQ(last % 3, 0);
                 } else {
                   EXPECT_EQ(r.i64(2), last * 10);
                 }
                 flags += r.i64(3);
                 ++n;
               });
    });
    EXPECT_EQ(n, k.rows) << k.from;
    EXPECT_EQ(nulls, k.rows == 2500 ? 833 : k.rows == 100 ? 33 : 0) << k.from;
    EXPECT_EQ(flags, k.rows / 2) << k.from;
  }
  t->db->read([](Connection& c) {
    EXPECT_THROW(c.stream("SELECT nothing FROM nowhere", {}, [](const db::RowView&) {}), Error);
    int seen = 0;
    EXPECT_THROW(c.stream("SELECT id FROM streamed ORDER BY id", {},
                          [&](const db::RowView&) {
                            if (++seen == 10) throw std::runtime_error("stop");
                          }),
                 std::runtime_error);
    EXPECT_EQ(seen, 10);
    EXPECT_EQ(c.query("SELECT COUNT(*) AS n FROM streamed").one().i64("n"), 2500);
  });
}

// The bulk insert: every value as given, text with the characters COPY
// escapes and non-ASCII included; a broken constraint fails the whole call
// and the transaction, and the connection goes on.
TEST_P(Storage, InsertsRowsInBulk) {
  CCHC_TEST_DB(t, GetParam());
  t->db->write([](Connection& c) {
    c.execute_script("CREATE TABLE bulk (id TEXT PRIMARY KEY, n BIGINT, note TEXT, flag INTEGER NOT NULL)");
  });
  const std::vector<std::string> notes = {"",         "tab\there", "line\nbreak\r", "back\\slash \\N", "Đồng Nai — ‘x’",
                                          "\t\\\n\r", "ends\\"};
  const std::vector<std::string> columns = {"id", "n", "note", "flag"};
  // Text must live until the row is written (RowSink): the id is made into
  // one buffer that the next row overwrites, so a value the backend did not
  // take in time would show as another row's id.
  std::string id;
  auto fill = [&](std::size_t i, db::RowSink& out) {
    id = fmt::format("r{}", i);
    out.text(id);
    i % 4 == 3 ? out.null() : out.integer((i % 2 ? -1 : 1) * std::int64_t(i) * 1000000007LL);
    i % 6 == 5 ? out.null() : out.text(notes[i % notes.size()]);
    out.integer(std::int64_t(i % 2));
  };
  t->db->write([&](Connection& c) { c.insert_rows("bulk", columns, 2500, fill); });
  auto rows = t->db->read([](Connection& c) { return c.query("SELECT id, n, note, flag FROM bulk"); });
  ASSERT_EQ(rows.rows.size(), 2500u);
  std::size_t checked = 0;
  for (const auto& r : rows.rows) {
    auto i = std::stoul(r.str("id").substr(1));
    if (i % 4 == 3) {
      EXPECT_TRUE(r.is_null("n")) << i;
    } else {
      EXPECT_EQ(r.i64("n"), (i % 2 ? -1 : 1) * std::int64_t(i) * 1000000007LL) << i;
    }
    if (i % 6 == 5) {
      EXPECT_TRUE(r.is_null("note")) << i;
    } else {
      EXPECT_EQ(r.str("note"), notes[i % notes.size()]) << i;
    }
    EXPECT_EQ(r.i64("flag"), std::int64_t(i % 2));
    ++checked;
  }
  EXPECT_EQ(checked, 2500u);
  // r7 exists: the whole call and its transaction fail, nothing of it stays.
  auto clash = [&](std::size_t i, db::RowSink& out) {
    id = i == 1 ? "r7" : fmt::format("new{}", i);
    out.text(id);
    out.integer(1);
    out.text("x");
    out.integer(0);
  };
  try {
    t->db->write([&](Connection& c) { c.insert_rows("bulk", columns, 3, clash); });
    ADD_FAILURE() << "a duplicate key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict) << e.what();
  }
  // A row with too few values is a programming error, refused.
  EXPECT_THROW(t->db->write([&](Connection& c) {
    c.insert_rows("bulk", columns, 1, [](std::size_t, db::RowSink& out) { out.text("short"); });
  }),
               Error);
  EXPECT_EQ(t->db->read([](Connection& c) { return c.query("SELECT COUNT(*) AS n FROM bulk").one().i64("n"); }), 2500);
}

TEST_P(Storage, FailedWriteLeavesNothingBehind) {
  CCHC_TEST_DB(t, GetParam());
  t->db->write([](Connection& c) { c.execute_script("CREATE TABLE item (code TEXT PRIMARY KEY)"); });
  try {
    t->db->write([](Connection& c) {
      c.query("INSERT INTO item (code) VALUES (?)", {"a"});
      c.query("INSERT INTO item (code) VALUES (?)", {"b"});
      c.query("INSERT INTO item (code) VALUES (?)", {"a"});  // duplicate
    });
    FAIL() << "duplicate accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  EXPECT_THROW(t->db->write([](Connection& c) {
    c.query("INSERT INTO item (code) VALUES (?)", {"c"});
    throw invalid_input("rule broken");
  }),
               Error);
  auto n = t->db->read([](Connection& c) { return c.query("SELECT COUNT(*) AS n FROM item").one().i64("n"); });
  EXPECT_EQ(n, 0);
  // The connections are usable afterwards.
  t->db->write([](Connection& c) { c.query("INSERT INTO item (code) VALUES (?)", {"a"}); });
  n = t->db->read([](Connection& c) { return c.query("SELECT COUNT(*) AS n FROM item").one().i64("n"); });
  EXPECT_EQ(n, 1);
}

TEST_P(Storage, SqlErrorsAreReported) {
  CCHC_TEST_DB(t, GetParam());
  EXPECT_THROW(t->db->read([](Connection& c) { return c.query("SELEC 1"); }), Error);
  EXPECT_THROW(t->db->read([](Connection& c) { return c.query("SELECT ?", {1, 2}); }), Error);
  EXPECT_THROW(t->db->read([](Connection& c) { return c.query("SELECT 1 AS x WHERE 1 = 0"); }).one(), Error);
}

TEST_P(Storage, ConcurrentWritersDoNotLoseUpdates) {
  CCHC_TEST_DB(t, GetParam());
  t->db->write([](Connection& c) {
    c.execute_script("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
    c.query("INSERT INTO counter (id, n) VALUES (1, 0)");
  });
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        t->db->write([](Connection& c) {
          auto n = c.query("SELECT n FROM counter WHERE id = 1").one().i64("n");
          c.query("UPDATE counter SET n = ? WHERE id = 1", {n + 1});
        });
      }
    });
  }
  for (auto& th : threads) th.join();
  auto n = t->db->read([](Connection& c) { return c.query("SELECT n FROM counter").one().i64("n"); });
  if (GetParam() == "sqlite") {
    EXPECT_EQ(n, 200);  // one writer at a time: read-modify-write is safe
  } else {
    EXPECT_GE(n, 1);  // PostgreSQL runs writers concurrently (READ COMMITTED)
    EXPECT_LE(n, 200);
  }
  // Atomic increments are exact on both.
  threads.clear();
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        t->db->write([](Connection& c) { c.query("UPDATE counter SET n = n + 1 WHERE id = 1"); });
      }
    });
  }
  for (auto& th : threads) th.join();
  auto m = t->db->read([](Connection& c) { return c.query("SELECT n FROM counter").one().i64("n"); });
  EXPECT_EQ(m, n + 200);
}

TEST_P(Storage, ExhaustedPoolAnswersUnavailable) {
  db::Options options;
  options.pool_size = 1;
  options.acquire_timeout = std::chrono::milliseconds(100);
  CCHC_TEST_DB(t, GetParam(), options);
  std::atomic<bool> holding{false}, release{false};
  std::thread holder([&] {
    t->db->read([&](Connection&) {
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return 0;
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  try {
    t->db->read([](Connection& c) { return c.query("SELECT 1"); });
    ADD_FAILURE() << "got a second connection from a pool of one";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unavailable);
  }
  release = true;
  holder.join();
  EXPECT_NO_THROW(t->db->read([](Connection& c) { return c.query("SELECT 1"); }));
}

TEST_P(Storage, SessionsLiveInTheDatabase) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  http::SessionPolicy policy;
  http::SessionStore store(*t->db, policy);
  Instant now{std::chrono::seconds{1'700'000'000}};
  http::Request req;
  auto s = store.ensure(req, now);
  ASSERT_TRUE(s->is_new);
  EXPECT_EQ(s->cookie_token.size(), 43u);
  auto cookie = store.set_cookie(*s);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  s->prefs["text_size"] = "large";
  store.save_prefs(*s);

  // Another store (another process) finds it by the cookie alone.
  http::SessionStore other(*t->db, policy);
  http::Request next;
  next.headers.set(http::field::cookie, "a=b; cchc_session=" + s->cookie_token);
  auto found = other.find(next, now + std::chrono::minutes(10));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf_token, s->csrf_token);
  EXPECT_EQ(found->prefs.value("text_size", ""), "large");
  EXPECT_FALSE(found->is_new);
  // Only the hash is stored.
  auto stored = t->db->read([](Connection& c) { return c.query("SELECT token_hash FROM sessions"); });
  EXPECT_EQ(stored.one().str("token_hash"), sha256_hex(s->cookie_token));

  // Idle for 30 minutes after the last use (10 min): gone.
  EXPECT_TRUE(other.find(next, now + std::chrono::minutes(39)));
  EXPECT_FALSE(other.find(next, now + std::chrono::minutes(39) + std::chrono::minutes(31)));
  // A wrong token finds nothing.
  http::Request forged;
  forged.headers.set(http::field::cookie, "cchc_session=" + std::string(43, 'A'));
  EXPECT_FALSE(other.find(forged, now));
  EXPECT_EQ(other.purge_expired(now + std::chrono::hours(13)), 1);
}

TEST_P(Storage, SecureCookiesBehindHttps) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  http::SessionPolicy policy;
  policy.secure_cookie = true;
  http::SessionStore store(*t->db, policy);
  http::Request req;
  auto s = store.ensure(req, Instant{std::chrono::seconds{1'700'000'000}});
  auto cookie = store.set_cookie(*s);
  EXPECT_EQ(cookie.rfind("__Host-cchc_session=", 0), 0u);
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Domain"), std::string::npos);
  EXPECT_NE(store.clear_cookie().find("Max-Age=0"), std::string::npos);
  // The plain-HTTP name is not accepted when cookies are secure.
  http::Request next;
  next.headers.set(http::field::cookie, "cchc_session=" + s->cookie_token);
  EXPECT_FALSE(store.find(next, Instant{std::chrono::seconds{1'700'000'001}}));
  next.headers.set(http::field::cookie, "__Host-cchc_session=" + s->cookie_token);
  EXPECT_TRUE(store.find(next, Instant{std::chrono::seconds{1'700'000'001}}));
}

TEST_P(Storage, SessionsEndTwelveHoursAfterTheyBegin) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  http::SessionStore store(*t->db, http::SessionPolicy{});
  Instant start{std::chrono::seconds{1'700'000'000}};
  http::Request req;
  auto s = store.ensure(req, start);
  http::Request next;
  next.headers.set(http::field::cookie, "cchc_session=" + s->cookie_token);
  Instant t_now = start;
  // Used every 20 minutes: stays alive until the 12-hour mark, never after.
  while (t_now + std::chrono::minutes(20) < start + std::chrono::hours(12)) {
    t_now += std::chrono::minutes(20);
    ASSERT_TRUE(store.find(next, t_now)) << (t_now - start).count();
  }
  EXPECT_FALSE(store.find(next, start + std::chrono::hours(12) + std::chrono::seconds(1)));
}

TEST(Sqlite, BackupWhileOpenIsConsistent) {
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  db::migrate(*t->db);
  t->db->write([](Connection& c) {
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('province_name', 'Tỉnh Đồng Nai', 0)");
  });
  std::string out = t->sqlite_dir + "/backup.db";
  t->db->read([&](Connection& c) { return c.query("VACUUM INTO ?", {out}); });
  auto copy = db::open(out);
  EXPECT_EQ(db::schema_version(*copy), db::schema_version(*t->db));
  auto v = copy->read([](Connection& c) {
    return c.query("SELECT value FROM settings WHERE key = 'province_name'").one().str("value");
  });
  EXPECT_EQ(v, "Tỉnh Đồng Nai");
}

TEST(Sqlite, PragmasAreSet) {
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  auto row = t->db->read([](Connection& c) {
    auto jm = c.query("PRAGMA journal_mode").one().str("journal_mode");
    auto sync = c.query("PRAGMA synchronous").one().i64("synchronous");
    auto fk = c.query("PRAGMA foreign_keys").one().i64("foreign_keys");
    return std::make_tuple(jm, sync, fk);
  });
  EXPECT_EQ(std::get<0>(row), "wal");
  EXPECT_EQ(std::get<1>(row), 2);  // FULL
  EXPECT_EQ(std::get<2>(row), 1);
}

// A database that cannot grow (here: max_page_count, as a full disk would)
// refuses writes as storage_full, one line without the SQL; reads go on,
// and writes resume once there is room.
TEST(Sqlite, AFullDatabaseIsStorageFullAndReadsGoOn) {
  std::string why;
  auto t = testing::make_test_db("sqlite", why);
  t->db->write([](Connection& c) { c.query("CREATE TABLE filler (b BLOB)"); });
  try {
    t->db->write([](Connection& c) {
      auto pages = c.query("PRAGMA page_count").one().i64("page_count");
      c.query("PRAGMA max_page_count = " + std::to_string(pages + 4));
      for (int i = 0; i < 100; ++i) c.query("INSERT INTO filler VALUES (zeroblob(8192))");
    });
    ADD_FAILURE() << "the database never filled";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::storage_full) << e.what();
    EXPECT_EQ(std::string(e.what()).find("INSERT"), std::string::npos) << "the SQL is in the message: " << e.what();
  }
  EXPECT_NO_THROW(t->db->read([](Connection& c) { return c.query("SELECT COUNT(*) AS n FROM filler"); }));
  t->db->write([](Connection& c) { c.query("PRAGMA max_page_count = 1073741823"); });
  EXPECT_NO_THROW(t->db->write([](Connection& c) { c.query("INSERT INTO filler VALUES (zeroblob(8192))"); }));
}

TEST(Postgres, PlaceholdersAreRenumberedOutsideQuotes) {
  EXPECT_EQ(db::renumber_placeholders("SELECT ?, '?', \"a?b\", ? FROM t WHERE x = ?"),
            "SELECT $1, '?', \"a?b\", $2 FROM t WHERE x = $3");
  EXPECT_EQ(db::renumber_placeholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
}

TEST(Database, OpenRejectsBadSpecs) {
  EXPECT_THROW(db::open(""), Error);
  EXPECT_THROW(db::open("sqlite:"), Error);
  for (const char* spec : {"mysql://localhost/cchc", "sqlite3://x.db", "file://x.db"}) {
    SCOPED_TRACE(spec);
    try {
      db::open(spec);
      ADD_FAILURE() << "opened";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    }
  }
  EXPECT_THROW(db::open("postgresql://nobody@127.0.0.1:1/none"), Error);
  EXPECT_THROW(db::open("/proc/no/such/dir/cchc.db"), std::exception);
}

// sqlite:PATH opens PATH, with or without the two slashes of a URL.
TEST(Database, ASqliteSpecOpensTheFileItNames) {
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("cchc-open-{}", ::getpid());
  std::filesystem::create_directories(dir);
  for (const std::string prefix : {"sqlite:", "sqlite://"}) {
    SCOPED_TRACE(prefix);
    const auto file = dir / "x.db";
    std::filesystem::remove(file);
    db::open(prefix + file.string())->write([](Connection& c) { c.execute_script("CREATE TABLE t (x INTEGER)"); });
    EXPECT_TRUE(std::filesystem::exists(file));
  }
  std::filesystem::remove_all(dir);
}

TEST(Migrations, AutoIdIsSpelledPerDialect) {
  for (auto backend : {db::Backend::sqlite, db::Backend::postgres}) {
    for (const auto& m : db::migrations_for(backend)) {
      EXPECT_EQ(m.sql.find("@AUTO_ID@"), std::string::npos) << m.name;
    }
  }
  auto accounts = db::migrations_for(db::Backend::postgres)[2];
  EXPECT_EQ(accounts.name, "accounts");
  EXPECT_NE(accounts.sql.find("id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"),
            std::string::npos);
  EXPECT_NE(db::migrations_for(db::Backend::sqlite)[2].sql.find("INTEGER PRIMARY KEY AUTOINCREMENT"),
            std::string::npos);
}

}  // namespace
}  // namespace cchc
