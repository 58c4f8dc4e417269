-- Each agency's own view of a child's concerns: a read model, rebuildable by folding the concern
-- streams in event_store. concern_view holds each concern as it now is; concern_visibility says
-- which agency may see it and why ('raised' now; 'shared' when information sharing arrives).
create table concern_view (
    concern_id  uuid primary key,
    child_id    uuid        not null,
    agency_id   text        not null,
    occurred_at timestamptz not null,
    status      text        not null,
    version     integer     not null,
    view        jsonb       not null
);

create index concern_view_child on concern_view (child_id, occurred_at);

create table concern_visibility (
    concern_id uuid not null references concern_view (concern_id),
    agency_id  text not null,
    via        text not null,
    primary key (concern_id, agency_id)
);

create index concern_visibility_agency on concern_visibility (agency_id);
