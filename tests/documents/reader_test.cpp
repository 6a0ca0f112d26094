// The reader: tables of cases for each pattern (number forms, date forms
// incl. OCR-broken ones, citations, lists, the signer), spans that point at
// the source, and the corpus documents against their hand-checked golden
// files (tests/documents/golden/, over the copies in tests/documents/corpus/:
// what a person reads off the page; what
// the scan makes illegible is null).
#include "documents/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "documents/json.h"

namespace cchc::documents {
namespace {

using nlohmann::json;

std::string at_span(std::string_view text, const Span& s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

TEST(Reader, NumberForms) {
  struct Case {
    const char* text;
    const char* number_symbol;  // nullptr: unreadable
    std::optional<int> number;
    const char* type_code;
  } cases[] = {
      {"Số: 77/KH-VP\n", "77/KH-VP", 77, "KH"},
      {"Số: 3183/QĐ-UBND\n", "3183/QĐ-UBND", 3183, "QĐ"},
      {"Số: 3183/QD-UBND\n", "3183/QĐ-UBND", 3183, "QĐ"},            // OCR lost the Đ
      {"So: 12 / BC - SNV\n", "12/BC-SNV", 12, "BC"},                // spaces inside
      {"S6: 45/TB-UBND\n", "45/TB-UBND", 45, "TB"},                  // "S6:" for "Số:"
      {"Số: **8149**/UBND-TTHC\n", "8149/UBND-TTHC", 8149, "CV"},    // markdown; a letter
      {"Số: 2636/CTr-VP\n", "2636/CTr-VP", 2636, "CTr"},
      {"Số: 1|2/KH-UBND\n", "112/KH-UBND", 112, "KH"},               // '|' read as 1
      {"Sé:.J /4 /KH-UBND\n", nullptr, std::nullopt, "KH"},          // illegible: never guessed
      {"86: 77/KH-VP Dong Nai\n", "77/KH-VP", 77, "KH"},             // the label lost
  };
  for (const auto& c : cases) {
    auto r = read(c.text);
    if (c.number_symbol) {
      ASSERT_TRUE(r.number_symbol.value) << c.text;
      EXPECT_EQ(*r.number_symbol.value, c.number_symbol) << c.text;
    } else {
      EXPECT_FALSE(r.number_symbol.value) << c.text;
      EXPECT_FALSE(r.number_symbol.raw.empty()) << c.text;
    }
    EXPECT_EQ(r.number.value, c.number) << c.text;
    ASSERT_TRUE(r.type_code.value) << c.text;
    EXPECT_EQ(*r.type_code.value, c.type_code) << c.text;
  }
  EXPECT_FALSE(read("Không có số hiệu văn bản.\n").number_symbol.value);
}

TEST(Reader, DateForms) {
  struct Case {
    const char* text;
    const char* date;  // nullptr: illegible
    const char* place;
  } cases[] = {
      {"Đồng Nai, ngày 11 tháng 01 năm 2023", "2023-01-11", "Đồng Nai"},
      {"Dong Nai, ngay 11 thang 01 ndm 2023", "2023-01-11", "Dong Nai"},        // no marks, "ndm"
      {"Vĩnh Cửu, ngày **24** tháng 10 năm 2022", "2022-10-24", "Vĩnh Cửu"},  // markdown
      {"Biên Hòa, ngày 5 tháng 3 năm 2024", "2024-03-05", "Biên Hòa"},
      {"Doéng Nai, ngay |§ thang 01 ndm 2024", nullptr, "Doéng Nai"},          // the day illegible
      {"Đồng Nai, ngày 31 tháng 02 năm 2024", nullptr, "Đồng Nai"},            // no such day
      {"Đồng Nai, ngày 1O tháng 01 năm 2024", "2024-01-10", "Đồng Nai"},       // O for 0
  };
  for (const auto& c : cases) {
    auto r = read(c.text);
    if (c.date) {
      ASSERT_TRUE(r.date.value) << c.text;
      EXPECT_EQ(format_iso_date(*r.date.value), c.date) << c.text;
    } else {
      EXPECT_FALSE(r.date.value) << c.text;
      EXPECT_NE(r.date.raw.find("2024"), std::string::npos) << c.text;  // the raw text kept
    }
    ASSERT_TRUE(r.place.value) << c.text;
    EXPECT_EQ(*r.place.value, c.place) << c.text;
  }
}

TEST(Reader, Citations) {
  struct Case {
    const char* text;
    const char* number_symbol;
    const char* type_code;
    const char* date;
    const char* issuer;
  } cases[] = {
      {"theo Quyết định số 3732/QĐ-UBND ngày 12/10/2020 của UBND tỉnh về việc", "3732/QĐ-UBND", "QĐ", "2020-10-12",
       "UBND tỉnh"},
      {"Nghi quyét sb 76/NQ-CP ngay 15 thang 7 nam 2021 cua Chinh phu vé viéc", "76/NQ-CP", "NQ", "2021-07-15", "Chinh phu"},
      {"tại văn bản số 10872/UBND-HCC ngày 13/10/2022 về việc rà soát", "10872/UBND-HCC", "CV", "2022-10-13", ""},
      {"Kế hoạch số 16341/KH-UBND ngày 28/12/2021 của Chủ tịch UBND tỉnh về cải cách", "16341/KH-UBND", "KH",
       "2021-12-28", "Chủ tịch UBND tỉnh"},
      {"Chuong trinh s6 2636/CTr-VP cai cach hanh chinh", "2636/CTr-VP", "CTr", nullptr, ""},
      {"Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án", "468/QĐ-TTg", "QĐ",
       "2021-03-27", "Thủ tướng Chính phủ"},
  };
  for (const auto& c : cases) {
    auto r = read(c.text);
    ASSERT_EQ(r.references.size(), 1u) << c.text;
    const auto& ref = r.references[0];
    EXPECT_EQ(ref.number_symbol, c.number_symbol) << c.text;
    EXPECT_EQ(ref.type_code, c.type_code) << c.text;
    EXPECT_EQ(ref.date ? format_iso_date(*ref.date) : "", c.date ? c.date : "") << c.text;
    EXPECT_EQ(ref.issuer, c.issuer) << c.text;
    EXPECT_EQ(at_span(c.text, ref.span), ref.text) << c.text;  // the span is the citation
  }
  // "Căn cứ" paragraphs are the legal bases, apart from other citations;
  // a document cited twice is listed once.
  auto r = read("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n\n"
                "Thực hiện Kế hoạch số 282/KH-UBND ngày 29/12/2022 của UBND tỉnh;\n"
                "theo Kế hoạch số 282/KH-UBND nêu trên.\n");
  ASSERT_EQ(r.legal_bases.size(), 1u);
  EXPECT_EQ(r.legal_bases[0].number_symbol, "76/NQ-CP");
  ASSERT_EQ(r.references.size(), 1u);
  EXPECT_EQ(r.references[0].number_symbol, "282/KH-UBND");
}

TEST(Reader, ListsTitleAndSigner) {
  std::string text =
      "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSỞ NỘI VỤ\nSố: 12/KH-SNV\nĐồng Nai, ngày 02 tháng 02 năm 2024\n\n"
      "KẾ HOẠCH\n\nTuyên truyền cải cách hành chính năm 2024\n\n"
      "Kính gửi:\n- Các phòng thuộc Sở;\n- Văn phòng Sở.\n\nNội dung.\n\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n";
  auto r = read(text);
  EXPECT_EQ(r.issuer_parent.value, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI");
  EXPECT_EQ(r.issuer.value, "SỞ NỘI VỤ");
  EXPECT_EQ(at_span(text, r.issuer.span), "SỞ NỘI VỤ");
  EXPECT_EQ(r.title.value, "Kế hoạch Tuyên truyền cải cách hành chính năm 2024");
  ASSERT_EQ(r.recipients.size(), 2u);
  EXPECT_EQ(*r.recipients[0].value, "Các phòng thuộc Sở");
  EXPECT_EQ(*r.recipients[1].value, "Văn phòng Sở");
  ASSERT_EQ(r.distribution.size(), 2u);
  EXPECT_EQ(*r.distribution[1].value, "Lưu: VT");
  EXPECT_EQ(r.signer.authority.value, "KT. GIÁM ĐỐC");
  EXPECT_EQ(r.signer.title.value, "PHÓ GIÁM ĐỐC");
  EXPECT_EQ(at_span(text, r.signer.title.span), "PHÓ GIÁM ĐỐC");
  EXPECT_TRUE(r.unread.empty());
  // A title in running text is not the signer's.
  EXPECT_FALSE(read("Nơi nhận:\n- Lưu.\n\nbáo cáo Chủ tịch\n").signer.title.value);
}

TEST(Reader, NothingToReadSaysSo) {
  for (const char* text : {"", "\n\n\n", "Một đoạn văn không phải văn bản hành chính.", "\xff\xfe garbage"}) {
    auto r = read(text);
    EXPECT_FALSE(r.number_symbol.value);
    EXPECT_FALSE(r.date.value);
    EXPECT_FALSE(r.title.value);
    EXPECT_NE(std::find(r.unread.begin(), r.unread.end(), "number_symbol"), r.unread.end());
  }
}

// ---- The corpus against its golden files.

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void expect_value(const json& got, const json& want, const std::string& what) {
  EXPECT_EQ(got.at("value"), want) << what;
}

void expect_refs(const json& got, const json& want, bool exact, const std::string& what) {
  if (exact) EXPECT_EQ(got.size(), want.size()) << what << ": " << got.dump();
  for (const auto& w : want) {
    auto it = std::find_if(got.begin(), got.end(), [&](const json& g) { return g.at("number_symbol") == w.at("number_symbol"); });
    ASSERT_NE(it, got.end()) << what << " lacks " << w.dump() << " in " << got.dump();
    for (const auto& [k, v] : w.items()) EXPECT_EQ((*it).at(k), v) << what << " " << k;
  }
}

TEST(Reader, TheCorpusAgainstItsGoldenFiles) {
  std::filesystem::path golden = std::filesystem::path(CCHC_SOURCE_DIR) / "tests/documents/golden";
  std::filesystem::path corpus = std::filesystem::path(CCHC_SOURCE_DIR) / "tests/documents/corpus";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    auto want = json::parse(slurp(entry.path()));
    auto path = corpus / want.at("source").get<std::string>();
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    auto text = slurp(path);
    auto got = to_json(read(text));
    std::string doc = want.at("source");
    for (const char* field : {"number_symbol", "number", "type_code", "issuer", "place", "date", "title"}) {
      if (want.contains(field)) expect_value(got.at(field), want.at(field), doc + " " + field);
    }
    if (want.contains("number_raw")) EXPECT_EQ(got["number_symbol"]["raw"], want["number_raw"]) << doc;
    if (want.contains("date_raw")) EXPECT_EQ(got["date"]["raw"], want["date_raw"]) << doc;
    if (want.contains("recipients")) {
      json values = json::array();
      for (const auto& r : got["recipients"]) values.push_back(r["value"]);
      EXPECT_EQ(values, want["recipients"]) << doc;
    }
    if (want.contains("distribution_first")) {
      for (std::size_t i = 0; i < want["distribution_first"].size(); ++i) {
        EXPECT_EQ(got["distribution"][i]["value"], want["distribution_first"][i]) << doc;
      }
    }
    if (want.contains("signer")) {
      for (const auto& [k, v] : want["signer"].items()) EXPECT_EQ(got["signer"][k]["value"], v) << doc << " signer " << k;
    }
    if (want.contains("references")) expect_refs(got["references"], want["references"], false, doc + " references");
    if (want.contains("references_include")) expect_refs(got["references"], want["references_include"], false, doc);
    if (want.contains("legal_bases")) expect_refs(got["legal_bases"], want["legal_bases"], true, doc + " legal bases");
    for (const auto& u : want.value("unread_include", json::array())) {
      EXPECT_NE(std::find(got["unread"].begin(), got["unread"].end(), u), got["unread"].end()) << doc << " " << u;
    }
    // Every span points into the source at what was read.
    for (const char* field : {"number_symbol", "date", "title", "place"}) {
      const auto& f = got[field];
      auto b = f["span"][0].get<std::size_t>(), e = f["span"][1].get<std::size_t>();
      EXPECT_LE(b, e);
      EXPECT_LE(e, text.size());
    }
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace cchc::documents
