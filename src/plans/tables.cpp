#include "plans/tables.h"

#include <fmt/format.h>

namespace cchc::plans {

std::string roman(int n) {
  static const std::pair<int, const char*> digits[] = {{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, s] : digits) {
    while (n >= v) out += s, n -= v;
  }
  return out;
}

views::Table matrix_table(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Area>& areas,
                          const UnitNames& names, const std::vector<TaskState>* states) {
  views::Table t;
  t.id = "ma-tran-nhiem-vu";
  t.caption = fmt::format("Nhiệm vụ cụ thể thực hiện {} năm {} (Kèm theo Kế hoạch số {})",
                          plan.kind == "communication" ? "công tác thông tin, tuyên truyền cải cách hành chính"
                                                       : "cải cách hành chính",
                          plan.year, plan.number);
  for (const char* c : {"STT", "Mục tiêu", "Nhiệm vụ/Hoạt động", "Kết quả/Sản phẩm", "Cơ quan chủ trì",
                        "Cơ quan phối hợp", "Thời gian hoàn thành"}) {
    t.columns.push_back({c, "", false});
  }
  if (states) {
    t.columns.push_back({"Tình trạng", "", false});
    t.columns.push_back({"Tỷ lệ hoàn thành", "", true});
  }
  auto join = [&](const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
      auto it = names.find(c);
      out += (out.empty() ? "" : "; ") + (it == names.end() ? c : it->second);
    }
    return out;
  };
  int area_no = 0;
  for (const auto& area : areas) {
    bool any = false;
    int n = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
      const auto& task = tasks[i];
      if (task.area_code != area.code) continue;
      if (!any) {
        std::vector<views::Cell> row(t.columns.size(), views::Cell::of(""));
        row[0] = views::Cell::of(roman(++area_no));
        row[1] = views::Cell::of(area.name);
        t.rows.push_back(std::move(row));
        any = true;
      }
      std::vector<views::Cell> row = {
          views::Cell::of(task.ref.empty() ? std::to_string(++n) : task.ref),
          views::Cell::of(task.objective),
          views::Cell::of(task.description),
          views::Cell::of(task.output),
          views::Cell::of(join(task.leads)),
          views::Cell::of(join(task.cooperates)),
          views::Cell::of(format_deadline(task.deadline)),
      };
      if (!task.ref.empty()) ++n;
      if (states) {
        const auto& s = (*states)[i];
        row.push_back(views::Cell::of(status_label_vi(s.status)));
        row.push_back(views::Cell::percent(s.percent / 100.0));
        row[7].css = "status-" + status_code(s.status);
      }
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

}  // namespace cchc::plans
