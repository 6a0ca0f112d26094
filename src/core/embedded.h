#pragma once
// Files compiled into the binary (see cmake/embed.cmake): the holiday calendar
// and the database migrations, so a deployed `cchc` needs no data directory
// for them.
#include <string_view>
#include <vector>

namespace cchc::embedded {

struct File {
  std::string_view name;  // path relative to the source tree
  std::string_view contents;
};

const std::vector<File>& files();
// The contents of one embedded file by its path; throws internal when the
// binary was built without it.
std::string_view file(std::string_view name);

}  // namespace cchc::embedded
