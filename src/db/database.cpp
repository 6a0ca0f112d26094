#include "db/database.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/errors.h"
#include "db/postgres/postgres.h"
#include "db/sqlite/sqlite.h"

namespace cchc::db {

namespace {

Error bad_type(std::string_view column, std::string_view want) {
  return Error(ErrorKind::internal, fmt::format("column '{}' is not {}", column, want));
}

}  // namespace

const Value& Row::operator[](std::string_view column) const {
  for (size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == column) return values_[i];
  }
  throw Error(ErrorKind::internal, fmt::format("no column '{}' in result", column));
}

bool Row::is_null(std::string_view column) const { return std::holds_alternative<std::monostate>((*this)[column]); }

std::int64_t Row::i64(std::string_view column) const {
  const Value& v = (*this)[column];
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec == std::errc{} && end == s->data() + s->size()) return out;
  }
  throw bad_type(column, "an integer");
}

double Row::f64(std::string_view column) const {
  const Value& v = (*this)[column];
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return double(*p);
  throw bad_type(column, "a number");
}

std::string Row::str(std::string_view column) const {
  const Value& v = (*this)[column];
  if (auto p = std::get_if<std::string>(&v)) return *p;
  throw bad_type(column, "text");
}

std::optional<std::string> Row::opt_str(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return str(column);
}

std::optional<std::int64_t> Row::opt_i64(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return i64(column);
}

std::optional<double> Row::opt_f64(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return f64(column);
}

Instant Row::instant(std::string_view column) const { return Instant{std::chrono::seconds{i64(column)}}; }

std::optional<Instant> Row::opt_instant(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return instant(column);
}

Date Row::date(std::string_view column) const {
  auto text = str(column);
  try {
    return parse_iso_date(text);
  } catch (const Error&) {
    throw Error(ErrorKind::internal, fmt::format("column {} holds '{}', not a date", column, text));
  }
}

std::optional<Date> Row::opt_date(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return date(column);
}

const Row& Result::one() const {
  if (rows.empty()) throw not_found("no row");
  return rows.front();
}

bool is_postgres_url(std::string_view spec) {
  return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

std::unique_ptr<Database> open(const std::string& spec, const Options& options) {
  if (spec.empty()) throw invalid_input("--db is empty: give a file path or a postgresql:// URL");
  if (is_postgres_url(spec)) return open_postgres(spec, options);
  if (spec.starts_with("sqlite:")) {
    std::string path = spec.substr(7);
    if (path.starts_with("//")) path.erase(0, 2);  // sqlite:///var/cchc.db
    if (path.empty()) throw invalid_input("--db sqlite: names no file");
    return open_sqlite(path, options);
  }
  // Another scheme (RFC 3986: a letter, then letters, digits, + - .) is not
  // a file name to create: say so rather than make a directory "mysql:".
  if (const auto end = spec.find("://");
      end != std::string::npos && end > 0 && std::isalpha(static_cast<unsigned char>(spec[0])) &&
      std::all_of(spec.begin(), spec.begin() + std::ptrdiff_t(end), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      })) {
    throw invalid_input(fmt::format("--db {}: unknown scheme; give a file path, sqlite:PATH or a postgresql:// URL",
                                    spec.substr(0, end + 3)));
  }
  return open_sqlite(spec, options);
}

std::string marks(std::size_t n) {
  std::string out = "?";
  for (std::size_t i = 1; i < n; ++i) out += ", ?";
  return out;
}

}  // namespace cchc::db
