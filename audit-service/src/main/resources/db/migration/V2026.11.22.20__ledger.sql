-- The audit ledger: one row per event consumed, in the order received. Append-only: no code path
-- updates or deletes it, and a trigger refuses it. (Hash chains and a role without UPDATE/DELETE
-- arrive with the tamper-evidence work.)
create table ledger_entry (
    seq            bigserial primary key,
    event_id       uuid        not null unique,
    event_type     text        not null,
    schema_version integer     not null,
    source         text        not null,
    subject        text,
    child_id       uuid,
    agency_id      text,
    actor_id       text,
    correlation_id uuid,
    causation_id   uuid,
    occurred_at    timestamptz not null,
    source_recorded_at timestamptz,
    recorded_at    timestamptz not null,
    topic          text        not null,
    kafka_partition integer    not null,
    kafka_offset   bigint      not null,
    payload        jsonb       not null
);

create index ledger_entry_child_chronology on ledger_entry (child_id, occurred_at, seq) where child_id is not null;

create trigger ledger_no_update_or_delete
    before update or delete or truncate on ledger_entry
    for each statement execute function joinedup_append_only();
