// Report requests: the pure rules and the Word draft (requests.h).
#include "coordination/requests.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/parse.h"
#include "core/text.h"
#include "views/docx.h"

namespace cchc::coordination {

using namespace std::chrono;

std::string request_kind_label_vi(std::string_view kind) {
  if (kind == "review") return "Báo cáo sơ kết, tổng kết";
  if (kind == "thematic") return "Báo cáo chuyên đề (theo đề cương)";
  if (kind == "figure") return "Cung cấp số liệu";
  return "Báo cáo đột xuất";
}

std::string answer_state_label_vi(std::string_view state) {
  if (state == "submitted") return "Đã gửi, chờ duyệt";
  if (state == "accepted") return "Đã chấp nhận";
  if (state == "returned") return "Bị trả lại";
  return "Chưa gửi";
}

namespace {

struct AnswerStep {
  std::string_view action;
  std::vector<std::string_view> from;
  std::string_view to;
  bool needs_reason;
};

const std::vector<AnswerStep>& answer_steps() {
  static const std::vector<AnswerStep> steps = {
      {"submit", {"none", "submitted", "returned"}, "submitted", false},
      {"accept", {"submitted"}, "accepted", false},
      {"return", {"submitted"}, "returned", true},
  };
  return steps;
}

LineError problem(std::string en, std::string vi) { return {0, std::move(en), std::move(vi)}; }

}  // namespace

std::vector<std::string> outline_lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\n', start);
    out.emplace_back(text::trim(text.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string answer_after(std::string_view state, std::string_view action, std::string_view reason) {
  const auto& steps = answer_steps();
  auto step = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.action == action; });
  if (step == steps.end()) throw invalid_input("unknown action", "Thao tác không hợp lệ.");
  if (std::find(step->from.begin(), step->from.end(), state) == step->from.end()) {
    throw Error(ErrorKind::conflict, fmt::format("an answer that is {} cannot take '{}'", state, action),
                fmt::format("Báo cáo đang ở trạng thái \"{}\", không thực hiện được thao tác này.",
                            answer_state_label_vi(state)));
  }
  if (step->needs_reason) {
    auto n = text::code_points(text::trim(reason));
    if (n == 0 || n > 2000) {
      throw invalid_input("an answer is returned with a reason of 1-2000 characters",
                          "Cần ghi lý do trả lại (tối đa 2.000 ký tự).");
    }
  }
  return std::string(step->to);
}

std::vector<LineError> check_request(const ReportRequest& r, Date today) {
  std::vector<LineError> out;
  static const std::set<std::string, std::less<>> kinds = {"adhoc", "review", "thematic", "figure"};
  if (!kinds.count(r.kind)) out.push_back(problem("unknown kind", "Loại yêu cầu không hợp lệ."));
  auto title = text::code_points(text::trim(r.title));
  if (title == 0 || title > 500)
    out.push_back(problem("a title of 1-500 characters", "Cần trích yếu (tối đa 500 ký tự)."));
  if (text::code_points(r.body) > 20000)
    out.push_back(problem("the body is over 20000 characters", "Nội dung quá 20.000 ký tự."));
  if (r.outline.size() > 30) out.push_back(problem("at most 30 headings", "Đề cương tối đa 30 mục."));
  for (const auto& h : r.outline) {
    auto n = text::code_points(text::trim(h));
    if (n == 0 || n > 300) {
      out.push_back(problem("a heading of 1-300 characters", "Mỗi mục của đề cương từ 1 đến 300 ký tự."));
      break;
    }
  }
  auto unit = text::code_points(text::trim(r.figure_unit));
  if (r.kind == "figure" && (unit == 0 || unit > 30)) {
    out.push_back(problem("a figure request names the figure's unit (1-30 characters)",
                          "Yêu cầu cung cấp số liệu cần ghi đơn vị tính (tối đa 30 ký tự)."));
  }
  if (r.kind != "figure" && unit > 0) {
    out.push_back(problem("only a figure request has a unit", "Chỉ yêu cầu cung cấp số liệu mới có đơn vị tính."));
  }
  if (sys_days{r.due} < sys_days{today}) out.push_back(problem("the due day has passed", "Hạn báo cáo đã qua."));
  if (r.recipients.empty()) out.push_back(problem("no recipient", "Chưa chọn đơn vị nhận yêu cầu."));
  if (r.recipients.size() > 2000) out.push_back(problem("at most 2000 recipients", "Tối đa 2.000 đơn vị nhận."));
  return out;
}

std::vector<LineError> check_answer(const ReportRequest& r, const RequestAnswer& a) {
  std::vector<LineError> out;
  std::size_t want = std::max<std::size_t>(1, r.outline.size());
  if (a.sections.size() != want) {
    out.push_back(
        problem(fmt::format("{} texts expected, one per heading", want), "Số phần trả lời không khớp với đề cương."));
  }
  bool written = false;
  for (const auto& s : a.sections) {
    if (text::code_points(s) > 20000) {
      out.push_back(problem("a part is over 20000 characters", "Mỗi phần tối đa 20.000 ký tự."));
      break;
    }
    written = written || !text::trim(s).empty();
  }
  if (r.kind == "figure") {
    if (!a.figure) out.push_back(problem("the figure is missing", "Cần nhập số liệu."));
  } else if (!written) {
    out.push_back(problem("nothing written", "Chưa có nội dung báo cáo."));
  }
  return out;
}

Date request_due(const std::string& date_text, const std::string& working_days_text, Date sent_on,
                 const WorkCalendar& calendar) {
  auto date = text::trim(date_text);
  auto days = text::trim(working_days_text);
  if (date.empty() == days.empty()) {
    throw invalid_input("give the due day either as a date or as working days",
                        "Ghi hạn báo cáo bằng một ngày cụ thể hoặc bằng số ngày làm việc (một trong hai).");
  }
  if (!date.empty()) return parse_date_input(std::string(date));
  auto n = parse_int<int>(days);
  if (!n || *n < 1 || *n > 250) {
    throw invalid_input("working days must be 1-250", "Số ngày làm việc từ 1 đến 250.");
  }
  if (!calendar.covers(sent_on))
    throw invalid_input("the calendar does not cover this year", "Lịch ngày nghỉ chưa có năm này.");
  return calendar.add_working_days(sent_on, *n);
}

std::vector<std::string> resolve_recipients(const std::vector<UnitRow>& units,
                                            const std::vector<std::string>& explicit_units,
                                            const std::vector<std::string>& levels, const std::string& subtree,
                                            const std::string& issuer) {
  std::set<std::string> chosen(explicit_units.begin(), explicit_units.end());
  std::set<std::string> level_set(levels.begin(), levels.end());
  std::set<std::string> under;
  if (!subtree.empty()) {
    under.insert(subtree);
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& u : units) {
        if (!under.count(u.code) && under.count(u.parent_code)) grew = under.insert(u.code).second || grew;
      }
    }
  }
  std::vector<std::string> out;
  for (const auto& u : units) {
    if (!u.open || u.code == issuer) continue;
    if (chosen.count(u.code) || level_set.count(u.level) || under.count(u.code)) out.push_back(u.code);
  }
  return out;
}

std::optional<std::string> request_reminder(Date due, Date day, const std::vector<int>& days_before,
                                            const WorkCalendar& calendar) {
  if (!calendar.covers(day) || !calendar.covers(due) || !calendar.is_working_day(day)) return std::nullopt;
  int left = calendar.working_days_between(day, due);
  if (sys_days{day} <= sys_days{due}) {
    if (std::find(days_before.begin(), days_before.end(), left) != days_before.end())
      return fmt::format("before:{}", left);
    return std::nullopt;
  }
  int late = -left;
  if (late >= 1 && (late - 1) % 5 == 0) return fmt::format("after:{}", late);
  return std::nullopt;
}

bool figures_add_up(std::string_view figure_unit) {
  auto unit = text::fold(figure_unit);
  for (const char* rate : {"%", "ty le", "ti le", "diem", "/"}) {
    if (unit.find(rate) != std::string::npos) return false;
  }
  return true;
}

CompiledRequest compile_request(const ReportRequest& r, const std::vector<RequestAnswer>& answers,
                                const std::map<std::string, std::string>& names) {
  auto name = [&](const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };
  CompiledRequest out;
  out.is_figure = r.kind == "figure";
  out.figure_unit = r.figure_unit;
  out.total = answers.size();
  std::vector<const RequestAnswer*> sent;
  for (const auto& a : answers) {
    if (a.state == "accepted" || a.state == "submitted") {
      sent.push_back(&a);
    } else {
      out.missing.push_back({name(a.unit_code), a.state == "returned"});
    }
  }
  out.sent = sent.size();
  if (out.is_figure) {
    double sum = 0;
    int digits = 0;
    bool any = false;
    for (const auto* a : sent) {
      bool pending = a->state == "submitted";
      if (!a->figure) {
        out.figures.push_back({name(a->unit_code), "—", pending});
        continue;
      }
      sum += *a->figure;
      digits = std::max(digits, text::fraction_digits(*a->figure));
      any = true;
      out.total_pending = out.total_pending || pending;
      out.figures.push_back({name(a->unit_code), text::format_figure(*a->figure), pending});
    }
    if (any && figures_add_up(r.figure_unit)) out.figure_total = text::format_decimal(sum, digits);
  }
  std::vector<std::string> headings = r.outline.empty() ? std::vector<std::string>{"Nội dung báo cáo"} : r.outline;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    CompiledRequest::Part part{headings[i], {}};
    for (const auto* a : sent) {
      if (i >= a->sections.size()) continue;
      auto written = text::trim(a->sections[i]);
      if (written.empty()) continue;
      part.entries.push_back({name(a->unit_code), std::string(written), a->state == "submitted"});
    }
    if (out.is_figure && part.entries.empty()) continue;
    out.parts.push_back(std::move(part));
  }
  return out;
}

std::string request_docx(const ReportRequest& r, const std::vector<RequestAnswer>& answers,
                         const std::map<std::string, std::string>& names, const views::Issuer& issuer) {
  using namespace views::docx;
  using A = Paragraph::Align;
  auto compiled = compile_request(r, answers, names);
  auto body = [](std::string text) {
    Paragraph p = para(std::move(text));
    p.indent_first_cm10 = 10;
    return p;
  };
  auto heading = [](std::string text) {
    Paragraph p = para(std::move(text), A::both, true);
    p.indent_first_cm10 = 10;
    return p;
  };
  static const char* roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  int numbered = 0;
  auto numbered_heading = [&](const std::string& title) {
    int k = numbered++;
    return heading(fmt::format("{}. {}", k < 10 ? std::string(roman[k]) : std::to_string(k + 1), title));
  };
  auto mark = [](bool pending) { return pending ? " (chưa duyệt)" : ""; };
  Document d;
  d.add(views::decree30_header(issuer, "Số:        /" + issuer.symbol,
                               fmt::format("{}, ngày     tháng     năm {}", issuer.place, int(r.due.year()))));
  d.add(para("BÁO CÁO", A::center, true));
  d.add(para(r.title, A::center, true));
  d.add(
      body(fmt::format("Thực hiện yêu cầu báo cáo (hạn {}), {}/{} đơn vị đã gửi báo cáo.", format_date_vi(r.due),
                       text::format_int(std::int64_t(compiled.sent)), text::format_int(std::int64_t(compiled.total)))));
  if (compiled.is_figure) {
    d.add(numbered_heading(fmt::format("SỐ LIỆU CỦA CÁC ĐƠN VỊ ({})", compiled.figure_unit)));
    for (const auto& f : compiled.figures) {
      d.add(body(fmt::format("- {}: {}{}", f.unit, f.text, mark(f.pending))));
    }
    if (compiled.figures.empty()) d.add(body("(Chưa có đơn vị gửi số liệu.)"));
    if (!compiled.figure_total.empty()) {
      d.add(heading(fmt::format("Tổng cộng: {}{}", compiled.figure_total,
                                compiled.total_pending ? " (gồm số liệu chưa duyệt)" : "")));
    }
  }
  for (const auto& part : compiled.parts) {
    d.add(numbered_heading(text::upper(part.heading)));
    for (const auto& e : part.entries) d.add(body(fmt::format("- {}{}: {}", e.unit, mark(e.pending), e.text)));
    if (part.entries.empty()) d.add(body("(Chưa có đơn vị báo cáo nội dung này.)"));
  }
  d.add(heading("CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO"));
  if (compiled.missing.empty()) d.add(body("Tất cả các đơn vị đã gửi báo cáo."));
  for (const auto& m : compiled.missing) {
    d.add(body(fmt::format("- {}{}", m.unit, m.returned ? " (báo cáo bị trả lại, chưa gửi lại)" : "")));
  }
  d.add(views::decree30_footer({"- ……………;", "- Lưu: VT."}));
  return write(d);
}

}  // namespace cchc::coordination
