#pragma once
// Diacritics restored from a lexicon of administrative Vietnamese built from
// the project's own texts (the demo province's units, plans, criteria sets
// and portal items, compiled into the binary): for each folded word pair
// and word, the written form seen most often. A scan's title without marks
// ("Cai cach hanh chinh nam 2023") comes back as a suggestion ("Cải cách
// hành chính năm 2023") that a person accepts or edits; words the lexicon
// does not know stay as they were.
#include <map>
#include <string>
#include <string_view>

namespace cchc::documents {

class Lexicon {
 public:
  // Counts the words and word pairs of `text`.
  void learn(std::string_view text);
  // The text with each word the lexicon knows but not in the form written
  // replaced by its most frequent written form (the pair with a neighbour
  // first), keeping the source's capitals; words already in a known form,
  // and unknown words, stay. `known` gets the share of words known (0..1).
  std::string restore(std::string_view text, double* known = nullptr) const;
  std::size_t words() const { return unigrams_.size(); }

  // The lexicon of the project's own texts, built once.
  static const Lexicon& builtin();

 private:
  // folded → written form (lower case) → count
  std::map<std::string, std::map<std::string, int>> unigrams_, bigrams_;
};

// Whether a text looks typed or scanned without its marks: fewer than one
// letter in forty carries one.
bool lacks_diacritics(std::string_view text);

}  // namespace cchc::documents
