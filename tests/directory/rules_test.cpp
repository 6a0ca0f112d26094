#include "directory/rules.h"

#include <gtest/gtest.h>

#include "core/csv.h"
#include "core/errors.h"

namespace cchc::directory {
namespace {

const std::string kHeader = "code,name,level,parent_code,valid_from,valid_to\n";
const std::set<std::string> kLevels = {"province", "department", "district", "commune"};

std::vector<LineError> check(const std::string& body, const std::map<std::string, Unit>& existing = {}) {
  auto parsed = parse_units_csv(kHeader + body);
  if (!parsed.errors.empty()) return parsed.errors;
  return validate_units(parsed.units, parsed.lines, existing, kLevels);
}

std::string lines_of(const std::vector<LineError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += ',';
    out += std::to_string(e.line);
  }
  return out;
}

TEST(Csv, ParsesQuotesAndTracksLines) {
  auto recs = csv::parse(
      "\xEF\xBB\xBF"
      "a,b\n\n\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",z\r\nlast,1");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].line, 1);
  EXPECT_EQ(recs[1].line, 3);
  EXPECT_EQ(recs[1].fields[0], "x, y");
  EXPECT_EQ(recs[1].fields[1], "he said \"hi\"");
  EXPECT_EQ(recs[2].line, 4);
  EXPECT_EQ(recs[2].fields[0], "multi\nline");
  EXPECT_EQ(recs[3].line, 6);
  try {
    csv::parse("a,b\nc,\"unclosed\nd,e\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(csv::parse("a,b\n\xFF,c\n"), Error);
  EXPECT_EQ(csv::format_row({"a", "b,c", "say \"x\"", ""}), "a,\"b,c\",\"say \"\"x\"\"\",\r\n");
}

TEST(UnitsCsv, AcceptsAGoodFile) {
  auto errors = check(
      "DNI,Tỉnh Đồng Nai,province,,2004-01-01,\n"
      "SNV,Sở Nội vụ,department,DNI,2004-01-01,\n"
      "BH,Thành phố Biên Hòa,district,DNI,2004-01-01,2025-06-30\n");
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors[0].message);
}

TEST(UnitsCsv, EachRejectionNamesItsLine) {
  struct Case {
    const char* what;
    std::string body;
    const char* lines;  // the lines reported
  } cases[] = {
      {"duplicate code",
       "DNI,Tỉnh,province,,2004-01-01,\nSNV,Sở,department,DNI,2004-01-01,\nSNV,Sở 2,department,DNI,2004-01-01,\n", "4"},
      {"unknown parent", "DNI,Tỉnh,province,,2004-01-01,\nX,Xã,commune,NOPE,2004-01-01,\n", "3"},
      {"unknown level", "DNI,Tỉnh,province,,2004-01-01,\nX,Xã,hamlet,DNI,2004-01-01,\n", "3"},
      {"bad date", "DNI,Tỉnh,province,,2004-13-01,\nX,Xã,commune,DNI,01/01/2004,\n", "2,3"},
      {"ends before it begins", "DNI,Tỉnh,province,,2004-01-01,2003-12-31\n", "2"},
      {"cycle", "A,A,province,C,2004-01-01,\nB,B,district,A,2004-01-01,\nC,C,commune,B,2004-01-01,\n", "2,3,4"},
      {"own parent", "A,A,province,A,2004-01-01,\n", "2"},
      {"parent closes first",
       "DNI,Tỉnh,province,,2004-01-01,\nH,Huyện,district,DNI,2004-01-01,2025-06-30\nX,Xã,commune,H,2004-01-01,\n", "4"},
      {"wrong field count", "DNI,Tỉnh,province,,2004-01-01\n", "2"},
      {"bad code", "D N I,Tỉnh,province,,2004-01-01,\n", "2"},
      {"empty name", "DNI,,province,,2004-01-01,\n", "2"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto errors = check(c.body);
    EXPECT_EQ(lines_of(errors), c.lines);
    for (const auto& e : errors) {
      EXPECT_EQ(e.message.rfind("line " + std::to_string(e.line) + ":", 0), 0u) << e.message;
      EXPECT_EQ(e.message_vi.rfind("Dòng " + std::to_string(e.line) + ":", 0), 0u) << e.message_vi;
    }
  }
}

TEST(UnitsCsv, HeaderIsChecked) {
  EXPECT_EQ(parse_units_csv("").errors.size(), 1u);
  EXPECT_EQ(parse_units_csv("code,name,level\n").errors.size(), 1u);
  EXPECT_EQ(parse_units_csv(kHeader.substr(0, kHeader.size() - 1) + ",colour\n").errors.size(), 1u);
  auto ok = parse_units_csv(
      "code,name,level,parent_code,valid_from,valid_to,short_name,successor_codes\n"
      "A,Ủy ban,province,,2004-01-01,2025-06-30,UB,B; C\n");
  ASSERT_TRUE(ok.errors.empty());
  EXPECT_EQ(ok.units[0].short_name, "UB");
  EXPECT_EQ(ok.units[0].successor_codes, (std::vector<std::string>{"B", "C"}));
}

TEST(UnitsCsv, Successors) {
  const std::string base =
      "DNI,Tỉnh,province,,2004-01-01,\n"
      "OLD1,Xã cũ 1,commune,DNI,2004-01-01,2025-06-30\n"
      "NEW,Xã mới,commune,DNI,2025-07-01,\n";
  EXPECT_TRUE(check(base).empty());
  auto with = [&](const std::string& extra) {
    auto parsed = parse_units_csv("code,name,level,parent_code,valid_from,valid_to,successor_codes\n" + extra);
    return lines_of(validate_units(parsed.units, parsed.lines, {}, kLevels));
  };
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,B\n"
                 "B,Xã B,commune,DNI,2025-07-01,,\n"),
            "");
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,ZZZ\n"), "3");
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,,B\n"
                 "B,Xã B,commune,DNI,2025-07-01,,\n"),
            "3");  // still open
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,B\n"
                 "B,Xã B,commune,DNI,2025-06-30,,\n"),
            "");  // B begins before A ends: allowed, B exists on 01/07/2025
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,B\n"
                 "B,Xã B,commune,DNI,2025-07-02,,\n"),
            "3");  // B begins a day too late
  // Absorption: A merges into C, which existed before and goes on.
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,C\n"
                 "C,Xã C,commune,DNI,2004-01-01,,\n"),
            "");
  // The successor closed the same day as A.
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,C\n"
                 "C,Xã C,commune,DNI,2004-01-01,2025-06-30,\n"),
            "3");
  EXPECT_EQ(with("DNI,Tỉnh,province,,2004-01-01,,\nA,Xã A,commune,DNI,2004-01-01,2025-06-30,A\n"), "3");
}

TEST(UnitsCsv, ValidatesAgainstWhatIsStored) {
  std::map<std::string, Unit> stored;
  stored["DNI"] = Unit{"DNI", "Tỉnh", "", "province", "", parse_iso_date("2004-01-01"), {}, {}};
  EXPECT_TRUE(check("SNV,Sở Nội vụ,department,DNI,2004-01-01,\n", stored).empty());
  // Re-parenting the stored root under a new unit whose parent is that root: a cycle.
  EXPECT_EQ(lines_of(check("X,X,district,DNI,2004-01-01,\nDNI,Tỉnh,province,X,2004-01-01,\n", stored)), "2,3");
}

TEST(UnitsCsv, RoundTripsThroughExport) {
  std::string file =
      "code,name,level,parent_code,valid_from,valid_to,successor_codes,short_name\r\n"
      "A,\"Ủy ban, tỉnh\",province,,2004-01-01,2025-06-30,B,UB\r\n"
      "B,Tỉnh mới,province,,2025-07-01,,,\r\n";
  auto parsed = parse_units_csv(file);
  ASSERT_TRUE(parsed.errors.empty());
  EXPECT_EQ(to_csv(parsed.units), file);
}

Tree sample() {
  auto parsed = parse_units_csv(kHeader +
                                "DNI,Tỉnh Đồng Nai,province,,2004-01-01,\n"
                                "SNV,Sở Nội vụ,department,DNI,2004-01-01,\n"
                                "BH,Thành phố Biên Hòa,district,DNI,2004-01-01,2025-06-30\n"
                                "TD,Phường Tân Đông Hiệp,commune,BH,2004-01-01,2025-06-30\n"
                                "TP,Phường Trảng Dài,commune,BH,2004-01-01,2025-06-30\n"
                                "TDM,Phường Trảng Dài (mới),commune,DNI,2025-07-01,\n");
  EXPECT_TRUE(parsed.errors.empty());
  return Tree(parsed.units);
}

std::string codes(const std::vector<const Unit*>& us) {
  std::string out;
  for (auto* u : us) out += (out.empty() ? "" : ",") + u->code;
  return out;
}

TEST(Tree, Queries) {
  auto t = sample();
  auto before = parse_iso_date("2025-06-30"), after = parse_iso_date("2025-07-01");
  EXPECT_EQ(codes(t.as_of(before)), "BH,DNI,SNV,TD,TP");
  EXPECT_EQ(codes(t.as_of(after)), "DNI,SNV,TDM");
  EXPECT_EQ(codes(t.subtree("BH", before)), "BH,TD,TP");
  EXPECT_EQ(codes(t.subtree("BH", after)), "");
  EXPECT_EQ(codes(t.subtree("DNI", after)), "DNI,TDM,SNV");  // children by name
  EXPECT_EQ(codes(t.ancestors("TD")), "DNI,BH");
  EXPECT_EQ(codes(t.ancestors("DNI")), "");
  EXPECT_EQ(codes(t.of_level("commune", before)), "TD,TP");
  EXPECT_EQ(codes(t.of_level("commune", after)), "TDM");
  EXPECT_TRUE(t.is_within("TD", "DNI"));
  EXPECT_TRUE(t.is_within("TD", "TD"));
  EXPECT_FALSE(t.is_within("TD", "SNV"));
  EXPECT_FALSE(t.is_within("DNI", "TD"));
  EXPECT_FALSE(t.is_within("NOPE", "NOPE"));
}

}  // namespace
}  // namespace cchc::directory
