#include "portal/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.h"
#include "core/filetype.h"
#include "core/parse.h"
#include "core/text.h"
#include "db/columns.h"
#include "db/stamps.h"
#include "directory/read.h"
#include "directory/storage.h"
#include "portal/markdown.h"

namespace cchc::portal {

using nlohmann::json;

namespace {

constexpr std::size_t kImageMax = 5u << 20;
constexpr std::size_t kMaxItemImages = 30;  // images of one item
constexpr std::size_t kDocumentMax = 20u << 20;

std::vector<std::string> tags_of(const std::string& stored) {
  if (stored.empty()) return {};
  return json::parse(stored).get<std::vector<std::string>>();
}

const db::Columns<Item> kItemRow{
    {"id", &Item::id},
    {"slug", &Item::slug},
    {"category_id", &Item::category_id},
    {"unit_code", &Item::unit_code},
    {"title", &Item::title},
    {"summary", &Item::summary},
    {"body", &Item::body},
    {"video_url", &Item::video_url},
    {"tags", &Item::tags, tags_of},
    {"featured", &Item::featured},
    {"state", &Item::state, parse_state},
    {"created_by", &Item::created_by},
    {"created_at", &Item::created_at},
    {"updated_at", &Item::updated_at},
    {"submitted_at", &Item::submitted_at},
    {"first_submitted_at", &Item::first_submitted_at},
    {"publish_at", &Item::publish_at},
    {"published_at", &Item::published_at},
    {"withdrawn_at", &Item::withdrawn_at},
    {"withdrawn_reason", &Item::withdrawn_reason},
    {"revision", &Item::revision},
};

const db::Columns<Category> kCategoryRow{
    {"id", &Category::id},
    {"slug", &Category::slug},
    {"name", &Category::name},
    {"description", &Category::description},
    {"position", &Category::position},
    {"active", &Category::active},
};

const db::Columns<Document> kDocumentRow{
    {"id", &Document::id},
    {"slug", &Document::slug},
    {"number_symbol", &Document::number_symbol},
    {"type_code", &Document::type_code},
    {"issued_on", &Document::issued_on},
    {"issuer", &Document::issuer},
    {"subject", &Document::subject},
    {"unit_code", &Document::unit_code},
    {"file_name", &Document::file_name},
    {"content_type", &Document::content_type},
    {"file_size", &Document::file_size},
    {"posted_by", &Document::posted_by},
    {"posted_at", &Document::posted_at},
    {"state", &Document::state, parse_state},
    {"review_note", &Document::review_note},
    {"reviewed_by", &Document::reviewed_by},
    {"reviewed_at", &Document::reviewed_at},
};

const db::Columns<Event> kEventRow{
    {"action", &Event::action},
    {"actor", &Event::actor},
    {"at", &Event::at},
    {"note", &Event::note},
};

const db::Columns<Revision> kRevisionRow{
    {"revision", &Revision::revision}, {"title", &Revision::title},         {"summary", &Revision::summary},
    {"body", &Revision::body},         {"edited_by", &Revision::edited_by}, {"edited_at", &Revision::edited_at},
    {"note", &Revision::note},
};

std::string item_json(const Item& i) {
  return json{{"slug", i.slug},           {"category_id", i.category_id},
              {"unit", i.unit_code},      {"title", i.title},
              {"summary", i.summary},     {"body", i.body},
              {"video_url", i.video_url}, {"tags", i.tags},
              {"featured", i.featured},   {"state", state_code(i.state)},
              {"revision", i.revision}}
      .dump();
}

// Every change the public can see: the stamp public pages are kept under.
void bump(db::Connection& c) { db::touch(c, "portal"); }

std::string unique_slug(db::Connection& c, const std::string& table, const std::string& base) {
  std::set<std::string> taken;
  // base, or base followed by '-' ('-' + 1 is '.'): a range the unique index answers.
  for (const auto& r : c.query("SELECT slug FROM " + table + " WHERE slug = ? OR (slug >= ? AND slug < ?)",
                               {base, base + "-", base + "."})
                           .rows) {
    taken.insert(r.str("slug"));
  }
  if (!taken.contains(base)) return base;
  for (int n = 2;; ++n) {
    auto s = fmt::format("{}-{}", base, n);
    if (!taken.contains(s)) return s;
  }
}

// ---- The search index ----

std::int64_t search_key(const std::string& kind, std::int64_t id) { return id * 2 + (kind == "document" ? 1 : 0); }

struct IndexRow {
  std::string kind;
  std::int64_t ref_id;
  std::optional<std::int64_t> category_id;
  std::string unit_code, day;
  Instant visible_from;
  std::string title, summary, body, number;
};

void unindex(db::Connection& c, const std::string& kind, std::int64_t id) {
  if (c.backend() == db::Backend::sqlite) {
    c.query("DELETE FROM portal_search WHERE rowid = ?", {search_key(kind, id)});
    c.query("DELETE FROM portal_search_meta WHERE key = ?", {search_key(kind, id)});
  } else {
    c.query("DELETE FROM portal_search WHERE key = ?", {search_key(kind, id)});
  }
}

// Folded text as plain words, a-z 0-9 and single spaces: both engines then
// split it the same way (PostgreSQL's parser would read "77/kh-vp" as a path).
std::string words(const std::string& s) { return exact_key(text::fold(s)); }

void index(db::Connection& c, const IndexRow& r) {
  unindex(c, r.kind, r.ref_id);
  auto exact = exact_key(r.title + " " + r.summary + " " + r.body + " " + r.number);
  auto key = search_key(r.kind, r.ref_id);
  if (c.backend() == db::Backend::sqlite) {
    c.query("INSERT INTO portal_search (rowid, title, summary, body, number, exact) VALUES (?, ?, ?, ?, ?, ?)",
            {key, words(r.title), words(r.summary), words(r.body), words(r.number), exact});
    c.query(
        "INSERT INTO portal_search_meta (key, kind, ref_id, category_id, unit_code, day, visible_from) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {key, r.kind, r.ref_id, r.category_id, r.unit_code, r.day, r.visible_from});
  } else {
    c.query(
        "INSERT INTO portal_search (key, kind, ref_id, category_id, unit_code, day, visible_from, doc, exact) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || "
        "setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'D') || "
        "setweight(to_tsvector('simple', ?), 'A'), to_tsvector('simple', ?))",
        {key, r.kind, r.ref_id, r.category_id, r.unit_code, r.day, r.visible_from, words(r.title), words(r.summary),
         words(r.body), words(r.number), exact});
  }
}

void index_item(db::Connection& c, const Item& i) {
  if (i.state != State::published || !i.publish_at) {
    unindex(c, "item", i.id);
    return;
  }
  // The body as a reader sees it (markdown.h: markdown_text): no link
  // targets or raw HTML to match, so every match can be shown in a snippet.
  index(c, {"item", i.id, i.category_id, i.unit_code, format_iso_date(local_date(*i.publish_at)), *i.publish_at,
            i.title, i.summary, markdown_text(i.body), ""});
}

void index_document(db::Connection& c, const Document& d) {
  index(c, {"document", d.id, std::nullopt, d.unit_code,
            d.issued_on ? format_iso_date(*d.issued_on) : format_iso_date(local_date(d.posted_at)), d.posted_at,
            d.subject, d.issuer, "", d.number_symbol});
}

Item need_item(db::Connection& c, std::int64_t id) {
  auto i = find_item(c, id);
  if (!i) throw not_found("no such item", "Không tìm thấy tin bài.");
  return *i;
}

State allowed(const Item& i, Action a, Actor actor) {
  auto next = transition(i.state, a, actor);
  if (!next) {
    throw forbidden(
        fmt::format("{} is not allowed on a {} item", action_code(a), state_code(i.state)),
        fmt::format("Không thể thực hiện thao tác này khi tin bài đang ở trạng thái \"{}\".", state_label_vi(i.state)));
  }
  return *next;
}

void add_event(db::Connection& c, std::int64_t item_id, const std::string& action, const audit::Entry& who,
               const std::string& note, Instant now) {
  c.query("INSERT INTO portal_events (item_id, action, actor, at, note) VALUES (?, ?, ?, ?, ?)",
          {item_id, action, who.actor, now, note});
}

void add_revision(db::Connection& c, const Item& i, const audit::Entry& who, const std::string& note, Instant now) {
  c.query(
      "INSERT INTO portal_revisions (item_id, revision, title, summary, body, edited_by, edited_at, note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {i.id, i.revision, i.title, i.summary, i.body, who.actor, now, note});
}

void need_category(db::Connection& c, std::int64_t id) {
  if (!find_category(c, id)) throw invalid_input("no such category", "Vui lòng chọn chuyên mục.");
}

}  // namespace

// ---- Categories ----

std::vector<Category> categories(db::Connection& c, bool active_only) {
  return kCategoryRow.read_all(c.query(fmt::format("SELECT {} FROM portal_categories{} ORDER BY position, id",
                                                   kCategoryRow.list(), active_only ? " WHERE active = 1" : "")));
}

std::optional<Category> find_category(db::Connection& c, const std::string& slug) {
  auto rows = c.query(fmt::format("SELECT {} FROM portal_categories WHERE slug = ?", kCategoryRow.list()), {slug});
  if (rows.empty()) return std::nullopt;
  return kCategoryRow.read(rows.one());
}

std::optional<Category> find_category(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM portal_categories WHERE id = ?", kCategoryRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kCategoryRow.read(rows.one());
}

std::int64_t save_category(db::Connection& c, Category cat, const audit::Entry& who, Instant now) {
  cat.name = text::nfc(text::trim(cat.name));
  cat.description = text::nfc(text::trim(cat.description));
  auto len = text::code_points(cat.name);
  if (len < 3 || len > 200)
    throw invalid_input("category name must be 3-200 characters", "Tên chuyên mục phải có từ 3 đến 200 ký tự.");
  if (text::code_points(cat.description) > 500)
    throw invalid_input("description over 500 characters", "Mô tả tối đa 500 ký tự.");
  if (cat.position < 0 || cat.position > 999)
    throw invalid_input("position must be 0-999", "Thứ tự phải từ 0 đến 999.");
  cat.slug = slug_base(cat.slug.empty() ? cat.name : cat.slug);
  auto same = find_category(c, cat.slug);
  if (same && same->id != cat.id) {
    throw invalid_input("a category with this slug exists", "Đã có chuyên mục với đường dẫn này.");
  }
  std::optional<Category> before;
  if (cat.id != 0) {
    before = find_category(c, cat.id);
    if (!before) throw not_found("no such category", "Không tìm thấy chuyên mục.");
    c.query(
        "UPDATE portal_categories SET slug = ?, name = ?, description = ?, position = ?, active = ?, "
        "updated_at = ? WHERE id = ?",
        {cat.slug, cat.name, cat.description, cat.position, cat.active, now, cat.id});
  } else {
    cat.id = c.query(
                  "INSERT INTO portal_categories (slug, name, description, position, active, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                  {cat.slug, cat.name, cat.description, cat.position, cat.active, now})
                 .one()
                 .i64("id");
  }
  auto as_json = [](const Category& k) {
    return json{{"slug", k.slug}, {"name", k.name}, {"position", k.position}, {"active", k.active}}.dump();
  };
  audit::record(c, who, before ? "update" : "create", "portal_categories", std::to_string(cat.id),
                before ? std::optional(as_json(*before)) : std::nullopt, as_json(cat), now);
  bump(c);
  return cat.id;
}

// ---- Items ----

std::int64_t create_item(db::Connection& c, Item draft, const audit::Entry& who, Instant now) {
  draft.title = text::nfc(text::trim(draft.title));
  draft.summary = text::nfc(text::trim(draft.summary));
  draft.body = text::nfc(draft.body);
  draft.video_url = std::string(text::trim(draft.video_url));
  check_item(draft);
  need_category(c, draft.category_id);
  draft.slug = unique_slug(c, "portal_items", slug_base(draft.title));
  draft.state = State::draft;
  draft.revision = 1;
  draft.id = c.query(
                  "INSERT INTO portal_items (slug, category_id, unit_code, title, summary, body, video_url, tags, "
                  "featured, state, created_by, created_at, updated_at, revision) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'draft', ?, ?, ?, 1) RETURNING id",
                  {draft.slug, draft.category_id, draft.unit_code, draft.title, draft.summary, draft.body,
                   draft.video_url, json(draft.tags).dump(), who.actor, now, now})
                 .one()
                 .i64("id");
  add_revision(c, draft, who, "", now);
  add_event(c, draft.id, "create", who, "", now);
  audit::record(c, who, "create", "portal_items", std::to_string(draft.id), std::nullopt, item_json(draft), now);
  return draft.id;
}

void update_item(db::Connection& c, std::int64_t id, const Item& changes, Actor actor, const std::string& note_in,
                 const audit::Entry& who, Instant now) {
  Item next = changes;
  next.title = text::nfc(text::trim(next.title));
  next.summary = text::nfc(text::trim(next.summary));
  next.body = text::nfc(next.body);
  next.video_url = std::string(text::trim(next.video_url));
  auto note = text::nfc(text::trim(note_in));
  check_item(next);
  if (text::code_points(note) > 500) throw invalid_input("note over 500 characters", "Ghi chú tối đa 500 ký tự.");
  auto before = need_item(c, id);
  allowed(before, Action::edit, actor);
  need_category(c, next.category_id);
  Item after = edited(before, next, actor);
  bool text_changed = after.title != before.title || after.summary != before.summary || after.body != before.body;
  if (text_changed && before.state == State::published && note.empty()) {
    throw invalid_input("a correction of a published item needs a note",
                        "Sửa tin bài đã đăng cần ghi rõ nội dung đính chính.");
  }
  if (text_changed) ++after.revision;
  c.query(
      "UPDATE portal_items SET title = ?, summary = ?, body = ?, video_url = ?, tags = ?, category_id = ?, "
      "featured = ?, revision = ?, updated_at = ? WHERE id = ?",
      {after.title, after.summary, after.body, after.video_url, json(after.tags).dump(), after.category_id,
       after.featured, after.revision, now, id});
  if (text_changed) add_revision(c, after, who, note, now);
  if (before.state == State::published) {
    if (text_changed) add_event(c, id, "correct", who, note, now);
    index_item(c, after);
    bump(c);
  }
  audit::record(c, who, "update", "portal_items", std::to_string(id), item_json(before), item_json(after), now);
}

void act(db::Connection& c, std::int64_t id, Action action, Actor actor, const std::string& note_in,
         std::optional<Instant> publish_at, const audit::Entry& who, Instant now) {
  if (action == Action::edit) throw invalid_input("use update_item to edit", "Thao tác không hợp lệ.");
  auto note = text::nfc(text::trim(note_in));
  if (text::code_points(note) > 2000) throw invalid_input("note over 2,000 characters", "Ghi chú tối đa 2.000 ký tự.");
  bool needs_note = action == Action::send_back || action == Action::withdraw || action == Action::comment;
  if (needs_note && note.empty()) {
    throw invalid_input(fmt::format("{} needs a note", action_code(action)),
                        action == Action::comment ? "Vui lòng nhập nội dung góp ý." : "Vui lòng ghi rõ lý do.");
  }
  auto before = need_item(c, id);
  auto next_state = allowed(before, action, actor);
  Item after = before;
  after.state = next_state;
  switch (action) {
    case Action::submit:
      after.submitted_at = now;
      if (!after.first_submitted_at) after.first_submitted_at = now;
      break;
    case Action::approve:
      after.publish_at = publish_at && *publish_at > now ? *publish_at : now;
      if (!after.published_at) after.published_at = now;
      break;
    case Action::withdraw:
      after.withdrawn_at = now;
      after.withdrawn_reason = note;
      break;
    case Action::republish:
      after.withdrawn_at.reset();
      after.withdrawn_reason.clear();
      after.publish_at = now;
      break;
    default: break;
  }
  c.query(
      "UPDATE portal_items SET state = ?, submitted_at = ?, first_submitted_at = ?, publish_at = ?, "
      "published_at = ?, withdrawn_at = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?",
      {state_code(after.state), after.submitted_at, after.first_submitted_at, after.publish_at, after.published_at,
       after.withdrawn_at, after.withdrawn_reason, now, id});
  add_event(c, id, action_code(action), who, note, now);
  if (action == Action::approve || action == Action::withdraw || action == Action::republish) {
    index_item(c, after);
    bump(c);
  }
  audit::record(c, who, action_code(action), "portal_items", std::to_string(id),
                json{{"state", state_code(before.state)}}.dump(),
                json{{"state", state_code(after.state)},
                     {"note", note},
                     {"publish_at", after.publish_at ? json(after.publish_at->time_since_epoch().count()) : json()}}
                    .dump(),
                now);
}

std::size_t add_published(db::Connection& c, std::vector<Item> items, const audit::Entry& who, Instant now) {
  for (auto& i : items) {
    i.title = text::nfc(text::trim(i.title));
    i.summary = text::nfc(text::trim(i.summary));
    i.body = text::nfc(i.body);
    check_item(i);
  }
  std::set<std::int64_t> categories_seen;
  for (auto& i : items) {
    if (categories_seen.insert(i.category_id).second) need_category(c, i.category_id);
    i.slug = unique_slug(c, "portal_items", slug_base(i.title));
    i.state = State::published;
    i.revision = 1;
    auto at = i.publish_at.value_or(now);
    i.publish_at = i.published_at = i.submitted_at = i.first_submitted_at = at;
    i.created_at = i.updated_at = at;
    i.id = c.query(
                "INSERT INTO portal_items (slug, category_id, unit_code, title, summary, body, video_url, tags, "
                "featured, state, created_by, created_at, updated_at, submitted_at, first_submitted_at, publish_at, "
                "published_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, 1) "
                "RETURNING id",
                {i.slug, i.category_id, i.unit_code, i.title, i.summary, i.body, i.video_url, json(i.tags).dump(),
                 i.featured, who.actor, at, at, at, at, at, at})
               .one()
               .i64("id");
    add_revision(c, i, who, "", at);
    add_event(c, i.id, "import", who, "", now);
    index_item(c, i);
  }
  audit::record(c, who, "import", "portal_items", "", std::nullopt, json{{"items", items.size()}}.dump(), now);
  // A bulk load leaves the FTS5 index in many segments; merged, searches
  // read each word's list once (docs/performance.md: p99 23 → 16 ms).
  if (c.backend() == db::Backend::sqlite) c.query("INSERT INTO portal_search (portal_search) VALUES ('optimize')");
  bump(c);
  return items.size();
}

int refresh_search_index(db::Connection& c, Instant now) {
  auto stored = c.query("SELECT value FROM settings WHERE key = 'portal.search_format'");
  if (!stored.empty() && parse_int<int>(stored.rows[0].str("value")).value_or(0) >= kSearchFormat) return 0;
  int n = 0;
  for (const auto& r :
       c.query("SELECT " + kItemRow.list() + " FROM portal_items WHERE state = 'published' ORDER BY id").rows) {
    index_item(c, kItemRow.read(r));
    ++n;
  }
  c.query("DELETE FROM settings WHERE key = 'portal.search_format'");
  c.query("INSERT INTO settings (key, value, updated_at) VALUES ('portal.search_format', ?, ?)",
          {std::to_string(kSearchFormat), now});
  return n;
}

std::optional<Item> find_item(db::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT " + kItemRow.list() + " FROM portal_items WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return kItemRow.read(rows.one());
}

std::optional<Item> find_item(db::Connection& c, const std::string& slug) {
  auto rows = c.query("SELECT " + kItemRow.list() + " FROM portal_items WHERE slug = ?", {slug});
  if (rows.empty()) return std::nullopt;
  return kItemRow.read(rows.one());
}

std::vector<Item> unit_items(db::Connection& c, const std::vector<std::string>& units, int limit) {
  if (units.empty()) return {};
  std::string marks;
  std::vector<db::Param> params;
  for (const auto& u : units) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(u);
  }
  params.emplace_back(limit);
  return kItemRow.read_all(c.query("SELECT " + kItemRow.list() + " FROM portal_items WHERE unit_code IN (" + marks +
                                       ") ORDER BY updated_at DESC, id DESC LIMIT ?",
                                   params));
}

std::vector<Item> items_in(db::Connection& c, State state, int limit) {
  const char* order = state == State::submitted ? " ORDER BY submitted_at, id" : " ORDER BY updated_at DESC, id DESC";
  return kItemRow.read_all(
      c.query("SELECT " + kItemRow.list() + " FROM portal_items WHERE state = ?" + order + " LIMIT ?",
              {state_code(state), limit}));
}

std::vector<Event> events(db::Connection& c, std::int64_t item_id) {
  return kEventRow.read_all(c.query(
      fmt::format("SELECT {} FROM portal_events WHERE item_id = ? ORDER BY at, id", kEventRow.list()), {item_id}));
}

std::vector<Revision> revisions(db::Connection& c, std::int64_t item_id) {
  return kRevisionRow.read_all(
      c.query(fmt::format("SELECT {} FROM portal_revisions WHERE item_id = ? ORDER BY revision", kRevisionRow.list()),
              {item_id}));
}

// ---- Public ----

bool is_public(const Item& item, Instant now) {
  return item.state == State::published && item.publish_at && *item.publish_at <= now;
}

ItemPage published(db::Connection& c, std::int64_t category_id, Instant now, int offset, int limit) {
  std::string where = " FROM portal_items WHERE state = 'published' AND publish_at <= ?";
  std::vector<db::Param> params = {now};
  if (category_id != 0) {
    where += " AND category_id = ?";
    params.emplace_back(category_id);
  }
  ItemPage page;
  page.total = int(c.query("SELECT count(*) AS n" + where, params).one().i64("n"));
  params.emplace_back(limit);
  params.emplace_back(offset);
  page.items = kItemRow.read_all(
      c.query("SELECT " + kItemRow.list() + where + " ORDER BY publish_at DESC, id DESC LIMIT ? OFFSET ?", params));
  return page;
}

std::vector<Item> featured(db::Connection& c, Instant now, int limit) {
  return kItemRow.read_all(
      c.query("SELECT " + kItemRow.list() +
                  " FROM portal_items WHERE state = 'published' AND publish_at <= ? AND featured = 1 "
                  "ORDER BY publish_at DESC, id DESC LIMIT ?",
              {now, limit}));
}

std::vector<Item> related(db::Connection& c, const Item& item, Instant now, int limit) {
  auto candidates =
      kItemRow.read_all(c.query("SELECT " + kItemRow.list() +
                                    " FROM portal_items WHERE state = 'published' AND publish_at <= ? AND "
                                    "category_id = ? AND id <> ? ORDER BY publish_at DESC, id DESC LIMIT 50",
                                {now, item.category_id, item.id}));
  std::set<std::string> tags;
  for (const auto& t : item.tags) tags.insert(text::fold(t));
  auto shared = [&](const Item& o) {
    return int(
        std::count_if(o.tags.begin(), o.tags.end(), [&](const auto& t) { return tags.contains(text::fold(t)); }));
  };
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](const Item& a, const Item& b) { return shared(a) > shared(b); });
  if (int(candidates.size()) > limit) candidates.resize(limit);
  return candidates;
}

std::optional<Instant> next_scheduled(db::Connection& c, Instant now) {
  auto r = c.query("SELECT min(publish_at) AS t FROM portal_items WHERE state = 'published' AND publish_at > ?", {now})
               .one();
  return r.opt_instant("t");
}

// ---- Images ----

std::string add_image(db::Connection& c, std::int64_t item_id, Actor actor, const std::string& filename,
                      const std::string& bytes, const audit::Entry& who, Instant now) {
  auto accepted = filetype::check(filename, bytes, filetype::image_kinds(), kImageMax);
  auto id = text::random_hex(16);
  allowed(need_item(c, item_id), Action::edit, actor);
  directory::within_files(
      c.query("SELECT COUNT(*) AS n FROM portal_images WHERE item_id = ?", {item_id}).one().i64("n"), kMaxItemImages,
      "mỗi bài viết");
  directory::make_room(c, who.actor, bytes.size());
  c.query(
      "INSERT INTO portal_images (id, item_id, name, content_type, size, content, uploaded_by, uploaded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {id, item_id, accepted.name, accepted.content_type, std::int64_t(bytes.size()), text::base64(bytes), who.actor,
       now});
  audit::record(c, who, "upload", "portal_images", id, std::nullopt,
                json{{"item", item_id}, {"name", accepted.name}, {"size", bytes.size()}}.dump(), now);
  return id;
}

std::optional<StoredImage> find_image(db::Connection& c, const std::string& id) {
  auto rows = c.query("SELECT item_id, name, content_type, content FROM portal_images WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "stored image is not base64");
  return StoredImage{{r.str("name"), r.str("content_type"), std::move(*bytes)}, r.i64("item_id")};
}

std::vector<std::pair<std::string, std::string>> item_images(db::Connection& c, std::int64_t item_id) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r :
       c.query("SELECT id, name FROM portal_images WHERE item_id = ? ORDER BY uploaded_at, id", {item_id}).rows) {
    out.emplace_back(r.str("id"), r.str("name"));
  }
  return out;
}

// ---- Documents ----

std::int64_t add_document(db::Connection& c, Document doc,
                          const std::optional<std::pair<std::string, std::string>>& file, Actor poster,
                          const audit::Entry& who, Instant now) {
  doc.number_symbol = text::nfc(text::trim(doc.number_symbol));
  doc.type_code = text::nfc(text::trim(doc.type_code));
  doc.issuer = text::nfc(text::trim(doc.issuer));
  doc.subject = text::nfc(text::trim(doc.subject));
  auto subject = text::code_points(doc.subject);
  if (subject < 5 || subject > 1000)
    throw invalid_input("subject must be 5-1,000 characters", "Trích yếu phải có từ 5 đến 1.000 ký tự.");
  if (doc.type_code.empty() || text::code_points(doc.type_code) > 10) {
    throw invalid_input("a document type code (KH, QĐ, …) is required", "Vui lòng chọn loại văn bản.");
  }
  if (text::code_points(doc.number_symbol) > 60)
    throw invalid_input("number and symbol over 60 characters", "Số, ký hiệu tối đa 60 ký tự.");
  if (text::code_points(doc.issuer) > 200)
    throw invalid_input("issuer over 200 characters", "Cơ quan ban hành tối đa 200 ký tự.");
  std::optional<filetype::Accepted> accepted;
  if (file) accepted = filetype::check(file->first, file->second, filetype::evidence_kinds(), kDocumentMax);
  // The board's own posting is its approval; a unit's waits in its queue.
  doc.state = poster == Actor::board ? State::published : State::submitted;
  doc.slug = unique_slug(c, "portal_documents", slug_base(doc.number_symbol.empty() ? doc.subject : doc.number_symbol));
  doc.posted_by = who.actor;
  doc.posted_at = now;
  doc.file_name = accepted ? accepted->name : "";
  doc.content_type = accepted ? accepted->content_type : "";
  doc.file_size = file ? std::int64_t(file->second.size()) : 0;
  if (doc.state == State::published) {
    doc.reviewed_by = who.actor;
    doc.reviewed_at = now;
  }
  doc.id = c.query(
                "INSERT INTO portal_documents (slug, number_symbol, type_code, issued_on, issuer, subject, unit_code, "
                "file_name, content_type, file_size, content, posted_by, posted_at, state, reviewed_by, reviewed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {doc.slug, doc.number_symbol, doc.type_code,
                 doc.issued_on ? std::optional(format_iso_date(*doc.issued_on)) : std::nullopt, doc.issuer, doc.subject,
                 doc.unit_code, doc.file_name, doc.content_type, doc.file_size,
                 file ? text::base64(file->second) : std::string(), doc.posted_by, now, state_code(doc.state),
                 doc.reviewed_by, doc.reviewed_at})
               .one()
               .i64("id");
  audit::record(c, who, "create", "portal_documents", std::to_string(doc.id), std::nullopt,
                json{{"number_symbol", doc.number_symbol},
                     {"type", doc.type_code},
                     {"issuer", doc.issuer},
                     {"subject", doc.subject},
                     {"file", doc.file_name},
                     {"size", doc.file_size},
                     {"state", state_code(doc.state)}}
                    .dump(),
                now);
  if (doc.state == State::published) {
    index_document(c, doc);
    bump(c);
  }
  return doc.id;
}

void act_on_document(db::Connection& c, std::int64_t id, Action action, const std::string& note_in,
                     const audit::Entry& who, Instant now) {
  if (action != Action::approve && action != Action::send_back && action != Action::withdraw &&
      action != Action::republish) {
    throw invalid_input(fmt::format("{} is not a step of a document", action_code(action)));
  }
  auto note = text::nfc(text::trim(note_in));
  if (text::code_points(note) > 2000) throw invalid_input("note over 2,000 characters", "Ghi chú tối đa 2.000 ký tự.");
  if (note.empty() && action == Action::send_back) {
    throw invalid_input("sending a document back needs a reason", "Vui lòng ghi rõ lý do trả lại văn bản.");
  }
  if (note.empty() && action == Action::withdraw) {
    throw invalid_input("withdrawing a document needs a reason", "Vui lòng ghi rõ lý do gỡ văn bản.");
  }
  auto doc = document_in_any_state(c, id);
  if (!doc) throw not_found("no such document", "Không tìm thấy văn bản.");
  auto next = transition(doc->state, action, Actor::board);
  if (!next) {
    throw forbidden(fmt::format("{} is not allowed on a {} document", action_code(action), state_code(doc->state)),
                    fmt::format("Không thể thực hiện thao tác này khi văn bản đang ở trạng thái \"{}\".",
                                state_label_vi(doc->state)));
  }
  // Only from the state read: a step taken meanwhile by another board member wins.
  auto n = c.query(
      "UPDATE portal_documents SET state = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?, withdrawn_at = ? "
      "WHERE id = ? AND state = ?",
      {state_code(*next), note, who.actor, now,
       *next == State::withdrawn ? std::optional<Instant>(now) : std::optional<Instant>(), id, state_code(doc->state)});
  if (n.affected == 0) {
    throw Error(ErrorKind::conflict, "the document changed meanwhile",
                "Văn bản vừa được người khác xử lý; vui lòng tải lại trang.");
  }
  doc->state = *next;
  if (*next == State::published) {
    index_document(c, *doc);
  } else {
    unindex(c, "document", id);
  }
  audit::record(c, who, action_code(action), "portal_documents", std::to_string(id), std::nullopt,
                json{{"state", state_code(*next)}, {"reason", note}}.dump(), now);
  // What the public sees changes when a document enters or leaves the library.
  if (action != Action::send_back) bump(c);
}

DocumentPage documents(db::Connection& c, const DocumentFilter& f, int offset, int limit) {
  std::string where = " FROM portal_documents WHERE state = 'published'";
  std::vector<db::Param> params;
  if (!f.type_code.empty()) {
    where += " AND type_code = ?";
    params.emplace_back(f.type_code);
  }
  if (f.year != 0) {
    where += " AND issued_on >= ? AND issued_on <= ?";
    params.emplace_back(fmt::format("{:04}-01-01", f.year));
    params.emplace_back(fmt::format("{:04}-12-31", f.year));
  }
  if (!f.issuer.empty()) {
    where += " AND issuer = ?";
    params.emplace_back(f.issuer);
  }
  DocumentPage page;
  page.total = int(c.query("SELECT count(*) AS n" + where, params).one().i64("n"));
  params.emplace_back(limit);
  params.emplace_back(offset);
  page.documents = kDocumentRow.read_all(
      c.query("SELECT " + kDocumentRow.list() + where + " ORDER BY issued_on DESC, id DESC LIMIT ? OFFSET ?", params));
  return page;
}

std::optional<Document> find_document(db::Connection& c, const std::string& slug) {
  auto rows = c.query("SELECT " + kDocumentRow.list() + " FROM portal_documents WHERE slug = ? AND state = 'published'",
                      {slug});
  if (rows.empty()) return std::nullopt;
  return kDocumentRow.read(rows.one());
}

std::optional<Document> find_document(db::Connection& c, std::int64_t id) {
  auto rows =
      c.query("SELECT " + kDocumentRow.list() + " FROM portal_documents WHERE id = ? AND state = 'published'", {id});
  if (rows.empty()) return std::nullopt;
  return kDocumentRow.read(rows.one());
}

std::optional<Document> document_in_any_state(db::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT " + kDocumentRow.list() + " FROM portal_documents WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return kDocumentRow.read(rows.one());
}

std::vector<Document> documents_in(db::Connection& c, State state, int limit) {
  return kDocumentRow.read_all(
      c.query("SELECT " + kDocumentRow.list() + " FROM portal_documents WHERE state = ? ORDER BY posted_at, id LIMIT ?",
              {state_code(state), limit}));
}

std::vector<Document> unit_documents(db::Connection& c, const std::vector<std::string>& units, int limit) {
  if (units.empty()) return {};
  std::string in;
  std::vector<db::Param> params;
  for (const auto& u : units) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(u);
  }
  params.emplace_back(limit);
  return kDocumentRow.read_all(c.query("SELECT " + kDocumentRow.list() + " FROM portal_documents WHERE unit_code IN (" +
                                           in + ") ORDER BY posted_at DESC, id DESC LIMIT ?",
                                       params));
}

std::optional<StoredFile> document_file(db::Connection& c, std::int64_t id, bool any_state) {
  auto rows = c.query(std::string("SELECT file_name, content_type, content FROM portal_documents WHERE id = ? AND ") +
                          (any_state ? "" : "state = 'published' AND ") + "file_name <> ''",
                      {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "stored document is not base64");
  return StoredFile{r.str("file_name"), r.str("content_type"), std::move(*bytes)};
}

std::vector<std::string> document_issuers(db::Connection& c) {
  std::vector<std::string> out;
  for (const auto& r :
       c.query("SELECT DISTINCT issuer FROM portal_documents WHERE state = 'published' AND issuer <> ''").rows) {
    out.push_back(r.str("issuer"));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return text::collate_less(a, b); });
  return out;
}

std::vector<int> document_years(db::Connection& c) {
  std::set<int, std::greater<>> years;
  for (const auto& r : c.query("SELECT DISTINCT substr(issued_on, 1, 4) AS y FROM portal_documents "
                               "WHERE state = 'published' AND issued_on IS NOT NULL")
                           .rows) {
    years.insert(std::stoi(r.str("y")));
  }
  return {years.begin(), years.end()};
}

void withdraw_document(db::Connection& c, std::int64_t id, const std::string& reason, const audit::Entry& who,
                       Instant now) {
  act_on_document(c, id, Action::withdraw, reason, who, now);
}

// ---- Search ----

namespace {

// Terms are a-z 0-9 words (rules.h: search_terms), safe inside quotes: an
// FTS5 phrase list on SQLite, a tsquery on PostgreSQL.
std::string search_words(const std::vector<std::string>& words, const char* join, bool sqlite) {
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : join) + (sqlite ? "\"" + w + "\"" : w);
  return q;
}

struct SearchCandidate {
  std::int64_t key;
  std::string kind;
  std::int64_t ref_id;
  std::string day;
  int tier = 0;  // exact 4, in title 2, in summary 1
};

// The window ranked: the kSearchWindow newest matches (by key, which grows
// with each item and document stored), and one more when there are more,
// read in one pass that stops early.
std::vector<SearchCandidate> search_window(db::Connection& c, const Terms& terms, const SearchFilter& f, Instant now) {
  bool sqlite = c.backend() == db::Backend::sqlite;
  const char* key = sqlite ? "portal_search.rowid" : "key";
  std::string match = sqlite ? "{title summary body number} : (" + search_words(terms.folded, " ", true) + ")"
                             : search_words(terms.folded, " & ", false);
  std::string from = sqlite ? " FROM portal_search JOIN portal_search_meta ON key = portal_search.rowid"
                              " WHERE portal_search MATCH ?"
                            : " FROM portal_search WHERE doc @@ to_tsquery('simple', ?)";
  std::string filters = " AND visible_from <= ?";
  std::vector<db::Param> params = {match, now};
  if (f.category_id != 0) {
    filters += " AND category_id = ?";
    params.emplace_back(f.category_id);
  }
  if (!f.unit_code.empty()) {
    filters += " AND unit_code = ?";
    params.emplace_back(f.unit_code);
  }
  if (f.from) {
    filters += " AND day >= ?";
    params.emplace_back(format_iso_date(*f.from));
  }
  if (f.to) {
    filters += " AND day <= ?";
    params.emplace_back(format_iso_date(*f.to));
  }
  params.emplace_back(kSearchWindow + 1);
  std::vector<SearchCandidate> window;
  for (const auto& r : c.query(std::string("SELECT ") + key + " AS k, kind, ref_id, day" + from + filters +
                                   " ORDER BY " + key + " DESC LIMIT ?",
                               params)
                           .rows) {
    window.push_back({r.i64("k"), r.str("kind"), r.i64("ref_id"), r.str("day")});
  }
  return window;
}

// The ranking, in tiers the reader can follow: every word with the query's
// own diacritics first; then every word in the title (or the document's
// number), then in the summary, then anywhere; newest first within a tier.
// Each tier is one index lookup over the window's keys (newest first).
void rank_window(db::Connection& c, const Terms& terms, std::vector<SearchCandidate>& window) {
  bool sqlite = c.backend() == db::Backend::sqlite;
  std::map<std::int64_t, SearchCandidate*> by_key;
  for (auto& w : window) by_key[w.key] = &w;
  auto tier = [&](int weight, const std::string& sqlite_match, const std::string& pg_query, const char* pg_column) {
    std::string sql =
        sqlite ? "SELECT rowid AS k FROM portal_search WHERE portal_search MATCH ? AND rowid >= ? AND rowid <= ?"
               : std::string("SELECT key AS k FROM portal_search WHERE ") + pg_column +
                     " @@ to_tsquery('simple', ?) AND key >= ? AND key <= ?";
    for (const auto& r : c.query(sql, {sqlite ? sqlite_match : pg_query, window.back().key, window.front().key}).rows) {
      if (auto it = by_key.find(r.i64("k")); it != by_key.end()) it->second->tier += weight;
    }
  };
  auto labelled = [&](const char* label) {
    std::string q;
    for (const auto& w : terms.folded) q += (q.empty() ? "" : " & ") + w + label;
    return q;
  };
  auto words = search_words(terms.folded, " ", true);
  if (!terms.exact.empty()) {
    tier(4, "exact : (" + search_words(terms.exact, " ", true) + ")", search_words(terms.exact, " & ", false), "exact");
  }
  tier(2, "{title number} : (" + words + ")", labelled(":A"), "doc");
  tier(1, "summary : (" + words + ")", labelled(":B"), "doc");
  std::stable_sort(window.begin(), window.end(), [](const SearchCandidate& a, const SearchCandidate& b) {
    if (a.tier != b.tier) return a.tier > b.tier;
    if (a.day != b.day) return a.day > b.day;
    return a.key > b.key;
  });
}

}  // namespace

SearchPage search(db::Connection& c, const Terms& terms, const SearchFilter& f, Instant now, int offset, int limit) {
  SearchPage page;
  if (terms.folded.empty()) return page;
  auto window = search_window(c, terms, f, now);
  page.capped = int(window.size()) > kSearchWindow;
  if (page.capped) window.pop_back();
  page.total = int(window.size());
  if (window.empty()) return page;
  rank_window(c, terms, window);
  for (int i = offset; i < offset + limit && i < int(window.size()); ++i) {
    page.hits.push_back({window[i].kind, window[i].ref_id, window[i].tier >= 4});
  }
  return page;
}

// ---- Views, version ----

void add_views(db::Connection& c,
               const std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t>& views) {
  for (const auto& [key, n] : views) {
    const auto& [kind, id, day] = key;
    c.query(
        "INSERT INTO portal_views (kind, ref_id, day, views) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (kind, ref_id, day) DO UPDATE SET views = portal_views.views + excluded.views",
        {kind, id, day, n});
  }
}

std::int64_t views_of(db::Connection& c, const std::string& kind, std::int64_t ref_id) {
  auto r =
      c.query("SELECT CAST(coalesce(sum(views), 0) AS BIGINT) AS n FROM portal_views WHERE kind = ? AND ref_id = ?",
              {kind, ref_id});
  return r.one().i64("n");
}

// ---- Review ----

Review review(db::Connection& c, Date from, Date to) {
  auto start = start_of_day(from);
  auto end = start_of_day(Date{std::chrono::sys_days{to} + std::chrono::days{1}});
  std::map<std::string, ReviewRow> rows;
  std::map<std::string, std::vector<double>> days;
  for (const auto& r :
       c.query("SELECT i.unit_code, i.first_submitted_at, i.published_at, "
               "(SELECT count(*) FROM portal_events e WHERE e.item_id = i.id AND e.action = 'send_back') "
               "AS returns FROM portal_items i "
               "WHERE i.first_submitted_at >= ? AND i.first_submitted_at < ?",
               {start, end})
           .rows) {
    auto& row = rows[r.str("unit_code")];
    ++row.submitted;
    if (r.i64("returns") > 0) ++row.returned;
    if (auto p = r.opt_i64("published_at")) {
      ++row.published;
      days[r.str("unit_code")].push_back(double(*p - r.i64("first_submitted_at")) / 86400.0);
    }
  }
  // Documents the library took (published, or since withdrawn); not those
  // waiting for the board or sent back.
  for (const auto& r : c.query("SELECT unit_code, count(*) AS n FROM portal_documents WHERE posted_at >= ? AND "
                               "posted_at < ? AND state IN ('published', 'withdrawn') GROUP BY unit_code",
                               {start, end})
                           .rows) {
    rows[r.str("unit_code")].documents = int(r.i64("n"));
  }
  for (const auto& r :
       c.query("SELECT i.unit_code, CAST(sum(v.views) AS BIGINT) AS n FROM portal_views v JOIN portal_items i "
               "ON v.kind = 'item' AND i.id = v.ref_id WHERE v.day >= ? AND v.day <= ? GROUP BY i.unit_code",
               {format_iso_date(from), format_iso_date(to)})
           .rows) {
    rows[r.str("unit_code")].views = r.i64("n");
  }
  // Every unit of the period's tree has a row, those that sent nothing too.
  for (const auto& unit : directory::units_open_in(c, from, to)) rows[unit];
  Review out;
  std::vector<double> all;
  for (auto& [unit, row] : rows) {
    row.unit_code = unit;
    row.median_days = median(days[unit]);
    all.insert(all.end(), days[unit].begin(), days[unit].end());
    out.total.submitted += row.submitted;
    out.total.published += row.published;
    out.total.returned += row.returned;
    out.total.documents += row.documents;
    out.total.views += row.views;
    out.units.push_back(row);
  }
  out.total.median_days = median(all);
  return out;
}

}  // namespace cchc::portal
