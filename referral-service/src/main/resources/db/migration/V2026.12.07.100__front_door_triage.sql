-- The front door's triage queue (issue 26, docs/pathway.md): one row per item (the contacts about one
-- child awaiting one front door's decision, then decided), a projection of the triage-<id> streams.
create table triage_item (
    triage_id         uuid primary key,
    child_id          uuid not null,
    front_door        text not null,
    status            text not null,
    risk_rank         int not null,
    first_received_at timestamptz not null,
    decision_due_by   timestamptz not null,
    -- When the sweep must next look at the item: its deadline while it awaits a decision and has not been
    -- recorded overdue; null otherwise.
    next_due_at       timestamptz,
    version           int not null,
    view              jsonb not null
);
-- One item awaits a front door's decision per child: a contact joins it rather than opening another.
create unique index triage_item_awaiting on triage_item (front_door, child_id) where status = 'awaiting-decision';
create index triage_item_queue on triage_item (front_door, status, risk_rank desc, decision_due_by);
create index triage_item_due on triage_item (next_due_at) where next_due_at is not null;
