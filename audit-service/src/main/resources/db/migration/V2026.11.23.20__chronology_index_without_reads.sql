-- Every read of a child's chronology is itself recorded (record-accessed, filed under the child), and
-- the chronology leaves those out. In the chronology index they made each read of a much-read child
-- slower than the last: the bench child had 922 reads interleaved with its 999 entries, all fetched
-- and filtered out again by the count. The index now holds the chronology's entries only. (The access
-- log finds a child's reads through ledger_entry_child_chain.)
create index ledger_entry_child_chronology_entries on ledger_entry (child_id, occurred_at, seq)
    where child_id is not null and event_type <> 'record-accessed';
drop index ledger_entry_child_chronology;

-- The ledger only ever grows, so autovacuum would visit it only after inserts of a fifth of its size.
-- Visiting it every 1% keeps the visibility map current, so a child's entries can be counted from the
-- index alone instead of fetching each row.
alter table ledger_entry set (autovacuum_vacuum_insert_scale_factor = 0.01);
