-- A page view counts once per client, per paper, per day. The client is kept only as a keyed hash
-- (HMAC with the signing key, over the day and the client's address), and only for that day and
-- the next: it is what tells a reload, or a flood from one client, from a new reader.
create table paper_view_seen (
    day      date not null,
    visitor  text not null,
    paper_id text not null references paper (id) on delete cascade,
    primary key (day, paper_id, visitor)
);
