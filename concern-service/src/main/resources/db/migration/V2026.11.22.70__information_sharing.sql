-- Information sharing. A concern shared with an agency becomes visible to it as the snapshot that was
-- shared (exactly what was sent, nothing later); share_view backs the recipient's inbox.
alter table concern_visibility add column snapshot jsonb;

create table share_view (
    share_id        uuid primary key,
    child_id        uuid        not null,
    from_agency     text        not null,
    to_agency       text        not null,
    shared_at       timestamptz not null,
    acknowledged_at timestamptz,
    override        boolean     not null,
    view            jsonb       not null
);

create index share_view_inbox on share_view (to_agency, shared_at) where acknowledged_at is null;
