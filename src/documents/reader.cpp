#include "documents/reader.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/deadline.h"
#include "core/errors.h"
#include "core/text.h"
#include "documents/lexicon.h"

namespace cchc::documents {

namespace {

// The source with its folded view: matching happens on `f` (lower-case
// ASCII; markdown's '*' emphasis removed), spans and values come from `src`.
struct Text {
  std::string_view src;
  std::string f;
  std::vector<std::size_t> at;  // at[i]: source offset of f[i]; at[f.size()] = src.size()

  explicit Text(std::string_view s) : src(s) {
    auto folded = text::fold_mapped(s);
    f.reserve(folded.text.size());
    at.reserve(folded.at.size());
    for (std::size_t i = 0; i < folded.text.size(); ++i) {
      if (folded.text[i] == '*') continue;
      f.push_back(folded.text[i]);
      at.push_back(folded.at[i]);
    }
    at.push_back(s.size());
  }
  Span span(std::size_t b, std::size_t e) const { return {at[b], e > b ? at[e - 1] + char_len(at[e - 1]) : at[b]}; }
  std::size_t char_len(std::size_t offset) const {
    auto c = static_cast<unsigned char>(src[offset]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return std::min(n, src.size() - offset);
  }
  // The source text of folded [b, e), markdown '*' dropped, spaces folded.
  std::string source(std::size_t b, std::size_t e) const {
    auto sp = span(b, e);
    std::string out;
    bool space = false;
    for (char ch : src.substr(sp.begin, sp.end - sp.begin)) {
      if (ch == '*') continue;
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
        space = !out.empty();
        continue;
      }
      if (space) out.push_back(' ');
      space = false;
      out.push_back(ch);
    }
    return out;
  }
  // Offset in `f` of a match piece.
  std::size_t pos(re2::StringPiece p) const { return std::size_t(p.data() - f.data()); }
};

struct Line {
  std::size_t b, e;  // in the folded text, without the line break
};

std::vector<Line> lines_of(const std::string& f) {
  std::vector<Line> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= f.size(); ++i) {
    if (i == f.size() || f[i] == '\n') {
      out.push_back({b, i});
      b = i + 1;
    }
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '-' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool blank(const std::string& f, const Line& l) { return trimmed(std::string_view(f).substr(l.b, l.e - l.b)).empty(); }

// Digits as OCR gives them: '|', 'l', 'i' for 1, 'o' for 0; anything else
// makes the number unreadable.
std::optional<int> ocr_number(std::string_view raw) {
  std::string digits;
  for (char ch : raw) {
    if (ch >= '0' && ch <= '9')
      digits.push_back(ch);
    else if (ch == '|' || ch == 'l' || ch == 'i' || ch == 'I')
      digits.push_back('1');
    else if (ch == 'o' || ch == 'O')
      digits.push_back('0');
    else if (ch == ' ' || ch == '*')
      continue;
    else
      return std::nullopt;
  }
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  return std::stoi(digits);
}

struct TypeInfo {
  const char* code;
  const char* folded_symbol;  // the symbol's first part, folded
  const char* name;
  const char* folded_name;  // how the title or a citation names it, folded
};
constexpr std::array<TypeInfo, 16> kTypes = {{
    {"KH", "kh", "Kế hoạch", "ke hoach"},
    {"QĐ", "qd", "Quyết định", "quyet dinh"},
    {"BC", "bc", "Báo cáo", "bao cao"},
    {"TB", "tb", "Thông báo", "thong bao"},
    {"NQ", "nq", "Nghị quyết", "nghi quyet"},
    {"CT", "ct", "Chỉ thị", "chi thi"},
    {"CTr", "ctr", "Chương trình", "chuong trinh"},
    {"HD", "hd", "Hướng dẫn", "huong dan"},
    {"TTr", "ttr", "Tờ trình", "to trinh"},
    {"QC", "qc", "Quy chế", "quy che"},
    {"KL", "kl", "Kết luận", "ket luan"},
    {"NĐ", "nd", "Nghị định", "nghi dinh"},
    {"TT", "tt", "Thông tư", "thong tu"},
    {"QH", "qh", "Luật", "luat"},
    {"CĐ", "cd", "Công điện", "cong dien"},
    {"CV", "cv", "Công văn", "cong van"},
}};

const TypeInfo* type_by_symbol(std::string_view first_part) {
  for (const auto& t : kTypes) {
    if (first_part == t.folded_symbol) return &t;
  }
  return nullptr;
}

const TypeInfo* type_by_name(std::string_view folded) {
  for (const auto& t : kTypes) {
    if (folded == t.folded_name) return &t;
  }
  if (folded == "van ban") return &kTypes.back();  // "văn bản số …/UBND-…": a letter
  return nullptr;
}

const TypeInfo& letter() { return kTypes.back(); }

// "77/kh-vp" as written → "77/KH-VP": upper case, no spaces, the type's
// own spelling ("QD" → "QĐ", "CTR" → "CTr").
std::string normal_symbol(const std::string& number, const std::string& symbol_source) {
  std::string sym;
  for (char ch : symbol_source) {
    if (ch != ' ' && ch != '*') sym.push_back(ch);
  }
  sym = text::upper(text::nfc(sym));
  auto dash = sym.find('-');
  auto first = sym.substr(0, dash);
  if (const auto* t = type_by_symbol(text::fold(first))) first = t->code;
  sym = first + (dash == std::string::npos ? "" : sym.substr(dash));
  // The Prime Minister's symbol is written "TTg".
  for (auto at = sym.find("-TTG"); at != std::string::npos; at = sym.find("-TTG", at + 1)) {
    if (at + 4 == sym.size() || sym[at + 4] == '-') sym.replace(at, 4, "-TTg");
  }
  return number.empty() ? sym : number + "/" + sym;
}

// The patterns, compiled once.
struct Patterns {
  // "Số: 77/KH-VP", OCR "S6:", "Sé:.J /4 /KH-UBND" (number unreadable).
  RE2 number{R"((?m)s[o068e#]{1,2}\s*[:;]\s*([^\n]{0,15}?)\s*/\s*([a-z#]{1,6}(?:\s*-\s*[a-z0-9#&]{1,12}){0,3}))"};
  // Without the label, on one of the first lines: "86: 77/KH-VP".
  RE2 bare_number{R"((?m)^[^\n]{0,8}?(\d{1,6})\s*/\s*([a-z]{1,6}(?:-[a-z0-9&]{1,12}){0,3}))"};
  // "Đồng Nai, ngày 11 tháng 01 năm 2023", OCR "ndm", "|§".
  RE2 date{R"(([^\n,]{2,60}),\s*ngay\s+([^\s]{1,4})\s+thang\s+([^\s]{1,4})\s+n[a-z#]{1,2}m\s+([^\s]{4}))"};
  // A citation: type, "số", number/symbol, an optional date, "của …".
  RE2 reference{
      R"((nghi quyet|quyet dinh|ke hoach|van ban|cong van|chi thi|thong bao|bao cao|chuong trinh|thong tu|nghi dinh|huong dan|to trinh|quy che|ket luan|cong dien)\s+(?:s[o06b#g]\s*)?(\d{1,6}(?:\s*/\s*\d{4})?)\s*/\s*([a-z#]{1,6}(?:-[a-z0-9#&]{1,12}){0,3})(?:\s*,?\s+ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|\s*,?\s+ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+n[a-z#]{1,2}m\s+(\d{4}))?(?:\s+c[a-z#]{1,3}a\s+([^,;\n(]{3,80}))?)"};
  // A paragraph of legal basis: "Căn cứ", OCR "Can cir", "Can ctr".
  RE2 basis{R"((?m)^\s*(can\s+c[a-z#]{1,3})\b)"};
  RE2 kinh_gui{R"((?m)^\s*k[i1l#]nh\s+g[a-z#]{1,3}i\s*:?)"};
  RE2 noi_nhan{R"((?m)^\s*n[o0#][i1l#]\s+nh[a-z#]{1,2}n\s*:?)"};
  RE2 authority{R"((?m)^\s*(kt|tm|tl|tuq|q)\s*\.\s*([a-z# ]{3,60})$)"};
  // A signer's title closes its line, in capitals (OCR may have put the
  // left column's text before it).
  RE2 signer_title{
      R"((?:^|[\s:])(pho chu tich|chu tich|pho giam doc|giam doc|pho chanh van phong|chanh van phong|pho truong ban|truong ban|bi thu|chanh thanh tra|thu truong|pho truong phong|truong phong|vien truong|hieu truong)\s*$)"};
  // Outline headings: "IV. TỔ CHỨC THỰC HIỆN", "1. Mục tiêu", "2.2. Nhiệm vụ", "a) …".
  RE2 roman{R"(^\s*([ivx]{1,5})\s*[.:]\s+(\S.*)$)"};
  RE2 numbered{R"(^\s*(?:#+\s*)?(\d{1,2})\s*\.\s+(\S.*)$)"};
  RE2 subnumbered{R"(^\s*(\d{1,2}\.\d{1,2})\s*\.?\s+(\S.*)$)"};
  RE2 lettered{R"(^\s*_?([a-z])\s*\)\s+(\S.*)$)"};
  RE2 bullet{R"(^\s*[-+~]\s+(\S.*)$)"};
  // Deadlines inside a task, in the forms plans read (core/deadline.h).
  RE2 deadline{
      R"((truoc ngay\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|thang\s+[\d|lo]{1,2}\s*/\s*\d{4}|quy\s+[ivx1l|]{1,4}\s*/\s*\d{4}|6 thang (?:dau|cuoi) n[a-z#]{1,2}m\s+\d{4}|trong n[a-z#]{1,2}m\s+\d{4}|thuong xuyen))"};
  // A percentage, and one given for a level: "70% tại cấp sở".
  RE2 percent{R"((\d{1,3}(?:[.,]\d{1,2})?)\s*%)"};
  RE2 level_percent{
      R"((\d{1,3}(?:[.,]\d{1,2})?)\s*%\s*(?:t[a-z#]i\s+|o\s+|#\s+|doi voi\s+)?(?:c[a-z#]p\s+)?(s[oa#0]|tinh|huy[e#]n|x[a4#]|ph[u#][o0#]ng)\b)"};
  // The words targets are told by, as OCR leaves them.
  RE2 ho_so{R"(h[o0d#]\s*s[o0#]\b)"};  // OCR glues words: "quyethd so"
  RE2 truc_tuyen{R"(\btr[u#]c\s+tuy[e#]n\b)"};
  RE2 dung_han{R"(\bd[u#]ng\s+(?:th[o0#]i\s+)?h[a#]n\b)"};
  RE2 so_hoa{R"(\bs[o06#]\s*h[o0#]a\b)"};
  RE2 hai_long{R"(\bh[a#]i\s+l[o0#]ng\b)"};
  RE2 phan_anh{R"(\bph[a#]n\s+[a#]nh\b|\bpakn\b)"};
  RE2 thanh_toan{R"(\bthanh\s+to[a#]n\s+tr[u#]c\s+tuy[e#]n\b)"};
  RE2 toan_trinh{R"(\bto[a#]n\s+tr[i#]nh\b)"};
  RE2 at_least{R"(\bt\S{1,3}\s+thi\S{1,2}u\b|\btro\s+len\b|\bit\s+nhat\b|\bdat\b)"};
  RE2 motto{
      R"((cong hoa xa hoi chu ngh[a-z#]* viet nam|d[o#]c l[a-z#]p\s*-\s*t[a-z#]\s*do\s*-\s*h[a-z#]nh ph[a-z#]c).*)"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

std::string cap(re2::StringPiece p) { return std::string(p.data(), p.size()); }

// The reading's pieces.

void read_number(const Text& t, Reading& r, std::size_t& header_end) {
  const auto& P = patterns();
  re2::StringPiece num, sym;
  auto limit = std::min<std::size_t>(t.f.size(), 3000);  // the header: the first page
  re2::StringPiece head(t.f.data(), limit);
  double confidence = 0.95;
  bool found = RE2::PartialMatch(head, P.number, &num, &sym);
  if (!found) {
    found =
        RE2::PartialMatch(re2::StringPiece(t.f.data(), std::min<std::size_t>(limit, 600)), P.bare_number, &num, &sym);
    confidence = 0.7;
  }
  if (!found) {
    r.unread.push_back("number_symbol");
    return;
  }
  auto nb = t.pos(num), ne = nb + num.size(), sb = t.pos(sym), se = sb + sym.size();
  header_end = se;
  auto number_raw = t.source(nb, ne);
  auto number = ocr_number(number_raw);
  auto symbol = normal_symbol("", t.source(sb, se));
  r.number.raw = number_raw;
  r.number.span = t.span(nb, ne);
  if (number) {
    r.number.value = *number;
    r.number.confidence = confidence;
  } else {
    r.unread.push_back("number");
  }
  r.number_symbol.raw = t.source(nb, se);
  r.number_symbol.span = t.span(nb, se);
  if (number) {
    r.number_symbol.value = std::to_string(*number) + "/" + symbol;
    r.number_symbol.confidence = confidence;
  } else {
    r.number_symbol.confidence = 0;
  }
  // The type: the symbol's first part, else a letter ("…/UBND-VP").
  auto first = std::string(trimmed(std::string_view(sym.data(), sym.size()).substr(0, sym.find('-'))));
  const auto* type = type_by_symbol(first);
  r.type_code.value = type ? type->code : letter().code;
  r.type_code.raw = t.source(sb, se);
  r.type_code.span = t.span(sb, se);
  r.type_code.confidence = type ? confidence : 0.6;
  r.type_name = type ? type->name : letter().name;
}

void read_date(const Text& t, Reading& r, std::size_t header_end) {
  const auto& P = patterns();
  re2::StringPiece head(t.f.data(), std::min<std::size_t>(t.f.size(), 3000));
  re2::StringPiece place, d, m, y;
  if (!RE2::PartialMatch(head, P.date, &place, &d, &m, &y)) {
    r.unread.push_back("date");
    return;
  }
  auto pb = t.pos(place), pe = pb + place.size();
  if (header_end > pb && header_end < pe) pb = header_end;  // "77/KH-VP Đồng Nai, ngày …": after the symbol
  auto place_text = std::string(trimmed(t.source(pb, pe)));
  if (!place_text.empty()) {
    r.place.value = place_text;
    r.place.raw = place_text;
    r.place.span = t.span(pb, pe);
    r.place.confidence = 0.8;
  }
  auto db = t.f.rfind("ngay", t.pos(d)), de = t.pos(y) + y.size();
  r.date.raw = t.source(db, de);
  r.date.span = t.span(db, de);
  auto day = ocr_number(cap(d)), month = ocr_number(cap(m)), year = ocr_number(cap(y));
  if (day && month && year && *day >= 1 && *day <= 31 && *month >= 1 && *month <= 12 && *year >= 1945 &&
      *year <= 2100) {
    std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{unsigned(*month)},
                                    std::chrono::day{unsigned(*day)}};
    if (ymd.ok()) {
      r.date.value = ymd;
      bool clean = std::all_of(d.begin(), d.end(), ::isdigit) && std::all_of(m.begin(), m.end(), ::isdigit);
      r.date.confidence = clean ? 0.95 : 0.7;
      return;
    }
  }
  r.unread.push_back("date");
}

// The header's left column above "Số:": the issuing body, and the body
// above it when there are two. Two-column OCR lines lose their right half
// (the national title and motto).
void read_issuer(const Text& t, Reading& r, const std::vector<Line>& lines) {
  const auto& P = patterns();
  std::vector<std::pair<std::size_t, std::size_t>> parts;  // folded [b, e)
  auto stop = r.number_symbol.span.begin;
  for (const auto& l : lines) {
    if (t.at[l.b] >= stop || parts.size() >= 4) break;
    std::string_view line(t.f.data() + l.b, l.e - l.b);
    re2::StringPiece motto;
    std::size_t e = l.e;
    if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), P.motto, &motto)) e = t.pos(motto);
    auto kept = trimmed(std::string_view(t.f.data() + l.b, e - l.b));
    if (kept.empty() || kept.find_first_of("0123456789:") != std::string_view::npos) continue;
    auto b = std::size_t(kept.data() - t.f.data());
    parts.emplace_back(b, b + kept.size());
  }
  if (parts.empty()) {
    r.unread.push_back("issuer");
    return;
  }
  auto folded = [&](std::size_t i) {
    return std::string(trimmed(std::string_view(t.f).substr(parts[i].first, parts[i].second - parts[i].first)));
  };
  auto source = [&](std::size_t i) { return text::upper(t.source(parts[i].first, parts[i].second)); };
  // "ỦY BAN NHÂN DÂN" over "TỈNH ĐỒNG NAI": one body on two lines.
  bool committee_split = folded(0) == "uy ban nhan dan" && parts.size() > 1;
  if (committee_split || parts.size() == 1) {
    auto last = committee_split ? 1 : 0;
    r.issuer.value = committee_split ? source(0) + " " + source(1) : source(0);
    r.issuer.raw = committee_split
                       ? t.source(parts[0].first, parts[0].second) + " " + t.source(parts[1].first, parts[1].second)
                       : t.source(parts[0].first, parts[0].second);
    r.issuer.span = t.span(parts[0].first, parts[last].second);
    r.issuer.confidence = 0.8;
    return;
  }
  r.issuer_parent.value = source(0);
  r.issuer_parent.raw = t.source(parts[0].first, parts[0].second);
  r.issuer_parent.span = t.span(parts[0].first, parts[0].second);
  r.issuer_parent.confidence = 0.75;
  r.issuer.value = source(1);
  r.issuer.raw = t.source(parts[1].first, parts[1].second);
  r.issuer.span = t.span(parts[1].first, parts[1].second);
  r.issuer.confidence = 0.75;
}

// The title: the type's name on a line of its own ("KẾ HOẠCH") and the
// paragraph after it; for a letter, "V/v …".
void read_title(const Text& t, Reading& r, const std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < 60; ++i) {
    auto line = trimmed(std::string_view(t.f).substr(lines[i].b, lines[i].e - lines[i].b));
    std::size_t b = 0, e = 0;
    std::string prefix;
    if (line.starts_with("v/v")) {
      b = std::size_t(line.data() - t.f.data());
      e = lines[i].e;
      for (auto j = i + 1; j < lines.size() && !blank(t.f, lines[j]); ++j) e = lines[j].e;
    } else if (const auto* type = type_by_name(line); type && type != &letter()) {
      auto j = i + 1;
      while (j < lines.size() && blank(t.f, lines[j])) ++j;
      if (j >= lines.size()) break;
      b = lines[j].b;
      e = lines[j].e;
      for (auto k = j + 1; k < lines.size() && !blank(t.f, lines[k]) && k < j + 4; ++k) e = lines[k].e;
      prefix = std::string(type->name) + " ";
      if (!r.type_code.value) {
        r.type_code.value = type->code;
        r.type_code.raw = t.source(lines[i].b, lines[i].e);
        r.type_code.span = t.span(lines[i].b, lines[i].e);
        r.type_code.confidence = 0.8;
        r.type_name = type->name;
      }
    } else {
      continue;
    }
    auto subject = t.source(b, e);
    while (!subject.empty() && (subject.back() == '.' || subject.back() == ' ')) subject.pop_back();
    r.title.value = prefix + subject;
    r.title.raw = prefix.empty() ? subject : t.source(lines[i].b, e);
    r.title.span = prefix.empty() ? t.span(b, e) : t.span(lines[i].b, e);
    r.title.confidence = prefix.empty() ? 0.9 : 0.85;
    return;
  }
  r.unread.push_back("title");
}

// The "- …" lines after a label ("Kính gửi:", "Nơi nhận:"), and what
// follows the label on its own line.
std::vector<Found<std::string>> list_after(const Text& t, const RE2& label, const std::vector<Line>& lines,
                                           std::size_t from_line = 0) {
  std::vector<Found<std::string>> out;
  for (std::size_t i = from_line; i < lines.size(); ++i) {
    std::string_view line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
    re2::StringPiece rest(line.data(), line.size());
    if (!RE2::Consume(&rest, label)) continue;
    auto add = [&](std::size_t b, std::size_t e) {
      auto item = std::string(trimmed(t.source(b, e)));
      // OCR noise of a stamp after the item's own ';' goes.
      if (auto semi = item.rfind(';'); semi != std::string::npos) item.resize(semi);
      while (!item.empty() && (item.back() == ';' || item.back() == ',' || item.back() == '.')) item.pop_back();
      while (!item.empty() && (item.front() == '-' || item.front() == ' ')) item.erase(0, 1);
      if (item.empty()) return;
      out.push_back({item, t.source(b, e), t.span(b, e), 0.85});
    };
    if (!trimmed(std::string_view(rest.data(), rest.size())).empty()) {
      auto after = t.source(t.pos(rest), lines[i].e);
      // In capitals it is the other column (the signer's title), not an item.
      if (text::upper(after) != after) add(t.pos(rest), lines[i].e);
    }
    for (auto j = i + 1; j < lines.size(); ++j) {
      auto l = trimmed(std::string_view(t.f).substr(lines[j].b, lines[j].e - lines[j].b));
      if (l.empty()) continue;
      auto raw = std::string_view(t.f).substr(lines[j].b, lines[j].e - lines[j].b);
      auto first = raw.find_first_not_of(" \t");
      if (first == std::string_view::npos || raw[first] != '-') {
        // A wrapped line continues the item before it.
        if (!out.empty() && out.back().value && raw.find_first_not_of(" \t") != std::string_view::npos &&
            (out.back().value->back() != ';') && j > i + 1 && !blank(t.f, lines[j - 1])) {
          out.back().value = *out.back().value + " " + std::string(trimmed(t.source(lines[j].b, lines[j].e)));
          out.back().span.end = t.span(lines[j].b, lines[j].e).end;
          continue;
        }
        break;
      }
      add(lines[j].b, lines[j].e);
    }
    return out;
  }
  return out;
}

// The signature block stands beside "Nơi nhận" (OCR merges the two
// columns) or, without one, at the end: the authority ("KT. CHỦ TỊCH") and
// the title in capitals.
void read_signer(const Text& t, Reading& r, const std::vector<Line>& lines) {
  const auto& P = patterns();
  std::size_t from = lines.size() > 80 ? lines.size() - 80 : 0, to = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    re2::StringPiece line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
    if (RE2::PartialMatch(line, P.noi_nhan)) {
      from = i > 8 ? i - 8 : 0;
      to = std::min(lines.size(), i + 30);
      break;
    }
  }
  for (std::size_t i = from; i < to; ++i) {
    re2::StringPiece line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
    if (!r.signer.authority.value && RE2::FullMatch(line, P.authority)) {
      auto item = std::string(trimmed(t.source(lines[i].b, lines[i].e)));
      r.signer.authority = {text::upper(item), item, t.span(lines[i].b, lines[i].e), 0.85};
      continue;
    }
    re2::StringPiece title;
    if (!r.signer.title.value && RE2::PartialMatch(line, P.signer_title, &title)) {
      auto b = t.pos(title), e = b + title.size();
      auto item = t.source(b, e);
      if (text::upper(item) != item) continue;  // a title in running text, not the signature's
      r.signer.title = {item, item, t.span(b, e), 0.8};
    }
  }
  if (!r.signer.title.value) r.unread.push_back("signer");
}

// Where the legal bases are: from each "Căn cứ" to the end of its line
// group (a blank line or the next paragraph's start).
std::vector<std::pair<std::size_t, std::size_t>> basis_spans(const Text& t) {
  std::vector<std::pair<std::size_t, std::size_t>> bases;
  re2::StringPiece in(t.f);
  re2::StringPiece m;
  while (RE2::FindAndConsume(&in, patterns().basis, &m)) {
    auto b = t.pos(m);
    auto e = t.f.find("\n\n", b);
    if (e == std::string::npos) e = t.f.size();
    bases.emplace_back(b, e);
  }
  return bases;
}

// How much of a cited issuer's folded text is the issuing body: its words
// up to where the subject starts ("về …", "phê duyệt …"), at most six
// ("Thủ tướng Chính phủ", "UBND tỉnh Đồng Nai").
std::size_t issuer_length(std::string_view folded) {
  static const std::set<std::string, std::less<>> kSubjectStarts = {
      "ve",  "phe", "ban",  "quy",  "huong", "ngay", "tai", "trien", "thuc", "nham", "giai", "chuong", "chwong",
      "cua", "cta", "ctia", "ciia", "dong",  "voi",  "va",  "theo",  "den",  "dat",  "cai",  "thong"};
  std::size_t pos = 0, cut = 0;
  int words = 0;
  while (pos < folded.size() && words < 6) {
    auto end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    auto word = folded.substr(pos, end - pos);
    if (!word.empty()) {
      if (words > 0 && kSubjectStarts.contains(word)) break;
      ++words;
      cut = end;
    }
    pos = end + 1;
  }
  return cut;
}

// "115/2020/NĐ-CP": the number, its year, the symbol; and the document type
// from its name, else from its symbol.
void read_citation_number(const Text& t, re2::StringPiece type, re2::StringPiece num, re2::StringPiece sym,
                          Reference& ref) {
  auto num_text = cap(num);
  auto slash = num_text.find('/');
  ref.number = ocr_number(num_text.substr(0, slash));
  std::string year_part;
  if (slash != std::string::npos) year_part = "/" + std::string(trimmed(std::string_view(num_text).substr(slash + 1)));
  auto symbol = normal_symbol("", t.source(t.pos(sym), t.pos(sym) + sym.size()));
  ref.number_symbol = ref.number ? std::to_string(*ref.number) + year_part + "/" + symbol : "";
  const auto* by_name = type_by_name(cap(type));
  const auto* by_symbol = type_by_symbol(std::string(sym.substr(0, sym.find('-'))));
  const auto* kind = by_name && by_name != &letter() ? by_name : by_symbol ? by_symbol : &letter();
  ref.type_code = kind->code;
  ref.type_name = kind->name;
}

// Adds a citation to its list; a document cited again adds only what the
// first citation lacked.
void add_citation(std::vector<Reference>& list, Reference ref) {
  auto same = std::find_if(list.begin(), list.end(), [&](const Reference& x) {
    return !ref.number_symbol.empty() && x.number_symbol == ref.number_symbol;
  });
  if (same == list.end()) {
    list.push_back(std::move(ref));
    return;
  }
  if (!same->date) same->date = ref.date;
  if (same->issuer.empty()) same->issuer = ref.issuer;
}

void read_references(const Text& t, Reading& r) {
  auto bases = basis_spans(t);
  re2::StringPiece in(t.f);
  re2::StringPiece type, num, sym, d1, m1, y1, d2, m2, y2, issuer;
  while (RE2::FindAndConsume(&in, patterns().reference, &type, &num, &sym, &d1, &m1, &y1, &d2, &m2, &y2, &issuer)) {
    std::size_t b = t.pos(type);
    std::size_t e = std::size_t(in.data() - t.f.data());
    Reference ref;
    // "của UBND tỉnh về …": the issuer ends where the subject begins.
    if (!issuer.empty()) {
      auto ib = t.pos(issuer);
      auto cut = issuer_length(cap(issuer));
      ref.issuer = std::string(trimmed(t.source(ib, ib + cut)));
      e = ib + cut;
    }
    ref.text = t.source(b, e);
    ref.span = t.span(b, e);
    read_citation_number(t, type, num, sym, ref);
    auto dd = !d1.empty() ? d1 : d2, mm = !m1.empty() ? m1 : m2, yy = !y1.empty() ? y1 : y2;
    if (!dd.empty()) {
      std::chrono::year_month_day ymd{std::chrono::year{std::stoi(cap(yy))},
                                      std::chrono::month{unsigned(std::stoi(cap(mm)))},
                                      std::chrono::day{unsigned(std::stoi(cap(dd)))}};
      if (ymd.ok()) ref.date = ymd;
    }
    ref.confidence = ref.number ? (ref.date ? 0.9 : 0.8) : 0.5;
    bool basis = std::any_of(bases.begin(), bases.end(), [&](const auto& s) { return b >= s.first && b < s.second; });
    add_citation(basis ? r.legal_bases : r.references, std::move(ref));
  }
}

// ---- Outline ----

struct Heading {
  int level;
  std::string label;
  std::size_t line;  // index
};

std::vector<Heading> headings(const Text& t, const std::vector<Line>& lines) {
  const auto& P = patterns();
  std::vector<Heading> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    re2::StringPiece line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
    if (line.find('|') != re2::StringPiece::npos) continue;  // a broken table's row, not a heading
    std::string label, rest;
    if (RE2::FullMatch(line, P.roman, &label, &rest)) {
      // A roman heading is in capitals ("I. MỤC TIÊU"), not a sentence.
      auto src = t.source(lines[i].b, lines[i].e);
      if (text::upper(src) == src) out.push_back({1, text::upper(label), i});
    } else if (RE2::FullMatch(line, P.subnumbered, &label, &rest)) {
      out.push_back({3, label, i});
    } else if (RE2::FullMatch(line, P.numbered, &label, &rest)) {
      out.push_back({2, label, i});
    } else if (RE2::FullMatch(line, P.lettered, &label, &rest)) {
      out.push_back({4, label, i});
    }
  }
  return out;
}

// A heading goes under the last one of a higher level, else beside it.
void insert(std::vector<OutlineNode>& siblings, OutlineNode node) {
  if (!siblings.empty() && siblings.back().level < node.level) {
    insert(siblings.back().children, std::move(node));
  } else {
    siblings.push_back(std::move(node));
  }
}

std::vector<OutlineNode> build_outline(const Text& t, const std::vector<Line>& lines, const std::vector<Heading>& hs) {
  std::vector<OutlineNode> roots;
  for (const auto& h : hs) {
    OutlineNode node;
    node.label = h.label;
    node.level = h.level;
    node.text = t.source(lines[h.line].b, lines[h.line].e);
    node.text = text::cut_utf8(node.text, 300);
    node.span = t.span(lines[h.line].b, lines[h.line].e);
    insert(roots, std::move(node));
  }
  return roots;
}

// ---- Tasks ----

std::optional<TaskDeadline> deadline_in(const Text& t, std::size_t b, std::size_t e) {
  re2::StringPiece in(t.f.data() + b, e - b), phrase;
  if (!RE2::PartialMatch(in, patterns().deadline, &phrase)) return std::nullopt;
  auto pb = t.pos(phrase), pe = pb + phrase.size();
  try {
    auto d = parse_deadline(cap(phrase));
    return TaskDeadline{kind_code(d.kind), d.due, t.source(pb, pe), t.span(pb, pe)};
  } catch (const Error&) {
    return std::nullopt;  // the phrase was there, its numbers were not readable
  }
}

std::string match_unit(const std::string& folded_name, const std::vector<KnownUnit>& units) {
  std::string best;
  std::size_t best_len = 0;
  for (const auto& u : units) {
    auto f = text::fold(u.name);
    if (f.size() > best_len && folded_name.find(f) != std::string::npos) {
      best = u.code;
      best_len = f.size();
    }
  }
  return best;
}

// The tasks under the numbered headings hs[from..] before line end_line:
// each heading names the responsible unit; its items ("a) …", "- …", or
// its paragraphs) are the tasks.
void tasks_under(const Text& t, Reading& r, const std::vector<Line>& lines, const std::vector<Heading>& hs,
                 std::size_t from, std::size_t end_line, const std::vector<KnownUnit>& units) {
  const auto& P = patterns();
  // Each numbered heading inside names the responsible unit; its items
  // ("a) …", "- …", or its paragraphs) are the tasks.
  for (auto j = from; j < hs.size() && hs[j].line < end_line; ++j) {
    if (hs[j].level != 2) continue;
    auto unit_line = lines[hs[j].line];
    std::string label, rest;
    re2::StringPiece ul(t.f.data() + unit_line.b, unit_line.e - unit_line.b);
    RE2::FullMatch(ul, P.numbered, &label, &rest);
    auto ub = unit_line.b + (ul.size() - rest.size()), ue = unit_line.e;
    auto unit_text = t.source(ub, ue);
    while (!unit_text.empty() && (unit_text.back() == ':' || unit_text.back() == '.')) unit_text.pop_back();
    Found<std::string> unit{unit_text, t.source(ub, ue), t.span(ub, ue), 0.75};
    auto code = match_unit(text::fold(unit_text), units);
    std::size_t stop = end_line;
    for (auto n = j + 1; n < hs.size(); ++n) {
      if (hs[n].level <= 2) {
        stop = std::min(stop, hs[n].line);
        break;
      }
    }
    // Items: a line starting an item opens one; other lines continue it;
    // a blank line ends a plain paragraph.
    std::vector<std::pair<std::size_t, std::size_t>> items;
    bool open = false;
    for (auto i = hs[j].line + 1; i < stop; ++i) {
      re2::StringPiece line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
      std::string a, b2;
      bool starts = RE2::FullMatch(line, P.lettered, &a, &b2) || RE2::FullMatch(line, P.bullet, &a);
      if (blank(t.f, lines[i])) {
        continue;
      }
      if (starts || !open) {
        items.emplace_back(lines[i].b, lines[i].e);
        open = true;
      } else {
        items.back().second = lines[i].e;
      }
    }
    for (const auto& [b, e] : items) {
      // Too short to be a task: OCR noise ("Y", "~").
      if (std::count_if(t.f.begin() + b, t.f.begin() + e, [](char ch) { return ch >= 'a' && ch <= 'z'; }) < 10)
        continue;
      Task task;
      task.unit = unit;
      task.unit_code = code;
      auto item = t.source(b, e);
      // Without its marker ("a)", "-"); none found is npos, never below 3.
      auto cut = item.find_first_of(")-+~");
      if (cut < 3) item = std::string(trimmed(std::string_view(item).substr(cut + 1)));
      task.text = item;
      task.deadline = deadline_in(t, b, e);
      task.span = t.span(b, e);
      task.confidence = 0.7;
      r.tasks.push_back(std::move(task));
    }
  }
}

void read_tasks(const Text& t, Reading& r, const std::vector<Line>& lines, const std::vector<Heading>& hs,
                const std::vector<KnownUnit>& units) {
  const auto& P = patterns();
  // Where this document ends: "Nơi nhận" or "Trên đây là …" (a document
  // quoted after it has its own tasks).
  auto ends_at = [&](std::size_t from_line, std::size_t limit) {
    for (auto i = from_line; i < limit; ++i) {
      re2::StringPiece line(t.f.data() + lines[i].b, lines[i].e - lines[i].b);
      if (RE2::PartialMatch(line, P.noi_nhan) || line.starts_with("tren day la")) return i;
    }
    return limit;
  };
  bool sectioned = false;
  for (std::size_t k = 0; k < hs.size(); ++k) {
    if (hs[k].level != 1) continue;
    // "TỔ CHỨC THỰC HIỆN", OCR "TO CHUC THU'C HIEN": letters only.
    std::string heading;
    for (char ch : text::fold(t.source(lines[hs[k].line].b, lines[hs[k].line].e))) {
      if ((ch >= 'a' && ch <= 'z') || ch == ' ') heading.push_back(ch);
    }
    if (heading.find("chuc thuc hien") == std::string::npos) continue;
    sectioned = true;
    // The section runs to the next roman heading, or to "Nơi nhận".
    std::size_t end_line = lines.size();
    for (auto j = k + 1; j < hs.size(); ++j) {
      if (hs[j].level == 1) {
        end_line = hs[j].line;
        break;
      }
    }
    tasks_under(t, r, lines, hs, k + 1, ends_at(hs[k].line + 1, end_line), units);
  }
  // A directive without roman sections ("1. Thủ trưởng các cơ quan …:",
  // "2. Phòng Nội vụ") assigns its work under its numbered headings.
  bool roman = std::any_of(hs.begin(), hs.end(), [](const Heading& h) { return h.level == 1; });
  if (!sectioned && !roman) tasks_under(t, r, lines, hs, 0, ends_at(0, lines.size()), units);
}

// ---- Targets ----

// The indicator a target's clause names (indicators/targets.cpp codes),
// told by its words as OCR leaves them; "" when none.
std::string indicator_of(const std::string& clause) {
  const auto& P = patterns();
  auto has = [&](const RE2& re) { return RE2::PartialMatch(clause, re); };
  bool ho_so =
      has(P.ho_so) || clause.find("thu tuc") != std::string::npos || clause.find("dich vu cong") != std::string::npos;
  if (has(P.phan_anh)) {
    if (has(P.hai_long)) return "feedback_satisfaction_rate";
    if (has(P.dung_han) || clause.find("xu ly") != std::string::npos || clause.find("xur ly") != std::string::npos) {
      return "feedback_on_time_rate";
    }
    return "";
  }
  if (has(P.thanh_toan)) return "online_payment_rate";
  if (has(P.so_hoa)) return ho_so ? "digitized_rate" : "result_digitized_rate";
  if (has(P.truc_tuyen) && has(P.toan_trinh)) return "online_full_rate";
  if (has(P.truc_tuyen) && ho_so) return "online_rate";
  if (has(P.dung_han) && ho_so) return "on_time_rate";
  if (has(P.hai_long)) return "satisfaction_rate";
  return "";
}

void read_targets(const Text& t, Reading& r) {
  const auto& P = patterns();
  // Clauses: text between ';', '.', a blank line or an item start.
  std::size_t i = 0;
  while (i < t.f.size()) {
    auto pct = t.f.find('%', i);
    if (pct == std::string::npos) break;
    // The clause around it.
    std::size_t b = pct, e = pct;
    while (b > 0) {
      char ch = t.f[b - 1];
      if (ch == ';' || (ch == '.' && !(b >= 2 && isdigit(t.f[b - 2]))) ||
          (ch == '\n' && b >= 2 && t.f[b - 2] == '\n') || ch == ')')
        break;
      --b;
    }
    while (e < t.f.size()) {
      char ch = t.f[e];
      if (ch == ';' || (ch == '.' && !(e + 1 < t.f.size() && isdigit(t.f[e + 1]))) ||
          (ch == '\n' && e + 1 < t.f.size() && t.f[e + 1] == '\n'))
        break;
      ++e;
    }
    while (b < e && (t.f[b] == ' ' || t.f[b] == '\n')) ++b;
    std::string clause(t.f.substr(b, e - b));
    for (auto& ch : clause) {
      if (ch == '\n') ch = ' ';
    }
    Target target;
    target.phrase = t.source(b, e);
    target.span = t.span(b, e);
    // Per level ("70% tại cấp sở, 30% tại cấp huyện"), else one value.
    re2::StringPiece in(clause);
    std::string value, level;
    while (RE2::FindAndConsume(&in, P.level_percent, &value, &level)) {
      std::replace(value.begin(), value.end(), ',', '.');
      auto kind = level.starts_with("huy")                            ? "district"
                  : level.starts_with("x") || level.starts_with("ph") ? "commune"
                                                                      : "department";
      target.levels.push_back({kind, std::stod(value)});
    }
    if (target.levels.empty()) {
      re2::StringPiece first(clause);
      if (RE2::PartialMatch(first, P.percent, &value)) {
        std::replace(value.begin(), value.end(), ',', '.');
        target.value = std::stod(value);
      }
    }
    target.comparator = RE2::PartialMatch(clause, P.at_least) ? "at_least" : "equal";
    target.indicator = indicator_of(clause);
    // A broken table's row ('|') is read, but trusted less.
    target.confidence = clause.find('|') != std::string::npos ? 0.3 : target.indicator.empty() ? 0.5 : 0.8;
    if (target.value || !target.levels.empty()) r.targets.push_back(std::move(target));
    i = std::max(e, pct + 1);
  }
}

}  // namespace

std::string type_name(std::string_view code) {
  for (const auto& t : kTypes) {
    if (code == t.code) return t.name;
  }
  return "";
}

Reading read(std::string_view source, const std::vector<KnownUnit>& units) {
  Text t(source);
  auto lines = lines_of(t.f);
  Reading r;
  std::size_t header_end = 0;
  read_number(t, r, header_end);
  read_date(t, r, header_end);
  read_issuer(t, r, lines);
  read_title(t, r, lines);
  if (r.title.value) {
    // A title whose words are not in forms the lexicon knows (no marks, or
    // an OCR's wrong ones) gets a restored suggestion.
    double known = 0;
    auto restored = Lexicon::builtin().restore(*r.title.value, &known);
    if (restored != *r.title.value) r.restored_title = {restored, r.title.raw, r.title.span, 0.8 * known};
  }
  r.recipients = list_after(t, patterns().kinh_gui, lines);
  // "Nơi nhận" near the end: the distribution list of this document (a
  // document quoted after it has its own; the first one found is kept).
  r.distribution = list_after(t, patterns().noi_nhan, lines);
  read_signer(t, r, lines);
  read_references(t, r);
  auto hs = headings(t, lines);
  r.outline = build_outline(t, lines, hs);
  read_tasks(t, r, lines, hs, units);
  read_targets(t, r);
  return r;
}

}  // namespace cchc::documents
