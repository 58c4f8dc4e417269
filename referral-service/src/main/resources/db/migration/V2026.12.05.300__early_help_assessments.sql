-- Early help assessments (docs/early-help.md): one row per assessment, derived from its event stream
-- and rebuilt from it; team_id is the Team Around the Child that works from it (from team-assessment-linked).
create table early_help_assessment_view (
    assessment_id uuid        primary key,
    child_id      uuid        not null,
    agency_id     text        not null,
    status        text        not null,
    team_id       uuid,
    started_at    timestamptz not null,
    version       int         not null,
    view          jsonb       not null
);
create index early_help_assessment_child on early_help_assessment_view (child_id, started_at);
create index early_help_assessment_agency on early_help_assessment_view (agency_id, started_at);
create index early_help_assessment_team on early_help_assessment_view (team_id) where team_id is not null;
