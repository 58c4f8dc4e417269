-- The partnership measures (docs/measures.md) read the ledger by event type over a period.
create index if not exists ledger_entry_type_time on ledger_entry (event_type, occurred_at);
