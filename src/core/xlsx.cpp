#include "core/xlsx.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <type_traits>
#include <optional>

#include "core/errors.h"

namespace cchc::xlsx {

namespace {

constexpr zip_uint64_t kMaxPart = 20u << 20;
constexpr size_t kMaxRows = 20000;
constexpr int kMaxColumns = 100;  // cells further right are left out

Error not_a_workbook(const std::string& why) {
  return invalid_input("not a readable XLSX workbook: " + why,
                       "Tệp không phải bảng tính XLSX đọc được (" + why + ").");
}

struct Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip) zip_discard(zip);
  }
};

std::optional<std::string> read_part(zip_t* z, const std::string& name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) return std::nullopt;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart) throw not_a_workbook(name + " is too large");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z, name.c_str(), 0), zip_fclose);
  if (!f) throw not_a_workbook("cannot open " + name);
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
  if (n < 0 || zip_uint64_t(n) != st.size) throw not_a_workbook("cannot read " + name);
  return out;
}

// Runs expat over `xml`, calling on_start/on_end/on_text.
struct Parser {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;

  void run(const std::string& xml, const std::string& part) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                    XML_ParserFree);
    XML_SetUserData(p.get(), this);
    XML_SetElementHandler(
        p.get(),
        [](void* self, const XML_Char* name, const XML_Char** attrs) {
          auto* me = static_cast<Parser*>(self);
          if (me->start) me->start(local(name), attrs);
        },
        [](void* self, const XML_Char* name) {
          auto* me = static_cast<Parser*>(self);
          if (me->end) me->end(local(name));
        });
    XML_SetCharacterDataHandler(p.get(), [](void* self, const XML_Char* s, int len) {
      auto* me = static_cast<Parser*>(self);
      if (me->text) me->text(std::string_view(s, size_t(len)));
    });
    if (XML_Parse(p.get(), xml.data(), int(xml.size()), 1) == XML_STATUS_ERROR) {
      throw not_a_workbook(fmt::format("{} line {}: {}", part, XML_GetCurrentLineNumber(p.get()),
                                       XML_ErrorString(XML_GetErrorCode(p.get()))));
    }
  }

  static std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
  }
};

const char* attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (Parser::local(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

std::vector<std::string> shared_strings(zip_t* z) {
  std::vector<std::string> out;
  auto xml = read_part(z, "xl/sharedStrings.xml");
  if (!xml) return out;
  bool in_t = false;
  int phonetic = 0;
  Parser p;
  p.start = [&](std::string_view n, const char**) {
    if (n == "si") out.emplace_back();
    else if (n == "rPh") ++phonetic;
    else if (n == "t") in_t = true;
  };
  p.end = [&](std::string_view n) {
    if (n == "rPh") --phonetic;
    else if (n == "t") in_t = false;
  };
  p.text = [&](std::string_view s) {
    if (in_t && !phonetic && !out.empty()) out.back() += s;
  };
  p.run(*xml, "sharedStrings.xml");
  return out;
}

// The first sheet's part name, from the workbook and its relationships.
std::string first_sheet_part(zip_t* z) {
  auto wb = read_part(z, "xl/workbook.xml");
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
  if (auto rels = read_part(z, "xl/_rels/workbook.xml.rels")) {
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
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  if (i == 0 || col > 16384) return -1;
  return col - 1;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

Rows read_first_sheet(std::string_view bytes) {
  if (!looks_like_zip(bytes)) throw not_a_workbook("not a ZIP package");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw not_a_workbook("cannot read the package");
  Archive a;
  a.zip = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!a.zip) {
    zip_source_free(src);
    zip_error_fini(&err);
    throw not_a_workbook("damaged ZIP package");
  }
  auto strings = shared_strings(a.zip);
  auto part = first_sheet_part(a.zip);
  auto xml = read_part(a.zip, part);
  if (!xml) throw not_a_workbook("no worksheet " + part);

  Rows rows;
  std::string type, value;
  int col = -1, next_col = 0, row_no = 0;
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
