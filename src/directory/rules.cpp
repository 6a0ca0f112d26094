#include "directory/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"

namespace cchc::directory {

using namespace std::chrono;

bool Unit::valid_on(Date d) const {
  return sys_days{d} >= sys_days{valid_from} && (!valid_to || sys_days{d} <= sys_days{*valid_to});
}

namespace {

const std::vector<std::string> kRequired = {"code", "name", "level", "parent_code", "valid_from", "valid_to"};

bool valid_code(std::string_view c) {
  if (c.empty() || c.size() > 64) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
           ch == '.';
  });
}

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    std::string part = s.substr(start, end - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

LineError error(int line, std::string en, std::string vi) {
  return LineError{line, fmt::format("line {}: {}", line, en), fmt::format("Dòng {}: {}", line, vi)};
}

// Whether [a_from, a_to] lies within [b_from, b_to] (open ends are infinite).
bool covers(const Unit& outer, const Unit& inner) {
  if (sys_days{inner.valid_from} < sys_days{outer.valid_from}) return false;
  if (!outer.valid_to) return true;
  return inner.valid_to && sys_days{*inner.valid_to} <= sys_days{*outer.valid_to};
}

}  // namespace

namespace {

// Where the optional columns are; -1 when absent.
struct UnitColumns {
  int successors = -1;
  int short_name = -1;
};

// The header's columns: kRequired first, then optional ones; an error for
// anything else.
std::optional<UnitColumns> unit_columns(const csv::Record& header_record, std::vector<LineError>& errors) {
  const auto& header = header_record.fields;
  if (header.size() < kRequired.size() || !std::equal(kRequired.begin(), kRequired.end(), header.begin())) {
    errors.push_back(error(header_record.line,
                           "the header must start with " + fmt::format("{}", fmt::join(kRequired, ",")),
                           "dòng tiêu đề phải bắt đầu bằng " + fmt::format("{}", fmt::join(kRequired, ","))));
    return std::nullopt;
  }
  UnitColumns cols;
  for (size_t i = kRequired.size(); i < header.size(); ++i) {
    if (header[i] == "successor_codes" && cols.successors < 0) {
      cols.successors = int(i);
    } else if (header[i] == "short_name" && cols.short_name < 0) {
      cols.short_name = int(i);
    } else {
      errors.push_back(error(header_record.line, fmt::format("unknown column '{}'", header[i]),
                             fmt::format("cột '{}' không được hỗ trợ", header[i])));
      return std::nullopt;
    }
  }
  return cols;
}

// One record of the file as a unit, or nullopt with its line's errors.
std::optional<Unit> unit_of_record(const csv::Record& rec, const UnitColumns& cols, std::vector<LineError>& errors) {
  int line = rec.line;
  Unit u;
  u.code = rec.fields[0];
  u.name = text::nfc(rec.fields[1]);
  u.level = rec.fields[2];
  u.parent_code = rec.fields[3];
  bool ok = true;
  auto bad = [&](std::string en, std::string vi) {
    errors.push_back(error(line, std::move(en), std::move(vi)));
    ok = false;
  };
  if (!valid_code(u.code)) {
    bad(fmt::format("code '{}' must be 1-64 letters, digits, '-', '_' or '.'", u.code),
        fmt::format("mã '{}' chỉ gồm 1–64 chữ cái không dấu, chữ số, '-', '_' hoặc '.'", u.code));
  }
  if (u.name.empty() || u.name.size() > 300)
    bad("name must be 1-300 bytes", "tên đơn vị không được để trống hoặc quá dài");
  if (!u.parent_code.empty() && !valid_code(u.parent_code)) {
    bad(fmt::format("parent_code '{}' is not a valid code", u.parent_code),
        fmt::format("mã đơn vị cấp trên '{}' không hợp lệ", u.parent_code));
  }
  try {
    u.valid_from = parse_iso_date(rec.fields[4]);
  } catch (const Error&) {
    bad(fmt::format("valid_from '{}' is not a date YYYY-MM-DD", rec.fields[4]),
        fmt::format("ngày bắt đầu '{}' không đúng dạng YYYY-MM-DD", rec.fields[4]));
  }
  if (!rec.fields[5].empty()) {
    try {
      u.valid_to = parse_iso_date(rec.fields[5]);
    } catch (const Error&) {
      bad(fmt::format("valid_to '{}' is not a date YYYY-MM-DD", rec.fields[5]),
          fmt::format("ngày kết thúc '{}' không đúng dạng YYYY-MM-DD", rec.fields[5]));
    }
  }
  if (cols.successors >= 0) u.successor_codes = split_codes(rec.fields[size_t(cols.successors)]);
  if (cols.short_name >= 0) u.short_name = text::nfc(rec.fields[size_t(cols.short_name)]);
  if (!ok) return std::nullopt;
  return u;
}

}  // namespace

ParsedUnits parse_units_csv(std::string_view text) {
  ParsedUnits out;
  std::vector<csv::Record> records;
  try {
    records = csv::parse(text);
  } catch (const Error& e) {
    out.errors.push_back({0, e.what(), e.message_vi()});
    return out;
  }
  if (records.empty()) {
    out.errors.push_back(error(1,
                               "the file is empty; expected the header " + fmt::format("{}", fmt::join(kRequired, ",")),
                               "tệp trống, cần dòng tiêu đề " + fmt::format("{}", fmt::join(kRequired, ","))));
    return out;
  }
  auto cols = unit_columns(records[0], out.errors);
  if (!cols) return out;
  std::size_t width = records[0].fields.size();
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    if (rec.fields.size() != width) {
      out.errors.push_back(error(rec.line, fmt::format("expected {} fields, found {}", width, rec.fields.size()),
                                 fmt::format("cần {} trường, có {}", width, rec.fields.size())));
      continue;
    }
    if (auto u = unit_of_record(rec, *cols, out.errors)) {
      out.units.push_back(std::move(*u));
      out.lines.push_back(rec.line);
    }
  }
  return out;
}

std::vector<LineError> validate_units(const std::vector<Unit>& incoming, const std::vector<int>& lines,
                                      const std::map<std::string, Unit>& existing,
                                      const std::set<std::string>& level_codes) {
  std::vector<LineError> errors;
  std::map<std::string, Unit> merged = existing;
  std::map<std::string, int> line_of;
  for (size_t i = 0; i < incoming.size(); ++i) {
    const Unit& u = incoming[i];
    if (auto [it, fresh] = line_of.emplace(u.code, lines[i]); !fresh) {
      errors.push_back(error(lines[i], fmt::format("code '{}' already appears on line {}", u.code, it->second),
                             fmt::format("mã '{}' đã có ở dòng {}", u.code, it->second)));
      continue;
    }
    merged[u.code] = u;
  }
  for (size_t i = 0; i < incoming.size(); ++i) {
    const Unit& u = incoming[i];
    int line = lines[i];
    if (line_of[u.code] != line) continue;  // the duplicate, reported above
    if (!level_codes.count(u.level)) {
      errors.push_back(error(line, fmt::format("unknown level '{}'", u.level),
                             fmt::format("cấp đơn vị '{}' không có trong danh mục", u.level)));
    }
    if (u.valid_to && sys_days{*u.valid_to} < sys_days{u.valid_from}) {
      errors.push_back(error(line, "valid_to is before valid_from", "ngày kết thúc trước ngày bắt đầu"));
    }
    if (!u.parent_code.empty()) {
      auto p = merged.find(u.parent_code);
      if (p == merged.end()) {
        errors.push_back(error(line, fmt::format("unknown parent '{}'", u.parent_code),
                               fmt::format("không có đơn vị cấp trên mã '{}'", u.parent_code)));
      } else if (p->first == u.code) {
        errors.push_back(error(line, "a unit cannot be its own parent", "đơn vị không thể là cấp trên của chính nó"));
      } else if (!covers(p->second, u)) {
        errors.push_back(error(
            line, fmt::format("parent '{}' does not exist over the whole life of the unit", u.parent_code),
            fmt::format("đơn vị cấp trên '{}' không tồn tại trong suốt thời gian của đơn vị này", u.parent_code)));
      }
    }
    for (const auto& s : u.successor_codes) {
      auto it = merged.find(s);
      if (s == u.code) {
        errors.push_back(error(line, "a unit cannot succeed itself", "đơn vị không thể kế thừa chính nó"));
      } else if (it == merged.end()) {
        errors.push_back(
            error(line, fmt::format("unknown successor '{}'", s), fmt::format("không có đơn vị kế thừa mã '{}'", s)));
      } else if (!u.valid_to) {
        errors.push_back(
            error(line, "a unit with successors needs valid_to", "đơn vị có đơn vị kế thừa phải có ngày kết thúc"));
      } else if (!it->second.valid_on(Date{sys_days{*u.valid_to} + days{1}})) {
        errors.push_back(
            error(line, fmt::format("successor '{}' does not exist the day after this unit ends", s),
                  fmt::format("đơn vị kế thừa '{}' không tồn tại vào ngày sau khi đơn vị này kết thúc", s)));
      }
    }
  }
  // Cycles: follow parents from each incoming unit.
  for (size_t i = 0; i < incoming.size(); ++i) {
    const Unit& u = incoming[i];
    if (line_of[u.code] != lines[i] || u.parent_code == u.code) continue;  // own parent: reported above
    std::set<std::string> seen{u.code};
    std::string cur = u.parent_code;
    while (!cur.empty()) {
      if (cur == u.code) {
        errors.push_back(error(lines[i], fmt::format("unit '{}' is its own ancestor (a cycle)", u.code),
                               fmt::format("đơn vị '{}' nằm trong vòng lặp cấp trên – cấp dưới", u.code)));
        break;
      }
      if (!seen.insert(cur).second) break;  // a cycle above, reported on its own units
      auto it = merged.find(cur);
      if (it == merged.end()) break;
      cur = it->second.parent_code;
    }
  }
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  return errors;
}

std::vector<Unit> parents_first(std::vector<Unit> units) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < units.size(); ++i) index[units[i].code] = i;
  std::vector<Unit> out;
  std::vector<int> state(units.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(size_t)> visit = [&](size_t i) {
    if (state[i]) return;
    state[i] = 1;
    auto p = index.find(units[i].parent_code);
    if (p != index.end() && state[p->second] == 0) visit(p->second);
    state[i] = 2;
    out.push_back(units[i]);
  };
  for (size_t i = 0; i < units.size(); ++i) visit(i);
  return out;
}

std::string to_csv(const std::vector<Unit>& units) {
  std::string out = csv::format_row(
      {"code", "name", "level", "parent_code", "valid_from", "valid_to", "successor_codes", "short_name"});
  for (const auto& u : units) {
    std::string successors;
    for (const auto& s : u.successor_codes) successors += (successors.empty() ? "" : ";") + s;
    out += csv::format_row({u.code, u.name, u.level, u.parent_code, format_iso_date(u.valid_from),
                            u.valid_to ? format_iso_date(*u.valid_to) : "", successors, u.short_name});
  }
  return out;
}

Tree::Tree(std::vector<Unit> units) : units_(std::move(units)) {
  std::sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.code < b.code; });
  for (size_t i = 0; i < units_.size(); ++i) {
    index_[units_[i].code] = i;
    children_.emplace(units_[i].parent_code, i);
  }
}

const Unit* Tree::find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &units_[it->second];
}

std::vector<const Unit*> Tree::as_of(Date d) const {
  std::vector<const Unit*> out;
  for (const auto& u : units_) {
    if (u.valid_on(d)) out.push_back(&u);
  }
  return out;
}

std::vector<const Unit*> Tree::children(const std::string& code, Date d) const {
  std::vector<const Unit*> out;
  auto [a, b] = children_.equal_range(code);
  for (auto it = a; it != b; ++it) {
    if (units_[it->second].valid_on(d)) out.push_back(&units_[it->second]);
  }
  std::sort(out.begin(), out.end(), [](const Unit* x, const Unit* y) { return text::collate_less(x->name, y->name); });
  return out;
}

std::vector<const Unit*> Tree::subtree(const std::string& code, Date d) const {
  std::vector<const Unit*> out;
  const Unit* root = find(code);
  if (!root || !root->valid_on(d)) return out;
  std::function<void(const Unit*)> walk = [&](const Unit* u) {
    out.push_back(u);
    for (const Unit* c : children(u->code, d)) walk(c);
  };
  walk(root);
  return out;
}

std::vector<const Unit*> Tree::ancestors(const std::string& code) const {
  std::vector<const Unit*> out;
  const Unit* u = find(code);
  std::set<std::string> seen;
  while (u && !u->parent_code.empty() && seen.insert(u->parent_code).second) {
    u = find(u->parent_code);
    if (u) out.push_back(u);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<const Unit*> Tree::of_level(const std::string& level, Date d) const {
  std::vector<const Unit*> out;
  for (const auto& u : units_) {
    if (u.level == level && u.valid_on(d)) out.push_back(&u);
  }
  return out;
}

bool Tree::is_within(const std::string& descendant, const std::string& ancestor) const {
  if (descendant == ancestor) return find(descendant) != nullptr;
  for (const Unit* a : ancestors(descendant)) {
    if (a->code == ancestor) return true;
  }
  return false;
}

bool locks_self_out(bool own_account, bool stays_active, const std::vector<std::string>& roles) {
  return own_account && (!stays_active || std::find(roles.begin(), roles.end(), "admin") == roles.end());
}

}  // namespace cchc::directory
