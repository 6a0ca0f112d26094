#pragma once
// Where the tests find the source tree and the `cchc` binary, fixed when the
// tests are built. Only paths.cpp is compiled with them: no other test
// object names the clone's path, so the compiler cache serves every clone.
#include <string>

namespace cchc::testing {

const std::string& source_dir();   // the source tree, e.g. "/work/main"
const std::string& cchc_binary();  // the `cchc` built beside the tests

}  // namespace cchc::testing
