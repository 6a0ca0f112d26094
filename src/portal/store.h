#pragma once
// The portal's SQL and workflow (docs/portal.md). Every write takes the
// caller's connection and runs in its transaction, so several compose into
// one, with its audit record and, when the public can see the change, a
// fresh "portal" data stamp (db/stamps.h), so every process serving the
// database renders its cached public pages again (http/page_cache.h).
// A refused write throws, and the caller's transaction rolls back with it:
//
//   db.write([&](db::Connection& c) {
//     act(c, id, Action::send_back, Actor::board, reason, std::nullopt, who, now);
//     notify(c, …);  // the step and its notice together, or neither
//   });
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "portal/model.h"
#include "portal/rules.h"

namespace cchc::portal {

// ---- Categories ----

std::vector<Category> categories(db::Connection& c, bool active_only);
std::optional<Category> find_category(db::Connection& c, const std::string& slug);
std::optional<Category> find_category(db::Connection& c, std::int64_t id);
// Adds (id 0) or changes a category: a name of 3-200 characters, a slug
// (from the name when blank) that is unique.
std::int64_t save_category(db::Connection& c, Category cat, const audit::Entry& who, Instant now);

// ---- Items and their workflow ----

// A new draft of the author's unit: checked (check_item), slug made unique
// from the title, revision 1 stored.
std::int64_t create_item(db::Connection& c, Item draft, const audit::Entry& who, Instant now);

// Saves an item's text, category, tags, video and (board only) featured
// flag, when `actor` may edit it in its state (rules.h: transition). A
// change of text stores the next revision (with `note` — required for a
// correction of a published item); a published item is re-indexed.
void update_item(db::Connection& c, std::int64_t id, const Item& changes, Actor actor, const std::string& note,
                 const audit::Entry& who, Instant now);

// Takes a workflow step: submit, comment, send_back, approve, withdraw,
// republish. send_back, withdraw and comment need a note (the reason);
// approve publishes at `publish_at` when it is later than now (a scheduled
// item), else now. Throws forbidden when the step is not allowed in the
// item's state for the actor, invalid_input for a missing note.
void act(db::Connection& c, std::int64_t id, Action action, Actor actor, const std::string& note,
         std::optional<Instant> publish_at, const audit::Entry& who, Instant now);

// Brings in items already published elsewhere (an earlier portal, a
// benchmark corpus) in the caller's transaction: each checked, given a
// unique slug, stored as published at its publish_at (now when unset) with
// revision 1 and an "import" step, and indexed; one audit record for the
// batch. Any bad item rejects the whole batch.
std::size_t add_published(db::Connection& c, std::vector<Item> items, const audit::Entry& who, Instant now);

// Brings the search index to the way this cchc indexes (the body's text
// as a reader sees it, markdown_text): when the index was written by an
// older cchc (settings `portal.search_format` below kSearchFormat), every
// published item is indexed again, on the caller's transaction, and the
// format recorded. Returns how many items it indexed again (0 when current).
inline constexpr int kSearchFormat = 2;
int refresh_search_index(db::Connection& c, Instant now);

std::optional<Item> find_item(db::Connection& c, std::int64_t id);
std::optional<Item> find_item(db::Connection& c, const std::string& slug);
// Items of these units (a unit's own list), newest first, any state.
std::vector<Item> unit_items(db::Connection& c, const std::vector<std::string>& units, int limit);
// Items in one state, oldest submission first (the board's queue), or by
// most recent change for the others.
std::vector<Item> items_in(db::Connection& c, State state, int limit);
std::vector<Event> events(db::Connection& c, std::int64_t item_id);
std::vector<Revision> revisions(db::Connection& c, std::int64_t item_id);

// ---- What the public sees (published, publish_at ≤ now) ----

struct ItemPage {
  std::vector<Item> items;
  int total = 0;
};
// Newest first; category_id 0 for all categories.
ItemPage published(db::Connection& c, std::int64_t category_id, Instant now, int offset, int limit);
std::vector<Item> featured(db::Connection& c, Instant now, int limit);
// Other public items of the same category, those sharing a tag first.
std::vector<Item> related(db::Connection& c, const Item& item, Instant now, int limit);
bool is_public(const Item& item, Instant now);
// The next scheduled publication after now, if any: cached pages expire then.
std::optional<Instant> next_scheduled(db::Connection& c, Instant now);

// ---- Images ----

struct StoredFile {
  std::string name, content_type, bytes;
};
// An image for the item (jpg, png, gif, webp by content; at most 5 MiB),
// stored under a random id; returns the id. Only while the actor may edit.
std::string add_image(db::Connection& c, std::int64_t item_id, Actor actor, const std::string& filename,
                      const std::string& bytes, const audit::Entry& who, Instant now);
// The image, with its item's id and whether that item is public.
struct StoredImage {
  StoredFile file;
  std::int64_t item_id = 0;
};
std::optional<StoredImage> find_image(db::Connection& c, const std::string& id);
std::vector<std::pair<std::string, std::string>> item_images(db::Connection& c, std::int64_t item_id);  // id, name

// ---- Documents library ----

struct DocumentFilter {
  std::string type_code;  // "" for every type
  int year = 0;           // 0 for every year
  std::string issuer;     // exact issuer, "" for all
};
struct DocumentPage {
  std::vector<Document> documents;
  int total = 0;
};
// Posts a document (number and symbol, type, date, issuer, subject; the
// file optional: pdf, doc(x), xls(x), odt, ods, zip by content, at most
// 20 MiB). The slug comes from the number and symbol, else the subject.
// Posted by the board (Actor::board) it is published at once, the posting
// being its approval; posted by a unit (Actor::author) it waits in the
// board's queue (submitted) and is public only once the board approves it
// (act_on_document). Which issuer a unit may post is the caller's check
// (page_support.h: issuer_refusal).
std::int64_t add_document(db::Connection& c, Document doc,
                          const std::optional<std::pair<std::string, std::string>>& file, Actor poster,
                          const audit::Entry& who, Instant now);
// The board's step on a document, by the items' table (rules.h:
// transition, as the board): approve (submitted → published), send_back
// (submitted → returned; a reason is required), withdraw (published →
// withdrawn; a reason is required), republish (withdrawn → published).
// Throws not_found, forbidden for a step its state does not allow,
// invalid_input for a missing reason or another action, conflict when
// another step was taken meanwhile.
void act_on_document(db::Connection& c, std::int64_t id, Action action, const std::string& note,
                     const audit::Entry& who, Instant now);
// The public library: published documents only.
DocumentPage documents(db::Connection& c, const DocumentFilter& f, int offset, int limit);
std::optional<Document> find_document(db::Connection& c, const std::string& slug);  // published only
std::optional<Document> find_document(db::Connection& c, std::int64_t id);          // published only
// A document in any state, for the editorial pages.
std::optional<Document> document_in_any_state(db::Connection& c, std::int64_t id);
// Documents in one state, oldest posting first (the board's queue).
std::vector<Document> documents_in(db::Connection& c, State state, int limit);
// Documents posted by these units, newest first, any state.
std::vector<Document> unit_documents(db::Connection& c, const std::vector<std::string>& units, int limit);
// A published document's file; with any_state, of a document in any state
// (for its unit and the board before publication).
std::optional<StoredFile> document_file(db::Connection& c, std::int64_t id, bool any_state = false);
std::vector<std::string> document_issuers(db::Connection& c);  // of published documents
std::vector<int> document_years(db::Connection& c);            // of published documents
// Withdraws a published document from the library (act_on_document's
// withdraw: a reason is required, audited).
void withdraw_document(db::Connection& c, std::int64_t id, const std::string& reason, const audit::Entry& who,
                       Instant now);

// ---- Search ----

struct SearchFilter {
  std::int64_t category_id = 0;  // items of one category only
  std::string unit_code;         // items and documents of one unit
  std::optional<Date> from, to;  // publication (items) or issue (documents) day
};
struct Hit {
  std::string kind;  // item | document
  std::int64_t ref_id = 0;
  bool exact = false;  // every word matched with the query's own diacritics
};
struct SearchPage {
  std::vector<Hit> hits;
  int total = 0;        // matches, at most kSearchWindow
  bool capped = false;  // there are more than kSearchWindow
};
// How many of the newest matches a search ranks.
inline constexpr int kSearchWindow = 2000;
// Public items and documents matching every folded term, of the
// kSearchWindow newest such, in tiers: every word with the query's own
// diacritics first; then every word in the title or number, then in the
// summary, then anywhere; newest first within a tier. Older matches are
// reached by a narrower query or the filters, which apply before the
// window is taken.
SearchPage search(db::Connection& c, const Terms& terms, const SearchFilter& f, Instant now, int offset, int limit);

// ---- Views ----

// Adds counted views: (kind, ref_id, day) → views.
void add_views(db::Connection& c,
               const std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t>& views);
std::int64_t views_of(db::Connection& c, const std::string& kind, std::int64_t ref_id);

// ---- The portal review (sơ kết) ----

struct ReviewRow {
  std::string unit_code;
  int submitted = 0;                  // items first submitted in the period
  int published = 0;                  // of those, published (now or later)
  int returned = 0;                   // of those, sent back at least once
  std::optional<double> median_days;  // first submission → publication, published ones
  int documents = 0;                  // documents posted in the period that the library took
  std::int64_t views = 0;             // views in the period of the unit's items
};
struct Review {
  std::vector<ReviewRow> units;  // every unit of the period's tree (zeros for those that sent nothing), and any other
                                 // that supplied anything, by unit code
  ReviewRow total;               // the province: sums, and the median over all published items
};
// The figures of [from, to] (local days): items by their first submission in
// the period, documents by their posting, views by their day.
Review review(db::Connection& c, Date from, Date to);

}  // namespace cchc::portal
