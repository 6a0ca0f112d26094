// Dossier and feedback storage on both backends: batches written whole,
// idempotent re-sends, rollups that follow records between months and equal
// a full rebuild, and queries that agree with the reference computation.
#include "indicators/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "db/migrate.h"
#include "directory/store.h"
#include "indicators/dashboard.h"
#include "support/rollups.h"
#include "support/test_db.h"

namespace cchc::indicators {
namespace {

class IndicatorStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, IndicatorStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};
const Instant kNow{std::chrono::seconds{1'750'000'000}};

// A province P with a department S and a district D whose communes A and B
// merged into C (directly under P) on 01/07/2025.
const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh,province,,2004-01-01,,\n"
    "S,Sở,department,P,2004-01-01,,\n"
    "D,Huyện,district,P,2004-01-01,2025-06-30,\n"
    "A,Xã A,commune,D,2004-01-01,2025-06-30,C\n"
    "B,Xã B,commune,D,2004-01-01,2025-06-30,C\n"
    "C,Xã C,commune,P,2025-07-01,,\n";
const std::vector<std::string> kCodes = {"P", "S", "D", "A", "B", "C"};

void setup(db::Database& db) {
  db::migrate(db);
  auto r = directory::import_units(db, kUnits, kWho, kNow);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
}

ImportOutcome send(db::Database& db, Kind kind, const std::string& text) {
  ImportRequest req;
  req.kind = kind;
  req.text = text;
  return import_batch(db, req, kWho, kNow);
}

std::int64_t count(db::Database& db, const std::string& table) {
  return db.read([&](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM " + table).one().i64("n"); });
}

std::vector<std::string> snapshot(db::Database& db) { return testing::rollup_rows(db); }

Instant at(int y, unsigned m, unsigned d, int hour = 8) {
  return start_of_day(Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}) +
         std::chrono::hours(hour);
}

// Random records that obey the batch rules, for ids from a small pool so
// that later batches re-send and change earlier records.
struct Generator {
  std::mt19937 rng;
  explicit Generator(unsigned seed) : rng(seed) {}
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  bool coin(int percent) { return pick(100) < percent; }
  Instant when() {
    // 2024-01-01 .. 2025-12-31, biased to the minutes around midnight.
    auto t = at(2024, 1, 1, 0) + std::chrono::hours(24 * pick(730));
    return coin(30) ? t + std::chrono::minutes(pick(2) ? pick(5) : -1 - pick(5)) : t + std::chrono::minutes(pick(1440));
  }
  std::optional<Rating> rating() {
    switch (pick(4)) {
      case 0: return Rating::very_satisfied;
      case 1: return Rating::satisfied;
      case 2: return Rating::unsatisfied;
      default: return std::nullopt;
    }
  }
  Dossier dossier(int id) {
    Dossier d;
    d.id = "D" + std::to_string(id);
    d.unit_code = kCodes[size_t(pick(int(kCodes.size())))];
    d.procedure_code = "1.00" + std::to_string(pick(3));
    d.channel = Channel(pick(3));
    d.online_service = OnlineService(pick(3));
    d.received_at = when();
    d.due_at = d.received_at + std::chrono::hours(pick(24 * 40));
    d.status = DossierStatus(pick(5));
    if (d.status == DossierStatus::finished || d.status == DossierStatus::returned) {
      d.finished_at = coin(10) ? d.due_at : d.received_at + std::chrono::hours(pick(24 * 50));
      if (d.status == DossierStatus::returned) d.returned_at = *d.finished_at + std::chrono::hours(pick(48));
    }
    d.digitized = coin(50);
    d.result_digitized = coin(50);
    d.fee_required = coin(50);
    d.paid_online = coin(50);
    d.rating = rating();
    d.apology_sent = coin(30);
    return d;
  }
  Feedback feedback(int id) {
    Feedback f;
    f.id = fmt::format("F{}", id);
    f.unit_code = kCodes[size_t(pick(int(kCodes.size())))];
    f.channel = FeedbackChannel(pick(5));
    f.received_at = when();
    f.due_at = f.received_at + std::chrono::hours(pick(24 * 20));
    f.status = FeedbackStatus(pick(3));
    if (f.status == FeedbackStatus::answered) f.answered_at = f.received_at + std::chrono::hours(pick(24 * 30));
    f.rating = rating();
    return f;
  }
};

template <class T>
std::vector<T> values_of(const std::map<std::string, T>& m) {
  std::vector<T> out;
  for (const auto& [k, v] : m) out.push_back(v);
  return out;
}

template <class T>
std::vector<T> in_units(const std::vector<T>& all, const std::vector<std::string>& units) {
  std::vector<T> out;
  for (const auto& r : all) {
    if (std::find(units.begin(), units.end(), r.unit_code) != units.end()) out.push_back(r);
  }
  return out;
}

TEST_P(IndicatorStore, RollupsEqualARebuildAndTheReferenceAfterRandomBatches) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  Generator g(20241124);
  std::map<std::string, Dossier> dossiers;
  std::map<std::string, Feedback> feedback;
  for (int batch = 0; batch < 8; ++batch) {
    std::map<std::string, Dossier> dbatch;
    std::map<std::string, Feedback> fbatch;
    for (int i = 0; i < 60; ++i) {
      auto d = g.dossier(g.pick(150));
      dbatch[d.id] = d;
      auto f = g.feedback(g.pick(80));
      fbatch[f.id] = f;
    }
    // Every other batch re-sends some stored records unchanged.
    if (batch % 2 == 1) {
      int n = 0;
      for (const auto& [id, d] : dossiers) {
        if (n++ < 20 && !dbatch.count(id)) dbatch[id] = d;
      }
    }
    auto dout = send(*t->db, Kind::dossiers, to_csv(values_of(dbatch)));
    ASSERT_TRUE(dout.ok()) << dout.errors[0].message;
    auto fout = send(*t->db, Kind::feedback, to_csv(values_of(fbatch)));
    ASSERT_TRUE(fout.ok()) << fout.errors[0].message;
    std::int64_t fresh = 0;
    for (const auto& [id, d] : dbatch) {
      if (!dossiers.count(id)) ++fresh;
      dossiers[id] = d;
    }
    EXPECT_EQ(dout.summary.inserted, fresh);
    EXPECT_EQ(dout.summary.inserted + dout.summary.updated + dout.summary.unchanged, std::int64_t(dbatch.size()));
    if (batch % 2 == 1) {
      EXPECT_GE(dout.summary.unchanged, 1);
    }
    for (const auto& [id, f] : fbatch) feedback[id] = f;

    auto incremental = snapshot(*t->db);
    EXPECT_EQ(rebuild(*t->db), count(*t->db, "dossiers") + count(*t->db, "feedback"));
    ASSERT_EQ(incremental, snapshot(*t->db)) << "rebuilt in C++, after batch " << batch;
    t->db->write([](db::Connection& c) { rebuild_in_sql(c); });
    ASSERT_EQ(incremental, snapshot(*t->db)) << "rebuilt in SQL, after batch " << batch;
  }
  const auto all_d = values_of(dossiers);
  const auto all_f = values_of(feedback);
  for (const char* code :
       {"2024", "2025", "2024-Q1", "2024-H2", "2025-9M", "2024-03", "2025-07", "2025-12", "2024-02-01..2025-06-30"}) {
    auto period = Period::parse(code);
    for (const auto& unit : kCodes) {
      for (Scope scope : {Scope::unit, Scope::subtree}) {
        auto units = t->db->read([&](db::Connection& c) { return units_in_scope(c, unit, scope); });
        auto got = t->db->read([&](db::Connection& c) { return query(c, unit, period, scope); });
        auto want = compute(in_units(all_d, units), in_units(all_f, units), period);
        EXPECT_EQ(to_json(got), to_json(want)) << code << " " << unit << " " << name(scope);
      }
    }
  }
}

// Migration 0005 fills the stored month keys of rows written before it with
// SQL; they must be the keys C++ writes (month_key in +07:00, kNever when
// not finished), including times just before and after local midnight.
TEST_P(IndicatorStore, TheMigrationsMonthKeysAgreeWithTheOnesWritten) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  Generator g(766);
  std::map<std::string, Dossier> ds;
  std::map<std::string, Feedback> fs;
  for (int i = 0; i < 200; ++i) {
    auto d = g.dossier(i);
    ds[d.id] = d;
    auto f = g.feedback(i);
    fs[f.id] = f;
  }
  ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(values_of(ds))).ok());
  ASSERT_TRUE(send(*t->db, Kind::feedback, to_csv(values_of(fs))).ok());
  const bool sqlite = t->db->backend() == db::Backend::sqlite;
  auto month = [&](const char* column) {  // the expression 0005_rollup_keys uses
    return sqlite ? fmt::format("strftime('%Y-%m', {} + 25200, 'unixepoch')", column)
                  : fmt::format("to_char(to_timestamp({} + 25200) AT TIME ZONE 'UTC', 'YYYY-MM')", column);
  };
  auto mismatches = t->db->read([&](db::Connection& c) {
    return c.query(fmt::format("SELECT COUNT(*) AS n FROM dossiers WHERE due_month <> {} OR finished_month <>"
                               " CASE WHEN status IN ('finished', 'returned') AND finished_at IS NOT NULL THEN {}"
                               " ELSE '9999-12' END",
                               month("due_at"), month("finished_at")))
               .one()
               .i64("n") +
           c.query(fmt::format("SELECT COUNT(*) AS n FROM feedback WHERE due_month <> {} OR answered_month <>"
                               " CASE WHEN status = 'answered' AND answered_at IS NOT NULL THEN {} ELSE '9999-12' END",
                               month("due_at"), month("answered_at")))
               .one()
               .i64("n");
  });
  EXPECT_EQ(mismatches, 0);
}

TEST_P(IndicatorStore, TheSubtreeFollowsMergers) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  struct Case {
    std::string unit;
    Scope scope;
    std::vector<std::string> want;
  };
  std::vector<Case> cases = {
      {"C", Scope::unit, {"C"}},
      {"C", Scope::subtree, {"A", "B", "C"}},  // the merged communes' history counts for C
      {"D", Scope::subtree, {"A", "B", "D"}},
      {"P", Scope::subtree, {"A", "B", "C", "D", "P", "S"}},
      {"S", Scope::subtree, {"S"}},
  };
  for (const auto& c : cases) {
    auto got = t->db->read([&](db::Connection& conn) { return units_in_scope(conn, c.unit, c.scope); });
    EXPECT_EQ(got, c.want) << c.unit;
  }
  EXPECT_THROW(t->db->read([&](db::Connection& conn) { return units_in_scope(conn, "NOPE", Scope::unit); }), Error);
}

const char* kHeader =
    "id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,"
    "digitized,result_digitized,fee_required,paid_online,rating,apology_sent\n";

// Answers are remembered per data stamp (db/stamps.h): every kind of write
// that changes an answer must be seen by the next question.
TEST_P(IndicatorStore, RememberedAnswersFollowEveryKindOfWrite) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  const auto year = Period::parse("2024");
  auto received = [&](const std::string& unit, Scope scope) {
    return t->db->read([&](db::Connection& c) { return query(c, unit, year, scope).received; });
  };
  Generator g(7);
  std::map<std::string, Dossier> batch;
  for (int i = 0; i < 40; ++i) {
    auto d = g.dossier(i);
    d.unit_code = "S";
    d.status = DossierStatus::processing;
    d.finished_at = d.returned_at = std::nullopt;
    d.received_at = at(2024, 3, 1 + unsigned(i % 28));
    d.due_at = d.received_at + std::chrono::hours(240);
    batch[d.id] = d;
  }
  ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(values_of(batch))).ok());
  EXPECT_EQ(received("S", Scope::unit), 40);
  EXPECT_EQ(received("P", Scope::subtree), 40);
  EXPECT_EQ(t->db->read([](db::Connection& c) { return latest_month(c); }), "2024-03");

  // A batch: new records, and one moved to another month.
  std::map<std::string, Dossier> more;
  for (int i = 40; i < 50; ++i) {
    auto d = batch.begin()->second;
    d.id = "D" + std::to_string(i);
    more[d.id] = d;
  }
  auto moved = batch.begin()->second;
  moved.received_at = at(2024, 5, 2);
  moved.due_at = moved.received_at + std::chrono::hours(240);
  more[moved.id] = moved;
  ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(values_of(more))).ok());
  EXPECT_EQ(received("S", Scope::unit), 50);
  EXPECT_EQ(t->db->read([](db::Connection& c) { return latest_month(c); }), "2024-05");

  // The unit tree: a unit E with dossiers of its own, moved under S.
  const std::string with_e = std::string(kUnits) + "E,Phòng E,department,P,2004-01-01,,\n";
  ASSERT_TRUE(directory::import_units(*t->db, with_e, kWho, kNow).ok());
  std::map<std::string, Dossier> of_e;
  for (int i = 100; i < 105; ++i) {
    auto d = batch.begin()->second;
    d.id = "D" + std::to_string(i);
    d.unit_code = "E";
    of_e[d.id] = d;
  }
  ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(values_of(of_e))).ok());
  EXPECT_EQ(received("S", Scope::subtree), 50);
  std::string e_under_s = with_e;
  e_under_s.replace(e_under_s.find("department,P", e_under_s.find("E,Phòng E")), 12, "department,S");
  auto moved_e = directory::import_units(*t->db, e_under_s, kWho, kNow);
  ASSERT_TRUE(moved_e.ok()) << moved_e.errors[0].message;
  EXPECT_EQ(received("S", Scope::subtree), 55);
  EXPECT_EQ(received("P", Scope::subtree), 55);

  // Hand-entered 766 values and targets change the 766 index.
  auto index = [&] {
    return t->db->read(
        [&](db::Connection& c) { return to_json(index766(c, "S", year, Scope::unit, Formula::legal)).dump(); });
  };
  const auto before = index();
  ManualValues values;
  values[manual_indicators().front().code] = {3, 4};
  t->db->write([&](db::Connection& c) { set_manual_values(c, "S", year, values, kWho, kNow); });
  EXPECT_NE(index(), before);

  // A rebuild after the rollups were damaged behind cchc's back.
  t->db->write([](db::Connection& c) { c.query("DELETE FROM dossier_months"); });
  EXPECT_EQ(received("S", Scope::unit), 50);  // remembered: nothing told of that delete
  rebuild(*t->db);
  EXPECT_EQ(received("S", Scope::unit), 50);
  t->db->write([](db::Connection& c) { c.query("DELETE FROM dossier_months"); });
  t->db->write([](db::Connection& c) { rebuild_in_sql(c); });
  EXPECT_EQ(received("S", Scope::unit), 50);

  // Another process's write (here another connection pool on the same data).
  auto other = db::open(t->spec);
  std::map<std::string, Dossier> third;
  auto extra = batch.begin()->second;
  extra.id = "D99";
  third[extra.id] = extra;
  const std::string text = to_csv(values_of(third));
  ImportRequest req;
  req.text = text;
  auto pushed = import_batch(*other, req, kWho, kNow);
  ASSERT_TRUE(pushed.ok()) << pushed.errors[0].message;
  EXPECT_EQ(received("S", Scope::unit), 51);
  EXPECT_EQ(received("S", Scope::subtree), 56);
}

TEST_P(IndicatorStore, ARejectedBatchWritesNothing) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  auto audit_before = count(*t->db, "audit_log");
  auto out = send(*t->db, Kind::dossiers,
                  std::string(kHeader) +
                      "D1,A,p,online,full,2024-01-10T08:00:00+07:00,2024-01-20T17:00:00+07:00,,,processing,0,0,0,0,,0\n"
                      "D2,A,p,online,full,2024-01-10T08:00:00+07:00,2024-01-20T17:00:00+07:00,,,finished,0,0,0,0,,0\n"
                      "D3,ZZ,p,fax,full,2024-01-10T08:00:00,2024-01-20T17:00:00+07:00,,,processing,0,0,0,0,,0\n");
  ASSERT_FALSE(out.ok());
  ASSERT_EQ(out.errors.size(), 4u);  // D2's missing finished_at; D3's unit, channel and time
  EXPECT_EQ(out.errors[0].line, 3);
  EXPECT_EQ(out.errors[1].line, 4);
  EXPECT_EQ(count(*t->db, "dossiers"), 0);
  for (Table table : kTables) EXPECT_EQ(count(*t->db, spec(table).name), 0) << spec(table).name;
  EXPECT_EQ(count(*t->db, "audit_log"), audit_before);
}

// A batch larger than the chunks its reader hands the writer (10 000
// records): a problem in its last lines comes after records were written,
// and must undo them all, leaving what was stored before as it was; a good
// one, sent again with some records changed, leaves rollups equal to a
// rebuild.
TEST_P(IndicatorStore, AProblemFoundAfterRecordsWereWrittenUndoesTheWholeBatch) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  Generator g(20261207);
  std::vector<Dossier> earlier;
  for (int i = 0; i < 50; ++i) earlier.push_back(g.dossier(900000 + i));
  ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(earlier)).ok());
  const auto before = snapshot(*t->db);
  const auto audit_before = count(*t->db, "audit_log");

  constexpr int kRecords = 25000;
  std::vector<Dossier> big;
  for (int i = 0; i < kRecords; ++i) big.push_back(g.dossier(i));
  const std::string good = to_csv(big);
  const int last_line = kRecords + 1;
  const std::string bad_record =
      "X1,ZZ,p,online,full,2024-01-10T08:00:00+07:00,2024-01-20T17:00:00+07:00,,,processing,0,0,0,0,,0\n";
  const std::string first = to_csv(std::vector<Dossier>{big.front()});
  const std::string duplicate = first.substr(first.find('\n') + 1);
  const auto middle = good.find('\n', good.size() / 2) + 1;
  struct Case {
    const char* what;
    std::string text;
    int line;  // of the one problem reported; -1: somewhere past the first chunk
  };
  const Case cases[] = {
      {"a record outside the directory, last", good + bad_record, last_line + 1},
      {"the first record's id again, last", good + duplicate, last_line + 1},
      {"a bad record in the middle (the second chunk)", good.substr(0, middle) + bad_record + good.substr(middle), -1},
      {"an unclosed quote at the end (the text is refused)", good + "\"X2,A", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    // How many records were written before the problem refused the batch:
    // once it is found, no more chunk is handed to the writer.
    std::size_t written = 0;
    ImportRequest req;
    req.kind = Kind::dossiers;
    req.text = c.text;
    req.progress = [&](std::size_t done, std::size_t) { written = done; };
    auto out = import_batch(*t->db, req, kWho, kNow);
    if (c.line == -1) {
      EXPECT_LE(written, 20000u) << "records after the problem were written";
    }
    ASSERT_FALSE(out.ok());
    ASSERT_EQ(out.errors.size(), 1u) << out.errors[0].message;
    if (c.line >= 0) {
      EXPECT_EQ(out.errors[0].line, c.line) << out.errors[0].message;
    } else {
      EXPECT_GT(out.errors[0].line, 10001) << "the problem lies beyond the first chunk";
    }
    EXPECT_EQ(out.records, c.line == 0 ? 0u : std::size_t(kRecords));
    EXPECT_EQ(count(*t->db, "dossiers"), 50);
    EXPECT_EQ(snapshot(*t->db), before);
    EXPECT_EQ(count(*t->db, "audit_log"), audit_before);
  }

  auto out = send(*t->db, Kind::dossiers, good);
  ASSERT_TRUE(out.ok()) << out.errors[0].message;
  EXPECT_EQ(out.records, std::size_t(kRecords));
  EXPECT_EQ(out.summary.inserted, kRecords);
  // Sent again: every seventh record changed (another unit and month),
  // every seventh from the fourth gone, the rest unchanged.
  std::vector<Dossier> again;
  std::int64_t changed = 0;
  for (int i = 0; i < kRecords; ++i) {
    if (i % 7 == 4) continue;
    Dossier d = big[std::size_t(i)];
    if (i % 7 == 0) {
      d.unit_code = d.unit_code == "S" ? "C" : "S";
      d.received_at -= std::chrono::hours(24 * 40);
      ++changed;
    }
    again.push_back(d);
  }
  out = send(*t->db, Kind::dossiers, to_csv(again));
  ASSERT_TRUE(out.ok()) << out.errors[0].message;
  EXPECT_EQ(out.summary.inserted, 0);
  EXPECT_EQ(out.summary.updated, changed);
  EXPECT_EQ(out.summary.unchanged, std::int64_t(again.size()) - changed);
  const auto incremental = snapshot(*t->db);
  t->db->write([](db::Connection& c) { rebuild_in_sql(c); });
  EXPECT_EQ(incremental, snapshot(*t->db));
}

// The writer inserts a chunk whole while none of its ids is stored, and
// writes it again the careful way when one is: stored ids first met past
// the first chunk (the writer has already inserted one whole), or in the
// first, must replace what is stored, never duplicate it or count it new,
// and leave rollups equal to a rebuild.
TEST_P(IndicatorStore, StoredIdsAnywhereInABatchReplaceWhatIsStored) {
  struct Case {
    const char* what;
    int fresh_before;  // new records before the stored ones
    int fresh_after;   // and after them
  };
  const Case cases[] = {
      {"stored ids past the first chunk, in the middle of the second", 15000, 0},
      {"stored ids starting the second chunk exactly", 10000, 3000},
      {"stored ids in the first chunk, new ones after", 0, 12000},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    CCHC_TEST_DB(t, GetParam());
    setup(*t->db);
    Generator g(20261208);
    std::vector<Dossier> earlier;
    for (int i = 0; i < 40; ++i) earlier.push_back(g.dossier(900000 + i));
    ASSERT_TRUE(send(*t->db, Kind::dossiers, to_csv(earlier)).ok());

    std::vector<Dossier> batch;
    for (int i = 0; i < c.fresh_before; ++i) batch.push_back(g.dossier(i));
    std::int64_t changed = 0;
    for (int i = 0; i < 40; ++i) {
      Dossier d = earlier[std::size_t(i)];
      if (i % 2 == 0) {
        d.unit_code = d.unit_code == "S" ? "C" : "S";
        ++changed;
      }
      batch.push_back(d);
    }
    for (int i = 0; i < c.fresh_after; ++i) batch.push_back(g.dossier(100000 + i));

    auto out = send(*t->db, Kind::dossiers, to_csv(batch));
    ASSERT_TRUE(out.ok()) << out.errors[0].message;
    EXPECT_EQ(out.summary.inserted, c.fresh_before + c.fresh_after);
    EXPECT_EQ(out.summary.updated, changed);
    EXPECT_EQ(out.summary.unchanged, 40 - changed);
    EXPECT_EQ(count(*t->db, "dossiers"), 40 + c.fresh_before + c.fresh_after);
    const auto incremental = snapshot(*t->db);
    t->db->write([](db::Connection& conn) { rebuild_in_sql(conn); });
    EXPECT_EQ(incremental, snapshot(*t->db));
  }
}

// A record must name a unit that exists, and a unit records name cannot go:
// SQLite's foreign key, PostgreSQL's set-based checks (migrations 0032, 0035), on
// every way a record is written (one row, many rows in one statement, the
// bulk insert, an update) and every way a unit could go.
TEST_P(IndicatorStore, RecordsNameUnitsThatExistAndKeepThem) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  ASSERT_TRUE(
      send(*t->db, Kind::dossiers,
           std::string(kHeader) +
               "D1,A,p,online,full,2024-01-10T08:00:00+07:00,2024-01-20T17:00:00+07:00,,,processing,0,0,0,0,,0\n")
          .ok());
  auto insert_sql = [](const char* rows) {
    return std::string(
               "INSERT INTO dossiers (id, unit_code, procedure_code, channel, online_service, received_at, due_at,"
               " status, digitized, result_digitized, fee_required, paid_online, apology_sent, received_month) "
               "VALUES ") +
           rows;
  };
  const std::vector<std::string> columns = {
      "id",     "unit_code", "procedure_code",   "channel",      "online_service", "received_at",  "due_at",
      "status", "digitized", "result_digitized", "fee_required", "paid_online",    "apology_sent", "received_month"};
  struct Case {
    const char* what;
    std::function<void(db::Connection&)> write;
    bool refused;
  };
  const Case cases[] = {
      {"one row naming a unit that exists",
       [&](db::Connection& c) {
         c.query(insert_sql("('D2', 'S', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01')"));
       },
       false},
      {"one row naming no unit",
       [&](db::Connection& c) {
         c.query(insert_sql("('D3', 'ZZ', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01')"));
       },
       true},
      {"many rows, one of them naming no unit",
       [&](db::Connection& c) {
         c.query(
             insert_sql("('D4', 'S', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01'),"
                        " ('D5', 'ZZ', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01')"));
       },
       true},
      {"many rows naming the same units that exist",
       [&](db::Connection& c) {
         c.query(
             insert_sql("('D10', 'S', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01'),"
                        " ('D11', 'B', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01'),"
                        " ('D12', 'S', 'p', 'online', 'full', 1, 1, 'processing', 0, 0, 0, 0, 0, '2024-01')"));
       },
       false},
      {"an update to a unit that does not exist",
       [](db::Connection& c) { c.query("UPDATE dossiers SET unit_code = 'ZZ' WHERE id = 'D1'"); }, true},
      {"an update to another unit",
       [](db::Connection& c) { c.query("UPDATE dossiers SET unit_code = 'C' WHERE id = 'D1'"); }, false},
      {"feedback naming no unit",
       [](db::Connection& c) {
         c.query(
             "INSERT INTO feedback (id, unit_code, channel, received_at, due_at, status, received_month)"
             " VALUES ('F1', 'ZZ', 'direct', 1, 1, 'open', '2024-01')");
       },
       true},
      {"deleting a unit a record names", [](db::Connection& c) { c.query("DELETE FROM units WHERE code = 'C'"); },
       true},
      {"deleting a unit no record names",
       [](db::Connection& c) {
         c.query(
             "INSERT INTO units (code, name, level, parent_code, valid_from, name_folded)"
             " VALUES ('Z9', 'Xã Z', 'commune', 'P', '2024-01-01', 'xa z')");
         c.query("UPDATE units SET code = 'Z8' WHERE code = 'Z9'");
         c.query("DELETE FROM units WHERE code = 'Z8'");
       },
       false},
      {"renaming a unit a record names",
       [](db::Connection& c) { c.query("UPDATE units SET code = 'C2' WHERE code = 'C'"); }, true},
      {"the bulk insert naming units that exist",
       [&](db::Connection& c) {
         c.insert_rows("dossiers", columns, 2, [&](std::size_t i, db::RowSink& out) {
           static const std::string ids[] = {"D6", "D7"};
           out.text(ids[i]);
           for (const auto* v : {"B", "p", "online", "full"}) out.text(v);
           out.integer(1);
           out.integer(1);
           out.text("processing");
           for (int k = 0; k < 5; ++k) out.integer(0);
           out.text("2024-01");
         });
       },
       false},
      {"the bulk insert, one row naming no unit",
       [&](db::Connection& c) {
         c.insert_rows("dossiers", columns, 2, [&](std::size_t i, db::RowSink& out) {
           static const std::string ids[] = {"D8", "D9"}, units[] = {"B", "ZZ"};
           out.text(ids[i]);
           out.text(units[i]);
           for (const auto* v : {"p", "online", "full"}) out.text(v);
           out.integer(1);
           out.integer(1);
           out.text("processing");
           for (int k = 0; k < 5; ++k) out.integer(0);
           out.text("2024-01");
         });
       },
       true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto before = count(*t->db, "dossiers") + count(*t->db, "feedback") + count(*t->db, "units");
    if (c.refused) {
      try {
        t->db->write(c.write);
        ADD_FAILURE() << "accepted";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::conflict) << e.what();
      }
      EXPECT_EQ(count(*t->db, "dossiers") + count(*t->db, "feedback") + count(*t->db, "units"), before);
    } else {
      EXPECT_NO_THROW(t->db->write(c.write));
    }
  }
  EXPECT_EQ(count(*t->db, "dossiers"), 7);  // D1, D2, D6, D7, D10, D11, D12
}

TEST_P(IndicatorStore, AReSentDossierMovesBetweenMonthsAndTheSameBatchTwiceChangesNothing) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  const std::string january =
      std::string(kHeader) +
      "D1,A,p,online,full,2024-01-31T23:59:59+07:00,2024-02-05T17:00:00+07:00,,,processing,1,0,0,0,,0\n";
  const std::string february =  // finished on time in February, received a second later: February
      std::string(kHeader) +
      "D1,A,p,online,full,2024-02-01T00:00:00+07:00,2024-02-05T17:00:00+07:00,2024-02-05T17:00:00+07:00,,finished,1,0,"
      "0,0,satisfied,0\n";
  auto in = [&](const char* period) {
    return t->db->read([&](db::Connection& c) { return query(c, "A", Period::parse(period), Scope::unit); });
  };
  ASSERT_TRUE(send(*t->db, Kind::dossiers, january).ok());
  auto again = send(*t->db, Kind::dossiers, january);
  EXPECT_EQ(again.summary, (ImportSummary{0, 0, 1}));
  EXPECT_EQ(in("2024-01").received, 1);
  EXPECT_EQ(in("2024-02").overdue_open, 1);  // due 05/02, still open at the end of February

  auto moved = send(*t->db, Kind::dossiers, february);
  EXPECT_EQ(moved.summary, (ImportSummary{0, 1, 0}));
  EXPECT_EQ(in("2024-01").received, 0);
  EXPECT_EQ(in("2024-01").pending_at_end, 0);
  auto feb = in("2024-02");
  EXPECT_EQ(feb.received, 1);
  EXPECT_EQ(feb.finished_on_time, 1);  // finished exactly at due_at is on time
  EXPECT_EQ(feb.overdue_open, 0);
  EXPECT_EQ(feb.satisfaction_rate, (Rate{1, 1}));
  // Rows taken back to zero are dropped, so a rebuild gives the same rows.
  auto incremental = snapshot(*t->db);
  rebuild(*t->db);
  EXPECT_EQ(incremental, snapshot(*t->db));
}

TEST_P(IndicatorStore, ATokenScopeRejectsUnitsOutsideIt) {
  CCHC_TEST_DB(t, GetParam());
  setup(*t->db);
  ImportRequest req;
  req.kind = Kind::dossiers;
  req.format = Format::json;
  const std::string body =
      R"([{"id":"D1","unit_code":"A","procedure_code":"p","channel":"online","online_service":"full",)"
      R"("received_at":"2024-01-10T08:00:00+07:00","due_at":"2024-01-20T17:00:00+07:00","status":"processing",)"
      R"("digitized":1,"result_digitized":0,"fee_required":false,"paid_online":false,"apology_sent":0},)"
      R"({"id":"D2","unit_code":"S","procedure_code":"p","channel":"direct","online_service":"none",)"
      R"("received_at":"2024-01-10T08:00:00+07:00","due_at":"2024-01-20T17:00:00+07:00","status":"processing",)"
      R"("digitized":0,"result_digitized":0,"fee_required":0,"paid_online":0,"apology_sent":0}])";
  req.text = body;
  req.scope_unit = "D";
  auto out = import_batch(*t->db, req, kWho, kNow);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].line, 2);
  EXPECT_NE(out.errors[0].message.find("outside D"), std::string::npos) << out.errors[0].message;
  EXPECT_EQ(count(*t->db, "dossiers"), 0);
  req.scope_unit = "P";
  out = import_batch(*t->db, req, kWho, kNow);
  ASSERT_TRUE(out.ok()) << out.errors[0].message;
  EXPECT_EQ(out.summary.inserted, 2);
}

}  // namespace
}  // namespace cchc::indicators
