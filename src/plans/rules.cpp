#include "plans/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/filetype.h"
#include "core/parse.h"
#include "core/text.h"

namespace cchc::plans {

using namespace std::chrono;

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

bool is_roman(std::string_view s) {
  static const std::regex roman(R"(^(x{0,3})(ix|iv|v?i{0,3})\.?$)", std::regex::icase);
  return !s.empty() && s != "." && std::regex_match(std::string(s), roman);
}

std::string cell(const std::vector<std::string>& cells, int i) {
  if (i < 0 || size_t(i) >= cells.size()) return {};
  return std::string(text::trim(cells[size_t(i)]));
}

// A trimmed piece of a unit cell: bullets and stray punctuation off.
std::string clean_name(std::string_view s) {
  s = text::trim(s);
  while (!s.empty() && (s.front() == '-' || s.front() == '+' || s.front() == '*' || s.front() == ' '))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(text::trim(s));
}

std::vector<std::string> split(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
      auto piece = clean_name(s.substr(start, i - start));
      if (!piece.empty()) out.push_back(piece);
      start = i + 1;
    }
  }
  return out;
}

struct Header {
  int stt = -1, objective = -1, task = -1, output = -1, lead = -1, cooperate = -1, deadline = -1;
  bool ok() const { return task >= 0 && lead >= 0 && deadline >= 0; }
};

Header find_header(const std::vector<std::string>& cells) {
  Header h;
  for (size_t i = 0; i < cells.size(); ++i) {
    auto f = text::fold(cells[i]);
    int col = int(i);
    auto has = [&](const char* w) { return f.find(w) != std::string::npos; };
    if (f == "stt" || f == "tt" || f == "so tt")
      h.stt = col;
    else if (has("muc tieu"))
      h.objective = col;
    else if (has("nhiem vu") || has("hoat dong"))
      h.task = col;
    else if (has("ket qua") || has("san pham"))
      h.output = col;
    else if (has("chu tri"))
      h.lead = col;
    else if (has("phoi hop"))
      h.cooperate = col;
    else if (has("thoi gian") || has("thoi han"))
      h.deadline = col;
  }
  return h;
}

// An Excel day number (a date-formatted cell read as its value).
std::optional<std::string> excel_date_text(const std::string& s) {
  static const std::regex serial(R"(^(\d{5})(?:\.0+)?$)");
  std::smatch m;
  if (!std::regex_match(s, m, serial)) return std::nullopt;
  int n = std::stoi(m[1]);
  if (n < 32874 || n > 73050) return std::nullopt;  // 1990 … 2099
  Date d{sys_days{year{1899} / December / day{30}} + days{n}};
  return "Trước ngày " + format_date_vi(d);
}

Date at(int y, const std::string& mmdd) {
  Date d{year{y}, month{unsigned(std::stoi(mmdd.substr(0, 2)))}, day{unsigned(std::stoi(mmdd.substr(3, 2)))}};
  if (!d.ok()) d = Date{year{y} / month{unsigned(std::stoi(mmdd.substr(0, 2)))} / last};  // 02-29
  return d;
}

}  // namespace

// ---- Matching unit names ---------------------------------------------------

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

UnitMatcher::UnitMatcher(std::vector<directory::Unit> units, std::vector<Alias> aliases, std::string province_name)
    : units_(std::move(units)) {
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
  auto group = [&](const std::string& level) {
    UnitMatch g;
    for (const auto& u : units_) {
      if (u.level == level) g.codes.push_back(u.code);
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
  for (const auto& part : split(cell_text, ";\n\r")) {
    auto whole = match(part);
    bool resolved = whole.kind == UnitMatch::Kind::unit || whole.kind == UnitMatch::Kind::group;
    if (!resolved && part.find(',') != std::string::npos) {
      std::vector<std::pair<std::string, UnitMatch>> pieces;
      for (const auto& piece : split(part, ",")) pieces.emplace_back(piece, match(piece));
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

std::vector<UnresolvedName> resolve_units(std::vector<MatrixRow>& rows, const UnitMatcher& matcher,
                                          const Resolutions& resolutions) {
  std::vector<UnresolvedName> unresolved;
  auto by_resolution = [&](const std::string& name) -> std::optional<std::vector<std::string>> {
    auto it = resolutions.find(unit_key(name));
    if (it == resolutions.end()) return std::nullopt;
    std::vector<std::string> codes;
    const auto& units = matcher.units();
    if (it->second.rfind("level:", 0) == 0) {
      for (const auto& u : units) {
        if (u.level == it->second.substr(6)) codes.push_back(u.code);
      }
    } else if (std::any_of(units.begin(), units.end(), [&](const auto& u) { return u.code == it->second; })) {
      codes.push_back(it->second);
    }
    if (codes.empty()) return std::nullopt;
    return codes;
  };
  auto fill = [&](const std::string& cell_text, std::vector<std::string>& codes, int line) {
    // The whole cell may be resolved as one name; else each name in it.
    std::vector<std::pair<std::string, UnitMatch>> names;
    if (by_resolution(clean_name(cell_text))) {
      names.emplace_back(clean_name(cell_text), UnitMatch{});
    } else {
      names = matcher.match_cell(cell_text);
    }
    for (const auto& [name, m] : names) {
      std::vector<std::string> found;
      if (auto r = by_resolution(name))
        found = *r;
      else if (m.kind == UnitMatch::Kind::unit || m.kind == UnitMatch::Kind::group)
        found = m.codes;
      if (found.empty()) {
        auto it =
            std::find_if(unresolved.begin(), unresolved.end(), [&n = name](const auto& u) { return u.name == n; });
        if (it == unresolved.end()) {
          unresolved.push_back({name, {}, m.kind == UnitMatch::Kind::ambiguous, m.candidates});
          it = unresolved.end() - 1;
        }
        if (it->lines.empty() || it->lines.back() != line) it->lines.push_back(line);
        continue;
      }
      for (auto& code : found) {
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
      }
    }
  };
  for (auto& row : rows) {
    row.leads.clear();
    row.cooperates.clear();
    fill(row.lead_cell, row.leads, row.line);
    fill(row.cooperate_cell, row.cooperates, row.line);
    // A unit that leads does not also co-operate.
    std::erase_if(row.cooperates,
                  [&](const auto& c) { return std::find(row.leads.begin(), row.leads.end(), c) != row.leads.end(); });
  }
  return unresolved;
}

// ---- Reading a matrix --------------------------------------------------------

std::optional<std::string> match_area(std::string_view heading, const std::vector<Area>& areas) {
  static const std::vector<std::pair<std::string, std::string>> keywords = {
      {"the che", "institutions"},
      {"thu tuc hanh chinh", "procedures"},
      {"to chuc bo may", "organisation"},
      {"che do cong vu", "civil_service"},
      {"cong vu", "civil_service"},
      {"tai chinh cong", "public_finance"},
      {"chinh quyen dien tu", "digital_government"},
      {"chinh quyen so", "digital_government"},
      {"chuyen doi so", "digital_government"},
      {"chi dao", "direction"},
      {"tuyen truyen", "communication"},
  };
  std::string key = unit_key(heading);
  // Drop a leading numbering ("i ", "2 ").
  static const std::regex numbering(R"(^(?:[ivx]+|\d+)\s+)");
  key = std::regex_replace(key, numbering, "");
  auto present = [&](const std::string& code) {
    return std::any_of(areas.begin(), areas.end(), [&](const auto& a) { return a.code == code; });
  };
  for (const auto& a : areas) {
    if (unit_key(a.name) == key) return a.code;
  }
  for (const auto& [word, code] : keywords) {
    if (key.find(word) != std::string::npos && present(code)) return code;
  }
  std::optional<std::string> best;
  double best_score = 0.6;
  for (const auto& a : areas) {
    double s = similarity(key, unit_key(a.name));
    if (s >= best_score) best_score = s, best = a.code;
  }
  return best;
}

MatrixRead read_matrix(const Grid& grid, const std::vector<Area>& areas) {
  MatrixRead out;
  Header h;
  std::string area, objective, group;
  auto error = [&](int line, const std::string& en, const std::string& vi) {
    out.errors.push_back({line, fmt::format("line {}: {}", line, en), fmt::format("Dòng {}: {}", line, vi)});
  };
  for (const auto& [line, cells] : grid) {
    if (!h.ok()) {
      h = find_header(cells);
      if (!h.ok()) h = Header{};
      continue;
    }
    if (find_header(cells).ok()) continue;  // the header repeated on a new page
    std::vector<std::string> filled;
    for (const auto& c : cells) {
      auto t = std::string(text::trim(c));
      if (!t.empty()) filled.push_back(t);
    }
    if (filled.empty()) continue;
    static const std::regex column_numbers(R"(^\(?\d{1,2}\)?$)");
    if (std::all_of(filled.begin(), filled.end(), [](const auto& f) { return std::regex_match(f, column_numbers); })) {
      continue;  // the "(1) (2) (3)" row under the header
    }
    auto ref = cell(cells, h.stt);
    auto task = cell(cells, h.task), lead = cell(cells, h.lead), deadline = cell(cells, h.deadline);
    auto obj = cell(cells, h.objective), output = cell(cells, h.output), coop = cell(cells, h.cooperate);
    // The heading of an area or group row: the first filled cell after STT.
    std::string heading;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (int(i) == h.stt) continue;
      auto t = std::string(text::trim(cells[i]));
      if (!t.empty()) {
        heading = t;
        break;
      }
    }
    bool task_like = !lead.empty() || !deadline.empty() || !output.empty();
    if (!task_like && (is_roman(ref) || (ref.empty() && filled.size() == 1))) {
      if (auto code = match_area(heading, areas)) {
        area = *code;
        objective.clear();
        group.clear();
        continue;
      }
      if (is_roman(ref)) {
        error(line, fmt::format("unknown reform area '{}'", heading),
              fmt::format("không nhận ra lĩnh vực cải cách \"{}\".", heading));
        continue;
      }
    }
    if (!task_like) {  // a sub-heading
      group = heading;
      objective.clear();
      continue;
    }
    if (!obj.empty()) objective = obj;
    MatrixRow row;
    row.line = line;
    row.ref = ref;
    row.area_code = area;
    row.objective = objective.empty() ? group : objective;
    row.description = task;
    row.output = output;
    row.lead_cell = lead;
    row.cooperate_cell = coop;
    row.deadline_text = excel_date_text(deadline).value_or(deadline);
    if (area.empty()) {
      error(line, "no reform-area heading (I, II, …) above this row",
            "chưa có dòng lĩnh vực cải cách (I, II, …) phía trên dòng này.");
    }
    if (task.empty()) error(line, "the task (Nhiệm vụ/Hoạt động) is empty", "chưa có nội dung nhiệm vụ.");
    if (lead.empty()) error(line, "the lead unit (Cơ quan chủ trì) is empty", "chưa có cơ quan chủ trì.");
    if (deadline.empty()) {
      error(line, "the deadline (Thời gian hoàn thành) is empty", "chưa có thời gian hoàn thành.");
    } else {
      // Never a refused row: a phrase it cannot read is kept as written
      // (kind unparsed) and flagged on the pages.
      try {
        row.deadline = read_deadline(row.deadline_text);
      } catch (const Error& e) {  // not UTF-8
        error(line, e.what(), e.message_vi());
      }
    }
    if (text::code_points(task) > 4000 || text::code_points(output) > 1000 || text::code_points(obj) > 2000) {
      error(line, "a cell is longer than allowed (task 4000, output 1000, objective 2000 characters)",
            "ô quá dài (nhiệm vụ 4.000, kết quả 1.000, mục tiêu 2.000 ký tự).");
    }
    out.rows.push_back(std::move(row));
  }
  if (!h.ok()) {
    out.errors.insert(
        out.errors.begin(),
        {0, "no header row naming the columns Nhiệm vụ/Hoạt động, Cơ quan chủ trì and Thời gian hoàn thành",
         "Không tìm thấy dòng tiêu đề có các cột Nhiệm vụ/Hoạt động, Cơ quan chủ trì, Thời gian hoàn thành."});
  } else if (out.rows.empty() && out.errors.empty()) {
    out.errors.push_back({0, "the matrix has no task rows", "Bảng không có dòng nhiệm vụ nào."});
  }
  return out;
}

// ---- Periods -------------------------------------------------------------------

std::vector<PeriodOfYear> periods_of_year(const std::vector<ReportPeriod>& config, int y,
                                          const WorkCalendar& calendar) {
  std::vector<PeriodOfYear> out;
  for (const auto& p : config) {
    if (p.only_year && *p.only_year != y) continue;
    PeriodOfYear o;
    o.key = fmt::format("{}-{}", y, p.code);
    o.adhoc = p.only_year.has_value();
    if (o.adhoc) {
      o.label = p.name;
    } else {
      o.label = text::fold(p.name) == "nam" ? fmt::format("{} {}", p.name, y) : fmt::format("{} năm {}", p.name, y);
    }
    o.first = at(p.first_prev_year ? y - 1 : y, p.first_mmdd);
    o.last = at(y, p.last_mmdd);
    auto own = p.due_in.find(y);
    o.due = own != p.due_in.end() ? own->second : at(y, p.due_mmdd);
    for (int guard = 0; guard < 30 && calendar.covers(o.due) && !calendar.is_working_day(o.due); ++guard) {
      o.due = Date{sys_days{o.due} + days{1}};
    }
    o.ord = p.ord;
    out.push_back(o);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(sys_days{a.last}, a.ord) < std::pair(sys_days{b.last}, b.ord);
  });
  return out;
}

PeriodOfYear period_of_key(const std::vector<ReportPeriod>& config, std::string_view key,
                           const WorkCalendar& calendar) {
  static const std::regex form(R"(^(\d{4})-([a-z0-9_]+)$)");
  std::smatch m;
  std::string k(key);
  if (std::regex_match(k, m, form)) {
    for (const auto& p : periods_of_year(config, std::stoi(m[1]), calendar)) {
      if (p.key == k) return p;
    }
  }
  std::string codes;
  for (const auto& p : config) codes += (codes.empty() ? "" : ", ") + p.code;
  throw invalid_input(fmt::format("unknown reporting period '{}' (YYYY-code, codes: {})", key, codes),
                      fmt::format("Kỳ báo cáo \"{}\" không hợp lệ.", key));
}

std::string period_in_sentence(std::string_view label) {
  constexpr std::string_view prefix = "Năm ";
  if (label.starts_with(prefix)) return "năm " + std::string(label.substr(prefix.size()));
  return std::string(label);
}

int period_rank(const std::vector<ReportPeriod>& config, std::string_view key) {
  if (key.size() < 6 || key[4] != '-') return -1;
  for (const auto& p : config) {
    if (key.substr(5) == p.code) {
      int y = 0;
      for (char ch : key.substr(0, 4)) {
        if (ch < '0' || ch > '9') return -1;
        y = y * 10 + (ch - '0');
      }
      if (p.only_year && *p.only_year != y) return -1;
      // year, then the last day's month and day, then the order: yyyymmddoo
      // stays within an int up to the year 2147 (plans stop at 2100).
      int mmdd =
          p.last_mmdd.size() == 5 ? std::stoi(p.last_mmdd.substr(0, 2)) * 100 + std::stoi(p.last_mmdd.substr(3)) : 0;
      return (y * 10000 + mmdd) * 100 + std::clamp(p.ord, 0, 99);
    }
  }
  return -1;
}

PeriodOfYear current_period(const std::vector<ReportPeriod>& config, Date d, const WorkCalendar& calendar) {
  int y = int(d.year());
  for (int yy : {y, y + 1}) {
    for (const auto& p : periods_of_year(config, yy, calendar)) {
      if (!p.adhoc && sys_days{p.due} >= sys_days{d}) return p;
    }
  }
  throw invalid_input("no reporting periods are configured", "Chưa cấu hình kỳ báo cáo.");
}

std::vector<PeriodOfYear> periods_in_play(const std::vector<ReportPeriod>& config, Date d,
                                          const WorkCalendar& calendar) {
  std::vector<PeriodOfYear> all;
  int y = int(d.year());
  for (int yy : {y - 1, y, y + 1}) {
    auto more = periods_of_year(config, yy, calendar);
    all.insert(all.end(), more.begin(), more.end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return sys_days{a.due} < sys_days{b.due}; });
  std::vector<PeriodOfYear> out;
  const PeriodOfYear* past = nullptr;
  const PeriodOfYear* current = nullptr;
  for (const auto& p : all) {
    if (p.adhoc) continue;
    if (sys_days{p.due} < sys_days{d})
      past = &p;
    else if (!current)
      current = &p;
  }
  for (const auto& p : all) {
    bool in = &p == past || &p == current;
    if (p.adhoc) {
      in = sys_days{p.first} <= sys_days{d} && sys_days{d} <= sys_days{p.due} + days{kAdhocOwedDays};
    }
    if (in) out.push_back(p);
  }
  return out;
}

std::vector<LineError> check_adhoc_period(const std::string& name, Date first, Date last, Date due) {
  std::vector<LineError> errors;
  auto n = text::code_points(text::trim(name));
  if (n == 0 || n > 200) {
    errors.push_back({0, "the name must be 1-200 characters", "Tên kỳ báo cáo phải có từ 1 đến 200 ký tự."});
  }
  auto in_range = [](Date x) { return int(x.year()) >= 2000 && int(x.year()) <= 2100; };
  if (!in_range(first) || !in_range(last) || !in_range(due)) {
    errors.push_back({0, "the days must be in the years 2000-2100", "Các ngày phải trong các năm 2000 đến 2100."});
  } else if (first.year() != last.year() || last.year() != due.year()) {
    errors.push_back({0, "the period and its due day must be in one year",
                      "Kỳ báo cáo và hạn gửi báo cáo phải trong cùng một năm."});
  }
  if (sys_days{last} < sys_days{first}) {
    errors.push_back({0, "the period ends before it begins", "Ngày kết thúc kỳ trước ngày bắt đầu."});
  }
  if (sys_days{due} < sys_days{last} || sys_days{due} > sys_days{last} + days{90}) {
    errors.push_back({0, "the due day must be from the period's last day to 90 days after",
                      fmt::format("Hạn gửi báo cáo phải từ {} đến 90 ngày sau đó.", format_date_vi(last))});
  }
  return errors;
}

// ---- Plans ---------------------------------------------------------------------

std::vector<LineError> check_plan(const Plan& p) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  static const std::regex number(R"(^[0-9]{1,6}/[A-Za-zĐđ0-9][A-Za-zĐđ0-9.\-]{0,40}$)");
  if (!std::regex_match(p.number, number)) {
    add(fmt::format("the number '{}' is not of the form 77/KH-VP", p.number),
        fmt::format("Số, ký hiệu \"{}\" không đúng dạng (ví dụ 77/KH-VP).", p.number));
  }
  auto title = text::code_points(text::trim(p.title));
  if (title == 0 || title > 500) add("the title must be 1-500 characters", "Trích yếu phải có từ 1 đến 500 ký tự.");
  if (p.year < 2000 || p.year > 2100) add("the year must be 2000-2100", "Năm kế hoạch phải từ 2000 đến 2100.");
  if (p.kind != "reform" && p.kind != "communication") {
    add("the kind must be reform or communication", "Loại kế hoạch không hợp lệ.");
  }
  if (p.status != "draft" && p.status != "issued" && p.status != "closed") {
    add("the status must be draft, issued or closed", "Trạng thái kế hoạch không hợp lệ.");
  }
  if (text::code_points(p.legal_bases) > 20000 || text::code_points(p.objectives) > 20000) {
    add("legal bases and objectives are limited to 20000 characters each",
        "Căn cứ và mục tiêu, yêu cầu mỗi phần tối đa 20.000 ký tự.");
  }
  return errors;
}

int number_year(const Plan& p) { return p.issued_on ? int(p.issued_on->year()) : p.year; }

std::string plan_status_label_vi(std::string_view status) {
  if (status == "draft") return "Dự thảo";
  if (status == "issued") return "Đã ban hành";
  if (status == "closed") return "Đã kết thúc";
  return std::string(status);
}

std::string plan_kind_label_vi(std::string_view kind) {
  if (kind == "communication") return "Kế hoạch thông tin, tuyên truyền CCHC";
  return "Kế hoạch cải cách hành chính";
}

// ---- Objectives ------------------------------------------------------------------

ObjectiveVerdict judge_objective(std::optional<double> value, std::optional<double> target) {
  if (!target) return ObjectiveVerdict::not_quantified;
  if (!value) return ObjectiveVerdict::no_data;
  return *value >= *target ? ObjectiveVerdict::met : ObjectiveVerdict::missed;
}

std::string verdict_label_vi(ObjectiveVerdict v) {
  switch (v) {
    case ObjectiveVerdict::met: return "Đạt";
    case ObjectiveVerdict::missed: return "Chưa đạt";
    case ObjectiveVerdict::no_data: return "Chưa có số liệu";
    case ObjectiveVerdict::not_quantified: return "Không định lượng";
  }
  return {};
}

// ---- State ---------------------------------------------------------------------

namespace {

// Everything of a task's state but the task itself, from the reports made
// before `cutoff`, as of the day `as_of`.
void derive(const Task& task, const std::vector<Report>& reports, Date as_of, Instant cutoff, TaskState& s) {
  bool cancelled = task.cancelled_reason.has_value();
  s.leads.clear();
  s.leads.reserve(task.leads.size());
  for (const auto& unit : task.leads) {
    const Report* latest = nullptr;
    for (const auto& r : reports) {
      if (!r.counted || r.task_id != task.id || r.reported_at >= cutoff || r.unit_code != unit || r.role != "lead") {
        continue;
      }
      if (!latest || r.reported_at > latest->reported_at ||
          (r.reported_at == latest->reported_at && r.period > latest->period)) {
        latest = &r;
      }
    }
    Assignment a;
    a.unit_code = unit;
    if (latest) {
      a.percent = latest->progress == "done" ? 100 : latest->percent;
      if (latest->progress == "done") a.done_on = latest->done_on.value_or(local_date(latest->reported_at));
      a.last_period = latest->period;
    }
    a.status = status_as_of({task.deadline, a.done_on, a.percent, cancelled}, as_of);
    s.leads.push_back(std::move(a));
  }
  std::optional<Date> done_on;
  bool all_done = !s.leads.empty();
  int sum = 0;
  for (const auto& a : s.leads) {
    sum += a.percent;
    if (!a.done_on)
      all_done = false;
    else if (!done_on || sys_days{*a.done_on} > sys_days{*done_on})
      done_on = a.done_on;
  }
  s.percent = s.leads.empty() ? 0 : (sum + int(s.leads.size()) / 2) / int(s.leads.size());
  s.done_on = all_done ? done_on : std::nullopt;
  s.status = status_as_of({task.deadline, s.done_on, s.percent, cancelled}, as_of);
}

// Reports made by the end of a day.
Instant end_of(Date d) { return start_of_day(Date{sys_days{d} + days{1}}); }

}  // namespace

TaskState state_as_of(const Task& task, const std::vector<Report>& reports, Date as_of) {
  TaskState s;
  derive(task, reports, as_of, end_of(as_of), s);
  s.task = task;
  return s;
}

TaskStatus task_status_as_of(const Task& task, const std::vector<Report>& reports, Date as_of) {
  thread_local TaskState scratch;
  derive(task, reports, as_of, end_of(as_of), scratch);
  return scratch.status;
}

TaskState state_for_period(const Task& task, const std::vector<Report>& reports,
                           const std::vector<ReportPeriod>& config, const PeriodOfYear& period) {
  int rank = period_rank(config, period.key);
  std::vector<Report> upto;
  for (const auto& r : reports) {
    int k = period_rank(config, r.period);
    if (k >= 0 && k <= rank) upto.push_back(r);
  }
  TaskState s;
  derive(task, upto, period.last, Instant::max(), s);
  s.task = task;
  return s;
}

std::vector<LineError> check_report(const Report& r, Date today) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  if (r.progress != "not_started" && r.progress != "in_progress" && r.progress != "done") {
    add("progress must be not_started, in_progress or done", "Tình trạng không hợp lệ.");
  }
  if (r.percent < 0 || r.percent > 100) add("percent must be 0-100", "Tỷ lệ hoàn thành phải từ 0 đến 100.");
  if (r.progress == "not_started" && r.percent != 0) {
    add("a task not started has 0 percent done", "Nhiệm vụ chưa thực hiện thì tỷ lệ hoàn thành là 0.");
  }
  // A task in progress is not yet done: 100 % is "done", with its day.
  if (r.progress == "in_progress" && r.percent == 100) {
    add("a task in progress is under 100 percent done: report it done, with its day",
        "Nhiệm vụ đang thực hiện thì tỷ lệ hoàn thành dưới 100 %. Nếu đã xong, chọn \"Đã hoàn thành\" và ghi ngày "
        "hoàn thành.");
  }
  if (r.progress == "done" && !r.done_on) add("done_on is required when done", "Cần ngày hoàn thành.");
  if (r.done_on && sys_days{*r.done_on} > sys_days{today}) {
    add("done_on cannot be in the future", "Ngày hoàn thành không được sau hôm nay.");
  }
  if (r.done_on && r.progress != "done")
    add("done_on is only for a task done", "Chỉ ghi ngày hoàn thành khi đã hoàn thành.");
  if (text::code_points(r.narrative) > 4000) add("narrative over 4000 characters", "Nội dung báo cáo quá 4.000 ký tự.");
  if (text::code_points(r.evidence) > 2000) add("evidence over 2000 characters", "Minh chứng quá 2.000 ký tự.");
  if (text::code_points(r.difficulties) > 4000 || text::code_points(r.proposals) > 4000) {
    add("difficulties and proposals are limited to 4000 characters each",
        "Khó khăn, vướng mắc và đề xuất, kiến nghị mỗi mục tối đa 4.000 ký tự.");
  }
  // A web link, or a path on this site (text::is_link).
  for (const auto& l : split(r.evidence, "\n\r")) {
    if (!text::is_link(l)) {
      add(fmt::format("evidence '{}' is not a link (http://, https:// or a path)", l),
          fmt::format("Minh chứng \"{}\" không phải đường dẫn (http://, https:// hoặc /…).", l));
    }
  }
  return errors;
}

CheckedFile check_evidence_file(const EvidenceFile& f) {
  auto accepted = filetype::check(f.filename, f.content, filetype::evidence_kinds(), 5u << 20);
  return {accepted.name, accepted.content_type};
}

bool owes_report(const Task& task, const std::optional<Report>& last) {
  if (task.cancelled_reason) return false;
  if (task.deadline.kind == Deadline::Kind::continuous) return true;
  return !(last && last->progress == "done");
}

ReportsForPeriod reports_for_period(const std::vector<Report>& own, const std::vector<ReportPeriod>& config,
                                    const std::string& period_key) {
  ReportsForPeriod out;
  int rank = period_rank(config, period_key);
  int previous_rank = -1;
  for (const auto& r : own) {
    if (r.period == period_key) {
      if (!out.current || r.reported_at >= out.current->reported_at) out.current = r;
      continue;
    }
    int k = period_rank(config, r.period);
    if (k >= rank || r.review == "returned") continue;
    if (k > previous_rank || (k == previous_rank && r.reported_at >= out.previous->reported_at)) {
      out.previous = r;
      previous_rank = k;
    }
  }
  return out;
}

CountPolicy count_policy(Date today, int count_after_days, const WorkCalendar& calendar) {
  if (count_after_days <= 0) return {};
  // Walk back from today to the n-th working day: a report made before it
  // has had n working days.
  Date d = today;
  for (int seen = 0;; d = Date{sys_days{d} - std::chrono::days{1}}) {
    bool working = calendar.covers(d) ? calendar.is_working_day(d)
                                      : weekday{sys_days{d}}.c_encoding() % 6 != 0;  // Monday to Friday
    if (working && ++seen == count_after_days) break;
  }
  return {Date{sys_days{d} - std::chrono::days{1}}};
}

bool report_counts(std::string_view review, Date reported_on, const CountPolicy& policy) {
  if (review == "accepted") return true;
  return review == "pending" && policy.pending_until && sys_days{reported_on} <= sys_days{*policy.pending_until};
}

std::string review_label_vi(std::string_view review) {
  if (review == "pending") return "Chờ duyệt";
  if (review == "returned") return "Bị trả lại";
  return "Đã chấp nhận";
}

std::string deadline_shown(const Deadline& d) {
  if (!deadline_unread(d)) return format_deadline(d);
  return format_deadline(d) + " (chưa đọc được thời hạn)";
}

bool deadline_unread(const Deadline& d) { return d.kind == Deadline::Kind::unparsed; }

// ---- What the pages read and decide ----------------------------------------

namespace {

bool only_ascii_digits(std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; }

}  // namespace

std::optional<std::int64_t> id_of_text(std::string_view s) {
  if (s.empty() || s.size() > 12 || !only_ascii_digits(s)) return std::nullopt;
  return parse_int<std::int64_t>(s);
}

std::optional<int> year_of_text(std::string_view s) {
  if (s.size() != 4 || !only_ascii_digits(s)) return std::nullopt;
  auto year = parse_int<int>(s);
  if (!year || *year < 1000) return std::nullopt;
  return year;
}

int page_year(std::string_view s, int this_year) {
  auto y = parse_int<int>(s).value_or(this_year);
  if (y < 2000 || y > 2100) throw invalid_input("year 2000-2100", "Năm không hợp lệ.");
  return y;
}

Date view_day(int year, Date today) {
  return int(today.year()) > year ? Date{std::chrono::year{year} / December / 31} : today;
}

int report_percent(std::string_view text) {
  auto percent = text::trim(text);
  if (percent.empty()) return 0;
  if (percent.size() > 3 || !only_ascii_digits(percent)) {
    throw invalid_input("percent must be a whole number 0-100", "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.")
        .at("ty_le");
  }
  return parse_int<int>(percent).value_or(0);  // three digits at most: always a number
}

std::optional<Date> report_done_on(std::string_view progress, std::string_view text, Date today) {
  if (progress != "done") return std::nullopt;
  auto typed = text::trim(text);
  return typed.empty() ? today : parse_date_input(typed);
}

bool task_names(const Task& task, std::string_view unit) {
  return std::count(task.leads.begin(), task.leads.end(), unit) ||
         std::count(task.cooperates.begin(), task.cooperates.end(), unit);
}

std::string report_role(const Task& task, std::string_view unit) {
  return std::count(task.leads.begin(), task.leads.end(), unit) ? "lead" : "cooperate";
}

bool reported_late(const Report& r, const PeriodOfYear& p) {
  return sys_days{local_date(r.reported_at)} > sys_days{p.due};
}

Report report_prefill(const std::vector<Report>& reports, std::string_view unit, std::string_view period) {
  Report prefill;
  prefill.progress = "in_progress";
  for (const auto& r : reports) {
    if (r.unit_code == unit) prefill = r;
  }
  for (const auto& r : reports) {
    if (r.unit_code == unit && r.period == period) prefill = r;
  }
  return prefill;
}

std::string cancel_reason(bool reopen, const std::string& reason) {
  if (reopen) return "";
  if (text::trim(reason).empty()) {
    throw invalid_input("a reason is needed to cancel a task", "Cần ghi lý do hủy nhiệm vụ.").at("ly_do");
  }
  return reason;
}

std::optional<double> objective_amount(std::string_view text, std::string_view what_vi) {
  try {
    return text::parse_decimal(text);
  } catch (const Error&) {
    throw invalid_input(fmt::format("'{}' is not a number", text),
                        fmt::format("{} phải là một số (ví dụ 70 hoặc 70,5).", what_vi));
  }
}

}  // namespace cchc::plans
