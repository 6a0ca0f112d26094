// `cchc documents read FILE [--units FILE.csv] --format json`
// (docs/documents.md): reads an official document (plain text, Markdown,
// DOCX or PDF, told by content) and prints what it says as JSON (documents/json.h), each value
// with its span and confidence. --units names units (a CSV with code and
// name columns, as `cchc units export` writes) to match names against.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_groups.h"
#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "documents/extract.h"
#include "documents/json.h"
#include "documents/ocr.h"
#include "documents/reader.h"

namespace cchc::app {

namespace {

struct DocumentCommands {
  CLI::App* read = nullptr;
  std::string file, units, format = "json";
};

// The units of a CSV with code and name columns (as `cchc units export`
// writes), to match names against.
std::vector<documents::KnownUnit> known_units_of(const std::string& path) {
  std::vector<documents::KnownUnit> units;
  auto records = csv::parse(read_file(path));
  if (records.empty()) throw invalid_input(path + " has no header");
  const auto& header = records.front().fields;
  auto col = [&](const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw invalid_input(path + fmt::format(": no '{}' column", name));
    return std::size_t(it - header.begin());
  };
  auto code = col("code"), name = col("name");
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    if (f.size() > std::max(code, name)) units.push_back({f[code], f[name]});
  }
  return units;
}

std::optional<int> run_document_commands(const DocumentCommands& d) {
  if (!*d.read) return std::nullopt;
  auto text = documents::text_with_ocr(read_file(d.file));
  std::vector<documents::KnownUnit> units;
  if (!d.units.empty()) units = known_units_of(d.units);
  std::cout << documents::to_json(documents::read(text, units)).dump(2) << std::endl;
  return 0;
}

}  // namespace

// Takes no --db: it reads files only.
CommandRun add_document_commands(CLI::App& cmd, DbOption&) {
  auto d = std::make_shared<DocumentCommands>();
  d->read = cmd.add_subcommand(
      "read", "Read a document (text, Markdown, DOCX, PDF, or a scan or photo by OCR) and print what it says as JSON");
  d->read->add_option("file", d->file, "The document")->required();
  d->read->add_option("--units", d->units, "Units to match names against (CSV with code and name columns)");
  d->read->add_option("--format", d->format, "Output format (json)")->check(CLI::IsMember({"json"}));
  return [d](const std::string&) { return run_document_commands(*d); };
}

}  // namespace cchc::app
