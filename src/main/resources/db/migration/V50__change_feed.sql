-- The change feed the search index follows (docs/SEARCH.md, "The index follows the catalog").
--
-- Every insert or update of a paper, and of a stored vector (it changes the indexed document),
-- stamps the row with the id of the transaction that wrote it. A follower keeps a watermark W
-- (an xid8) and reads H = pg_snapshot_xmin(pg_current_snapshot()): every transaction with an id
-- below H has ended, and every later write gets an id of at least H. So the rows stamped in
-- [W, H) are exactly the changes it has not applied yet; no change is skipped, however late an
-- early transaction commits (which a sequence or a now()-based changed_at cannot promise), and
-- reading one twice is harmless because the index updates by paper id.

create function stamp_change_xid() returns trigger language plpgsql as $$
begin
  new.change_xid := pg_current_xact_id();
  return new;
end $$;

-- Notifications go out at commit, and several in one transaction fold into one.
create function notify_catalog_changes() returns trigger language plpgsql as $$
begin
  perform pg_notify('catalog_changes', '');
  return null;
end $$;

-- Existing rows get the migration's own transaction id: a follower whose watermark is older
-- indexes them again, which is harmless.
alter table paper add column change_xid xid8 not null default pg_current_xact_id();
alter table paper_embedding add column change_xid xid8 not null default pg_current_xact_id();
create index paper_change_xid on paper (change_xid);
create index paper_embedding_change_xid on paper_embedding (change_xid);

create trigger paper_change_xid before insert or update on paper
  for each row execute function stamp_change_xid();
create trigger paper_embedding_change_xid before insert or update on paper_embedding
  for each row execute function stamp_change_xid();

-- A deleted paper leaves a row here, so the follower removes it from the index too.
create table paper_removed (
  paper_id   text primary key,
  change_xid xid8 not null default pg_current_xact_id()
);
create index paper_removed_change_xid on paper_removed (change_xid);

create function remember_removed_paper() returns trigger language plpgsql as $$
begin
  insert into paper_removed (paper_id) values (old.id)
    on conflict (paper_id) do update set change_xid = pg_current_xact_id();
  return null;
end $$;

create trigger paper_removed after delete on paper
  for each row execute function remember_removed_paper();

create trigger paper_notify after insert or update or delete on paper
  for each statement execute function notify_catalog_changes();
create trigger paper_embedding_notify after insert or update or delete on paper_embedding
  for each statement execute function notify_catalog_changes();

-- A reindex asked of every instance (bin/paperboy reindex against an external database): each
-- follower rebuilds its index beside the live one when the newest generation here is newer than
-- the one its index was built for.
create table reindex_request (
  generation   bigint generated always as identity primary key,
  requested_at timestamptz not null default now()
);

create function notify_reindex() returns trigger language plpgsql as $$
begin
  perform pg_notify('catalog_changes', 'reindex');
  return null;
end $$;

create trigger reindex_request_notify after insert on reindex_request
  for each statement execute function notify_reindex();

-- Nothing reads changed_at any more (the index catches up by transaction id); its index only
-- slowed every write.
drop index paper_changed;
