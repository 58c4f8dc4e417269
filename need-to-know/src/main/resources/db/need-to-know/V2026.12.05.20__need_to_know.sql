-- Need to know (need-to-know module, docs/access.md): which agency has which relationship with which
-- child record, which records are read as one child, and where each record places the child. Every row
-- is derived from events (this service's own, applied in their transaction, and other services' from
-- Kafka) and can be rebuilt from them.

-- Each child record the service has heard of, the group it is read in (records a lead linked share a
-- group; a record alone is its own group), and the latest place it gives for the child: the postcode
-- district and sector only, which is all the front-door rule needs.
create table ntk_child_record (
    child_id  uuid primary key,
    group_id  uuid not null,
    district  text,
    sector    text,
    placed_at timestamptz
);
create index ntk_child_record_group on ntk_child_record (group_id);

-- The links leads made between records (in force or undone): groups are recomputed from them.
create table ntk_child_link (
    link_id         uuid primary key,
    child_id        uuid    not null,
    linked_child_id uuid    not null,
    in_force        boolean not null
);
create index ntk_child_link_child on ntk_child_link (child_id) where in_force;
create index ntk_child_link_linked_child on ntk_child_link (linked_child_id) where in_force;

-- An agency's relationship with a child record, and what it came from:
--   raised (a concern: record = the concern), recorded (a decision not to share), shared-to /
--   shared-from (record = the share, concern_ids = what it carried), referred-to / referred-from
--   (record = the referral), team-member (ref = the member, record = the team; ended when they leave),
--   emergency-access (record = the grant; actor_id is the one lead it was granted to; until expires_at).
create table ntk_relationship (
    child_id    uuid        not null,
    agency_id   text        not null,
    via         text        not null,
    ref_id      uuid        not null,
    record_id   uuid        not null,
    concern_ids uuid[]      not null default '{}',
    actor_id    text,
    began_at    timestamptz not null,
    ended_at    timestamptz,
    expires_at  timestamptz,
    primary key (child_id, agency_id, via, ref_id)
);
create index ntk_relationship_agency on ntk_relationship (agency_id, child_id);

-- When this service's own past events (those it wrote before this read model existed) were replayed
-- into it: once per database. Other services' events come from their topics, read from the start.
create table ntk_backfill (
    id         int primary key check (id = 1),
    done_at    timestamptz not null,
    events     bigint      not null
);
