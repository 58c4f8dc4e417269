-- Who is involved with which child, the teams and their actions, links between child records: what
-- the rules for flags, team actions, reviews and links need to know (docs/notifications.md).

-- An agency's involvement with a child record, as the need-to-know policy counts it: it raised or
-- recorded something, shared or was shared with, referred or was referred to, or is in the team.
-- ended_at is set when the thing that made it ends (a member leaves the team).
create table involvement (
    child_id   uuid        not null,
    agency_id  text        not null,
    via        text        not null,
    ref_id     uuid        not null,
    began_at   timestamptz not null,
    ended_at   timestamptz,
    primary key (child_id, agency_id, via, ref_id)
);
create index involvement_child on involvement (child_id) where ended_at is null;

-- Links between child records a lead decided are the same child; in force until unlinked.
create table child_link (
    link_id          uuid    primary key,
    child_id         uuid    not null,
    linked_child_id  uuid    not null,
    in_force         boolean not null
);
create index child_link_child on child_link (child_id) where in_force;
create index child_link_linked on child_link (linked_child_id) where in_force;

-- Team Around the Child members (professionals carry their agency; the family does not).
create table team_member (
    member_id  uuid    primary key,
    team_id    uuid    not null,
    child_id   uuid    not null,
    agency_id  text,
    in_team    boolean not null
);
create index team_member_team on team_member (team_id);

-- The team's actions: who owns each, when it is due, whether it is still open, and for which owner
-- and due date the "due soon" notification was made.
create table team_action (
    action_id         uuid primary key,
    team_id           uuid not null,
    child_id          uuid not null,
    owner_member_id   uuid not null,
    due_on            date not null,
    open              boolean not null,
    due_soon_told     text   -- owner member id and due date the reminder was made for
);
create index team_action_due on team_action (due_on) where open;

-- A subscription whose callback keeps failing is paused; its agency is told by an event on
-- notifications.events, published from here until the broker has it (pause_notice_sent_at).
alter table subscription add column failing_since timestamptz;
alter table subscription add column last_error text;
alter table subscription add column pause_notice_id uuid;
alter table subscription add column paused_at timestamptz;
alter table subscription add column pause_notice_sent_at timestamptz;
create index subscription_pause_notice on subscription (pause_notice_id) where pause_notice_sent_at is null;

-- Every notification is kept for its agency, wanted by a subscription or not: the console shows an
-- agency's leads their notifications live and from where they left off (seq), and the list
-- (GET /notifications) reads them. Bodies hold identifiers and headlines only.
alter table notification add column seq bigserial;
create unique index notification_agency_seq on notification (agency_id, seq);

-- Wakes every instance's live streams when an agency's notification commits (the payload is the
-- agency id; Postgres sends one signal per agency and transaction).
create function notification_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('joinedup_notification', new.agency_id);
    return null;
end $$;
create trigger notification_wake_streams after insert on notification
    for each row execute function notification_notify();
