-- Several relays share one outbox (issue 16). A relay publishes a row only when no row with the same
-- message key and a lower id is left outside its batch (held by another relay): this index answers
-- that question without scanning a backlog.
create index outbox_message_key on outbox (message_key, id);
