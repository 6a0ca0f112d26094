// Data stamps and the memo keyed by them, on both backends: a write gives a
// new stamp in its own transaction (none when it rolls back), stamps differ
// between databases, several are read at once in the order asked, and a
// memo answers from memory until a stamp it depends on changes, from this
// connection or another.
#include "db/stamps.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "support/test_db.h"

namespace cchc::db {
namespace {

class Stamps : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, Stamps, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

std::int64_t read_stamp(Database& db, const char* kind) {
  return db.read([&](Connection& c) { return stamp(c, kind); });
}

TEST_P(Stamps, AWriteGivesAFreshStampAndARollbackNone) {
  CCHC_TEST_DB(t, GetParam());
  migrate(*t->db);
  const auto units = read_stamp(*t->db, "units"), before = read_stamp(*t->db, "indicators");
  t->db->write([](Connection& c) { touch(c, "indicators"); });
  const auto after = read_stamp(*t->db, "indicators");
  EXPECT_NE(after, before);
  EXPECT_EQ(read_stamp(*t->db, "units"), units);  // another kind is left alone
  EXPECT_THROW(t->db->write([](Connection& c) {
    touch(c, "indicators");
    throw std::runtime_error("the write fails");
  }),
               std::runtime_error);
  EXPECT_EQ(read_stamp(*t->db, "indicators"), after);
  EXPECT_THROW(t->db->write([](Connection& c) { touch(c, "no-such-kind"); }), Error);
  EXPECT_THROW(read_stamp(*t->db, "no-such-kind"), Error);
}

TEST_P(Stamps, TwoDatabasesNeverShareAStamp) {
  CCHC_TEST_DB(a, GetParam());
  std::string why;
  auto b = testing::make_test_db(GetParam(), why);
  ASSERT_TRUE(b) << why;
  migrate(*a->db);
  migrate(*b->db);
  for (const char* kind : {"indicators", "units", "assessments", "portal", "writes"}) {
    EXPECT_NE(read_stamp(*a->db, kind), read_stamp(*b->db, kind)) << kind;
  }
}

TEST_P(Stamps, SeveralKindsAreReadTogetherInTheOrderAsked) {
  CCHC_TEST_DB(t, GetParam());
  migrate(*t->db);
  t->db->read([](Connection& c) {
    const std::vector<std::string> kinds = {"portal", "units", "assessments", "indicators"};
    auto all = stamps(c, kinds);
    ASSERT_EQ(all.size(), kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) EXPECT_EQ(all[i], stamp(c, kinds[i])) << kinds[i];
    EXPECT_EQ(stamps(c, {"units", "units"}), (std::vector<std::int64_t>{stamp(c, "units"), stamp(c, "units")}));
    EXPECT_TRUE(stamps(c, {}).empty());
    EXPECT_EQ(stamps_key(c, {"portal", "units"}),
              std::to_string(stamp(c, "portal")) + ":" + std::to_string(stamp(c, "units")));
    EXPECT_THROW(stamps(c, {"units", "no-such-kind"}), Error);
  });
}

TEST_P(Stamps, MemoAnswersUntilAStampItReadsChanges) {
  CCHC_TEST_DB(t, GetParam());
  migrate(*t->db);
  t->db->write([](Connection& c) { c.execute_script("CREATE TABLE counted (n BIGINT)"); });
  Memo<std::int64_t> memo({"indicators"}, 2);
  int computed = 0;
  auto ask = [&](const char* question) {
    return t->db->read([&](Connection& c) {
      return memo.get(c, question, [&] {
        ++computed;
        return c.query("SELECT COUNT(*) AS n FROM counted").one().i64("n");
      });
    });
  };
  EXPECT_EQ(ask("count"), 0);
  EXPECT_EQ(ask("count"), 0);
  EXPECT_EQ(computed, 1);
  // A write that does not touch the stamp is not seen: the contract is
  // that every write of the data touches it.
  t->db->write([](Connection& c) { c.query("INSERT INTO counted (n) VALUES (1)"); });
  EXPECT_EQ(ask("count"), 0);
  t->db->write([](Connection& c) {
    c.query("INSERT INTO counted (n) VALUES (2)");
    touch(c, "indicators");
  });
  EXPECT_EQ(ask("count"), 2);
  EXPECT_EQ(computed, 2);
  // Another connection of its own (another process) writing is seen too.
  auto other = open(t->spec);
  other->write([](Connection& c) {
    c.query("INSERT INTO counted (n) VALUES (3)");
    touch(c, "indicators");
  });
  EXPECT_EQ(ask("count"), 3);
  // Capacity 2: a third question drops the least recently used.
  EXPECT_EQ(ask("again"), 3);
  EXPECT_EQ(ask("count"), 3);
  EXPECT_EQ(ask("third"), 3);
  EXPECT_EQ(memo.size(), 2u);
  const int before = computed;
  EXPECT_EQ(ask("count"), 3);  // kept: used more recently than "again"
  EXPECT_EQ(computed, before);
  EXPECT_EQ(ask("again"), 3);  // dropped: computed again
  EXPECT_EQ(computed, before + 1);
  // A question that throws is not remembered.
  int thrown = 0;
  for (int i = 0; i < 2; ++i) {
    EXPECT_THROW(t->db->read([&](Connection& c) {
      return memo.get(c, "fails", [&]() -> std::int64_t {
        ++thrown;
        throw std::runtime_error("no");
      });
    }),
                 std::runtime_error);
  }
  EXPECT_EQ(thrown, 2);
}

}  // namespace
}  // namespace cchc::db
