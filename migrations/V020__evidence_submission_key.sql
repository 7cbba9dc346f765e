-- A piece of evidence may carry the one-time key of the form (or API call) that submitted it (issue 30, point 4): a
-- second submission with the same key (the browser's Back, then submit again) answers the piece already stored
-- instead of storing it twice. Unique per enrollment; pieces without a key (NULL) are not compared.

ALTER TABLE evidence ADD COLUMN submission_key VARCHAR(64);
CREATE UNIQUE INDEX evidence_submission_once ON evidence (enrollment_id, submission_key);
