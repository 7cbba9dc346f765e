-- Issue 35: an indicator of a draft plan that a migration through a crosswalk put there for the trainer to look at: PARTIAL
-- to an older indicator (its methods carried, the gap to assess), or NEW in the newer version (no method yet). Cleared
-- when the trainer sets its methods; the flag is the draft's, never copied into the next one.
CREATE TABLE plan_review (
    revision_id  BIGINT        NOT NULL,
    indicator_id BIGINT        NOT NULL,
    reason       VARCHAR(16)   NOT NULL,
    from_code    VARCHAR(100),
    note         VARCHAR(1000),
    PRIMARY KEY (revision_id, indicator_id),
    FOREIGN KEY (revision_id, indicator_id) REFERENCES plan_indicator (revision_id, indicator_id),
    CONSTRAINT plan_review_reason_known CHECK (reason IN ('PARTIAL', 'NEW'))
);
