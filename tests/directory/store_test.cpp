// The unit import and the audit chain on both backends.
#include "directory/store.h"
#include "directory/read.h"

#include <gtest/gtest.h>

#include <thread>

#include "audit/audit.h"
#include "db/migrate.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

class DirectoryStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, DirectoryStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};
const Instant kNow{std::chrono::seconds{1'750'000'000}};

const char* kFile =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "DNI,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,DNI,2004-01-01,,\n"
    "BH,Thành phố Biên Hòa,district,DNI,2004-01-01,2025-06-30,\n"
    "TDH,Phường Tân Đông Hiệp,commune,BH,2004-01-01,2025-06-30,TDHM\n"
    "TDHM,Phường Tân Đông Hiệp,commune,DNI,2025-07-01,,\n";

std::int64_t count(db::Database& db, const char* table) {
  return db.read(
      [&](db::Connection& c) { return c.query(std::string("SELECT COUNT(*) AS n FROM ") + table).one().i64("n"); });
}

TEST_P(DirectoryStore, ImportsOnceAndReimportChangesNothing) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  auto first = import_units(*t->db, kFile, kWho, kNow);
  ASSERT_TRUE(first.ok()) << first.errors[0].message;
  EXPECT_EQ(first.inserted, 5);
  EXPECT_EQ(count(*t->db, "unit_successors"), 1);
  auto audit_entries = count(*t->db, "audit_log");
  EXPECT_EQ(audit_entries, 5);

  auto again = import_units(*t->db, kFile, kWho, kNow);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.inserted + again.updated, 0);
  EXPECT_EQ(again.unchanged, 5);
  EXPECT_EQ(count(*t->db, "audit_log"), audit_entries);

  auto renamed = import_units(*t->db,
                              "code,name,level,parent_code,valid_from,valid_to\n"
                              "SNV,Sở Nội vụ tỉnh Đồng Nai,department,DNI,2004-01-01,\n",
                              kWho, kNow);
  EXPECT_EQ(renamed.updated, 1);
  auto tree = load_tree(*t->db);
  EXPECT_EQ(tree.find("SNV")->name, "Sở Nội vụ tỉnh Đồng Nai");
  EXPECT_EQ(tree.find("TDH")->successor_codes, std::vector<std::string>{"TDHM"});
  auto log = audit::list(*t->db, {.entity = "units", .action = "update"});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].before_json->find("\"Sở Nội vụ\""), std::string::npos);
  EXPECT_NE(log[0].after_json->find("tỉnh Đồng Nai"), std::string::npos);

  // Export, then import the export: nothing changes.
  auto exported = export_units(*t->db, std::nullopt);
  auto round = import_units(*t->db, exported, kWho, kNow);
  EXPECT_TRUE(round.ok());
  EXPECT_EQ(round.unchanged, 5);
  auto current = export_units(*t->db, parse_iso_date("2025-07-01"));
  EXPECT_EQ(current.find("BH,"), std::string::npos);
  EXPECT_NE(current.find("TDHM,"), std::string::npos);
}

TEST_P(DirectoryStore, ARejectedFileWritesNothing) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(import_units(*t->db, kFile, kWho, kNow).ok());
  auto before_units = export_units(*t->db, std::nullopt);
  auto before_audit = count(*t->db, "audit_log");
  auto bad = import_units(*t->db,
                          "code,name,level,parent_code,valid_from,valid_to\n"
                          "NEW1,Xã mới 1,commune,DNI,2025-07-01,\n"      // fine on its own
                          "SNV,Sở Nội vụ,department,LOOP,2004-01-01,\n"  // cycle via LOOP
                          "LOOP,Vòng,district,SNV,2004-01-01,\n"
                          "NEW2,Xã mới 2,commune,NOWHERE,2025-07-01,\n",
                          kWho, kNow);
  ASSERT_FALSE(bad.ok());
  std::vector<int> lines;
  for (const auto& e : bad.errors) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(export_units(*t->db, std::nullopt), before_units);
  EXPECT_EQ(count(*t->db, "audit_log"), before_audit);
}

TEST_P(DirectoryStore, AuditChainDetectsTampering) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(import_units(*t->db, kFile, kWho, kNow).ok());
  auto v = audit::verify(*t->db);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 5);

  // Edited by hand.
  t->db->write([](db::Connection& c) { c.query("UPDATE audit_log SET actor = 'someone' WHERE seq = 3"); });
  v = audit::verify(*t->db);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
  t->db->write([](db::Connection& c) { c.query("UPDATE audit_log SET actor = 'cli:test' WHERE seq = 3"); });
  EXPECT_TRUE(audit::verify(*t->db).ok);

  // Deleted from the middle.
  t->db->write([](db::Connection& c) { c.query("DELETE FROM audit_log WHERE seq = 2"); });
  v = audit::verify(*t->db);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
}

TEST_P(DirectoryStore, ConcurrentAppendsKeepOneChain) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 10; ++k) {
        audit::Entry e = kWho;
        e.action = "test";
        e.entity = "x";
        e.entity_id = std::to_string(i * 100 + k);
        t->db->write([&](db::Connection& c) { audit::append(c, e, kNow); });
      }
    });
  }
  for (auto& th : threads) th.join();
  auto v = audit::verify(*t->db);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 40);
}

}  // namespace
}  // namespace cchc::directory
