#include "plans/names.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace cchc::plans {

namespace {

// Abbreviations as matrices write them, in folded form, spelled out.
// Multi-word forms first (they are replaced in the whole key).
const std::vector<std::pair<std::string, std::string>>& phrase_abbreviations() {
  static const std::vector<std::pair<std::string, std::string>> list = {
      {"tt va tt", "thong tin va truyen thong"},
      {"ld tb va xh", "lao dong thuong binh va xa hoi"},
      {"ldtb va xh", "lao dong thuong binh va xa hoi"},
      {"gd va dt", "giao duc va dao tao"},
      {"kh va dt", "ke hoach va dau tu"},
      {"kh va cn", "khoa hoc va cong nghe"},
      {"tn va mt", "tai nguyen va moi truong"},
      {"nn va ptnt", "nong nghiep va phat trien nong thon"},
      {"vh tt va dl", "van hoa the thao va du lich"},
  };
  return list;
}

const std::map<std::string, std::string>& word_abbreviations() {
  static const std::map<std::string, std::string> list = {
      {"ubnd", "uy ban nhan dan"},
      {"hdnd", "hoi dong nhan dan"},
      {"tp", "thanh pho"},
      {"tx", "thi xa"},
      {"hcc", "hanh chinh cong"},
      {"vp", "van phong"},
      {"cq", "co quan"},
      {"tthc", "thu tuc hanh chinh"},
      {"cchc", "cai cach hanh chinh"},
      {"khcn", "khoa hoc va cong nghe"},
      {"tttt", "thong tin va truyen thong"},
      {"ldtbxh", "lao dong thuong binh va xa hoi"},
      {"gddt", "giao duc va dao tao"},
      {"khdt", "ke hoach va dau tu"},
      {"tnmt", "tai nguyen va moi truong"},
      {"gtvt", "giao thong van tai"},
      {"nnptnt", "nong nghiep va phat trien nong thon"},
      {"vhttdl", "van hoa the thao va du lich"},
      {"nnmt", "nong nghiep va moi truong"},
      {"snv", "so noi vu"},
  };
  return list;
}

// Keys of the level groups and the level each stands for.
const std::map<std::string, std::string>& group_keys() {
  static const std::map<std::string, std::string> groups = {
      {"cac so ban nganh", "department"},
      {"so ban nganh", "department"},
      {"cac so nganh", "department"},
      {"cac co quan chuyen mon thuoc uy ban nhan dan", "department"},
      {"uy ban nhan dan cap huyen", "district"},
      {"uy ban nhan dan cac huyen thanh pho", "district"},
      {"uy ban nhan dan cac huyen thi xa thanh pho", "district"},
      {"cac huyen thanh pho", "district"},
      {"uy ban nhan dan cap xa", "commune"},
      {"uy ban nhan dan cac xa phuong thi tran", "commune"},
      {"uy ban nhan dan cac xa phuong", "commune"},
      {"cac xa phuong thi tran", "commune"},
  };
  return groups;
}

// Keys naming the issuing unit's own divisions (phòng, ban, trung tâm of
// a department or a commune), as its plans write them.
const std::set<std::string>& division_group_keys() {
  static const std::set<std::string> keys = {
      "cac phong ban trung tam", "cac phong ban",        "cac phong chuyen mon",
      "phong ban trung tam",     "cac phong ban don vi", "cac phong ban don vi truc thuoc",
      "cac don vi truc thuoc",
  };
  return keys;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  // Whole words only: pad, replace " from " by " to ".
  std::string padded = " " + s + " ", f = " " + from + " ", t = " " + to + " ";
  for (auto pos = padded.find(f); pos != std::string::npos; pos = padded.find(f, pos + t.size() - 1)) {
    padded.replace(pos, f.size(), t);
  }
  return squeeze(padded.substr(1));
}

std::multiset<std::string> bigrams(std::string_view s) {
  std::multiset<std::string> out;
  for (size_t i = 0; i + 1 < s.size(); ++i) out.insert(std::string(s.substr(i, 2)));
  return out;
}

// The kind of body a key starts with ("so", "bo", "uy ban nhan dan" …), or "".
std::string unit_type(const std::string& key) {
  static const std::vector<std::string> types = {
      "so ",      "bo ",        "phong ",     "ban ",      "trung tam ",        "uy ban nhan dan ", "xa ",
      "phuong ",  "thi tran ",  "thanh pho ", "huyen ",    "thi xa ",           "van phong ",       "chi cuc ",
      "cong an ", "thanh tra ", "cuc ",       "tong cuc ", "hoi dong nhan dan "};
  for (const auto& t : types) {
    if (key.rfind(t, 0) == 0) return t;
  }
  return {};
}

}  // namespace

std::string unit_key(std::string_view name) {
  std::string f = text::fold(name);
  std::string s;
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    bool letter_before = i > 0 && f[i - 1] >= 'a' && f[i - 1] <= 'z';
    bool letter_after = i + 1 < f.size() && f[i + 1] >= 'a' && f[i + 1] <= 'z';
    // "GD&ĐT", "TT & TT": "và"; "S& Noi vu": a scan's "ở".
    if (c == '&')
      s += letter_before && !letter_after ? "o" : " va ";
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      s += c;
    else
      s += ' ';
  }
  s = squeeze(std::string(text::trim(s)));
  for (const auto& [from, to] : phrase_abbreviations()) s = replace_all(s, from, to);
  std::string out;
  size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    auto word = s.substr(start, end - start);
    auto it = word_abbreviations().find(word);
    out += (out.empty() ? "" : " ") + (it == word_abbreviations().end() ? word : it->second);
    start = end + 1;
  }
  return out;
}

double similarity(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1;
  if (a.size() < 2 || b.size() < 2) return a == b ? 1 : 0;
  auto x = bigrams(a), y = bigrams(b);
  std::vector<std::string> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return 2.0 * double(common.size()) / double(x.size() + y.size());
}

std::string UnitMatcher::strip(std::string key) const {
  if (key.rfind("co quan ", 0) == 0) key = key.substr(8);
  if (!province_key_.empty() && key.size() > province_key_.size() + 1 &&
      key.compare(key.size() - province_key_.size(), province_key_.size(), province_key_) == 0) {
    key = std::string(text::trim(key.substr(0, key.size() - province_key_.size())));
  }
  if (key.size() > 5 && key.compare(key.size() - 5, 5, " tinh") == 0) key = key.substr(0, key.size() - 5);
  return key;
}

UnitMatcher::UnitMatcher(std::vector<directory::Unit> units, std::vector<Alias> aliases, std::string province_name,
                         std::string issuer)
    : units_(std::move(units)), issuer_(std::move(issuer)) {
  province_key_ = unit_key(province_name);
  if (province_key_.rfind("tinh ", 0) == 0) province_key_ = province_key_.substr(5);
  for (const auto& u : units_) {
    keys_.push_back(strip(unit_key(u.name)));
    for (auto k : {keys_.back(), strip(unit_key(u.short_name)), text::fold(u.code)}) {
      if (k.empty()) continue;
      auto [it, fresh] = exact_.emplace(k, u.code);
      if (!fresh && it->second != u.code) it->second.clear();  // two units share the key: not exact
    }
  }
  for (auto& a : aliases) aliases_.emplace(a.alias, a);
}

UnitMatch UnitMatcher::match(std::string_view name) const {
  UnitMatch m;
  auto key = strip(unit_key(name));
  if (key.empty()) return m;
  // The units of a level (of the issuer's own, for divisions) as a group;
  // unmatched when there are none.
  auto group = [&](const std::string& level, bool issuers_own = false) {
    UnitMatch g;
    for (const auto& u : units_) {
      if (u.level == level && (!issuers_own || (!issuer_.empty() && u.parent_code == issuer_))) {
        g.codes.push_back(u.code);
      }
    }
    if (g.codes.empty()) return UnitMatch{};
    g.kind = UnitMatch::Kind::group;
    g.level_code = level;
    g.score = 1;
    return g;
  };
  if (auto a = aliases_.find(key); a != aliases_.end()) {
    if (!a->second.level_code.empty()) return group(a->second.level_code);
    if (std::any_of(units_.begin(), units_.end(), [&](const auto& u) { return u.code == a->second.unit_code; })) {
      return UnitMatch{UnitMatch::Kind::unit, {a->second.unit_code}, "", {}, 1};
    }
  }
  if (auto e = exact_.find(key); e != exact_.end() && !e->second.empty()) {
    return UnitMatch{UnitMatch::Kind::unit, {e->second}, "", {}, 1};
  }
  if (auto g = group_keys().find(key); g != group_keys().end()) return group(g->second);
  // The issuer with no divisions: the name stays to be resolved.
  if (division_group_keys().count(key)) return group("division", true);

  std::vector<std::pair<double, size_t>> scored;
  auto type = unit_type(key);
  for (size_t i = 0; i < units_.size(); ++i) {
    // "Bộ Nội vụ" is not a garbled "Sở Nội vụ": both name a kind of body, and they differ.
    auto other = unit_type(keys_[i]);
    if (!type.empty() && !other.empty() && type != other) continue;
    scored.emplace_back(similarity(key, keys_[i]), i);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (scored.empty() || scored[0].first < 0.8) return m;
  m.score = scored[0].first;
  for (const auto& [score, i] : scored) {
    if (score < m.score - 0.03) break;
    m.candidates.push_back(units_[i].code);
  }
  if (m.candidates.size() == 1) {
    m.kind = UnitMatch::Kind::unit;
    m.codes = m.candidates;
    m.candidates.clear();
  } else {
    m.kind = UnitMatch::Kind::ambiguous;
  }
  return m;
}

std::vector<std::pair<std::string, UnitMatch>> UnitMatcher::match_cell(std::string_view cell_text) const {
  std::vector<std::pair<std::string, UnitMatch>> out;
  for (const auto& part : split_pieces(cell_text, ";\n\r")) {
    auto whole = match(part);
    bool resolved = whole.kind == UnitMatch::Kind::unit || whole.kind == UnitMatch::Kind::group;
    if (!resolved && part.find(',') != std::string::npos) {
      std::vector<std::pair<std::string, UnitMatch>> pieces;
      for (const auto& piece : split_pieces(part, ",")) pieces.emplace_back(piece, match(piece));
      bool all = std::all_of(pieces.begin(), pieces.end(), [](const auto& p) {
        return p.second.kind == UnitMatch::Kind::unit || p.second.kind == UnitMatch::Kind::group;
      });
      if (all) {
        out.insert(out.end(), pieces.begin(), pieces.end());
        continue;
      }
    }
    out.emplace_back(part, whole);
  }
  return out;
}

std::string tidy_piece(std::string_view s) {
  s = text::trim(s);
  while (!s.empty() && (s.front() == '-' || s.front() == '+' || s.front() == '*' || s.front() == ' '))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(text::trim(s));
}

std::vector<std::string> split_pieces(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
      auto piece = tidy_piece(s.substr(start, i - start));
      if (!piece.empty()) out.push_back(piece);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace cchc::plans
