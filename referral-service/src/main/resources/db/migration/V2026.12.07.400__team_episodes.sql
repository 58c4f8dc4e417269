-- Early help needs the family's consent and ends (issue 26): a team can be closed, and a child may have
-- another episode of early help later, with a new team. One open team per child, any number closed.
alter table team_view add column closed_at timestamptz;
alter table team_view drop constraint team_view_child_id_key;
create unique index team_view_open_child on team_view (child_id) where closed_at is null;
create index team_view_child on team_view (child_id);
