-- The search index records up to when it covers the catalog; at start it re-indexes the papers
-- changed since (a crash between a catalog write and an index commit), found through this index.
create index paper_changed on paper (changed_at);
