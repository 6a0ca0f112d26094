#include "coordination/compiled.h"

#include <fmt/format.h>

#include "core/text.h"
#include "plans/periods.h"
#include "plans/tables.h"
#include "plans/task_state.h"
#include "views/docx.h"

namespace cchc::coordination {

using namespace std::chrono;

namespace {

std::string name_of(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

std::string join_names(const std::vector<std::string>& codes, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "; ") + name_of(names, c);
  return out;
}

std::string narratives(const CompiledTask& t, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const auto& r : t.reports) {
    if (r.narrative.empty()) continue;
    out += (out.empty() ? "" : "\n") + name_of(names, r.unit_code) + (r.role == "lead" ? "" : " (phối hợp)") + ": " +
           r.narrative;
  }
  return out;
}

// "Báo cáo chưa được duyệt: A; bị trả lại: B".
std::string unreviewed_note(const CompiledTask& t, const std::map<std::string, std::string>& names) {
  std::vector<std::string> pending, returned;
  for (const auto& r : t.unreviewed) (r.review == "returned" ? returned : pending).push_back(r.unit_code);
  std::string out;
  if (!pending.empty()) out = "Báo cáo chờ duyệt (chưa tính): " + join_names(pending, names);
  if (!returned.empty()) {
    out += (out.empty() ? "" : ". ") + std::string("Báo cáo bị trả lại: ") + join_names(returned, names);
  }
  return out;
}

}  // namespace

PeriodOfYear compiled_period(const std::vector<ReportPeriod>& config, int plan_year, Date today,
                             const WorkCalendar& calendar) {
  auto all = periods_of_year(config, plan_year, calendar);
  if (all.empty()) throw invalid_input("no reporting periods are configured", "Chưa cấu hình kỳ báo cáo.");
  auto current = current_period(config, today, calendar);
  return int(current.last.year()) == plan_year ? current : all.back();
}

CompiledReport compile(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Report>& reports,
                       const std::vector<ReportPeriod>& config, const PeriodOfYear& period) {
  CompiledReport out{plan, period, {}, {}, 0, 0};
  std::map<std::int64_t, std::vector<Report>> by_task;
  for (const auto& r : reports) by_task[r.task_id].push_back(r);
  for (const auto& t : tasks) {
    const auto& mine = by_task[t.id];
    CompiledTask c{state_for_period(t, mine, config, period), {}, {}, {}};
    for (const auto& r : mine) {
      if (r.period == period.key) (r.counted ? c.reports : c.unreviewed).push_back(r);
    }
    out.unreviewed += int(c.unreviewed.size());
    std::stable_sort(c.reports.begin(), c.reports.end(),
                     [](const auto& a, const auto& b) { return a.role == "lead" && b.role != "lead"; });
    for (const auto& r : c.reports) {
      if (sys_days{local_date(r.reported_at)} > sys_days{period.due}) c.late.push_back(r.unit_code);
    }
    for (const auto& unit : t.leads) {
      // Owed and made counted as the work list counts them (reports_for_period);
      // made but not yet counted (pending, returned) is listed apart.
      std::vector<Report> own;
      for (const auto& r : mine) {
        if (r.unit_code == unit && r.role == "lead") own.push_back(r);
      }
      auto seen = reports_for_period(own, config, period.key);
      if (!owes_report(t, seen.previous)) continue;
      ++out.owed;
      if (!seen.current)
        c.missing.push_back(unit);
      else if (seen.current->counted)
        ++out.reported;
    }
    ++out.counts[c.state.status];
    out.tasks.push_back(std::move(c));
  }
  return out;
}

views::Table compiled_table(const CompiledReport& r, const std::vector<Area>& areas,
                            const std::map<std::string, std::string>& names) {
  views::Table t;
  t.id = "bao-cao-ky";
  t.caption = fmt::format("Kết quả thực hiện Kế hoạch số {} — {}", r.plan.number, r.period.label);
  for (const char* c : {"STT", "Nhiệm vụ/Hoạt động", "Kết quả/Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành",
                        "Tình trạng", "Tỷ lệ hoàn thành", "Kết quả thực hiện trong kỳ", "Ghi chú"}) {
    t.columns.push_back({c, "", std::string(c) == "Tỷ lệ hoàn thành"});
  }
  std::vector<std::string> task_areas;
  for (const auto& c : r.tasks) task_areas.push_back(c.state.task.area_code);
  int area_no = 0;
  for (const auto& [area, items] : group_by_area(areas, task_areas)) {
    t.rows.push_back(plans::area_row(t.columns.size(), ++area_no, area->name));
    int n = 0;
    for (size_t i : items) {
      const auto& c = r.tasks[i];
      const auto& task = c.state.task;
      ++n;
      std::string note;
      if (!c.missing.empty()) note = "Chưa báo cáo: " + join_names(c.missing, names);
      if (!c.late.empty())
        note += (note.empty() ? "" : ". ") + std::string("Báo cáo trễ hạn: ") + join_names(c.late, names);
      if (auto u = unreviewed_note(c, names); !u.empty()) note += (note.empty() ? "" : ". ") + u;
      auto status = views::Cell::of(status_label_vi(c.state.status));
      status.css = "status-" + status_code(c.state.status);
      t.rows.push_back({views::Cell::of(task.ref.empty() ? std::to_string(n) : task.ref),
                        views::Cell::of(task.description), views::Cell::of(task.output),
                        views::Cell::of(join_names(task.leads, names)), views::Cell::of(format_deadline(task.deadline)),
                        status, views::Cell::percent(c.state.percent / 100.0), views::Cell::of(narratives(c, names)),
                        views::Cell::of(note)});
    }
  }
  return t;
}

std::string compiled_docx(const CompiledReport& r, const std::vector<Area>& areas,
                          const std::map<std::string, std::string>& names, const Issuer& issuer) {
  using namespace views::docx;
  using A = Paragraph::Align;
  Document d;
  auto heading = [](std::string text) {
    Paragraph p = para(std::move(text), A::both, true);
    p.indent_first_cm10 = 10;
    return p;
  };
  auto body = [](std::string text) {
    Paragraph p = para(std::move(text));
    p.indent_first_cm10 = 10;
    return p;
  };

  d.add(decree30_header(issuer, "Số:        /" + issuer.symbol,
                        fmt::format("{}, ngày     tháng     năm {}", issuer.place, int(r.period.due.year()))));

  d.add(para("BÁO CÁO", A::center, true));
  d.add(para(fmt::format("Kết quả thực hiện Kế hoạch số {} về {}\n{}", r.plan.number,
                         r.plan.title.empty() ? "cải cách hành chính" : r.plan.title, r.period.label),
             A::center, true));

  auto count = [&](TaskStatus s) {
    auto it = r.counts.find(s);
    return it == r.counts.end() ? 0 : it->second;
  };
  d.add(heading("I. KẾT QUẢ THỰC HIỆN"));
  d.add(body(fmt::format(
      "Kế hoạch có {} nhiệm vụ. Đến ngày {}: {} nhiệm vụ đã hoàn thành đúng hạn, {} hoàn thành trễ hạn, {} đang "
      "thực hiện, {} chưa thực hiện, {} quá hạn, {} đã hủy. Các đơn vị chủ trì đã gửi {}/{} báo cáo của kỳ.",
      text::format_int(std::int64_t(r.tasks.size())), format_date_vi(r.period.last), count(TaskStatus::done),
      count(TaskStatus::done_late), count(TaskStatus::in_progress), count(TaskStatus::not_started),
      count(TaskStatus::overdue), count(TaskStatus::cancelled), r.reported, r.owed)));
  std::vector<std::string> task_areas;
  for (const auto& c : r.tasks) task_areas.push_back(c.state.task.area_code);
  int area_no = 0;
  for (const auto& [area, items] : group_by_area(areas, task_areas)) {
    d.add(heading(fmt::format("{}. {}", ++area_no, area->name)));
    for (size_t i : items) {
      const auto& c = r.tasks[i];
      const auto& task = c.state.task;
      std::string line =
          fmt::format("- {} (chủ trì: {}; thời hạn: {}): {}, {} %.", task.description, join_names(task.leads, names),
                      format_deadline(task.deadline), status_label_vi(c.state.status), c.state.percent);
      if (auto n = narratives(c, names); !n.empty()) line += " " + n;
      d.add(body(line));
    }
  }

  d.add(heading("II. TỒN TẠI, HẠN CHẾ"));
  bool any_problem = false;
  for (const auto& c : r.tasks) {
    const auto& task = c.state.task;
    if (c.state.status == TaskStatus::overdue) {
      d.add(body(fmt::format("- Quá hạn: {} (chủ trì: {}; thời hạn: {}).", task.description,
                             join_names(task.leads, names), format_deadline(task.deadline))));
      any_problem = true;
    }
    if (!c.missing.empty()) {
      d.add(body(
          fmt::format("- Chưa báo cáo kết quả thực hiện: {} ({}).", task.description, join_names(c.missing, names))));
      any_problem = true;
    }
  }
  if (!any_problem) d.add(body("Không có nhiệm vụ quá hạn hoặc chưa báo cáo."));
  if (r.unreviewed > 0) {
    d.add(body(fmt::format("- Có {} báo cáo của kỳ chưa được chấp nhận, chưa tính vào kết quả trên:",
                           text::format_int(r.unreviewed))));
    for (const auto& c : r.tasks) {
      if (auto u = unreviewed_note(c, names); !u.empty())
        d.add(body(fmt::format("+ {}: {}.", c.state.task.description, u)));
    }
  }

  // The units' difficulties and proposals, each with the coordinator's answer.
  d.add(heading("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"));
  bool any_raised = false;
  for (const auto& c : r.tasks) {
    std::vector<const Report*> all;
    for (const auto& x : c.reports) all.push_back(&x);
    for (const auto& x : c.unreviewed) all.push_back(&x);
    for (const auto* x : all) {
      auto raise = [&](const char* what, const std::string& text, const std::string& answer) {
        if (text.empty()) return;
        any_raised = true;
        d.add(body(
            fmt::format("- {} ({}) — {}: {}", name_of(names, x->unit_code), c.state.task.description, what, text)));
        d.add(body("  Trả lời: " + (answer.empty() ? std::string("(chưa có ý kiến trả lời)") : answer)));
      };
      raise("khó khăn, vướng mắc", x->difficulties, x->difficulties_answer);
      raise("đề xuất, kiến nghị", x->proposals, x->proposals_answer);
    }
  }
  if (!any_raised) d.add(body("Các đơn vị không nêu khó khăn, vướng mắc hay đề xuất, kiến nghị trong kỳ."));
  d.add(heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"));
  d.add(body("(Đơn vị soạn thảo bổ sung nội dung.)"));

  d.add(decree30_footer({"- ……………;", "- Lưu: VT."}));
  return write(d);
}

std::string urging_letter_docx(const views::Addressee& to, const std::vector<TaskState>& overdue,
                               const std::map<std::int64_t, std::string>& plan_numbers, int year, Date as_of,
                               Date reply_by, const Issuer& issuer, const WorkCalendar& calendar) {
  using namespace views::docx;
  Document d;
  d.add(decree30_header(issuer, "Số:        /" + issuer.symbol.substr(issuer.symbol.find('-') + 1) + "-CCHC",
                        fmt::format("{}, ngày     tháng     năm {}", issuer.place, int(as_of.year())),
                        "V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm " + std::to_string(year)));
  d.add(views::decree30_to(to));
  auto body = [](std::string text) {
    Paragraph p = para(std::move(text));
    p.indent_first_cm10 = 10;
    return p;
  };
  d.add(
      body(fmt::format("Theo dõi tình hình thực hiện kế hoạch cải cách hành chính năm {}, đến ngày {}, {} còn {} "
                       "nhiệm vụ quá hạn chưa hoàn thành, cụ thể:",
                       year, format_date_vi(as_of), to.body, text::format_int(std::int64_t(overdue.size())))));
  int n = 0;
  for (const auto& s : overdue) {
    const auto& t = s.task;
    auto plan = plan_numbers.find(t.plan_id);
    std::string late = t.deadline.due
                           ? fmt::format("; đã quá hạn {} ngày làm việc",
                                         text::format_int(working_days_overdue(calendar, *t.deadline.due, as_of)))
                           : "";
    d.add(body(fmt::format("{}. {} (Kế hoạch số {}; thời hạn: {}{}; tỷ lệ hoàn thành {} %).", ++n, t.description,
                           plan == plan_numbers.end() ? "" : plan->second, format_deadline(t.deadline), late,
                           s.percent)));
  }
  d.add(
      body(fmt::format("Đề nghị {} quan tâm chỉ đạo khẩn trương hoàn thành các nhiệm vụ nêu trên; báo cáo kết quả "
                       "thực hiện trên Hệ thống quản lý cải cách hành chính trước ngày {}. Người đứng đầu chịu trách "
                       "nhiệm về kết quả thực hiện nhiệm vụ cải cách hành chính của cơ quan, đơn vị.",
                       to.head, format_date_vi(reply_by))));
  d.add(decree30_footer({"- Như trên;", "- Lưu: VT."}));
  return write(d);
}

}  // namespace cchc::coordination
