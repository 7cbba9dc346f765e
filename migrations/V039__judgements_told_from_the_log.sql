-- A learner is told of judgements (their evidence judged, indicators met) after the judging transaction, not in it
-- (issue 36: judging writes the judgement and its ledger change, no notification or mail): the judgements the
-- transparency log sequences are told in the log's order from a cursor. Every judgement leaf before position has
-- been told; those integrated or queued when this ran were told by the transaction that recorded them.
CREATE TABLE notice_cursor (
    cursor_id INTEGER NOT NULL PRIMARY KEY,
    position  BIGINT  NOT NULL
);
INSERT INTO notice_cursor (cursor_id, position)
SELECT 1, h.tree_size + (SELECT COUNT(*) FROM transparency_queue) FROM transparency_head h WHERE h.head_id = 1;
