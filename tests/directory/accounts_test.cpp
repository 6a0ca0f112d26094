#include "directory/accounts.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <map>

#include "core/errors.h"
#include "db/migrate.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/signin.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

TEST(Passwords, Rules) {
  struct Case {
    std::string password;
    bool ok;
  } cases[] = {
      {"short", false},
      {"elevenchars", false},  // 11
      {"twelve chars", true},  // 12, spaces allowed
      {"mật khẩu dài", true},  // 12 code points, more bytes
      {"mật khẩu dà", false},  // 11 code points
      {std::string(128, 'x'), true},
      {std::string(129, 'x'), false},
      {"123456789012", false},  // common
      {"PASSWORD1234", false},  // common, any case
      {"ticketmaster", false},
      {"qwertyqwerty", false},                 // breached (SecLists), not among zxcvbn's
      {"QwertyQwerty", false},                 // breached, any case
      {".Overlords444", false},                // the breached list's far end
      {"hoàng hôn trên sông Đồng Nai", true},  // a passphrase, no composition rules
      {std::string(12, ' '), false},           // only white space
      {"\t \t \t \t \t \t \n ", false},
      {"   a  b   c   ", true},  // white space around words is the user's own
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.password);
    EXPECT_EQ(password_problem(c.password, "someone").empty(), c.ok) << password_problem(c.password, "someone");
  }
  EXPECT_EQ(password_problem("nguyen.van.an", "Nguyen.Van.An"), "Mật khẩu không được trùng với tên đăng nhập.");
  std::string en;
  EXPECT_EQ(password_problem("short", "x", &en), "Mật khẩu phải có ít nhất 12 ký tự.");
  EXPECT_EQ(en, "password must have at least 12 characters");
}

TEST(Passwords, Argon2idHashing) {
  auto h = hash_password("hoàng hôn trên sông");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "hoàng hôn trên sông"));
  EXPECT_FALSE(verify_password(h, "hoàng hôn trên sông!"));
  EXPECT_NE(hash_password("hoàng hôn trên sông"), h);  // salted
  EXPECT_FALSE(needs_rehash(h));
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "x", 1, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(needs_rehash(weak));
  auto g = generate_password();
  EXPECT_EQ(g.size(), 16u);
  EXPECT_TRUE(password_problem(g, "x").empty());
  EXPECT_NE(generate_password(), g);
}

TEST(Roles, PermissionTable) {
  struct Case {
    const char* role;
    const char* permission;
    bool held;
  } cases[] = {
      {"admin", "users.manage", true},
      {"admin", "audit.read", true},
      {"admin", "units.read", true},
      {"unit_officer", "units.read", true},
      {"unit_officer", "users.manage", false},
      {"unit_officer", "audit.read", false},
      {"viewer", "units.read", true},
      {"viewer", "units.manage", false},
      {"editor", "signed_in", true},
      {"nobody", "signed_in", false},
      {"viewer", "indicators.read", true},
      {"viewer", "indicators.import", false},
      {"unit_officer", "indicators.import", true},
      {"unit_leader", "indicators.import", true},
      {"editor", "indicators.import", false},
      {"unit_officer", "indicators.manage", false},
      {"admin", "indicators.manage", true},
      {"admin", "indicators.push", false},
      {"api_client", "indicators.push", true},
      {"api_client", "indicators.read", false},
      {"api_client", "signed_in", false},
      {"viewer", "inspections.read", true},
      {"admin", "inspections.manage", false},
      {"coordinator", "inspections.manage", true},
      {"coordinator", "users.manage", false},
      {"unit_leader", "inspections.manage", false},
      {"unit_officer", "inspections.fix", true},
      {"unit_leader", "inspections.fix", true},
      {"admin", "inspections.fix", false},  // the team decides; it does not report for the unit
      {"editor", "inspections.fix", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.role) + " " + c.permission);
    EXPECT_EQ(role_has(c.role, c.permission), c.held);
  }
  EXPECT_TRUE(is_province_wide("admin"));
  EXPECT_TRUE(is_province_wide("viewer"));
  EXPECT_FALSE(is_province_wide("unit_officer"));
  EXPECT_FALSE(is_province_wide("unit_leader"));
  EXPECT_FALSE(is_province_wide("editor"));
}

class Accounts : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, Accounts, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

void seed(db::Database& db) {
  db::migrate(db);
  ASSERT_TRUE(import_units(db,
                           "code,name,level,parent_code,valid_from,valid_to\n"
                           "DNI,Tỉnh Đồng Nai,province,,2020-01-01,\n"
                           "BH,Thành phố Biên Hòa,district,DNI,2020-01-01,\n"
                           "TD,Phường Trảng Dài,commune,BH,2020-01-01,\n"
                           "TH,Phường Tam Hiệp,commune,BH,2020-01-01,\n"
                           "OLD,Phường cũ,commune,BH,2020-01-01,2025-06-30\n",
                           kWho, now_seconds())
                  .ok());
}

TEST_P(Accounts, AddUserValidates) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  auto now = now_seconds();
  auto u =
      add_user(*t->db, {"Can.Bo", "Cán bộ", "TD", {"unit_officer", "unit_officer"}, "một câu dài để nhớ"}, kWho, now);
  EXPECT_EQ(u.username, "can.bo");
  EXPECT_EQ(u.roles, std::vector<std::string>{"unit_officer"});
  struct Bad {
    NewUser nu;
    ErrorKind kind;
  } bad[] = {
      {{"can.bo", "x", "TD", {"viewer"}, "một câu dài để nhớ"}, ErrorKind::conflict},
      {{"x", "x", "TD", {"viewer"}, "một câu dài để nhớ"}, ErrorKind::invalid_input},
      {{"new.user", "x", "NOPE", {"viewer"}, "một câu dài để nhớ"}, ErrorKind::invalid_input},
      {{"new.user", "x", "OLD", {"viewer"}, "một câu dài để nhớ"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {"king"}, "một câu dài để nhớ"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {}, "một câu dài để nhớ"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {"viewer"}, "short"}, ErrorKind::invalid_input},
      // A coordinated subtree: only for a coordinator, an open unit holding
      // the user's own.
      {{"new.user", "x", "TD", {"viewer"}, "một câu dài để nhớ", "DNI"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {"coordinator"}, "một câu dài để nhớ", "TH"}, ErrorKind::invalid_input},  // beside
      {{"new.user", "x", "BH", {"coordinator"}, "một câu dài để nhớ", "TD"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {"coordinator"}, "một câu dài để nhớ", "OLD"}, ErrorKind::invalid_input},
      {{"new.user", "x", "TD", {"coordinator"}, "một câu dài để nhớ", "NOPE"}, ErrorKind::invalid_input},
  };
  for (const auto& b : bad) {
    SCOPED_TRACE(b.nu.username + " " + b.nu.unit_code);
    try {
      add_user(*t->db, b.nu, kWho, now);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), b.kind) << e.what();
      EXPECT_FALSE(e.message_vi().empty());
    }
  }
  EXPECT_EQ(list_users(*t->db).size(), 1u);
}

TEST_P(Accounts, ACoordinatorsSubtreeAndWhoAnswersForAUnit) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  auto now = now_seconds();
  const std::string pw = "một câu dài để nhớ";
  // The province's coordinator works in a district (BH) and covers DNI; the
  // district's own coordinator covers BH.
  auto province = add_user(*t->db, {"snv.dieuphoi", "", "BH", {"coordinator", "unit_officer"}, pw, "DNI"}, kWho, now);
  auto district = add_user(*t->db, {"bh.dieuphoi", "", "BH", {"coordinator"}, pw}, kWho, now);
  auto inactive = add_user(*t->db, {"bh.cu", "", "BH", {"coordinator"}, pw}, kWho, now);
  update_user(*t->db, inactive.id, {"bh.cu", "BH", {"coordinator"}, false}, kWho, now);
  EXPECT_EQ(province.scopes, (std::map<std::string, std::string>{{"coordinator", "DNI"}}));
  EXPECT_TRUE(district.scopes.empty());
  auto found = find_user(*t->db, "snv.dieuphoi");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->scopes, province.scopes);
  struct Case {
    const char* unit;
    std::vector<std::int64_t> answer;
  } cases[] = {
      {"TD", {district.id}},                           // the district's coordinator, nearest above
      {"OLD", {district.id}}, {"BH", {province.id}},   // its own reports go up to the province
      {"TH", {district.id}},  {"DNI", {province.id}},  // nothing above the province: its own
      {"NOPE", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.unit);
    EXPECT_EQ(t->db->read([&](db::Connection& conn) { return coordinators_over(conn, c.unit); }), c.answer);
  }
  // A role kept keeps its scope; one dropped loses it; a move out of the
  // scope drops it (the role stays, over the new unit's subtree).
  auto kept = update_user(*t->db, province.id, {"Điều phối", "TD", {"coordinator"}, true}, kWho, now);
  EXPECT_EQ(kept.scopes, province.scopes);
  EXPECT_EQ(find_user(*t->db, province.id)->scopes, province.scopes);
  auto dropped = update_user(*t->db, province.id, {"Điều phối", "TD", {"unit_officer"}, true}, kWho, now);
  EXPECT_TRUE(dropped.scopes.empty());
  // A scope set on the change: a wider root, back to the unit, refused
  // beside the unit or without the role.
  auto set = [&](std::optional<std::string> scope, std::vector<std::string> roles = {"coordinator"}) {
    return update_user(*t->db, district.id, {"x", "TD", roles, true, scope}, kWho, now).scopes;
  };
  using Scopes = std::map<std::string, std::string>;
  EXPECT_EQ(set("BH"), (Scopes{{"coordinator", "BH"}}));
  EXPECT_EQ(set(std::nullopt), (Scopes{{"coordinator", "BH"}}));  // kept
  EXPECT_EQ(set("TD"), Scopes{});                                 // its own unit: no scope stored
  EXPECT_EQ(set("BH"), (Scopes{{"coordinator", "BH"}}));
  EXPECT_EQ(set(""), Scopes{});
  for (const auto& [scope, roles] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"TH", {"coordinator"}}, {"DNI", {"unit_officer"}}, {"NOPE", {"coordinator"}}}) {
    SCOPED_TRACE(scope);
    try {
      set(scope, roles);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    }
  }
  EXPECT_TRUE(find_user(*t->db, district.id)->scopes.empty());  // the refused changes wrote nothing
  auto mover = add_user(*t->db, {"td.dieuphoi", "", "TD", {"coordinator"}, pw, "BH"}, kWho, now);
  EXPECT_EQ(mover.scopes.at("coordinator"), "BH");
  auto moved = update_user(*t->db, mover.id, {"x", "DNI", {"coordinator"}, true}, kWho, now);
  EXPECT_TRUE(moved.scopes.empty());
}

TEST(NewUsers, CheckedAndHashedBeforeTheirTransaction) {
  struct Case {
    NewUser in;
    std::string username, display_name;  // empty: refused (invalid_input)
    std::vector<std::string> roles;
  } cases[] = {
      {{"Can.Bo", "Cán bộ", "TD", {"viewer", "admin", "viewer"}, "một câu dài để nhớ"},
       "can.bo",
       "Cán bộ",
       {"admin", "viewer"}},
      {{"an_nguyen-2", "", "TD", {"editor"}, "một câu dài để nhớ"}, "an_nguyen-2", "an_nguyen-2", {"editor"}},
      {{"ab", "x", "TD", {"viewer"}, "một câu dài để nhớ"}, "", "", {}},
      {{std::string(65, 'a'), "x", "TD", {"viewer"}, "một câu dài để nhớ"}, "", "", {}},
      {{"an nguyen", "x", "TD", {"viewer"}, "một câu dài để nhớ"}, "", "", {}},
      {{"an.nguyen", "x", "TD", {}, "một câu dài để nhớ"}, "", "", {}},
      {{"an.nguyen", "x", "TD", {"king"}, "một câu dài để nhớ"}, "", "", {}},
      {{"an.nguyen", "x", "TD", {"viewer"}, "short"}, "", "", {}},
      {{"an.nguyen", "x", "TD", {"viewer"}, "AN.NGUYEN"}, "", "", {}},                    // too short and the username
      {{"nguyen.van.an.2026", "x", "TD", {"viewer"}, "Nguyen.Van.An.2026"}, "", "", {}},  // the username
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in.username + " / " + c.in.password);
    if (c.username.empty()) {
      try {
        check_new_user(c.in);
        ADD_FAILURE() << "accepted";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_input) << e.what();
      }
      continue;
    }
    auto checked = check_new_user(c.in);
    EXPECT_EQ(checked.username, c.username);
    EXPECT_EQ(checked.display_name, c.display_name);
    EXPECT_EQ(checked.unit_code, c.in.unit_code);
    EXPECT_EQ(checked.roles, c.roles);
    EXPECT_TRUE(verify_password(checked.password.value, c.in.password));
  }
}

TEST_P(Accounts, AUserAndItsAddressAreWrittenTogether) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  auto now = now_seconds();
  auto checked = check_new_user({"an.nguyen", "An", "TD", {"viewer"}, "một câu dài để nhớ"});
  EXPECT_THROW(t->db->write([&](db::Connection& c) {
    auto u = add_user(c, checked, kWho, now);
    set_email(c, u.id, "not an address", kWho, now);
  }),
               Error);
  EXPECT_TRUE(list_users(*t->db).empty());
  auto u = t->db->write([&](db::Connection& c) {
    auto added = add_user(c, checked, kWho, now);
    set_email(c, added.id, "an.nguyen@example.vn", kWho, now);
    return added;
  });
  auto contacts = t->db->read([](db::Connection& c) { return mail_contacts(c); });
  EXPECT_EQ(contacts[u.id].email, "an.nguyen@example.vn");
}

TEST_P(Accounts, SignInThrottlesAfterFiveFailures) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  Instant now = now_seconds();
  add_user(*t->db, {"an.nguyen", "An", "TD", {"unit_officer"}, "một câu dài để nhớ"}, kWho, now);
  EXPECT_EQ(check_sign_in(*t->db, "AN.Nguyen", "một câu dài để nhớ", "10.0.0.1", now).outcome, SignIn::Outcome::ok);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(check_sign_in(*t->db, "an.nguyen", "wrong password!", "10.0.0.1", now + std::chrono::seconds(i)).outcome,
              SignIn::Outcome::bad_credentials);
  }
  // The sixth attempt is refused, even with the right password.
  EXPECT_EQ(
      check_sign_in(*t->db, "an.nguyen", "một câu dài để nhớ", "10.0.0.1", now + std::chrono::seconds(10)).outcome,
      SignIn::Outcome::throttled);
  // Another address is not affected; the same address is after 15 minutes.
  EXPECT_EQ(check_sign_in(*t->db, "an.nguyen", "một câu dài để nhớ", "10.0.0.2", now).outcome, SignIn::Outcome::ok);
  EXPECT_EQ(
      check_sign_in(*t->db, "an.nguyen", "một câu dài để nhớ", "10.0.0.1", now + std::chrono::minutes(16)).outcome,
      SignIn::Outcome::ok);
  // Unknown users look the same as wrong passwords.
  EXPECT_EQ(check_sign_in(*t->db, "nobody", "một câu dài để nhớ", "10.0.0.1", now).outcome,
            SignIn::Outcome::bad_credentials);
  auto log = audit::list(*t->db, {.action = "sign_in_failed"});
  EXPECT_EQ(log.size(), 6u);
  EXPECT_EQ(audit::list(*t->db, {.action = "sign_in_throttled"}).size(), 1u);
  EXPECT_TRUE(audit::verify(*t->db).ok);
}

TEST_P(Accounts, WeakHashesAreUpgradedAtSignIn) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  auto u = add_user(*t->db, {"an.nguyen", "An", "TD", {"viewer"}, "một câu dài để nhớ"}, kWho, now_seconds());
  char weak[crypto_pwhash_STRBYTES];
  std::string pw = "một câu dài để nhớ";
  ASSERT_EQ(crypto_pwhash_str_alg(weak, pw.data(), pw.size(), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  t->db->write([&](db::Connection& c) {
    c.query("UPDATE users SET password_hash = ? WHERE id = ?", {std::string(weak), u.id});
  });
  EXPECT_EQ(check_sign_in(*t->db, "an.nguyen", pw, "a", now_seconds()).outcome, SignIn::Outcome::ok);
  auto now_hash = password_hash_of(*t->db, u.id);
  EXPECT_NE(*now_hash, std::string(weak));
  EXPECT_FALSE(needs_rehash(*now_hash));
  EXPECT_TRUE(verify_password(*now_hash, pw));
}

TEST_P(Accounts, ScopeFollowsTheUnitTree) {
  CCHC_TEST_DB(t, GetParam());
  seed(*t->db);
  http::Principal officer{1, "o", "O", "BH", {"unit_officer"}};
  EXPECT_TRUE(may_act_on(*t->db, officer, "units.read", "BH"));
  EXPECT_TRUE(may_act_on(*t->db, officer, "units.read", "TD"));
  EXPECT_FALSE(may_act_on(*t->db, officer, "units.read", "DNI"));
  EXPECT_FALSE(may_act_on(*t->db, officer, "users.manage", "TD"));
  http::Principal commune{2, "c", "C", "TD", {"unit_leader"}};
  EXPECT_TRUE(may_act_on(*t->db, commune, "units.read", "TD"));
  EXPECT_FALSE(may_act_on(*t->db, commune, "units.read", "TH"));
  http::Principal viewer{3, "v", "V", "TD", {"viewer"}};
  EXPECT_TRUE(may_act_on(*t->db, viewer, "units.read", "TH"));
  EXPECT_FALSE(may_act_on(*t->db, viewer, "units.manage", "TH"));
}

}  // namespace
}  // namespace cchc::directory
