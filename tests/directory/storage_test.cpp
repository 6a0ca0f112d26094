// Stored files charged to the uploader's unit against its quota, on both
// backends: sums per unit, the refusal that writes nothing, and sizes as
// people read them.
#include "directory/storage.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "documents/store.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

class FileQuota : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, FileQuota, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const Instant kNow{std::chrono::seconds{1'750'000'000}};

audit::Entry as(const std::string& user) { return {user, "127.0.0.1", "", "", "", {}, {}}; }

void upload(db::Database& db, const std::string& user, std::size_t bytes) {
  documents::Upload u;
  u.name = "van-ban.txt";
  u.content_type = "text/plain";
  u.bytes = std::string(bytes, 'x');
  u.reading = "{}";
  u.unit_code = "SNV";
  db.write([&](db::Connection& c) { return documents::save_upload(c, u, as(user), kNow); });
}

std::int64_t uploads(db::Database& db) {
  return db.read(
      [](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM document_uploads").one().i64("n"); });
}

TEST_P(FileQuota, FilesAreChargedToTheUploadersUnitWithinItsQuota) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  db::migrate(db);
  ASSERT_TRUE(import_units(db,
                           "code,name,level,parent_code,valid_from,valid_to\n"
                           "DNI,Tỉnh Đồng Nai,province,,2004-01-01,\n"
                           "SNV,Sở Nội vụ,department,DNI,2004-01-01,\n"
                           "TD,Phường Trảng Dài,commune,DNI,2004-01-01,\n",
                           as("cli:test"), kNow)
                  .ok());
  add_user(db, {"so.noi.vu", "Cán bộ Sở", "SNV", {"unit_officer"}, "một câu dài để nhớ"}, as("cli:test"), kNow);
  add_user(db, {"trang.dai", "Cán bộ phường", "TD", {"unit_officer"}, "một câu dài để nhớ"}, as("cli:test"), kNow);
  db.write([](db::Connection& c) {
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('unit_storage_quota_mib', '1', 0)");
  });

  upload(db, "so.noi.vu", 600 * 1024);
  upload(db, "trang.dai", 100 * 1024);
  upload(db, "trang.dai", 50 * 1024);
  upload(db, "cli:admin", 5 * 1024 * 1024);  // the command line: charged to no one
  db.read([](db::Connection& c) {
    EXPECT_EQ(storage_quota(c), 1024 * 1024);
    auto all = storage_by_unit(c);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].unit_code, "SNV");  // most first
    EXPECT_EQ(all[0].bytes, 600 * 1024);
    EXPECT_EQ(all[0].files, 1);
    EXPECT_EQ(all[1].unit_code, "TD");
    EXPECT_EQ(all[1].bytes, 150 * 1024);
    EXPECT_EQ(all[1].files, 2);
    EXPECT_EQ(storage_of(c, "DNI").bytes, 0);
  });

  // 600 KiB + 424 KiB is exactly the quota; one byte more is refused, and
  // nothing of it is written. Another unit's room is its own.
  upload(db, "so.noi.vu", 424 * 1024);
  auto before = uploads(db);
  try {
    upload(db, "so.noi.vu", 1);
    ADD_FAILURE() << "over the quota";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::too_large);
    EXPECT_NE(e.message_vi().find("1,0 MB"), std::string::npos) << e.message_vi();
  }
  EXPECT_EQ(uploads(db), before);
  upload(db, "trang.dai", 800 * 1024);
  EXPECT_EQ(uploads(db), before + 1);
}

TEST(FileQuotaRules, FilesPerOwnerAndSizes) {
  EXPECT_NO_THROW(within_files(9, 10, "mỗi báo cáo"));
  try {
    within_files(10, 10, "mỗi báo cáo");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::too_large);
    EXPECT_EQ(e.message_vi(), "Tối đa 10 tệp cho mỗi báo cáo.");
  }
  struct Case {
    std::int64_t bytes;
    const char* text;
  };
  for (auto c : std::vector<Case>{{0, "0,0 KB"},
                                  {1536, "1,5 KB"},
                                  {20 * 1024, "20 KB"},
                                  {1024 * 1024, "1,0 MB"},
                                  {15 * 1024 * 1024 + 512 * 1024, "16 MB"},
                                  {std::int64_t(2048) * 1024 * 1024, "2,0 GB"}}) {
    EXPECT_EQ(format_size(c.bytes), c.text) << c.bytes;
  }
}

}  // namespace
}  // namespace cchc::directory
