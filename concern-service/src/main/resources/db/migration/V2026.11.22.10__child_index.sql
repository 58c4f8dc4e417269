-- The child index: each match key (a valid NHS number, or normalised names and date of birth) points
-- at one child. Rows are added, never changed: linking and unlinking records is a later feature with
-- its own events.
create table child_match_key (
    match_key  text primary key,
    child_id   uuid        not null,
    created_at timestamptz not null default now()
);

create index child_match_key_child on child_match_key (child_id);
