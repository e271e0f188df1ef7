-- A digest run is split into partitions (ranges of subscriber ids) that instances on one database
-- claim with FOR UPDATE SKIP LOCKED, so N instances share one run. A claim is a lease: when its
-- instance dies, the lease runs out and another instance takes the partition over; the digest
-- table's one row per subscriber and period keeps every letter single even then.
create table digest_run (
    id          bigserial   primary key,
    kind        text        not null check (kind in ('due', 'now')),
    -- a scheduled check: the start of the schedule's period it belongs to, shared by all instances
    slot        timestamptz,
    partitions  integer     not null check (partitions > 0),
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
create unique index digest_run_slot on digest_run (kind, slot);

create table digest_partition (
    run_id      bigint      not null references digest_run (id) on delete cascade,
    part        integer     not null,
    lease_until timestamptz,
    claimed_by  text,
    done_at     timestamptz,
    primary key (run_id, part)
);
