#pragma once
// `cchc documents read FILE [--units FILE.csv] --format json`
// (docs/documents.md): reads an official document (plain text, Markdown,
// DOCX or PDF, told by content) and prints what it says as JSON (documents/json.h), each value
// with its span and confidence. --units names units (a CSV with code and
// name columns, as `cchc units export` writes) to match names against.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace cchc::app {

struct DocumentCommands {
  CLI::App* read = nullptr;
  std::string file, units, format = "json";
};

void add_document_commands(CLI::App& cli, DocumentCommands& d);
std::optional<int> run_document_commands(const DocumentCommands& d);

}  // namespace cchc::app
