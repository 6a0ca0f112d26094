#include "plans/matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "core/text.h"

namespace cchc::plans {

using namespace std::chrono;

namespace {

bool is_roman(std::string_view s) {
  static const std::regex roman(R"(^(x{0,3})(ix|iv|v?i{0,3})\.?$)", std::regex::icase);
  return !s.empty() && s != "." && std::regex_match(std::string(s), roman);
}

std::string cell(const std::vector<std::string>& cells, int i) {
  if (i < 0 || size_t(i) >= cells.size()) return {};
  return std::string(text::trim(cells[size_t(i)]));
}

struct Header {
  int stt = -1, objective = -1, task = -1, output = -1, lead = -1, cooperate = -1, deadline = -1;
  bool ok() const { return task >= 0 && lead >= 0 && deadline >= 0; }
};

Header find_header(const std::vector<std::string>& cells) {
  Header h;
  for (size_t i = 0; i < cells.size(); ++i) {
    auto f = text::fold(cells[i]);
    int col = int(i);
    auto has = [&](const char* w) { return f.find(w) != std::string::npos; };
    if (f == "stt" || f == "tt" || f == "so tt")
      h.stt = col;
    else if (has("muc tieu"))
      h.objective = col;
    else if (has("nhiem vu") || has("hoat dong"))
      h.task = col;
    else if (has("ket qua") || has("san pham"))
      h.output = col;
    else if (has("chu tri"))
      h.lead = col;
    else if (has("phoi hop"))
      h.cooperate = col;
    else if (has("thoi gian") || has("thoi han"))
      h.deadline = col;
  }
  return h;
}

// An Excel day number (a date-formatted cell read as its value).
std::optional<std::string> excel_date_text(const std::string& s) {
  static const std::regex serial(R"(^(\d{5})(?:\.0+)?$)");
  std::smatch m;
  if (!std::regex_match(s, m, serial)) return std::nullopt;
  int n = std::stoi(m[1]);
  if (n < 32874 || n > 73050) return std::nullopt;  // 1990 … 2099
  Date d{sys_days{year{1899} / December / day{30}} + days{n}};
  return "Trước ngày " + format_date_vi(d);
}

}  // namespace

std::vector<UnresolvedName> resolve_units(std::vector<MatrixRow>& rows, const UnitMatcher& matcher,
                                          const Resolutions& resolutions) {
  std::vector<UnresolvedName> unresolved;
  auto by_resolution = [&](const std::string& name) -> std::optional<std::vector<std::string>> {
    auto it = resolutions.find(unit_key(name));
    if (it == resolutions.end()) return std::nullopt;
    std::vector<std::string> codes;
    const auto& units = matcher.units();
    if (it->second.rfind("level:", 0) == 0) {
      for (const auto& u : units) {
        if (u.level == it->second.substr(6)) codes.push_back(u.code);
      }
    } else if (std::any_of(units.begin(), units.end(), [&](const auto& u) { return u.code == it->second; })) {
      codes.push_back(it->second);
    }
    if (codes.empty()) return std::nullopt;
    return codes;
  };
  auto fill = [&](const std::string& cell_text, std::vector<std::string>& codes, int line) {
    // The whole cell may be resolved as one name; else each name in it.
    std::vector<std::pair<std::string, UnitMatch>> names;
    if (by_resolution(tidy_piece(cell_text))) {
      names.emplace_back(tidy_piece(cell_text), UnitMatch{});
    } else {
      names = matcher.match_cell(cell_text);
    }
    for (const auto& [name, m] : names) {
      std::vector<std::string> found;
      if (auto r = by_resolution(name))
        found = *r;
      else if (m.kind == UnitMatch::Kind::unit || m.kind == UnitMatch::Kind::group)
        found = m.codes;
      if (found.empty()) {
        auto it =
            std::find_if(unresolved.begin(), unresolved.end(), [&n = name](const auto& u) { return u.name == n; });
        if (it == unresolved.end()) {
          unresolved.push_back({name, {}, m.kind == UnitMatch::Kind::ambiguous, m.candidates});
          it = unresolved.end() - 1;
        }
        if (it->lines.empty() || it->lines.back() != line) it->lines.push_back(line);
        continue;
      }
      for (auto& code : found) {
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
      }
    }
  };
  for (auto& row : rows) {
    row.leads.clear();
    row.cooperates.clear();
    fill(row.lead_cell, row.leads, row.line);
    fill(row.cooperate_cell, row.cooperates, row.line);
    // A unit that leads does not also co-operate.
    std::erase_if(row.cooperates,
                  [&](const auto& c) { return std::find(row.leads.begin(), row.leads.end(), c) != row.leads.end(); });
  }
  return unresolved;
}

std::optional<std::string> match_area(std::string_view heading, const std::vector<Area>& areas) {
  static const std::vector<std::pair<std::string, std::string>> keywords = {
      {"the che", "institutions"},
      {"thu tuc hanh chinh", "procedures"},
      {"to chuc bo may", "organisation"},
      {"che do cong vu", "civil_service"},
      {"cong vu", "civil_service"},
      {"tai chinh cong", "public_finance"},
      {"chinh quyen dien tu", "digital_government"},
      {"chinh quyen so", "digital_government"},
      {"chuyen doi so", "digital_government"},
      {"chi dao", "direction"},
      {"tuyen truyen", "communication"},
  };
  std::string key = unit_key(heading);
  // Drop a leading numbering ("i ", "2 ").
  static const std::regex numbering(R"(^(?:[ivx]+|\d+)\s+)");
  key = std::regex_replace(key, numbering, "");
  auto present = [&](const std::string& code) {
    return std::any_of(areas.begin(), areas.end(), [&](const auto& a) { return a.code == code; });
  };
  for (const auto& a : areas) {
    if (unit_key(a.name) == key) return a.code;
  }
  for (const auto& [word, code] : keywords) {
    if (key.find(word) != std::string::npos && present(code)) return code;
  }
  std::optional<std::string> best;
  double best_score = 0.6;
  for (const auto& a : areas) {
    double s = similarity(key, unit_key(a.name));
    if (s >= best_score) best_score = s, best = a.code;
  }
  return best;
}

MatrixRead read_matrix(const Grid& grid, const std::vector<Area>& areas) {
  MatrixRead out;
  Header h;
  std::string area, objective, group;
  auto error = [&](int line, const std::string& en, const std::string& vi) {
    out.errors.push_back({line, fmt::format("line {}: {}", line, en), fmt::format("Dòng {}: {}", line, vi)});
  };
  for (const auto& [line, cells] : grid) {
    if (!h.ok()) {
      h = find_header(cells);
      if (!h.ok()) h = Header{};
      continue;
    }
    if (find_header(cells).ok()) continue;  // the header repeated on a new page
    std::vector<std::string> filled;
    for (const auto& c : cells) {
      auto t = std::string(text::trim(c));
      if (!t.empty()) filled.push_back(t);
    }
    if (filled.empty()) continue;
    static const std::regex column_numbers(R"(^\(?\d{1,2}\)?$)");
    if (std::all_of(filled.begin(), filled.end(), [](const auto& f) { return std::regex_match(f, column_numbers); })) {
      continue;  // the "(1) (2) (3)" row under the header
    }
    auto ref = cell(cells, h.stt);
    auto task = cell(cells, h.task), lead = cell(cells, h.lead), deadline = cell(cells, h.deadline);
    auto obj = cell(cells, h.objective), output = cell(cells, h.output), coop = cell(cells, h.cooperate);
    // The heading of an area or group row: the first filled cell after STT.
    std::string heading;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (int(i) == h.stt) continue;
      auto t = std::string(text::trim(cells[i]));
      if (!t.empty()) {
        heading = t;
        break;
      }
    }
    bool task_like = !lead.empty() || !deadline.empty() || !output.empty();
    if (!task_like && (is_roman(ref) || (ref.empty() && filled.size() == 1))) {
      if (auto code = match_area(heading, areas)) {
        area = *code;
        objective.clear();
        group.clear();
        continue;
      }
      if (is_roman(ref)) {
        error(line, fmt::format("unknown reform area '{}'", heading),
              fmt::format("không nhận ra lĩnh vực cải cách \"{}\".", heading));
        continue;
      }
    }
    if (!task_like) {  // a sub-heading
      group = heading;
      objective.clear();
      continue;
    }
    if (!obj.empty()) objective = obj;
    MatrixRow row;
    row.line = line;
    row.ref = ref;
    row.area_code = area;
    row.objective = objective.empty() ? group : objective;
    row.description = task;
    row.output = output;
    row.lead_cell = lead;
    row.cooperate_cell = coop;
    row.deadline_text = excel_date_text(deadline).value_or(deadline);
    if (area.empty()) {
      error(line, "no reform-area heading (I, II, …) above this row",
            "chưa có dòng lĩnh vực cải cách (I, II, …) phía trên dòng này.");
    }
    if (task.empty()) error(line, "the task (Nhiệm vụ/Hoạt động) is empty", "chưa có nội dung nhiệm vụ.");
    if (lead.empty()) error(line, "the lead unit (Cơ quan chủ trì) is empty", "chưa có cơ quan chủ trì.");
    if (deadline.empty()) {
      error(line, "the deadline (Thời gian hoàn thành) is empty", "chưa có thời gian hoàn thành.");
    } else {
      // Never a refused row: a phrase it cannot read is kept as written
      // (kind unparsed) and flagged on the pages.
      try {
        row.deadline = read_deadline(row.deadline_text);
      } catch (const Error& e) {  // not UTF-8
        error(line, e.what(), e.message_vi());
      }
    }
    if (text::code_points(task) > 4000 || text::code_points(output) > 1000 || text::code_points(obj) > 2000) {
      error(line, "a cell is longer than allowed (task 4000, output 1000, objective 2000 characters)",
            "ô quá dài (nhiệm vụ 4.000, kết quả 1.000, mục tiêu 2.000 ký tự).");
    }
    out.rows.push_back(std::move(row));
  }
  if (!h.ok()) {
    out.errors.insert(
        out.errors.begin(),
        {0, "no header row naming the columns Nhiệm vụ/Hoạt động, Cơ quan chủ trì and Thời gian hoàn thành",
         "Không tìm thấy dòng tiêu đề có các cột Nhiệm vụ/Hoạt động, Cơ quan chủ trì, Thời gian hoàn thành."});
  } else if (out.rows.empty() && out.errors.empty()) {
    out.errors.push_back({0, "the matrix has no task rows", "Bảng không có dòng nhiệm vụ nào."});
  }
  return out;
}

}  // namespace cchc::plans
