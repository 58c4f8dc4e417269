-- Break-glass notices (docs/access.md): when a lead opens a child's records by break-glass, every agency
-- holding records about the child finds it in its inbox until it acknowledges it. Derived from
-- emergency-access-granted and emergency-access-acknowledged; rebuildable from the event store.
create table emergency_access_notice (
    grant_id        uuid        not null,
    agency_id       text        not null,
    child_id        uuid        not null,
    granted_at      timestamptz not null,
    view            jsonb       not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    primary key (grant_id, agency_id)
);
create index emergency_access_notice_inbox on emergency_access_notice (agency_id, granted_at) where acknowledged_at is null;
