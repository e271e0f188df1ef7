-- The catalog: one row per paper, whatever sources it came from.
create table paper (
    id               text primary key,          -- scheme-prefixed: arxiv:2410.21271, doi:10..., title:...
    version          integer,                   -- arXiv version; null when no source said
    title            text        not null,
    title_key        text        not null,      -- folded title, for dedupe and exact-title search
    abstract         text        not null default '',
    authors          jsonb       not null default '[]',  -- ordered [{name, affiliations[]}]
    primary_category text,
    categories       text[]      not null default '{}',
    published        date,
    updated          date,
    abstract_url     text,
    pdf_url          text,
    doi              text,
    code_url         text,
    comment          text,
    journal_ref      text,
    sources          text[]      not null default '{}',
    first_seen       timestamptz not null default now(),
    changed_at       timestamptz not null default now()
);

create index paper_title_key on paper (title_key);
create index paper_doi on paper (lower(doi)) where doi is not null;
create index paper_newest on paper (published desc nulls last, id);

-- Popularity figures reported by sources (e.g. Hugging Face upvotes), latest value per kind.
create table paper_signal (
    paper_id    text        not null references paper (id) on delete cascade,
    source      text        not null,
    kind        text        not null,
    value       bigint      not null,
    observed_at timestamptz not null,
    primary key (paper_id, source, kind)
);
