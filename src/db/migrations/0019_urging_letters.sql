-- Urging letters (plans/urging.h): one per unit and sending, listing every
-- shortfall it owed that day; the unit's officers and leaders are notified
-- (and mailed in the next digest).
CREATE TABLE urging_letters (
  id          @AUTO_ID@,
  unit_code   TEXT NOT NULL REFERENCES units (code),
  issuer_unit TEXT NOT NULL REFERENCES units (code),
  number      TEXT NOT NULL DEFAULT '',   -- "125/SNV-CCHC", when the office gave one
  sent_on     TEXT NOT NULL,
  reply_by    TEXT NOT NULL,
  items       TEXT NOT NULL,              -- JSON: [{"kind", "what", "due"}]
  notified    INTEGER NOT NULL DEFAULT 0, -- users told
  sent_by     TEXT NOT NULL,
  sent_at     BIGINT NOT NULL
);
CREATE INDEX urging_letters_unit ON urging_letters (unit_code, sent_at);
