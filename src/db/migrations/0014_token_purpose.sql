-- What an API token may do (directory/tokens.h): push indicator records
-- ("indicators", every token issued before) or post citizen feedback
-- through Open311 ("open311"); a token of one purpose cannot do the other's.
ALTER TABLE api_tokens ADD COLUMN purpose TEXT NOT NULL DEFAULT 'indicators';
