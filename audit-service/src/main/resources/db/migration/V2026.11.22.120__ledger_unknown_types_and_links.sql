-- Events of a type (or schema version) this service does not know are facts too: stored, chained
-- and flagged (understood = false), never dropped. Links between child records are read from the
-- ledger's own child-records-linked/-unlinked entries, by type.
alter table ledger_entry add column understood boolean not null default true;

create index ledger_entry_not_understood on ledger_entry (seq) where not understood;
create index ledger_entry_links on ledger_entry (event_type) where event_type in ('child-records-linked', 'child-records-unlinked');
