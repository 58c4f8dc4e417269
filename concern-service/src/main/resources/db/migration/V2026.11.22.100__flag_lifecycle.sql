-- Flags are acknowledged and cleared by safeguarding leads, with reasons; shared notes can be pieces
-- of the picture behind a flag. A flag is raised once per child, rule and set of pieces.
alter table bigger_picture_flag
    add column share_ids          uuid[] not null default '{}',
    add column status             text   not null default 'open'
        check (status in ('open', 'acknowledged', 'cleared')),
    add column acknowledged_by    text,
    add column acknowledged_at    timestamptz,
    add column acknowledge_reason text,
    add column cleared_by         text,
    add column cleared_at         timestamptz,
    add column clear_reason       text;

alter table bigger_picture_flag drop constraint bigger_picture_flag_once;
alter table bigger_picture_flag add constraint bigger_picture_flag_once unique (child_id, rule, concern_ids, share_ids);

create index bigger_picture_flag_child on bigger_picture_flag (child_id) where status <> 'cleared';
