-- Bigger-picture flags, for safeguarding leads. A flag is raised once per child, rule and set of
-- concerns behind it: the same picture does not alert twice; a new piece of it does.
create table bigger_picture_flag (
    flag_id     uuid primary key,
    child_id    uuid        not null,
    rule        text        not null,
    concern_ids uuid[]      not null,
    agencies    text[]      not null,
    summary     text        not null,
    raised_at   timestamptz not null,
    constraint bigger_picture_flag_once unique (child_id, rule, concern_ids)
);

create index bigger_picture_flag_recent on bigger_picture_flag (raised_at desc);
