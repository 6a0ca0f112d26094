#pragma once
// The indicators' background jobs (jobs/model.h), and what their pages and
// handlers share.
//
// The batch upload (/chi-so/nhap): the page checks a file and stages it
// (directory/staged.h); its confirmation enqueues a job of kind kImportJob,
// which imports exactly the staged file on a worker, never on an I/O
// thread, and removes it in the import's transaction, so that a file is
// imported once.
//
// The rebuild (/chi-so/tinh-lai, the administrator's): a job of kind
// kRebuildJob recomputes every rollup from the stored records (store.h:
// rebuild), audited in the rebuild's own transaction. Running it twice
// gives the same rollups, so a worker dying before the job settles is
// harmless. On SQLite its transaction holds the writer lock for the whole
// rebuild, which must therefore end within the job's lease (60 s).
#include <cstdint>
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

inline constexpr const char* kRebuildJob = "indicators.rebuild";

// The job rebuilding every rollup, for `username` of `unit_code`, audited
// from `address`. Its dedupe key is the kind: while one rebuild waits or
// runs, asking again gives that one.
jobs::NewJob rebuild_job(const std::string& username, const std::string& unit_code, const std::string& address);

// What a done rebuild says on its page: "Đã tính lại số liệu tổng hợp từ
// 1.234 bản ghi."
std::string rebuild_done_vi(std::int64_t records);

// Adds the indicators' job handlers (kImportJob, kRebuildJob) over `db`.
void add_jobs(jobs::Handlers& handlers, db::Database& db);

}  // namespace cchc::indicators
