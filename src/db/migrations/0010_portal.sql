-- The reform portal (docs/portal.md): categories, items with their
-- editorial workflow, revisions and history, images, the documents
-- library, views per day. Instants are Unix seconds; days "YYYY-MM-DD".

CREATE TABLE portal_categories (
  id          @AUTO_ID@,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE portal_items (
  id                 @AUTO_ID@,
  slug               TEXT NOT NULL UNIQUE,
  category_id        BIGINT NOT NULL REFERENCES portal_categories (id),
  unit_code          TEXT NOT NULL REFERENCES units (code),
  title              TEXT NOT NULL,
  summary            TEXT NOT NULL DEFAULT '',
  body               TEXT NOT NULL DEFAULT '',   -- markdown
  video_url          TEXT NOT NULL DEFAULT '',
  tags               TEXT NOT NULL DEFAULT '',   -- JSON array of strings
  featured           INTEGER NOT NULL DEFAULT 0,
  state              TEXT NOT NULL DEFAULT 'draft',
  created_by         TEXT NOT NULL,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL,
  submitted_at       BIGINT,
  first_submitted_at BIGINT,
  publish_at         BIGINT,                     -- published: public from then
  published_at       BIGINT,                     -- first approval
  withdrawn_at       BIGINT,
  withdrawn_reason   TEXT NOT NULL DEFAULT '',
  revision           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX portal_items_public ON portal_items (state, publish_at);
CREATE INDEX portal_items_category ON portal_items (category_id, state, publish_at);
CREATE INDEX portal_items_unit ON portal_items (unit_code, state);

-- The text of every revision, for the history and its diffs.
CREATE TABLE portal_revisions (
  item_id   BIGINT NOT NULL REFERENCES portal_items (id),
  revision  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  summary   TEXT NOT NULL,
  body      TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at BIGINT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, revision)
);

-- Each step of an item's workflow, comments and reasons included.
CREATE TABLE portal_events (
  id      @AUTO_ID@,
  item_id BIGINT NOT NULL REFERENCES portal_items (id),
  action  TEXT NOT NULL,
  actor   TEXT NOT NULL,
  at      BIGINT NOT NULL,
  note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX portal_events_item ON portal_events (item_id, at);

-- Images uploaded for an item, under random ids, content base64.
CREATE TABLE portal_images (
  id           TEXT PRIMARY KEY,
  item_id      BIGINT NOT NULL REFERENCES portal_items (id),
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         BIGINT NOT NULL,
  content      TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  BIGINT NOT NULL
);
CREATE INDEX portal_images_item ON portal_images (item_id);

CREATE TABLE portal_documents (
  id            @AUTO_ID@,
  slug          TEXT NOT NULL UNIQUE,
  number_symbol TEXT NOT NULL DEFAULT '',
  type_code     TEXT NOT NULL,
  issued_on     TEXT,
  issuer        TEXT NOT NULL DEFAULT '',
  subject       TEXT NOT NULL,
  unit_code     TEXT NOT NULL REFERENCES units (code),
  file_name     TEXT NOT NULL DEFAULT '',
  content_type  TEXT NOT NULL DEFAULT '',
  file_size     BIGINT NOT NULL DEFAULT 0,
  content       TEXT NOT NULL DEFAULT '',       -- base64; '' when only metadata is posted
  posted_by     TEXT NOT NULL,
  posted_at     BIGINT NOT NULL,
  withdrawn_at  BIGINT
);
CREATE INDEX portal_documents_issued ON portal_documents (issued_on);

-- Views without personal data: a count per item (or document) per day,
-- bots left out.
CREATE TABLE portal_views (
  kind    TEXT NOT NULL,    -- item | document
  ref_id  BIGINT NOT NULL,
  day     TEXT NOT NULL,
  views   BIGINT NOT NULL,
  PRIMARY KEY (kind, ref_id, day)
);

-- Bumped by every change the public can see: the pages cached in each
-- process compare against it (docs/portal.md, "Cache").
CREATE TABLE portal_version (
  id      INTEGER PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO portal_version (id, version) VALUES (1, 1);

-- The topics of the communication plan (domain.md §4); the board edits them.
INSERT INTO portal_categories (slug, name, description, position, active, updated_at) VALUES
  ('chinh-sach-chuong-trinh', 'Chủ trương, chính sách và Chương trình tổng thể cải cách hành chính 2021-2030', 'Chủ trương, chính sách của Đảng, Nhà nước và kế hoạch của tỉnh về cải cách hành chính.', 1, 1, 0),
  ('chi-dao-dieu-hanh', 'Chỉ đạo, điều hành', 'Văn bản, ý kiến chỉ đạo của lãnh đạo tỉnh về cải cách hành chính.', 2, 1, 0),
  ('cai-cach-the-che', 'Cải cách thể chế', 'Xây dựng, rà soát, kiểm tra văn bản quy phạm pháp luật.', 3, 1, 0),
  ('thu-tuc-hanh-chinh-mot-cua', 'Cải cách thủ tục hành chính và cơ chế một cửa, một cửa liên thông', 'Kiểm soát, đơn giản hóa thủ tục hành chính; bộ phận một cửa.', 4, 1, 0),
  ('to-chuc-bo-may', 'Cải cách tổ chức bộ máy', 'Sắp xếp tổ chức bộ máy, đơn vị hành chính.', 5, 1, 0),
  ('cong-vu-dao-duc-cong-vu', 'Cải cách chế độ công vụ, đạo đức công vụ', 'Tuyển dụng, đánh giá, kỷ luật, kỷ cương hành chính.', 6, 1, 0),
  ('tai-chinh-cong', 'Cải cách tài chính công', 'Cơ chế tự chủ, quản lý tài chính, tài sản công.', 7, 1, 0),
  ('chinh-quyen-so', 'Xây dựng chính quyền điện tử, chính quyền số', 'Chuyển đổi số, dịch vụ công trực tuyến, số hóa hồ sơ.', 8, 1, 0),
  ('huong-dan-dich-vu-cong', 'Hướng dẫn thủ tục hành chính, dịch vụ công trực tuyến', 'Danh mục thủ tục, dịch vụ công trực tuyến và cách sử dụng.', 9, 1, 0),
  ('phan-anh-kien-nghi', 'Tiếp nhận, xử lý phản ánh, kiến nghị', 'Kênh tiếp nhận và kết quả xử lý phản ánh, kiến nghị.', 10, 1, 0),
  ('quy-hoach-dat-dai-dau-tu', 'Quy hoạch, giá đất, dự án đầu tư', 'Thông tin quy hoạch, bảng giá đất, dự án đầu tư.', 11, 1, 0),
  ('cac-chi-so', 'Các chỉ số PAR Index, SIPAS, PAPI, PCI', 'Kết quả các chỉ số và giải pháp nâng cao.', 12, 1, 0),
  ('khao-sat', 'Khảo sát, lấy ý kiến', 'Khảo sát sự hài lòng, lấy ý kiến người dân, doanh nghiệp.', 13, 1, 0),
  ('dien-hinh', 'Mô hình hay, cách làm hiệu quả, gương điển hình', 'Sáng kiến, mô hình, tập thể và cá nhân tiêu biểu.', 14, 1, 0),
  ('tien-do-ket-qua', 'Tiến độ, kết quả của các cơ quan, đơn vị', 'Kết quả, hạn chế trong thực hiện cải cách hành chính.', 15, 1, 0);
