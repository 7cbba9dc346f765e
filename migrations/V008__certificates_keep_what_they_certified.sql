-- A certificate is a document handed out: it must read the same years later. The learner's name and the
-- course's code and title are copied into it when it is issued, so that a later correction of a name or a
-- renamed course does not rewrite certificates already given. (Tasks and documents need no copy: they come
-- from the enrollment's published revision and the imported documents, which never change.)
ALTER TABLE certificate ADD COLUMN learner_name VARCHAR(200);
ALTER TABLE certificate ADD COLUMN course_code VARCHAR(64);
ALTER TABLE certificate ADD COLUMN course_title VARCHAR(300);

UPDATE certificate SET
    learner_name = (SELECT u.display_name FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id
                    WHERE e.enrollment_id = certificate.enrollment_id),
    course_code = (SELECT k.code FROM course k WHERE k.course_id = certificate.course_id),
    course_title = (SELECT k.title FROM course k WHERE k.course_id = certificate.course_id);

ALTER TABLE certificate ALTER COLUMN learner_name SET NOT NULL;
ALTER TABLE certificate ALTER COLUMN course_code SET NOT NULL;
ALTER TABLE certificate ALTER COLUMN course_title SET NOT NULL;
