-- Rate limits shared by every instance on this database: one Bucket4j token bucket per limit and
-- key (for example "votes-per-client:203.0.113.7"), its state serialised by Bucket4j. expires_at
-- (epoch milliseconds) is when the bucket would be full again: past it a row says nothing that a
-- fresh bucket would not, so expired rows are deleted in the background.
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
