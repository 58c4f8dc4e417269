-- The chronology carries a child's wellbeing ratings over time (every plan-reviewed of the child's records)
-- on each page it answers: this keeps that read to the reviews, not the child's whole chronology.
create index if not exists ledger_entry_plan_reviews on ledger_entry (child_id, occurred_at)
    where event_type = 'plan-reviewed';
