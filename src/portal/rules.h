#pragma once
// The portal's pure rules (docs/portal.md): the editorial workflow, what an
// item may hold, search terms and highlights with or without diacritics,
// which visits count, readable diffs between revisions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "portal/model.h"

namespace cchc::portal {

// ---- Workflow ------------------------------------------------------------

std::string state_code(State s);           // "draft", "submitted", …
State parse_state(std::string_view code);  // throws invalid_input
std::string state_label_vi(State s);       // "Bản nháp", "Chờ duyệt", …
std::string action_code(Action a);         // "edit", "submit", …

// The state an action leads to, or nullopt when the actor may not take it
// in that state (the table in docs/portal.md):
//   author: edit / submit in draft or returned (submit → submitted);
//           comment in submitted or returned
//   board:  edit, comment, send_back (→ returned), approve (→ published)
//           in submitted; edit (a correction) and withdraw (→ withdrawn)
//           in published; republish (→ published) in withdrawn;
//           comment in returned and published
std::optional<State> transition(State from, Action action, Actor actor);

// ---- What an item may hold -----------------------------------------------

// Title 5-300 characters, summary up to 1,000, body up to 100,000 (the
// markdown), at most 10 tags of up to 50 characters, a video link that is
// an https URL of up to 500 characters. Throws invalid_input naming the
// first problem (English detail, Vietnamese message).
void check_item(const Item& item);

// The item after an edit: what an editor writes (title, summary, body,
// video link, tags, category; featured by the board only) from `edit`,
// everything else (id, slug, unit, state, times, revision) as stored.
Item edited(const Item& stored, const Item& edit, Actor actor);

// "cải cách, một cửa; chuyển đổi số" → {"cải cách", "một cửa", "chuyển đổi số"}:
// split on ',' and ';', trimmed, blanks dropped, duplicates (by folded
// form) dropped, in the order given.
std::vector<std::string> parse_tags(std::string_view text);

// The slug of a title, cut at a '-' to at most 80 characters; "bai-viet"
// when nothing of the title survives folding.
std::string slug_base(std::string_view title);

// ---- Search --------------------------------------------------------------

// A query as the search runs it: its words folded (marks removed, đ → d,
// lower case; only a-z and 0-9 kept, at most 12 words of up to 40
// characters) and, when the query was typed with any diacritics, the same
// words in their exact form (exact_key), for ranking exact matches first.
struct Terms {
  std::vector<std::string> folded;
  std::vector<std::string> exact;  // empty when the query has no marks
};
Terms search_terms(std::string_view query);

// A text's words in a form both full-text engines index as plain ASCII
// words while keeping the marks apart: lower case, NFC, every non-ASCII
// letter written as 'x' and its code point in hex ("cải" → "cx1ea3i").
// Words are runs of letters and digits; everything else becomes a space.
std::string exact_key(std::string_view text);

// The text, HTML-escaped, with every whole word matching a folded term
// wrapped in <mark>. With max_chars > 0 only a window of about that many
// characters around the first match (or the start), "…" where cut.
std::string highlight_html(std::string_view text, const std::vector<std::string>& folded_terms,
                           std::size_t max_chars = 0);

// An item's search snippet: its summary, then the text a reader sees of
// its body (markdown.h: markdown_text — never the markdown itself, so no
// "**", no link targets, no raw HTML, entities decoded), through
// highlight_html: HTML-escaped once, words matching a folded term in
// <mark>, a window of about max_chars characters around the first match.
std::string snippet_html(std::string_view summary, std::string_view body_markdown,
                         const std::vector<std::string>& folded_terms, std::size_t max_chars);

// ---- Excerpts -------------------------------------------------------------

// Plain text of at most max_chars characters (code points): cut at the
// last space before the limit (inside a word only when there is none),
// trailing spaces dropped, "…" added where cut. Never splits a character.
std::string cut_at_word(std::string_view text, std::size_t max_chars);

// What lists, feeds and link previews show of an item, as plain text (the
// caller escapes it): its summary as written, or when it has none the text
// a reader sees of its body (markdown_text) cut by cut_at_word.
std::string excerpt(const Item& item, std::size_t max_chars);

// ---- Documents: whose a unit may post ------------------------------------

// A unit as the issuing body of documents.
struct IssuingUnit {
  std::string name;   // "Phường Trảng Dài", "Sở Nội vụ"
  std::string level;  // province | district | commune | department | …
};

// How the unit is written as a document's issuing body: a People's
// Committee (levels province, district, commune) as "UBND " and its name
// with a lower-case first letter ("UBND phường Trảng Dài"); any other unit
// by its name ("Sở Nội vụ").
std::string issuer_label(const IssuingUnit& unit);

// Whether `issuer`, as written on a document, names one of `units`.
// Compared folded (marks, case and punctuation ignored), with "UBND" read
// as "Ủy ban nhân dân", "HĐND" as "Hội đồng nhân dân" and "TP" as "Thành
// phố": a unit's name ("Phường Trảng Dài", "Sở Nội vụ"), for a People's
// Committee also "Ủy ban nhân dân" and its name ("UBND phường Trảng Dài",
// "UBND tỉnh Đồng Nai"), each optionally followed by one of
// `province_names` ("Sở Nội vụ tỉnh Đồng Nai", "Văn phòng UBND tỉnh Đồng
// Nai"). A blank issuer names none.
bool issuer_names_one_of(std::string_view issuer, const std::vector<IssuingUnit>& units,
                         const std::vector<std::string>& province_names);

// ---- What the editorial forms say ------------------------------------------

// When an approved item goes public, from the approval form: a day as
// parse_date_input reads it and a time "hh:mm" (00:00-23:59, two digits
// each), both trimmed, in +07:00. Nullopt when the day is blank (public at
// once, whatever the time says); a blank time is 00:00. Throws
// invalid_input for a day that is not one, and at "gio_dang" for a time
// that is not hh:mm.
std::optional<Instant> publish_time(std::string_view day, std::string_view time);

// The id a form chose (a category, or 0 for a new one): a whole number of at
// most 15 digits, else 0 (none chosen).
std::int64_t chosen_id(std::string_view typed);

// The period of the portal's review (sơ kết) from its query's dates as
// typed: from 1 January of today's year and to today when blank. Throws
// invalid_input for a date parse_date_input refuses and when the period
// ends before it starts.
struct ReviewPeriod {
  Date from, to;
};
ReviewPeriod review_period(std::string_view from, std::string_view to, Date today);

// ---- Views ----------------------------------------------------------------

// Visits by crawlers, link previews, monitors and scripts do not count:
// an empty user agent, or one naming a bot, crawler, spider, preview,
// fetcher, headless browser or a command-line client.
bool is_bot(std::string_view user_agent);

// ---- Revisions -----------------------------------------------------------

// A word-by-word difference, HTML-escaped: removed words in <del>, added
// words in <ins>, line breaks kept.
std::string diff_html(std::string_view before, std::string_view after);

// The median of the values; nullopt for none.
std::optional<double> median(std::vector<double> values);

}  // namespace cchc::portal
