-- The outcome of a claim's latest judgement read from the index alone (issue 36): the rules of evidence look up the latest
-- outcome of every piece of each body a MET rests on, five thousand look-ups for a batch of a thousand judgements, and
-- each one fetched its row from the table as well. The same columns in the same order, the outcome last.
CREATE INDEX judgement_latest_outcome ON judgement (evidence_id, indicator_id, judged_at, judgement_id, outcome);
DROP INDEX judgement_latest;
