-- Gaps: each producer's stream (ce_streamid, ce_streamversion, set by the outbox relay) is followed
-- per source; a version that skips ahead (a missing event) or comes back (out of order) is recorded
-- here, never silently. The chronology of the child concerned shows it.
create table ledger_stream_position (
    source       text   not null,
    stream_id    text   not null,
    last_version bigint not null,
    primary key (source, stream_id)
);

create table ledger_gap (
    seq              bigint      not null,
    event_id         uuid        not null,
    child_id         uuid,
    source           text        not null,
    stream_id        text        not null,
    expected_version bigint      not null,
    received_version bigint      not null,
    kind             text        not null check (kind in ('missing', 'out-of-order')),
    detected_at      timestamptz not null,
    primary key (seq)
);

create index ledger_gap_child on ledger_gap (child_id) where child_id is not null;
