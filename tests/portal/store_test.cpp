// The portal's storage on both backends: the workflow from draft to
// publication with refusals that change nothing, scheduled publication,
// corrections with revisions, withdrawal; a unit's document through the
// board's queue; search with and without diacritics, of the text a reader
// sees, its ranking and filters; the review figures on a fixed dataset;
// images checked by content.
#include "portal/store.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "db/migrate.h"
#include "db/stamps.h"
#include "directory/store.h"
#include "support/sample_files.h"
#include "support/test_db.h"

namespace cchc::portal {
namespace {

using namespace std::chrono;

class PortalStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, PortalStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kEditor{"ctv.x1", "test", "", "", "", {}, {}};
const audit::Entry kBoard{"bbt", "test", "", "", "", {}, {}};

const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "SNV,Sở Nội vụ,department,P,2004-01-01,,\n"
    "X1,UBND xã Một,commune,P,2004-01-01,,\n";

Instant at(const char* rfc3339) { return parse_rfc3339(rfc3339); }

using ViewCounts = std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t>;

// A store write in a transaction of its own, as a page makes it:
// write(db, act, id, Action::submit, …).
template <class R, class... Params, class... Args>
R write(db::Database& db, R (*f)(db::Connection&, Params...), Args&&... args) {
  return db.write([&](db::Connection& c) { return f(c, std::forward<Args>(args)...); });
}

void setup(db::Database& db) {
  db::migrate(db);
  ASSERT_TRUE(directory::import_units(db, kUnits, kEditor, Instant{}).ok());
}

std::int64_t category(db::Database& db, const char* slug) {
  return db.read([&](db::Connection& c) { return find_category(c, std::string(slug))->id; });
}

Item draft(db::Database& db, const char* title, const char* body, const char* unit = "X1",
           const char* cat = "thu-tuc-hanh-chinh-mot-cua") {
  Item i;
  i.title = title;
  i.summary = "Tóm tắt: " + std::string(title);
  i.body = body;
  i.unit_code = unit;
  i.category_id = category(db, cat);
  return i;
}

// Creates, submits and approves an item at `when`.
std::int64_t publish(db::Database& db, Item item, Instant when) {
  auto id = write(db, create_item, item, kEditor, when - hours{2});
  write(db, act, id, Action::submit, Actor::author, "", std::nullopt, kEditor, when - hours{1});
  write(db, act, id, Action::approve, Actor::board, "", std::nullopt, kBoard, when);
  return id;
}

std::vector<std::int64_t> found(db::Database& db, const char* query, Instant now, const SearchFilter& f = {}) {
  auto page = db.read([&](db::Connection& c) { return search(c, search_terms(query), f, now, 0, 50); });
  std::vector<std::int64_t> ids;
  for (const auto& h : page.hits) ids.push_back(h.kind == "document" ? -h.ref_id : h.ref_id);
  EXPECT_EQ(page.total, int(ids.size())) << query;
  return ids;
}

TEST_P(PortalStore, FromDraftThroughReturnToPublicationAndWithdrawal) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-03-02T09:00:00+07:00");
  auto id =
      write(db, create_item, draft(db, "Xã Một ra mắt bộ phận một cửa hiện đại", "Người dân được phục vụ tận tình."),
            kEditor, now);
  auto item = [&] { return *db.read([&](db::Connection& c) { return find_item(c, id); }); };
  EXPECT_EQ(item().state, State::draft);
  EXPECT_EQ(item().slug, "xa-mot-ra-mat-bo-phan-mot-cua-hien-dai");
  auto v0 = db.read([](db::Connection& c) { return db::stamp(c, "portal"); });

  // Refusals change nothing: the board cannot approve a draft, the author
  // cannot approve at all, a return needs its reason.
  EXPECT_THROW(write(db, act, id, Action::approve, Actor::board, "", std::nullopt, kBoard, now), Error);
  write(db, act, id, Action::submit, Actor::author, "", std::nullopt, kEditor, now + minutes{5});
  EXPECT_THROW(write(db, act, id, Action::approve, Actor::author, "", std::nullopt, kEditor, now), Error);
  EXPECT_THROW(write(db, act, id, Action::send_back, Actor::board, "  ", std::nullopt, kBoard, now), Error);
  // Submitted: locked for the unit.
  EXPECT_THROW(write(db, update_item, id, item(), Actor::author, "", kEditor, now), Error);
  EXPECT_EQ(item().state, State::submitted);
  EXPECT_EQ(db.read([&](db::Connection& c) { return events(c, id).size(); }), 2u);  // create, submit

  // Returned with a reason; the unit fixes the text and submits again.
  write(db, act, id, Action::send_back, Actor::board, "Bổ sung số liệu hồ sơ", std::nullopt, kBoard, now + hours{1});
  EXPECT_EQ(item().state, State::returned);
  auto fixed = item();
  fixed.body = "Người dân được phục vụ tận tình; 1.250 hồ sơ đã được tiếp nhận.";
  write(db, update_item, id, fixed, Actor::author, "", kEditor, now + hours{2});
  EXPECT_EQ(item().revision, 2);
  write(db, act, id, Action::submit, Actor::author, "", std::nullopt, kEditor, now + hours{2});
  EXPECT_EQ(*item().first_submitted_at, now + minutes{5});  // the first submission is kept
  EXPECT_EQ(*item().submitted_at, now + hours{2});
  // Nobody outside sees it, and search does not find it, until approved.
  EXPECT_TRUE(found(db, "bo phan mot cua", now + hours{3}).empty());
  write(db, act, id, Action::approve, Actor::board, "", std::nullopt, kBoard, now + hours{3});
  EXPECT_TRUE(is_public(item(), now + hours{3}));
  EXPECT_NE(db.read([](db::Connection& c) { return db::stamp(c, "portal"); }), v0);
  EXPECT_EQ(found(db, "bo phan mot cua", now + hours{3}), std::vector<std::int64_t>{id});

  // A correction of what is published needs a note and makes a revision.
  auto corrected = item();
  corrected.title = "Xã Một ra mắt Bộ phận Một cửa hiện đại";
  EXPECT_THROW(write(db, update_item, id, corrected, Actor::board, "", kBoard, now + hours{4}), Error);
  write(db, update_item, id, corrected, Actor::board, "Viết hoa tên bộ phận", kBoard, now + hours{4});
  auto revs = db.read([&](db::Connection& c) { return revisions(c, id); });
  ASSERT_EQ(revs.size(), 3u);
  EXPECT_EQ(revs.back().note, "Viết hoa tên bộ phận");
  EXPECT_EQ(revs.back().title, corrected.title);
  EXPECT_EQ(item().slug, "xa-mot-ra-mat-bo-phan-mot-cua-hien-dai");  // links keep working

  // Withdrawn: gone from the public and from search; put back, found again.
  EXPECT_THROW(write(db, act, id, Action::withdraw, Actor::board, "", std::nullopt, kBoard, now + hours{5}), Error);
  write(db, act, id, Action::withdraw, Actor::board, "Thông tin chưa chính xác", std::nullopt, kBoard, now + hours{5});
  EXPECT_FALSE(is_public(item(), now + hours{5}));
  EXPECT_TRUE(found(db, "bo phan mot cua", now + hours{5}).empty());
  EXPECT_EQ(db.read([&](db::Connection& c) { return published(c, 0, now + hours{5}, 0, 10).total; }), 0);
  write(db, act, id, Action::republish, Actor::board, "", std::nullopt, kBoard, now + hours{6});
  EXPECT_EQ(found(db, "bo phan mot cua", now + hours{6}), std::vector<std::int64_t>{id});

  // The history, in order, with the reasons.
  std::vector<std::string> actions;
  for (const auto& e : db.read([&](db::Connection& c) { return events(c, id); })) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "send_back", "submit", "approve", "correct",
                                               "withdraw", "republish"}));
}

TEST_P(PortalStore, StepsInOneTransactionAreWrittenTogetherOrNotAtAll) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-03-02T09:00:00+07:00");
  auto item = draft(db, "Tin viết và gửi trong một lần", "Nội dung");
  auto v0 = db.read([](db::Connection& c) { return db::stamp(c, "portal"); });
  // Created and submitted, then a refused approval: the whole transaction
  // rolls back, the item with it.
  EXPECT_THROW(db.write([&](db::Connection& c) {
    auto made = create_item(c, item, kEditor, now);
    act(c, made, Action::submit, Actor::author, "", std::nullopt, kEditor, now);
    act(c, made, Action::approve, Actor::author, "", std::nullopt, kEditor, now);
  }),
               Error);
  EXPECT_TRUE(db.read([&](db::Connection& c) { return unit_items(c, {"X1"}, 10); }).empty());
  // Created, submitted and approved together: public at once.
  auto id = db.write([&](db::Connection& c) {
    auto made = create_item(c, item, kEditor, now);
    act(c, made, Action::submit, Actor::author, "", std::nullopt, kEditor, now);
    act(c, made, Action::approve, Actor::board, "", std::nullopt, kBoard, now);
    return made;
  });
  EXPECT_EQ(found(db, "tin viet va gui", now), std::vector<std::int64_t>{id});
  EXPECT_NE(db.read([](db::Connection& c) { return db::stamp(c, "portal"); }), v0);
}

TEST_P(PortalStore, AScheduledItemAppearsAtItsTime) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-04-01T08:00:00+07:00");
  auto later = at("2026-04-03T07:30:00+07:00");
  auto id = write(db, create_item, draft(db, "Lịch tiếp công dân tháng 4", "Nội dung"), kEditor, now);
  write(db, act, id, Action::submit, Actor::author, "", std::nullopt, kEditor, now);
  write(db, act, id, Action::approve, Actor::board, "", later, kBoard, now + minutes{1});
  db.read([&](db::Connection& c) {
    EXPECT_EQ(published(c, 0, now + hours{1}, 0, 10).total, 0);
    EXPECT_EQ(next_scheduled(c, now + hours{1}), later);
    EXPECT_EQ(published(c, 0, later, 0, 10).total, 1);
    EXPECT_FALSE(next_scheduled(c, later));
  });
  EXPECT_TRUE(found(db, "lich tiep cong dan", later - seconds{1}).empty());
  EXPECT_EQ(found(db, "lich tiep cong dan", later).size(), 1u);
  // A time already passed publishes now.
  auto id2 = write(db, create_item, draft(db, "Thông báo nghỉ lễ", "Nội dung"), kEditor, now);
  write(db, act, id2, Action::submit, Actor::author, "", std::nullopt, kEditor, now);
  write(db, act, id2, Action::approve, Actor::board, "", now - hours{24}, kBoard, now + minutes{2});
  EXPECT_EQ(db.read([&](db::Connection& c) { return *find_item(c, id2)->publish_at; }), now + minutes{2});
}

TEST_P(PortalStore, SearchWithOrWithoutDiacriticsExactMatchesFirst) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto day = at("2026-05-04T09:00:00+07:00");
  // An OCR-like item without marks, published later (newer), and one with them.
  auto plain = publish(db, draft(db, "Ket qua cai cach hanh chinh quy I", "Noi dung khong dau."), day + days{2});
  auto marked = publish(db, draft(db, "Kết quả cải cách hành chính quý I", "Nội dung có dấu."), day);
  auto daklak = publish(
      db, draft(db, "Học tập kinh nghiệm của tỉnh Đắk Lắk", "Chuyển đổi số.", "SNV", "chinh-quyen-so"), day + days{10});
  auto don = publish(db, draft(db, "Đơn giản hóa thủ tục đăng ký kinh doanh", "Rút ngắn thời gian."), day + days{20});
  Document d;
  d.number_symbol = "77/KH-UBND";
  d.type_code = "KH";
  d.issued_on = parse_iso_date("2026-01-11");
  d.issuer = "UBND tỉnh Đồng Nai";
  d.subject = "Kế hoạch cải cách hành chính năm 2026";
  d.unit_code = "SNV";
  auto doc = write(db, add_document, d, std::nullopt, Actor::board, kBoard, day);
  auto now = day + days{30};
  // The body is searched as a reader sees it: a link's target is not its text.
  auto link = publish(
      db, draft(db, "Hướng dẫn nộp hồ sơ trực tuyến", "Xem [trang hướng dẫn](https://linkonlycchc.gov.vn) **này**."),
      day + days{25});
  EXPECT_EQ(found(db, "trang huong dan nay", now), std::vector<std::int64_t>{link});
  EXPECT_TRUE(found(db, "linkonlycchc", now).empty());

  // With marks: what is written with them (the item, the plan) before the
  // OCR-like item; without: all three alike.
  auto with = found(db, "cải cách hành chính", now);
  ASSERT_EQ(with.size(), 3u);
  EXPECT_EQ(std::set<std::int64_t>(with.begin(), with.begin() + 2), (std::set<std::int64_t>{marked, -doc}));
  EXPECT_EQ(with[2], plain);
  auto hits =
      db.read([&](db::Connection& c) { return search(c, search_terms("cải cách hành chính"), {}, now, 0, 5); }).hits;
  EXPECT_TRUE(hits[0].exact);
  EXPECT_FALSE(hits[2].exact);
  auto without = found(db, "cai cach hanh chinh", now);
  ASSERT_EQ(without.size(), 3u);
  EXPECT_EQ(std::set<std::int64_t>(without.begin(), without.end()), (std::set<std::int64_t>{plain, marked, -doc}));
  EXPECT_EQ(found(db, "Cai Cach Hanh Chinh Quy I", now).size(), 2u);  // mixed case; the plan has no "quý"
  EXPECT_EQ(found(db, "dak lak", now), std::vector<std::int64_t>{daklak});
  EXPECT_EQ(found(db, "ĐẮK LẮK", now), std::vector<std::int64_t>{daklak});
  EXPECT_EQ(found(db, "don gian hoa", now), std::vector<std::int64_t>{don});  // d finds đ
  EXPECT_EQ(found(db, "77/KH-UBND", now), std::vector<std::int64_t>{-doc});   // by number and symbol
  EXPECT_TRUE(found(db, "khong co tu nay", now).empty());
  EXPECT_TRUE(found(db, "", now).empty());

  // Filters: category, unit, days.
  SearchFilter by_cat;
  by_cat.category_id = category(db, "chinh-quyen-so");
  EXPECT_EQ(found(db, "tinh", now, by_cat), std::vector<std::int64_t>{daklak});
  SearchFilter by_unit;
  by_unit.unit_code = "SNV";
  EXPECT_EQ(found(db, "cai cach", now, by_unit), std::vector<std::int64_t>{-doc});
  SearchFilter by_days;
  by_days.from = parse_iso_date("2026-05-05");
  by_days.to = parse_iso_date("2026-05-10");
  EXPECT_EQ(found(db, "cai cach", now, by_days), std::vector<std::int64_t>{plain});
  // Pages: the total counts every hit, the page holds what was asked.
  auto page = db.read([&](db::Connection& c) { return search(c, search_terms("cai cach"), {}, now, 1, 1); });
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.hits.size(), 1u);

  // An index an older cchc wrote is written again once, at start: here the
  // link item's entry lost, the format not yet recorded.
  db.write([&](db::Connection& c) {
    // The entry's key is the item's id times two (portal/store.cpp).
    if (c.backend() == db::Backend::sqlite) {
      c.query("DELETE FROM portal_search WHERE rowid = ?", {link * 2});
      c.query("DELETE FROM portal_search_meta WHERE key = ?", {link * 2});
    } else {
      c.query("DELETE FROM portal_search WHERE key = ?", {link * 2});
    }
    c.query("DELETE FROM settings WHERE key = 'portal.search_format'");
  });
  EXPECT_TRUE(found(db, "trang huong dan nay", now).empty());
  EXPECT_EQ(db.write([&](db::Connection& c) { return refresh_search_index(c, now); }), 5);  // the published items
  EXPECT_EQ(found(db, "trang huong dan nay", now), std::vector<std::int64_t>{link});
  EXPECT_TRUE(found(db, "linkonlycchc", now).empty());
  EXPECT_EQ(db.write([&](db::Connection& c) { return refresh_search_index(c, now); }), 0);  // once
}

TEST_P(PortalStore, AUnitsDocumentIsPublicOnlyOnceTheBoardApprovesIt) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-04-01T09:00:00+07:00");
  auto v0 = db.read([](db::Connection& c) { return db::stamp(c, "portal"); });
  Document d;
  d.number_symbol = "12/KH-UBND";
  d.type_code = "KH";
  d.issued_on = parse_iso_date("2026-03-30");
  d.issuer = "UBND xã Một";
  d.subject = "Kế hoạch tuyên truyền cải cách hành chính năm 2026";
  d.unit_code = "X1";
  auto id = write(db, add_document, d, std::nullopt, Actor::author, kEditor, now);
  auto doc = [&](std::int64_t which) {
    return *db.read([&](db::Connection& c) { return document_in_any_state(c, which); });
  };
  EXPECT_EQ(doc(id).state, State::submitted);
  auto slug = doc(id).slug;
  EXPECT_EQ(slug, "12-kh-ubnd");
  // In the board's queue and the unit's list; nowhere public, not found by search.
  db.read([&](db::Connection& c) {
    EXPECT_EQ(documents(c, {}, 0, 10).total, 0);
    EXPECT_FALSE(find_document(c, slug));
    EXPECT_FALSE(find_document(c, id));
    EXPECT_TRUE(document_issuers(c).empty());
    EXPECT_TRUE(document_years(c).empty());
    EXPECT_EQ(documents_in(c, State::submitted, 10).size(), 1u);
    EXPECT_EQ(unit_documents(c, {"X1"}, 10).size(), 1u);
    EXPECT_TRUE(unit_documents(c, {"SNV"}, 10).empty());
  });
  EXPECT_TRUE(found(db, "tuyen truyen", now).empty());
  EXPECT_EQ(db.read([](db::Connection& c) { return db::stamp(c, "portal"); }), v0);  // nothing public changed

  // Refusals change nothing: a return needs its reason, only a published
  // document is withdrawn, an item's step is not a document's.
  EXPECT_THROW(write(db, act_on_document, id, Action::send_back, "  ", kBoard, now), Error);
  EXPECT_THROW(write(db, act_on_document, id, Action::send_back, std::string(2001, 'x'), kBoard, now),
               Error);  // too long
  EXPECT_THROW(write(db, act_on_document, id, Action::withdraw, "Hết hiệu lực", kBoard, now), Error);
  EXPECT_THROW(write(db, act_on_document, id, Action::submit, "", kBoard, now), Error);
  EXPECT_THROW(write(db, act_on_document, 999999, Action::approve, "", kBoard, now), Error);
  EXPECT_EQ(doc(id).state, State::submitted);
  // Sent back with the reason the unit reads; then no longer in the queue.
  write(db, act_on_document, id, Action::send_back, "Thiếu tệp văn bản", kBoard, now + hours{1});
  EXPECT_EQ(doc(id).state, State::returned);
  EXPECT_EQ(doc(id).review_note, "Thiếu tệp văn bản");
  EXPECT_EQ(doc(id).reviewed_by, "bbt");
  EXPECT_THROW(write(db, act_on_document, id, Action::approve, "", kBoard, now + hours{1}), Error);
  EXPECT_TRUE(found(db, "tuyen truyen", now + hours{1}).empty());

  // Another, approved: in the library, on its page, found; the cache moves on.
  d.number_symbol = "13/KH-UBND";
  auto approved = write(db, add_document, d, std::nullopt, Actor::author, kEditor, now + hours{2});
  write(db, act_on_document, approved, Action::approve, "", kBoard, now + hours{3});
  EXPECT_EQ(doc(approved).state, State::published);
  db.read([&](db::Connection& c) {
    auto page = documents(c, {}, 0, 10);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.documents[0].id, approved);
    EXPECT_TRUE(find_document(c, std::string("13-kh-ubnd")));
    EXPECT_EQ(document_issuers(c), std::vector<std::string>{"UBND xã Một"});
    EXPECT_TRUE(documents_in(c, State::submitted, 10).empty());
  });
  EXPECT_EQ(found(db, "tuyen truyen", now + hours{3}), std::vector<std::int64_t>{-approved});
  auto v1 = db.read([](db::Connection& c) { return db::stamp(c, "portal"); });
  EXPECT_NE(v1, v0);

  // Withdrawn with a reason: gone again; put back, found again.
  write(db, act_on_document, approved, Action::withdraw, "Văn bản đã được thay thế", kBoard, now + hours{4});
  EXPECT_EQ(doc(approved).state, State::withdrawn);
  EXPECT_TRUE(found(db, "tuyen truyen", now + hours{4}).empty());
  EXPECT_FALSE(db.read([&](db::Connection& c) { return find_document(c, approved); }));
  write(db, act_on_document, approved, Action::republish, "", kBoard, now + hours{5});
  EXPECT_EQ(found(db, "tuyen truyen", now + hours{5}), std::vector<std::int64_t>{-approved});

  // The board's own posting is its approval: public at once.
  Document board_doc = d;
  board_doc.number_symbol = "282/KH-UBND";
  board_doc.issuer = "UBND tỉnh Đồng Nai";
  board_doc.unit_code = "SNV";
  auto posted = write(db, add_document, board_doc, std::nullopt, Actor::board, kBoard, now + hours{6});
  EXPECT_EQ(doc(posted).state, State::published);
  EXPECT_EQ(db.read([&](db::Connection& c) { return documents(c, {}, 0, 10).total; }), 2);
}

TEST_P(PortalStore, TheReviewFiguresOfAPeriod) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto d0 = at("2026-01-05T09:00:00+07:00");
  // X1: three items in the period: published after 2 and 4 days, one
  // returned and never published; one before the period does not count.
  auto a = write(db, create_item, draft(db, "Tin thứ nhất của xã", "a"), kEditor, d0);
  write(db, act, a, Action::submit, Actor::author, "", std::nullopt, kEditor, d0);
  write(db, act, a, Action::approve, Actor::board, "", std::nullopt, kBoard, d0 + days{2});
  auto b = write(db, create_item, draft(db, "Tin thứ hai của xã", "b"), kEditor, d0);
  write(db, act, b, Action::submit, Actor::author, "", std::nullopt, kEditor, d0 + days{1});
  write(db, act, b, Action::send_back, Actor::board, "Thiếu ảnh", std::nullopt, kBoard, d0 + days{2});
  write(db, act, b, Action::submit, Actor::author, "", std::nullopt, kEditor, d0 + days{3});
  write(db, act, b, Action::approve, Actor::board, "", std::nullopt, kBoard, d0 + days{5});
  auto c3 = write(db, create_item, draft(db, "Tin thứ ba của xã", "c"), kEditor, d0);
  write(db, act, c3, Action::submit, Actor::author, "", std::nullopt, kEditor, d0 + days{6});
  write(db, act, c3, Action::send_back, Actor::board, "Trùng tin", std::nullopt, kBoard, d0 + days{7});
  publish(db, draft(db, "Tin năm trước", "d"), at("2025-12-20T09:00:00+07:00"));
  // SNV: one document posted in the period.
  Document doc;
  doc.type_code = "BC";
  doc.subject = "Báo cáo cải cách hành chính quý I";
  doc.unit_code = "SNV";
  write(db, add_document, doc, std::nullopt, Actor::board, kBoard, d0 + days{3});
  // X1: one document still in the board's queue: not posted to the library yet.
  Document queued;
  queued.type_code = "KH";
  queued.issuer = "UBND xã Một";
  queued.subject = "Kế hoạch của xã chờ duyệt";
  queued.unit_code = "X1";
  write(db, add_document, queued, std::nullopt, Actor::author, kEditor, d0 + days{4});
  // Views: 5 + 7 in the period on X1's items, 100 outside it.
  write(db, add_views,
        ViewCounts{{{"item", a, "2026-01-10"}, 5}, {{"item", b, "2026-02-01"}, 7}, {{"item", a, "2026-04-01"}, 100}});
  write(db, add_views, ViewCounts{{{"item", a, "2026-01-10"}, 1}});  // adds to the same day

  auto figures =
      db.read([&](db::Connection& c) { return review(c, parse_iso_date("2026-01-01"), parse_iso_date("2026-03-31")); });
  // Every unit of the tree is listed, the province's own that sent nothing too.
  ASSERT_EQ(figures.units.size(), 3u);
  EXPECT_EQ(figures.units[0].unit_code, "P");
  EXPECT_EQ(figures.units[0].submitted + figures.units[0].documents, 0);
  const std::vector<ReviewRow> rows(figures.units.begin() + 1, figures.units.end());
  EXPECT_EQ(rows[0].unit_code, "SNV");
  EXPECT_EQ(rows[0].submitted, 0);
  EXPECT_EQ(rows[0].documents, 1);
  EXPECT_FALSE(rows[0].median_days);
  EXPECT_EQ(rows[1].unit_code, "X1");
  EXPECT_EQ(rows[1].submitted, 3);
  EXPECT_EQ(rows[1].published, 2);
  EXPECT_EQ(rows[1].returned, 2);
  EXPECT_DOUBLE_EQ(*rows[1].median_days, 3.0);  // 2 and 4 days (b: first submitted day 1, published day 5)
  EXPECT_EQ(rows[1].views, 13);
  EXPECT_EQ(rows[1].documents, 0);
  // The province: sums, and the median over every published item (2 and 4 days).
  EXPECT_EQ(figures.total.submitted, 3);
  EXPECT_EQ(figures.total.published, 2);
  EXPECT_EQ(figures.total.documents, 1);
  EXPECT_EQ(figures.total.views, 13);
  EXPECT_DOUBLE_EQ(*figures.total.median_days, 3.0);
  // An empty period: every unit with nothing, no median.
  auto none =
      db.read([&](db::Connection& c) { return review(c, parse_iso_date("2020-01-01"), parse_iso_date("2020-12-31")); });
  ASSERT_EQ(none.units.size(), 3u);
  EXPECT_EQ(none.total.submitted, 0);
  // Before the units existed: none.
  EXPECT_TRUE(db.read([&](db::Connection& c) {
                  return review(c, parse_iso_date("2000-01-01"), parse_iso_date("2000-12-31"));
                }).units.empty());
  EXPECT_FALSE(none.total.median_days);
  EXPECT_EQ(db.read([&](db::Connection& c) { return views_of(c, "item", a); }), 106);
}

TEST_P(PortalStore, ABatchOfPublishedItemsIsTakenWholeOrNotAtAll) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-07-01T09:00:00+07:00");
  auto a = draft(db, "Tin cũ của cổng thông tin trước", "Nội dung đã đăng năm trước.");
  a.publish_at = at("2025-03-01T08:00:00+07:00");
  auto same = a;  // the same title twice: two slugs
  auto bad = draft(db, "Tin", "quá ngắn");
  EXPECT_THROW(write(db, add_published, std::vector{a, bad}, kBoard, now), Error);
  db.read([&](db::Connection& c) { EXPECT_EQ(published(c, 0, now, 0, 10).total, 0); });
  EXPECT_EQ(write(db, add_published, std::vector{a, same}, kBoard, now), 2u);
  auto page = db.read([&](db::Connection& c) { return published(c, 0, now, 0, 10); });
  ASSERT_EQ(page.total, 2);
  EXPECT_NE(page.items[0].slug, page.items[1].slug);
  EXPECT_EQ(*page.items[0].publish_at, at("2025-03-01T08:00:00+07:00"));
  EXPECT_EQ(found(db, "tin cu cong thong tin", now).size(), 2u);
}

TEST_P(PortalStore, ImagesAreCheckedByContentAndOnlyWhileEditable) {
  CCHC_TEST_DB(t, GetParam());
  auto& db = *t->db;
  setup(db);
  auto now = at("2026-06-01T09:00:00+07:00");
  auto id = write(db, create_item, draft(db, "Ảnh hội nghị trực tuyến", "x"), kEditor, now);
  auto img = write(db, add_image, id, Actor::author, "hoi-nghi.png", testing::sample_png(), kEditor, now);
  EXPECT_EQ(img.size(), 32u);
  auto stored = db.read([&](db::Connection& c) { return find_image(c, img); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->file.content_type, "image/png");
  EXPECT_EQ(stored->file.bytes, testing::sample_png());
  EXPECT_EQ(stored->item_id, id);
  // HTML named .png, an oversized image, and uploads once submitted: refused.
  EXPECT_THROW(write(db, add_image, id, Actor::author, "anh.png", testing::sample_html(), kEditor, now), Error);
  EXPECT_THROW(write(db, add_image, id, Actor::author, "anh.png", testing::sample_png() + std::string(5u << 20, '\0'),
                     kEditor, now),
               Error);
  write(db, act, id, Action::submit, Actor::author, "", std::nullopt, kEditor, now);
  EXPECT_THROW(write(db, add_image, id, Actor::author, "hoi-nghi.png", testing::sample_png(), kEditor, now), Error);
  EXPECT_EQ(db.read([&](db::Connection& c) { return item_images(c, id).size(); }), 1u);
}

}  // namespace
}  // namespace cchc::portal
