#pragma once
// Files kept in the database (task evidence, report-request answers,
// inspection minutes and fixes, assessment evidence, document uploads,
// portal images, imports checked and awaiting confirmation
// (directory/staged.h)), charged to the unit of the officer who uploaded them,
// against one quota per unit: settings key `unit_storage_quota_mib`
// (kDefaultQuotaMiB unless set). Citizens' attachments are bounded by the
// feedback form's own limits and rate limits, not charged to a unit; files
// added from the command line are charged to no one.
//
// Every store that keeps a file calls make_room on its own transaction
// before it inserts: a file that would take the unit past its quota is
// refused (too_large: 413, the figures in Vietnamese), nothing written.
// Each store also caps the files of one owner (an answer, a visit, a
// report) with within_files.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace cchc::directory {

inline constexpr std::int64_t kDefaultQuotaMiB = 2048;

struct StorageUse {
  std::string unit_code;
  std::int64_t bytes = 0;
  std::int64_t files = 0;
};

// The quota of every unit, in bytes.
std::int64_t storage_quota(db::Connection& c);
// Every unit that stores any file, most bytes first.
std::vector<StorageUse> storage_by_unit(db::Connection& c);
StorageUse storage_of(db::Connection& c, const std::string& unit_code);
// Refuses `bytes` more from the unit of `actor` (a username) when they
// would pass its quota.
void make_room(db::Connection& c, const std::string& actor, std::size_t bytes);
// Refuses one file more for an owner that has `stored` of at most `max`;
// `owner_vi` names it on the page ("mỗi báo cáo").
void within_files(std::int64_t stored, std::size_t max, const std::string& owner_vi);

// "1,5 MB", "820 KB": a size for people, Vietnamese decimals.
std::string format_size(std::int64_t bytes);

}  // namespace cchc::directory
