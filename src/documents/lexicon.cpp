#include "documents/lexicon.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <optional>
#include <vector>

#include "core/embedded.h"
#include "core/text.h"

namespace cchc::documents {

namespace {

struct Word {
  std::size_t begin, end;  // bytes in the text
};

// Runs of letters and digits (any script), as UTF-8 byte ranges.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  std::size_t byte = 0;
  constexpr std::size_t none = std::string_view::npos;
  std::size_t start = none;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    bool letter = u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
    std::size_t len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (letter && start == none) start = byte;
    if (!letter && start != none) {
      out.push_back({start, byte});
      start = none;
    }
    byte += len;
    i = u.moveIndex32(i, 1);
  }
  if (start != none) out.push_back({start, byte});
  return out;
}

std::string lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())))
      .toLower(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

std::string best(const std::map<std::string, int>& forms) {
  std::string top;
  int n = -1;
  for (const auto& [form, count] : forms) {
    if (count > n) top = form, n = count;
  }
  return top;
}

// The written form with the source word's capitals: "CAI" → "CẢI", "Cai" → "Cải".
std::string with_case(const std::string& form, std::string_view source) {
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), int32_t(source.size())));
  bool all_upper = u.length() > 1, first_upper = u.length() > 0 && u_isupper(u.char32At(0));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (u_islower(u.char32At(i))) all_upper = false;
  }
  if (all_upper) return text::upper(form);
  if (!first_upper) return form;
  auto f = icu::UnicodeString::fromUTF8(icu::StringPiece(form.data(), int32_t(form.size())));
  auto head = f.tempSubString(0, f.moveIndex32(0, 1));
  auto tail = f.tempSubString(f.moveIndex32(0, 1));
  head.toUpper(icu::Locale("vi"));
  std::string out;
  (head + tail).toUTF8String(out);
  return out;
}

}  // namespace

bool lacks_diacritics(std::string_view text) {
  int letters = 0, marked = 0;
  for (auto w : words_of(text)) {
    auto word = text.substr(w.begin, w.end - w.begin);
    for (unsigned char ch : word) {
      if (ch < 0x80 && std::isalpha(ch)) ++letters;
    }
    if (text::fold(word) != lower(word)) ++marked, ++letters;
  }
  return letters > 0 && marked * 40 < letters;
}

void Lexicon::learn(std::string_view text) {
  auto ws = words_of(text);
  std::string prev_fold, prev_form;
  for (const auto& w : ws) {
    auto form = lower(text.substr(w.begin, w.end - w.begin));
    auto fold = text::fold(form);
    if (fold.empty()) continue;
    ++unigrams_[fold][form];
    if (!prev_fold.empty()) ++bigrams_[prev_fold + " " + fold][prev_form + " " + form];
    prev_fold = fold;
    prev_form = form;
  }
}

std::string Lexicon::restore(std::string_view text, double* known) const {
  auto ws = words_of(text);
  std::vector<std::string> forms(ws.size());
  std::vector<std::string> folds(ws.size());
  for (std::size_t i = 0; i < ws.size(); ++i) folds[i] = text::fold(text.substr(ws[i].begin, ws[i].end - ws[i].begin));
  int found = 0;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    std::string form;
    // A word already written in a form the lexicon knows well (at least a
    // quarter as often as the most frequent one: codes and slugs in the
    // data spell "chinh" without marks now and then) stays as it is.
    if (auto it = unigrams_.find(folds[i]); it != unigrams_.end()) {
      auto seen = it->second.find(lower(text.substr(ws[i].begin, ws[i].end - ws[i].begin)));
      if (seen != it->second.end() && seen->second * 4 >= it->second.at(best(it->second))) {
        ++found;
        continue;
      }
    }
    // A pair with a neighbour decides first ("hanh chinh" → "hành chính").
    for (int side : {1, -1}) {
      if (!form.empty()) break;
      if (side == 1 && i + 1 < ws.size()) {
        if (auto it = bigrams_.find(folds[i] + " " + folds[i + 1]); it != bigrams_.end()) {
          auto pair = best(it->second);
          form = pair.substr(0, pair.find(' '));
        }
      } else if (side == -1 && i > 0) {
        if (auto it = bigrams_.find(folds[i - 1] + " " + folds[i]); it != bigrams_.end()) {
          auto pair = best(it->second);
          form = pair.substr(pair.find(' ') + 1);
        }
      }
    }
    if (form.empty()) {
      if (auto it = unigrams_.find(folds[i]); it != unigrams_.end()) form = best(it->second);
    }
    if (!form.empty()) ++found;
    forms[i] = form;
  }
  std::string out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    out.append(text.substr(at, ws[i].begin - at));
    auto source = text.substr(ws[i].begin, ws[i].end - ws[i].begin);
    out += forms[i].empty() ? std::string(source) : with_case(forms[i], source);
    at = ws[i].end;
  }
  out.append(text.substr(at));
  if (known) *known = ws.empty() ? 0 : double(found) / double(ws.size());
  return out;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    for (const auto& f : embedded::files()) {
      if (f.name.starts_with("data/demo/") || f.name.starts_with("data/calendar/")) l.learn(f.contents);
    }
    return l;
  }();
  return lexicon;
}

}  // namespace cchc::documents
