#include "directory/accounts.h"

#include <fmt/format.h>

#include <sodium.h>
#include <unicode/unistr.h>
#include <nlohmann/json.hpp>
#include <regex>

#include <algorithm>
#include <unordered_set>

#include "core/embedded.h"
#include "core/errors.h"
#include "core/lines.h"
#include "core/text.h"
#include "directory/read.h"

namespace cchc::directory {

namespace {

std::string lower_case(std::string_view s) {
  std::string lower;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size()))).toLower().toUTF8String(lower);
  return lower;
}

// zxcvbn-ts's common passwords and the breached-password list of the build
// (CMakeLists.txt: its entries of 12 characters or more), lower-cased.
const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    bool common = false, breached = false;
    for (const auto& f : embedded::files()) {
      if (f.name.ends_with("language-common/src/passwords.json")) {
        for (const auto& p : nlohmann::json::parse(f.contents)) out.insert(lower_case(p.get<std::string>()));
        common = true;
      } else if (f.name.ends_with("generated/breached-passwords.txt")) {
        for (const auto& line : text::nonempty_lines(f.contents)) out.insert(lower_case(line));
        breached = true;
      }
    }
    if (!common || !breached) throw Error(ErrorKind::internal, "a password list is missing from the binary");
    return out;
  }();
  return set;
}

void init_sodium() {
  if (sodium_init() < 0) throw Error(ErrorKind::internal, "libsodium failed to initialise");
}

std::string user_json(const User& u) {
  return nlohmann::json{{"username", u.username},   {"display_name", u.display_name},
                        {"unit_code", u.unit_code}, {"roles", u.roles},
                        {"scopes", u.scopes},       {"active", u.active}}
      .dump();
}

void check_roles(const std::vector<std::string>& roles) {
  if (roles.empty()) throw invalid_input("at least one role is needed", "Cần chọn ít nhất một vai trò.");
  for (const auto& r : roles) {
    if (!is_role(r)) throw invalid_input(fmt::format("unknown role '{}'", r), "Vai trò không hợp lệ.");
  }
}

void check_open_unit(db::Connection& c, const std::string& code) {
  auto unit = c.query("SELECT valid_to FROM units WHERE code = ?", {code});
  if (unit.empty()) throw invalid_input(fmt::format("unknown unit '{}'", code), "Đơn vị không tồn tại.");
  if (unit.one().opt_str("valid_to")) {
    throw invalid_input(fmt::format("unit '{}' no longer exists", code), "Đơn vị đã giải thể hoặc sáp nhập.");
  }
}

// A coordinated subtree comes only with the coordinator role.
void check_coordinates(const std::vector<std::string>& roles, const std::string& coordinates) {
  if (!coordinates.empty() && std::find(roles.begin(), roles.end(), "coordinator") == roles.end()) {
    throw invalid_input("a coordinated subtree is given only with the role coordinator",
                        "Chỉ cán bộ điều phối mới có phạm vi điều phối.");
  }
}

// A scope wider than the user's unit names an open unit that contains it.
void check_scopes(db::Connection& c, const User& u) {
  for (const auto& [role, root] : u.scopes) {
    check_open_unit(c, root);
    if (!unit_within(c, u.unit_code, root)) {
      throw invalid_input(
          fmt::format("unit '{}' is not within '{}', the subtree the {} is to cover", u.unit_code, root, role),
          "Đơn vị của người dùng phải nằm trong phạm vi được giao điều phối.");
    }
  }
}

void insert_roles(db::Connection& c, const User& u) {
  for (const auto& r : u.roles) {
    auto scope = u.scopes.find(r);
    c.query("INSERT INTO user_roles (user_id, role, scope_unit) VALUES (?, ?, ?)",
            {u.id, r, scope == u.scopes.end() ? db::Param(nullptr) : db::Param(scope->second)});
  }
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

bool is_role(std::string_view role) { return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end(); }

std::string role_label_vi(std::string_view role) {
  if (role == "admin") return "Quản trị hệ thống";
  if (role == "coordinator") return "Điều phối cải cách hành chính";
  if (role == "unit_officer") return "Cán bộ đơn vị";
  if (role == "unit_leader") return "Lãnh đạo đơn vị";
  if (role == "editor") return "Cộng tác viên tin bài";
  if (role == "editorial_board") return "Ban Biên tập";
  if (role == "appraiser") return "Thành viên tổ thẩm định";
  if (role == "viewer") return "Lãnh đạo theo dõi";
  return std::string(role);
}

bool is_common_password(std::string_view password) { return common_passwords().count(lower_case(password)) > 0; }

std::string password_problem(std::string_view password, std::string_view username, std::string* reason_en) {
  auto set = [&](const char* en, const char* vi) {
    if (reason_en) *reason_en = en;
    return std::string(vi);
  };
  if (!text::is_valid_utf8(password)) return set("password is not valid UTF-8", "Mật khẩu chứa ký tự không hợp lệ.");
  size_t n = text::code_points(password);
  if (n < 12) return set("password must have at least 12 characters", "Mật khẩu phải có ít nhất 12 ký tự.");
  if (n > 128) return set("password must have at most 128 characters", "Mật khẩu không được dài quá 128 ký tự.");
  if (text::trim(password).empty()) {
    return set("password must not be only white space", "Mật khẩu không được chỉ gồm khoảng trắng.");
  }
  if (is_common_password(password)) {
    return set("password is on the list of common passwords",
               "Mật khẩu này quá phổ biến, dễ bị đoán. Xin vui lòng chọn mật khẩu khác.");
  }
  if (!username.empty() && normalise_username(password) == normalise_username(username)) {
    return set("password must not be the username", "Mật khẩu không được trùng với tên đăng nhập.");
  }
  return {};
}

std::string hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Error(ErrorKind::internal, "password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  init_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& hash) {
  init_sodium();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::string generate_password() {
  init_sodium();
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) out.push_back(alphabet[randombytes_uniform(sizeof alphabet - 1)]);
  return out;
}

std::string normalise_username(std::string_view username) {
  std::string out;
  for (char c : username) out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

PasswordHash checked_password(std::string_view password, std::string_view username) {
  std::string en;
  if (auto vi = password_problem(password, username, &en); !vi.empty()) throw invalid_input(en, vi);
  return {hash_password(password)};
}

CheckedUser check_new_user(const NewUser& nu) {
  std::string username = normalise_username(nu.username);
  if (username.size() < 3 || username.size() > 64 || !std::all_of(username.begin(), username.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      })) {
    throw invalid_input("username must be 3-64 of a-z 0-9 . _ -",
                        "Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.");
  }
  std::string display = text::nfc(nu.display_name.empty() ? username : nu.display_name);
  check_roles(nu.roles);
  check_coordinates(nu.roles, nu.coordinates);
  auto password = checked_password(nu.password, username);
  return {username, display, nu.unit_code, sorted_unique(nu.roles), std::move(password), nu.coordinates};
}

User add_user(db::Connection& c, const CheckedUser& nu, const audit::Entry& who, Instant now) {
  check_open_unit(c, nu.unit_code);
  if (!c.query("SELECT 1 FROM users WHERE username = ?", {nu.username}).empty()) {
    throw Error(ErrorKind::conflict, fmt::format("username '{}' is taken", nu.username),
                "Tên đăng nhập đã có người dùng.");
  }
  std::int64_t t = now.time_since_epoch().count();
  c.query(
      "INSERT INTO users (username, display_name, unit_code, password_hash, active, created_at, "
      "password_changed_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
      {nu.username, nu.display_name, nu.unit_code, nu.password.value, t, t});
  auto id = c.query("SELECT id FROM users WHERE username = ?", {nu.username}).one().i64("id");
  User u{id, nu.username, nu.display_name, nu.unit_code, nu.roles, true, {}};
  if (!nu.coordinates.empty() && nu.coordinates != nu.unit_code) u.scopes["coordinator"] = nu.coordinates;
  check_scopes(c, u);
  insert_roles(c, u);
  audit::Entry e = who;
  e.action = "create";
  e.entity = "users";
  e.entity_id = nu.username;
  e.after_json = user_json(u);
  audit::append(c, e, now);
  return u;
}

User add_user(db::Database& db, const NewUser& nu, const audit::Entry& who, Instant now) {
  auto checked = check_new_user(nu);
  return db.write([&](db::Connection& c) { return add_user(c, checked, who, now); });
}

User update_user(db::Connection& c, std::int64_t user_id, const UserChange& change, const audit::Entry& who,
                 Instant now) {
  check_roles(change.roles);
  auto before = find_user(c, user_id);
  if (!before) throw not_found("no such user", "Không tìm thấy người dùng.");
  std::string display = text::nfc(change.display_name);
  if (display.empty() || display.size() > 200) {
    throw invalid_input("display name must be 1-200 bytes", "Họ và tên không được để trống hoặc quá dài.");
  }
  if (change.unit_code != before->unit_code) check_open_unit(c, change.unit_code);
  User after{user_id, before->username, display, change.unit_code, sorted_unique(change.roles), change.active, {}};
  for (const auto& [role, root] : before->scopes) {
    bool kept = std::find(after.roles.begin(), after.roles.end(), role) != after.roles.end();
    if (kept && root != after.unit_code && unit_within(c, after.unit_code, root)) after.scopes[role] = root;
  }
  if (change.coordinates) {
    after.scopes.erase("coordinator");
    check_coordinates(after.roles, *change.coordinates);
    if (!change.coordinates->empty() && *change.coordinates != after.unit_code) {
      after.scopes["coordinator"] = *change.coordinates;
    }
    check_scopes(c, after);
  }
  c.query("UPDATE users SET display_name = ?, unit_code = ?, active = ? WHERE id = ?",
          {after.display_name, after.unit_code, after.active, user_id});
  c.query("DELETE FROM user_roles WHERE user_id = ?", {user_id});
  insert_roles(c, after);
  if (!after.active) c.query("DELETE FROM sessions WHERE user_id = ?", {user_id});
  audit::Entry e = who;
  e.action = "update";
  e.entity = "users";
  e.entity_id = after.username;
  e.before_json = user_json(*before);
  e.after_json = user_json(after);
  audit::append(c, e, now);
  return after;
}

User update_user(db::Database& db, std::int64_t user_id, const UserChange& change, const audit::Entry& who,
                 Instant now) {
  return db.write([&](db::Connection& c) { return update_user(c, user_id, change, who, now); });
}

void set_password(db::Connection& c, std::int64_t user_id, const PasswordHash& hash, const audit::Entry& who,
                  Instant now, const std::string& keep_session) {
  auto user = find_user(c, user_id);
  if (!user) throw not_found("no such user", "Không tìm thấy người dùng.");
  c.query("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
          {hash.value, std::int64_t{now.time_since_epoch().count()}, user_id});
  c.query("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, keep_session});
  audit::Entry e = who;
  e.action = "password_change";
  e.entity = "users";
  e.entity_id = user->username;
  audit::append(c, e, now);
}

void set_password(db::Database& db, std::int64_t user_id, std::string_view password, const audit::Entry& who,
                  Instant now, const std::string& keep_session) {
  auto user = find_user(db, user_id);
  if (!user) throw not_found("no such user", "Không tìm thấy người dùng.");
  auto hash = checked_password(password, user->username);
  db.write([&](db::Connection& c) { set_password(c, user_id, hash, who, now, keep_session); });
}

void set_email(db::Connection& c, std::int64_t user_id, std::string_view email, const audit::Entry& who, Instant now) {
  static const std::regex plain(R"(^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$)");
  std::string address(text::trim(email));
  if (!address.empty() && (address.size() > 254 || !std::regex_match(address, plain))) {
    throw invalid_input(fmt::format("'{}' is not an e-mail address", address), "Địa chỉ thư điện tử không hợp lệ.");
  }
  auto user = find_user(c, user_id);
  if (!user) throw not_found("no such user", "Không tìm thấy người dùng.");
  c.query("UPDATE users SET email = ? WHERE id = ?",
          {address.empty() ? db::Param(nullptr) : db::Param(address), user_id});
  audit::Entry e = who;
  e.action = "update";
  e.entity = "users";
  e.entity_id = user->username;
  e.after_json = nlohmann::json{{"email", address}}.dump();
  audit::append(c, e, now);
}

void set_email(db::Database& db, std::int64_t user_id, std::string_view email, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { set_email(c, user_id, email, who, now); });
}

std::optional<User> find_user(db::Database& db, std::string_view username) {
  return db.read([&](db::Connection& c) { return find_user(c, username); });
}

std::optional<User> find_user(db::Database& db, std::int64_t id) {
  return db.read([&](db::Connection& c) { return find_user(c, id); });
}

std::vector<User> list_users(db::Database& db) {
  return db.read([](db::Connection& c) { return list_users(c); });
}

std::optional<std::string> password_hash_of(db::Database& db, std::int64_t user_id) {
  auto rows =
      db.read([&](db::Connection& c) { return c.query("SELECT password_hash FROM users WHERE id = ?", {user_id}); });
  if (rows.empty()) return std::nullopt;
  return rows.one().str("password_hash");
}

}  // namespace cchc::directory
