-- Plumbing shared by every service (platform module). Versions are dates so that platform and
-- service migrations interleave in the order they were written.

-- The append-only event store: one row per event, never updated or deleted.
create table event_store (
    global_position bigserial primary key,
    event_id        uuid        not null unique,
    stream_id       text        not null,
    stream_version  integer     not null check (stream_version >= 1),
    event_type      text        not null,
    schema_version  integer     not null check (schema_version >= 1),
    subject         text,
    payload         jsonb       not null,
    metadata        jsonb       not null,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    constraint event_store_stream_version_unique unique (stream_id, stream_version)
);

-- Refuses UPDATE, DELETE and TRUNCATE on an append-only table; services use it for their own too.
create function joinedup_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end;
$$;

create trigger event_store_no_update_or_delete
    before update or delete or truncate on event_store
    for each statement execute function joinedup_append_only();

-- The transactional outbox: written in the same transaction as the event row; the relay deletes a
-- row only after the broker acknowledged the message. A queue, claimed with FOR UPDATE SKIP LOCKED,
-- so a transaction that commits late with a lower id is still published (never "position > last").
create table outbox (
    id          bigserial primary key,
    event_id    uuid not null unique references event_store (event_id),
    topic       text not null,
    message_key text
);

create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('joinedup_outbox', '');
    return null;
end;
$$;

create trigger outbox_wake_relay
    after insert on outbox
    for each statement execute function outbox_notify();

-- Idempotent consumption: an event id is recorded here in the same transaction as the change it
-- causes, so a redelivered event changes nothing.
create table processed_message (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
