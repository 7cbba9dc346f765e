-- A judgement's evidence and indicator are checked once, as a claim: the key to evidence_indicator, whose own keys check
-- both. The two single-column keys checked (and locked) the same rows again on every judgement inserted, two look-ups of
-- a batch's thousand judgements apiece (issue 36). These are PostgreSQL's names for them; H2 names its keys otherwise,
-- so there they stay, checked twice and harmless.
ALTER TABLE judgement DROP CONSTRAINT IF EXISTS judgement_evidence_id_fkey;
ALTER TABLE judgement DROP CONSTRAINT IF EXISTS judgement_indicator_id_fkey;
