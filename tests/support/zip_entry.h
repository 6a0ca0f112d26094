#pragma once
// One entry of a ZIP package (a .docx, a .xlsx) read into a string, for
// tests that check what a generated document says; "" when it is missing.
#include <zip.h>

#include <string>

namespace cchc::testing {

inline std::string zip_entry(const std::string& package, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_t* z = zip_open_from_source(zip_source_buffer_create(package.data(), package.size(), 0, &err), ZIP_RDONLY, &err);
  if (!z) return "";
  zip_stat_t st;
  std::string out;
  if (zip_stat(z, name, 0, &st) == 0) {
    out.resize(st.size);
    zip_file_t* f = zip_fopen(z, name, 0);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

}  // namespace cchc::testing
