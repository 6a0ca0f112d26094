#pragma once
// Reading official documents: plain types (docs/documents.md). Every value
// the reader proposes comes with the span of source text it was read from
// and a confidence in [0, 1]; what it could not read is null, with the raw
// text, never guessed.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::documents {

// Byte offsets [begin, end) in the source text.
struct Span {
  std::size_t begin = 0, end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

template <class T>
struct Found {
  std::optional<T> value;  // null when not read (or illegible)
  std::string raw;         // the source text it came from
  Span span;
  double confidence = 0;
};

// A document cited: "Quyết định số 3732/QĐ-UBND ngày 12/10/2020 của UBND tỉnh …".
struct Reference {
  std::string text;           // the citation as written
  std::string number_symbol;  // "3732/QĐ-UBND" ("" when unreadable)
  std::optional<int> number;  // 3732
  std::string type_code;      // QĐ
  std::string type_name;      // "Quyết định"
  std::string issuer;         // "UBND tỉnh" as written after "của", when given
  std::optional<Date> date;
  Span span;
  double confidence = 0;
};

struct Signer {
  Found<std::string> authority;  // "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"
  Found<std::string> title;      // "PHÓ CHỦ TỊCH"
};

// A heading of the document's outline (I., 1., 1.1., a)) and what is under it.
struct OutlineNode {
  std::string label;  // "IV", "1", "2.2", "a"
  std::string text;   // the heading as written
  int level = 0;      // 1 roman, 2 number, 3 number.number, 4 letter
  Span span;
  std::vector<OutlineNode> children;
};

// A deadline as the plans capability structures it (core/deadline.h).
struct TaskDeadline {
  std::string kind;  // date | month | quarter | half | year | continuous | schedule
  std::optional<Date> due;
  std::string text;  // the phrase as written
  Span span;
};

// A task assigned by a "Tổ chức thực hiện" (or "Nhiệm vụ") section.
struct Task {
  Found<std::string> unit;  // the responsible unit as written (the heading above the item)
  std::string unit_code;    // matched to the directory when units were given ("" otherwise)
  std::string text;         // the item
  std::optional<TaskDeadline> deadline;
  Span span;
  double confidence = 0;
};

// A quantitative target: "tỷ lệ hồ sơ trực tuyến … 60% cấp Sở, 20% cấp huyện".
struct LevelValue {
  std::string level;  // department | district | commune
  double value = 0;   // percent
};
struct Target {
  std::string phrase;           // the clause it stands in
  std::optional<double> value;  // percent, when one value stands for all
  std::vector<LevelValue> levels;
  std::string comparator;  // at_least | equal
  std::string indicator;   // the indicators capability's code, when the phrase names one
  Span span;
  double confidence = 0;
};

struct Reading {
  Found<std::string> number_symbol;  // normalised: "77/KH-VP"
  Found<int> number;
  Found<std::string> type_code;      // KH, QĐ, BC, TB, CV …
  std::string type_name;             // "Kế hoạch"
  Found<std::string> issuer;         // "UBND TỈNH ĐỒNG NAI" / "VĂN PHÒNG"
  Found<std::string> issuer_parent;  // the body above it, when two lines
  Found<std::string> place;
  Found<Date> date;          // null with the raw text when illegible
  Found<std::string> title;  // "Kế hoạch …" / "V/v …"
  // For a title without its diacritics: the title with them restored from
  // the lexicon (lexicon.h), a suggestion to accept or edit; null otherwise.
  Found<std::string> restored_title;
  std::vector<Found<std::string>> recipients;    // "Kính gửi"
  std::vector<Found<std::string>> distribution;  // "Nơi nhận"
  Signer signer;
  std::vector<Reference> references;   // every document cited
  std::vector<Reference> legal_bases;  // those cited in "Căn cứ …"
  std::vector<OutlineNode> outline;
  std::vector<Task> tasks;
  std::vector<Target> targets;
  std::vector<std::string> unread;  // what it looked for and could not read
};

}  // namespace cchc::documents
