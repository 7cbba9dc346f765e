-- Before V005 nothing marked an enrollment COMPLETED, and V005 derived every enrollment's progress without
-- marking those whose whole plan was already met: they stayed ACTIVE, and an admin could not certify them until
-- a new judgement came. Mark them as the ledger does, as of the judgement that completed them (the latest of
-- the judgements that satisfy their plan). On a database where the ledger has run all along this changes nothing.
UPDATE enrollment SET status = 'COMPLETED',
       completed_at = (SELECT MAX(s.judged_at) FROM satisfaction s WHERE s.enrollment_id = enrollment.enrollment_id)
WHERE status = 'ACTIVE'
  AND EXISTS (SELECT 1 FROM enrollment_progress p WHERE p.enrollment_id = enrollment.enrollment_id
              AND p.indicators_met = (SELECT COUNT(*) FROM plan_indicator i WHERE i.revision_id = enrollment.revision_id));
