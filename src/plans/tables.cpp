#include "plans/tables.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "plans/rules.h"

namespace cchc::plans {

std::string roman(int n) {
  static const std::pair<int, const char*> digits[] = {{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, s] : digits) {
    while (n >= v) out += s, n -= v;
  }
  return out;
}

std::vector<std::pair<const Area*, std::vector<size_t>>> group_by_area(const std::vector<Area>& areas,
                                                                       const std::vector<std::string>& item_areas) {
  std::vector<std::pair<const Area*, std::vector<size_t>>> out;
  for (const auto& a : areas) {
    std::vector<size_t> items;
    for (size_t i = 0; i < item_areas.size(); ++i) {
      if (item_areas[i] == a.code) items.push_back(i);
    }
    if (!items.empty()) out.emplace_back(&a, std::move(items));
  }
  return out;
}

std::vector<views::Cell> area_row(size_t columns, int number, const std::string& name) {
  std::vector<views::Cell> row(columns, views::Cell::of(""));
  row[0] = views::Cell::of(roman(number));
  row[1] = views::Cell::of(name);
  return row;
}

views::Table matrix_table(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Area>& areas,
                          const UnitNames& names, const std::vector<TaskState>* states) {
  views::Table t;
  t.id = "ma-tran-nhiem-vu";
  t.caption = fmt::format(
      "Nhiệm vụ cụ thể thực hiện {} năm {} (Kèm theo Kế hoạch số {})",
      plan.kind == "communication" ? "công tác thông tin, tuyên truyền cải cách hành chính" : "cải cách hành chính",
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
  std::vector<std::string> task_areas;
  for (const auto& task : tasks) task_areas.push_back(task.area_code);
  int area_no = 0;
  for (const auto& [area, items] : group_by_area(areas, task_areas)) {
    t.rows.push_back(area_row(t.columns.size(), ++area_no, area->name));
    int n = 0;
    for (size_t i : items) {
      const auto& task = tasks[i];
      ++n;
      std::vector<views::Cell> row = {
          views::Cell::of(task.ref.empty() ? std::to_string(n) : task.ref),
          views::Cell::of(task.objective),
          views::Cell::of(task.description),
          views::Cell::of(task.output),
          views::Cell::of(join(task.leads)),
          views::Cell::of(join(task.cooperates)),
          views::Cell::of(deadline_shown(task.deadline)),
      };
      if (deadline_unread(task.deadline)) row[6].css = "missed";
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

namespace {

const TaskStatus kStatuses[] = {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::done,
                                TaskStatus::done_late,   TaskStatus::overdue,     TaskStatus::cancelled};

views::Column text_col(const char* label) { return {label, "", false}; }
views::Column num_col(const char* label) { return {label, "", true}; }

int count_of(const StatusCounts& c, TaskStatus s) {
  auto it = c.find(s);
  return it == c.end() ? 0 : it->second;
}

std::string name_of(const UnitNames& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

}  // namespace

views::Table status_by_area_table(const ProvinceSummary& s, const std::vector<Area>& areas) {
  views::Table t{"theo-linh-vuc", "Nhiệm vụ theo lĩnh vực và tình trạng", {text_col("Lĩnh vực")}, {}};
  for (auto st : kStatuses) t.columns.push_back({status_label_vi(st), "", true});
  t.columns.push_back(num_col("Tổng số"));
  auto row = [&](const std::string& label, const StatusCounts& c) {
    std::vector<views::Cell> r = {views::Cell::of(label)};
    int total = 0;
    for (auto st : kStatuses) {
      r.push_back(views::Cell::integer(count_of(c, st)));
      total += count_of(c, st);
    }
    r.push_back(views::Cell::integer(total));
    t.rows.push_back(std::move(r));
  };
  for (const auto& a : areas) {
    auto it = s.by_area.find(a.code);
    if (it != s.by_area.end()) row(a.name, it->second);
  }
  row("Tổng cộng", s.by_status);
  return t;
}

views::Table ranking_table(const ProvinceSummary& s, const UnitNames& names) {
  views::Table t{
      "xep-hang-dung-han",
      "Xếp hạng đơn vị theo tỷ lệ hoàn thành đúng hạn",
      {num_col("Hạng"), text_col("Đơn vị chủ trì"), num_col("Được giao"), num_col("Đến hạn"),
       num_col("Hoàn thành đúng hạn"), num_col("Hoàn thành trễ hạn"), num_col("Quá hạn"), num_col("Tỷ lệ đúng hạn")},
      {}};
  for (const auto& u : s.units) {
    t.rows.push_back({u.rank ? views::Cell::integer(u.rank) : views::Cell::of("Chưa có nhiệm vụ đến hạn"),
                      views::Cell::of(name_of(names, u.unit)), views::Cell::integer(u.assigned),
                      views::Cell::integer(u.due), views::Cell::integer(u.on_time), views::Cell::integer(u.late),
                      views::Cell::integer(u.overdue), views::Cell::percent(u.rate)});
  }
  t.blank_note = "Ô để trống ở cột Hạng và Tỷ lệ đúng hạn: chưa có nhiệm vụ đến hạn.";
  return t;
}

views::Table overdue_table(const ProvinceSummary& s, const UnitNames& names) {
  views::Table t{"qua-han",
                 "Nhiệm vụ quá hạn",
                 {text_col("Nhiệm vụ"), text_col("Đơn vị chủ trì"), text_col("Thời hạn"), num_col("Số ngày quá hạn"),
                  num_col("Tỷ lệ hoàn thành")},
                 {}};
  for (const auto& o : s.overdue) {
    auto task = views::Cell::of(o.task->task.ref.empty() ? o.task->task.description
                                                         : o.task->task.ref + ". " + o.task->task.description);
    task.href = fmt::format("/nhiem-vu/{}", o.task->task.id);
    t.rows.push_back({task, views::Cell::of(name_of(names, o.unit)),
                      views::Cell::of(format_deadline(o.task->task.deadline)), views::Cell::integer(o.days),
                      views::Cell::percent(o.percent / 100.0)});
  }
  return t;
}

views::Table heat_table(const ProvinceSummary& s, const std::vector<Area>& areas, const UnitNames& names,
                        const std::function<std::string(const std::string&)>& letter) {
  views::Table t{"ban-do-nhiet", "Số nhiệm vụ quá hạn theo đơn vị và lĩnh vực", {text_col("Đơn vị chủ trì")}, {}};
  for (const auto& a : areas) t.columns.push_back({a.name, "", true});
  t.columns.push_back(num_col("Tổng số"));
  if (letter) t.columns.push_back(text_col("Văn bản đôn đốc"));
  std::vector<std::pair<std::string, std::string>> units;  // name, code
  for (const auto& [code, by_area] : s.heat) units.emplace_back(name_of(names, code), code);
  std::sort(units.begin(), units.end(),
            [](const auto& a, const auto& b) { return text::collate_less(a.first, b.first); });
  for (const auto& [name, code] : units) {
    const auto& by_area = s.heat.at(code);
    std::vector<views::Cell> r = {views::Cell::of(name)};
    int total = 0;
    for (const auto& a : areas) {
      auto it = by_area.find(a.code);
      int n = it == by_area.end() ? 0 : it->second;
      total += n;
      auto c = views::Cell::integer(n);
      if (n > 0) c.css = n >= 5 ? "heat-3" : n >= 2 ? "heat-2" : "heat-1";
      r.push_back(c);
    }
    r.push_back(views::Cell::integer(total));
    if (letter) {
      auto href = letter(code);  // "" for a unit the reader does not urge
      auto link = views::Cell::of(href.empty() ? "—" : "Tải dự thảo (.docx)");
      link.href = href;
      r.push_back(link);
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

views::Table trend_table(const std::vector<TrendPoint>& points) {
  views::Table t{"xu-huong", "Tình trạng nhiệm vụ qua các kỳ", {text_col("Thời điểm")}, {}};
  for (auto st : kStatuses) t.columns.push_back({status_label_vi(st), "", true});
  for (const auto& p : points) {
    std::vector<views::Cell> r = {views::Cell::of(p.label)};
    for (auto st : kStatuses) r.push_back(views::Cell::integer(count_of(p.counts, st)));
    t.rows.push_back(std::move(r));
  }
  return t;
}

nlohmann::json status_by_area_chart(const ProvinceSummary& s, const std::vector<Area>& areas) {
  nlohmann::json categories = nlohmann::json::array(), series = nlohmann::json::array();
  for (const auto& a : areas) {
    if (s.by_area.count(a.code)) categories.push_back(a.name);
  }
  for (auto st : kStatuses) {
    nlohmann::json data = nlohmann::json::array();
    for (const auto& a : areas) {
      auto it = s.by_area.find(a.code);
      if (it != s.by_area.end()) data.push_back(count_of(it->second, st));
    }
    series.push_back({{"name", status_label_vi(st)}, {"data", data}});
  }
  return {{"type", "bar"}, {"stacked", true}, {"percent", false}, {"categories", categories}, {"series", series}};
}

nlohmann::json trend_chart(const std::vector<TrendPoint>& points) {
  nlohmann::json categories = nlohmann::json::array(), series = nlohmann::json::array();
  for (const auto& p : points) categories.push_back(p.label);
  for (auto st : {TaskStatus::done, TaskStatus::done_late, TaskStatus::overdue, TaskStatus::in_progress}) {
    nlohmann::json data = nlohmann::json::array();
    for (const auto& p : points) data.push_back(count_of(p.counts, st));
    series.push_back({{"name", status_label_vi(st)}, {"data", data}});
  }
  return {{"type", "line"}, {"percent", false}, {"categories", categories}, {"series", series}};
}

}  // namespace cchc::plans
