// Plans owed: who must issue a plan, and the register's states, as tables;
// and the register read back from the store on both backends.
#include "coordination/register.h"

#include <gtest/gtest.h>

#include "db/migrate.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::coordination {
namespace {

Plan child(std::int64_t id, const char* unit, const char* status, const char* issued) {
  Plan p;
  p.id = id;
  p.number = std::to_string(id) + "/KH-UBND";
  p.unit_code = unit;
  p.status = status;
  if (issued) p.issued_on = parse_iso_date(issued);
  return p;
}

TEST(PlansOwed, WhoMustIssueAndWhatTheRegisterSays) {
  std::vector<UnitRow> units = {{"P", "Tỉnh", "", "province", true},
                                {"SNV", "Sở Nội vụ", "P", "department", true},
                                {"A", "Xã A", "P", "commune", true},
                                {"B", "Xã B", "P", "commune", true},
                                {"C", "Xã C", "P", "commune", true},
                                {"D", "Xã D", "P", "commune", true},
                                {"E", "Xã E (đã nhập)", "P", "commune", false},
                                {"F", "Xã F", "P", "commune", true}};
  Requirement r{1, {"commune"}, {"SNV"}, parse_iso_date("2024-02-29")};
  auto required = required_units(r, units, "P");
  EXPECT_EQ(required, (std::vector<std::string>{"SNV", "A", "B", "C", "D", "F"}));  // a closed unit never
  std::vector<Plan> children = {
      child(11, "A", "issued", "2024-02-20"),  // on time
      child(12, "B", "issued", "2024-03-05"),  // late
      child(13, "C", "draft", "2024-02-10"),   // a draft does not count
      child(14, "D", "closed", "2024-02-29"),  // the due day itself is on time
      child(15, "D", "issued", "2024-01-31"),  // the earliest counts
      child(16, "F", "issued", nullptr),       // no date: cannot prove it was on time
  };
  struct Case {
    const char* today;
    std::vector<std::string> states;  // SNV, A, B, C, D, F
  } cases[] = {
      {"2024-02-15", {"pending", "on_time", "late", "pending", "on_time", "late"}},
      {"2024-03-01", {"missing", "on_time", "late", "missing", "on_time", "late"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.today);
    auto rows = register_rows(r, required, children, parse_iso_date(c.today));
    std::vector<std::string> states;
    for (const auto& row : rows) states.push_back(row.state);
    EXPECT_EQ(states, c.states);
    EXPECT_EQ(rows[4].plan->id, 15);
  }
}

class RegisterStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, RegisterStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

TEST_P(RegisterStore, TheRegisterOfAPlan) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  Instant now = start_of_day(parse_iso_date("2024-01-10")) + std::chrono::hours{9};
  ASSERT_TRUE(directory::import_units(*t->db,
                                      "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
                                      "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
                                      "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
                                      "X1,Xã Một,commune,P,2004-01-01,,\n"
                                      "X2,Xã Hai,commune,P,2004-01-01,,\n",
                                      kWho, now)
                  .ok());
  Plan p;
  p.number = "12/KH-UBND";
  p.unit_code = "P";
  p.title = "Kế hoạch tuyên truyền cải cách hành chính năm 2024";
  p.year = 2024;
  p.issued_on = parse_iso_date("2024-01-10");
  p.status = "issued";
  p = create_plan(*t->db, p, kWho, now);
  EXPECT_THROW(set_requirement(*t->db, {p.id, {"nowhere"}, {}, parse_iso_date("2024-02-29")}, kWho, now), Error);
  EXPECT_THROW(set_requirement(*t->db, {p.id, {"commune"}, {}, parse_iso_date("2024-01-01")}, kWho, now), Error);
  set_requirement(*t->db, {p.id, {"commune"}, {}, parse_iso_date("2024-02-29")}, kWho, now);
  Plan own;
  own.number = "5/KH-UBND";
  own.unit_code = "X1";
  own.title = "Kế hoạch tuyên truyền của xã";
  own.year = 2024;
  own.parent_id = p.id;
  own.issued_on = parse_iso_date("2024-02-01");
  own.status = "issued";
  create_plan(*t->db, own, kWho, now);
  auto rows = t->db->read([&](db::Connection& c) { return plan_register(c, p, parse_iso_date("2024-03-01")); });
  ASSERT_EQ(rows.size(), 2u);  // by name: Hai, Một
  EXPECT_EQ(rows[0].unit_code, "X2");
  EXPECT_EQ(rows[0].state, "missing");
  EXPECT_EQ(rows[1].state, "on_time");
  EXPECT_EQ(rows[1].plan->number, "5/KH-UBND");
  auto owed = t->db->read([&](db::Connection& c) { return plans_owed_by(c, "X2", parse_iso_date("2024-03-01")); });
  ASSERT_EQ(owed.size(), 1u);
  EXPECT_EQ(owed[0].first.number, "12/KH-UBND");
  EXPECT_TRUE(
      t->db->read([&](db::Connection& c) { return plans_owed_by(c, "X1", parse_iso_date("2024-03-01")); }).empty());
  // No level and no unit: the requirement goes.
  set_requirement(*t->db, {p.id, {}, {}, {}}, kWho, now);
  EXPECT_TRUE(
      t->db->read([&](db::Connection& c) { return plan_register(c, p, parse_iso_date("2024-03-01")); }).empty());
}

}  // namespace
}  // namespace cchc::coordination
