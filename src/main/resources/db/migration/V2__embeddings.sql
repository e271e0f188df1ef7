-- Sentence embeddings, stored with the paper so a rebuilt index does not recompute them. The
-- model's name is kept with each vector: after a model change, stale vectors are noticed and
-- recomputed; text_hash notices a changed title or abstract.
create table paper_embedding (
    paper_id  text        not null references paper (id) on delete cascade,
    model     text        not null,
    text_hash text        not null,
    vector    bytea       not null,   -- float32 little-endian, unit length
    primary key (paper_id, model)
);

-- Acronyms defined in abstracts ("retrieval-augmented generation (RAG)"), one row per paper
-- that defines it, so a query for the acronym also finds papers that only spell it out. Derived
-- from the catalog like the index, and rebuilt with it.
create table acronym (
    acronym   text not null,     -- upper-case
    expansion text not null,     -- lower-case, as words
    paper_id  text not null references paper (id) on delete cascade,
    primary key (acronym, expansion, paper_id)
);
