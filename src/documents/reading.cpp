#include "documents/reading.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text.h"
#include "directory/read.h"
#include "documents/json.h"
#include "documents/ocr.h"

namespace cchc::documents {

namespace {

// Reads the job's upload, unless it has been read already.
void run_read_job(db::Database& db, jobs::JobContext& job) {
  const auto& j = job.job();
  const std::string id = job.params().at("upload").get<std::string>();
  auto u = db.read([&](db::Connection& c) { return find_upload(c, id); });
  if (!u) throw invalid_input("the upload is gone", "Văn bản đã tải lên không còn nữa.");
  if (!u->reading.empty()) {
    job.progress(1, 1, "Văn bản đã được đọc xong.");
    return;
  }
  job.progress(0, 0, "Đang đọc văn bản…");
  auto text = text_with_ocr(u->bytes, {}, [&](int done, int total) {
    job.stop_if_cancelled();
    job.progress(
        done, total,
        done < total ? fmt::format("Đang nhận dạng chữ trang {}/{}…", done + 1, total) : "Đang phân tích nội dung…");
  });
  auto reading = to_json(read(text, open_known_units(db))).dump();
  job.stop_if_cancelled();
  const audit::Entry who{j.created_by, job.params().value("address", ""), "", "", "", {}, {}};
  db.write([&](db::Connection& c) { save_reading(c, id, text, reading, who, now_seconds()); });
  job.message("Đã đọc xong văn bản; mở kết quả đọc để xem và sửa từng trường.");
}

}  // namespace

std::vector<KnownUnit> open_known_units(db::Database& db) {
  std::vector<KnownUnit> out;
  for (const auto& u : directory::load_units(db)) {
    if (!u.valid_to) out.push_back({u.code, u.name});
  }
  return out;
}

std::string read_job_key(const std::string& id) { return std::string(kReadJob) + ":" + id; }

jobs::NewJob read_job(const std::string& id, const std::string& name, const std::string& username,
                      const std::string& unit_code, const std::string& address) {
  jobs::NewJob job;
  job.kind = kReadJob;
  job.title = "Đọc văn bản " + name;
  job.params = nlohmann::json{{"upload", id}, {"address", address}}.dump();
  job.unit_code = unit_code;
  job.created_by = username;
  job.return_to = "/doc-van-ban/" + id;
  job.return_label = "Xem kết quả đọc";
  job.dedupe_key = read_job_key(id);
  return job;
}

void add_jobs(jobs::Handlers& handlers, db::Database& db) {
  handlers[kReadJob] = [&db](jobs::JobContext& job) { run_read_job(db, job); };
}

}  // namespace cchc::documents
