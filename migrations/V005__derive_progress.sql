-- Progress derived from judgements by the rule of SPEC §5, rewritten for an enrollment in the same
-- transaction whenever its evidence or judgements change, so that reading progress never recomputes it.
-- Judgements stay the only source of truth: both tables can be rebuilt from them at any time.

-- Per enrollment, indicator and required method: the evidence (and its latest judgement, MET) that satisfies it,
-- the earliest such judgement when several do.
CREATE TABLE satisfaction (
    enrollment_id BIGINT      NOT NULL REFERENCES enrollment (enrollment_id),
    indicator_id  BIGINT      NOT NULL REFERENCES indicator (indicator_id),
    method        VARCHAR(32) NOT NULL,
    evidence_id   BIGINT      NOT NULL REFERENCES evidence (evidence_id),
    judgement_id  BIGINT      NOT NULL REFERENCES judgement (judgement_id),
    -- copied from the judgement so that explaining progress reads no judgement row
    assessor_id   BIGINT      NOT NULL REFERENCES app_user (user_id),
    judged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (enrollment_id, indicator_id, method)
);

-- Per enrollment: the indicators of its plan it has met. One row per enrollment (rather than one per met
-- indicator) keeps a 10,000-learner cohort a 10,000-row read.
CREATE TABLE enrollment_progress (
    enrollment_id  BIGINT PRIMARY KEY REFERENCES enrollment (enrollment_id),
    indicators_met INTEGER      NOT NULL,
    met_indicators BIGINT ARRAY NOT NULL
);

-- Progress of the enrollments judged before this migration: the statements of ProgressLedger over all of them.
INSERT INTO satisfaction (enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at)
SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at FROM (
    SELECT l.*, ROW_NUMBER() OVER (PARTITION BY l.enrollment_id, l.indicator_id, l.method ORDER BY l.judged_at, l.judgement_id) AS nth
    FROM (SELECT v.enrollment_id, e.revision_id, j.indicator_id, v.method, j.evidence_id, j.judgement_id, j.outcome, j.judged_at, j.assessor_id,
                 ROW_NUMBER() OVER (PARTITION BY j.evidence_id, j.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC) AS latest
          FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id
          WHERE v.status = 'SUBMITTED') l
    JOIN plan_method p ON p.revision_id = l.revision_id AND p.indicator_id = l.indicator_id AND p.method = l.method
    WHERE l.latest = 1 AND l.outcome = 'MET') s
WHERE s.nth = 1;

INSERT INTO enrollment_progress (enrollment_id, indicators_met, met_indicators)
SELECT m.enrollment_id, COUNT(*), ARRAY_AGG(m.indicator_id ORDER BY m.indicator_id) FROM (
    SELECT e.enrollment_id, p.indicator_id FROM enrollment e JOIN plan_method p ON p.revision_id = e.revision_id
    LEFT JOIN satisfaction s ON s.enrollment_id = e.enrollment_id AND s.indicator_id = p.indicator_id AND s.method = p.method
    GROUP BY e.enrollment_id, p.indicator_id HAVING COUNT(s.method) = COUNT(*)) m
GROUP BY m.enrollment_id;
