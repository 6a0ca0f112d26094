#include "feedback/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <utility>

#include "core/errors.h"
#include "core/secrets.h"
#include "core/text.h"

namespace cchc::feedback {

namespace {

constexpr std::array<const char*, 7> kStates = {"received", "processing", "waiting_citizen", "drafted",
                                                "answered", "refused",    "merged"};
constexpr std::array<const char*, 14> kActions = {"assign",  "transfer",      "refuse", "ask_clarification",
                                                  "resume",  "citizen_reply", "draft",  "return_draft",
                                                  "approve", "extend",        "merge",  "rate",
                                                  "reopen",  "comment"};
constexpr std::array<const char*, 6> kChannels = {"web",    "open311", "hotline_1022",
                                                  "letter", "visit",   "national_portal"};
constexpr std::array<const char*, 3> kRatings = {"very_satisfied", "satisfied", "unsatisfied"};

template <class E, std::size_t N>
E parse_code(const std::array<const char*, N>& codes, std::string_view s, const char* what, const char* what_vi) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == codes[i]) return static_cast<E>(i);
  }
  throw invalid_input(fmt::format("unknown {} '{}'", what, s), fmt::format("{} không hợp lệ.", what_vi));
}

// The table of docs/feedback.md, "Workflow": who may take which action in
// which state, and where it leads.
struct Transition {
  State from;
  Action action;
  bool officer, leader, citizen;
  State to;
};
constexpr Transition kSteps[] = {
    {State::received, Action::assign, true, true, false, State::processing},
    {State::received, Action::transfer, true, true, false, State::received},
    {State::received, Action::merge, true, true, false, State::merged},
    {State::received, Action::comment, true, true, false, State::received},
    {State::received, Action::refuse, false, true, false, State::refused},
    {State::received, Action::extend, false, true, false, State::received},
    {State::processing, Action::assign, true, true, false, State::processing},
    {State::processing, Action::ask_clarification, true, true, false, State::waiting_citizen},
    {State::processing, Action::draft, true, true, false, State::drafted},
    {State::processing, Action::transfer, true, true, false, State::received},
    {State::processing, Action::merge, true, true, false, State::merged},
    {State::processing, Action::comment, true, true, false, State::processing},
    {State::processing, Action::refuse, false, true, false, State::refused},
    {State::processing, Action::extend, false, true, false, State::processing},
    {State::waiting_citizen, Action::citizen_reply, false, false, true, State::processing},
    {State::waiting_citizen, Action::resume, true, true, false, State::processing},
    {State::waiting_citizen, Action::comment, true, true, false, State::waiting_citizen},
    {State::waiting_citizen, Action::extend, false, true, false, State::waiting_citizen},
    {State::drafted, Action::approve, false, true, false, State::answered},
    {State::drafted, Action::return_draft, false, true, false, State::processing},
    {State::drafted, Action::comment, true, true, false, State::drafted},
    {State::answered, Action::rate, false, false, true, State::answered},
    {State::answered, Action::reopen, false, false, true, State::processing},
};

Instant end_of_day(Date d) {
  return start_of_day(Date{std::chrono::sys_days{d} + std::chrono::days{1}}) - std::chrono::seconds{1};
}

constexpr const char* kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

// ---- Codes and labels ----

std::string code(State s) { return kStates[static_cast<std::size_t>(s)]; }
std::string code(Action a) { return kActions[static_cast<std::size_t>(a)]; }
std::string code(Channel c) { return kChannels[static_cast<std::size_t>(c)]; }
std::string code(Rating r) { return kRatings[static_cast<std::size_t>(r)]; }
State parse_state(std::string_view s) { return parse_code<State>(kStates, s, "state", "Trạng thái"); }
Action parse_action(std::string_view s) { return parse_code<Action>(kActions, s, "action", "Thao tác"); }
Channel parse_channel(std::string_view s) { return parse_code<Channel>(kChannels, s, "channel", "Kênh tiếp nhận"); }
Rating parse_rating(std::string_view s) { return parse_code<Rating>(kRatings, s, "rating", "Mức đánh giá"); }

std::string label_vi(State s) {
  switch (s) {
    case State::received: return "Mới tiếp nhận";
    case State::processing: return "Đang xử lý";
    case State::waiting_citizen: return "Chờ người dân bổ sung";
    case State::drafted: return "Chờ lãnh đạo duyệt";
    case State::answered: return "Đã trả lời";
    case State::refused: return "Không thuộc thẩm quyền";
    case State::merged: return "Đã gộp";
  }
  return "";
}

std::string label_vi(Channel c) {
  switch (c) {
    case Channel::web: return "Cổng thông tin (biểu mẫu)";
    case Channel::open311: return "Ứng dụng (Open311)";
    case Channel::hotline_1022: return "Tổng đài 1022";
    case Channel::letter: return "Văn bản, đơn thư";
    case Channel::visit: return "Trực tiếp";
    case Channel::national_portal: return "Cổng Dịch vụ công quốc gia";
  }
  return "";
}

std::string label_vi(Rating r) {
  switch (r) {
    case Rating::very_satisfied: return "Rất hài lòng";
    case Rating::satisfied: return "Hài lòng";
    case Rating::unsatisfied: return "Không hài lòng";
  }
  return "";
}

std::string label_vi(Action a) {
  switch (a) {
    case Action::assign: return "Phân công xử lý";
    case Action::transfer: return "Chuyển đơn vị khác";
    case Action::refuse: return "Từ chối (không thuộc thẩm quyền)";
    case Action::ask_clarification: return "Đề nghị người dân bổ sung";
    case Action::resume: return "Tiếp tục xử lý";
    case Action::citizen_reply: return "Người dân bổ sung";
    case Action::draft: return "Trình dự thảo trả lời";
    case Action::return_draft: return "Trả lại dự thảo";
    case Action::approve: return "Duyệt và gửi trả lời";
    case Action::extend: return "Gia hạn";
    case Action::merge: return "Gộp vào phản ánh trùng";
    case Action::rate: return "Người dân đánh giá";
    case Action::reopen: return "Người dân đề nghị xem xét lại";
    case Action::comment: return "Ghi chú";
  }
  return "";
}

std::string event_label_vi(std::string_view action) {
  return action == "receive" ? "Tiếp nhận" : label_vi(parse_action(action));
}

// ---- Workflow ----

std::optional<State> transition(State from, Action action, Actor actor) {
  for (const auto& s : kSteps) {
    if (s.from != from || s.action != action) continue;
    bool allowed = actor == Actor::officer ? s.officer : actor == Actor::leader ? s.leader : s.citizen;
    if (allowed) return s.to;
  }
  return std::nullopt;
}

std::optional<std::string> refusal(const Case& c, Action action, Instant now) {
  switch (action) {
    case Action::extend:
      if (c.extension_days > 0) return "Phản ánh này đã được gia hạn một lần; không thể gia hạn thêm.";
      return std::nullopt;
    case Action::rate:
      if (c.rating) return "Bạn đã đánh giá câu trả lời này.";
      return std::nullopt;
    case Action::reopen:
      if (c.reopened_at) return "Phản ánh chỉ được đề nghị xem xét lại một lần.";
      if (c.answered_at && now - *c.answered_at > std::chrono::days{kReopenDays}) {
        return fmt::format("Đã quá {} ngày kể từ khi trả lời; không thể đề nghị xem xét lại.", kReopenDays);
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

// ---- Deadlines ----

Date counting_day(const WorkCalendar& cal, Instant t) {
  Date day = local_date(t);
  auto since_midnight = t - start_of_day(day);
  if (cal.is_working_day(day) && since_midnight < std::chrono::hours{kCutoffHour}) return day;
  return cal.add_working_days(day, 1);
}

int paused_days(const WorkCalendar& cal, const Pause& p, Instant now) {
  Instant end = p.ended_at.value_or(now);
  if (end <= p.started_at) return 0;
  return std::max(0, cal.working_days_between(local_date(p.started_at), local_date(end)));
}

Instant due_at(const WorkCalendar& cal, const Case& c, Instant now) {
  int days = c.deadline_days + c.extension_days;
  for (const auto& p : c.pauses) {
    if (p.started_at >= c.clock_start) days += paused_days(cal, p, now);
  }
  return end_of_day(cal.add_working_days(counting_day(cal, c.clock_start), days));
}

bool is_open(State s) { return s != State::answered && s != State::refused && s != State::merged; }

bool overdue(const Case& c, Instant now) { return is_open(c.state) && c.due_at < now; }

bool due_soon(const WorkCalendar& cal, const Case& c, Instant now, int days) {
  if (!is_open(c.state) || overdue(c, now)) return false;
  return local_date(c.due_at) <= cal.add_working_days(local_date(now), days);
}

// ---- Routing ----

std::string current_unit(const std::vector<directory::Unit>& units, const std::string& code, Date day) {
  auto find = [&](const std::string& c) -> const directory::Unit* {
    for (const auto& u : units) {
      if (u.code == c) return &u;
    }
    return nullptr;
  };
  const directory::Unit* u = find(code);
  if (!u) throw not_found(fmt::format("unit '{}' does not exist", code), "Không tìm thấy đơn vị.");
  // A chain of successors is at most as long as the tree is big: the bound
  // stops a cycle that bad data might hold.
  for (std::size_t hops = 0; hops < units.size() && !u->valid_on(day) && !u->successor_codes.empty(); ++hops) {
    const directory::Unit* next = find(u->successor_codes.front());
    if (!next) break;
    u = next;
  }
  return u->code;
}

std::string route(const Category& cat, const std::string& place_code, const std::vector<directory::Unit>& units,
                  Date day) {
  if (cat.route_by_place && !place_code.empty()) return current_unit(units, place_code, day);
  return current_unit(units, cat.unit_code, day);
}

std::string folded_words(std::string_view s) {
  std::string out;
  for (char ch : text::fold(s)) {
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (word) {
      out += ch;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string place_in_address(std::string_view address, const std::vector<directory::Unit>& units, Date day) {
  // Padded with spaces, so that a find() matches whole words only.
  auto words = [](std::string_view s) {
    std::string out(1, ' ');
    out += folded_words(s);
    out += ' ';
    return out;
  };
  std::string haystack = words(address);
  std::string best;
  std::size_t best_size = 0;
  for (const auto& u : units) {
    if (u.level != "commune" || !u.valid_on(day)) continue;
    auto name = words(u.name);
    if (name.size() > 2 && name.size() > best_size && haystack.find(name) != std::string::npos) {
      best = u.code;
      best_size = name.size();
    }
  }
  return best;
}

// ---- Codes the citizen holds ----

std::string new_tracking_code() {
  auto hex = text::random_hex(5);
  std::uint64_t bits = std::stoull(hex, nullptr, 16);
  std::string out = "PA-";
  for (int i = 7; i >= 0; --i) {
    out += kCrockford[(bits >> (5 * i)) & 31];
    if (i == 4) out += '-';
  }
  return out;
}

std::optional<std::string> normalise_code(std::string_view typed) {
  std::string chars;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (u == 'O') u = '0';
    if (u == 'I' || u == 'L') u = '1';
    chars += u;
  }
  if (chars.size() == 10 && chars.starts_with("PA")) chars.erase(0, 2);
  if (chars.size() != 8) return std::nullopt;
  for (char ch : chars) {
    if (!std::strchr(kCrockford, ch)) return std::nullopt;
  }
  return "PA-" + chars.substr(0, 4) + "-" + chars.substr(4);
}

// ---- What a case may hold ----

std::optional<std::string> normalise_phone(std::string_view typed) {
  std::string digits;
  std::string_view t = text::trim(typed);
  if (t.starts_with("+84")) {
    digits.push_back('0');
    t.remove_prefix(3);
  }
  for (char ch : t) {
    if (is_digit(ch)) {
      digits += ch;
    } else if (ch != ' ' && ch != '.' && ch != '-' && ch != '(' && ch != ')') {
      return std::nullopt;
    }
  }
  if (digits.starts_with("00")) return std::nullopt;
  if (!digits.starts_with("0") || digits.size() < 10 || digits.size() > 11) return std::nullopt;
  return digits;
}

bool plausible_email(std::string_view s) {
  if (s.size() > 254) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at != s.rfind('@')) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(s.begin(), s.end(), [](char ch) {
    return static_cast<unsigned char>(ch) <= ' ' || ch == '<' || ch == '>' || ch == ',' || ch == ';';
  });
}

Case new_case(const Submission& s) {
  Case k;
  k.place_code = s.place_code;
  k.address = s.address;
  k.content = s.content;
  k.name = s.name;
  k.email = s.email;
  k.phone = s.phone;
  k.consent = s.consent;
  k.publish_allowed = s.publish_allowed;
  return k;
}

Submission check_submission(Submission s) {
  auto bad = [](const std::string& en, const std::string& vi) { throw invalid_input(en, vi); };
  s.content = std::string(text::trim(s.content));
  s.name = std::string(text::trim(s.name));
  s.email = std::string(text::trim(s.email));
  s.address = std::string(text::trim(s.address));
  if (!text::is_valid_utf8(s.content) || !text::is_valid_utf8(s.name) || !text::is_valid_utf8(s.address)) {
    bad("text is not valid UTF-8", "Nội dung có ký tự không hợp lệ.");
  }
  s.content = text::nfc(s.content);
  s.name = text::nfc(s.name);
  s.address = text::nfc(s.address);
  auto n = text::code_points(s.content);
  if (n < s.min_content) {
    bad(fmt::format("content must have at least {} characters", s.min_content),
        fmt::format("Nội dung phản ánh cần ít nhất {} ký tự.", s.min_content));
  }
  if (n > kMaxContent) {
    bad(fmt::format("content must have at most {} characters", kMaxContent),
        fmt::format("Nội dung phản ánh tối đa {} ký tự.", text::format_int(kMaxContent)));
  }
  if (s.name.empty()) bad("name is required", "Xin vui lòng cho biết họ và tên.");
  if (text::code_points(s.name) > kMaxName) {
    bad(fmt::format("name must have at most {} characters", kMaxName),
        fmt::format("Họ và tên tối đa {} ký tự.", kMaxName));
  }
  if (text::code_points(s.address) > 300) bad("address too long", "Địa chỉ tối đa 300 ký tự.");
  if (!s.email.empty() && !plausible_email(s.email)) bad("email is not an address", "Địa chỉ thư điện tử chưa đúng.");
  if (!text::trim(s.phone).empty()) {
    auto phone = normalise_phone(s.phone);
    if (!phone) bad("phone is not a Vietnamese phone number", "Số điện thoại chưa đúng (ví dụ 0912 345 678).");
    s.phone = *phone;
  } else {
    s.phone.clear();
  }
  if (s.contact_required && s.email.empty() && s.phone.empty()) {
    bad("email or phone is required", "Xin vui lòng cho biết thư điện tử hoặc số điện thoại để nhận trả lời.");
  }
  if (!s.consent) {
    bad("consent to the handling of personal data is required",
        "Cần đồng ý cho cơ quan nhà nước xử lý dữ liệu cá nhân của bạn để giải quyết phản ánh.");
  }
  return s;
}

const std::vector<filetype::Kind>& attachment_kinds() {
  static const std::vector<filetype::Kind> kinds = {
      {{"jpg", "jpeg"}, "image/jpeg", {"image/jpeg"}},
      {{"png"}, "image/png", {"image/png"}},
      {{"webp"}, "image/webp", {"image/webp"}},
      {{"pdf"}, "application/pdf", {"application/pdf"}},
  };
  return kinds;
}

// ---- Proof of work ----

bool proof_holds(std::string_view challenge, std::string_view nonce, int bits) {
  if (bits <= 0) return true;
  if (bits > kMaxProofBits || challenge.empty() || nonce.empty() || nonce.size() > 20) return false;
  if (!std::all_of(nonce.begin(), nonce.end(), is_digit)) return false;
  auto hex = sha256_hex(std::string(challenge) + ":" + std::string(nonce));
  int zero = 0;
  for (char h : hex) {
    int v = h >= 'a' ? h - 'a' + 10 : h - '0';
    if (v == 0) {
      zero += 4;
      if (zero >= bits) return true;
      continue;
    }
    for (int b = 3; b >= 0 && !(v & (1 << b)); --b) ++zero;
    break;
  }
  return zero >= bits;
}

// ---- Publication ----

std::string redact(std::string_view text, const std::vector<std::string>& names) {
  constexpr std::string_view kHidden = "[đã ẩn]";
  // Byte ranges to hide, found on the source (e-mails, digits) and on its
  // folded form mapped back (names).
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  auto word_char = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-' || ch == '+';
  };
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t b = at, e = at + 1;
    while (b > 0 && word_char(text[b - 1])) --b;
    while (e < text.size() && word_char(text[e])) ++e;
    while (e > at + 1 && text[e - 1] == '.') --e;
    if (b < at && e > at + 1) spans.emplace_back(b, e);
  }
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i, last = i, digits = 0;
    while (j < text.size()) {
      if (is_digit(text[j])) {
        ++digits;
        last = j;
        ++j;
      } else if ((text[j] == ' ' || text[j] == '.' || text[j] == '-') && j + 1 < text.size() && is_digit(text[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    std::size_t b = i;
    if (b > 0 && text[b - 1] == '+') --b;
    if (digits >= 8) spans.emplace_back(b, last + 1);
    i = last + 1;
  }
  auto folded = text::fold_mapped(text);
  for (const auto& name : names) {
    std::string key = text::fold(name);
    if (key.size() < 2) continue;
    for (std::size_t p = folded.text.find(key); p != std::string::npos; p = folded.text.find(key, p + 1)) {
      std::size_t q = p + key.size();
      bool starts = p == 0 || !std::isalnum(static_cast<unsigned char>(folded.text[p - 1]));
      bool ends = q >= folded.text.size() || !std::isalnum(static_cast<unsigned char>(folded.text[q]));
      if (starts && ends) spans.emplace_back(folded.at[p], folded.at[q]);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t pos = 0;
  for (const auto& [b, e] : spans) {
    if (b < pos) {  // overlaps the span just hidden
      pos = std::max(pos, e);
      continue;
    }
    out.append(text.substr(pos, b - pos));
    out += kHidden;
    pos = e;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

// ---- Figures ----

void count(Tally& t, const Case& c, Instant begin, Instant end) {
  if (c.state == State::merged) return;
  bool in = c.received_at >= begin && c.received_at < end;
  t.received += in ? 1 : 0;
  bool answered = c.state == State::answered || c.state == State::refused;
  std::optional<Instant> at = answered ? c.answered_at : std::nullopt;
  if (at && *at >= begin && *at < end) {
    ++t.answered;
    t.on_time += *at <= c.due_at ? 1 : 0;
    if (c.rating && c.state == State::answered) {
      ++t.rated;
      t.satisfied += *c.rating != Rating::unsatisfied ? 1 : 0;
    }
  }
  if (c.received_at < end && !(at && *at < end)) {
    ++t.pending;
    t.overdue += c.due_at < end ? 1 : 0;
  }
}

Figure figure(const Case& c) {
  Figure f;
  f.id = c.external_id.empty() ? c.code : c.external_id;
  f.unit_code = c.unit_code;
  switch (c.channel) {
    case Channel::web:
    case Channel::open311: f.channel = "provincial_portal"; break;
    case Channel::hotline_1022: f.channel = "hotline_1022"; break;
    case Channel::letter: f.channel = "other"; break;
    case Channel::visit: f.channel = "direct"; break;
    case Channel::national_portal: f.channel = "national_portal"; break;
  }
  f.received_at = c.received_at;
  f.due_at = c.due_at;
  if (c.state == State::answered || c.state == State::refused) {
    f.status = "answered";
    f.answered_at = c.answered_at;
  } else {
    f.status = c.state == State::merged ? "withdrawn" : "open";
  }
  if (c.rating && c.state == State::answered) f.rating = code(*c.rating);
  return f;
}

}  // namespace cchc::feedback
