-- Settings administrators change while the service runs, one row each. A NULL value means "as configured": the row
-- exists from the start so a change is an UPDATE of one row, which two administrators saving at once cannot duplicate.

CREATE TABLE app_setting (
    name          VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(500),
    updated_by    BIGINT REFERENCES app_user (user_id),
    updated_at    TIMESTAMP WITH TIME ZONE
);

-- whether the CASE provider (/ims/case/v1p1) answers without sign-in; NULL: app.case.public-read decides
INSERT INTO app_setting (name) VALUES ('case.public-read');
