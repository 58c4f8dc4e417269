-- The directory's agencies and agreements as a read model (directory-view module). Rebuildable from
-- directory.events; applied inline by agency-directory-service, from Kafka by the other services.
create table directory_agency (
    agency_id       text primary key,
    name            text        not null,
    kind            text        not null,
    area            text        not null,
    contact_mailbox text,
    contact_phone   text,
    client_ids      text[]      not null default '{}',
    active          boolean     not null,
    version         integer     not null,
    registered_at   timestamptz not null,
    updated_at      timestamptz not null
);

create table directory_agreement (
    agreement_id               uuid primary key,
    title                      text        not null,
    parties                    text[]      not null,
    categories                 text[]      not null,
    purposes                   text[]      not null,
    lawful_basis               text        not null,
    special_category_condition text,
    partnership_level          text        not null,
    meeting_frequency          text        not null,
    valid_from                 date        not null,
    valid_to                   date        not null,
    review_date                date        not null,
    status                     text        not null,
    version                    integer     not null,
    proposed_at                timestamptz not null,
    activated_at               timestamptz,
    revoked_at                 timestamptz,
    revocation_reason          text,
    expired_at                 timestamptz
);

create index directory_agreement_parties on directory_agreement using gin (parties);

create table directory_agreement_signature (
    agreement_id   uuid        not null references directory_agreement (agreement_id),
    party          text        not null,
    signatory_name text        not null,
    signatory_role text        not null,
    signed_at      timestamptz not null,
    primary key (agreement_id, party)
);
