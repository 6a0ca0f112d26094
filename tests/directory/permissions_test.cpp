#include "directory/permissions.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "directory/tokens.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

// The columns of the expectations below: every role, the API token's role,
// and a role nobody has.
const std::vector<std::string> kColumns = {"admin",           "coordinator", "unit_officer", "unit_leader", "editor",
                                           "editorial_board", "appraiser",   "viewer",       "api_client",  "nobody"};

Scope scope_letter(char c) { return c == 'P' ? Scope::province : c == 'S' ? Scope::subtree : Scope::none; }

TEST(PermissionMatrix, EveryRoleAndPermission) {
  ASSERT_EQ(std::string(kApiClientRole), "api_client");
  for (std::size_t i = 0; i < kRoles.size(); ++i) ASSERT_EQ(kRoles[i], kColumns[i]);
  // One letter a column: P the whole province, S the user's own unit and
  // below (or the subtree a grant names), - not held; for every permission
  // a route declares ("public" is the authoriser's, before any role) and
  // one nobody declares. The administrator keeps the system and reads
  // everything; the coordinator runs reform for its subtree (issue 36).
  struct Case {
    const char* permission;
    const char* scopes;
  } cases[] = {
      {"public", "----------"},
      {"signed_in", "PSSSSPPP--"},
      {"units.read", "PSSSSPPP--"},
      {"units.manage", "P---------"},
      {"users.manage", "P---------"},
      {"audit.read", "P---------"},
      {"jobs.all", "P---------"},
      {"settings.manage", "P---------"},
      {"indicators.read", "PSSSSPPP--"},
      {"indicators.import", "PSSS------"},
      {"indicators.manage", "P---------"},
      {"indicators.targets", "-S--------"},
      {"indicators.push", "--------S-"},
      {"plans.read", "PSSSSPPP--"},
      {"plans.manage", "-SSS------"},
      {"plans.report", "-SSS------"},
      {"plans.review", "-S--------"},
      {"portal.write", "P---SP----"},
      {"portal.review", "P----P----"},
      {"portal.report", "PS---P-P--"},
      {"documents.read", "PSSSSP----"},
      {"feedback.handle", "P-SS------"},
      {"feedback.manage", "P---------"},
      {"feedback.report", "PSSS---P--"},
      {"assessments.read", "PSSSSPPP--"},
      {"assessments.self", "--SS------"},
      {"assessments.submit", "---S------"},
      {"assessments.appraise", "------P---"},
      {"assessments.manage", "-S--------"},
      {"inspections.read", "PSSSSPPP--"},
      {"inspections.manage", "-S--------"},
      {"inspections.fix", "--SS------"},
      {"nonsense", "----------"},
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
      {"admin", true},       {"coordinator", false},    {"unit_officer", false}, {"unit_leader", false},
      {"editor", false},     {"editorial_board", true}, {"appraiser", true},     {"viewer", true},
      {"api_client", false}, {"nobody", false},
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
    std::map<std::string, std::string> scopes = {};
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
      // A coordinator: its unit's subtree, or the wider one its grant names;
      // the grant's scope is the coordinator role's alone.
      {{"coordinator"}, "BH", "plans.review", "TD", true},
      {{"coordinator"}, "BH", "plans.review", "BH", true},
      {{"coordinator"}, "BH", "plans.review", "LK", false},
      {{"coordinator"}, "BH", "plans.review", "DNI", false},
      {{"coordinator"}, "TD", "plans.review", "LK", true, {{"coordinator", "DNI"}}},
      {{"coordinator"}, "TD", "inspections.manage", "DNI", true, {{"coordinator", "DNI"}}},
      {{"coordinator"}, "TD", "plans.review", "LK", false, {{"coordinator", "BH"}}},
      {{"coordinator"}, "TD", "plans.review", "OLD", true, {{"coordinator", "BH"}}},
      {{"coordinator", "unit_officer"}, "TD", "plans.report", "LK", true, {{"coordinator", "DNI"}}},
      {{"coordinator", "unit_officer"}, "TD", "feedback.handle", "LK", false, {{"coordinator", "DNI"}}},
      {{"coordinator", "unit_officer"}, "TD", "feedback.handle", "TD", true, {{"coordinator", "DNI"}}},
      {{"unit_officer"}, "TD", "plans.report", "LK", false, {{"coordinator", "DNI"}}},  // no coordinator role
      {{"coordinator"}, "BH", "users.manage", "BH", false},
      // The administrator keeps the system, not the coordinator's work.
      {{"admin"}, "DNI", "plans.review", "TD", false},
      {{"admin"}, "DNI", "assessments.manage", "DNI", false},
  };
  for (const auto& c : cases) {
    std::string roles;
    for (const auto& r : c.roles) roles += r + " ";
    SCOPED_TRACE(roles + "of " + c.own_unit + ": " + c.permission + " on " + c.unit);
    http::Principal p{1, "u", "U", c.own_unit, c.roles, c.scopes};
    EXPECT_EQ(may_act_on(*t->db, p, c.permission, c.unit), c.allowed);
    // within() over reach() is the same decision.
    EXPECT_EQ(t->db->read([&](db::Connection& conn) { return within(conn, reach(p, c.permission), c.unit); }),
              c.allowed);
  }
  // Settings for the whole province: a coordinator whose subtree holds the
  // province's root.
  struct Province {
    std::vector<std::string> roles;
    std::string own_unit;
    std::map<std::string, std::string> scopes;
    bool allowed;
  } province[] = {
      {{"coordinator"}, "DNI", {}, true}, {{"coordinator"}, "TD", {{"coordinator", "DNI"}}, true},
      {{"coordinator"}, "BH", {}, false}, {{"coordinator"}, "TD", {{"coordinator", "BH"}}, false},
      {{"admin"}, "DNI", {}, false},      {{"unit_officer"}, "DNI", {}, false},
  };
  for (const auto& c : province) {
    SCOPED_TRACE(c.roles[0] + " of " + c.own_unit);
    http::Principal p{1, "u", "U", c.own_unit, c.roles, c.scopes};
    EXPECT_EQ(may_act_on_province(*t->db, p, "indicators.targets"), c.allowed);
  }
  // The units of a reach, for filtering lists: the subtree under each root,
  // units merged into it too.
  auto codes = [&](const http::Principal& p, const char* permission) {
    return t->db->read([&](db::Connection& conn) { return codes_within(conn, reach(p, permission)); });
  };
  using Codes = std::set<std::string>;
  EXPECT_EQ(codes({1, "u", "U", "BH", {"coordinator"}, {}}, "plans.review"), (Codes{"BH", "OLD", "TD"}));
  EXPECT_EQ(codes({1, "u", "U", "TD", {"coordinator", "unit_officer"}, {}}, "plans.report"), (Codes{"TD"}));
  EXPECT_EQ(codes({1, "u", "U", "TD", {"coordinator", "unit_officer"}, {{"coordinator", "LK"}}}, "plans.report"),
            (Codes{"LK", "TD"}));
  EXPECT_EQ(codes({1, "u", "U", "TD", {"admin"}, {}}, "units.read"), std::nullopt);
  // The province's coordinator: every unit, no list.
  EXPECT_EQ(codes({1, "u", "U", "TD", {"coordinator"}, {{"coordinator", "DNI"}}}, "plans.review"), std::nullopt);
  EXPECT_EQ(codes({1, "u", "U", "DNI", {"coordinator"}, {}}, "plans.review"), std::nullopt);
  EXPECT_EQ(codes({1, "u", "U", "TD", {"editor"}, {}}, "plans.review"), Codes{});
}

}  // namespace
}  // namespace cchc::directory
