-- Issue 35: a claim a move added names the older indicator whose evidence it attaches, so the learner and the assessor
-- read "attached from KPS5294-001v4:P2.3.2" beside the newer indicator (a carried judgement names its original already).
ALTER TABLE evidence_indicator ADD COLUMN moved_from BIGINT REFERENCES indicator (indicator_id);
