-- Documents go through the editorial board like items (docs/portal.md,
-- "Documents library"): a unit's document waits in the board's queue
-- (submitted) until the board publishes it or sends it back with a reason
-- (returned); the board withdraws a published one (withdrawn). A new row
-- states its own state; the default is the queue, never the public. The
-- documents already in the library stay published, the withdrawn ones
-- withdrawn.
ALTER TABLE portal_documents ADD COLUMN state TEXT NOT NULL DEFAULT 'submitted';
ALTER TABLE portal_documents ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE portal_documents ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE portal_documents ADD COLUMN reviewed_at BIGINT;
UPDATE portal_documents SET state = CASE WHEN withdrawn_at IS NULL THEN 'published' ELSE 'withdrawn' END;
CREATE INDEX portal_documents_state ON portal_documents (state, posted_at);
