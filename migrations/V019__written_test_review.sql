-- What a learner sees of a closed attempt, and when (issue 30, point 5): whether each answer was right, and the key
-- (with short answers' model answers), each after every attempt, after the learner's last attempt, after the test
-- closes, or never. The score per indicator is always shown. By default right and wrong after each attempt, the key
-- after the last. A test may close at a set time: no attempt starts after it.

ALTER TABLE written_test ADD COLUMN show_correct VARCHAR(16) DEFAULT 'AFTER_EACH' NOT NULL;
ALTER TABLE written_test ADD COLUMN show_key VARCHAR(16) DEFAULT 'AFTER_LAST' NOT NULL;
ALTER TABLE written_test ADD COLUMN closes_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE written_test ADD CONSTRAINT written_test_show_known
    CHECK (show_correct IN ('AFTER_EACH', 'AFTER_LAST', 'AFTER_CLOSE', 'NEVER') AND show_key IN ('AFTER_EACH', 'AFTER_LAST', 'AFTER_CLOSE', 'NEVER'));
