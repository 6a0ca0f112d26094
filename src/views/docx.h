#pragma once
// A Word document (Office Open XML WordprocessingML, ECMA-376 part 1 §17)
// from a small model: paragraphs of runs, and borderless layout tables, on
// A4 pages. Enough for the administrative documents of Decree 30/2020/NĐ-CP
// (national title and motto beside the issuing body, title, body,
// recipients and signature), which officials open in Word or LibreOffice,
// edit and sign. The package is written with libzip: [Content_Types].xml,
// _rels/.rels, word/document.xml, word/styles.xml.
//
// Text is escaped for XML and characters XML 1.0 cannot hold (control
// characters other than tab and line feed) are dropped; a line feed inside
// a run becomes a line break.
#include <string>
#include <vector>

namespace cchc::views::docx {

struct Run {
  std::string text;
  bool bold = false, italic = false, underline = false;
  int size_pt = 0;  // 0: the document's default
};

struct Paragraph {
  enum class Align { left, center, right, both } align = Align::both;
  std::vector<Run> runs;
  int indent_first_cm10 = 0;  // first-line indent, in tenths of a cm
  int space_after_pt = 6;
};

struct Cell {
  int width_percent = 50;
  std::vector<Paragraph> paragraphs;
};

// A table without borders, for side-by-side blocks; with `borders`, a data
// table ruled in single lines whose first row is a header repeated on each
// page.
struct Table {
  std::vector<std::vector<Cell>> rows;
  bool borders = false;
};

struct Block {
  enum class Kind { paragraph, table } kind;
  Paragraph paragraph;
  Table table;
};

struct Document {
  std::string font = "Times New Roman";
  int size_pt = 14;
  // Page margins in mm (Decree 30: top and bottom 20-25, left 30-35, right 15-20).
  int margin_top = 20, margin_bottom = 20, margin_left = 30, margin_right = 15;
  std::vector<Block> blocks;

  Document& add(Paragraph p);
  Document& add(Table t);
};

// Shorthands.
Paragraph para(std::string text, Paragraph::Align align = Paragraph::Align::both, bool bold = false,
               bool italic = false, int size_pt = 0);

// The .docx bytes.
std::string write(const Document& d);

}  // namespace cchc::views::docx
