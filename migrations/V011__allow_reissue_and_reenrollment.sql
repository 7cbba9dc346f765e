-- Revocation is no dead end. An enrollment may hold several certificates over time, at most one of them valid
-- (kept by the application under a lock on the enrollment, since neither database here has partial unique
-- indexes in common); a new one names the revoked one it replaces. A learner may enroll again in a course they
-- withdrew from or whose certificate was revoked: the earlier enrollment and its evidence stay as they were.

ALTER TABLE certificate DROP CONSTRAINT certificate_once;
ALTER TABLE certificate ADD COLUMN replaces_certificate_id BIGINT;
ALTER TABLE certificate ADD CONSTRAINT certificate_replaces FOREIGN KEY (replaces_certificate_id) REFERENCES certificate (certificate_id);
CREATE INDEX certificate_enrollment ON certificate (enrollment_id);

ALTER TABLE enrollment DROP CONSTRAINT enrollment_once;
CREATE INDEX enrollment_course_learner ON enrollment (course_id, learner_id);
