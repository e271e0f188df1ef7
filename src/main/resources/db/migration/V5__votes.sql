-- Signals from readers: one vote per person per paper (undoable), saved papers, and page views
-- counted per day without storing who viewed.
create table vote (
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    paper_id      text        not null references paper (id) on delete cascade,
    weight        real        not null,      -- votes from accounts younger than a day count less
    created_at    timestamptz not null default now(),
    primary key (subscriber_id, paper_id)
);
create index vote_recent on vote (created_at);

create table saved_paper (
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    paper_id      text        not null references paper (id) on delete cascade,
    created_at    timestamptz not null default now(),
    primary key (subscriber_id, paper_id)
);

create table paper_view (
    paper_id text    not null references paper (id) on delete cascade,
    day      date    not null,
    views    integer not null,
    primary key (paper_id, day)
);
