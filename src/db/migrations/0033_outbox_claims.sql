-- A mail of the outbox (feedback_outbox) is claimed before it is sent:
-- until sending_until (Unix seconds) no other sender takes it, so two
-- processes on the database never mail a citizen twice; a sender that died
-- mid-send leaves a claim that runs out, and the mail is tried again.
ALTER TABLE feedback_outbox ADD COLUMN sending_until BIGINT;
