// `cchc documents read` as other systems call it: the JSON contract on a
// corpus document, an illegible number kept null with its raw text, and
// bad usage refused with exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/server_process.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::run_cchc;

std::string corpus(const char* name) { return std::string(CCHC_SOURCE_DIR) + "/tests/documents/corpus/" + name; }

json parse_output(const std::string& out) {
  auto at = out.find('{');
  return at == std::string::npos ? json() : json::parse(out.substr(at));
}

TEST(DocumentsCli, ReadPrintsTheContract) {
  std::string out;
  ASSERT_EQ(run_cchc({"documents", "read", corpus("ke-hoach-cchc-2023-van-phong-ubnd.txt"), "--format", "json"}, out), 0)
      << out;
  auto j = parse_output(out);
  for (const char* field : {"number_symbol", "number", "type_code", "date", "issuer", "place", "title", "signer"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  for (const char* list : {"references", "legal_bases", "recipients", "distribution"}) EXPECT_TRUE(j[list].is_array()) << list;
  EXPECT_EQ(j["number_symbol"]["value"], "77/KH-VP");
  EXPECT_EQ(j["type_code"]["value"], "KH");
  EXPECT_EQ(j["date"]["value"], "2023-01-11");
  EXPECT_TRUE(j["number_symbol"]["span"].is_array());
  EXPECT_GT(j["date"]["confidence"].get<double>(), 0.5);
  EXPECT_EQ(j["legal_bases"][0]["number_symbol"], "76/NQ-CP");

  ASSERT_EQ(run_cchc({"documents", "read", corpus("ke-hoach-thong-tin-tuyen-truyen-cchc-2024.txt"), "--format", "json"}, out),
            0);
  j = parse_output(out);
  EXPECT_TRUE(j["number_symbol"]["value"].is_null());  // illegible on the scan: never guessed
  EXPECT_TRUE(j["date"]["value"].is_null());
  EXPECT_EQ(j["date"]["raw"], "ngay |§ thang 01 ndm 2024");
}

TEST(DocumentsCli, BadUsageIsRefused) {
  std::string out;
  EXPECT_EQ(run_cchc({"documents", "read", "/nonexistent/van-ban.txt"}, out), 2);
  EXPECT_EQ(run_cchc({"documents", "read", corpus("ke-hoach-cchc-2023-van-phong-ubnd.txt"), "--format", "xml"}, out), 2);
  auto binary = std::filesystem::temp_directory_path() / "cchc-not-text.txt";
  std::ofstream(binary, std::ios::binary) << std::string("\xff\xfe\x00\x01", 4);
  EXPECT_EQ(run_cchc({"documents", "read", binary.string()}, out), 2);
  EXPECT_NE(out.find("not UTF-8"), std::string::npos) << out;
  std::filesystem::remove(binary);
}

}  // namespace
}  // namespace cchc
