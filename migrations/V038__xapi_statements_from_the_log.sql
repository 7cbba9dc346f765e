-- xAPI statements are no longer copied into xapi_statement with their events (issue 36): the statements of evidence,
-- judgements and certificates are derived, when read or sent, from the records the transparency log sequences, in the
-- log's order. Only a completion keeps a row (an enrollment's status is no append-only record: it can go back), written
-- with the record that brought it (cause_kind, cause_record), whose leaf it follows. Rows written before this migration
-- (cause_kind NULL) keep their place before every derived statement.
ALTER TABLE xapi_statement ADD COLUMN cause_kind VARCHAR(32);
ALTER TABLE xapi_statement ADD COLUMN cause_record BIGINT;
CREATE INDEX xapi_statement_cause ON xapi_statement (cause_kind, cause_record);

-- Written-test evidence (made by closing an attempt) tells no "shared": found through the attempt that made it.
CREATE INDEX attempt_evidence ON attempt (evidence_id);

-- Where the sender stands: every statement at or before position went to the LRS; first_leaf is the first leaf whose
-- statements are derived (the earlier ones, integrated or queued when this ran, were written as rows). A failed send
-- backs off on this row.
CREATE TABLE xapi_cursor (
    cursor_id       INTEGER NOT NULL PRIMARY KEY,
    position        BIGINT  NOT NULL,
    first_leaf      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
INSERT INTO xapi_cursor (cursor_id, position, first_leaf, attempts)
SELECT 1,
       COALESCE((SELECT MAX(statement_seq) FROM xapi_statement WHERE sent_at IS NOT NULL), 0),
       h.tree_size + (SELECT COUNT(*) FROM transparency_queue),
       0
FROM transparency_head h WHERE h.head_id = 1;
