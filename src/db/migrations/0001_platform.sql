-- Platform state shared by every cchc process: settings and browser sessions.
-- Times are Unix seconds (UTC).
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- A browser session. Only the SHA-256 of the cookie token is stored, so a
-- copy of the table cannot be replayed as cookies. user_id stays NULL until
-- sign-in exists; prefs holds display preferences as JSON.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  csrf_token   TEXT NOT NULL,
  user_id      BIGINT,
  prefs        TEXT NOT NULL DEFAULT '{}',
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
