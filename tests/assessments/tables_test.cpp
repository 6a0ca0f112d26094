// What a unit's assessment page says of its appraisal, as a table of states
// and days: the answer deadline only while an answer is awaited.
#include "assessments/tables.h"

#include <gtest/gtest.h>

#include "core/dates.h"

namespace cchc::assessments {
namespace {

TEST(AppraisalStatus, TheDeadlineOnlyWhileAnAnswerIsAwaited) {
  // Due at the end of Monday 14/12/2026 (Vietnam time).
  const Instant due = parse_rfc3339("2026-12-14T23:59:59+07:00");
  const Instant before = parse_rfc3339("2026-12-07T09:00:00+07:00");
  const Instant after = parse_rfc3339("2026-12-15T08:00:00+07:00");
  struct Case {
    const char* appraisal;
    bool has_due;
    Instant now;
    const char* want;
  } cases[] = {
      {"none", false, before, "Chưa thẩm định"},
      {"appraising", false, before, "Đang thẩm định"},
      {"awaiting_answer", true, before, "Chờ đơn vị giải trình (hạn 23:59 14/12/2026)"},
      {"awaiting_answer", true, after, "Chờ đơn vị giải trình (đã hết hạn 23:59 14/12/2026)"},
      {"awaiting_answer", false, before, "Chờ đơn vị giải trình"},
      // The deadline of the answer stays stored; once answered or final it is history.
      {"answered", true, before, "Đơn vị đã giải trình"},
      {"final", true, before, "Đã chốt kết quả"},
      {"final", true, after, "Đã chốt kết quả"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.appraisal);
    Participant p;
    p.appraisal = c.appraisal;
    if (c.has_due) p.answer_due = due;
    EXPECT_EQ(appraisal_status_vi(p, c.now), c.want);
  }
}

}  // namespace
}  // namespace cchc::assessments
