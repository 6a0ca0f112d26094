#pragma once
// Matching the unit names a matrix writes to the directory's units.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "directory/model.h"

namespace cchc::plans {

//
// A matrix names units as people write them: "Sở Nội vụ", "So Noi vu",
// "S& Noi vu" (a scan), "UBND cấp huyện" (every unit of a level), "Trung tâm
// Hành chính công" (an older name). A name is matched, in order, by
//   1. an alias stored when a user resolved it before (unit_aliases);
//   2. its key equal to a unit's name, short name or code key;
//   3. a level group: "các sở, ban, ngành" → every department,
//      "UBND cấp huyện" / "UBND các huyện, thành phố" → every district,
//      "UBND cấp xã" / "UBND các xã, phường, thị trấn" → every commune;
//   4. the closest unit name by character-bigram similarity (Dice), when it
//      is at least 0.8 and no other unit is within 0.03 of it (else the name
//      is ambiguous, with its candidates).
// A key is the folded name (no diacritics, lower case) with abbreviations
// spelled out (UBND, TP., HCC, TT&TT …), punctuation dropped, and a leading
// "cơ quan", trailing "tỉnh" or the province's name dropped.

struct Alias {
  std::string alias;       // a key (unit_key)
  std::string unit_code;   // or
  std::string level_code;  // a level group
};

struct UnitMatch {
  enum class Kind { unit, group, ambiguous, unmatched };
  Kind kind = Kind::unmatched;
  std::vector<std::string> codes;       // unit: one; group: the level's units (the issuer's divisions)
  std::string level_code;               // group
  std::vector<std::string> candidates;  // ambiguous: unit codes, best first
  double score = 0;
};

std::string unit_key(std::string_view name);
double similarity(std::string_view key_a, std::string_view key_b);  // 0..1

class UnitMatcher {
 public:
  // `units` are those to match against (valid on the plan's date);
  // `issuer` the plan's issuing unit, whose own divisions "Các phòng, ban,
  // trung tâm" names (a group of level "division").
  UnitMatcher(std::vector<directory::Unit> units, std::vector<Alias> aliases, std::string province_name = {},
              std::string issuer = {});
  UnitMatch match(std::string_view name) const;
  // A cell may name several units: split on ";" and line breaks, then a
  // part that does not match whole is split on commas when every piece of
  // it matches. Returns one (name, match) per name found.
  std::vector<std::pair<std::string, UnitMatch>> match_cell(std::string_view cell) const;
  const std::vector<directory::Unit>& units() const { return units_; }

 private:
  std::vector<directory::Unit> units_;
  std::vector<std::string> keys_;             // per unit: name key
  std::map<std::string, std::string> exact_;  // key → unit code
  std::map<std::string, Alias> aliases_;
  std::string province_key_;
  std::string issuer_;
  std::string strip(std::string key) const;
};

// A piece of a cell as a name or a link is read from it: trimmed of spaces,
// leading bullets (-, +, *) and trailing dots and commas.
std::string tidy_piece(std::string_view s);
// The tidied pieces of `s` between any of `separators`, empty ones dropped.
std::vector<std::string> split_pieces(std::string_view s, std::string_view separators);

}  // namespace cchc::plans
