#include "indicators/upload.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/staged.h"

namespace cchc::indicators {

namespace {

// The problems of a batch refused when its job ran (the data changed since
// the check: a unit closed, say), the first few listed.
std::string refused_at_import_vi(const std::string& filename, const LineErrors& errors) {
  std::string listed;
  const auto& kept = errors.reported();
  for (std::size_t i = 0; i < kept.size() && i < 3; ++i) listed += " " + kept[i].message_vi;
  return fmt::format(
      "Tệp {} có {} lỗi, chưa nhập gì: dữ liệu đã thay đổi từ khi tệp được kiểm tra.{}{} Xin vui lòng tải tệp lên và "
      "kiểm tra lại.",
      filename, text::format_int(std::int64_t(errors.size())), listed, errors.size() > 3 ? " …" : "");
}

// The receipt a done import leaves for download: one CSV record.
std::string import_receipt(const std::string& filename, Kind kind, const ImportOutcome& out, const std::string& by,
                           Instant at) {
  return csv::format_row({"tep", "loai", "ban_ghi", "moi", "cap_nhat", "khong_doi", "nguoi_nhap", "thoi_gian"}) +
         csv::format_row({filename, kind_code(kind), std::to_string(out.records), std::to_string(out.summary.inserted),
                          std::to_string(out.summary.updated), std::to_string(out.summary.unchanged), by,
                          format_rfc3339_vn(at)});
}

// Imports the staged upload the job names, for its creator: the file
// exactly as checked, once (removed in the import's transaction), with
// progress while its records are written; a cancel stops it there, the
// transaction rolled back.
void run_import_job(db::Database& db, jobs::JobContext& job) {
  const auto& p = job.params();
  const auto& j = job.job();
  const Kind kind = upload_kind(p.at("kind").get<std::string>());
  job.progress(0, 0, "Đang đọc và kiểm tra lại tệp…");
  auto staged = db.read([&](db::Connection& c) {
    return directory::staged_upload(c, p.at("staged").get<std::string>(), upload_purpose(kind), j.created_by,
                                    j.unit_code, now_seconds());
  });
  std::optional<std::string> scope;
  if (p.contains("scope_unit") && p["scope_unit"].is_string()) scope = p["scope_unit"].get<std::string>();
  ImportRequest r{kind, staged.content, upload_format(staged.filename, staged.content), scope, false, 0, {}};
  r.max_records = kRequestRecords;
  r.progress = [&job](std::size_t done, std::size_t total) {
    job.progress(std::int64_t(done), std::int64_t(total),
                 fmt::format("Đang ghi {}/{} bản ghi…", text::format_int(std::int64_t(done)),
                             text::format_int(std::int64_t(total))));
    job.stop_if_cancelled();
  };
  r.in_transaction = [&staged](db::Connection& c) {
    if (!directory::remove_staged(c, staged.id)) {
      throw invalid_input("the staged upload was imported meanwhile", directory::kStagedGoneVi);
    }
  };
  job.stop_if_cancelled();
  const audit::Entry who{j.created_by, p.value("address", ""), "", "", "", {}, {}};
  auto outcome = import_batch(db, r, who, now_seconds());
  if (!outcome.ok()) {
    // The file must be checked again.
    db.write([&](db::Connection& c) { directory::remove_staged(c, staged.id); });
    throw invalid_input(fmt::format("{}: {} problem(s) when imported", staged.filename, outcome.errors.size()),
                        refused_at_import_vi(staged.filename, outcome.errors));
  }
  job.progress(std::int64_t(outcome.records), std::int64_t(outcome.records), import_done_vi(staged.filename, outcome));
  job.result("bien-nhan-" + text::slug(staged.filename) + ".csv", "text/csv; charset=utf-8",
             import_receipt(staged.filename, kind, outcome, j.created_by, now_seconds()));
}

// Recomputes every rollup (store.h: rebuild) for the job's creator: a
// cancel asked before it starts, or while it reads, stops it, the rollups
// as they were; the audit entry commits with the new rollups.
void run_rebuild_job(db::Database& db, jobs::JobContext& job) {
  const auto& j = job.job();
  job.progress(0, 0, "Đang tính lại số liệu tổng hợp từ các bản ghi đã lưu…");
  job.stop_if_cancelled();
  const audit::Entry who{j.created_by, job.params().value("address", ""), "", "", "", {}, {}};
  auto records = rebuild(db, [&](db::Connection& c, std::int64_t n) {
    job.stop_if_cancelled();
    audit::record(c, who, "rebuild", "indicator_rollups", "", std::nullopt,
                  nlohmann::json{{"records", n}, {"job", j.id}}.dump(), now_seconds());
  });
  job.progress(records, records, rebuild_done_vi(records));
}

}  // namespace

Kind upload_kind(const std::string& code) {
  if (code == "dossiers") return Kind::dossiers;
  if (code == "feedback") return Kind::feedback;
  throw invalid_input("kind must be dossiers or feedback", "Hãy chọn loại dữ liệu: hồ sơ hoặc phản ánh, kiến nghị.");
}

const char* kind_code(Kind k) { return k == Kind::dossiers ? "dossiers" : "feedback"; }

Format upload_format(const std::string& filename, std::string_view text) {
  if (filename.ends_with(".json") || filename.ends_with(".ndjson")) return Format::json;
  auto t = text::trim(text);
  return !t.empty() && (t.front() == '[' || t.front() == '{') ? Format::json : Format::csv;
}

std::string upload_purpose(Kind k) { return std::string("indicators:") + kind_code(k); }

jobs::NewJob import_job(Kind kind, const std::string& staged, const std::string& filename, const std::string& username,
                        const std::string& unit_code, const std::optional<std::string>& scope_unit,
                        const std::string& address) {
  nlohmann::json params = {{"kind", kind_code(kind)},
                           {"staged", staged},
                           {"scope_unit", scope_unit ? nlohmann::json(*scope_unit) : nlohmann::json(nullptr)},
                           {"address", address}};
  return jobs::NewJob{kImportJob, "Nhập tệp " + filename, params.dump(),   unit_code,
                      username,   "/chi-so/nhap",         "Nhập tệp khác", std::string(kImportJob) + ":" + staged};
}

std::string import_done_vi(const std::string& filename, const ImportOutcome& outcome) {
  return fmt::format("Đã nhập {}: {} bản ghi — {} mới, {} cập nhật, {} không đổi.", filename,
                     text::format_int(std::int64_t(outcome.records)), text::format_int(outcome.summary.inserted),
                     text::format_int(outcome.summary.updated), text::format_int(outcome.summary.unchanged));
}

jobs::NewJob rebuild_job(const std::string& username, const std::string& unit_code, const std::string& address) {
  nlohmann::json params = {{"address", address}};
  return jobs::NewJob{
      kRebuildJob, "Tính lại số liệu tổng hợp chỉ số", params.dump(), unit_code, username, "/chi-so", "Về trang chỉ số",
      kRebuildJob};
}

std::string rebuild_done_vi(std::int64_t records) {
  return fmt::format("Đã tính lại số liệu tổng hợp từ {} bản ghi.", text::format_int(records));
}

void add_jobs(jobs::Handlers& handlers, db::Database& db) {
  handlers[kImportJob] = [&db](jobs::JobContext& job) { run_import_job(db, job); };
  handlers[kRebuildJob] = [&db](jobs::JobContext& job) { run_rebuild_job(db, job); };
}

}  // namespace cchc::indicators
