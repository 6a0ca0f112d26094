// How the app wires capabilities, on both backends: the plan a document's
// review page makes is written whole, with its tasks and objectives, or not
// at all (no plan, task, objective or audit entry left by a draft that fails
// midway).
#include "app/sources.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "directory/store.h"
#include "support/test_db.h"

namespace cchc::app {
namespace {

class DocumentSinks : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, DocumentSinks, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kWho{"cli:test", "cli", "", "", "", {}, {}};

const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
    "STP,Sở Tư pháp,department,P,2004-01-01,,\n";

std::int64_t count(db::Database& db, const std::string& table) {
  return db.read([&](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM " + table).one().i64("n"); });
}

TEST_P(DocumentSinks, APlanFromADocumentIsWrittenWholeOrNotAtAll) {
  CCHC_TEST_DB(t, GetParam());
  db::migrate(*t->db);
  ASSERT_TRUE(directory::import_units(*t->db, kUnits, kWho, Instant{}).ok());
  auto sinks = document_sinks(*t->db);
  const std::string area = sinks.plan_areas().at(0).first;

  const documents::PlanTask good{"Rà soát thủ tục hành chính", "Quý IV/2026", "STP"};
  const documents::PlanTask unreadable{"Số hóa hồ sơ", "khi nào xong thì thôi", "SNV"};
  const documents::PlanTask no_lead{"Công khai thủ tục", "Trong năm 2026", "KHONG-CO"};
  const documents::PlanTarget target{"Tỷ lệ hồ sơ trực tuyến", "", "", 80};
  const documents::PlanTarget over{"Tỷ lệ quá 100", "online_rate", "", 120};
  struct Case {
    const char* what;
    std::vector<documents::PlanTask> tasks;
    std::vector<documents::PlanTarget> targets;
    bool written;
  } cases[] = {
      {"the second task's deadline cannot be read", {good, unreadable}, {target}, false},
      {"the last task's lead is no unit", {good, good, no_lead}, {}, false},
      {"an objective after the tasks is out of bounds", {good}, {target, over}, false},
      {"every part is right", {good, good}, {target}, true},
  };
  int n = 0;
  for (const auto& c : cases) {
    documents::PlanDraft draft;
    draft.number = std::to_string(++n) + "/KH-UBND";
    draft.unit_code = "P";
    draft.title = "Kế hoạch cải cách hành chính năm 2026";
    draft.year = 2026;
    draft.area_code = area;
    draft.tasks = c.tasks;
    draft.targets = c.targets;
    const auto plans = count(*t->db, "plans"), tasks = count(*t->db, "plan_tasks"),
               objectives = count(*t->db, "plan_objectives"), audit = count(*t->db, "audit_log");
    if (c.written) {
      EXPECT_TRUE(sinks.create_plan(draft, kWho).starts_with("/ke-hoach/")) << c.what;
      EXPECT_EQ(count(*t->db, "plans"), plans + 1) << c.what;
      EXPECT_EQ(count(*t->db, "plan_tasks"), tasks + std::int64_t(c.tasks.size())) << c.what;
      EXPECT_EQ(count(*t->db, "plan_objectives"), objectives + std::int64_t(c.targets.size())) << c.what;
    } else {
      EXPECT_THROW(sinks.create_plan(draft, kWho), Error) << c.what;
      EXPECT_EQ(count(*t->db, "plans"), plans) << c.what;
      EXPECT_EQ(count(*t->db, "plan_tasks"), tasks) << c.what;
      EXPECT_EQ(count(*t->db, "plan_objectives"), objectives) << c.what;
      EXPECT_EQ(count(*t->db, "audit_log"), audit) << c.what;
    }
  }
}

}  // namespace
}  // namespace cchc::app
