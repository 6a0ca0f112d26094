#include "app/documents_cli.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "app/cli_support.h"
#include "core/csv.h"
#include "core/errors.h"
#include "core/text.h"
#include "documents/extract.h"
#include "documents/json.h"
#include "documents/reader.h"

namespace cchc::app {

void add_document_commands(CLI::App& cli, DocumentCommands& d) {
  auto* cmd = cli.add_subcommand("documents", "Read official documents: number, date, issuer, title, citations");
  d.read = cmd->add_subcommand("read", "Read a document (plain text or Markdown) and print what it says as JSON");
  d.read->add_option("file", d.file, "The document")->required();
  d.read->add_option("--units", d.units, "Units to match names against (CSV with code and name columns)");
  d.read->add_option("--format", d.format, "Output format (json)")->check(CLI::IsMember({"json"}));
}

std::optional<int> run_document_commands(const DocumentCommands& d) {
  if (!d.read || !*d.read) return std::nullopt;
  auto text = documents::text_of(read_file(d.file));
  std::vector<documents::KnownUnit> units;
  if (!d.units.empty()) {
    auto records = csv::parse(read_file(d.units));
    if (records.empty()) throw invalid_input(d.units + " has no header");
    const auto& header = records.front().fields;
    auto col = [&](const char* name) {
      auto it = std::find(header.begin(), header.end(), name);
      if (it == header.end()) throw invalid_input(d.units + fmt::format(": no '{}' column", name));
      return std::size_t(it - header.begin());
    };
    auto code = col("code"), name = col("name");
    for (std::size_t i = 1; i < records.size(); ++i) {
      const auto& f = records[i].fields;
      if (f.size() > std::max(code, name)) units.push_back({f[code], f[name]});
    }
  }
  std::cout << documents::to_json(documents::read(text, units)).dump(2) << std::endl;
  return 0;
}

}  // namespace cchc::app
