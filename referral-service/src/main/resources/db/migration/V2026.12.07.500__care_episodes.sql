-- Child in need plans, looked-after episodes and police protections (issue 26, docs/pathway.md): one row per
-- episode, its view as the holding agency reads it, and when the sweep must next look at it.
create table care_episode (
    episode_id      uuid primary key,
    kind            text not null check (kind in ('child-in-need-plan', 'looked-after', 'police-protection')),
    child_id        uuid not null,
    local_authority text,
    police_agency   text,
    status          text not null,
    started_at      timestamptz not null,
    next_due_at     timestamptz,
    version         int not null,
    view            jsonb not null
);
create index care_episode_child on care_episode (child_id, kind, started_at desc);
create index care_episode_due on care_episode (kind, next_due_at) where next_due_at is not null;
