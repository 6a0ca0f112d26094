#pragma once
// The reader (docs/documents.md): an official document's text in, what it
// says out, each value with its span and confidence. Pure: no I/O, no
// clock. It matches on folded text (text::fold_mapped) with patterns that
// tolerate the usual OCR confusions of Vietnamese ("S6:" for "Số:", "ndm"
// for "năm", "Ké hoach" for "Kế hoạch"), and leaves null what it cannot
// read. Patterns are RE2: linear time whatever the input.
#include <string>
#include <string_view>
#include <vector>

#include "documents/model.h"

namespace cchc::documents {

// A unit the reader may match names against (`--units FILE.csv`).
struct KnownUnit {
  std::string code, name;
};

Reading read(std::string_view text, const std::vector<KnownUnit>& units = {});

// The document types: code ↔ Vietnamese name ("KH" ↔ "Kế hoạch").
std::string type_name(std::string_view code);

}  // namespace cchc::documents
