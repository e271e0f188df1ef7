-- For you (issue 16): what readers tell us about papers beyond votes and saves, where their
-- library entries came from, personal API tokens, the ranking learned for each reader, and what
-- was already recommended to them. Later migrations of this issue: V61 (feedback and tokens),
-- V62 (library), V63 (ranking), each only if its part needs more.

-- Feedback from a card or a digest's link: one per reader and paper, the latest wins; undoing it
-- deletes the row. 'up' and 'down' are the digest's thumbs; 'not-interested' hides the paper.
create table feedback (
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    paper_id      text        not null references paper (id) on delete cascade,
    signal        text        not null check (signal in ('up', 'down', 'not-interested')),
    created_at    timestamptz not null default now(),
    primary key (subscriber_id, paper_id)
);
create index feedback_recent on feedback (created_at);

-- The library is the saved papers; origin says how each got there: 'save' (a card's button),
-- 'import' (a BibTeX, RIS, CSL-JSON or id list), 'pick' (the first-minute picks), 'author'
-- ("papers by me").
alter table saved_paper add column origin text not null default 'save';

-- Entries of an imported library that matched no paper in the catalog, listed to the reader; one
-- with an arXiv id is fetched from the arXiv API and then matched.
create table library_unmatched (
    id            bigserial   primary key,
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    title         text,
    arxiv_id      text,
    doi           text,
    status        text        not null default 'unmatched',  -- unmatched, fetching, not-found
    created_at    timestamptz not null default now()
);
create index library_unmatched_reader on library_unmatched (subscriber_id);

-- Personal API tokens: only a hash is kept; the token itself is shown once when created.
create table api_token (
    id            uuid        primary key default gen_random_uuid(),
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    name          text        not null,
    token_hash    text        not null unique,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_reader on api_token (subscriber_id);

-- The linear model learned for each reader over one embedding model's vectors (the signature of
-- the model whose vectors the weights apply to); kind is 'centroid' below a few positives.
create table reader_model (
    subscriber_id uuid        primary key references subscriber (id) on delete cascade,
    model         text        not null,
    kind          text        not null,
    weights       bytea       not null,
    bias          real        not null default 0,
    positives     integer     not null,
    negatives     integer     not null,
    learned_until timestamptz,           -- the newest feedback, save or vote it learned from
    trained_at    timestamptz not null default now()
);

-- Papers recommended to a reader (the For you tab, the digest, the API): never recommended again.
create table recommendation (
    subscriber_id uuid        not null references subscriber (id) on delete cascade,
    paper_id      text        not null references paper (id) on delete cascade,
    shown_at      timestamptz not null default now(),
    score         real        not null,
    because_id    text,
    primary key (subscriber_id, paper_id)
);

-- The digest's "For you" section is on unless the reader turns it off.
alter table subscriber add column for_you boolean not null default true;
