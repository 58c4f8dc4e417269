-- An agency's webhook subscription paused automatically because its callback kept failing
-- (webhook-subscription-paused from notification-service): a notice in the agency's inbox until
-- someone at the agency acknowledges it.
create table webhook_notice (
    notice_id        uuid        primary key,  -- the event's id
    subscription_id  uuid        not null,
    agency_id        text        not null,
    callback_host    text        not null,
    failed_attempts  integer     not null,
    failing_since    timestamptz,
    last_error       text,
    paused_at        timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);
create index webhook_notice_inbox on webhook_notice (agency_id, paused_at) where acknowledged_at is null;
