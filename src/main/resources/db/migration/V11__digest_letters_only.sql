-- A digest period is recorded only by a letter that was sent: a check that found nothing new no
-- longer uses up the period, so papers that arrive later in it still go out. Records of such
-- empty checks, made before this change, are dropped so that today's papers can still be sent.
delete from digest where outbox_id is null and papers = 0;

-- When each paper's arXiv categories were last asked of the arXiv API (Hugging Face papers arrive
-- without them): asked again after a day when still missing, after a week to catch new versions.
create table category_check (
    paper_id   text        primary key references paper (id) on delete cascade,
    checked_at timestamptz not null
);
