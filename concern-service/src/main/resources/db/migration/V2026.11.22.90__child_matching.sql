-- Child identity across agencies: every way a child has been identified (aliases kept), the blocking
-- keys that decide which identities are compared, the review queue of likely matches, and the links
-- safeguarding leads make. Children indexed before this migration have no identities here: their
-- next concern records one (local stacks: deploy/stack.sh reset).

-- Each distinct identification a child was recorded with (personal data: read by leads only).
create table child_identity (
    child_id       uuid        not null,
    fingerprint    text        not null,
    identification jsonb       not null,
    first_concern  uuid        not null,
    agency_id      text        not null,
    recorded_at    timestamptz not null,
    primary key (child_id, fingerprint)
);

-- Blocking keys (see ChildMatcher): only children that share a key are compared.
create table child_blocking_key (
    blocking_key text not null,
    child_id     uuid not null,
    primary key (blocking_key, child_id)
);

-- The review queue: a pair of child records that may be one child, for a lead to link or dismiss.
-- child_id < other_child_id, so a pair is queued once.
create table child_match_candidate (
    candidate_id    uuid        primary key,
    child_id        uuid        not null,
    other_child_id  uuid        not null,
    score           numeric(4, 3) not null,
    reasons         text[]      not null,
    status          text        not null default 'open' check (status in ('open', 'linked', 'dismissed')),
    found_at        timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    constraint child_match_candidate_pair unique (child_id, other_child_id),
    constraint child_match_candidate_ordered check (child_id < other_child_id)
);

create index child_match_candidate_open on child_match_candidate (found_at) where status = 'open';

-- Links between child records: read as one child while not unlinked. The events are the record;
-- this is their projection.
create table child_link (
    link_id         uuid        primary key,
    child_id        uuid        not null,
    linked_child_id uuid        not null,
    candidate_id    uuid,
    reason          text        not null,
    linked_by       text        not null,
    linked_at       timestamptz not null,
    unlinked_by     text,
    unlinked_at     timestamptz,
    unlink_reason   text,
    constraint child_link_not_self check (child_id <> linked_child_id)
);

create unique index child_link_pair_in_force on child_link
    (least(child_id, linked_child_id), greatest(child_id, linked_child_id)) where unlinked_at is null;
create index child_link_child on child_link (child_id) where unlinked_at is null;
create index child_link_linked_child on child_link (linked_child_id) where unlinked_at is null;
