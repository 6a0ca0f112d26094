#pragma once
// What an uploaded file really is, from its bytes (libmagic), never from its
// name alone: a ".pdf" that holds HTML is HTML.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::filetype {

// The MIME type libmagic finds in the bytes ("application/pdf",
// "text/html", …); "application/octet-stream" when it finds none.
std::string sniff(std::string_view bytes);

// A kind of file an upload may be: its extensions (lower case, first the
// one a stored name gets), the type it is served as, and the types libmagic
// may report for it (Office files from some tools read as plain ZIP or
// CDFV2 containers).
struct Kind {
  std::vector<std::string> extensions;
  std::string content_type;
  std::vector<std::string> detected;
};

// Documents, sheets, images and archives: pdf, doc, docx, odt, xls, xlsx,
// ods, jpg/jpeg, png, zip. Never HTML, SVG or scripts, which a browser runs.
const std::vector<Kind>& evidence_kinds();
// Images a page may show: jpg/jpeg, png, gif, webp.
const std::vector<Kind>& image_kinds();

struct Accepted {
  std::string name;          // a safe stored name: the slug of the stem, the extension
  std::string content_type;  // the kind's
  std::string detected;      // what libmagic reported
};

// The width and height in pixels an image's header declares (PNG, GIF,
// JPEG, WebP): what a decoder (a reader's browser) would allocate. nullopt
// when the header tells none.
struct Size {
  std::int64_t width = 0, height = 0;
};
std::optional<Size> image_size(std::string_view bytes);
// The most pixels an accepted image may declare: a 50-megapixel photograph
// fits; a 16-byte header claiming 100 000 × 100 000 does not.
inline constexpr std::int64_t kMaxImagePixels = 50'000'000;

// Accepts `bytes` named `filename` when it has 1 to `max_bytes` bytes, its
// extension is one of `kinds` and libmagic finds the content to be of that
// kind. Throws invalid_input (English detail, Vietnamese message) otherwise,
// and too_large for an image declaring more than kMaxImagePixels.
Accepted check(std::string_view filename, std::string_view bytes, const std::vector<Kind>& kinds,
               std::size_t max_bytes);

}  // namespace cchc::filetype
