#include "views/docx.h"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

#include "core/errors.h"

namespace cchc::views::docx {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n') break;  // not allowed in XML 1.0
        out += char(c);
    }
  }
  return out;
}

const char* align_of(Paragraph::Align a) {
  switch (a) {
    case Paragraph::Align::left: return "left";
    case Paragraph::Align::center: return "center";
    case Paragraph::Align::right: return "right";
    case Paragraph::Align::both: return "both";
  }
  return "both";
}

std::string run_xml(const Run& r) {
  std::string props;
  if (r.bold) props += "<w:b/>";
  if (r.italic) props += "<w:i/>";
  if (r.underline) props += "<w:u w:val=\"single\"/>";
  if (r.size_pt) props += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", r.size_pt * 2);
  std::string out = "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>");
  // Line feeds become breaks; each piece its own text element.
  size_t start = 0;
  for (;;) {
    auto nl = r.text.find('\n', start);
    auto piece = r.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += "<w:t xml:space=\"preserve\">" + escape(piece) + "</w:t>";
    if (nl == std::string::npos) break;
    out += "<w:br/>";
    start = nl + 1;
  }
  return out + "</w:r>";
}

std::string paragraph_xml(const Paragraph& p) {
  std::string out = fmt::format("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"{}\"/>", p.space_after_pt * 20);
  if (p.indent_first_cm10) out += fmt::format("<w:ind w:firstLine=\"{}\"/>", p.indent_first_cm10 * 567 / 10);
  out += fmt::format("<w:jc w:val=\"{}\"/></w:pPr>", align_of(p.align));
  for (const auto& r : p.runs) out += run_xml(r);
  return out + "</w:p>";
}

std::string table_xml(const Table& t) {
  // Layout tables have no borders; data tables single lines everywhere.
  const char* line = t.borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\"";
  std::string out = fmt::format(
      "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
      "<w:top {0}/><w:left {0}/><w:bottom {0}/><w:right {0}/><w:insideH {0}/><w:insideV {0}/></w:tblBorders>"
      "<w:tblLayout w:type=\"fixed\"/></w:tblPr>",
      line);
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    // A data table's first row is its header, repeated on every page.
    out += t.borders && i == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (const auto& c : row) {
      out += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"pct\"/></w:tcPr>", c.width_percent * 50);
      if (c.paragraphs.empty()) out += "<w:p/>";
      for (const auto& p : c.paragraphs) out += paragraph_xml(p);
      out += "</w:tc>";
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

// mm → twentieths of a point.
int twips(int mm) { return mm * 1440 * 10 / 254; }

std::string document_xml(const Document& d) {
  std::string body;
  for (const auto& b : d.blocks) {
    body += b.kind == Block::Kind::paragraph ? paragraph_xml(b.paragraph) : table_xml(b.table);
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body +
         fmt::format(
             "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
             "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"709\" "
             "w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>",
             twips(d.margin_top), twips(d.margin_right), twips(d.margin_bottom), twips(d.margin_left)) +
         "</w:body></w:document>";
}

std::string styles_xml(const Document& d) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults>"
      "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{0}\" w:hAnsi=\"{0}\" w:cs=\"{0}\" w:eastAsia=\"{0}\"/>"
      "<w:sz w:val=\"{1}\"/><w:szCs w:val=\"{1}\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
      "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
      "</w:style></w:styles>",
      escape(d.font), d.size_pt * 2);
}

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>";

const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

const char* kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

Error failed(const char* what) { return Error(ErrorKind::internal, std::string("writing the document: ") + what); }

}  // namespace

Document& Document::add(Paragraph p) {
  blocks.push_back({Block::Kind::paragraph, std::move(p), {}});
  return *this;
}

Document& Document::add(Table t) {
  blocks.push_back({Block::Kind::table, {}, std::move(t)});
  return *this;
}

Paragraph para(std::string text, Paragraph::Align align, bool bold, bool italic, int size_pt) {
  Paragraph p;
  p.align = align;
  p.runs.push_back({std::move(text), bold, italic, false, size_pt});
  return p;
}

std::string write(const Document& d) {
  const std::vector<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRels},
      {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/document.xml", document_xml(d)},
      {"word/styles.xml", styles_xml(d)},
  };
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!src) throw failed("buffer");
  zip_source_keep(src);  // read the bytes back after closing the archive
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(src, zip_source_free);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (!z) throw failed("archive");
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_int64_t index = part ? zip_file_add(z, name, part, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (part) zip_source_free(part);
      zip_discard(z);
      throw failed(name);
    }
    // A fixed time (1 January 2020) for every part: the same document is
    // the same bytes whenever it is written (its PDF is cached by them).
    zip_file_set_mtime(z, zip_uint64_t(index), 1577836800, 0);
  }
  if (zip_close(z) < 0) {
    zip_discard(z);
    throw failed("close");
  }
  zip_stat_t st;
  if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) throw failed("read back");
  std::string out(st.size, '\0');
  auto n = zip_source_read(src, out.data(), st.size);
  zip_source_close(src);
  if (n < 0 || zip_uint64_t(n) != st.size) throw failed("read back");
  return out;
}

}  // namespace cchc::views::docx
