// Uploads staged between an import's check and its confirmation, on both
// backends: only their owner (user and unit) gets them back, for the purpose
// they were checked for, before they expire; they count against the unit's
// quota; a user keeps a bounded number; a removal happens once.
#include "directory/staged.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/storage.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

class StagedUploads : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, StagedUploads, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const Instant kNow{std::chrono::seconds{1'750'000'000}};

audit::Entry as(const std::string& user) { return {user, "127.0.0.1", "", "", "", {}, {}}; }

// The refusal every unusable id gets: invalid_input, the one Vietnamese text.
void expect_gone(db::Database& db, const std::string& id, const std::string& purpose, const std::string& user,
                 const std::string& unit, Instant at, const char* why) {
  SCOPED_TRACE(why);
  try {
    db.read([&](db::Connection& c) { return staged_upload(c, id, purpose, user, unit, at); });
    ADD_FAILURE() << "a staged upload was given";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(e.message_vi(), kStagedGoneVi);
  }
}

TEST_P(StagedUploads, OnlyTheOwnerConfirmsOnceBeforeTheyExpire) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  ASSERT_TRUE(import_units(db,
                           "code,name,level,parent_code,valid_from,valid_to\n"
                           "DNI,Tỉnh Đồng Nai,province,,2004-01-01,\n"
                           "TD,Phường Trảng Dài,commune,DNI,2004-01-01,\n",
                           as("cli:test"), kNow)
                  .ok());
  add_user(db, {"can.bo", "Cán bộ phường", "TD", {"unit_officer"}, "một câu dài để nhớ"}, as("cli:test"), kNow);
  add_user(db, {"lanh.dao", "Lãnh đạo phường", "TD", {"unit_leader"}, "một câu dài để nhớ"}, as("cli:test"), kNow);

  const std::string file = std::string("id,unit_code\nA-1,TD\n") + std::string(3000, 'x') + '\0' + "\xff";
  auto id = db.write([&](db::Connection& c) {
    return stage_upload(c, "indicators:feedback", "phan-anh.csv", file, "can.bo", "TD", kNow);
  });
  ASSERT_EQ(id.size(), 32u);

  auto got = db.read([&](db::Connection& c) {
    return staged_upload(c, id, "indicators:feedback", "can.bo", "TD", kNow + std::chrono::hours(23));
  });
  EXPECT_EQ(got.content, file);  // byte for byte, NUL and all
  EXPECT_EQ(got.filename, "phan-anh.csv");
  EXPECT_EQ(got.uploaded_by, "can.bo");
  db.read([&](db::Connection& c) { EXPECT_EQ(storage_of(c, "TD").bytes, std::int64_t(file.size())); });

  expect_gone(db, id, "indicators:feedback", "lanh.dao", "TD", kNow, "another user of the same unit");
  expect_gone(db, id, "indicators:feedback", "can.bo", "DNI", kNow, "the user, now of another unit");
  expect_gone(db, id, "indicators:dossiers", "can.bo", "TD", kNow, "checked as feedback, confirmed as dossiers");
  expect_gone(db, id, "indicators:feedback", "can.bo", "TD", kNow + kStagedLife, "expired");
  expect_gone(db, "not-an-id", "indicators:feedback", "can.bo", "TD", kNow, "not an id");

  EXPECT_TRUE(db.write([&](db::Connection& c) { return remove_staged(c, id); }));
  EXPECT_FALSE(db.write([&](db::Connection& c) { return remove_staged(c, id); }));  // a second confirmation
  expect_gone(db, id, "indicators:feedback", "can.bo", "TD", kNow, "imported");
}

TEST_P(StagedUploads, AUserKeepsAFewAndTheQuotaHolds) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  ASSERT_TRUE(import_units(db,
                           "code,name,level,parent_code,valid_from,valid_to\n"
                           "DNI,Tỉnh Đồng Nai,province,,2004-01-01,\n"
                           "TD,Phường Trảng Dài,commune,DNI,2004-01-01,\n",
                           as("cli:test"), kNow)
                  .ok());
  add_user(db, {"can.bo", "Cán bộ phường", "TD", {"unit_officer"}, "một câu dài để nhớ"}, as("cli:test"), kNow);
  auto stage = [&](const std::string& purpose, std::size_t bytes, Instant at) {
    return db.write([&](db::Connection& c) {
      return stage_upload(c, purpose, "tep.csv", std::string(bytes, 'x'), "can.bo", "TD", at);
    });
  };
  auto count = [&] {
    return db.read(
        [](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM staged_uploads").one().i64("n"); });
  };

  // Checking file after file keeps the newest few of a purpose.
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(stage("units", 100, kNow + std::chrono::seconds(i)));
  EXPECT_EQ(count(), std::int64_t(kStagedPerPurpose));
  expect_gone(db, ids[0], "units", "can.bo", "TD", kNow + std::chrono::seconds(5), "the oldest, dropped");
  EXPECT_NO_THROW(db.read([&](db::Connection& c) {
    return staged_upload(c, ids[4], "units", "can.bo", "TD", kNow + std::chrono::seconds(5));
  }));
  // Another purpose's are its own; expired ones go when anyone stages.
  stage("plan:1", 100, kNow + std::chrono::seconds(5));
  EXPECT_EQ(count(), std::int64_t(kStagedPerPurpose) + 1);
  stage("plan:2", 100, kNow + kStagedLife + std::chrono::seconds(10));
  EXPECT_EQ(count(), 1);

  // A staged file is charged to the unit: past its quota, it is refused whole.
  db.write([](db::Connection& c) {
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('unit_storage_quota_mib', '1', 0)");
  });
  try {
    stage("units", 1024 * 1024, kNow + kStagedLife + std::chrono::seconds(11));
    ADD_FAILURE() << "over the quota";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::too_large);
  }
  EXPECT_EQ(count(), 1);
}

}  // namespace
}  // namespace cchc::directory
