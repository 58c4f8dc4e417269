-- referral-service's read models. Every row here is derived from events (its own event store, or
-- concerns.events for the concern copy) and can be rebuilt from them.

-- What referral-service knows of concern-service's children and concerns, from concerns.events:
-- enough to check that a referral names a real child and concerns the referrer may cite.
create table known_child (
    child_id      uuid primary key,
    registered_at timestamptz not null
);

create table known_concern (
    concern_id uuid primary key,
    child_id   uuid not null,
    agency_id  text not null,
    withdrawn  boolean not null default false
);
create index known_concern_child on known_concern (child_id);

-- Concerns another agency shared with an agency: it may cite them in a referral.
create table known_concern_share (
    concern_id uuid not null,
    to_agency  text not null,
    primary key (concern_id, to_agency)
);

-- One row per referral: columns to find it by, the view as JSON, and when its next clock runs out
-- (null when none is waiting), which the clock sweep looks for.
create table referral_view (
    referral_id uuid primary key,
    child_id    uuid not null,
    from_agency text not null,
    to_agency   text not null,
    status      text not null,
    made_at     timestamptz not null,
    overdue     boolean not null,
    next_due_at timestamptz,
    version     int not null,
    view        jsonb not null
);
create index referral_view_from on referral_view (from_agency, made_at);
create index referral_view_to on referral_view (to_agency, made_at);
create index referral_view_child on referral_view (child_id);
create index referral_view_due on referral_view (next_due_at) where next_due_at is not null;

-- One Team Around the Child per child.
create table team_view (
    team_id     uuid primary key,
    child_id    uuid not null unique,
    agencies    text[] not null,
    next_due_at timestamptz,
    version     int not null,
    view        jsonb not null
);
create index team_view_due on team_view (next_due_at) where next_due_at is not null;
create index team_view_agencies on team_view using gin (agencies);

-- Each action of a plan, to answer "the actions I own" without reading every team.
create table team_action (
    action_id          uuid primary key,
    team_id            uuid not null references team_view (team_id),
    child_id           uuid not null,
    owner_agency       text,
    owner_practitioner text,
    due_on             date not null,
    status             text not null,
    overdue            boolean not null,
    view               jsonb not null
);
create index team_action_owner on team_action (owner_agency, owner_practitioner);
