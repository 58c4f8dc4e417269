-- Refused reads (record-access-refused) join the reads in the access log and stay out of the
-- chronology, like record-accessed: the chronology index leaves both out.
create index ledger_entry_child_chronology_facts on ledger_entry (child_id, occurred_at, seq)
    where child_id is not null and event_type not in ('record-accessed', 'record-access-refused');
drop index ledger_entry_child_chronology_entries;

-- The access log reads a child's reads and refusals, newest first.
create index ledger_entry_access on ledger_entry (child_id, occurred_at, seq)
    where event_type in ('record-accessed', 'record-access-refused');
