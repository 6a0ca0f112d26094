#pragma once
// The reform portal: plain types (docs/portal.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::portal {

// A topic of the portal, from the communication plan (domain.md §4);
// the editorial board edits the list.
struct Category {
  std::int64_t id = 0;
  std::string slug;  // "chinh-quyen-so"
  std::string name;  // "Chính quyền điện tử, chính quyền số"
  std::string description;
  int position = 0;  // order on the home page and in menus
  bool active = true;
};

// Where an item is in the editorial workflow (rules.h: transition):
//   draft      the unit's editor writes it; nobody else sees it
//   submitted  waiting in the board's queue
//   returned   sent back to the unit with a reason
//   published  approved: public from publish_at (now, or a scheduled time)
//   withdrawn  taken down by the board with a reason
enum class State { draft, submitted, returned, published, withdrawn };

// What someone does to an item. edit is saving its text; comment adds a
// note to its history without changing the state.
enum class Action { edit, submit, comment, send_back, approve, withdraw, republish };

// Who acts: the unit's editor (author) or the editorial board.
enum class Actor { author, board };

// A news item or article.
struct Item {
  std::int64_t id = 0;
  std::string slug;  // folded from the title, unique: "ra-mat-bo-phan-mot-cua"
  std::int64_t category_id = 0;
  std::string unit_code;  // the unit that supplied it
  std::string title;
  std::string summary;
  std::string body;  // markdown (cmark-gfm, safe mode)
  std::string video_url;
  std::vector<std::string> tags;
  bool featured = false;
  State state = State::draft;
  std::string created_by;
  Instant created_at{}, updated_at{};
  std::optional<Instant> submitted_at;        // the latest submission
  std::optional<Instant> first_submitted_at;  // the first one (review: days to publication)
  std::optional<Instant> publish_at;          // published: public from then
  std::optional<Instant> published_at;        // when it was approved the first time
  std::optional<Instant> withdrawn_at;
  std::string withdrawn_reason;
  int revision = 1;
};

// The text of an item as it stood at one revision.
struct Revision {
  int revision = 0;
  std::string title, summary, body;
  std::string edited_by;
  Instant edited_at{};
  std::string note;  // what the correction was, for a published item
};

// One step of an item's history: submit, send_back (with the reason),
// approve, comment, withdraw, correct, …
struct Event {
  std::string action;
  std::string actor;
  Instant at{};
  std::string note;
};

// An entry of the documents library. It goes through the editorial board
// like an item (rules.h: transition, docs/portal.md "Documents library"):
// a unit's document waits in the board's queue (submitted) and is public
// only once the board approves it (published); the board sends it back
// with a reason (returned), withdraws it (withdrawn) and puts it back.
struct Document {
  std::int64_t id = 0;
  std::string slug;
  std::string number_symbol;  // "77/KH-UBND"
  std::string type_code;      // KH, QĐ, BC, TB, CV, NQ, CT, …
  std::optional<Date> issued_on;
  std::string issuer;  // "UBND tỉnh Đồng Nai"
  std::string subject;
  std::string unit_code;  // the unit that posted it
  std::string file_name, content_type;
  std::int64_t file_size = 0;
  std::string posted_by;
  Instant posted_at{};
  State state = State::submitted;
  std::string review_note;  // why the board sent it back or withdrew it
  std::string reviewed_by;  // the board member of the latest step
  std::optional<Instant> reviewed_at;
};

}  // namespace cchc::portal
