-- An account is an address proven by an emailed link; the digest is one of its settings. Leaving
-- the digest no longer closes the account: the library, the votes and signing in stay.
-- status now says only what is known of the address: pending (no link used yet), confirmed, or
-- bouncing; the digest column says whether digests go out.
alter table subscriber add column digest boolean not null default false;
update subscriber set digest = true where status in ('confirmed', 'bouncing');
update subscriber set status = case when confirmed_at is null then 'pending' else 'confirmed' end
    where status = 'unsubscribed';
