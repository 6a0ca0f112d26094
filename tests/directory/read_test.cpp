#include "directory/read.h"

#include <gtest/gtest.h>

#include "db/migrate.h"
#include "directory/accounts.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::directory {
namespace {

class DirectoryRead : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, DirectoryRead, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kReader{"cli:test", "cli", "", "", "", {}, {}};

// A province with two districts; OLD was merged into TD on 2025-07-01.
void seed_tree(db::Database& db) {
  db::migrate(db);
  ASSERT_TRUE(import_units(db,
                           "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                           "DNI,Tỉnh Đồng Nai,province,,2020-01-01,,\n"
                           "BH,Thành phố Biên Hòa,district,DNI,2020-01-01,,\n"
                           "TD,Phường Trảng Dài,commune,BH,2020-01-01,,\n"
                           "OLD,Phường cũ,commune,LK,2020-01-01,2025-06-30,TD\n"
                           "LK,Huyện Long Khánh,district,DNI,2020-01-01,,\n",
                           kReader, now_seconds())
                  .ok());
}

std::vector<std::string> codes_of(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.code);
  return out;
}

TEST_P(DirectoryRead, LevelsAndUnits) {
  CCHC_TEST_DB(t, GetParam());
  seed_tree(*t->db);
  t->db->read([](db::Connection& c) {
    std::vector<std::string> levels;
    for (const auto& l : load_levels(c)) levels.push_back(l.code);
    EXPECT_EQ(levels, (std::vector<std::string>{"province", "department", "district", "commune", "division"}));
    // Divisions are units like any other, but not ranked.
    for (const auto& l : load_levels(c)) EXPECT_EQ(l.ranked, l.code != "division") << l.code;
    EXPECT_TRUE(is_level(c, "commune"));
    EXPECT_FALSE(is_level(c, "hamlet"));

    EXPECT_EQ(codes_of(load_units(c)), (std::vector<std::string>{"BH", "DNI", "LK", "OLD", "TD"}));
    EXPECT_EQ(codes_of(units_valid_on(c, parse_iso_date("2025-06-30"))),
              (std::vector<std::string>{"BH", "DNI", "LK", "OLD", "TD"}));
    EXPECT_EQ(codes_of(units_valid_on(c, parse_iso_date("2025-07-01"))),
              (std::vector<std::string>{"BH", "DNI", "LK", "TD"}));
    EXPECT_EQ(units_open_in(c, parse_iso_date("2025-06-01"), parse_iso_date("2025-08-01")),
              (std::vector<std::string>{"BH", "DNI", "LK", "OLD", "TD"}));

    auto old = find_unit(c, "OLD");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->name, "Phường cũ");
    EXPECT_EQ(old->parent_code, "LK");
    EXPECT_EQ(old->successor_codes, std::vector<std::string>{"TD"});
    EXPECT_EQ(old->valid_to, parse_iso_date("2025-06-30"));
    EXPECT_FALSE(find_unit(c, "NOPE"));
    EXPECT_TRUE(unit_exists(c, "OLD"));
    EXPECT_FALSE(unit_exists(c, "NOPE"));
    ASSERT_TRUE(province_unit(c));
    EXPECT_EQ(province_unit(c)->code, "DNI");
    EXPECT_EQ(unit_names(c).at("TD"), "Phường Trảng Dài");
  });
}

TEST_P(DirectoryRead, SubtreeWalks) {
  CCHC_TEST_DB(t, GetParam());
  seed_tree(*t->db);
  t->db->read([](db::Connection& c) {
    struct Case {
      std::string root;
      std::vector<std::string> codes;
    } cases[] = {
        {"DNI", {"BH", "DNI", "LK", "OLD", "TD"}},
        {"BH", {"BH", "OLD", "TD"}},  // OLD merged into TD, below BH
        {"TD", {"OLD", "TD"}},
        {"LK", {"LK", "OLD"}},  // OLD was below LK
        {"OLD", {"OLD"}},
        {"NOPE", {"NOPE"}},
    };
    for (const auto& k : cases) {
      SCOPED_TRACE(k.root);
      EXPECT_EQ(codes_within(c, k.root), k.codes);
    }
    EXPECT_TRUE(unit_within(c, "TD", "DNI"));
    EXPECT_TRUE(unit_within(c, "TD", "TD"));
    EXPECT_FALSE(unit_within(c, "TD", "LK"));
    EXPECT_FALSE(unit_within(c, "OLD", "BH"));  // merged, not below
  });
}

TEST_P(DirectoryRead, UsersByRoleAndMail) {
  CCHC_TEST_DB(t, GetParam());
  seed_tree(*t->db);
  auto now = now_seconds();
  const std::string password = "một câu dài để nhớ";
  auto admin = add_user(*t->db, {"admin", "Quản trị", "DNI", {"admin"}, password}, kReader, now);
  auto officer = add_user(*t->db, {"Can.Bo", "Cán bộ", "TD", {"unit_officer"}, password}, kReader, now);
  auto leader =
      add_user(*t->db, {"lanh.dao", "Lãnh đạo", "TD", {"unit_leader", "unit_officer"}, password}, kReader, now);
  auto gone = add_user(*t->db, {"da.nghi", "Đã nghỉ", "TD", {"unit_leader", "admin"}, password}, kReader, now);
  update_user(*t->db, gone.id, {"Đã nghỉ", "TD", {"unit_leader", "admin"}, false}, kReader, now);
  set_email(*t->db, officer.id, "can.bo@example.vn", kReader, now);
  set_email(*t->db, gone.id, "da.nghi@example.vn", kReader, now);
  t->db->read([&](db::Connection& c) {
    using Ids = std::vector<std::int64_t>;
    EXPECT_EQ(active_user_ids(c, {"admin"}), Ids{admin.id});
    EXPECT_EQ(active_user_ids(c, {"unit_officer", "unit_leader"}), (Ids{officer.id, leader.id}));
    EXPECT_EQ(active_user_ids(c, {}), Ids{});
    EXPECT_EQ(active_user_ids(c, "TD", {"unit_leader"}), Ids{leader.id});
    EXPECT_EQ(active_user_ids(c, "TD", {"unit_officer", "unit_leader"}), (Ids{officer.id, leader.id}));
    EXPECT_EQ(active_user_ids(c, "BH", {"unit_officer", "unit_leader"}), Ids{});  // the unit's own only
    EXPECT_EQ(active_user_ids(c, "", {"admin"}), Ids{});

    auto contacts = mail_contacts(c);
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts.at(officer.id).email, "can.bo@example.vn");
    EXPECT_EQ(contacts.at(officer.id).display_name, "Cán bộ");

    auto found = find_user(c, "CAN.BO");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, officer.id);
    EXPECT_EQ(found->unit_code, "TD");
    EXPECT_EQ(find_user(c, leader.id)->roles, (std::vector<std::string>{"unit_leader", "unit_officer"}));
    EXPECT_FALSE(find_user(c, gone.id)->active);
    EXPECT_FALSE(find_user(c, "nobody"));
    EXPECT_EQ(list_users(c).size(), 4u);
  });
}

}  // namespace
}  // namespace cchc::directory
