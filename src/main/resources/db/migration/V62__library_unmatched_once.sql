-- Library imports (issue 16): an entry that matched nothing is listed once per reader, however
-- often the same library is imported; it is known by what it names (arXiv id, DOI, title).
create unique index library_unmatched_entry on library_unmatched
    (subscriber_id, coalesce(arxiv_id, ''), coalesce(doi, ''), md5(coalesce(title, '')));
