#include "plans/page_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/parse.h"
#include "core/text.h"

namespace cchc::plans {

using namespace std::chrono;

namespace {

bool only_ascii_digits(std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; }

}  // namespace

std::optional<std::int64_t> id_of_text(std::string_view s) {
  if (s.empty() || s.size() > 12 || !only_ascii_digits(s)) return std::nullopt;
  return parse_int<std::int64_t>(s);
}

std::optional<int> year_of_text(std::string_view s) {
  if (s.size() != 4 || !only_ascii_digits(s)) return std::nullopt;
  auto year = parse_int<int>(s);
  if (!year || *year < 1000) return std::nullopt;
  return year;
}

int page_year(std::string_view s, int this_year) {
  auto y = parse_int<int>(s).value_or(this_year);
  if (y < 2000 || y > 2100) throw invalid_input("year 2000-2100", "Năm không hợp lệ.");
  return y;
}

Date view_day(int year, Date today) {
  return int(today.year()) > year ? Date{std::chrono::year{year} / December / 31} : today;
}

int report_percent(std::string_view text) {
  auto percent = text::trim(text);
  if (percent.empty()) return 0;
  if (percent.size() > 3 || !only_ascii_digits(percent)) {
    throw invalid_input("percent must be a whole number 0-100", "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.")
        .at("ty_le");
  }
  return parse_int<int>(percent).value_or(0);  // three digits at most: always a number
}

std::optional<Date> report_done_on(std::string_view progress, std::string_view text, Date today) {
  if (progress != "done") return std::nullopt;
  auto typed = text::trim(text);
  return typed.empty() ? today : parse_date_input(typed);
}

bool task_names(const Task& task, std::string_view unit) {
  return std::count(task.leads.begin(), task.leads.end(), unit) ||
         std::count(task.cooperates.begin(), task.cooperates.end(), unit);
}

std::string report_role(const Task& task, std::string_view unit) {
  return std::count(task.leads.begin(), task.leads.end(), unit) ? "lead" : "cooperate";
}

bool reported_late(const Report& r, const PeriodOfYear& p) {
  return sys_days{local_date(r.reported_at)} > sys_days{p.due};
}

Report report_prefill(const std::vector<Report>& reports, std::string_view unit, std::string_view period) {
  Report prefill;
  prefill.progress = "in_progress";
  for (const auto& r : reports) {
    if (r.unit_code == unit) prefill = r;
  }
  for (const auto& r : reports) {
    if (r.unit_code == unit && r.period == period) prefill = r;
  }
  return prefill;
}

std::string cancel_reason(bool reopen, const std::string& reason) {
  if (reopen) return "";
  if (text::trim(reason).empty()) {
    throw invalid_input("a reason is needed to cancel a task", "Cần ghi lý do hủy nhiệm vụ.").at("ly_do");
  }
  return reason;
}

std::optional<double> objective_amount(std::string_view text, std::string_view what_vi) {
  try {
    return text::parse_decimal(text);
  } catch (const Error&) {
    throw invalid_input(fmt::format("'{}' is not a number", text),
                        fmt::format("{} phải là một số (ví dụ 70 hoặc 70,5).", what_vi));
  }
}

}  // namespace cchc::plans
