#pragma once
// A table as pages show it and exports write it: one model, three outputs
// (the page's <table>, XLSX, CSV), so every table on a page can be exported
// exactly as shown.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cchc::views {

struct Cell {
  std::string text;              // as shown: "96,5 %", "1.234", "12/03/2024"
  std::optional<double> number;  // the value exports write as a number
  enum class Kind { text, integer, percent, decimal } kind = Kind::text;
  std::string href;  // a link, on pages
  std::string css;   // a class for the cell, on pages ("met", "missed" …)

  static Cell of(std::string text) { return Cell{std::move(text), std::nullopt, Kind::text, {}, {}}; }
  static Cell integer(std::int64_t v);
  // A ratio 0..1 shown as a percentage with one decimal; none → "—".
  static Cell percent(std::optional<double> ratio);
  static Cell decimal(std::optional<double> v, int fraction_digits);
};

struct Column {
  std::string label;
  std::string sort_href;  // a link that sorts by this column, on pages
  bool numeric = false;   // right-aligned
};

struct Table {
  std::string id;       // anchor and export name: "chi-so-don-vi"
  std::string caption;  // Vietnamese
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  // Exports only: lines under the caption saying what the figures cover
  // (the unit or scope, the period, the level), which a workbook would
  // otherwise leave behind with the page's filters. "Kỳ báo cáo: Quý
  // III/2025".
  std::vector<std::string> subtitle = {};
  // Exports only: what an empty cell of a numeric column means, written
  // under the caption when a figure shown on the page ("—", "Chưa đủ dữ
  // liệu") is left empty in the workbook; kBlankFigures when not set.
  std::string blank_note = {};
};

inline constexpr const char* kBlankFigures = "Ô để trống ở cột số liệu: chưa có dữ liệu.";

// For templates/common/table.tpl.
nlohmann::json to_view(const Table& t);

// A chart for templates/common/chart.tpl, drawn by static/js/charts.js from
// `config` ({"type": "line"|"bar", "categories": […], "series": [{"name",
// "data"}], "percent": bool, "stacked": bool}); hidden from screen readers,
// its caption names the table holding the same figures.
nlohmann::json chart_view(const nlohmann::json& config, const std::string& caption, const std::string& table_caption);

// An XLSX workbook with one sheet per table: the caption on the first row,
// the subtitle's lines under it, the blank note when a figure is left
// empty, an empty row, then the headers in bold and the rows. Numbers are
// numbers (percentages formatted "0.0%"); a numeric column holds numbers or
// nothing, never text (a figure without a value, "—" on the page, is left
// empty). Text is always written as text, never as a formula.
std::string to_xlsx(const std::vector<Table>& tables);

// CSV of one table (header row first). A cell that a spreadsheet would read
// as a formula (starting with = + - @, tab or CR) is prefixed with ' unless
// it is a number; a figure with no value is empty.
std::string to_csv(const Table& t);

}  // namespace cchc::views
