-- One row per live source: its schedule (claimed with FOR UPDATE SKIP LOCKED so one instance
-- runs it), its health, and where an interrupted OAI-PMH list continues.
create table source_state (
    source               text primary key,
    next_run             timestamptz not null default now(),
    running_since        timestamptz,
    last_success         timestamptz,
    last_error           text,
    last_error_at        timestamptz,
    consecutive_failures integer     not null default 0,
    papers_added         bigint      not null default 0,
    harvested_until      date,        -- OAI-PMH: the list is complete up to this date
    resumption_token     text,        -- OAI-PMH: an interrupted list continues here
    resumption_from      date         -- OAI-PMH: the from date that token belongs to
);

-- Validators for conditional GET (ETag, Last-Modified), per URL.
create table http_validator (
    url           text primary key,
    etag          text,
    last_modified text
);
