-- Child protection episodes (issue 26, docs/pathway.md): one row per episode, a projection of the
-- child-protection-<id> streams: strategy discussion, enquiry, conference, plan.
create table child_protection_episode (
    episode_id      uuid primary key,
    child_id        uuid not null,
    local_authority text not null,
    stage           text not null,
    plan_since      timestamptz,
    -- The soonest running deadline not yet recorded overdue: when the sweep must look again; null when none.
    next_due_at     timestamptz,
    version         int not null,
    view            jsonb not null
);
create index child_protection_episode_child on child_protection_episode (child_id);
create index child_protection_episode_due on child_protection_episode (next_due_at) where next_due_at is not null;
