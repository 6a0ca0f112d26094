#include "core/text.h"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <array>

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>

#include "core/errors.h"

namespace cchc::text {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  if (!is_valid_utf8(s)) {
    throw invalid_input("text is not valid UTF-8", "Văn bản không đúng mã UTF-8.");
  }
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorKind::internal, "ICU normalizer unavailable");
  return *n;
}

const icu::number::LocalizedNumberFormatter& formatter(int fraction_digits) {
  using namespace icu::number;
  static thread_local std::map<int, LocalizedNumberFormatter> formatters;
  auto it = formatters.find(fraction_digits);
  if (it == formatters.end()) {
    it = formatters
             .emplace(fraction_digits, NumberFormatter::with()
                                           .precision(Precision::fixedFraction(fraction_digits))
                                           .roundingMode(UNUM_ROUND_HALFUP)
                                           .grouping(UNUM_GROUPING_ON_ALIGNED)
                                           .locale(icu::Locale("vi", "VN")))
             .first;
  }
  return it->second;
}

std::string finish(icu::number::FormattedNumber&& formatted, UErrorCode& status) {
  auto out = to_utf8(formatted.toString(status));
  if (U_FAILURE(status)) throw Error(ErrorKind::internal, "ICU number formatting failed");
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  int32_t i = 0, n = int32_t(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  auto out = normalizer(true).normalize(from_utf8(s), status);
  if (U_FAILURE(status)) throw invalid_input("text cannot be normalised");
  return to_utf8(out);
}

std::string fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = normalizer(false).normalize(from_utf8(s), status);
  if (U_FAILURE(status)) throw invalid_input("text cannot be normalised");
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) {
      folded.append(UChar32(' '));
      pending_space = false;
    }
    if (c == 0x0110 || c == 0x0111) c = 'd';  // Đ đ
    folded.append(u_tolower(c));
  }
  return to_utf8(normalizer(true).normalize(folded, status));
}

// A code point's folded character (fold_mapped), 0 for a combining mark.
char fold_char(char32_t cp) {
  auto c = static_cast<UChar32>(cp);
  if (c < 0x80) return char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  static const auto table = [] {
    std::array<char, 0x2000> t{};
    for (UChar32 cp = 0x80; cp < 0x2000; ++cp) {
      if (u_charType(cp) == U_NON_SPACING_MARK) {
        t[cp] = 0;
        continue;
      }
      if (u_isUWhiteSpace(cp)) {
        t[cp] = ' ';
        continue;
      }
      icu::UnicodeString one(cp);
      UErrorCode status = U_ZERO_ERROR;
      auto decomposed = normalizer(false).normalize(one, status);
      UChar32 base = U_SUCCESS(status) && decomposed.length() > 0 ? decomposed.char32At(0) : cp;
      if (base == 0x0110 || base == 0x0111) base = 'd';
      base = u_tolower(base);
      t[cp] = base < 0x80 ? char(base) : '#';
    }
    return t;
  }();
  if (c < 0x2000) return table[c];
  if (u_charType(c) == U_DASH_PUNCTUATION) return '-';
  if (u_isUWhiteSpace(c)) return ' ';
  return '#';
}

Folded fold_mapped(std::string_view s) {
  Folded out;
  out.text.reserve(s.size());
  out.at.reserve(s.size() + 1);
  std::int32_t i = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = std::int32_t(s.size());
  while (i < n) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    char f = c < 0 ? '#' : fold_char(c);
    if (f == 0) continue;
    out.text.push_back(f);
    out.at.push_back(std::size_t(start));
  }
  out.at.push_back(s.size());
  return out;
}

std::string slug(std::string_view s) {
  std::string folded = fold(s), out;
  for (unsigned char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      out.push_back(char(c));
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  auto n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // back to a character's first byte
  return std::string(s.substr(0, n));
}

void append_html_escaped(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
}

std::string random_hex(std::size_t bytes) {
  if (sodium_init() < 0) throw Error(ErrorKind::internal, "libsodium failed to initialise");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> unbase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::string upper(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())))
      .toUpper(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

bool collate_less(std::string_view a, std::string_view b) {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw Error(ErrorKind::internal, "ICU collator for vi unavailable");
    return c;
  }();
  UErrorCode status = U_ZERO_ERROR;
  auto r = collator->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                 icu::StringPiece(b.data(), int32_t(b.size())), status);
  return r == UCOL_LESS;
}

std::string format_int(std::int64_t v) {
  UErrorCode status = U_ZERO_ERROR;
  return finish(formatter(0).formatInt(v, status), status);
}

std::string format_decimal(double v, int fraction_digits) {
  UErrorCode status = U_ZERO_ERROR;
  return finish(formatter(fraction_digits).formatDouble(v, status), status);
}

int fraction_digits(double v) {
  if (!std::isfinite(v)) return 0;
  auto fixed = fmt::format("{:.6f}", v);
  auto dot = fixed.find('.');
  if (dot == std::string::npos) return 0;
  auto last = fixed.find_last_not_of('0');
  return last == std::string::npos || last <= dot ? 0 : int(last - dot);
}

std::string format_figure(double v) { return format_decimal(v, fraction_digits(v)); }

std::string decimal_input(double v) {
  auto out = fmt::format("{:.{}f}", v, fraction_digits(v));
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string format_percent(double percent, int fraction_digits) {
  return format_decimal(percent, fraction_digits) + " %";
}

std::size_t code_points(std::string_view s) { return std::size_t(from_utf8(s).countChar32()); }

std::string_view trim(std::string_view s) {
  constexpr std::string_view ws = " \t\r\n\f\v";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string end_sentence(std::string_view s) {
  std::string out(trim(s));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) {
    out.pop_back();
    out = std::string(trim(out));
  }
  if (out.empty()) return out;
  std::string_view body = out;
  // A closing quote after the stop: “…bổ sung.”
  for (std::string_view quote : {"\"", "'", "\u201D", "\u2019", "\u00BB"}) {
    if (body.size() > quote.size() && body.ends_with(quote)) {
      body.remove_suffix(quote.size());
      break;
    }
  }
  for (std::string_view stop : {".", "!", "?", "\u2026"}) {
    if (body.ends_with(stop)) return out;
  }
  return out + ".";
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool is_local_path(std::string_view s) {
  if (s.size() > 2048 || s.empty() || s[0] != '/' || s.starts_with("//") || has_control(s)) return false;
  return s.find_first_of(" \\") == std::string_view::npos;
}

bool is_link(std::string_view s) {
  if (s.starts_with("http://") || s.starts_with("https://")) {
    auto rest = s.substr(s.find("//") + 2);
    return s.size() <= 2048 && !rest.empty() && !has_control(s) && s.find(' ') == std::string_view::npos;
  }
  return is_local_path(s);
}

std::optional<double> parse_decimal(std::string_view s) {
  std::string t(trim(s));
  if (t.empty()) return std::nullopt;
  for (auto& ch : t) {
    if (ch == ',') ch = '.';
  }
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.size() > 20 || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    throw invalid_input(fmt::format("'{}' is not a number", s), "Cần nhập một số (ví dụ 70 hoặc 70,5).");
  }
  return v;
}

}  // namespace cchc::text
