#include "views/table.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"

namespace cchc::views {

Cell Cell::integer(std::int64_t v) { return Cell{text::format_int(v), double(v), Kind::integer, {}, {}}; }

Cell Cell::percent(std::optional<double> ratio) {
  if (!ratio) return Cell{"—", std::nullopt, Kind::percent, {}, {}};
  return Cell{text::format_percent(*ratio * 100.0, 1), *ratio, Kind::percent, {}, {}};
}

Cell Cell::decimal(std::optional<double> v, int fraction_digits) {
  if (!v) return Cell{"—", std::nullopt, Kind::decimal, {}, {}};
  return Cell{text::format_decimal(*v, fraction_digits), *v, Kind::decimal, {}, {}};
}

nlohmann::json chart_view(const nlohmann::json& config, const std::string& caption, const std::string& table_caption) {
  return {{"_template", "common/chart.tpl"},
          {"config", config.dump()},
          {"caption", caption},
          {"table_caption", table_caption}};
}

nlohmann::json to_view(const Table& t) {
  auto columns = nlohmann::json::array();
  for (const auto& c : t.columns) {
    nlohmann::json col = {{"label", c.label}, {"numeric", c.numeric}};
    if (!c.sort_href.empty()) col["sort"] = {{"href", c.sort_href}};
    columns.push_back(col);
  }
  auto cell_view = [&](const Cell& c, std::size_t i) {
    std::string cls = c.css;
    if (i < t.columns.size() && t.columns[i].numeric) cls += cls.empty() ? "num" : " num";
    nlohmann::json v = {{"text", c.text}};
    if (!cls.empty()) v["styled"] = {{"class", cls}};
    if (!c.href.empty())
      v["link"] = {{"href", c.href}};
    else
      v["plain"] = true;
    return v;
  };
  auto rows = nlohmann::json::array();
  for (const auto& r : t.rows) {
    if (r.empty()) continue;
    auto cells = nlohmann::json::array();
    for (std::size_t i = 1; i < r.size(); ++i) cells.push_back(cell_view(r[i], i));
    rows.push_back({{"head", cell_view(r[0], 0)}, {"cells", cells}});
  }
  nlohmann::json v = {
      {"_template", "common/table.tpl"}, {"id", t.id}, {"caption", t.caption}, {"columns", columns}, {"rows", rows}};
  if (t.rows.empty()) v["empty"] = {{"colspan", std::to_string(std::max<std::size_t>(1, t.columns.size()))}};
  return v;
}

namespace {

// Sheet names: at most 31 characters, none of []:*?/\ ; unique.
std::string sheet_name(const Table& t, int index) {
  std::string base = t.id.empty() ? "Bang" : t.id;
  for (char& ch : base)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '-';
  std::string name = fmt::format("-{}", index + 1);
  name.insert(0, base, 0, std::min(base.size(), 31 - name.size()));
  return name;
}

struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cchc-export-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw Error(ErrorKind::internal, "cannot create a temporary file for the export");
    ::close(fd);
    path = pattern;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

// A figure the page shows as text ("—", "Chưa đủ dữ liệu") that a
// workbook leaves empty: no value, in a numeric column or of a numeric kind.
bool blank_figure(const Table& t, std::size_t column, const Cell& cell) {
  if (cell.number) return false;
  return cell.kind != Cell::Kind::text || (column < t.columns.size() && t.columns[column].numeric);
}

bool has_blank_figure(const Table& t) {
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (!row[c].text.empty() && blank_figure(t, c, row[c])) return true;
    }
  }
  return false;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR)
    throw Error(ErrorKind::internal, std::string("XLSX export failed: ") + what + ": " + lxw_strerror(e));
}

}  // namespace

std::string to_xlsx(const std::vector<Table>& tables) {
  TempFile file;
  lxw_workbook* wb = workbook_new(file.path.c_str());
  if (!wb) throw Error(ErrorKind::internal, "XLSX export failed: cannot open the workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* caption = workbook_add_format(wb);
  format_set_bold(caption);
  format_set_font_size(caption, 13);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "#,##0");
  lxw_format* decimal = workbook_add_format(wb);
  format_set_num_format(decimal, "0.00");
  for (std::size_t ti = 0; ti < tables.size(); ++ti) {
    const auto& t = tables[ti];
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t, int(ti)).c_str());
    lxw_row_t at = 0;
    worksheet_write_string(ws, at++, 0, t.caption.c_str(), caption);
    for (const auto& line : t.subtitle) worksheet_write_string(ws, at++, 0, line.c_str(), nullptr);
    if (has_blank_figure(t)) {
      worksheet_write_string(ws, at++, 0, (t.blank_note.empty() ? kBlankFigures : t.blank_note.c_str()), nullptr);
    }
    const lxw_row_t header = at + 1;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      worksheet_write_string(ws, header, lxw_col_t(c), t.columns[c].label.c_str(), bold);
      worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c == 0 ? 36 : 16, nullptr);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      auto row = lxw_row_t(header + 1 + r);
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const auto& cell = t.rows[r][c];
        if (cell.number) {
          lxw_format* f = cell.kind == Cell::Kind::percent   ? percent
                          : cell.kind == Cell::Kind::integer ? integer
                                                             : decimal;
          worksheet_write_number(ws, row, lxw_col_t(c), *cell.number, f);
        } else if (!cell.text.empty() && !blank_figure(t, c, cell)) {
          worksheet_write_string(ws, row, lxw_col_t(c), cell.text.c_str(), nullptr);
        }
      }
    }
  }
  check(workbook_close(wb), "closing the workbook");
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string to_csv(const Table& t) {
  auto neutral = [](const Cell& c) {
    if (c.number)
      return c.kind == Cell::Kind::percent || c.kind == Cell::Kind::decimal ? nlohmann::json(*c.number).dump()
                                                                            : std::to_string(std::int64_t(*c.number));
    if (c.kind != Cell::Kind::text) return std::string();  // a figure with no value ("—" on pages)
    if (!c.text.empty() && std::string_view("=+-@\t\r").find(c.text[0]) != std::string_view::npos) return "'" + c.text;
    return c.text;
  };
  std::vector<std::string> header;
  for (const auto& c : t.columns) header.push_back(c.label);
  std::string out = csv::format_row(header);
  for (const auto& r : t.rows) {
    std::vector<std::string> fields;
    for (const auto& c : r) fields.push_back(neutral(c));
    out += csv::format_row(fields);
  }
  return out;
}

}  // namespace cchc::views
