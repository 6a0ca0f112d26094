#pragma once
// The batch upload (/chi-so/nhap), what its page and its background job
// share: the page checks a file and stages it (directory/staged.h); its
// confirmation enqueues a job of kind kImportJob (jobs/model.h), which
// imports exactly the staged file on a worker, never on an I/O thread, and
// removes it in the import's transaction, so that a file is imported once.
#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "indicators/store.h"
#include "jobs/model.h"
#include "jobs/runner.h"

namespace cchc::indicators {

inline constexpr const char* kImportJob = "indicators.import";

// The form's "dossiers" or "feedback"; invalid_input (Vietnamese: choose
// the kind) for anything else.
Kind upload_kind(const std::string& code);
const char* kind_code(Kind k);
// JSON when the file name says so or the text starts like JSON; else CSV.
Format upload_format(const std::string& filename, std::string_view text);
// What a staged upload was checked as: a file checked as feedback is never
// imported as dossiers.
std::string upload_purpose(Kind k);

// The job importing staged upload `staged` (of `filename`, checked as
// `kind`) for its uploader `username` of `unit_code`, limited to
// `scope_unit`'s subtree when set, audited from `address`. Its dedupe key
// is the staged upload: confirming twice gives the same job.
jobs::NewJob import_job(Kind kind, const std::string& staged, const std::string& filename, const std::string& username,
                        const std::string& unit_code, const std::optional<std::string>& scope_unit,
                        const std::string& address);

// What a done import says on its page: "Đã nhập phan-anh.csv: 2 bản ghi —
// 2 mới, 0 cập nhật, 0 không đổi."
std::string import_done_vi(const std::string& filename, const ImportOutcome& outcome);

// Adds the indicators' job handlers (kImportJob) over `db`.
void add_jobs(jobs::Handlers& handlers, db::Database& db);

}  // namespace cchc::indicators
