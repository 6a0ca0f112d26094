#pragma once
// The coordinator's loop (docs/plans.md): reviewing the units' task reports,
// report requests, urging, the register of plans owed, compiled period
// reports, reminders and notifications. The loop works on plans' tasks,
// reports and periods, read through plans' store and rules (a layer below);
// their types are its vocabulary too.
#include "plans/model.h"
#include "plans/store.h"

namespace cchc::coordination {

using plans::Area;
using plans::EvidenceFile;
using plans::PeriodOfYear;
using plans::Plan;
using plans::Report;
using plans::ReportPeriod;
using plans::StoredFile;
using plans::Task;
using plans::TaskState;
using plans::TaskStatus;
using plans::UnitRow;

}  // namespace cchc::coordination
