#pragma once
// One declaration gives a row type's SELECT list and its decoder, so the
// two cannot drift apart:
//
//   const db::Columns<Finding> kFinding{
//       {"id", &Finding::id},
//       {"due_on", &Finding::due},                  // optional<Date>: ISO text or NULL
//       {"state", &Finding::state, fix_state_of},   // text read through a parser
//       {"areas", [](const db::Row& r, Finding& f) { f.areas = split(r.str("areas")); }},
//   };
//   auto rows = c.query(fmt::format("SELECT {} FROM findings WHERE id = ?", kFinding.list()), {id});
//   Finding f = kFinding.read(rows.one());
//   … JOIN findings f ON … : kFinding.list("f") is "f.id, f.due_on, …"
//
// A member's type says how its column is read (db::Row): std::int64_t, int
// and bool from integers; double; std::string from text (NULL reads as "");
// Date from ISO text ("2026-12-07"); Instant from Unix seconds; and
// std::optional of each for a nullable column. A parser takes the column's
// text. A reader function reads what needs several columns or a rule; it
// may name one column and read others listed beside it.
#include <concepts>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/dates.h"
#include "db/database.h"

namespace cchc::db {

// The value of `column` as a member of type M (see above).
template <class M>
M read_value(const Row& r, std::string_view column) {
  if constexpr (std::is_same_v<M, std::string>) {
    return r.is_null(column) ? std::string() : r.str(column);
  } else if constexpr (std::is_same_v<M, bool>) {
    return r.i64(column) != 0;
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    return r.i64(column);
  } else if constexpr (std::is_same_v<M, int>) {
    return int(r.i64(column));
  } else if constexpr (std::is_same_v<M, double>) {
    return r.f64(column);
  } else if constexpr (std::is_same_v<M, Date>) {
    return r.date(column);
  } else if constexpr (std::is_same_v<M, Instant>) {
    return r.instant(column);
  } else if constexpr (requires { typename M::value_type; } &&
                       std::is_same_v<M, std::optional<typename M::value_type>>) {
    if (r.is_null(column)) return M();
    return M(read_value<typename M::value_type>(r, column));
  } else {
    static_assert(sizeof(M) == 0, "db::Columns: no reading for this member type; give a parser or a reader");
  }
}

template <class T>
class Columns {
 public:
  using Reader = std::function<void(const Row&, T&)>;

  struct Column {
    std::string name;
    Reader read;

    // A member read by its type.
    template <class M>
    Column(std::string column, M T::*member)
        : name(std::move(column)), read([c = name, member](const Row& r, T& t) { t.*member = read_value<M>(r, c); }) {}
    // A member read from the column's text through `parse`.
    template <class M, class Parse>
    requires std::invocable<Parse, const std::string&> Column(std::string column, M T::*member, Parse parse)
        : name(std::move(column)),
          read([c = name, member, parse](const Row& r, T& t) { t.*member = parse(r.str(c)); }) {}
    // Whatever `reader` reads (it may read several listed columns).
    Column(std::string column, Reader reader) : name(std::move(column)), read(std::move(reader)) {}
    // Selected only, for a reader of several columns.
    Column(std::string column) : name(std::move(column)) {}  // NOLINT(google-explicit-constructor)
  };

  Columns(std::initializer_list<Column> columns) : columns_(columns) {}

  // The SELECT list: "a, b, c", or qualified by a table alias: "t.a, t.b, t.c".
  std::string list(std::string_view alias = {}) const {
    std::string out;
    for (const auto& c : columns_) {
      if (!out.empty()) out += ", ";
      if (!alias.empty()) out.append(alias).append(".");
      out += c.name;
    }
    return out;
  }

  T read(const Row& r) const {
    T t{};
    for (const auto& c : columns_) {
      if (c.read) c.read(r, t);
    }
    return t;
  }

  std::vector<T> read_all(const Result& result) const {
    std::vector<T> out;
    out.reserve(result.rows.size());
    for (const auto& r : result.rows) out.push_back(read(r));
    return out;
  }

 private:
  std::vector<Column> columns_;
};

}  // namespace cchc::db
