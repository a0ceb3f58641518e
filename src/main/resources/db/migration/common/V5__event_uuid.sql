-- A kiosk names each check-in with a UUID it makes itself, so an event logged while the server was unreachable
-- (kept in the kiosk's local journal) is uploaded exactly once: a second upload of the same UUID is refused by
-- this index, whatever happened between the server's commit and the kiosk's note of it.
-- Manual events (and those logged before this version) have none; a UNIQUE index allows any number of NULLs.
ALTER TABLE check_in_event ADD COLUMN event_uuid VARCHAR(36);
CREATE UNIQUE INDEX check_in_event_uuid ON check_in_event (event_uuid);
