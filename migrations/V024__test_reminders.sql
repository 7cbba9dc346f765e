-- Issue 31, point 6: a learner is reminded once that a written test closes within 24 hours. The row is written with the
-- reminder, so two instances never both remind.
CREATE TABLE test_reminder (
    test_id     BIGINT NOT NULL REFERENCES written_test (test_id) ON DELETE CASCADE,
    learner_id  BIGINT NOT NULL REFERENCES app_user (user_id),
    reminded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (test_id, learner_id)
);
