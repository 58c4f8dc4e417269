-- Idempotency-Key on POST: the first answer to a key is kept, in the same transaction as the change
-- it made, and a retry with the same key and the same request gets that answer again.
create table idempotency_key (
    scope        text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer     not null,
    location     text,
    etag         text,
    body         text        not null,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);
