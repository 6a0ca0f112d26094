#pragma once
// The directory's plain types: the unit tree and its users.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/errors.h"

namespace cchc::directory {

struct Level {
  std::string code;  // province | department | district | commune | a province's own
  std::string name;  // Vietnamese
  int rank = 0;
  bool ranked = true;  // false: not ranked against other units (division)
};

struct Unit {
  std::string code;
  std::string name;
  std::string short_name;
  std::string level;
  std::string parent_code;  // "" for a root
  Date valid_from;
  std::optional<Date> valid_to;  // last day, inclusive
  std::vector<std::string> successor_codes;

  bool valid_on(Date d) const;
  friend bool operator==(const Unit&, const Unit&) = default;
};

// A person who signs in (directory/accounts.h: roles, passwords).
struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string unit_code;
  std::vector<std::string> roles;
  bool active = true;
  // Role -> the root of the subtree it covers, where that is not unit_code
  // (a coordinator in Sở Nội vụ coordinating the province).
  std::map<std::string, std::string> scopes;
};

using LineError = cchc::LineError;

}  // namespace cchc::directory
