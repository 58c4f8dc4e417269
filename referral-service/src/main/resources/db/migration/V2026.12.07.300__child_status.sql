-- "Is anyone worried?" (issue 26, docs/pathway.md): the NHS numbers and links of the child records this
-- service knows (from concerns.events), the facts a child's status is derived from, and every lookup.
create table known_child_nhs (
    nhs_number text not null,
    child_id   uuid not null,
    primary key (nhs_number, child_id)
);
create table known_child_link (
    link_id         uuid primary key,
    child_id        uuid not null,
    linked_child_id uuid not null,
    active          boolean not null
);
create index known_child_link_child on known_child_link (child_id) where active;
create index known_child_link_linked on known_child_link (linked_child_id) where active;
create table child_status_fact (
    fact_id    uuid primary key,
    child_id   uuid not null,
    kind       text not null,
    agency_id  text,
    lead       text,
    categories text[] not null default '{}',
    since      timestamptz not null,
    ended_at   timestamptz
);
create index child_status_fact_in_force on child_status_fact (child_id) where ended_at is null;
-- Every lookup, of a known child or not: who asked, why, what they were told.
create table status_lookup (
    lookup_id    uuid primary key,
    child_id     uuid,
    agency_id    text not null,
    agency_kind  text,
    looked_up_by text not null,
    purpose      text not null,
    answered     text not null,
    looked_up_at timestamptz not null
);
create index status_lookup_child on status_lookup (child_id, looked_up_at desc) where child_id is not null;
