-- Letters are written once and read once by the postman: compressing them (pglz, PostgreSQL's
-- default for long text) cost more time than the disk it saved. Queuing 100,000 digests took
-- 83 s with compression and 46 s without (docs/PERFORMANCE.md).
alter table outbox alter column text_body set storage external,
                   alter column html_body set storage external;
