#pragma once
// Uploads an import page has checked, kept on the server until the person
// confirms them (the dossier and feedback upload, the unit import, a plan's
// task matrix): the confirmation form carries the staged upload's id, never
// the file, so its body stays a small form whatever the file's size, and
// the file cannot be changed between the check and the import.
//
// A staged upload belongs to the user who uploaded it and their unit, is
// charged to that unit's storage quota like any stored file
// (directory/storage.h), lives kStagedLife at most and is removed by the
// import that confirms it (in the import's transaction). A user keeps at
// most kStagedPerPurpose of one purpose: staging another drops the oldest,
// so checking files over and over holds a bounded amount. Expired ones are
// purged whenever anyone stages, and by the server's housekeeping
// (app/housekeeping.h).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/dates.h"
#include "db/database.h"

namespace cchc::directory {

inline constexpr std::chrono::seconds kStagedLife{24 * 3600};
inline constexpr std::size_t kStagedPerPurpose = 3;

struct StagedUpload {
  std::string id;       // 32 lower-case hex characters
  std::string purpose;  // what it was checked for: "indicators:dossiers", "units", "plan:12"
  std::string filename;
  std::string content;  // the file's bytes
  std::string unit_code;
  std::string uploaded_by;
  Instant uploaded_at{};
};

// Keeps `content` for `actor` (a username) of `unit_code` and returns its
// id. Purges expired staged uploads and the actor's oldest of `purpose`
// beyond kStagedPerPurpose - 1 first; too_large (413, make_room) when the
// unit's quota cannot hold it, nothing written.
std::string stage_upload(db::Connection& c, const std::string& purpose, const std::string& filename,
                         std::string_view content, const std::string& actor, const std::string& unit_code, Instant now);

// The staged upload `id` when it is `actor`'s of `unit_code`, for
// `purpose`, and not expired. Otherwise invalid_input with kStagedGoneVi,
// the same for an unknown, expired, foreign or other purpose's id (an id
// tells nothing of another person's uploads).
StagedUpload staged_upload(db::Connection& c, std::string_view id, const std::string& purpose, const std::string& actor,
                           const std::string& unit_code, Instant now);

// staged_upload without its content (left empty): what a page checks
// before it hands the import to a background job, which reads the content.
StagedUpload staged_upload_head(db::Connection& c, std::string_view id, const std::string& purpose,
                                const std::string& actor, const std::string& unit_code, Instant now);

// Removes the staged uploads expired at `now`; how many.
std::int64_t purge_staged(db::Connection& c, Instant now);

// Removes a staged upload, in the transaction of its import; false when it
// was gone already (another confirmation of the same file got there first:
// the caller rolls back, so a file is imported once).
bool remove_staged(db::Connection& c, std::string_view id);

inline constexpr const char* kStagedGoneVi =
    "Tệp đã kiểm tra không còn trên máy chủ: tệp đã được nhập, đã quá 24 giờ hoặc không phải tệp bạn tải lên. "
    "Xin vui lòng tải tệp lên và kiểm tra lại.";

}  // namespace cchc::directory
