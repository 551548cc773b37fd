-- Rate-limit buckets (Bucket4j, select-for-update), shared by every replica. The id is a SHA-256 of
-- the limit's name and key (an address, a device cookie, a phone number), so no personal data is kept;
-- expires_at (epoch milliseconds) is when the bucket would be full again: expired rows are removed.
create table rate_limit_bucket (
  id         text primary key,
  state      bytea,
  expires_at bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
