#include <gtest/gtest.h>

#include "directory/rules.h"

namespace cchc::directory {
namespace {

TEST(SelfLockout, OnlyOwnAccountInactiveOrWithoutAdmin) {
  struct Case {
    const char* what;
    bool own_account;
    bool stays_active;
    std::vector<std::string> roles;
    bool locks_out;
  };
  const Case cases[] = {
      {"own account kept active and admin", true, true, {"admin"}, false},
      {"own account with more roles", true, true, {"viewer", "admin", "editor"}, false},
      {"own account locked", true, false, {"admin"}, true},
      {"own account losing admin", true, true, {"viewer"}, true},
      {"own account with no role", true, true, {}, true},
      {"own account locked and losing admin", true, false, {}, true},
      {"another's account locked", false, false, {"admin"}, false},
      {"another's account losing admin", false, true, {"viewer"}, false},
      {"another's account with no role, locked", false, false, {}, false},
      {"a role named like admin is not admin", true, true, {"admins", "Admin"}, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(locks_self_out(c.own_account, c.stays_active, c.roles), c.locks_out) << c.what;
  }
}

}  // namespace
}  // namespace cchc::directory
