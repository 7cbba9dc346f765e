-- Issue 33: how an assessor verified a third-party report, and the address a user last signed in from (one of the
-- report's risk flags: signed from the learner's own address).
ALTER TABLE third_party_request ADD COLUMN verified_method VARCHAR(16);
ALTER TABLE third_party_request ADD COLUMN verified_on DATE;
ALTER TABLE third_party_request ADD COLUMN verified_by BIGINT;
ALTER TABLE third_party_request ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE third_party_request ADD CONSTRAINT third_party_request_verifier FOREIGN KEY (verified_by) REFERENCES app_user (user_id);
ALTER TABLE third_party_request ADD CONSTRAINT third_party_request_verified_known
    CHECK (verified_method IS NULL OR verified_method IN ('PHONE', 'EMAIL', 'IN_PERSON', 'NOT_VERIFIED'));

ALTER TABLE app_user ADD COLUMN last_source VARCHAR(100);
