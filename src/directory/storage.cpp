#include "directory/storage.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"

namespace cchc::directory {

namespace {

// Every table of files charged to units: its size and uploader columns.
constexpr const char* kFiles =
    "SELECT size, uploaded_by FROM evidence_files"
    " UNION ALL SELECT size, uploaded_by FROM report_request_files"
    " UNION ALL SELECT size, uploaded_by FROM inspection_files"
    " UNION ALL SELECT size, uploaded_by FROM assessment_files"
    " UNION ALL SELECT size, uploaded_by FROM document_uploads"
    " UNION ALL SELECT size, uploaded_by FROM portal_images"
    " UNION ALL SELECT size, uploaded_by FROM staged_uploads";

std::vector<StorageUse> use_where(db::Connection& c, const std::string& where, std::vector<db::Param> params) {
  std::vector<StorageUse> out;
  for (const auto& r :
       c.query(fmt::format("SELECT u.unit_code, CAST(SUM(f.size) AS BIGINT) AS bytes, COUNT(*) AS files FROM ({}) f "
                           "JOIN users u ON u.username = f.uploaded_by{} GROUP BY u.unit_code "
                           "ORDER BY bytes DESC, u.unit_code",
                           kFiles, where),
               params)
           .rows) {
    out.push_back({r.str("unit_code"), r.i64("bytes"), r.i64("files")});
  }
  return out;
}

}  // namespace

std::int64_t storage_quota(db::Connection& c) {
  auto rows = c.query("SELECT value FROM settings WHERE key = 'unit_storage_quota_mib'").rows;
  auto mib = rows.empty() ? std::nullopt : parse_int<std::int64_t>(rows.front().str("value"));
  return (mib && *mib > 0 ? *mib : kDefaultQuotaMiB) * 1024 * 1024;
}

std::vector<StorageUse> storage_by_unit(db::Connection& c) { return use_where(c, "", {}); }

StorageUse storage_of(db::Connection& c, const std::string& unit_code) {
  auto use = use_where(c, " WHERE u.unit_code = ?", {unit_code});
  return use.empty() ? StorageUse{unit_code, 0, 0} : use.front();
}

void make_room(db::Connection& c, const std::string& actor, std::size_t bytes) {
  auto user = c.query("SELECT unit_code FROM users WHERE username = ?", {actor}).rows;
  if (user.empty()) return;  // the command line, the system
  auto quota = storage_quota(c);
  auto used = storage_of(c, user.front().str("unit_code")).bytes;
  if (used + std::int64_t(bytes) <= quota) return;
  throw too_large(fmt::format("the unit's files would pass its storage quota ({} of {} bytes used)", used, quota),
                  fmt::format("Đơn vị đã dùng {} trong {} dung lượng lưu tệp, không đủ chỗ cho tệp {}. Xin vui lòng "
                              "liên hệ quản trị viên.",
                              format_size(used), format_size(quota), format_size(std::int64_t(bytes))));
}

void within_files(std::int64_t stored, std::size_t max, const std::string& owner_vi) {
  if (stored < std::int64_t(max)) return;
  throw too_large(fmt::format("at most {} files", max), fmt::format("Tối đa {} tệp cho {}.", max, owner_vi));
}

std::string format_size(std::int64_t bytes) {
  if (bytes < 1024 * 1024) return text::format_decimal(double(bytes) / 1024, bytes < 10 * 1024 ? 1 : 0) + " KB";
  if (bytes < std::int64_t(1024) * 1024 * 1024)
    return text::format_decimal(double(bytes) / (1024 * 1024), bytes < 10 * 1024 * 1024 ? 1 : 0) + " MB";
  return text::format_decimal(double(bytes) / (1024.0 * 1024 * 1024), 1) + " GB";
}

}  // namespace cchc::directory
