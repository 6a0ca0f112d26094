#include "directory/permissions.h"

#include <gtest/gtest.h>

#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "directory/tokens.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

// The columns of the expectations below: every role, the API token's role,
// and a role nobody has.
const std::vector<std::string> kColumns = {"admin",     "unit_officer", "unit_leader", "editor", "editorial_board",
                                           "appraiser", "viewer",       "api_client",  "nobody"};

Scope scope_letter(char c) { return c == 'P' ? Scope::province : c == 'S' ? Scope::subtree : Scope::none; }

TEST(PermissionMatrix, EveryRoleAndPermission) {
  ASSERT_EQ(std::string(kApiClientRole), "api_client");
  for (std::size_t i = 0; i < kRoles.size(); ++i) ASSERT_EQ(kRoles[i], kColumns[i]);
  // One letter a column: P the whole province, S the user's own unit and
  // below, - not held. These are the decisions of the per-role string
  // comparisons the table replaced, for every permission a route declares
  // ("public" is the authoriser's, before any role) and one nobody declares.
  struct Case {
    const char* permission;
    const char* scopes;
  } cases[] = {
      {"public", "---------"},
      {"signed_in", "PSSSPPP--"},
      {"units.read", "PSSSPPP--"},
      {"units.manage", "P--------"},
      {"users.manage", "P--------"},
      {"audit.read", "P--------"},
      {"jobs.all", "P--------"},
      {"indicators.read", "PSSSPPP--"},
      {"indicators.import", "PSS------"},
      {"indicators.manage", "P--------"},
      {"indicators.push", "-------S-"},
      {"plans.read", "PSSSPPP--"},
      {"plans.manage", "PSS------"},
      {"plans.report", "PSS------"},
      {"plans.review", "P--------"},
      {"portal.write", "P--SP----"},
      {"portal.review", "P---P----"},
      {"portal.report", "P---P-P--"},
      {"documents.read", "PSSSP----"},
      {"feedback.handle", "PSS------"},
      {"feedback.manage", "P--------"},
      {"feedback.report", "PSS---P--"},
      {"assessments.read", "PSSSPPP--"},
      {"assessments.self", "PSS------"},
      {"assessments.submit", "--S------"},
      {"assessments.appraise", "-----P---"},
      {"assessments.manage", "P--------"},
      {"inspections.read", "PSSSPPP--"},
      {"inspections.manage", "P--------"},
      {"inspections.fix", "-SS------"},
      {"nonsense", "---------"},
  };
  for (const auto& c : cases) {
    ASSERT_EQ(std::string(c.scopes).size(), kColumns.size()) << c.permission;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      SCOPED_TRACE(kColumns[i] + " " + c.permission);
      EXPECT_EQ(scope_of(kColumns[i], c.permission), scope_letter(c.scopes[i]));
      EXPECT_EQ(role_has(kColumns[i], c.permission), c.scopes[i] != '-');
    }
  }
}

TEST(PermissionMatrix, ProvinceWideRoles) {
  struct Case {
    const char* role;
    bool wide;
  } cases[] = {
      {"admin", true},   {"unit_officer", false},   {"unit_leader", false},
      {"editor", false}, {"editorial_board", true}, {"appraiser", true},
      {"viewer", true},  {"api_client", false},     {"nobody", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.role);
    EXPECT_EQ(is_province_wide(c.role), c.wide);
  }
}

class PermissionScope : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, PermissionScope, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

TEST_P(PermissionScope, ARoleReachesItsSubtreeOrTheProvince) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(import_units(*t->db,
                           "code,name,level,parent_code,valid_from,valid_to\n"
                           "DNI,Tỉnh Đồng Nai,province,,2020-01-01,\n"
                           "BH,Thành phố Biên Hòa,district,DNI,2020-01-01,\n"
                           "TD,Phường Trảng Dài,commune,BH,2020-01-01,\n"
                           "LK,Huyện Long Khánh,district,DNI,2020-01-01,\n"
                           "OLD,Phường cũ,commune,BH,2020-01-01,2025-06-30\n",
                           {"cli:test", "cli", "", "", "", {}, {}}, now_seconds())
                  .ok());
  struct Case {
    std::vector<std::string> roles;
    std::string own_unit, permission, unit;
    bool allowed;
  } cases[] = {
      // Subtree: the user's unit, what lies below it (closed units too), not
      // beside or above it.
      {{"unit_officer"}, "BH", "plans.manage", "BH", true},
      {{"unit_officer"}, "BH", "plans.manage", "TD", true},
      {{"unit_officer"}, "BH", "plans.manage", "OLD", true},
      {{"unit_officer"}, "BH", "plans.manage", "LK", false},
      {{"unit_officer"}, "BH", "plans.manage", "DNI", false},
      {{"unit_leader"}, "TD", "assessments.submit", "TD", true},
      {{"unit_leader"}, "TD", "assessments.submit", "BH", false},
      {{"editor"}, "TD", "portal.write", "TD", true},
      {{"editor"}, "TD", "portal.write", "BH", false},
      {{"api_client"}, "BH", "indicators.push", "TD", true},
      {{"api_client"}, "BH", "indicators.push", "LK", false},
      // Province: every unit, whichever the user's own.
      {{"admin"}, "TD", "units.manage", "LK", true},
      {{"viewer"}, "TD", "feedback.report", "LK", true},
      {{"editorial_board"}, "TD", "portal.write", "DNI", true},
      {{"appraiser"}, "BH", "assessments.appraise", "LK", true},
      // Not held: no unit, not even the user's own.
      {{"viewer"}, "TD", "feedback.handle", "TD", false},
      {{"editor"}, "TD", "plans.manage", "TD", false},
      {{"admin"}, "DNI", "inspections.fix", "TD", false},
      {{}, "TD", "units.read", "TD", false},
      {{"nobody"}, "TD", "units.read", "TD", false},
      // Several roles: the widest scope among those that hold it.
      {{"editor", "editorial_board"}, "TD", "portal.write", "LK", true},
      {{"editor", "viewer"}, "TD", "portal.write", "LK", false},  // the viewer does not write
      {{"unit_officer", "viewer"}, "TD", "feedback.report", "LK", true},
      {{"unit_officer", "viewer"}, "TD", "feedback.handle", "LK", false},
      {{"unit_officer", "viewer"}, "TD", "feedback.handle", "TD", true},
  };
  for (const auto& c : cases) {
    std::string roles;
    for (const auto& r : c.roles) roles += r + " ";
    SCOPED_TRACE(roles + "of " + c.own_unit + ": " + c.permission + " on " + c.unit);
    http::Principal p{1, "u", "U", c.own_unit, c.roles};
    EXPECT_EQ(may_act_on(*t->db, p, c.permission, c.unit), c.allowed);
  }
}

}  // namespace
}  // namespace cchc::directory
