-- Issue 33, point 2: the rules of evidence (valid, sufficient, authentic, current) as data.

-- When the work a piece shows was performed, as the learner states it; NULL (every piece before this migration, and
-- any submitted without a date) means the day it was submitted, in Taiwan.
ALTER TABLE evidence ADD COLUMN performed_on DATE;

-- How old a piece's performance may be when a MET rests on it: iCAP accredits for three years.
ALTER TABLE course_revision ADD COLUMN currency_months INTEGER DEFAULT 36 NOT NULL;
ALTER TABLE course_revision ADD CONSTRAINT course_revision_currency_positive CHECK (currency_months BETWEEN 1 AND 600);

-- The sufficiency matrix: per planned indicator, how many pieces, and of how many distinct methods, the body of
-- evidence behind a MET must hold; and whether third-party reports alone may meet it (they are supplementary).
ALTER TABLE plan_indicator ADD COLUMN min_pieces INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE plan_indicator ADD COLUMN min_methods INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE plan_indicator ADD COLUMN third_party_alone BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE plan_indicator ADD CONSTRAINT plan_indicator_sufficiency CHECK (min_pieces BETWEEN 1 AND 20 AND min_methods BETWEEN 1 AND 8);

-- What a MET judgement recorded of each rule when it was made: how authenticity was established, the body of
-- evidence it counted (pieces, distinct methods), and the rules an assessor set aside with the reason. NULL on
-- NOT_YET judgements, on those before this migration, and (authenticity) on a machine's scoring of a written test.
ALTER TABLE judgement ADD COLUMN authenticity VARCHAR(24);
ALTER TABLE judgement ADD COLUMN evidence_pieces INTEGER;
ALTER TABLE judgement ADD COLUMN evidence_methods INTEGER;
ALTER TABLE judgement ADD COLUMN rules_overridden VARCHAR(64);
ALTER TABLE judgement ADD COLUMN override_reason VARCHAR(2000);
ALTER TABLE judgement ADD CONSTRAINT judgement_authenticity_known CHECK (authenticity IS NULL
    OR authenticity IN ('OBSERVED_BY_ASSESSOR', 'THIRD_PARTY_VERIFIED', 'QUESTIONED_ORALLY', 'LEARNER_DECLARATION'));
ALTER TABLE judgement ADD CONSTRAINT judgement_override_has_reason CHECK (rules_overridden IS NULL OR override_reason IS NOT NULL);

-- How many codes a third-party link has sent: a new code resets the wrong tries, so the codes themselves are counted.
ALTER TABLE third_party_request ADD COLUMN codes_sent INTEGER DEFAULT 0 NOT NULL;

-- The asking form's one-time key: the same form sent twice (a double tap, the browser's Back) asks, and mails, once.
ALTER TABLE third_party_request ADD COLUMN submission_key VARCHAR(64);
ALTER TABLE third_party_request ADD CONSTRAINT third_party_request_once UNIQUE (enrollment_id, submission_key);

-- Plans made before this migration that assess an indicator by third-party report alone were made so on purpose:
-- naming reports as the only method is the allowance (as it is for new alignments), and their learners keep going.
UPDATE plan_indicator SET third_party_alone = TRUE
WHERE EXISTS (SELECT 1 FROM plan_method m WHERE m.revision_id = plan_indicator.revision_id AND m.indicator_id = plan_indicator.indicator_id
              AND m.method = 'THIRD_PARTY_REPORT')
  AND NOT EXISTS (SELECT 1 FROM plan_method m WHERE m.revision_id = plan_indicator.revision_id AND m.indicator_id = plan_indicator.indicator_id
              AND m.method <> 'THIRD_PARTY_REPORT');

-- A signed report that observed none of what it was asked about is never filed as evidence; the filing retried for
-- reports the evidence store was away for (ReportFiling) passes it by.
ALTER TABLE third_party_request ADD COLUMN nothing_observed BOOLEAN DEFAULT FALSE NOT NULL;
