-- notification-service's own database (docs/notifications.md).

-- An agency system's callback: what it wants to be told, and the secret deliveries are signed with.
-- During a rotation the previous secret signs too, until it expires.
create table subscription (
    id                          uuid        primary key,
    agency_id                   text        not null,
    callback_url                text        not null,
    kinds                       text        not null,  -- notification kinds, comma-separated
    secret                      text        not null,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    status                      text        not null check (status in ('active', 'paused')),
    paused_reason               text,
    consecutive_failures        integer     not null default 0,
    created_by                  text        not null,
    created_at                  timestamptz not null,
    version                     integer     not null default 0
);
create index subscription_agency on subscription (agency_id);

-- One notification per event, kind and receiving agency: its id is the webhook-id a receiver
-- deduplicates by. The body holds identifiers and a headline, never the sensitive detail.
create table notification (
    id          uuid        primary key,
    event_id    uuid        not null,
    kind        text        not null,
    agency_id   text        not null,
    child_id    uuid,
    body        text        not null,
    created_at  timestamptz not null,
    unique (event_id, kind, agency_id)
);

-- A notification on its way to one subscription. seq orders a subscription's deliveries; a delivery
-- waits while an earlier one about the same child (order_key) is still pending. lease_until marks a
-- delivery a worker is sending, so that a worker that dies mid-delivery leaves it to be sent again.
create table delivery (
    id               uuid        primary key,
    seq              bigserial   not null unique,
    notification_id  uuid        not null references notification (id),
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    order_key        text        not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    retry_from       timestamptz not null,  -- the retry window runs from here (made, or asked again)
    lease_until      timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (notification_id, subscription_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'pending';
create index delivery_order on delivery (subscription_id, order_key, seq) where status = 'pending';

create table delivery_attempt (
    id            bigserial   primary key,
    delivery_id   uuid        not null references delivery (id) on delete cascade,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    duration_ms   integer     not null
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, id);

-- What the notification rules need to know from earlier events: who sent a share, the two sides of a referral.
create table share_side (
    share_id     uuid primary key,
    from_agency  text not null,
    to_agency    text not null
);
create table referral_side (
    referral_id  uuid primary key,
    from_agency  text not null,
    to_agency    text not null
);

-- Each event is turned into notifications once, however often Kafka delivers it.
create table processed_event (
    event_id      uuid        primary key,
    processed_at  timestamptz not null
);
