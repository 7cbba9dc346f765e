-- An audit entry's description as a phrase (message key and arguments, JSON), put into the reader's language when
-- the trail is shown; detail keeps the English words for logs and older entries.
ALTER TABLE security_event ADD COLUMN detail_phrase VARCHAR(4000);
