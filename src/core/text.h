#pragma once
// Vietnamese text: normalisation, folding for search, numbers and slugs.
// All strings are UTF-8.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::text {

bool is_valid_utf8(std::string_view s);
// Unicode NFC (the form stored and compared); throws invalid_input on bad UTF-8.
std::string nfc(std::string_view s);
// The search key: marks removed, đ/Đ → d, lower case, runs of white space
// folded to one space and trimmed. "Đắk Lắk" → "dak lak"; a text typed without
// diacritics folds to the same key as the same text typed with them.
std::string fold(std::string_view s);
// Text folded for matching, one character per source code point, with
// where each came from: letters lose their marks and case ("Ệ" → 'e',
// "Đ" → 'd'); ASCII stays as it is but lower case (line breaks and
// punctuation kept, so lines and "77/KH-VP" keep their shape); dashes
// become '-', other white space ' ', anything else '#'; combining marks
// (of decomposed input) vanish. at[i] is the source byte offset of
// text[i]; at.back() is the source's size. Invalid UTF-8 bytes become '#'.
struct Folded {
  std::string text;
  std::vector<std::size_t> at;
};
Folded fold_mapped(std::string_view s);
// One code point as fold_mapped folds it ('#' for anything it does not
// know, 0 for a combining mark).
char fold_char(char32_t cp);

// URL slug: fold, then every run of characters other than a-z 0-9 becomes '-',
// trimmed of '-'. "Kế hoạch số 77/KH-VP" → "ke-hoach-so-77-kh-vp".
std::string slug(std::string_view s);

// Upper case by the Vietnamese rules (ICU): "Sở Nội vụ" → "SỞ NỘI VỤ".
std::string upper(std::string_view s);

// Base64 (RFC 4648, with padding; libsodium); unbase64 skips line breaks and
// spaces and gives nullopt for anything else that is not base64.
std::string base64(std::string_view bytes);
std::optional<std::string> unbase64(std::string_view text);

// `bytes` random bytes (libsodium) as lower-case hex: ids of stored files
// that cannot be guessed. random_hex(16) → 32 characters.
std::string random_hex(std::size_t bytes);

// Text appended to `out` with & < > " ' as HTML entities: for the few
// places that build HTML outside the templates (highlights, diffs, marked
// sources).
void append_html_escaped(std::string& out, std::string_view s);

// At most `max_bytes` of UTF-8 text, cut between characters, never inside one.
std::string cut_utf8(std::string_view s, std::size_t max_bytes);

// Characters (code points), not bytes: for length limits.
std::size_t code_points(std::string_view s);
// Without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);
// `s` as one sentence ending with one full stop, for texts joined into
// letters and notices ("- " + item, a reason after a colon): trimmed; a
// trailing ',', ';' or ':' replaced by "."; nothing added when it already
// ends with '.', '!', '?' or '…' (before a closing quote too). Empty stays
// empty. "Đề nghị bổ sung." → "Đề nghị bổ sung."; "Đề nghị bổ sung" →
// "Đề nghị bổ sung.".
std::string end_sentence(std::string_view s);

// Holds a control byte (below 0x20, or 0x7f): CR, LF, TAB and NUL among
// them. Such text never goes into a header, a link or a redirect.
bool has_control(std::string_view s);
// A path on this site, which no browser reads as another origin: one '/'
// first, and no '\\', white space or control byte anywhere ("/\\evil",
// "//evil", "/\t/evil" and "/ /evil" are all refused, since browsers drop
// or turn such bytes into '/'). For the page after sign-in and links people
// enter.
bool is_local_path(std::string_view s);
// A link people enter: an http:// or https:// address, or a local path;
// no white space or control byte.
bool is_link(std::string_view s);

// Vietnamese alphabetical order (ICU collation for "vi": a ă â b c d đ e ê …,
// tones after letters), for sorting names.
bool collate_less(std::string_view a, std::string_view b);

// Vietnamese number forms: "." groups thousands, "," marks decimals;
// rounding is half away from zero (a share of 96,45 % shows as 96,5 %).
// A decimal as a person types it: "70", "70,5", "70.5", "-0,5" (spaces
// around ignored; at most 20 characters); nullopt when blank; invalid_input
// (English detail, Vietnamese message) for anything else.
std::optional<double> parse_decimal(std::string_view s);

std::string format_int(std::int64_t v);                     // 1234567 → "1.234.567"
std::string format_decimal(double v, int fraction_digits);  // 1234.5, 1 → "1.234,5"
// A figure as someone gave it: the decimals it has, at most 6 (0 for
// 1234, 1 for 95.5, 3 for 0.125); shown grouped (format_figure: "1.234",
// "95,5") or as a form field holds it (decimal_input: "1234", "95,5"; no
// grouping, so parse_decimal reads it back the same: "1.234" would be 1,234).
int fraction_digits(double v);
std::string format_figure(double v);
std::string decimal_input(double v);
std::string format_percent(double percent, int fraction_digits = 1);  // 96.5 → "96,5 %"

}  // namespace cchc::text
