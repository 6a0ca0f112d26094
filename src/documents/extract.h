#pragma once
// The text of a document file, for the reader: plain text and Markdown as
// they are (UTF-8, NFC), DOCX paragraphs one per line (table cells joined
// by " | ", rows on lines of their own, so tables read like the scans'),
// PDF through Debian's poppler (each page's text in reading order, pages
// apart by a blank line). The kind is told by content, never by name.
// Throws invalid_input (English detail, Vietnamese message) for anything
// else, or for text that is not UTF-8.
#include <string>
#include <string_view>

namespace cchc::documents {

std::string text_of(std::string_view bytes);

}  // namespace cchc::documents
