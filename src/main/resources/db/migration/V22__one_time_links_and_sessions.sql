-- Emailed sign-in and confirmation links work once: each carries the subscriber's link serial at
-- the time it was sent; using a link, sending a newer one or unsubscribing moves the serial on, so
-- an older link reads as used. The digest's "change topics or schedule" link carries the manage
-- serial instead, which only "sign out everywhere" moves on.
alter table subscriber
    add column link_serial   bigint not null default 0,
    add column manage_serial bigint not null default 0;

-- Signed-in browsers, one row each, so that one can sign out, or all at once.
create table reader_session (
    id            uuid        primary key default gen_random_uuid(),
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null
);
create index reader_session_subscriber on reader_session (subscriber_id);
create index reader_session_expiry on reader_session (expires_at);
