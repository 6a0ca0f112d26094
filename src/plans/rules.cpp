#include "plans/rules.h"

#include <fmt/format.h>

#include <regex>

#include "core/filetype.h"
#include "core/text.h"
#include "plans/names.h"

namespace cchc::plans {

using namespace std::chrono;

// ---- Plans ---------------------------------------------------------------------

std::vector<LineError> check_plan(const Plan& p) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  static const std::regex number(R"(^[0-9]{1,6}/[A-Za-zĐđ0-9][A-Za-zĐđ0-9.\-]{0,40}$)");
  if (!std::regex_match(p.number, number)) {
    add(fmt::format("the number '{}' is not of the form 77/KH-VP", p.number),
        fmt::format("Số, ký hiệu \"{}\" không đúng dạng (ví dụ 77/KH-VP).", p.number));
  }
  auto title = text::code_points(text::trim(p.title));
  if (title == 0 || title > 500) add("the title must be 1-500 characters", "Trích yếu phải có từ 1 đến 500 ký tự.");
  if (p.year < 2000 || p.year > 2100) add("the year must be 2000-2100", "Năm kế hoạch phải từ 2000 đến 2100.");
  if (p.kind != "reform" && p.kind != "communication") {
    add("the kind must be reform or communication", "Loại kế hoạch không hợp lệ.");
  }
  if (p.status != "draft" && p.status != "issued" && p.status != "closed") {
    add("the status must be draft, issued or closed", "Trạng thái kế hoạch không hợp lệ.");
  }
  if (text::code_points(p.legal_bases) > 20000 || text::code_points(p.objectives) > 20000) {
    add("legal bases and objectives are limited to 20000 characters each",
        "Căn cứ và mục tiêu, yêu cầu mỗi phần tối đa 20.000 ký tự.");
  }
  return errors;
}

int number_year(const Plan& p) { return p.issued_on ? int(p.issued_on->year()) : p.year; }

std::string plan_status_label_vi(std::string_view status) {
  if (status == "draft") return "Dự thảo";
  if (status == "issued") return "Đã ban hành";
  if (status == "closed") return "Đã kết thúc";
  return std::string(status);
}

std::string plan_kind_label_vi(std::string_view kind) {
  if (kind == "communication") return "Kế hoạch thông tin, tuyên truyền CCHC";
  return "Kế hoạch cải cách hành chính";
}

// ---- Objectives ------------------------------------------------------------------

ObjectiveVerdict judge_objective(std::optional<double> value, std::optional<double> target) {
  if (!target) return ObjectiveVerdict::not_quantified;
  if (!value) return ObjectiveVerdict::no_data;
  return *value >= *target ? ObjectiveVerdict::met : ObjectiveVerdict::missed;
}

std::string verdict_label_vi(ObjectiveVerdict v) {
  switch (v) {
    case ObjectiveVerdict::met: return "Đạt";
    case ObjectiveVerdict::missed: return "Chưa đạt";
    case ObjectiveVerdict::no_data: return "Chưa có số liệu";
    case ObjectiveVerdict::not_quantified: return "Không định lượng";
  }
  return {};
}

// ---- Reports -----------------------------------------------------------------

std::string review_label_vi(std::string_view review) {
  if (review == "pending") return "Chờ duyệt";
  if (review == "returned") return "Bị trả lại";
  return "Đã chấp nhận";
}

std::string deadline_shown(const Deadline& d) {
  if (!deadline_unread(d)) return format_deadline(d);
  return format_deadline(d) + " (chưa đọc được thời hạn)";
}

bool deadline_unread(const Deadline& d) { return d.kind == Deadline::Kind::unparsed; }

std::vector<LineError> check_report(const Report& r, Date today) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  if (r.progress != "not_started" && r.progress != "in_progress" && r.progress != "done") {
    add("progress must be not_started, in_progress or done", "Tình trạng không hợp lệ.");
  }
  if (r.percent < 0 || r.percent > 100) add("percent must be 0-100", "Tỷ lệ hoàn thành phải từ 0 đến 100.");
  if (r.progress == "not_started" && r.percent != 0) {
    add("a task not started has 0 percent done", "Nhiệm vụ chưa thực hiện thì tỷ lệ hoàn thành là 0.");
  }
  // A task in progress is not yet done: 100 % is "done", with its day.
  if (r.progress == "in_progress" && r.percent == 100) {
    add("a task in progress is under 100 percent done: report it done, with its day",
        "Nhiệm vụ đang thực hiện thì tỷ lệ hoàn thành dưới 100 %. Nếu đã xong, chọn \"Đã hoàn thành\" và ghi ngày "
        "hoàn thành.");
  }
  if (r.progress == "done" && !r.done_on) add("done_on is required when done", "Cần ngày hoàn thành.");
  if (r.done_on && sys_days{*r.done_on} > sys_days{today}) {
    add("done_on cannot be in the future", "Ngày hoàn thành không được sau hôm nay.");
  }
  if (r.done_on && r.progress != "done")
    add("done_on is only for a task done", "Chỉ ghi ngày hoàn thành khi đã hoàn thành.");
  if (text::code_points(r.narrative) > 4000) add("narrative over 4000 characters", "Nội dung báo cáo quá 4.000 ký tự.");
  if (text::code_points(r.evidence) > 2000) add("evidence over 2000 characters", "Minh chứng quá 2.000 ký tự.");
  if (text::code_points(r.difficulties) > 4000 || text::code_points(r.proposals) > 4000) {
    add("difficulties and proposals are limited to 4000 characters each",
        "Khó khăn, vướng mắc và đề xuất, kiến nghị mỗi mục tối đa 4.000 ký tự.");
  }
  // A web link, or a path on this site (text::is_link).
  for (const auto& l : split_pieces(r.evidence, "\n\r")) {
    if (!text::is_link(l)) {
      add(fmt::format("evidence '{}' is not a link (http://, https:// or a path)", l),
          fmt::format("Minh chứng \"{}\" không phải đường dẫn (http://, https:// hoặc /…).", l));
    }
  }
  return errors;
}

CheckedFile check_evidence_file(const EvidenceFile& f) {
  auto accepted = filetype::check(f.filename, f.content, filetype::evidence_kinds(), 5u << 20);
  return {accepted.name, accepted.content_type};
}

}  // namespace cchc::plans
