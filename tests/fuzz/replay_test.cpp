// Every kept fuzz case (tests/fuzz/TARGET/, seeds and the inputs that once
// broke a parser) replayed through its target in the normal test run: a
// parser that breaks again fails here, without clang or libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/targets.h"
#include "support/paths.h"

namespace cchc::fuzz {
namespace {

int replay(const std::string& target, int (*run)(const std::uint8_t*, std::size_t)) {
  int cases = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(testing::source_dir()) / "tests/fuzz" / target)) {
    if (entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    auto bytes = s.str();
    EXPECT_NO_THROW(run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())) << entry.path();
    ++cases;
  }
  return cases;
}

TEST(FuzzCases, ReplayWithoutCrashing) {
  struct Target {
    const char* name;
    int (*run)(const std::uint8_t*, std::size_t);
  };
  for (const auto& t :
       {Target{"form", form}, Target{"csv", csv}, Target{"xlsx", xlsx}, Target{"batch", batch}, Target{"head", head},
        Target{"docx", docx}, Target{"markdown", markdown}, Target{"deadline", deadline}}) {
    EXPECT_GE(replay(t.name, t.run), 1) << t.name << ": no kept cases";
  }
}

}  // namespace
}  // namespace cchc::fuzz
