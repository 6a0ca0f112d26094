#include "portal/rules.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <dtl/dtl.hpp>

#include <algorithm>
#include <array>
#include <set>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "portal/markdown.h"

namespace cchc::portal {

namespace {

constexpr std::array<const char*, 5> kStates = {"draft", "submitted", "returned", "published", "withdrawn"};

// ---- Code points ----

// The next code point of UTF-8 text at `i` (advanced past it); U+FFFD for a
// broken sequence, which only ever skips one byte.
char32_t next_cp(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// One code point's folded letter or digit ('a'-'z', '0'-'9'; "ặ" → 'a',
// "Đ" → 'd'), by the platform's folding; 0 for anything else.
char fold_cp(char32_t cp) {
  char f = text::fold_char(cp);
  return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9') ? f : 0;
}

bool word_cp(char32_t cp) { return fold_cp(cp) != 0 || (cp >= 0x80 && u_isalnum(static_cast<UChar32>(cp))); }

bool blank_byte(char ch) { return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'; }

// An issuing body's words folded, '-' between them, with the usual
// abbreviations spelt out: "UBND P. Trảng Dài" → "uy-ban-nhan-dan-p-trang-dai".
std::string issuer_words(std::string_view name) {
  auto slug = text::slug(name);
  std::string out;
  std::size_t start = 0;
  while (start < slug.size()) {
    auto end = slug.find('-', start);
    if (end == std::string::npos) end = slug.size();
    auto word = std::string_view(slug).substr(start, end - start);
    if (!out.empty()) out += '-';
    if (word == "ubnd") {
      out += "uy-ban-nhan-dan";
    } else if (word == "hdnd") {
      out += "hoi-dong-nhan-dan";
    } else if (word == "tp") {
      out += "thanh-pho";
    } else {
      out += word;
    }
    start = end + 1;
  }
  return out;
}

// Levels whose documents a People's Committee (UBND) issues.
bool peoples_committee(std::string_view level) {
  return level == "province" || level == "district" || level == "commune";
}

}  // namespace

// ---- Workflow ----

std::string state_code(State s) { return kStates[static_cast<std::size_t>(s)]; }

State parse_state(std::string_view code) {
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (code == kStates[i]) return static_cast<State>(i);
  }
  throw invalid_input(fmt::format("unknown item state '{}'", code), "Trạng thái tin bài không hợp lệ.");
}

std::string state_label_vi(State s) {
  switch (s) {
    case State::draft: return "Bản nháp";
    case State::submitted: return "Chờ duyệt";
    case State::returned: return "Bị trả lại";
    case State::published: return "Đã đăng";
    case State::withdrawn: return "Đã gỡ";
  }
  return "";
}

std::string action_code(Action a) {
  switch (a) {
    case Action::edit: return "edit";
    case Action::submit: return "submit";
    case Action::comment: return "comment";
    case Action::send_back: return "send_back";
    case Action::approve: return "approve";
    case Action::withdraw: return "withdraw";
    case Action::republish: return "republish";
  }
  return "";
}

std::optional<State> transition(State from, Action action, Actor actor) {
  using enum State;
  if (actor == Actor::author) {
    switch (action) {
      case Action::edit: return from == draft || from == returned ? std::optional(from) : std::nullopt;
      case Action::submit: return from == draft || from == returned ? std::optional(submitted) : std::nullopt;
      case Action::comment: return from == submitted || from == returned ? std::optional(from) : std::nullopt;
      default: return std::nullopt;
    }
  }
  switch (action) {
    case Action::edit: return from == submitted || from == published ? std::optional(from) : std::nullopt;
    case Action::comment:
      return from == submitted || from == returned || from == published ? std::optional(from) : std::nullopt;
    case Action::send_back: return from == submitted ? std::optional(returned) : std::nullopt;
    case Action::approve: return from == submitted ? std::optional(published) : std::nullopt;
    case Action::withdraw: return from == published ? std::optional(withdrawn) : std::nullopt;
    case Action::republish: return from == withdrawn ? std::optional(published) : std::nullopt;
    default: return std::nullopt;
  }
}

// ---- What an item may hold ----

void check_item(const Item& item) {
  auto title = text::code_points(item.title);
  if (title < 5 || title > 300) {
    throw invalid_input("title must be 5-300 characters", "Tiêu đề phải có từ 5 đến 300 ký tự.");
  }
  if (text::code_points(item.summary) > 1000) {
    throw invalid_input("summary over 1,000 characters", "Tóm tắt không được quá 1.000 ký tự.");
  }
  if (item.body.size() > 100000) {
    throw invalid_input("body over 100,000 bytes", "Nội dung không được quá 100.000 ký tự.");
  }
  if (item.tags.size() > 10) throw invalid_input("at most 10 tags", "Tối đa 10 từ khóa.");
  for (const auto& t : item.tags) {
    if (text::code_points(t) > 50) throw invalid_input("a tag over 50 characters", "Mỗi từ khóa tối đa 50 ký tự.");
  }
  if (!item.video_url.empty()) {
    bool ok = item.video_url.size() <= 500 && item.video_url.starts_with("https://") && item.video_url.size() > 8 &&
              std::none_of(item.video_url.begin(), item.video_url.end(), [](char ch) {
                return static_cast<unsigned char>(ch) <= 0x20 || ch == '"' || ch == '<' || ch == '>';
              });
    if (!ok) {
      throw invalid_input("video link must be an https:// URL of up to 500 characters",
                          "Đường dẫn video phải là địa chỉ https:// hợp lệ (tối đa 500 ký tự).");
    }
  }
}

Item edited(const Item& stored, const Item& edit, Actor actor) {
  Item out = stored;
  out.title = edit.title;
  out.summary = edit.summary;
  out.body = edit.body;
  out.video_url = edit.video_url;
  out.tags = edit.tags;
  out.category_id = edit.category_id;
  if (actor == Actor::board) out.featured = edit.featured;
  return out;
}

std::vector<std::string> parse_tags(std::string_view text_in) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= text_in.size()) {
    auto end = text_in.find_first_of(",;", start);
    auto part = text::trim(text_in.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty() && seen.insert(text::fold(part)).second) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string slug_base(std::string_view title) {
  auto s = text::slug(title);
  if (s.size() > 80) {
    auto cut = s.rfind('-', 80);
    s.resize(cut == std::string::npos || cut < 20 ? 80 : cut);
    while (!s.empty() && s.back() == '-') s.pop_back();
  }
  return s.empty() ? "bai-viet" : s;
}

// ---- Search ----

Terms search_terms(std::string_view query) {
  Terms t;
  auto q = text::nfc(query.substr(0, 500));
  std::set<std::string> seen;
  std::size_t i = 0;
  bool marked = false;
  std::string folded, exact_word;
  auto flush = [&] {
    if (!folded.empty() && folded.size() <= 40 && t.folded.size() < 12 && seen.insert(folded).second) {
      t.folded.push_back(folded);
      t.exact.push_back(exact_key(exact_word));
    }
    folded.clear();
    exact_word.clear();
  };
  while (i < q.size()) {
    auto start = i;
    auto cp = next_cp(q, i);
    if (word_cp(cp)) {
      if (cp >= 0x80) marked = true;
      if (auto f = fold_cp(cp)) folded += f;
      exact_word.append(q, start, i - start);
    } else {
      flush();
    }
  }
  flush();
  if (!marked) t.exact.clear();
  return t;
}

std::string exact_key(std::string_view text_in) {
  std::string lower;
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text_in.data(), int32_t(text_in.size())));
  u.toLower(icu::Locale("vi"));
  u.toUTF8String(lower);
  lower = text::nfc(lower);
  std::string out;
  out.reserve(lower.size() + lower.size() / 2);
  bool space = true;
  std::size_t i = 0;
  while (i < lower.size()) {
    auto cp = next_cp(lower, i);
    if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
      out += char(cp);
      space = false;
    } else if (cp >= 0x80 && word_cp(cp)) {
      out += fmt::format("x{:x}", static_cast<std::uint32_t>(cp));
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string highlight_html(std::string_view text_in, const std::vector<std::string>& folded_terms,
                           std::size_t max_chars) {
  // Each code point's byte offset and folded letter (0 between words).
  std::vector<std::size_t> at;
  std::string folded;
  std::size_t i = 0;
  while (i < text_in.size()) {
    at.push_back(i);
    auto cp = next_cp(text_in, i);
    auto f = fold_cp(cp);
    folded += f ? f : (word_cp(cp) ? '_' : ' ');
  }
  at.push_back(text_in.size());
  auto word_at = [&](std::size_t k) { return k < folded.size() && folded[k] != ' '; };
  // Marked ranges [from, to) in code points, whole words only.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (std::size_t k = 0; k < folded.size(); ++k) {
    if (!word_at(k) || (k > 0 && word_at(k - 1))) continue;
    std::size_t end = k;
    while (word_at(end)) ++end;
    auto word = std::string_view(folded).substr(k, end - k);
    if (std::find(folded_terms.begin(), folded_terms.end(), word) != folded_terms.end()) marks.emplace_back(k, end);
    k = end;
  }
  std::size_t from = 0, to = folded.size();
  if (max_chars > 0 && folded.size() > max_chars) {
    std::size_t centre = marks.empty() ? 0 : marks.front().first;
    from = centre > max_chars / 3 ? centre - max_chars / 3 : 0;
    to = std::min(folded.size(), from + max_chars);
    // Cut at spaces, not inside words.
    while (from > 0 && word_at(from - 1) && word_at(from)) ++from;
    while (to < folded.size() && to > from && word_at(to - 1) && word_at(to)) --to;
    while (from < to && folded[from] == ' ' && text_in[at[from]] == ' ') ++from;
    while (to > from && folded[to - 1] == ' ' && text_in[at[to - 1]] == ' ') --to;
  }
  std::string out;
  if (from > 0) out += "… ";
  std::size_t k = from;
  for (const auto& [a, b] : marks) {
    if (b <= from || a >= to) continue;
    text::append_html_escaped(out, text_in.substr(at[k], at[a] - at[k]));
    out += "<mark>";
    text::append_html_escaped(out, text_in.substr(at[a], at[b] - at[a]));
    out += "</mark>";
    k = b;
  }
  text::append_html_escaped(out, text_in.substr(at[k], at[to] - at[k]));
  if (to < folded.size()) out += " …";
  return out;
}

std::string snippet_html(std::string_view summary, std::string_view body_markdown,
                         const std::vector<std::string>& folded_terms, std::size_t max_chars) {
  std::string shown(text::trim(summary));
  auto body = markdown_text(body_markdown);
  if (!shown.empty() && !body.empty()) shown += ' ';
  shown += body;
  return highlight_html(shown, folded_terms, max_chars);
}

// ---- Excerpts ----

std::string cut_at_word(std::string_view text_in, std::size_t max_chars) {
  // The byte where the (max_chars + 1)-th character starts, if there is one.
  std::size_t i = 0, n = 0;
  while (i < text_in.size() && n < max_chars) {
    next_cp(text_in, i);
    ++n;
  }
  if (i >= text_in.size()) return std::string(text_in);
  auto cut = text_in.substr(0, i);
  // Between words already when the next character is a space; else back to
  // the last space, unless the first word alone is longer than the limit.
  if (!blank_byte(text_in[i])) {
    auto space = cut.find_last_of(" \n\r\t");
    if (space != std::string_view::npos && space > 0) cut = cut.substr(0, space);
  }
  while (!cut.empty() && blank_byte(cut.back())) cut.remove_suffix(1);
  return std::string(cut) + "…";
}

std::string excerpt(const Item& item, std::size_t max_chars) {
  if (!text::trim(item.summary).empty()) return item.summary;
  return cut_at_word(markdown_text(item.body), max_chars);
}

// ---- Documents ----

std::string issuer_label(const IssuingUnit& unit) {
  if (!peoples_committee(unit.level)) return unit.name;
  std::string name = unit.name;
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = char(name[0] - 'A' + 'a');
  return "UBND " + name;
}

bool issuer_names_one_of(std::string_view issuer, const std::vector<IssuingUnit>& units,
                         const std::vector<std::string>& province_names) {
  auto key = issuer_words(issuer);
  if (key.empty()) return false;
  std::vector<std::string> qualifiers = {""};
  for (const auto& p : province_names) {
    if (auto w = issuer_words(p); !w.empty()) qualifiers.push_back("-" + w);
  }
  for (const auto& u : units) {
    auto name = issuer_words(u.name);
    if (name.empty()) continue;
    std::vector<std::string> forms = {name};
    if (peoples_committee(u.level)) forms.push_back("uy-ban-nhan-dan-" + name);
    for (const auto& form : forms) {
      for (const auto& q : qualifiers) {
        if (key == form + q) return true;
      }
    }
  }
  return false;
}

// ---- Views ----

bool is_bot(std::string_view user_agent) {
  if (text::trim(user_agent).empty()) return true;
  std::string ua(user_agent.substr(0, 512));
  std::transform(ua.begin(), ua.end(), ua.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  static const char* const kMarks[] = {"bot",        "crawl",   "spider", "slurp",      "preview",
                                       "fetch",      "monitor", "scan",   "headless",   "curl/",
                                       "wget/",      "python-", "httpie", "go-http",    "java/",
                                       "libwww",     "okhttp",  "axios/", "node-fetch", "facebookexternalhit",
                                       "lighthouse", "pingdom", "uptime", "archiver"};
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](const char* m) { return ua.find(m) != std::string::npos; });
}

// ---- Revisions ----

std::string diff_html(std::string_view before, std::string_view after) {
  // Words with the white space after them, so the output keeps the layout.
  auto split = [](std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
      auto j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\n')) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  };
  auto a = split(before), b = split(after);
  dtl::Diff<std::string, std::vector<std::string>> d(a, b);
  d.onHuge();
  d.compose();
  std::string out;
  int open = 0;  // the tag open: -1 del, 1 ins, 0 none
  auto close = [&] {
    if (open < 0) out += "</del>";
    if (open > 0) out += "</ins>";
    open = 0;
  };
  for (const auto& [word, info] : d.getSes().getSequence()) {
    int kind = info.type == dtl::SES_DELETE ? -1 : info.type == dtl::SES_ADD ? 1 : 0;
    if (kind != open) {
      close();
      if (kind < 0) out += "<del>";
      if (kind > 0) out += "<ins>";
      open = kind;
    }
    text::append_html_escaped(out, word);
  }
  close();
  return out;
}

std::optional<Instant> publish_time(std::string_view day_typed, std::string_view time_typed) {
  auto day = text::trim(day_typed);
  auto time = text::trim(time_typed);
  if (day.empty()) return std::nullopt;
  auto d = parse_date_input(day);
  if (time.empty()) return start_of_day(d);
  auto two_digits = [](std::string_view s) -> std::optional<int> {
    if (s.size() != 2 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return parse_int<int>(s);
  };
  auto h = time.size() == 5 && time[2] == ':' ? two_digits(time.substr(0, 2)) : std::nullopt;
  auto m = time.size() == 5 && time[2] == ':' ? two_digits(time.substr(3, 2)) : std::nullopt;
  if (!h || !m || *h > 23 || *m > 59) {
    throw invalid_input("time must be hh:mm", "Giờ đăng cần dạng giờ:phút, ví dụ 07:30.").at("gio_dang");
  }
  return start_of_day(d) + std::chrono::hours{*h} + std::chrono::minutes{*m};
}

std::int64_t chosen_id(std::string_view typed) {
  if (typed.size() > 15 || typed.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  return parse_int(typed).value_or(0);
}

ReviewPeriod review_period(std::string_view from, std::string_view to, Date today) {
  auto f = text::trim(from), t = text::trim(to);
  ReviewPeriod p{f.empty() ? Date{today.year() / std::chrono::January / 1} : parse_date_input(f),
                 t.empty() ? today : parse_date_input(t)};
  if (p.from > p.to) {
    throw invalid_input("the period must start before it ends", "Ngày bắt đầu phải trước ngày kết thúc.");
  }
  return p;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace cchc::portal
