-- Tamper evidence. Every entry now carries two SHA-256 hashes over its canonical bytes (RFC 8785 JSON
-- of the envelope and the payload): one chained to the previous entry of the whole ledger, one to the
-- previous entry about the same child. See docs/audit-ledger.md.
--
-- The entries recorded before this migration carry no hashes. They are kept, untouched, as
-- ledger_entry_unchained; the new ledger is filled by a new consumer (audit-ledger-chained) that reads
-- every topic from the beginning, which is exactly how the ledger is rebuilt from Kafka.
alter table ledger_entry rename to ledger_entry_unchained;
alter index ledger_entry_child_chronology rename to ledger_entry_unchained_child_chronology;
alter table ledger_entry_unchained rename constraint ledger_entry_pkey to ledger_entry_unchained_pkey;
alter table ledger_entry_unchained rename constraint ledger_entry_event_id_key to ledger_entry_unchained_event_id_key;

create table ledger_entry (
    seq                bigserial   primary key,
    event_id           uuid        not null unique,
    event_type         text        not null,
    schema_version     integer     not null,
    source             text        not null,
    subject            text,
    child_id           uuid,
    agency_id          text,
    actor_id           text,
    correlation_id     uuid,
    causation_id       uuid,
    occurred_at        timestamptz not null,
    source_recorded_at timestamptz,
    recorded_at        timestamptz not null,
    topic              text        not null,
    kafka_partition    integer     not null,
    kafka_offset       bigint      not null,
    payload            jsonb       not null,
    entry_hash         char(64)    not null unique,
    child_hash         char(64),
    constraint ledger_entry_child_hash check ((child_id is null) = (child_hash is null))
);

create index ledger_entry_child_chronology on ledger_entry (child_id, occurred_at, seq) where child_id is not null;
create index ledger_entry_child_chain on ledger_entry (child_id, seq) where child_id is not null;

create trigger ledger_no_update_or_delete
    before update or delete or truncate on ledger_entry
    for each statement execute function joinedup_append_only();
