// The Word writer: a package Word and LibreOffice open (the parts and
// relationships they need, well-formed XML), text escaped, characters XML
// cannot hold dropped, line feeds as breaks, A4 with the given margins.
#include "views/docx.h"

#include <expat.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <memory>
#include <string>

namespace cchc::views::docx {
namespace {

std::string part(const std::string& package, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(package.data(), package.size(), 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) {
    zip_source_free(src);
    return {};
  }
  zip_stat_t st;
  std::string out;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    out.resize(st.size);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

bool well_formed(const std::string& xml) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                  XML_ParserFree);
  return XML_Parse(p.get(), xml.data(), int(xml.size()), 1) == XML_STATUS_OK;
}

TEST(Docx, APackageWordOpens) {
  Document d;
  d.margin_left = 30;
  Table header;
  header.rows.push_back({Cell{40, {para("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", Paragraph::Align::center, true)}},
                         Cell{60, {para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Paragraph::Align::center, true)}}});
  d.add(header);
  d.add(para("Sở Kế hoạch & Đầu tư <báo cáo> \"quý\"\x01\x1f", Paragraph::Align::both));
  auto docx = write(d);
  ASSERT_EQ(docx.substr(0, 4), std::string("PK\x03\x04", 4));

  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml"}) {
    SCOPED_TRACE(name);
    auto xml = part(docx, name);
    ASSERT_FALSE(xml.empty());
    EXPECT_TRUE(well_formed(xml));
  }
  auto doc = part(docx, "word/document.xml");
  EXPECT_NE(doc.find("Sở Kế hoạch &amp; Đầu tư &lt;báo cáo&gt; &quot;quý&quot;</w:t>"), std::string::npos);
  EXPECT_EQ(doc.find('\x01'), std::string::npos);
  EXPECT_NE(doc.find("ỦY BAN NHÂN DÂN</w:t><w:br/><w:t xml:space=\"preserve\">TỈNH ĐỒNG NAI"), std::string::npos);
  EXPECT_NE(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);  // A4
  EXPECT_NE(doc.find("w:left=\"1700\""), std::string::npos);                        // 30 mm
  EXPECT_NE(doc.find("<w:tblBorders><w:top w:val=\"nil\"/>"), std::string::npos);   // layout table, no borders
  EXPECT_NE(part(docx, "word/styles.xml").find("Times New Roman"), std::string::npos);
  EXPECT_NE(part(docx, "[Content_Types].xml").find("wordprocessingml.document.main+xml"), std::string::npos);
}

}  // namespace
}  // namespace cchc::views::docx
