#include "core/csv.h"

#include <csv.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/errors.h"

namespace cchc::csv {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::vector<int> lines_of(const std::vector<Record>& records) {
  std::vector<int> lines;
  for (const auto& r : records) lines.push_back(r.line);
  return lines;
}

Rows fields_of(const std::vector<Record>& records) {
  Rows rows;
  for (const auto& r : records) rows.push_back(r.fields);
  return rows;
}

TEST(Csv, ReadsFieldsAndTheLineEachRecordStartsOn) {
  struct Case {
    const char* name;
    std::string text;
    Rows fields;
    std::vector<int> lines;
  };
  const Case cases[] = {
      {"plain", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"no final line end", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"CRLF", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"a lone CR ends a line", "a,b\rc,d\r", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"blank lines, spaces and tabs only", "\n  \t\na\n\r\n \r\nb\n", {{"a"}, {"b"}}, {3, 6}},
      {"spaces and tabs around unquoted fields", " a ,\tb c\t, d", {{"a", "b c", "d"}}, {1}},
      {"empty fields", ",a,,\n,\n", {{"", "a", "", ""}, {"", ""}}, {1, 2}},
      {"a byte-order mark", "\xEF\xBB\xBFid,x\n1,2\n", {{"id", "x"}, {"1", "2"}}, {1, 2}},
      {"quoted comma and doubled quote", "\"x, y\",\"he said \"\"hi\"\"\"\n", {{"x, y", "he said \"hi\""}}, {1}},
      {"quoted spaces are kept", "\" a \",  \"b\"  ,c\n", {{" a ", "b", "c"}}, {1}},
      {"quoted line breaks count as lines",
       "a\n\"multi\nline\",z\r\n\"x\r\ny\rz\",1\nlast,1",
       {{"a"}, {"multi\nline", "z"}, {"x\r\ny\rz", "1"}, {"last", "1"}},
       {1, 2, 4, 7}},
      {"quoted records one after another", "\"a\"\n\"b\",\"c\"\n\"d\"", {{"a"}, {"b", "c"}, {"d"}}, {1, 2, 3}},
      {"Vietnamese text", "Đồng Nai,\"Sở Nội vụ, tỉnh\"\n", {{"Đồng Nai", "Sở Nội vụ, tỉnh"}}, {1}},
      {"nothing", "", {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto records = parse(c.text);
    EXPECT_EQ(fields_of(records), c.fields);
    EXPECT_EQ(lines_of(records), c.lines);
  }
}

TEST(Csv, MalformedQuotingAndBadUtf8NameTheLine) {
  const std::pair<std::string, int> cases[] = {
      {"a,b\nc,\"unclosed\nd,e\n", 2},
      {"a,b\n\nx\"y,z\n", 3},        // a quote inside an unquoted field
      {"a\n\"b\"c,d\n", 2},          // text after a closing quote
      {"a\n\"b\nc\"\"\nd\n", 2},     // the quote that would close it is doubled
      {"a,b\n\xFF,c\n", 2},          // not UTF-8
      {"a\n\n\"x\ny\xC3\",z\n", 3},  // not UTF-8 in a quoted record, on its first line
  };
  for (const auto& [text, line] : cases) {
    SCOPED_TRACE(text);
    try {
      parse(text);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_NE(std::string(e.what()).find(fmt::format("line {}:", line)), std::string::npos) << e.what();
    }
  }
}

TEST(Csv, RecordsWithoutQuotesAreViewedInTheText) {
  const std::string text = "a,b\n\"c\",d\n";
  std::vector<std::vector<bool>> kept;
  each(text, [&](const RecordView& r) {
    kept.emplace_back();
    for (auto f : r.fields) kept.back().push_back(in_text(f, text));
  });
  EXPECT_EQ(kept, (std::vector<std::vector<bool>>{{true, true}, {false, false}}));
  EXPECT_FALSE(in_text("", text));
  EXPECT_FALSE(in_text(std::string_view(text).substr(2, 3), std::string_view(text).substr(0, 4)));
}

// Lines ended by a lone CR (old Mac exports) are as cheap as any: each
// line end is found once. (Searching the rest of the text for an LF from
// every line made these take hours; ctest's timeout is what would catch it.)
TEST(Csv, LinesEndedByALoneCrAreReadInOnePass) {
  std::string records;
  for (int i = 0; i < 300000; ++i) records += "a,b\r";
  std::size_t n = 0;
  each(records, [&](const RecordView& r) {
    ++n;
    ASSERT_EQ(r.fields.size(), 2u);
  });
  EXPECT_EQ(n, 300000u);
  const std::string blank(8 << 20, '\r');
  n = 0;
  each(blank, [&](const RecordView&) { ++n; });
  EXPECT_EQ(n, 0u);
}

// Malformed quoting is reported as such, even with bad UTF-8 after it.
TEST(Csv, AnUnclosedQuoteIsReportedBeforeWhatFollowsIt) {
  try {
    parse("a\n\"b\nc\xFF\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("line 2: malformed CSV"), std::string::npos) << e.what();
  }
}

TEST(Csv, RecordsBeforeMalformedQuotingReachTheReader) {
  std::vector<int> seen;
  EXPECT_THROW(each("a\nb\n\"c\nd\n", [&](const RecordView& r) { seen.push_back(r.line); }), Error);
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
}

// libcsv reading a whole text at once, as the reader did before it split
// records itself: the rows, or nothing when libcsv refuses the text.
std::optional<Rows> libcsv_rows(const std::string& text) {
  struct Into {
    Rows rows;
    std::vector<std::string> row;
  } into;
  auto on_field = [](void* data, size_t len, void* p) {
    static_cast<Into*>(p)->row.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
  };
  auto on_row = [](int, void* p) {
    auto* in = static_cast<Into*>(p);
    in->rows.push_back(std::move(in->row));
    in->row.clear();
  };
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  const bool ok = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &into) == text.size() &&
                  csv_fini(&parser, on_field, on_row, &into) == 0;
  csv_free(&parser);
  if (!ok) return std::nullopt;
  return into.rows;
}

TEST(Csv, ReadsEveryTextAsLibcsvReadsItWhole) {
  // Random short texts over the characters that matter to CSV; the reader
  // must accept exactly what libcsv accepts, with the same fields.
  const std::string alphabet = "ab ,,,\t\r\n\n\"\"";
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<std::size_t> length(0, 24), pick(0, alphabet.size() - 1);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
    SCOPED_TRACE(::testing::PrintToString(text));
    const auto want = libcsv_rows(text);
    std::optional<Rows> got;
    try {
      got = fields_of(parse(text));
    } catch (const Error&) {}
    ASSERT_EQ(got, want);
    accepted += want ? 1 : 0;
  }
  EXPECT_GT(accepted, 5000);  // the comparison covers accepted texts, not only refusals
}

}  // namespace
}  // namespace cchc::csv
