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

#include "core/text.h"
#include "documents/json.h"
#include "support/paths.h"

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
      {"Số: 3183/QD-UBND\n", "3183/QĐ-UBND", 3183, "QĐ"},          // OCR lost the Đ
      {"So: 12 / BC - SNV\n", "12/BC-SNV", 12, "BC"},              // spaces inside
      {"S6: 45/TB-UBND\n", "45/TB-UBND", 45, "TB"},                // "S6:" for "Số:"
      {"Số: **8149**/UBND-TTHC\n", "8149/UBND-TTHC", 8149, "CV"},  // markdown; a letter
      {"Số: 2636/CTr-VP\n", "2636/CTr-VP", 2636, "CTr"},
      {"Số: 1|2/KH-UBND\n", "112/KH-UBND", 112, "KH"},       // '|' read as 1
      {"Sé:.J /4 /KH-UBND\n", nullptr, std::nullopt, "KH"},  // illegible: never guessed
      {"86: 77/KH-VP Dong Nai\n", "77/KH-VP", 77, "KH"},     // the label lost
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
      {"Dong Nai, ngay 11 thang 01 ndm 2023", "2023-01-11", "Dong Nai"},      // no marks, "ndm"
      {"Vĩnh Cửu, ngày **24** tháng 10 năm 2022", "2022-10-24", "Vĩnh Cửu"},  // markdown
      {"Biên Hòa, ngày 5 tháng 3 năm 2024", "2024-03-05", "Biên Hòa"},
      {"Doéng Nai, ngay |§ thang 01 ndm 2024", nullptr, "Doéng Nai"},     // the day illegible
      {"Đồng Nai, ngày 31 tháng 02 năm 2024", nullptr, "Đồng Nai"},       // no such day
      {"Đồng Nai, ngày 1O tháng 01 năm 2024", "2024-01-10", "Đồng Nai"},  // O for 0
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
      {"Nghi quyét sb 76/NQ-CP ngay 15 thang 7 nam 2021 cua Chinh phu vé viéc", "76/NQ-CP", "NQ", "2021-07-15",
       "Chinh phu"},
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
  auto r = read(
      "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n\n"
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

TEST(Reader, TheOutlineAsATree) {
  auto r = read(
      "I. MỤC TIÊU, YÊU CẦU\n1. Mục tiêu\nNội dung.\n2. Yêu cầu\na) Một yêu cầu\nII. NHIỆM VỤ\n"
      "1. Cải cách thể chế\n1.1. Mục tiêu\n1.2. Nhiệm vụ\nI. không phải tiêu đề vì viết thường\n");
  ASSERT_EQ(r.outline.size(), 2u);
  EXPECT_EQ(r.outline[0].label, "I");
  ASSERT_EQ(r.outline[0].children.size(), 2u);
  EXPECT_EQ(r.outline[0].children[1].text, "2. Yêu cầu");
  ASSERT_EQ(r.outline[0].children[1].children.size(), 1u);  // a)
  EXPECT_EQ(r.outline[0].children[1].children[0].level, 4);
  EXPECT_EQ(r.outline[1].label, "II");
  ASSERT_EQ(r.outline[1].children.size(), 1u);
  ASSERT_EQ(r.outline[1].children[0].children.size(), 2u);
  EXPECT_EQ(r.outline[1].children[0].children[1].label, "1.2");
}

TEST(Reader, TasksWithTheirUnitsAndDeadlines) {
  std::string text =
      "II. NỘI DUNG\n1. Mục tiêu\n- Không phải nhiệm vụ giao cho đơn vị.\n\n"
      "V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
      "- Chủ trì tổng hợp báo cáo kết quả, hoàn thành trước ngày 21/6/2024;\n"
      "- Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện thường xuyên;\n"
      "2. Sở Thông tin và Truyền thông:\n"
      "a) Tuyên truyền về chuyển đổi số trong Quý I/2023.\n"
      "b) Xây dựng kế hoạch của đơn vị, hoàn thành chậm nhất trong tháng 02/2024.\n"
      "c) Phối hợp tổ chức hội nghị\ntrực tuyến với các xã.\n\n"
      "Nơi nhận:\n- Như trên.\n";
  auto r = read(text, {{"SNV", "Sở Nội vụ"}, {"STTTT", "Sở Thông tin và Truyền thông"}});
  ASSERT_EQ(r.tasks.size(), 5u);
  struct Want {
    const char* unit_code;
    const char* kind;  // "" for none
    const char* due;
  } want[] = {{"SNV", "date", "2024-06-21"},
              {"SNV", "continuous", ""},
              {"STTTT", "quarter", "2023-03-31"},
              {"STTTT", "month", "2024-02-29"},
              {"STTTT", "", ""}};
  for (std::size_t i = 0; i < r.tasks.size(); ++i) {
    const auto& task = r.tasks[i];
    EXPECT_EQ(task.unit_code, want[i].unit_code) << task.text;
    EXPECT_EQ(task.deadline ? task.deadline->kind : "", want[i].kind) << task.text;
    EXPECT_EQ(task.deadline && task.deadline->due ? format_iso_date(*task.deadline->due) : "", want[i].due)
        << task.text;
    if (task.deadline) {
      EXPECT_EQ(text::fold(at_span(text, task.deadline->span)), text::fold(task.deadline->text));
    }
  }
  EXPECT_EQ(*r.tasks[2].unit.value, "Sở Thông tin và Truyền thông");
  EXPECT_EQ(r.tasks[4].text, "Phối hợp tổ chức hội nghị trực tuyến với các xã.");  // a wrapped item is one task
  // Without units given, nothing is matched.
  EXPECT_EQ(read(text).tasks[0].unit_code, "");
}

TEST(Reader, ADirectivesTasksUnderItsNumberedHeadings) {
  // No roman sections: the numbered headings name the units (markdown
  // emphasis and heading marks as the digital letters have them).
  auto r = read(
      "Số: 8/UBND-VP\n\n**1. Phòng Nội vụ huyện:**\n\n- Rà soát nhiệm vụ, hoàn thành trong Quý IV/2022;\n"
      "- Báo cáo kết quả.\n\n## **2. Văn phòng HĐND và UBND huyện**\n\n- Theo dõi thường xuyên.\n\n"
      "Nơi nhận:\n- Như trên.\n\n1. Một văn bản khác đính kèm\n- Không phải nhiệm vụ của văn bản này.\n");
  ASSERT_EQ(r.tasks.size(), 3u);
  EXPECT_EQ(*r.tasks[0].unit.value, "Phòng Nội vụ huyện");
  EXPECT_EQ(r.tasks[0].deadline->kind, "quarter");
  EXPECT_FALSE(r.tasks[1].deadline);
  EXPECT_EQ(*r.tasks[2].unit.value, "Văn phòng HĐND và UBND huyện");
  EXPECT_EQ(r.tasks[2].deadline->kind, "continuous");
}

TEST(Reader, Targets) {
  struct Case {
    const char* text;
    std::optional<double> value;
    std::vector<std::pair<std::string, double>> levels;
    const char* comparator;
    const char* indicator;
  } cases[] = {
      {"Tỷ lệ hồ sơ trực tuyến đạt 60% cấp Sở, 20% cấp huyện, 5% cấp xã;",
       std::nullopt,
       {{"department", 60}, {"district", 20}, {"commune", 5}},
       "at_least",
       "online_rate"},
      {"Tỷ lệ hồ sơ giải quyết đúng hạn từ 96% trở lên.", 96, {}, "at_least", "on_time_rate"},
      {"Tối thiểu 50% hồ sơ thủ tục hành chính được số hóa.", 50, {}, "at_least", "digitized_rate"},
      {"100% thủ tục hành chính được công khai đầy đủ.", 100, {}, "equal", ""},
      {"Ty le ho so truc tuyen dat 70% tai cap so, 30% tai cap huyen",
       std::nullopt,
       {{"department", 70}, {"district", 30}},
       "at_least",
       "online_rate"},
      {"Tỷ lệ người dân hài lòng với việc xử lý phản ánh, kiến nghị đạt tối thiểu 92%.",
       92,
       {},
       "at_least",
       "feedback_satisfaction_rate"},
      {"Ty 1€ giai quyéthd so dung han dat t5i thiéu 96%.", 96, {}, "at_least", "on_time_rate"},  // OCR
      {"Mức độ hài lòng đạt 92,5%.", 92.5, {}, "at_least", "satisfaction_rate"},
  };
  for (const auto& c : cases) {
    auto r = read(c.text);
    ASSERT_EQ(r.targets.size(), 1u) << c.text;
    const auto& t = r.targets[0];
    EXPECT_EQ(t.value, c.value) << c.text;
    std::vector<std::pair<std::string, double>> levels;
    for (const auto& l : t.levels) levels.emplace_back(l.level, l.value);
    EXPECT_EQ(levels, c.levels) << c.text;
    EXPECT_EQ(t.comparator, c.comparator) << c.text;
    EXPECT_EQ(t.indicator, c.indicator) << c.text;
  }
  EXPECT_TRUE(read("Không có chỉ tiêu nào.").targets.empty());
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

// Every input the fuzzer ever crashed on (scripts/fuzz.sh keeps them) is
// read without throwing, its reading is valid JSON (a heading cut inside a
// character once was not), and its spans stay inside it.
TEST(Reader, FuzzCasesReadWithoutCrashing) {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(testing::source_dir()) /
                                                               "tests/documents/fuzz-cases")) {
    if (entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    auto text = s.str();
    if (!text::is_valid_utf8(text)) continue;  // the reader's input is UTF-8 text
    Reading r;
    EXPECT_NO_THROW(r = read(text)) << entry.path();
    EXPECT_NO_THROW(to_json(r).dump()) << entry.path();  // every value valid UTF-8
    EXPECT_LE(r.title.span.end, text.size());
    for (const auto& ref : r.references) EXPECT_LE(ref.span.end, text.size());
    ++cases;
  }
  EXPECT_GE(cases, 1);
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
  if (exact) {
    EXPECT_EQ(got.size(), want.size()) << what << ": " << got.dump();
  }
  for (const auto& w : want) {
    auto it = std::find_if(got.begin(), got.end(),
                           [&](const json& g) { return g.at("number_symbol") == w.at("number_symbol"); });
    ASSERT_NE(it, got.end()) << what << " lacks " << w.dump() << " in " << got.dump();
    for (const auto& [k, v] : w.items()) EXPECT_EQ((*it).at(k), v) << what << " " << k;
  }
}

TEST(Reader, TheCorpusAgainstItsGoldenFiles) {
  std::filesystem::path golden = std::filesystem::path(testing::source_dir()) / "tests/documents/golden";
  std::filesystem::path corpus = std::filesystem::path(testing::source_dir()) / "tests/documents/corpus";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    auto want = json::parse(slurp(entry.path()));
    auto path = corpus / want.at("source").get<std::string>();
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    auto text = slurp(path);
    auto got = to_json(read(text));
    std::string doc = want.at("source");
    for (const char* field :
         {"number_symbol", "number", "type_code", "issuer", "place", "date", "title", "restored_title"}) {
      if (want.contains(field)) expect_value(got.at(field), want.at(field), doc + " " + field);
    }
    if (want.contains("number_raw")) {
      EXPECT_EQ(got["number_symbol"]["raw"], want["number_raw"]) << doc;
    }
    if (want.contains("date_raw")) {
      EXPECT_EQ(got["date"]["raw"], want["date_raw"]) << doc;
    }
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
      for (const auto& [k, v] : want["signer"].items())
        EXPECT_EQ(got["signer"][k]["value"], v) << doc << " signer " << k;
    }
    if (want.contains("references")) expect_refs(got["references"], want["references"], false, doc + " references");
    if (want.contains("references_include")) expect_refs(got["references"], want["references_include"], false, doc);
    if (want.contains("legal_bases")) expect_refs(got["legal_bases"], want["legal_bases"], true, doc + " legal bases");
    for (const auto& w : want.value("targets_include", json::array())) {
      auto it = std::find_if(got["targets"].begin(), got["targets"].end(), [&](const json& g) {
        return g["value"] == w["value"] && g["indicator"] == w["indicator"];
      });
      EXPECT_NE(it, got["targets"].end()) << doc << " lacks target " << w.dump();
      if (it != got["targets"].end() && w.contains("comparator")) {
        EXPECT_EQ((*it)["comparator"], w["comparator"]) << doc;
      }
    }
    if (want.contains("task_units")) {
      std::vector<std::string> units;
      for (const auto& task : got["tasks"]) {
        auto u = task["unit"]["value"].get<std::string>();
        if (units.empty() || units.back() != u) units.push_back(u);
      }
      EXPECT_EQ(json(units), want["task_units"]) << doc;
    }
    for (const auto& w : want.value("tasks_include", json::array())) {
      auto it = std::find_if(got["tasks"].begin(), got["tasks"].end(), [&](const json& g) {
        return !g["deadline"].is_null() && g["deadline"]["due"] == w["due"] && g["deadline"]["kind"] == w["kind"];
      });
      EXPECT_NE(it, got["tasks"].end()) << doc << " lacks task " << w.dump();
    }
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
