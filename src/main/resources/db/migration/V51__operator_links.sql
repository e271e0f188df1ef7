-- Operator sign-in links, shared by every instance on this database: a link printed by one works on
-- any, once. Only a hash of each code is kept, so reading this table signs nobody in.
create table operator_link (
    code_hash  text        primary key,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index operator_link_expiry on operator_link (expires_at);
