-- Users, their roles, and failed sign-ins (for throttling).
CREATE TABLE users (
  id                  @AUTO_ID@,
  username            TEXT NOT NULL UNIQUE,  -- lower case
  display_name        TEXT NOT NULL,
  unit_code           TEXT NOT NULL REFERENCES units (code),
  password_hash       TEXT NOT NULL,         -- argon2id, libsodium's string form
  active              INTEGER NOT NULL DEFAULT 1,
  created_at          BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE TABLE sign_in_failures (
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  at       BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (username, address, at);
CREATE INDEX sessions_user ON sessions (user_id);
