#pragma once
// Pure rules of the review page (docs/documents.md): what keeps what was
// read in a document from becoming a plan.
#include <string>
#include <vector>

namespace cchc::documents {

// What keeps task `number` (1-based, as the review form numbers its rows)
// from being made a plan's task: no lead unit (one the reader could not
// match is chosen first), a deadline core/deadline.h cannot read.
// Vietnamese, one sentence each, in that order; none when it may be made.
std::vector<std::string> task_problems(int number, const std::string& lead_unit_code, const std::string& deadline_text);

}  // namespace cchc::documents
