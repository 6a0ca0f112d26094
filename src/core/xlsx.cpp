#include "core/xlsx.h"

#include <fmt/format.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

#include "core/errors.h"
#include "core/ooxml.h"

namespace cchc::xlsx {

namespace {

constexpr size_t kMaxRows = 20000;
constexpr int kMaxColumns = 100;  // cells further right are left out
// Excel's own limit is 32 767 characters a cell: up to three bytes each.
constexpr size_t kMaxCellBytes = 32767 * 3;
constexpr size_t kMaxTextBytes = 20u << 20;

Error not_a_workbook(const std::string& why) {
  return invalid_input("not a readable XLSX workbook: " + why, "Tệp không phải bảng tính XLSX đọc được (" + why + ").");
}

using ooxml::attr;

// expat over a part of the workbook, failures named as the workbook's.
struct Parser : ooxml::Parser {
  void run(const std::string& xml, const std::string& part) { ooxml::Parser::run(xml, part, not_a_workbook); }
};

std::vector<std::string> shared_strings(const ooxml::Package& z) {
  std::vector<std::string> out;
  auto xml = z.part("xl/sharedStrings.xml");
  if (!xml) return out;
  bool in_t = false;
  int phonetic = 0;
  Parser p;
  p.start = [&](std::string_view n, const char**) {
    if (n == "si")
      out.emplace_back();
    else if (n == "rPh")
      ++phonetic;
    else if (n == "t")
      in_t = true;
  };
  p.end = [&](std::string_view n) {
    if (n == "rPh")
      --phonetic;
    else if (n == "t")
      in_t = false;
  };
  p.text = [&](std::string_view s) {
    if (in_t && !phonetic && !out.empty()) out.back() += s;
  };
  p.run(*xml, "sharedStrings.xml");
  return out;
}

// The first sheet's part name, from the workbook and its relationships.
std::string first_sheet_part(const ooxml::Package& z) {
  auto wb = z.part("xl/workbook.xml");
  if (!wb) throw not_a_workbook("no xl/workbook.xml");
  std::string rid;
  Parser p;
  p.start = [&](std::string_view n, const char** a) {
    if (n == "sheet" && rid.empty()) {
      for (int i = 0; a[i]; i += 2) {
        if (std::string_view(a[i]).ends_with(":id")) rid = a[i + 1];
      }
    }
  };
  p.run(*wb, "workbook.xml");
  std::string target;
  if (auto rels = z.part("xl/_rels/workbook.xml.rels")) {
    Parser r;
    r.start = [&](std::string_view n, const char** a) {
      if (n == "Relationship" && attr(a, "Id") && rid == attr(a, "Id") && attr(a, "Target")) target = attr(a, "Target");
    };
    r.run(*rels, "workbook.xml.rels");
  }
  if (target.empty()) return "xl/worksheets/sheet1.xml";
  if (target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

// "BC12" → column 54 (A = 0); -1 when malformed.
int column_of(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return -1;  // past XFD, Excel's last column (and before int could overflow)
  }
  if (i == 0) return -1;
  return col - 1;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return ooxml::looks_like_zip(bytes); }

Rows read_first_sheet(std::string_view bytes) {
  ooxml::Package package(bytes, not_a_workbook);
  auto strings = shared_strings(package);
  auto part = first_sheet_part(package);
  auto xml = package.part(part);
  if (!xml) throw not_a_workbook("no worksheet " + part);

  Rows rows;
  std::string type, value;
  int col = -1, next_col = 0, row_no = 0;
  std::size_t text_bytes = 0;
  bool in_value = false;
  Parser p;
  p.start = [&](std::string_view n, const char** at) {
    if (n == "row") {
      if (rows.size() >= kMaxRows) throw not_a_workbook(fmt::format("more than {} rows", kMaxRows));
      const char* r = attr(at, "r");
      row_no = r ? std::atoi(r) : row_no + 1;
      rows.push_back({row_no, {}});
      next_col = 0;
    } else if (n == "c") {
      const char* r = attr(at, "r");
      const char* t = attr(at, "t");
      col = r ? column_of(r) : next_col;
      if (col < 0) throw not_a_workbook(fmt::format("bad cell reference '{}'", r ? r : ""));
      type = t ? t : "n";
      value.clear();
    } else if (n == "v" || (n == "t" && type == "inlineStr")) {
      in_value = true;
    }
  };
  p.end = [&](std::string_view n) {
    if (n == "v" || n == "t") {
      in_value = false;
    } else if (n == "c" && !rows.empty()) {
      std::string text = value;
      if (type == "s") {
        size_t i = value.empty() ? strings.size() : size_t(std::strtoul(value.c_str(), nullptr, 10));
        if (i >= strings.size()) throw not_a_workbook("a cell names a missing shared string");
        text = strings[i];
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      }
      next_col = col + 1;
      if (col >= kMaxColumns) return;
      // Shared strings are copied into each cell that names them: the copies
      // are bounded, so one long string named in many cells cannot multiply.
      if (text.size() > kMaxCellBytes) {
        throw not_a_workbook(fmt::format("a cell holds more than {} bytes", kMaxCellBytes));
      }
      text_bytes += text.size();
      if (text_bytes > kMaxTextBytes) {
        throw not_a_workbook(fmt::format("the cells hold more than {} MiB of text", kMaxTextBytes >> 20));
      }
      auto& cells = rows.back().second;
      if (cells.size() <= size_t(col)) cells.resize(size_t(col) + 1);
      cells[size_t(col)] = std::move(text);
    }
  };
  p.text = [&](std::string_view s) {
    if (in_value) value += s;
  };
  p.run(*xml, part);
  return rows;
}

}  // namespace cchc::xlsx
