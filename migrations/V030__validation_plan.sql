-- Issue 34, point 1: each course's validation plan (ASQA Standards 1.5 practice, iCAP's three-year cycle): when its
-- assessment was last validated, when it is next due, who validates it (never the course's own lead trainer), and a
-- complaint on record. The other risk triggers (a new assessor, a changed plan) are read from what happened since.
CREATE TABLE course_validation (
    course_id      BIGINT NOT NULL PRIMARY KEY REFERENCES course (course_id),
    last_validated DATE,
    next_due       DATE   NOT NULL,
    validator_id   BIGINT REFERENCES app_user (user_id),
    complaint      VARCHAR(1000),
    updated_by     BIGINT NOT NULL REFERENCES app_user (user_id),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
