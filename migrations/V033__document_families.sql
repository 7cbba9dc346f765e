-- Issue 35: versions of one document are a family (KPS5294-001v3, KPS5294-001v4: family KPS5294-001, versions 3 and 4).
-- The newest version of a family in the catalogue is current, each older one superseded by the next: derived from
-- these two columns when asked, never stored, so importing a version can neither forget nor contradict it. A code
-- without a version (a model filed as KPS3322-M01) is a family of one.
ALTER TABLE standard ADD COLUMN family VARCHAR(64);
ALTER TABLE standard ADD COLUMN version_number INTEGER;

UPDATE standard SET family = REGEXP_REPLACE(code, '[vV][0-9]{1,9}$', '');
UPDATE standard SET version_number = CAST(SUBSTRING(code FROM CHAR_LENGTH(family) + 2) AS INTEGER) WHERE family <> code;

ALTER TABLE standard ALTER COLUMN family SET NOT NULL;
CREATE INDEX standard_family ON standard (family, version_number);
