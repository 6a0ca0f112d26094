#include "db/columns.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace cchc::db {
namespace {

using namespace std::chrono;

struct Thing {
  std::int64_t id = 0;
  int year = 0;
  bool done = false;
  double score = 0;
  std::string name;
  std::optional<std::string> note;
  std::optional<std::int64_t> parent;
  Date on{};
  std::optional<Date> due;
  Instant at{};
  std::optional<Instant> seen;
  std::vector<std::string> tags;
  int state = 0;
};

int state_of(const std::string& s) { return s == "open" ? 1 : s == "closed" ? 2 : throw invalid_input("state " + s); }

const Columns<Thing> kThing{
    {"id", &Thing::id},
    {"year", &Thing::year},
    {"done", &Thing::done},
    {"score", &Thing::score},
    {"name", &Thing::name},
    {"note", &Thing::note},
    {"parent_id", &Thing::parent},
    {"on_day", &Thing::on},
    {"due_on", &Thing::due},
    {"at", &Thing::at},
    {"seen_at", &Thing::seen},
    {"state", &Thing::state, state_of},
    {"tag_a",
     [](const Row& r, Thing& t) {
       t.tags = {r.str("tag_a"), r.str("tag_b")};
     }},
    {"tag_b"},
};

Row row(std::vector<std::pair<std::string, Value>> cells) {
  auto names = std::make_shared<std::vector<std::string>>();
  std::vector<Value> values;
  for (auto& [n, v] : cells) {
    names->push_back(n);
    values.push_back(v);
  }
  return Row(names, values);
}

TEST(Columns, OneListForSelectAndJoin) {
  EXPECT_EQ(kThing.list(),
            "id, year, done, score, name, note, parent_id, on_day, due_on, at, seen_at, state, tag_a, tag_b");
  EXPECT_EQ(kThing.list("t"),
            "t.id, t.year, t.done, t.score, t.name, t.note, t.parent_id, t.on_day, t.due_on, t.at, t.seen_at, "
            "t.state, t.tag_a, t.tag_b");
}

std::vector<std::pair<std::string, Value>> full_row(Value note, Value parent, Value due, Value seen, Value name) {
  return {{"id", std::int64_t{7}},
          {"year", std::string("2026")},  // PostgreSQL may send integers as text
          {"done", std::int64_t{1}},
          {"score", std::int64_t{3}},
          {"name", name},
          {"note", note},
          {"parent_id", parent},
          {"on_day", std::string("2026-12-07")},
          {"due_on", due},
          {"at", std::int64_t{1'765'000'000}},
          {"seen_at", seen},
          {"state", std::string("closed")},
          {"tag_a", std::string("a")},
          {"tag_b", std::string("b")}};
}

TEST(Columns, ReadsEachMemberByItsType) {
  auto t = kThing.read(row(full_row(std::string("ghi chú"), std::int64_t{3}, std::string("2027-01-31"),
                                    std::int64_t{1'765'000'100}, std::string("Tên"))));
  EXPECT_EQ(t.id, 7);
  EXPECT_EQ(t.year, 2026);
  EXPECT_TRUE(t.done);
  EXPECT_EQ(t.score, 3.0);
  EXPECT_EQ(t.name, "Tên");
  EXPECT_EQ(t.note, "ghi chú");
  EXPECT_EQ(t.parent, 3);
  EXPECT_EQ(t.on, Date{2026y / 12 / 7});
  EXPECT_EQ(t.due, Date{2027y / 1 / 31});
  EXPECT_EQ(t.at.time_since_epoch().count(), 1'765'000'000);
  ASSERT_TRUE(t.seen);
  EXPECT_EQ(t.seen->time_since_epoch().count(), 1'765'000'100);
  EXPECT_EQ(t.state, 2);
  EXPECT_EQ(t.tags, (std::vector<std::string>{"a", "b"}));
}

TEST(Columns, NullsReadAsAbsent) {
  auto t = kThing.read(row(full_row(Value{}, Value{}, Value{}, Value{}, Value{})));
  EXPECT_FALSE(t.note);
  EXPECT_FALSE(t.parent);
  EXPECT_FALSE(t.due);
  EXPECT_FALSE(t.seen);
  EXPECT_EQ(t.name, "");  // text NULL reads as ""
}

TEST(Columns, WrongValuesAreInternalErrors) {
  struct Case {
    const char* column;
    Value value;
  } cases[] = {
      {"on_day", std::string("07/12/2026")},  // not ISO
      {"on_day", Value{}},                    // a required day is NULL
      {"due_on", std::string("2026-02-30")},  // no such day
      {"id", std::string("7x")},
      {"at", std::string("yesterday")},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.column);
    auto cells = full_row(Value{}, Value{}, Value{}, Value{}, Value{});
    for (auto& [n, v] : cells) {
      if (n == c.column) v = c.value;
    }
    try {
      kThing.read(row(cells));
      ADD_FAILURE() << "read";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::internal) << e.what();
    }
  }
}

TEST(Columns, ParserRefusalsPropagate) {
  auto cells = full_row(Value{}, Value{}, Value{}, Value{}, Value{});
  for (auto& [n, v] : cells) {
    if (n == "state") v = std::string("lost");
  }
  EXPECT_THROW(kThing.read(row(cells)), Error);
}

TEST(Columns, ReadAllKeepsOrder) {
  Result result;
  for (std::int64_t id : {3, 1, 2}) {
    auto cells = full_row(Value{}, Value{}, Value{}, Value{}, Value{});
    cells[0].second = id;
    result.rows.push_back(row(cells));
  }
  auto all = kThing.read_all(result);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, 3);
  EXPECT_EQ(all[1].id, 1);
  EXPECT_EQ(all[2].id, 2);
}

}  // namespace
}  // namespace cchc::db
