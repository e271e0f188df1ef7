-- Subscribers: double opt-in, topics as saved searches, a cadence and an hour in their own zone.
create table subscriber (
    id           uuid primary key default gen_random_uuid(),
    email        text        not null,
    email_key    text        not null unique,        -- lower-cased, for lookups
    status       text        not null default 'pending',  -- pending, confirmed, unsubscribed, bouncing
    topics       text[]      not null default '{}',  -- search queries; none means all trending
    cadence      text        not null default 'daily',    -- daily, weekly
    hour         integer     not null default 8,
    zone         text        not null default 'UTC',
    bounces      integer     not null default 0,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz
);

-- Transactional outbox: a message is written here in the same transaction as its cause, and a
-- sender drains it over SMTP. Message-ID is fixed at creation so a resend is recognisable.
create table outbox (
    id           bigserial primary key,
    message_id   text        not null unique,
    recipient    text        not null,
    subscriber_id uuid references subscriber (id) on delete set null,
    kind         text        not null,               -- confirm, signin, digest
    subject      text        not null,
    text_body    text        not null,
    html_body    text,
    unsubscribe_url text,
    status       text        not null default 'queued',  -- queued, sending, sent, failed
    attempts     integer     not null default 0,
    next_attempt timestamptz not null default now(),
    claimed_at   timestamptz,
    last_error   text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_due on outbox (next_attempt) where status = 'queued';
create index outbox_recipient on outbox (lower(recipient), created_at);

-- One digest per subscriber and period, recorded before it is sent (with its outbox message in
-- the same transaction); papers already sent to a subscriber are not sent again.
create table digest (
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    period        text        not null,
    outbox_id     bigint references outbox (id),
    papers        integer     not null,
    created_at    timestamptz not null default now(),
    primary key (subscriber_id, period)
);
create table digest_paper (
    subscriber_id uuid not null references subscriber (id) on delete cascade,
    paper_id      text not null,
    primary key (subscriber_id, paper_id)
);
