#pragma once
// The pure rules of background jobs: state codes and their Vietnamese
// labels, how far a job got, which ids name a job. No I/O: tested as tables
// (tests/jobs/rules_test.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "jobs/model.h"

namespace cchc::jobs {

// "queued", "running", "done", "failed", "cancelled", and back (internal
// for another text: only the store reads them).
std::string code_of(State s);
State state_of(std::string_view code);
// "Đang chờ", "Đang chạy", "Đã xong", "Không thành công", "Đã hủy".
std::string label_vi(State s);
// done, failed and cancelled: never claimed again.
bool finished(State s);

// How far a job got, 0-100, rounded down (100 only when done reaches
// total); nullopt while its total is not known.
std::optional<int> percent(const Progress& p);
// "45 %", or "" while the total is not known.
std::string percent_text(const Progress& p);

// Whether `id` can name a job: 32 lower-case hex characters (anything else
// is 404 before the database is asked).
bool valid_id(std::string_view id);

}  // namespace cchc::jobs
