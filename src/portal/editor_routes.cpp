// The editorial pages: a unit's items, the board's queue, the item editor
// with its workflow steps, history and revisions, image uploads, the
// categories, the documents library and the review of a period. Handlers
// parse, call the store (whose writes the public can see renew the public
// pages: store.h), and redirect; a refused form is shown again with what
// was typed (http/refusal.h). The table at the end names every route with
// its permission.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "http/middleware.h"
#include "http/refusal.h"
#include "portal/markdown.h"
#include "portal/page_support.h"
#include "portal/review.h"
#include "portal/routes.h"
#include "portal/store.h"
#include "views/decree30.h"
#include "views/docx.h"
#include "views/table.h"

namespace cchc::portal {

using nlohmann::json;

namespace {

std::string csrf(const http::Request& req) { return req.session ? req.session->csrf_token : ""; }

Item need_item(db::Database& db, const http::Request& req) {
  auto id = req.int_param();
  auto item = db.read([&](db::Connection& c) { return find_item(c, id); });
  if (!item) throw not_found("no such item", "Không tìm thấy tin bài.");
  return *item;
}

// The item as the form sent it (checked by the store, not here, so that a
// refused form can be shown again as it was typed).
Item from_form(const http::Request& req) {
  Item i;
  i.title = req.form_param("tieu_de").value_or("");
  i.summary = req.form_param("tom_tat").value_or("");
  i.body = req.form_param("noi_dung").value_or("");
  i.video_url = req.form_param("video").value_or("");
  i.tags = parse_tags(req.form_param("tu_khoa").value_or(""));
  i.featured = req.form_param("noi_bat").has_value();
  i.category_id = chosen_id(req.form_param("chuyen_muc").value_or(""));  // 0: none, which the store refuses
  return i;
}

std::string event_label(const std::string& action) {
  if (action == "create") return "Tạo bản nháp";
  if (action == "submit") return "Gửi duyệt";
  if (action == "send_back") return "Trả lại";
  if (action == "approve") return "Duyệt, đăng";
  if (action == "comment") return "Góp ý";
  if (action == "correct") return "Đính chính";
  if (action == "withdraw") return "Gỡ tin";
  if (action == "republish") return "Đăng lại";
  return action;
}

// How long an item has waited in the queue, as people say it.
std::string waited(Instant since, Instant now) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - since).count();
  if (minutes < 60) return fmt::format("{} phút", std::max<long>(minutes, 0));
  if (minutes < 48 * 60) return fmt::format("{} giờ", minutes / 60);
  return fmt::format("{} ngày", minutes / (24 * 60));
}

json item_row(const Item& i, const Names& names, Instant now) {
  auto unit = names.units.find(i.unit_code);
  auto cat = names.by_id.find(i.category_id);
  bool scheduled = i.state == State::published && i.publish_at && *i.publish_at > now;
  return json{
      {"title", i.title},
      {"href", editor_href(i.id)},
      {"unit", unit == names.units.end() ? i.unit_code : unit->second},
      {"category", cat == names.by_id.end() ? "" : cat->second.name},
      {"state", scheduled ? "Đã duyệt, chờ đăng lúc " + format_datetime_vi(*i.publish_at) : state_label_vi(i.state)},
      {"state_class", state_code(i.state)},
      {"updated", format_datetime_vi(i.updated_at)},
      {"waited", i.submitted_at ? waited(*i.submitted_at, now) : ""}};
}

json category_options(const Names& names, std::int64_t selected) {
  json out = json::array();
  for (const auto& c : names.categories)
    out.push_back({{"id", c.id}, {"name", c.name}, {"selected", c.id == selected}});
  return out;
}

// The item's fields for portal/item_fields.tpl.
json fields(const Item& i, const Names& names, bool board, bool correction) {
  std::string tags;
  for (const auto& t : i.tags) tags += (tags.empty() ? "" : ", ") + t;
  return json{{"_template", "portal/item_fields.tpl"},
              {"title", i.title},
              {"summary", i.summary},
              {"body", i.body},
              {"video", i.video_url},
              {"tags", tags},
              {"categories", category_options(names, i.category_id)},
              {"featured", i.featured},
              {"board", board},
              {"correction", correction}};
}

// ---- The desk: the unit's items; for the board, the queue ------------------

http::Response desk(const Portal& p, http::Request& req) {
  auto now = now_seconds();
  bool board = directory::holds(*req.principal, "portal.review");
  json data = p.db.read([&](db::Connection& c) {
    Names names = names_for(c);
    json mine = json::array(), queue = json::array(), returned = json::array(), recent = json::array();
    for (const auto& i : unit_items(c, {req.principal->unit_code}, 100)) mine.push_back(item_row(i, names, now));
    if (board) {
      for (const auto& i : items_in(c, State::submitted, 200)) queue.push_back(item_row(i, names, now));
      for (const auto& i : items_in(c, State::returned, 50)) returned.push_back(item_row(i, names, now));
      for (const auto& i : items_in(c, State::published, 30)) recent.push_back(item_row(i, names, now));
    }
    return json{{"mine", mine},
                {"has_mine", !mine.empty()},
                {"board", board},
                {"queue", queue},
                {"queue_count", text::format_int(std::int64_t(queue.size()))},
                {"queue_empty", queue.empty()},
                {"returned", returned},
                {"recent", recent},
                {"unit", names.units[req.principal->unit_code]},
                {"saved", req.query_param("da-luu").has_value()}};
  });
  return http::html(req, p.layout.page(req, "Biên tập tin bài", "portal/desk.tpl", std::move(data)));
}

// ---- A new item ----------------------------------------------------------------

// The form, with what was typed and the refusal (`error`, null for none).
http::Response new_item_form(const Portal& p, http::Request& req, const Item& typed, json error) {
  json data = p.db.read([&](db::Connection& c) {
    Names names = names_for(c);
    return json{{"csrf", csrf(req)},
                {"fields", fields(typed, names, false, false)},
                {"unit", names.units[req.principal->unit_code]}};
  });
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, p.layout.page(req, "Viết tin bài mới", "portal/new.tpl", std::move(data)));
}

http::Response new_item(const Portal& p, http::Request& req) { return new_item_form(p, req, Item{}, nullptr); }

http::Response create_new_item(const Portal& p, http::Request& req) {
  auto item = from_form(req);
  item.unit_code = req.principal->unit_code;
  return http::refusing(
      [&] {
        auto id =
            p.db.write([&](db::Connection& c) { return create_item(c, item, directory::actor(req), now_seconds()); });
        return http::redirect(req, editor_href(id) + "?da-luu");
      },
      [&](const http::Refusal& r) { return new_item_form(p, req, item, r.json()); });
}

// ---- Categories (the board) --------------------------------------------------

http::Response categories_page(const Portal& p, http::Request& req) {
  json data = p.db.read([&](db::Connection& c) {
    json list = json::array();
    for (const auto& cat : categories(c, false)) {
      list.push_back({{"id", cat.id},
                      {"slug", cat.slug},
                      {"name", cat.name},
                      {"description", cat.description},
                      {"position", cat.position},
                      {"active", cat.active},
                      {"href", category_href(cat)}});
    }
    return json{{"csrf", csrf(req)}, {"categories", list}, {"saved", req.query_param("da-luu").has_value()}};
  });
  return http::html(req, p.layout.page(req, "Chuyên mục", "portal/categories.tpl", std::move(data)));
}

// A new category (id 0) or a change to one.
http::Response post_category(const Portal& p, http::Request& req) {
  Category cat;
  cat.id = chosen_id(req.form_param("id").value_or("0"));
  cat.name = req.form_param("ten").value_or("");
  cat.slug = req.form_param("duong_dan").value_or("");
  cat.description = req.form_param("mo_ta").value_or("");
  auto pos = text::parse_decimal(req.form_param("thu_tu").value_or("0"));
  cat.position = pos ? int(*pos) : 0;
  cat.active = req.form_param("hien_thi").has_value();
  p.db.write([&](db::Connection& c) { save_category(c, cat, directory::actor(req), now_seconds()); });
  return http::redirect(req, "/bien-tap/chuyen-muc?da-luu");
}

// ---- The documents library: who posts what, the board's queue ----------------

// The document as the form sent it, and the day as typed (checked by
// issuer_refusal and the store, not here, so that a refused form is shown
// again as it was typed).
struct TypedDocument {
  Document doc;
  std::string day;
};

TypedDocument document_from_form(const http::Request& req) {
  TypedDocument t;
  t.doc.number_symbol = req.form_param("so_ky_hieu").value_or("");
  t.doc.type_code = req.form_param("loai").value_or("");
  t.doc.issuer = req.form_param("co_quan").value_or("");
  t.doc.subject = req.form_param("trich_yeu").value_or("");
  t.doc.unit_code = req.principal->unit_code;
  t.day = std::string(text::trim(req.form_param("ngay_ban_hanh").value_or("")));
  return t;
}

// A date field as typed: none when blank, a refusal at `field` when it is
// not a date (parse_date_input).
std::optional<Date> date_at(const std::string& typed, const char* field) {
  if (typed.empty()) return std::nullopt;
  try {
    return parse_date_input(typed);
  } catch (Error& e) {
    e.at(field);
    throw;
  }
}

json library_row(const Document& d, const std::map<std::string, std::string>& units, bool board) {
  auto row = document_card(d);
  auto unit = units.find(d.unit_code);
  row["id"] = d.id;
  row["unit"] = unit == units.end() ? d.unit_code : unit->second;
  row["posted"] = format_datetime_vi(d.posted_at);
  row["state"] = state_label_vi(d.state);
  row["state_class"] = state_code(d.state);
  row["note"] = d.review_note;
  row["has_note"] = !d.review_note.empty();
  row["editor_file_href"] = "/bien-tap/van-ban/" + std::to_string(d.id) + "/tep";
  row["board"] = board;
  return row;
}

// The issuing bodies a unit's poster may choose from (none for the board,
// which posts any).
json issuer_choices(const Portal& p, const http::Request& req, bool board) {
  json issuers = json::array();
  if (board) return issuers;
  std::set<std::string> seen;
  auto scope = issuing_scope(p.db, req.principal->unit_code);
  for (const auto& u : scope.units) {
    if (auto label = issuer_label(u); seen.insert(label).second) issuers.push_back(json{{"name", label}});
  }
  return issuers;
}

// The documents page: the form (what was typed, and a refusal at its field
// or above the form), the board's queue, the unit's own documents with
// their states, the library with the board's withdrawal.
http::Response library_desk_page(const Portal& p, http::Request& req, const TypedDocument& typed,
                                 const http::Refusal* refused) {
  bool board = directory::holds(*req.principal, "portal.review");
  json issuers = issuer_choices(p, req, board);
  json data = p.db.read([&](db::Connection& c) {
    auto units = directory::unit_names(c);
    json types = json::array(), queue = json::array(), mine = json::array(), library = json::array();
    for (const auto& [code, name] : document_types()) {
      types.push_back({{"code", code}, {"name", name}, {"selected", code == typed.doc.type_code}});
    }
    if (board) {
      for (const auto& d : documents_in(c, State::submitted, 200)) queue.push_back(library_row(d, units, board));
    }
    for (const auto& d : unit_documents(c, {req.principal->unit_code}, 50)) {
      if (d.state != State::published) mine.push_back(library_row(d, units, board));
    }
    for (const auto& d : documents(c, {}, 0, 50).documents) library.push_back(library_row(d, units, board));
    return json{{"csrf", csrf(req)},
                {"types", types},
                {"number", typed.doc.number_symbol},
                {"day", typed.day},
                {"issuer", typed.doc.issuer},
                {"subject", typed.doc.subject},
                {"board", board},
                {"unit_poster", !board},
                {"issuers", issuers},
                {"has_issuers", !issuers.empty()},
                {"queue", queue},
                {"queue_count", text::format_int(std::int64_t(queue.size()))},
                {"queue_empty", queue.empty()},
                {"mine", mine},
                {"has_mine", !mine.empty()},
                {"library", library},
                {"saved", req.query_param("da-luu").has_value()},
                {"sent", req.query_param("da-gui").has_value()}};
  });
  if (refused) {
    // The form shows a refusal at the day and the issuer; any other above it.
    bool at_field = refused->field == "ngay_ban_hanh" || refused->field == "co_quan";
    data[at_field ? "error_" + refused->field : "error"] = refused->json();
  }
  return http::html(req, p.layout.page(req, "Đăng văn bản", "portal/documents_desk.tpl", std::move(data)));
}

http::Response library_desk(const Portal& p, http::Request& req) {
  return library_desk_page(p, req, TypedDocument{}, nullptr);
}

// Posting a document: by the board, published at once; by a unit, into the
// board's queue, and only a document its unit (or one below it) issued.
http::Response post_library_document(const Portal& p, http::Request& req) {
  auto typed = document_from_form(req);
  bool board = directory::holds(*req.principal, "portal.review");
  auto post = [&] {
    auto doc = typed.doc;
    doc.issued_on = date_at(typed.day, "ngay_ban_hanh");
    if (auto refused = issuer_refusal(p.db, req.principal->unit_code, board, doc.issuer)) {
      throw invalid_input("the issuer is not the poster's unit or a unit below it", *refused).at("co_quan");
    }
    std::optional<std::pair<std::string, std::string>> file;
    const auto& files = req.files();
    if (auto f = files.find("tep"); f != files.end() && !f->second.content.empty()) {
      file = std::pair{f->second.filename, f->second.content};
    }
    p.db.write([&](db::Connection& c) {
      add_document(c, doc, file, board ? Actor::board : Actor::author, directory::actor(req), now_seconds());
    });
    return http::redirect(req, board ? "/bien-tap/van-ban?da-luu" : "/bien-tap/van-ban?da-gui");
  };
  return http::refusing(post, [&](const http::Refusal& r) { return library_desk_page(p, req, typed, &r); });
}

// A document's file before publication: for the board and its unit's editors.
http::Response library_document_file(const Portal& p, http::Request& req) {
  auto id = req.int_param();
  auto shown = p.db.read([&](db::Connection& c) -> std::optional<StoredFile> {
    auto d = document_in_any_state(c, id);
    if (!d) throw not_found("no such document", "Không tìm thấy văn bản.");
    bool board = directory::holds(*req.principal, "portal.review");
    if (!board && !directory::unit_within(c, d->unit_code, req.principal->unit_code)) {
      throw forbidden("not an editor of this document's unit", "Bạn không có quyền xem văn bản này.");
    }
    return document_file(c, id, true);
  });
  if (!shown) throw not_found("no file for this document", "Văn bản này chưa có tệp đính kèm.");
  return http::attachment(req, shown->content_type, std::move(shown->bytes), shown->name);
}

// The board's step on a document; a document sent back reaches its unit.
http::Response library_document_step(const Portal& p, http::Request& req, Action action) {
  auto id = req.int_param();
  auto reason = req.form_param("ly_do").value_or("");
  auto now = now_seconds();
  // The step and, for a document sent back, its notice: together or neither.
  p.db.write([&](db::Connection& c) {
    act_on_document(c, id, action, reason, directory::actor(req), now);
    if (action != Action::send_back || !p.sources.notify) return;
    auto d = document_in_any_state(c, id);
    if (!d) return;
    auto name = d->number_symbol.empty() ? d->subject : d->number_symbol;
    p.sources.notify(c, d->unit_code, "portal_returned",
                     fmt::format("portal-document-returned:{}:{}", id, now.time_since_epoch().count()),
                     "Văn bản \"" + text::cut_utf8(name, 150) +
                         "\" bị Ban biên tập trả lại: " + text::cut_utf8(text::trim(reason), 300),
                     "/bien-tap/van-ban", now);
  });
  return http::redirect(req, "/bien-tap/van-ban?da-luu");
}

http::Response approve_library_document(const Portal& p, http::Request& req) {
  return library_document_step(p, req, Action::approve);
}
http::Response return_library_document(const Portal& p, http::Request& req) {
  return library_document_step(p, req, Action::send_back);
}
http::Response withdraw_library_document(const Portal& p, http::Request& req) {
  return library_document_step(p, req, Action::withdraw);
}

// ---- The portal review (sơ kết) of a period: the page, the workbook, the draft report.

struct ReviewOf {
  ReviewPeriod dates;
  std::string from_text, to_text, label;
  std::string request;  // the review request whose accounts the draft takes ("yeu-cau"); "" for none
};

ReviewOf review_of(const http::Request& req) {
  ReviewOf r{review_period(req.query_param("tu-ngay").value_or(""), req.query_param("den-ngay").value_or(""),
                           local_date(now_seconds())),
             {},
             {},
             {}};
  r.from_text = format_date_vi(r.dates.from);
  r.to_text = format_date_vi(r.dates.to);
  r.label = "từ ngày " + r.from_text + " đến ngày " + r.to_text;
  r.request = req.query_param("yeu-cau").value_or("");
  return r;
}

std::string review_query(const ReviewOf& r) {
  auto q = "tu-ngay=" + http::url_encode(r.from_text) + "&den-ngay=" + http::url_encode(r.to_text);
  if (!r.request.empty()) q += "&yeu-cau=" + http::url_encode(r.request);
  return q;
}

// The review requests to pick from, the chosen one selected; with none
// chosen, the newest (its id written back into `r`).
json request_options(const Portal& p, db::Connection& c, ReviewOf& r) {
  json out = json::array();
  if (!p.sources.review_requests) return out;
  auto requests = p.sources.review_requests(c);
  if (r.request.empty() && !requests.empty()) r.request = std::to_string(requests.front().first);
  for (const auto& [id, title] : requests) {
    out.push_back({{"id", std::to_string(id)}, {"title", title}, {"selected", std::to_string(id) == r.request}});
  }
  return out;
}

// The accounts of the chosen request; none for "0" (no request) or an
// unknown id. Answers not yet accepted only for `pending` (the province's
// coordinator, who reviews them).
ReviewAccounts accounts_of(const Portal& p, db::Connection& c, const ReviewOf& r, bool pending) {
  auto id = parse_int<std::int64_t>(r.request);
  if (!id || *id <= 0 || !p.sources.review_accounts) return {};
  return p.sources.review_accounts(c, *id, pending);
}

std::string review_file_dates(const ReviewOf& r) {
  return format_iso_date(r.dates.from) + "-" + format_iso_date(r.dates.to);
}

// The review covers the whole province's portal: for those who read it
// province-wide (the board, leaders watching) and the province's
// coordinator, not a department's.
void require_whole_review(const Portal& p, const http::Request& req) {
  if (directory::reach(*req.principal, "portal.report").everywhere) return;
  directory::require_province(p.db, req, "portal.report");
}

http::Response review_page(const Portal& p, http::Request& req) {
  require_whole_review(p, req);
  auto r = review_of(req);
  json data = p.db.read([&](db::Connection& c) {
    auto requests = request_options(p, c, r);
    auto table = review_table(review(c, r.dates.from, r.dates.to), directory::unit_names(c), r.label);
    return json{{"from", r.from_text},
                {"to", r.to_text},
                {"requests", requests},
                {"any_request", !requests.empty()},
                {"table", views::to_view(table)},
                {"xlsx", "/bien-tap/so-ket/bang.xlsx?" + review_query(r)},
                {"docx", "/bien-tap/so-ket/bao-cao.docx?" + review_query(r)}};
  });
  return http::html(
      req, p.layout.page(req, "Sơ kết Trang thông tin cải cách hành chính", "portal/review.tpl", std::move(data)));
}

http::Response review_workbook(const Portal& p, http::Request& req) {
  require_whole_review(p, req);
  auto r = review_of(req);
  auto bytes = p.db.read([&](db::Connection& c) {
    return views::to_xlsx({review_table(review(c, r.dates.from, r.dates.to), directory::unit_names(c), r.label)});
  });
  return http::attachment(req, http::kXlsxType, std::move(bytes),
                          "so-ket-cong-thong-tin-" + review_file_dates(r) + ".xlsx");
}

http::Response review_draft(const Portal& p, http::Request& req) {
  require_whole_review(p, req);
  auto r = review_of(req);
  bool pending = directory::may_act_on_province(p.db, *req.principal, "plans.review");
  auto bytes = p.db.read([&](db::Connection& c) {
    auto names = directory::unit_names(c);
    auto issuer = directory::issuer(c, req.principal->unit_code, "BC");
    request_options(p, c, r);  // none chosen: the newest request, as the page offers it
    return review_docx(review(c, r.dates.from, r.dates.to), names, r.label, issuer, accounts_of(p, c, r, pending));
  });
  return http::attachment(req, http::kDocxType, std::move(bytes),
                          "bao-cao-so-ket-cong-thong-tin-" + review_file_dates(r) + ".docx");
}

// ---- The item editor: what the user may do with the item in its state ----------

// The item's history, for the editor.
json history_of(db::Connection& c, std::int64_t item_id) {
  json history = json::array();
  for (const auto& e : events(c, item_id)) {
    history.push_back({{"action", event_label(e.action)},
                       {"actor", e.actor},
                       {"at", format_datetime_vi(e.at)},
                       {"note", e.note},
                       {"has_note", !e.note.empty()}});
  }
  return history;
}

// The item's images, with the markdown that shows each.
json images_of(db::Connection& c, std::int64_t item_id) {
  json images = json::array();
  for (const auto& [id, name] : item_images(c, item_id)) {
    images.push_back({{"href", "/cong-thong-tin/anh/" + id},
                      {"name", name},
                      {"markdown", "![" + name + "](/cong-thong-tin/anh/" + id + ")"}});
  }
  return images;
}

// The editor: the item, its fields as `typed` (or as stored) and the
// refusal (`error`, null for none).
http::Response item_editor(const Portal& p, http::Request& req, const Item& item, const std::optional<Item>& typed,
                           json error) {
  auto now = now_seconds();
  if (!may_see_unpublished(p.db, req, item)) {
    throw forbidden("not an editor of this item", "Bạn không có quyền xem tin bài này.");
  }
  bool author = is_author(p.db, req, item);
  bool board = directory::holds(*req.principal, "portal.review");
  auto can = [&](Action a) {
    return (author && transition(item.state, a, Actor::author)) ||
           (board && item.state != State::draft && transition(item.state, a, Actor::board));
  };
  bool as_board = can(Action::edit) && !(author && transition(item.state, Action::edit, Actor::author));
  json data = p.db.read([&](db::Connection& c) {
    Names names = names_for(c);
    json history = history_of(c, item.id);
    json images = images_of(c, item.id);
    auto row = item_row(item, names, now);
    row.update({{"csrf", csrf(req)},
                {"action", editor_href(item.id)},
                {"summary", item.summary},
                {"preview", render_markdown(item.body)},
                {"fields", fields(typed.value_or(item), names, as_board, item.state == State::published)},
                {"editable", can(Action::edit)},
                {"can_submit", can(Action::submit)},
                {"can_send_back", can(Action::send_back)},
                {"can_approve", can(Action::approve)},
                {"can_withdraw", can(Action::withdraw)},
                {"can_republish", can(Action::republish)},
                {"can_comment", can(Action::comment)},
                {"public", is_public(item, now)},
                {"public_href", item_href(item)},
                {"revision", item.revision},
                {"has_revisions", item.revision > 1},
                {"withdrawn_reason", item.withdrawn_reason},
                {"withdrawn", item.state == State::withdrawn},
                {"history", history},
                {"images", images},
                {"has_images", !images.empty()},
                {"saved", req.query_param("da-luu").has_value()}});
    return row;
  });
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, p.layout.page(req, item.title, "portal/item.tpl", std::move(data)));
}

http::Response edit_item(const Portal& p, http::Request& req) {
  return item_editor(p, req, need_item(p.db, req), std::nullopt, nullptr);
}

http::Response save_item(const Portal& p, http::Request& req) {
  auto item = need_item(p.db, req);
  auto actor = actor_for(p.db, req, item, Action::edit);
  auto typed = from_form(req);
  return http::refusing(
      [&] {
        p.db.write([&](db::Connection& c) {
          update_item(c, item.id, typed, actor, req.form_param("ghi_chu").value_or(""), directory::actor(req),
                      now_seconds());
        });
        return http::redirect(req, editor_href(item.id) + "?da-luu");
      },
      [&](const http::Refusal& r) { return item_editor(p, req, item, typed, r.json()); });
}

// ---- Workflow steps: one route each, the same shape.

http::Response item_step(const Portal& p, http::Request& req, Action action) {
  auto item = need_item(p.db, req);
  auto actor = actor_for(p.db, req, item, action);
  auto when = action == Action::approve
                  ? publish_time(req.form_param("ngay_dang").value_or(""), req.form_param("gio_dang").value_or(""))
                  : std::nullopt;
  auto now = now_seconds();
  auto reason = req.form_param("ly_do").value_or("");
  // The step and, sent back, its notice to the unit's people (the editors
  // too, on the desk): together or neither.
  p.db.write([&](db::Connection& c) {
    act(c, item.id, action, actor, reason, when, directory::actor(req), now);
    if (action != Action::send_back || !p.sources.notify) return;
    p.sources.notify(
        c, item.unit_code, "portal_returned",
        fmt::format("portal-returned:{}:{}", item.id, now.time_since_epoch().count()),
        "Tin bài \"" + text::cut_utf8(item.title, 150) + "\" bị Ban biên tập trả lại: " + text::cut_utf8(reason, 300),
        editor_href(item.id), now);
  });
  return http::redirect(req, editor_href(item.id) + "?da-luu");
}

http::Response submit_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::submit); }
http::Response send_back_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::send_back); }
http::Response approve_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::approve); }
http::Response withdraw_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::withdraw); }
http::Response republish_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::republish); }
http::Response comment_on_item(const Portal& p, http::Request& req) { return item_step(p, req, Action::comment); }

// ---- Images and revisions ---------------------------------------------------------

http::Response upload_item_image(const Portal& p, http::Request& req) {
  auto item = need_item(p.db, req);
  auto actor = actor_for(p.db, req, item, Action::edit);
  auto files = req.files();
  auto f = files.find("anh");
  if (f == files.end() || f->second.content.empty())
    throw invalid_input("choose an image", "Vui lòng chọn ảnh để tải lên.");
  p.db.write([&](db::Connection& c) {
    add_image(c, item.id, actor, f->second.filename, f->second.content, directory::actor(req), now_seconds());
  });
  return http::redirect(req, editor_href(item.id) + "?da-luu#anh");
}

// The revisions with their differences, the latest first.
http::Response revisions_page(const Portal& p, http::Request& req) {
  auto item = need_item(p.db, req);
  if (!may_see_unpublished(p.db, req, item))
    throw forbidden("not an editor of this item", "Bạn không có quyền xem tin bài này.");
  json data = p.db.read([&](db::Connection& c) {
    auto revs = revisions(c, item.id);
    json list = json::array();
    for (std::size_t k = revs.size(); k-- > 0;) {
      const auto& r = revs[k];
      const Revision* before = k > 0 ? &revs[k - 1] : nullptr;
      list.push_back({{"revision", r.revision},
                      {"by", r.edited_by},
                      {"at", format_datetime_vi(r.edited_at)},
                      {"note", r.note},
                      {"has_note", !r.note.empty()},
                      {"title", diff_html(before ? before->title : "", r.title)},
                      {"summary", diff_html(before ? before->summary : "", r.summary)},
                      {"body", diff_html(before ? before->body : "", r.body)}});
    }
    return json{{"title", item.title}, {"href", editor_href(item.id)}, {"revisions", list}};
  });
  return http::html(req,
                    p.layout.page(req, "Lịch sử chỉnh sửa: " + item.title, "portal/revisions.tpl", std::move(data)));
}

}  // namespace

void add_editor_routes(http::Router& router, const Portal& p) {
  p.layout.add_nav({"Biên tập tin bài", "/bien-tap", "portal.write"});
  p.layout.add_nav({"Sơ kết cổng thông tin", "/bien-tap/so-ket", "portal.report"});
  const auto item_body = http::document_body(2 * http::kMiB);
  // In this order: /bien-tap/moi before /bien-tap/{id}.
  const http::RouteTo<const Portal> routes[] = {
      {http::Verb::get, "/bien-tap", "portal.write", desk},
      {http::Verb::get, "/bien-tap/moi", "portal.write", new_item},
      {http::Verb::post, "/bien-tap/moi", "portal.write", create_new_item, item_body},
      {http::Verb::get, "/bien-tap/chuyen-muc", "portal.review", categories_page},
      {http::Verb::post, "/bien-tap/chuyen-muc", "portal.review", post_category},
      {http::Verb::get, "/bien-tap/van-ban", "portal.write", library_desk},
      {http::Verb::post, "/bien-tap/van-ban", "portal.write", post_library_document, http::upload(1)},
      {http::Verb::get, "/bien-tap/van-ban/{id}/tep", "portal.write", library_document_file},
      {http::Verb::post, "/bien-tap/van-ban/{id}/duyet", "portal.review", approve_library_document},
      {http::Verb::post, "/bien-tap/van-ban/{id}/tra-lai", "portal.review", return_library_document},
      {http::Verb::post, "/bien-tap/van-ban/{id}/go", "portal.review", withdraw_library_document},
      {http::Verb::get, "/bien-tap/so-ket", "portal.report", review_page},
      {http::Verb::get, "/bien-tap/so-ket/bang.xlsx", "portal.report", review_workbook},
      {http::Verb::get, "/bien-tap/so-ket/bao-cao.docx", "portal.report", review_draft},
      {http::Verb::get, "/bien-tap/{id}", "portal.write", edit_item},
      {http::Verb::post, "/bien-tap/{id}", "portal.write", save_item, item_body},
      {http::Verb::post, "/bien-tap/{id}/gui", "portal.write", submit_item},
      {http::Verb::post, "/bien-tap/{id}/tra-lai", "portal.write", send_back_item},
      {http::Verb::post, "/bien-tap/{id}/duyet", "portal.write", approve_item},
      {http::Verb::post, "/bien-tap/{id}/go", "portal.write", withdraw_item},
      {http::Verb::post, "/bien-tap/{id}/dang-lai", "portal.write", republish_item},
      {http::Verb::post, "/bien-tap/{id}/gop-y", "portal.write", comment_on_item},
      {http::Verb::post, "/bien-tap/{id}/anh", "portal.write", upload_item_image, http::upload(1)},
      {http::Verb::get, "/bien-tap/{id}/phien-ban", "portal.write", revisions_page},
  };
  http::add_routes(router, p, routes);
}

}  // namespace cchc::portal
